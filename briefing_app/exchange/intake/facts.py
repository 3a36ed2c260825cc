"""Events and facts: the article's sentences that are not quotations.

A sentence that ties something to a date is an event at that date (one per date: "revoked
the visa in September and, in October, imposed sanctions" is two events, cut at the
conjunction between the dates). Other informative sentences are facts, offered unticked:
the staffer picks the few worth keeping. Boilerplate (contacts, links, copyright,
"Read more") is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dating import DateMention, find_dates
from .sentences import Sentence

MIN_FACT_WORDS = 8
MIN_EVENT_WORDS = 5
_BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|©|all rights reserved|todos los derechos|^\s*(?:for more information|"
    r"para más información|contact|contacto|follow us|síguenos|read more|lee también|"
    r"subscribe|suscríbete|click here|haga clic|###|-30-|share this|comparte)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",?\s+(?:and|but|while|y|pero|mientras|e)\s*,?\s+|;\s+|,\s+(?=while"
                           r"|mientras)")


@dataclass
class Statement:
    kind: str  # "event" or "fact"
    text: str
    start: int
    end: int
    date: str = ""
    date_span: tuple[int, int] | None = None
    undated: bool = False
    relative: bool = False


def statements(text: str, sentences: list[Sentence], skip: set[int],
               head_spans: tuple[tuple[int, int], ...], language: str,
               base) -> list[Statement]:
    """Events and facts from every sentence not in ``skip`` (quotation sentences)."""
    found: list[Statement] = []
    for sentence in sentences:
        if sentence.heading or sentence.index in skip:
            continue
        start = sentence.start
        for a, b in head_spans:
            if a <= start < b:
                start = b  # the dateline is not part of the news
        while start < sentence.end and text[start].isspace():
            start += 1
        plain = " ".join(text[start : sentence.end].split())
        words = len(plain.split())
        if words < MIN_EVENT_WORDS or _BOILERPLATE.search(plain):
            continue
        dates = find_dates(text, start, sentence.end, language, base)
        if dates:
            found.extend(_events(text, start, sentence.end, dates))
        elif words >= MIN_FACT_WORDS and not plain.endswith("?"):
            found.append(Statement("fact", plain, start, sentence.end))
    return found


def _events(text: str, start: int, end: int, dates: list[DateMention]) -> list[Statement]:
    distinct: list[DateMention] = []
    for mention in dates:
        if mention.date and any(d.date == mention.date for d in distinct):
            continue
        distinct.append(mention)
    if len(distinct) == 1:
        mention = distinct[0]
        return [Statement("event", " ".join(text[start:end].split()), start, end,
                          mention.date, (mention.start, mention.end), mention.relative
                          and not mention.date, mention.relative)]
    cuts = [start]
    for before, after in zip(distinct, distinct[1:], strict=False):
        breaks = list(_CLAUSE_BREAK.finditer(text, before.end, after.start))
        if not breaks:  # one clause with two dates: each event keeps the whole sentence
            whole = " ".join(text[start:end].split())
            return [Statement("event", whole, start, end, m.date, (m.start, m.end),
                              m.relative and not m.date, m.relative) for m in distinct]
        cuts.append(breaks[-1].start())
    cuts.append(end)
    events = []
    for index, mention in enumerate(distinct):
        a, b = cuts[index], cuts[index + 1]
        if index > 0:
            connector = _CLAUSE_BREAK.match(text, a)
            a = connector.end() if connector else a
        events.append(Statement("event", _as_sentence(text[a:b]), a, b, mention.date,
                                (mention.start, mention.end),
                                mention.relative and not mention.date, mention.relative))
    return events


def _as_sentence(clause: str) -> str:
    clause = " ".join(clause.split()).strip(" ,;")
    if clause and clause[-1] not in ".!?…”\"»":
        clause += "."
    return clause[:1].upper() + clause[1:]
