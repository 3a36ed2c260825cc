"""The memo's paragraphs as reportlab flowables made from inline content, not markup.

reportlab's ``Paragraph`` parses an XML-like markup and, as soon as a paragraph mixes
fonts -- a bold word, a link, a superscript note mark, which nearly every memo paragraph
has -- breaks its lines on a general path about eight times slower than plain text
(0.28 ms against 0.034 ms for a two-line paragraph, measured). A memo of 100 blocks spent
half its PDF time there (``bench/bench_render.py``). :class:`TextBlock` lays out *spans*
(text in one font, size and rise; :mod:`pdf_spans`) directly: greedy line breaking on
spaces with widths from the embedded font's metrics, drawing each line in one text object
(:mod:`pdf_pen`). Nothing is parsed, so no user text can be mistaken for markup.

It keeps the parts of ``Paragraph`` the memo uses and the geometry reportlab gives them
(first baseline at ``height - fontSize``, ``leading`` per line, indents, first-line
indent, left/centre/right alignment, a bullet hanging in the left indent, a border with
padding, orphan control when splitting), and is a ``Paragraph`` subclass so reportlab's
lists, tables and keep-together groups treat it as one. Each block carries the structure
element its text belongs to (``tag``), which every part of a split keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import reportlab.platypus as rl
from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.geomutils import normalizeTRBL
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document.writers import pdf_bidi
from briefing_app.document.writers.pdf_fonts import SERIF
from briefing_app.document.writers.pdf_pen import Pen, visual_words
from briefing_app.document.writers.pdf_spans import (
    Span,
    is_plain,
    merged,
    width_of,
    widths_for,
)
from briefing_app.document.writers.pdf_structure import (
    END,
    LAYOUT_ARTIFACT,
    PAGINATION_ARTIFACT,
    Element,
    MarkedContent,
)

NOTE_CALLBACK = "briefing_noteref"
_FUZZ = 1e-6
SPACE_SHRINKAGE = rl_config.spaceShrinkage  # 0.05
_TOKENS = re.compile(r"\n|[ \t]+|[^ \t\n]+")


_Word = tuple[float, list, float, "Span | None"]


def _words(spans: list[Span]) -> list[_Word | None]:
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
class _Line:
    start: int  # index of its first word
    end: int  # one past its last word (a forced break counts as a word)
    width: float
    words: list


def _break_lines(words: list, first: float, later: float) -> tuple[list[_Line], list]:
    """Greedy line breaking as reportlab's Paragraph does it: as many words as fit on each
    line, a line may run over by 5% of its spaces' width (``spaceShrinkage``), and a word
    longer than a whole line is cut between characters, starting where the line has got to.
    Returns the lines and the words they index (a cut word in pieces, each piece but the
    last followed by a line break)."""
    lines: list[_Line] = []
    current: list = []
    width = spaces = 0.0
    start = 0
    available = first
    index = 0
    pending = list(words)
    while index < len(pending):
        word = pending[index]
        if word is None:
            lines.append(_Line(start, index + 1, width, current))
            current, width, spaces, start, available = [], 0.0, 0.0, index + 1, later
            index += 1
            continue
        word_width, pieces, space, space_span = word
        if not current:
            space = 0.0  # no space at the start of a line
        if width + space + word_width > available + SPACE_SHRINKAGE * (spaces + space) + _FUZZ:
            if word_width > available + _FUZZ and _length(pieces) > 1:
                room = available - width - space
                pending[index:index + 1] = _cut(word, room, later, bool(current))
                if pending[index] is None:  # not one character fits here: next line
                    continue
                word_width, pieces, space, space_span = word = pending[index]
            elif current:
                # onto the next line as it is, even if longer than that line (as reportlab)
                lines.append(_Line(start, index, width, current))
                current, width, spaces, start, available = [], 0.0, 0.0, index, later
                space = 0.0
        if current:
            current.append(word)
            width += space + word_width
            spaces += space
        else:
            current.append((word_width, pieces, 0.0, None))
            width = word_width
        index += 1
    if current:
        lines.append(_Line(start, len(pending), width, current))
    return lines, pending


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
        if used + w > limit + _FUZZ and (chunk or (after_text and not out and w <= later)):
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


class TextBlock(rl.Paragraph):
    """A paragraph laid out from :class:`Span` objects (see the module docstring).

    ``note_numbers`` are the notes it cites, exact for each part of a split too, so the
    footnote frame (:mod:`pdf_notes`) knows which blocks to check without drawing them.
    """

    cites_notes = True
    repeats = False  # a table header cell, drawn again at the top of each page it spans

    def __init__(self, spans: list[Span], style, *, bullet: str = "", words=None,
                 tag: Element | None = None):  # fmt: skip
        self.style = style
        self.bulletText = bullet or None
        self.tag = tag  # the structure element of its text (see pdf_structure)
        self.label: Element | None = None  # a list item's Lbl, for its bullet
        if words is None:
            spans = merged(spans)
        self.spans = spans
        self.note_numbers = frozenset(span.note for span in spans if span.note is not None)
        self._word_list = _words(spans) if words is None else words
        # the one plain span every line is written in, when there is one (see Pen.line),
        # and the paragraph direction (0 or 1) when there is right-to-left text to reorder;
        # a part of a split paragraph takes both from the whole (see _part)
        self._plain = self._bidi = None
        if words is None:
            self._plain = spans[0] if len(spans) == 1 and is_plain(spans[0]) else None
            text = "".join(span.text for span in spans)
            self._bidi = pdf_bidi.paragraph_level(text) if pdf_bidi.has_rtl(text) else None
        self._wrapped: tuple | None = None  # (availWidth, lines, the words they index)
        self.lines: list[_Line] = []
        self.width = self.height = 0.0

    # ---------------------------------------------------------------- layout

    def _widths(self, avail: float) -> tuple[float, float, float]:
        """Line widths (first, later) and the extra first-line offset a bullet needs."""
        style = self.style
        first = avail - style.leftIndent - style.firstLineIndent - style.rightIndent
        later = avail - style.leftIndent - style.rightIndent
        offset = 0.0
        if self.bulletText:
            bullet_end = (
                style.bulletIndent
                + stringWidth(self.bulletText, style.bulletFontName, style.bulletFontSize)
                + style.bulletFontSize * 0.6
            )
            offset = max(0.0, bullet_end - style.leftIndent - style.firstLineIndent)
            first -= offset
        return first, later, offset

    def wrap(self, availWidth, availHeight):
        if availWidth < _FUZZ:
            return 0, 0x7FFFFFFF
        if self._wrapped is None or self._wrapped[0] != availWidth:
            first, later, _ = self._widths(availWidth)
            self._wrapped = (availWidth, *_break_lines(self._word_list, first, later))
        self.lines = self._wrapped[1]
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    @property
    def blPara(self):  # reportlab's list items count the lines of a paragraph this way
        return _LineCount(self.lines)

    def split(self, availWidth, availHeight):
        if not self._word_list or availWidth < _FUZZ or availHeight < _FUZZ:
            return []
        if self._wrapped is None:
            self.wrap(availWidth, availHeight)
        # As reportlab's Paragraph: split the lines of the last wrap (a table splitting a
        # row passes the column width, not the cell width it wrapped the cell with).
        availWidth, self.lines = self._wrapped[0], self._wrapped[1]
        self.width, self.height = availWidth, len(self.lines) * self.style.leading
        fit = int(availHeight / float(self.style.leading))
        if fit <= 1:  # a lone first line at the foot of a page: move the whole paragraph
            return []
        if len(self.lines) <= fit:
            return [self]
        words = self._wrapped[2]
        cut = self.lines[fit].start
        first = self._part(words[:cut], self.style, self.bulletText)
        first._wrapped = (availWidth, self.lines[:fit], words[:cut])
        first.wrap(availWidth, availHeight)
        rest_style = self.style
        if rest_style.firstLineIndent:
            rest_style = rest_style.clone(rest_style.name, firstLineIndent=0)
        return [first, self._part(words[cut:], rest_style, None)]

    def _part(self, words: list, style, bullet) -> TextBlock:
        part = self.__class__.__new__(self.__class__)  # no reportlab layout state carried over
        TextBlock.__init__(part, _spans_of(words), style, bullet=bullet or "", words=words,
                           tag=self.tag)  # fmt: skip
        part.label = self.label
        part.repeats = self.repeats
        part._plain = self._plain
        part._bidi = self._bidi  # a part goes on in its paragraph's direction
        return part

    def minWidth(self):  # noqa: N802 - reportlab API
        widths = [word[0] for word in self._word_list if word is not None]
        return max(widths, default=0.0) + self.style.leftIndent + self.style.rightIndent

    def getPlainText(self, identify=None):  # noqa: N802 - reportlab API
        return "".join(span.text for span in self.spans)

    def identity(self, maxLen=None):
        text = self.getPlainText()
        return f"<{self.__class__.__name__}> {text[:maxLen] if maxLen else text!r}"

    # ---------------------------------------------------------------- drawing

    def draw(self):
        self.draw_at(self.canv, 0.0, 0.0)

    def draw_at(self, canv, x0: float, y0: float) -> None:
        """Draw with the block's bottom left at (x0, y0) of the current coordinates: what
        ``drawOn`` does, without saving, moving and restoring the graphics state (a table
        draws many cells; see ``MemoTable``). The text rise, which outlives the text
        object, is put back to zero; the fill colour is left as the text's.

        On a tagged canvas the text is marked content of the block's element; a block
        drawn a second time (a table's header row repeated on a new page) is pagination."""
        marks = getattr(canv, "tagger", None)
        if marks is None:
            self._draw(canv, x0, y0, None)
        elif self.tag is not None and (not self.repeats or marks.first_draw(self)):
            self._draw(canv, x0, y0, marks)
        else:
            canv._code.append(PAGINATION_ARTIFACT)
            self._draw(canv, x0, y0, None, links=False)
            canv._code.append(END)

    def _draw(self, canv, x0: float, y0: float, marks: MarkedContent | None, *,
              links: bool = True) -> None:  # fmt: skip
        style = self.style
        self._draw_border(canv, style, x0, y0, marks)
        if not self.lines:
            return
        _, _, bullet_offset = self._widths(self.width)
        y = y0 + self.height - style.fontSize  # reportlab's first baseline
        if self.bulletText:
            if marks is not None:
                canv._code.append(marks.begin(canv, self.tag))
            canv.saveState()
            canv.setFillColor(getattr(style, "bulletColor", style.textColor))
            canv.setFont(style.bulletFontName, style.bulletFontSize)
            canv.drawString(x0 + style.bulletIndent, y, self.bulletText)
            canv.restoreState()
            if marks is not None:
                canv._code.append(END)
        pen = Pen(canv, style.textColor, style.leading, marks, self.tag)
        plain = self._plain
        left = x0 + style.leftIndent
        for number, line in enumerate(self.lines):
            x = left + self._line_offset(number, line, bullet_offset)
            if self._bidi is None:
                pen.line(x, y, line, plain)
            else:
                pen.line(x, y, _Line(line.start, line.end, line.width,
                                     visual_words(line.words, self._bidi)))
            y -= style.leading
        if pen.rise:
            pen.text.setRise(0)
        pen.close()
        canv.drawText(pen.text)
        if links:
            for url, x1, x2, baseline, size, element in pen.links:
                area = (x1, baseline - 0.2 * size, x2, baseline + 0.8 * size)
                if marks is not None and element is not None:
                    marks.link(canv, url, area, element)
                else:
                    canv.linkURL(url, area, relative=1, thickness=0)
        if marks is not None:
            for note in pen.notes:
                marks.tree.cited(note, self.tag)
        callback = canv.getNamedCB(NOTE_CALLBACK) if pen.notes else None
        if callback is not None:
            for note in pen.notes:
                callback(canv, "onDraw", str(note))

    def _line_offset(self, number: int, line: _Line, bullet_offset: float) -> float:
        style = self.style
        if number == 0:
            offset = style.firstLineIndent + bullet_offset
            available = self.width - style.leftIndent - style.rightIndent - offset
        else:
            offset = 0.0
            available = self.width - style.leftIndent - style.rightIndent
        if style.alignment == TA_CENTER:
            return offset + (available - line.width) / 2
        if style.alignment == TA_RIGHT or self._bidi == 1:  # right-to-left: from the right
            return offset + available - line.width
        return offset

    def _draw_border(self, canv, style, x0: float, y0: float, marks) -> None:
        """The box of a boxed style (the bottom line): layout, not content."""
        width = getattr(style, "borderWidth", 0)
        color = getattr(style, "borderColor", None)
        if not (width and color):
            return
        top, right, bottom, left = normalizeTRBL(getattr(style, "borderPadding", 0))
        if marks is not None:
            canv._code.append(LAYOUT_ARTIFACT)
        canv.saveState()
        canv.setStrokeColor(color)
        canv.setLineWidth(width)
        canv.rect(
            x0 + style.leftIndent - left,
            y0 - bottom,
            self.width - (style.leftIndent + style.rightIndent) + left + right,
            self.height + top + bottom,
            fill=0,
            stroke=1,
        )
        canv.restoreState()
        if marks is not None:
            canv._code.append(END)


class _LineCount:
    def __init__(self, lines):
        self.lines = lines


def _spans_of(words: list) -> list[Span]:
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
