"""Inline content -> reportlab Paragraph markup.

reportlab's Paragraph parses an XML-like markup, so every piece of user text is escaped
here and nowhere else: ``<b>&amp;</b>`` typed by a user prints literally. The only markup
in the result is the markup this module writes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefing_app.document.model import Link, NoteRef, Text, UnknownNodeError
from briefing_app.document.text import clean, is_safe_link
from briefing_app.document.writers.pdf_fonts import printable

WRITER = "PDF"
NOTE_CALLBACK = "briefing_noteref"
LINK_COLOR = "#1f3a7a"


def escape_text(text: str) -> str:
    """Plain text as Paragraph markup: escaped, line breaks kept, glyph-less characters
    shown as boxes (see :func:`printable`)."""
    return escape(printable(clean(text))).replace("\n", "<br/>")


def escape_attr(value: str) -> str:
    """A double-quoted attribute value (quotes and line breaks neutralised)."""
    value = " ".join(clean(value).split())
    return '"' + escape(value, {'"': "&quot;"}) + '"'


def portion_prefix(mark: str) -> str:
    """``(MARK) `` in front of a marked portion; nothing when unmarked."""
    mark = " ".join(clean(mark).split())
    return f"({escape(printable(mark))}) " if mark else ""


def inline_markup(content: list, *, note_markers: bool = True) -> str:
    """Markup for a run of inline nodes.

    ``note_markers`` adds an ``<onDraw>`` callback after each note mark so the footnote
    planner learns the page each citation lands on; notes drawn inside footnotes pass False.
    """
    out: list[str] = []
    previous_was_note = False
    for part in content:
        if isinstance(part, NoteRef):
            number = int(part.number)
            separator = "," if previous_was_note else ""
            out.append(f"<super>{separator}{number}</super>")
            if note_markers:
                out.append(f'<onDraw name="{NOTE_CALLBACK}" label="{number}"/>')
            previous_was_note = True
            continue
        previous_was_note = False
        if isinstance(part, Text):
            out.append(_styled(escape_text(part.text), bold=part.bold, italic=part.italic))
        elif isinstance(part, Link):
            out.append(_link(part))
        else:
            raise UnknownNodeError(WRITER, part)
    return "".join(out)


def _styled(markup: str, *, bold: bool, italic: bool) -> str:
    if not markup:
        return ""
    if italic:
        markup = f"<i>{markup}</i>"
    if bold:
        markup = f"<b>{markup}</b>"
    return markup


def _link(link: Link) -> str:
    label = escape_text(link.text or link.url)
    url = clean(link.url).strip()
    if not is_safe_link(url):
        return label
    return f'<a href={escape_attr(url)} color="{LINK_COLOR}">{label}</a>'
