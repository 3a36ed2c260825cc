"""The search box language, parsed into a small :class:`Query` (pure Python, no SQL).

Syntax (field names are case-insensitive)::

    sanc                 a free word; matches words that start with it (sanctions);
                         a word ending in a single letter or digit ("p", "U.S") is not
                         a prefix, as "p" would match nearly every item
    "exact phrase"       the words in this order; an unclosed quote still matches while
                         the user is typing (the last word as a prefix)
    kind:quote           fact, quote or event (a unique prefix is enough: kind:q)
    status:verified      unverified, verified or disputed (status:v)
    tag:sanctions        items with this tag (whole name, any letter case);
                         tag:"human rights" for names with spaces
    person:petro         speaker or people whose names have a word starting with "petro"
    source:efe           the source outlet, matched like person:
    after:2025-09        date >= 2025-09: September 2025 and everything later
    before:2026-02       date < 2026-02: up to the end of January 2026
    -word, -"a phrase", -tag:x, -kind:event, -person:x, -source:x, -status:x
                         exclude

Dates are partial ISO (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and compare as strings,
which is chronological with a month before its days. So ``after:2025-09`` includes
``2025-09``, ``2025-09-14`` and ``2025-10``; ``before:2026-02`` includes ``2026-01-31``
but not ``2026-02`` or ``2026-02-03``. Items without a date never match after:/before:.
``-after:X`` means ``before:X`` and ``-before:X`` means ``after:X``.

Repeating kind: or status: means any of them; repeating tag:, person: or source: means
all of them. Free words and phrases must all match. Words ignore letter case and accents
(``bogota`` finds Bogotá) and are looked for in the title, text, context, translation,
notes, location, people's names, tag names and source outlet. A query keeps its first
64 terms (:data:`MAX_TERMS`).

Nothing typed is an error: ``AND``, ``OR``, ``NOT``, ``NEAR(``, ``*``, SQL fragments and
emoji are plain text; words without letters or digits, a lone ``-``, a field with nothing
after it, an unknown kind or status and a value that is not a date are ignored (and listed
in :attr:`Query.ignored` so the interface can say so). An unknown ``name:value`` is plain
text too (``10:30``, ``http://...``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from briefing_app.core import dates
from briefing_app.core.model import ITEM_KINDS, STATUSES
from briefing_app.core.text_check import invalid_character, without_invalid_characters

FIELDS = ("kind", "status", "tag", "person", "source", "after", "before")
MAX_TERMS = 64  # words/phrases, and tags, kept per query; more is a paste accident
TEXT_FIELD_COLUMNS = {"person": "people", "source": "source"}
RANKED_MAX = 20_000
"""Most matches a search ranks by relevance; more come newest first. Ranking scores every
match (bm25: about 1 µs a match, 20 ms for 20,000, 82 ms for a word in 100,000 of a
million items), so this keeps ``briefing-app search`` within 1.2x of a bare
``python -c "import sqlite_utils"``; and a word that common says little of relevance
anyway (FTS5 gives a word in over half the items no weight). How many items hold the
words is estimated from the newest :data:`RANKED_SAMPLE` (counting them all would cost
as much as ranking them)."""
RANKED_SAMPLE = 2_000


@dataclass(frozen=True)
class TextTerm:
    """Words to find in the search index.

    ``exact`` terms (closed quotes) match the words as they are; the others match the last
    word as a prefix. ``column`` limits the term to one index column (``people`` for
    person:, ``source`` for source:), empty for all columns.
    """

    text: str
    exact: bool = False
    column: str = ""
    negated: bool = False


@dataclass(frozen=True)
class Query:
    terms: tuple[TextTerm, ...] = ()
    kinds: tuple[str, ...] = ()
    not_kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    not_statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    after: str = ""  # canonical partial ISO date, "" for none
    before: str = ""
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @property
    def positive_terms(self) -> tuple[TextTerm, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative_terms(self) -> tuple[TextTerm, ...]:
        return tuple(t for t in self.terms if t.negated)

    @property
    def has_words(self) -> bool:
        """True when the index must be searched for words (so relevance means something)."""
        return bool(self.positive_terms)

    @property
    def has_filters(self) -> bool:
        """True when the query keeps only some kinds, statuses, tags or dates, besides
        (or without) its words."""
        return self != Query(terms=self.terms)

    @property
    def is_empty(self) -> bool:
        """True when the query selects every item."""
        return self == Query()


def has_token(text: str) -> bool:
    """True when the search index would find a word in ``text``.

    Mirrors the FTS5 ``unicode61`` tokenizer: letters, digits and private-use characters
    make words; everything else (punctuation, symbols, emoji, marks) separates them. A term
    without a word would match nothing and turn the whole query empty, so it is dropped.
    """
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            return True
    return False


def _last_word_is_short(text: str) -> bool:
    """True when the last word the index sees in ``text`` is one character long."""
    length = 0
    for char in reversed(text):
        if has_token(char):
            length += 1
        elif length:
            break
    return length == 1


def parse(text: str) -> Query:
    """Parse what the user typed; never raises."""
    builder = _Builder()
    text = _clean(text or "")
    problem = invalid_character(text)
    if problem:  # no store can look for it: say so and search for the rest
        builder.ignored.append(problem)
        text = without_invalid_characters(text, " ")
    for negated, head, value, quoted, closed in _tokens(text):
        builder.add(negated, head, value, quoted, closed)
    return builder.build()


def _clean(text: str) -> str:
    if not isinstance(text, str):
        text = str(text)
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def _read_quoted(text: str, start: int) -> tuple[str, int, bool]:
    """Text from after the quote at ``start`` to the closing quote (or the end)."""
    end = text.find('"', start + 1)
    if end == -1:
        return text[start + 1 :], len(text), False
    return text[start + 1 : end], end + 1, True


def _tokens(text: str):
    """Yield ``(negated, field, value, quoted, closed)``; ``field`` is "" for plain text."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-":
            negated = True
            i += 1
            if i >= n or text[i].isspace():
                continue  # a lone "-"
        if text[i] == '"':
            value, i, closed = _read_quoted(text, i)
            yield negated, "", value, True, closed
            continue
        start = i
        head = ""
        while i < n and not text[i].isspace():
            if text[i] == ":" and not head and text[start:i].lower() in FIELDS:
                head = text[start:i].lower()
                if i + 1 < n and text[i + 1] == '"':
                    value, i, closed = _read_quoted(text, i + 1)
                    yield negated, head, value, True, closed
                    break
            i += 1
        else:
            if head:
                yield negated, head, text[start + len(head) + 1 : i], False, True
            else:
                yield negated, "", text[start:i], False, True


