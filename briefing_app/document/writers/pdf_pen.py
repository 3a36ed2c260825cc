"""Drawing laid-out lines of spans into one PDF text object, with their marked content.

:class:`Pen` writes consecutive words of the same look as one string, collects the link
areas and note marks it draws, and, when the canvas is tagged (see :mod:`pdf_structure`),
opens and closes the marked content of the block's element -- switching to a link's or
a note reference's own element for its words -- all inside the text object.
"""

from __future__ import annotations

from reportlab.lib import colors

from briefing_app.document.writers import pdf_bidi
from briefing_app.document.writers.pdf_encoding import encoder_for, show_text
from briefing_app.document.writers.pdf_spans import Span, same_look, width_of, widths_for
from briefing_app.document.writers.pdf_structure import END, Element, MarkedContent


class Pen:
    """Writes lines into one PDF text object: consecutive words in the same font, size,
    rise and colour go out as one string; link areas (one per link per line) and the note
    marks drawn are collected on the way. With ``marks``, the text is marked content of
    ``element`` (a link's or note mark's words, of their own element) until :meth:`close`."""

    def __init__(self, canv, color, leading: float, marks: MarkedContent | None = None,
                 element: Element | None = None):  # fmt: skip
        self.canv = canv
        self.text = canv.beginText(0, 0)
        self.marks = marks
        self.element = self.open = element
        if marks is not None:
            self.text._code.append(marks.begin(canv, element))
        set_fill(self.text, color)
        self.encoder = None  # of the current font
        self.default_color = color
        self.leading = leading  # the text leading (TL): T* goes down one line
        self._origin: tuple[float, float] | None = None  # where the last line started
        self.font = self.size = None
        self.rise = 0.0
        self.color = color
        self.links: list[list] = []  # [url, x0, x1, baseline, size, Link element]
        self.notes: list[int] = []
        self._run: list[str] = []
        self._run_span: Span | None = None

    def line(self, x: float, y: float, line, plain: Span | None = None) -> None:
        """Write one line starting at (x, y); ``plain`` is the span it is all written in,
        when the caller knows (else it is looked for)."""
        last = self._origin
        if last is not None and last[0] == x and abs(last[1] - self.leading - y) < 1e-6:
            self.text._code.append("T*")  # the next line, below the last one's start
        else:
            self.text.setTextOrigin(x, y)
        self._origin = (x, y)
        if plain is None or not line.words:
            plain = plain_span(line.words)
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
        return current is not None and same_look(current, span)

    def _flush(self) -> None:
        span = self._run_span
        if span is None:
            return
        text = self.text
        if self.marks is not None:
            element = span.tag or self.element
            if element is not self.open:
                text._code.append(END)
                text._code.append(self.marks.begin(self.canv, element))
                self.open = element
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
            set_fill(text, color)
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
            self.links.append([span.link, x, x + width, y, span.size, span.tag])

    def close(self) -> None:
        """End the marked content (the text object is then drawn by the caller)."""
        if self.marks is not None:
            self.text._code.append(END)


_FILL_OPS: dict[int, tuple[colors.Color, str]] = {}  # id(colour) -> (colour, "r g b rg")


def set_fill(text, color) -> None:
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


def visual_words(words: list, base: int) -> list:
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
        widths = widths_for(span.font, span.size)
        if char == " ":
            if pieces:
                out.append((width, pieces, space, space_span))
                pieces, width, space = [], 0.0, 0.0
            space += width_of(widths, " ", span)
            space_span = span
            continue
        char = pdf_bidi.mirrored(char, levels[position])
        w = width_of(widths, char, span)
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


def plain_span(words: list) -> Span | None:
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
