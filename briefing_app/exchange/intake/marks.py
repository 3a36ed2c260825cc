"""Quotation marks paired into passages: “…”, «…», "…" and ‘…’ / '…'.

Pairing is the one thing both the sentence splitter (no sentence ends inside a quotation)
and the quote finder need, so it lives here on its own. Apostrophes (Petro’s, don't)
are told from single quotation marks by what stands on either side of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_PAIRS = {"“": "”", "«": "»", "„": "“"}
DASHES = "—―"
_OPENING_CONTEXT = re.compile(r"[\s(\[{—–\-/:;,¿¡]")


@dataclass(frozen=True)
class Passage:
    """A quoted passage: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    single: bool  # ‘…’ or '…' rather than double marks
    closed: bool = True  # False when the paragraph ended first (a quote going on)
    dash: bool = False  # dialogue set off by dashes: —Aquí no hay nadie —dijo Petro—

    @property
    def length(self) -> int:
        return self.inner_end - self.inner_start


def passages(text: str, start: int = 0, end: int | None = None) -> list[Passage]:
    """The quoted passages of ``text[start:end]`` (one paragraph), in order, outermost
    only: a ‘…’ inside “…” belongs to the outer quotation."""
    end = len(text) if end is None else end
    if text[start : start + 1] in DASHES and text[start + 1 : start + 2].isalpha():
        return _dialogue(text, start, end)
    found: list[Passage] = []
    position = start
    while position < end:
        char = text[position]
        passage = None
        if char in DOUBLE_PAIRS:
            passage = _until(text, position, DOUBLE_PAIRS[char], end, single=False)
        elif char == '"' and _opens(text, position, start):
            passage = _until_straight(text, position, end)
        elif char in "‘'" and _opens(text, position, start):
            passage = _single(text, position, end)
        if passage is not None and passage.length > 0:
            found.append(passage)
            position = passage.end
        else:
            position += 1
    return found


def _opens(text: str, position: int, start: int) -> bool:
    """An opening mark follows a space, bracket or dash and comes before a word."""
    before_ok = position == start or _OPENING_CONTEXT.match(text[position - 1]) is not None
    after = text[position + 1 : position + 2]
    return before_ok and after != "" and not after.isspace()


def _until(text: str, position: int, closing: str, end: int, *, single: bool) -> Passage:
    close = text.find(closing, position + 1, end)
    if close == -1:
        return Passage(position, end, position + 1, end, single, closed=False)
    return Passage(position, close + 1, position + 1, close, single)


def _until_straight(text: str, position: int, end: int) -> Passage | None:
    close = position + 1
    while True:
        close = text.find('"', close, end)
        if close == -1:
            return Passage(position, end, position + 1, end, False, closed=False)
        after = text[close + 1 : close + 2]
        if not text[close - 1].isspace() and (after == "" or not after.isalnum()):
            return Passage(position, close + 1, position + 1, close, False)
        close += 1


def _single(text: str, position: int, end: int) -> Passage | None:
    """A ‘…’ or '…' passage: its closing mark ends a word and is not an apostrophe
    (``Petro’s``, ``don't``); passages across sentences are not single-quoted speech."""
    close = position + 1
    while close < end:
        char = text[close]
        if char in "’'":
            after = text[close + 1 : close + 2]
            if not text[close - 1].isspace() and (after == "" or not after.isalpha()):
                return Passage(position, close + 1, position + 1, close, True)
        elif char == "\n":
            return None
        close += 1
    return None


def _dialogue(text: str, start: int, end: int) -> list[Passage]:
    """A paragraph of dialogue: "—Speech —dijo Petro—, more speech." The speech runs
    from a dash to a dash after a space; the narrator's words run to the next dash (or
    to the end of the paragraph)."""
    found: list[Passage] = []
    mark = start
    while mark < end:
        inner = mark + 1
        while inner < end and text[inner] == " ":
            inner += 1
        stop = inner
        while stop < end and not (text[stop] in DASHES and text[stop - 1] == " "):
            stop += 1
        inner_end = stop
        while inner_end > inner and text[inner_end - 1] == " ":
            inner_end -= 1
        if inner_end > inner:
            found.append(Passage(mark, inner_end, inner, inner_end, False, True, dash=True))
        if stop >= end:
            break
        closing = stop + 1
        while closing < end and text[closing] not in DASHES:
            closing += 1
        if closing >= end or not any(c.isalpha() for c in text[closing + 1 : end]):
            break  # the narrator has the last word
        mark = closing
    return found
