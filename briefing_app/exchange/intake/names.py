"""Names in an article: runs of capitalised words, and which part of a run is the name.

"Treasury Secretary Scott Bessent" is one run whose name is its last two words; "White
House", "Latin America" or "OFAC" hold no name at all. Whether a name is a person is
decided by :mod:`.people`, from the evidence around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .given_names import is_given_name
from .lexicon import (
    CHANNEL_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORGANIZATION_WORDS,
    SPEECH_VERBS,
    TITLES,
    bare,
    key,
)
from .places import PLACE_WORDS, country_of
from .sentences import Sentence, Token


def name_words(name: str) -> list[str]:
    """The words that tell names apart: no particles ("de", "da") and no initials ("J."),
    so "Donald J. Trump" is "Donald Trump" and "Lula da Silva" is "Lula Silva"."""
    words = (bare(w).rstrip(".") for w in name.split())
    return [w for w in words if w not in NAME_PARTICLES and len(w) > 1]


@dataclass
class NameRun:
    sentence: Sentence
    first: int  # token indexes, inclusive
    last: int
    name_from: int  # where the name begins within the run


def name_like(token: Token) -> bool:
    """A word that may be part of a name: capitalised, not an acronym ("OFAC"), a title,
    an organisation or place word, a country, a month or a sentence opener."""
    text = token.text
    word = key(text).removesuffix("'s")
    if not token.is_capitalized or (len(text) > 1 and text.rstrip("’'s").isupper()):
        return False
    excluded = (TITLES, ORGANIZATION_WORDS, PLACE_WORDS, NOT_NAME_WORDS, CHANNEL_WORDS)
    return (not any(word in words for words in excluded) and country_of(word) is None
            and "." not in text[1:])


def name_runs(sentence: Sentence, text: str) -> list[NameRun]:
    """Runs of capitalised words separated only by spaces, split into role and name."""
    tokens, runs, index = sentence.tokens, [], 0
    while index < len(tokens):
        if not tokens[index].is_capitalized:
            index += 1
            continue
        last = index
        while last + 1 < len(tokens) and _joined(text, tokens[last], tokens[last + 1]):
            nxt = tokens[last + 1]
            if nxt.is_capitalized or (
                key(nxt.text) in NAME_PARTICLES and last + 2 < len(tokens)
                and tokens[last + 2].is_capitalized and _joined(text, nxt, tokens[last + 2])
            ):
                last += 1
                if _possessive(tokens[last]):
                    break
            else:
                break
        runs.extend(_split_run(sentence, index, last))
        index = last + 1
    return runs


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    initial = len(a.text) == 1 and a.text.isupper() and gap == ". "
    return (gap == " " or initial) and not _possessive(a)


def _possessive(token: Token) -> bool:
    return key(token.text).endswith("'s")


def _split_run(sentence: Sentence, first: int, last: int) -> list[NameRun]:
    """The name is the run's tail of name-like words (at most five); what comes before
    it is a role or an organisation."""
    tokens = sentence.tokens
    name_from = last + 1
    while name_from > first and (
        name_like(tokens[name_from - 1])
        or key(tokens[name_from - 1].text) in NAME_PARTICLES and name_from - 1 > first
        and name_from <= last
        or _given_name_country(tokens, name_from - 1, last)
    ):
        name_from -= 1
    while name_from <= last and key(tokens[name_from].text) in NAME_PARTICLES:
        name_from += 1
    if name_from > last or last - name_from >= 5:
        return []
    return [NameRun(sentence, first, last, name_from)]


def _given_name_country(tokens: list[Token], index: int, last: int) -> bool:
    """"Francia Márquez": a given name that is also a country, before another name."""
    return index < last and is_given_name(tokens[index].text) and name_like(tokens[index + 1])


def speech_next_to(run: NameRun) -> bool:
    tokens = run.sentence.tokens
    after = tokens[run.last + 1].lower if run.last + 1 < len(tokens) else ""
    before = tokens[run.first - 1].lower if run.first > 0 else ""
    return after in SPEECH_VERBS or before in SPEECH_VERBS or before in ("según", "to") and (
        run.first > 1 and tokens[run.first - 2].lower in ("according", "según", "acuerdo")
        or before == "según"
    )


