"""The memo's paragraphs as reportlab flowables made from inline content, not markup.

reportlab's ``Paragraph`` parses an XML-like markup and, as soon as a paragraph mixes
fonts -- a bold word, a link, a superscript note mark, which nearly every memo paragraph
has -- breaks its lines on a general path about eight times slower than plain text
(0.28 ms against 0.034 ms for a two-line paragraph, measured). A memo of 100 blocks spent
half its PDF time there (``bench/bench_render.py``). :class:`TextBlock` lays out *spans*
(text in one font, size and rise; :mod:`pdf_spans`) directly: greedy line breaking on
spaces with widths from the embedded font's metrics (:mod:`pdf_lines`, linear in the
text), drawing each line in one text object (:mod:`pdf_pen`). Nothing is parsed, so no
user text can be mistaken for markup.

It keeps the parts of ``Paragraph`` the memo uses and the geometry reportlab gives them
(first baseline at ``height - fontSize``, ``leading`` per line, indents, first-line
indent, left/centre/right alignment, a bullet hanging in the left indent, a border with
padding, orphan control when splitting), and is a ``Paragraph`` subclass so reportlab's
lists, tables and keep-together groups treat it as one. Each block carries the structure
element its text belongs to (``tag``), which every part of a split keeps.
"""

from __future__ import annotations

from collections.abc import Sequence

import reportlab.platypus as rl
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.geomutils import normalizeTRBL
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document.writers import pdf_bidi
from briefing_app.document.writers.pdf_lines import (
    FUZZ,
    Laid,
    Layout,
    Line,
    Run,
    break_lines,
    spans_of,
    words_of,
)
from briefing_app.document.writers.pdf_pen import Pen, visual_words
from briefing_app.document.writers.pdf_spans import (
    Span,
    is_plain,
    merged,
)
from briefing_app.document.writers.pdf_structure import (
    END,
    LAYOUT_ARTIFACT,
    PAGINATION_ARTIFACT,
    Element,
    MarkedContent,
)

NOTE_CALLBACK = "briefing_noteref"


class TextBlock(rl.Paragraph):
    """A paragraph laid out from :class:`Span` objects (see the module docstring).

    ``note_numbers`` are the notes it cites, exact for each part of a split too, so the
    footnote frame (:mod:`pdf_notes`) knows which blocks to check without drawing them.
    """

    cites_notes = True
    repeats = False  # a table header cell, drawn again at the top of each page it spans

    def __init__(self, spans: list[Span], style, *, bullet: str = "",
                 tag: Element | None = None):  # fmt: skip
        self.style = style
        self.bulletText = bullet or None
        self.tag = tag  # the structure element of its text (see pdf_structure)
        self.label: Element | None = None  # a list item's Lbl, for its bullet
        spans = merged(spans)
        self._spans: list[Span] | None = spans
        self.note_numbers = frozenset(span.note for span in spans if span.note is not None)
        words = words_of(spans)
        self._source: Run = Run(words, 0, len(words))  # the words this block lays out
        # the one plain span every line is written in, when there is one (see Pen.line),
        # and the paragraph direction (0 or 1) when there is right-to-left text to reorder;
        # a part of a split paragraph takes both from the whole (see _part)
        self._plain = spans[0] if len(spans) == 1 and is_plain(spans[0]) else None
        text = "".join(span.text for span in spans)
        self._bidi = pdf_bidi.paragraph_level(text) if pdf_bidi.has_rtl(text) else None
        self._layout: Layout | None = None  # the last wrap, perhaps shared with the whole
        self.lines: Sequence[Line] = ()
        self.width = self.height = 0.0

    @property
    def spans(self) -> list[Span]:
        """The block's spans; a split part rebuilds its own only when asked (for its text)."""
        if self._spans is None:
            self._spans = spans_of(self._source.words())
        return self._spans

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
        if availWidth < FUZZ:
            return 0, 0x7FFFFFFF
        if self._layout is None or self._layout.width != availWidth:
            first, later, _ = self._widths(availWidth)
            lines, laid = break_lines(self._source.words(), first, later)
            self._layout = Layout(Laid(availWidth, lines, laid), 0, len(lines))
        self.lines = self._layout.view()
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    @property
    def blPara(self):  # reportlab's list items count the lines of a paragraph this way
        return _LineCount(self.lines)

    def split(self, availWidth, availHeight):
        if not self._source or availWidth < FUZZ or availHeight < FUZZ:
            return []
        if self._layout is None:
            self.wrap(availWidth, availHeight)
        # As reportlab's Paragraph: split the lines of the last wrap (a table splitting a
        # row passes the column width, not the cell width it wrapped the cell with).
        layout = self._layout
        availWidth, self.lines = layout.width, layout.view()
        self.width, self.height = availWidth, len(self.lines) * self.style.leading
        fit = int(availHeight / float(self.style.leading))
        if fit <= 1:  # a lone first line at the foot of a page: move the whole paragraph
            return []
        if len(self.lines) <= fit:
            return [self]
        # Both parts are views of this layout, not copies: the rest of a paragraph many
        # pages long is neither copied nor laid out again for each page (issue 15). The
        # rest's lines are the ones laid here: its first line, like every later line of
        # the whole, has the full width (no first-line indent, no bullet).
        cut = self.lines[fit].start
        head = self._part(layout, Run(layout.words, self._source_start(), cut), self.style,
                          self.bulletText)  # fmt: skip
        head._layout = layout.part(layout.first, layout.first + fit)
        head.wrap(availWidth, availHeight)
        rest_style = self.style
        if rest_style.firstLineIndent:
            rest_style = rest_style.clone(rest_style.name, firstLineIndent=0)
        rest = self._part(layout, Run(layout.words, cut, layout.lines[layout.last - 1].end),
                          rest_style, None)  # fmt: skip
        rest._layout = layout.part(layout.first + fit, layout.last)
        return [head, rest]

    def _source_start(self) -> int:
        """Where this block's words start in its layout's word list."""
        layout = self._layout
        return layout.lines[layout.first].start if layout.last > layout.first else 0

    def _part(self, layout: Layout, source: Run, style, bullet) -> TextBlock:
        part = self.__class__.__new__(self.__class__)  # no reportlab layout state carried over
        part.style = style
        part.bulletText = bullet or None
        part.tag = self.tag
        part.label = self.label
        part.repeats = self.repeats
        part._source = source
        part._spans = None
        part.note_numbers = (layout.laid.notes(source.start, source.end) if self.note_numbers
                             else frozenset())  # fmt: skip
        part._plain = self._plain
        part._bidi = self._bidi  # a part goes on in its paragraph's direction
        part._layout = None
        part.lines = ()
        part.width = part.height = 0.0
        return part

    def minWidth(self):  # noqa: N802 - reportlab API
        widths = [word[0] for word in self._source.words() if word is not None]
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
                pen.line(x, y, Line(line.start, line.end, line.width,
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

    def _line_offset(self, number: int, line: Line, bullet_offset: float) -> float:
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
