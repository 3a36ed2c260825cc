"""Line breaking for the memo's text blocks, linear in the text however long it is.

:func:`words_of` turns spans into words with their widths; :func:`break_lines` lays the
words out greedily into lines, as reportlab's ``Paragraph`` does. A paragraph many pages
long is laid out once: the parts a page split makes (:class:`Layout`) are views of the one
:class:`Laid` result, not copies laid out again, so writing it costs time in proportion
to its length (issue 15: 1.6M characters took 103 s when each page re-laid the rest).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab import rl_config

from briefing_app.document.writers.pdf_fonts import SERIF
from briefing_app.document.writers.pdf_spans import Span, width_of, widths_for

FUZZ = 1e-6
SPACE_SHRINKAGE = rl_config.spaceShrinkage  # 0.05
_TOKENS = re.compile(r"\n|[ \t]+|[^ \t\n]+")


_Word = tuple[float, list, float, "Span | None"]


def words_of(spans: list[Span]) -> list[_Word | None]:
    """Break spans into words; a word runs across spans when no space separates them
    (a note mark sticks to the word before it). Runs for every block: kept tight."""
    words: list = []
    pieces: list = []
    width = 0.0
    space, space_span = 0.0, None
    for span in spans:
        widths = widths_for(span.font, span.size)
        text = span.text
        if "\n" not in text and "\t" not in text and "  " not in text:
            # The usual text, words between single spaces: built with comprehensions,
            # which cost a fraction of a loop over the tokens (same result).
            tokens = text.split(" ")
            get = widths.get
            sizes = [get(token) for token in tokens]
            if None in sizes:
                sizes = [w if w is not None else width_of(widths, token, span)
                         for token, w in zip(tokens, sizes, strict=True)]
            if tokens[0]:  # continues the word the previous span ended with
                pieces.append((span, tokens[0], sizes[0]))
                width += sizes[0]
            if len(tokens) == 1:
                continue
            if pieces:
                words.append((width, pieces, space, space_span))
            space_width = width_of(widths, " ", span)
            # no space at the start of the block or after a forced line break
            lead = space_width if words and words[-1] is not None else 0.0
            middle = tokens[1:-1]
            if middle:
                words.append((sizes[1], [(span, middle[0], sizes[1])], lead,
                              span if lead else None))  # fmt: skip
                words.extend([(w, [(span, token, w)], space_width, span)
                              for token, w in zip(middle[1:], sizes[2:-1], strict=True)])
                lead = space_width
            last = tokens[-1]
            pieces = [(span, last, sizes[-1])] if last else []
            width = sizes[-1] if last else 0.0
            space, space_span = (lead, span) if lead else (0.0, None)
            continue
        for token in _TOKENS.findall(text):
            first = token[0]
            if first == " " or first == "\t" or first == "\n":
                if pieces:
                    words.append((width, pieces, space, space_span))
                    pieces, width = [], 0.0
                    space, space_span = 0.0, None
                if first == "\n":
                    words.append(None)
                    space, space_span = 0.0, None
                elif words and words[-1] is not None:  # no space at the start of a line
                    space, space_span = width_of(widths, " ", span), span
            else:
                w = widths.get(token)
                if w is None:
                    w = width_of(widths, token, span)
                pieces.append((span, token, w))
                width += w
    if pieces:
        words.append((width, pieces, space, space_span))
    return words


@dataclass(slots=True)
class Line:
    start: int  # index of its first word
    end: int  # one past its last word (a forced break counts as a word)
    width: float
    words: list


def break_lines(words: list, first: float, later: float) -> tuple[list[Line], list]:
    """Greedy line breaking as reportlab's Paragraph does it: as many words as fit on each
    line, a line may run over by 5% of its spaces' width (``spaceShrinkage``), and a word
    longer than a whole line is cut between characters, starting where the line has got to.
    Returns the lines and the words they index (a cut word in pieces, each piece but the
    last followed by a line break). One pass, each word placed once: linear in the text
    (the pieces of a cut word wait in ``backlog`` rather than being spliced into the list).
    """
    lines: list[Line] = []
    laid: list = []
    backlog: list = []  # pieces of a cut word still to place, the next one last
    current: list = []
    width = spaces = 0.0
    start = 0
    available = first
    index, count = 0, len(words)
    while backlog or index < count:
        if backlog:
            word = backlog.pop()
        else:
            word = words[index]
            index += 1
        if word is None:
            laid.append(None)
            lines.append(Line(start, len(laid), width, current))
            current, width, spaces, start, available = [], 0.0, 0.0, len(laid), later
            continue
        word_width, pieces, space, space_span = word
        if not current:
            space = 0.0  # no space at the start of a line
        if width + space + word_width > available + SPACE_SHRINKAGE * (spaces + space) + FUZZ:
            if word_width > available + FUZZ and _length(pieces) > 1:
                room = available - width - space
                cut = _cut(word, room, later, bool(current))
                backlog.extend(reversed(cut))
                word = backlog.pop()
                if word is None:  # not one character fits here: next line
                    backlog.append(None)
                    continue
                word_width, pieces, space, space_span = word
            elif current:
                # onto the next line as it is, even if longer than that line (as reportlab)
                lines.append(Line(start, len(laid), width, current))
                current, width, spaces, start, available = [], 0.0, 0.0, len(laid), later
                space = 0.0
        laid.append(word)
        if current:
            current.append(word)
            width += space + word_width
            spaces += space
        else:
            current.append((word_width, pieces, 0.0, None))
            width = word_width
    if current:
        lines.append(Line(start, len(laid), width, current))
    return lines, laid


def _length(pieces: list) -> int:
    return sum(len(text) for _, text, _ in pieces)


def _cut(word: _Word, room: float, later: float, after_text: bool) -> list:
    """A word longer than a line in pieces: the characters that fit in ``room``, then
    whole lines of ``later`` width, then the rest, with a line break after each piece but
    the last (reportlab's ``_splitWord``). When not a character fits in ``room`` after
    other text, the cut starts on the next line."""
    _, pieces, space, space_span = word
    chars = [(span, char) for span, text, _ in pieces for char in text]
    out: list = []
    chunk: list = []  # (span, char, width)
    used = 0.0
    limit = room
    for span, char in chars:
        w = width_of(widths_for(span.font, span.size), char, span)
        if used + w > limit + FUZZ and (chunk or (after_text and not out and w <= later)):
            if chunk:
                out.append(_chunk(chunk, space if not out else 0.0,
                                  space_span if not out else None))  # fmt: skip
            out.append(None)
            chunk, used, limit = [], 0.0, later
        chunk.append((span, char, w))
        used += w
    out.append(_chunk(chunk, space if not out else 0.0, space_span if not out else None))
    return out


def _chunk(chars: list, space: float, space_span) -> _Word | None:
    """Characters (span, char, width) as a word, the runs of one span joined."""
    if not chars:
        return None
    pieces: list = []
    for span, char, w in chars:
        if pieces and pieces[-1][0] is span:
            last = pieces[-1]
            pieces[-1] = (span, last[1] + char, last[2] + w)
        else:
            pieces.append((span, char, w))
    return (sum(w for _, _, w in chars), pieces, space, space_span)


class Run:
    """Words ``start`` to ``end`` of a word list, without copying them until asked."""

    __slots__ = ("all", "start", "end")

    def __init__(self, words: list, start: int, end: int):
        self.all, self.start, self.end = words, start, end

    def __bool__(self) -> bool:
        return self.end > self.start

    def words(self) -> list:
        if self.start == 0 and self.end == len(self.all):
            return self.all
        return self.all[self.start:self.end]


class Laid:
    """A paragraph's words laid out at one width: the lines and the words they index (a
    cut word in pieces). Every part of a split paragraph shares it."""

    __slots__ = ("width", "lines", "words", "_note_at", "_note_numbers")

    def __init__(self, width: float, lines: list[Line], words: list):
        self.width, self.lines, self.words = width, lines, words
        self._note_at: list[int] | None = None  # word positions of note marks, in order
        self._note_numbers: list[int] = []

    def notes(self, start: int, end: int) -> frozenset[int]:
        """The notes cited by words ``start`` to ``end``: found once for the whole
        paragraph, then by bisection, so that splitting page after page stays linear."""
        if self._note_at is None:
            self._note_at = []
            for position, word in enumerate(self.words):
                for span, _, _ in word[1] if word is not None else ():
                    if span.note is not None:
                        self._note_at.append(position)
                        self._note_numbers.append(span.note)
        low = bisect_left(self._note_at, start)
        high = bisect_left(self._note_at, end)
        return frozenset(self._note_numbers[low:high])


class Layout:
    """Lines ``first`` to ``last`` of a :class:`Laid` paragraph: a whole block's, or
    one part's of a split."""

    __slots__ = ("laid", "first", "last")

    def __init__(self, laid: Laid, first: int, last: int):
        self.laid, self.first, self.last = laid, first, last

    @property
    def width(self) -> float:
        return self.laid.width

    @property
    def lines(self) -> list[Line]:
        return self.laid.lines

    @property
    def words(self) -> list:
        return self.laid.words

    def part(self, first: int, last: int) -> Layout:
        return Layout(self.laid, first, last)

    def view(self) -> Sequence[Line]:
        if self.first == 0 and self.last == len(self.laid.lines):
            return self.laid.lines
        return Lines(self.laid.lines, self.first, self.last)


class Lines(Sequence):
    """Lines ``first`` to ``last`` of a list, read in place (a part's lines are not copied)."""

    __slots__ = ("_all", "_first", "_last")

    def __init__(self, lines: list[Line], first: int, last: int):
        self._all, self._first, self._last = lines, first, last

    def __len__(self) -> int:
        return self._last - self._first

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._all[self._first + i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        return self._all[self._first + index]

    def __iter__(self):
        return map(self._all.__getitem__, range(self._first, self._last))


def spans_of(words: list) -> list[Span]:
    """The spans (pieces with their spaces) of a run of words, for a split part."""
    spans: list[Span] = []
    for word in words:
        if word is None:
            spans.append(Span("\n", SERIF, 1.0))
            continue
        _, pieces, space, space_span = word
        if space and space_span is not None and spans:
            spans.append(Span(" ", space_span.font, space_span.size))
        for span, text, _ in pieces:
            spans.append(Span(text, span.font, span.size, span.rise, span.color, span.link,
                              span.note, span.tag))  # fmt: skip
    return spans
