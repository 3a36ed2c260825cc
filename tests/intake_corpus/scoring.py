"""Scores extraction against the corpus's hand-made answers (tests and bench share it).

Each ``NAME.expected.json`` lists, for one article, the quotes with their speakers, the
quoted names and scare quotes that must not come out as quotes, the people with their
roles, and date expressions with the partial date each one means. Matching is lenient
on form and strict on substance: a quote matches when its words are the same after
folding case, accents and punctuation (or nearly: 85% alike); a speaker or person
matches by name ("Petro" is "Gustavo Petro"); a date matches when a proposal's date
span covers the expression and its date is the expected one.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.exchange.intake import Extraction, extract, read_article

CORPUS = Path(__file__).resolve().parent


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[\w']+", bare))


def same_words(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def same_person(expected: str, found: str) -> bool:
    """Names agree when one's words are all in the other ("Trump", "Donald J. Trump")."""
    a, b = set(fold(expected).split()), set(fold(found).split())
    return bool(a) and bool(b) and (a <= b or b <= a)


@dataclass
class Score:
    quotes_expected: int = 0
    quotes_found: int = 0  # expected quotes that were proposed
    quotes_proposed: int = 0  # quote proposals, minus ambiguous passages
    quotes_correct: int = 0  # proposals that match an expected quote
    speakers_right: int = 0  # among found quotes
    scare_taken: int = 0  # names and scare quotes proposed as quotes
    people_expected: int = 0
    people_found: int = 0
    roles_expected: int = 0
    roles_right: int = 0
    dates_expected: int = 0
    dates_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name == "misses":
                self.misses.extend(other.misses)
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        return {
            "quote recall": share(self.quotes_found, self.quotes_expected),
            "quote precision": share(self.quotes_correct, self.quotes_proposed),
            "speaker accuracy": share(self.speakers_right, self.quotes_found),
            "people recall": share(self.people_found, self.people_expected),
            "role accuracy": share(self.roles_right, self.roles_expected),
            "date accuracy": share(self.dates_right, self.dates_expected),
        }


def expectations() -> list[dict]:
    found = []
    for path in sorted(CORPUS.glob("*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["path"] = CORPUS / data["file"]
        data["name"] = path.name.removesuffix(".expected.json")
        found.append(data)
    return found


def run(expected: dict, store=None) -> Extraction:
    article = read_article(expected["path"])
    return extract(article, store=store, published=expected.get("published") or "",
                   **expected.get("options", {}))


def score(expected: dict, extraction: Extraction) -> Score:
    result = Score()
    name = expected["name"]
    quotes = [i for i in extraction.items if i.kind == "quote"]
    ambiguous = expected.get("ambiguous", [])
    counted = [q for q in quotes if not any(same_words(q.text, a) for a in ambiguous)]
    result.quotes_proposed = len(counted)
    result.quotes_correct = sum(
        1 for q in counted if any(same_words(q.text, e["text"]) for e in expected["quotes"]))
    for wanted in expected["quotes"]:
        result.quotes_expected += 1
        match = next((q for q in quotes if same_words(q.text, wanted["text"])), None)
        if match is None:
            result.misses.append(f"{name}: quote not found: {wanted['text']!r}")
            continue
        result.quotes_found += 1
        speaker = extraction.person(match.speaker)
        if speaker is not None and same_person(wanted["speaker"], speaker.name):
            result.speakers_right += 1
        else:
            result.misses.append(f"{name}: speaker of {wanted['text'][:40]!r}: "
                                 f"{speaker.name if speaker else None} "
                                 f"(expected {wanted['speaker']})")
    for term in expected.get("not_quotes", []):
        if any(same_words(q.text, term) for q in quotes):
            result.scare_taken += 1
            result.misses.append(f"{name}: taken for a quote: {term!r}")
    for wanted in expected["people"]:
        result.people_expected += 1
        person = next((p for p in extraction.people if same_person(wanted["name"], p.name)),
                      None)
        if person is None:
            result.misses.append(f"{name}: person not found: {wanted['name']}")
            continue
        result.people_found += 1
        if wanted.get("role"):
            result.roles_expected += 1
            role, want = fold(person.role), fold(wanted["role"])
            if role and (want in role or role in want):
                result.roles_right += 1
            else:
                result.misses.append(f"{name}: role of {wanted['name']}: {person.role!r} "
                                     f"(expected {wanted['role']!r})")
    text = extraction.text
    for wanted in expected["dates"]:
        result.dates_expected += 1
        places = [m.start() for m in re.finditer(re.escape(wanted["text"]), text)]
        got = []
        for item in extraction.items:
            if item.date_span is None:
                continue
            a, b = item.date_span
            if any(a < p + len(wanted["text"]) and p < b for p in places):
                got.append(item.date)
        if wanted["date"] in got:
            result.dates_right += 1
        else:
            result.misses.append(f"{name}: date {wanted['text']!r}: {got} "
                                 f"(expected {wanted['date']})")
    return result