def _choose(value: str, choices: tuple[str, ...]) -> str | None:
    """The choice that ``value`` names: itself, its plural, or a unique prefix."""
    value = value.strip().lower()
    if not value:
        return None
    for choice in choices:
        if value in (choice, choice + "s"):
            return choice
    found = [c for c in choices if c.startswith(value)]
    return found[0] if len(found) == 1 else None


class _Builder:
    def __init__(self) -> None:
        self.terms: list[TextTerm] = []
        self.sets: dict[str, list[str]] = {
            k: [] for k in ("kinds", "not_kinds", "statuses", "not_statuses", "tags", "not_tags")
        }
        self.after: list[str] = []
        self.before: list[str] = []
        self.ignored: list[str] = []

    def add(self, negated: bool, head: str, value: str, quoted: bool, closed: bool) -> None:
        if len(self.terms) + sum(map(len, self.sets.values())) >= MAX_TERMS:
            if not self.ignored or not self.ignored[-1].startswith("only the first"):
                self.ignored.append(f"only the first {MAX_TERMS} terms are used")
            return
        if not head:
            if has_token(value):
                exact = (quoted and closed) or _last_word_is_short(value)
                self._add_term(TextTerm(value, exact=exact, negated=negated))
            return
        if not value.strip():
            self.ignored.append(f"{head}: needs a value")
            return
        if head in TEXT_FIELD_COLUMNS:
            if has_token(value):
                column = TEXT_FIELD_COLUMNS[head]
                exact = (quoted and closed) or _last_word_is_short(value)
                self._add_term(TextTerm(value, exact=exact, column=column, negated=negated))
            else:
                self.ignored.append(f"{head}:{value} has no words to look for")
        elif head == "tag":
            self._add_to("tags", value.strip(), negated, casefold=True)
        elif head in ("kind", "status"):
            choices = ITEM_KINDS if head == "kind" else STATUSES
            chosen = _choose(value, choices)
            if chosen is None:
                self.ignored.append(
                    f"{head}:{value} is not one of {', '.join(choices)}"
                )
            else:
                self._add_to("kinds" if head == "kind" else "statuses", chosen, negated)
        else:
            self._add_date(head, value, negated)

    def _add_term(self, term: TextTerm) -> None:
        if term not in self.terms:
            self.terms.append(term)

    def _add_to(self, name: str, value: str, negated: bool, casefold: bool = False) -> None:
        target = self.sets[("not_" if negated else "") + name]
        key = value.lower() if casefold else value
        if all((v.lower() if casefold else v) != key for v in target):
            target.append(value)

    def _add_date(self, head: str, value: str, negated: bool) -> None:
        try:
            date = dates.normalize(value)
        except dates.DateError:
            self.ignored.append(f"{head}:{value} is not a date (use {dates.FORMAT_HINT})")
            return
        if not date:
            return
        if negated:
            head = "before" if head == "after" else "after"
        (self.after if head == "after" else self.before).append(date)

    def build(self) -> Query:
        return Query(
            terms=tuple(self.terms),
            **{name: tuple(values) for name, values in self.sets.items()},
            after=max(self.after, default=""),
            before=min(self.before, default=""),
            ignored=tuple(self.ignored),
        )
