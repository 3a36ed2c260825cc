"""Spans: the memo's inline content as runs of text in one font, size, rise and colour.

:class:`InlineSpans` turns inline nodes (text, links, note marks) into spans; the text
blocks of :mod:`pdf_text` lay them out and :mod:`pdf_pen` draws them. When the memo is
tagged, a link's span and a note mark's span carry their own structure element (a
``Link``, a ``Reference``; see :mod:`pdf_structure`), created as the node is visited.
Widths are measured once per word, font and size and remembered.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document.model import Link, NoteRef, Text
from briefing_app.document.text import clean, is_safe_link
from briefing_app.document.visitor import NodeVisitor
from briefing_app.document.writers.pdf_fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    printable,
)
from briefing_app.document.writers.pdf_structure import Element, StructTree

WRITER = "PDF"
LINK_COLOR = colors.HexColor("#1f3a7a")
SUPERSCRIPT_RISE = 0.5  # of the font size, as reportlab's <super>
SUPERSCRIPT_SHRINK = 2.0  # points smaller, as reportlab's <super>

_FACES = {SERIF: (False, False), SERIF_BOLD: (True, False), SERIF_ITALIC: (False, True),
          SERIF_BOLD_ITALIC: (True, True)}  # fmt: skip
_FONTS = {flags: font for font, flags in _FACES.items()}
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> text -> points
_WIDTHS_KEPT = 100_000  # per font and size; memo text repeats its words


@dataclass(slots=True)
class Span:
    """Text drawn in one font, size, rise and colour; a link target or a note number;
    the structure element of a link or note mark (None: its paragraph's)."""

    text: str
    font: str
    size: float
    rise: float = 0.0
    color: object = None
    link: str = ""
    note: int | None = None  # a note mark: tells the footnote layout where it is drawn
    tag: Element | None = None


def widths_for(font: str, size: float) -> dict[str, float]:
    """The remembered widths in one font and size: a memo measures the same words again
    and again, and a dictionary lookup costs a fraction of ``stringWidth``."""
    widths = _WIDTHS.get((font, size))
    if widths is None:
        widths = _WIDTHS[(font, size)] = {}
    return widths


def width_of(widths: dict[str, float], text: str, span: Span) -> float:
    width = widths.get(text)
    if width is None:
        if len(widths) >= _WIDTHS_KEPT:
            widths.clear()
        width = widths[text] = stringWidth(text, span.font, span.size)
    return width


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
    return InlineSpans().inline(content, style, note_markers=note_markers)


class InlineSpans(NodeVisitor):
    """Inline nodes -> spans in a paragraph style: one ``visit_*`` method per node type,
    each returning a span or None (nothing to draw). With a structure ``tree``, links and
    note marks get their elements inside the ``parent`` block passed to :meth:`inline`."""

    writer_name = WRITER
    tree: StructTree | None = None
    _parent: Element | None = None

    def inline(self, content: list, style, *, note_markers: bool = True,
               parent: Element | None = None) -> list[Span]:  # fmt: skip
        self._parent = parent
        spans: list[Span] = []
        previous_was_note = False
        known = self._dispatch
        for part in content:
            span = (known.get(part.__class__) or self.handler(part))(self, part, style)
            is_note = type(part) is NoteRef
            if is_note:
                if previous_was_note:  # "1,2" rather than an ambiguous "12"
                    span.text = "," + span.text
                if not note_markers:
                    span.note = None
            previous_was_note = is_note
            if span is not None:
                spans.append(span)
        return spans

    def visit_text(self, part: Text, style) -> Span | None:
        text = printable(clean(part.text))
        if not text:
            return None
        return Span(text, face(style.fontName, bold=part.bold, italic=part.italic),
                    style.fontSize)  # fmt: skip

    def visit_link(self, part: Link, style) -> Span | None:
        text = printable(clean(part.text or part.url))
        if not text:
            return None
        url = " ".join(clean(part.url).split())
        if not is_safe_link(url):
            return Span(text, style.fontName, style.fontSize)
        words = " ".join(text.split())
        description = words if words == url else f"{words} ({url})"
        return Span(text, style.fontName, style.fontSize, color=LINK_COLOR, link=url,
                    tag=self._element("Link", description=description))  # fmt: skip

    def visit_note_ref(self, part: NoteRef, style) -> Span:
        number = int(part.number)
        size = style.fontSize
        return Span(str(number), style.fontName, max(size - SUPERSCRIPT_SHRINK, 3.0),
                    rise=size * SUPERSCRIPT_RISE, note=number,
                    tag=self._element("Reference"))  # fmt: skip

    def _element(self, role: str, description: str = "") -> Element | None:
        if self.tree is None or self._parent is None:
            return None
        return self.tree.inline(role, self._parent, description)


def is_plain(span: Span) -> bool:
    """Neither a link nor a note mark: text of its paragraph's own."""
    return not span.link and span.note is None and span.tag is None


def same_look(a: Span, b: Span) -> bool:
    """Whether ``a`` and ``b`` can be written as one string (same element included)."""
    return (a.font == b.font and a.size == b.size and a.rise == b.rise
            and a.color is b.color and a.tag is b.tag)  # fmt: skip


def merged(spans: list[Span]) -> list[Span]:
    """Neighbouring plain spans of the same look as one (a portion mark and the text after
    it, say): fewer pieces to measure, and more lines written on the plain path."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if last is not None and is_plain(last) and is_plain(span) and same_look(last, span):
            out[-1] = Span(last.text + span.text, last.font, last.size, last.rise, last.color)
        else:
            out.append(span)
    return out
