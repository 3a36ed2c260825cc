"""The memo's paragraphs as reportlab flowables made from inline content, not markup.

reportlab's ``Paragraph`` parses an XML-like markup and, as soon as a paragraph mixes
fonts -- a bold word, a link, a superscript note mark, which nearly every memo paragraph
has -- breaks its lines on a general path about eight times slower than plain text
(0.28 ms against 0.034 ms for a two-line paragraph, measured). A memo of 100 blocks spent
half its PDF time there (``bench/bench_render.py``). :class:`TextBlock` lays out *spans*
(text in one font, size and rise) directly: greedy line breaking on spaces with widths
from the embedded font's metrics, drawing each line in one text object. Nothing is parsed,
so no user text can be mistaken for markup.

It keeps the parts of ``Paragraph`` the memo uses and the geometry reportlab gives them
(first baseline at ``height - fontSize``, ``leading`` per line, indents, first-line
indent, left/centre/right alignment, a bullet hanging in the left indent, a border with
padding, orphan control when splitting), and is a ``Paragraph`` subclass so reportlab's
lists, tables and keep-together groups treat it as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import reportlab.platypus as rl
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.geomutils import normalizeTRBL
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document.model import Link, NoteRef, Text, UnknownNodeError
from briefing_app.document.text import clean, is_safe_link
from briefing_app.document.writers import pdf_bidi
from briefing_app.document.writers.pdf_encoding import encoder_for, show_text
from briefing_app.document.writers.pdf_fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    printable,
)

WRITER = "PDF"
NOTE_CALLBACK = "briefing_noteref"
LINK_COLOR = colors.HexColor("#1f3a7a")
SUPERSCRIPT_RISE = 0.5  # of the font size, as reportlab's <super>
SUPERSCRIPT_SHRINK = 2.0  # points smaller, as reportlab's <super>
_FUZZ = 1e-6
SPACE_SHRINKAGE = rl_config.spaceShrinkage  # 0.05

_FACES = {SERIF: (False, False), SERIF_BOLD: (True, False), SERIF_ITALIC: (False, True),
          SERIF_BOLD_ITALIC: (True, True)}  # fmt: skip
_FONTS = {flags: font for font, flags in _FACES.items()}
_TOKENS = re.compile(r"\n|[ \t]+|[^ \t\n]+")
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> text -> points
_WIDTHS_KEPT = 100_000  # per font and size; memo text repeats its words


def _widths_for(font: str, size: float) -> dict[str, float]:
    """The remembered widths in one font and size: a memo measures the same words again
    and again, and a dictionary lookup costs a fraction of ``stringWidth``."""
    widths = _WIDTHS.get((font, size))
    if widths is None:
        widths = _WIDTHS[(font, size)] = {}
    return widths


def _width(widths: dict[str, float], text: str, span: Span) -> float:
    width = widths.get(text)
    if width is None:
        if len(widths) >= _WIDTHS_KEPT:
            widths.clear()
        width = widths[text] = stringWidth(text, span.font, span.size)
    return width


@dataclass(slots=True)
class Span:
    """Text drawn in one font, size, rise and colour; a link target or a note number."""

    text: str
    font: str
    size: float
    rise: float = 0.0
    color: object = None
    link: str = ""
    note: int | None = None  # a note mark: tells the footnote layout where it is drawn


def face(font: str, *, bold: bool = False, italic: bool = False) -> str:
    """``font`` made bold and/or italic (a style's bold heading stays bold)."""
    base_bold, base_italic = _FACES.get(font, (False, False))
    return _FONTS[(base_bold or bold, base_italic or italic)]


def plain_spans(text: str, style) -> list[Span]:
    """``text`` (user text: cleaned, glyph-less characters boxed) in the style's font."""
    text = printable(clean(text))
    return [Span(text, style.fontName, style.fontSize)] if text else []


def inline_spans(content: list, style, *, note_markers: bool = True) -> list[Span]:
    """Spans for a run of inline nodes: text, links and superscript note numbers.

    ``note_markers`` makes note numbers report themselves when drawn, so the footnote
    layout learns the page each citation lands on; notes drawn inside footnotes pass False.
    """
    spans: list[Span] = []
    size = style.fontSize
    previous_was_note = False
    for part in content:
        if isinstance(part, NoteRef):
            number = int(part.number)
            separator = "," if previous_was_note else ""
            spans.append(Span(
                f"{separator}{number}", style.fontName, max(size - SUPERSCRIPT_SHRINK, 3.0),
                rise=size * SUPERSCRIPT_RISE, note=number if note_markers else None,
            ))  # fmt: skip
            previous_was_note = True
            continue
        previous_was_note = False
        if isinstance(part, Text):
            text = printable(clean(part.text))
            if text:
                font = face(style.fontName, bold=part.bold, italic=part.italic)
                spans.append(Span(text, font, size))
        elif isinstance(part, Link):
            text = printable(clean(part.text or part.url))
            url = " ".join(clean(part.url).split())
            if not text:
                continue
            if is_safe_link(url):
                spans.append(Span(text, style.fontName, size, color=LINK_COLOR, link=url))
            else:
                spans.append(Span(text, style.fontName, size))
        else:
            raise UnknownNodeError(WRITER, part)
    return spans


# A word: (width, pieces, space before it, the span the space is drawn in); a piece is
# (span, text, width). None stands for a forced line break.
_Word = tuple[float, list, float, "Span | None"]


def _words(spans: list[Span]) -> list[_Word | None]:
    """Break spans into words; a word runs across spans when no space separates them
    (a note mark sticks to the word before it). Runs for every block: kept tight."""
    words: list = []
    pieces: list = []
    width = 0.0
    space, space_span = 0.0, None
    for span in spans:
        widths = _widths_for(span.font, span.size)
        text = span.text
        if "\n" not in text and "\t" not in text and "  " not in text:
            # The usual text, words between single spaces: built with comprehensions,
            # which cost a fraction of a loop over the tokens (same result).
            tokens = text.split(" ")
            get = widths.get
            sizes = [get(token) for token in tokens]
            if None in sizes:
                sizes = [w if w is not None else _width(widths, token, span)
                         for token, w in zip(tokens, sizes, strict=True)]
            if tokens[0]:  # continues the word the previous span ended with
                pieces.append((span, tokens[0], sizes[0]))
                width += sizes[0]
            if len(tokens) == 1:
                continue
            if pieces:
                words.append((width, pieces, space, space_span))
            space_width = _width(widths, " ", span)
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
                    space, space_span = _width(widths, " ", span), span
            else:
                w = widths.get(token)
                if w is None:
                    w = _width(widths, token, span)
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
        w = _width(_widths_for(span.font, span.size), char, span)
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

    def __init__(self, spans: list[Span], style, *, bullet: str = "", words=None):
        self.style = style
        self.bulletText = bullet or None
        if words is None:
            spans = _merged(spans)
        self.spans = spans
        self.note_numbers = frozenset(span.note for span in spans if span.note is not None)
        self._word_list = _words(spans) if words is None else words
        # the one plain span every line is written in, when there is one (see _Pen.line),
        # and the paragraph direction (0 or 1) when there is right-to-left text to reorder;
        # a part of a split paragraph takes both from the whole (see _part)
        self._plain = self._bidi = None
        if words is None:
            self._plain = spans[0] if len(spans) == 1 and _is_plain(spans[0]) else None
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
        TextBlock.__init__(part, _spans_of(words), style, bullet=bullet or "", words=words)
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
        object, is put back to zero; the fill colour is left as the text's."""
        style = self.style
        self._draw_border(canv, style, x0, y0)
        if not self.lines:
            return
        _, _, bullet_offset = self._widths(self.width)
        y = y0 + self.height - style.fontSize  # reportlab's first baseline
        if self.bulletText:
            canv.saveState()
            canv.setFillColor(getattr(style, "bulletColor", style.textColor))
            canv.setFont(style.bulletFontName, style.bulletFontSize)
            canv.drawString(x0 + style.bulletIndent, y, self.bulletText)
            canv.restoreState()
        pen = _Pen(canv, style.textColor, style.leading)
        plain = self._plain
        left = x0 + style.leftIndent
        for number, line in enumerate(self.lines):
            x = left + self._line_offset(number, line, bullet_offset)
            if self._bidi is None:
                pen.line(x, y, line, plain)
            else:
                pen.line(x, y, _Line(line.start, line.end, line.width,
                                     _visual_words(line.words, self._bidi)))
            y -= style.leading
        if pen.rise:
            pen.text.setRise(0)
        canv.drawText(pen.text)
        for url, x1, x2, baseline, size in pen.links:
            area = (x1, baseline - 0.2 * size, x2, baseline + 0.8 * size)
            canv.linkURL(url, area, relative=1, thickness=0)
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

    def _draw_border(self, canv, style, x0: float, y0: float) -> None:
        width = getattr(style, "borderWidth", 0)
        color = getattr(style, "borderColor", None)
        if not (width and color):
            return
        top, right, bottom, left = normalizeTRBL(getattr(style, "borderPadding", 0))
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


class _Pen:
    """Writes lines into one PDF text object: consecutive words in the same font, size,
    rise and colour go out as one string; link areas (one per link per line) and the note
    marks drawn are collected on the way."""

    def __init__(self, canv, color, leading: float):
        self.canv = canv
        self.text = canv.beginText(0, 0)
        _set_fill(self.text, color)
        self.encoder = None  # of the current font
        self.default_color = color
        self.leading = leading  # the text leading (TL): T* goes down one line
        self._origin: tuple[float, float] | None = None  # where the last line started
        self.font = self.size = None
        self.rise = 0.0
        self.color = color
        self.links: list[list] = []  # [url, x0, x1, baseline, size]
        self.notes: list[int] = []
        self._run: list[str] = []
        self._run_span: Span | None = None

    def line(self, x: float, y: float, line: _Line, plain: Span | None = None) -> None:
        """Write one line starting at (x, y); ``plain`` is the span it is all written in,
        when the caller knows (else it is looked for)."""
        last = self._origin
        if last is not None and last[0] == x and abs(last[1] - self.leading - y) < 1e-6:
            self.text._code.append("T*")  # the next line, below the last one's start
        else:
            self.text.setTextOrigin(x, y)
        self._origin = (x, y)
        if plain is None or not line.words:
            plain = _plain_span(line.words)
        if plain is not None:  # most lines: one look, no link, no note mark
            self._run_span = plain
            self._run.append(" ".join([word[1][0][1] for word in line.words]))
            self._flush()
            return
        linked = False  # whether the last thing written on this line was a link
        run = self._run
        for index, (_width, pieces, space, space_span) in enumerate(line.words):
            if index and space:
                # the run goes on while the look stays the same (inlined: the hot path)
                if space_span is not self._run_span and not self._continues(space_span):
                    self._flush()
                    run = self._run
                    self._run_span = space_span
                run.append(" ")
                if space_span.link and linked:
                    self._link(space_span, x, space, y, extend=True)
                x += space
            for span, chunk, width in pieces:
                if span is not self._run_span and not self._continues(span):
                    self._flush()
                    run = self._run
                    self._run_span = span
                run.append(chunk)
                if span.link:
                    self._link(span, x, width, y, extend=linked)
                linked = bool(span.link)
                if span.note is not None:
                    self.notes.append(span.note)
                x += width
        self._flush()

    def _continues(self, span: Span) -> bool:
        """Whether ``span`` looks like the run being collected (so it can join it)."""
        current = self._run_span
        return current is not None and _same_look(current, span)

    def _flush(self) -> None:
        span = self._run_span
        if span is None:
            return
        text = self.text
        if self.font != span.font or self.size != span.size:
            text.setFont(span.font, span.size, self.leading)
            if self.font != span.font:
                self.encoder = encoder_for(self.canv, span.font)
            self.font, self.size = span.font, span.size
        if self.rise != span.rise:
            text.setRise(span.rise)
            self.rise = span.rise
        color = span.color or self.default_color
        if self.color is not color:
            _set_fill(text, color)
            self.color = color
        # textOut less the width it measures to move reportlab's own cursor, which nothing
        # here reads (each line starts at an absolute origin), and with fast encoding
        show_text(text, "".join(self._run), self.encoder)
        self._run = []
        self._run_span = None

    def _link(self, span: Span, x: float, width: float, y: float, *, extend: bool) -> None:
        last = self.links[-1] if self.links else None
        if extend and last and last[0] == span.link and last[3] == y:
            last[2] = x + width
        else:
            self.links.append([span.link, x, x + width, y, span.size])


_FILL_OPS: dict[int, tuple[colors.Color, str]] = {}  # id(colour) -> (colour, "r g b rg")


def _set_fill(text, color) -> None:
    """``text.setFillColor(color)``, with the operator of an opaque RGB colour remembered:
    reportlab works it out, alpha included, for every block drawn."""
    known = _FILL_OPS.get(id(color))
    if known is not None and known[0] is color:
        text._code.append(known[1])
        text._fillColorObj = color
        return
    before = len(text._code)
    text.setFillColor(color)
    plain = type(color) is colors.Color and color.alpha == 1
    if plain and len(text._code) == before + 1 and len(_FILL_OPS) < 64:  # just "r g b rg"
        _FILL_OPS[id(color)] = (color, text._code[-1])


def _visual_words(words: list, base: int) -> list:
    """A line's words in the order they are drawn, left to right, when it has
    right-to-left text (see :mod:`pdf_bidi`): characters reordered by their levels,
    mirrored where they face the other way, and grouped again into words and pieces."""
    chars: list[tuple[str, Span]] = []
    for index, (_, pieces, space, space_span) in enumerate(words):
        if index and space:
            chars.append((" ", space_span))
        for span, text, _ in pieces:
            chars.extend((char, span) for char in text)
    text = "".join(char for char, _ in chars)
    if not pdf_bidi.has_rtl(text):
        return words
    levels = pdf_bidi.levels(text, base)
    out: list = []
    pieces: list = []
    width = space = 0.0
    space_span = None
    for position in pdf_bidi.visual_order(levels):
        char, span = chars[position]
        widths = _widths_for(span.font, span.size)
        if char == " ":
            if pieces:
                out.append((width, pieces, space, space_span))
                pieces, width, space = [], 0.0, 0.0
            space += _width(widths, " ", span)
            space_span = span
            continue
        char = pdf_bidi.mirrored(char, levels[position])
        w = _width(widths, char, span)
        if pieces and pieces[-1][0] is span:
            pieces[-1] = (span, pieces[-1][1] + char, pieces[-1][2] + w)
        else:
            pieces.append((span, char, w))
        width += w
    if pieces:
        out.append((width, pieces, space, space_span))
    if out:
        out[0] = (out[0][0], out[0][1], 0.0, None)  # nothing before the line's first word
    return out


def _is_plain(span: Span) -> bool:
    return not span.link and span.note is None


def _same_look(a: Span, b: Span) -> bool:
    return (a.font == b.font and a.size == b.size and a.rise == b.rise
            and a.color is b.color)  # fmt: skip


def _merged(spans: list[Span]) -> list[Span]:
    """Neighbouring plain spans of the same look as one (a portion mark and the text after
    it, say): fewer pieces to measure, and more lines written on the plain path."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if last is not None and _is_plain(last) and _is_plain(span) and _same_look(last, span):
            out[-1] = Span(last.text + span.text, last.font, last.size, last.rise, last.color)
        else:
            out.append(span)
    return out


def _plain_span(words: list) -> Span | None:
    """The one span a line is written in, when it is plain: every word a single piece of
    that span, which is neither a link nor a note mark."""
    if not words:
        return None
    span = words[0][1][0][0]
    if span.link or span.note is not None:
        return None
    for _width, pieces, _space, space_span in words:
        if len(pieces) != 1 or pieces[0][0] is not span:
            return None
        if space_span is not None and space_span is not span:
            return None
    return span


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
                              span.note))  # fmt: skip
    return spans
