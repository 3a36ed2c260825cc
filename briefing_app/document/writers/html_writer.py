"""HTML writer: one self-contained HTML5 page, for the in-app preview and for export.

The same page is shown by Qt's QTextBrowser, whose rich-text engine knows only a subset of
HTML 4 and CSS 2, so the markup stays plain: class selectors in one ``<style>`` block,
tables with ``border``/``cellpadding`` attributes as well as CSS, anchors as
``<a id=… name=…>`` (Qt scrolls to ``name``, browsers to ``id``), no flexbox, no
pseudo-classes. Every piece of text goes through ``html.escape``; a link is clickable only
for a safe URL (checked again here, whatever the builder did). Text a person wrote gets
``dir="auto"`` so Arabic or Hebrew passages run right to left.

Notes: with footnotes, the notes are listed at the end under the "Notes" label; with
endnotes, the :class:`NoteList` is drawn where the builder put it. Each note links back
to the first place that cites it.
"""

from __future__ import annotations

from html import escape
from typing import BinaryIO

from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inline,
    Link,
    ListItem,
    MemoHeader,
    Note,
    NoteList,
    NoteRef,
    PageBreak,
    Paragraph,
    Table,
    Text,
    UnknownNodeError,
)
from briefing_app.document.text import clean, is_safe_link, one_line

FORMAT = "html"
EXTENSION = ".html"
WRITER_NAME = "HTML"

_CSS = """
body { font-family: "Times New Roman", "Liberation Serif", Times, serif;
       font-size: %(size)spt; color: #000000; background-color: #ffffff;
       margin: 18px 16px; }
p { margin-top: 0; margin-bottom: 8px; }
p.banner { text-align: center; font-weight: bold; margin: 6px 0 14px 0; }
p.banner-bottom { text-align: center; font-weight: bold; margin: 18px 0 6px 0; }
p.memo-title { text-align: center; font-weight: bold; font-size: %(title)spt;
               margin: 6px 0 14px 0; }
table.memo-header { margin-bottom: 16px; }
td.label { font-weight: bold; padding-right: 10px; vertical-align: top; }
td.value { vertical-align: top; }
h2, h3, h4, h5, h6 { font-size: %(size)spt; font-weight: bold; margin: 16px 0 6px 0; }
p.event b { font-weight: bold; }
p.note, p.bottom-line { font-size: %(small)spt; }
li { margin-bottom: 4px; }
blockquote { margin: 6px 30px 10px 30px; }
p.translation { font-style: italic; }
p.attribution { font-size: %(small)spt; }
table.grid { border-collapse: collapse; margin: 4px 0 12px 0; }
table.grid th { background-color: #eeeeee; text-align: left; padding: 4px; }
table.grid td { vertical-align: top; padding: 4px; }
p.table-mark { margin-bottom: 2px; }
div.notes p { font-size: %(small)spt; margin-bottom: 4px; }
p.notes-heading { font-weight: bold; margin-top: 14px; }
a.backlink { text-decoration: none; }
hr.page-break { margin: 18px 0; }
"""


def write(document: Document, stream: BinaryIO) -> None:
    stream.write(to_html(document).encode("utf-8"))


def to_html(document: Document) -> str:
    """The whole page as text (what the preview hands to ``QTextBrowser.setHtml``)."""
    return _HtmlWriter(document).page()


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _mark(mark: str) -> str:
    mark = one_line(mark)
    return f'<span class="mark">({_e(mark)})</span> ' if mark else ""


def _label(label: str) -> str:
    label = one_line(label)
    return label if not label or label.endswith(":") else label + ":"


class _HtmlWriter:
    def __init__(self, document: Document):
        self.doc = document
        self.out: list[str] = []
        self.cited: set[int] = set()  # note numbers whose first citation got an id
        self.blocks = {
            Heading: self.heading,
            Paragraph: self.paragraph,
            BulletList: self.bullet_list,
            BlockQuote: self.block_quote,
            Table: self.table,
            MemoHeader: self.memo_header,
            NoteList: self.note_list,
            PageBreak: self.page_break,
        }

    # ------------------------------------------------------------ page

    def page(self) -> str:
        doc, meta = self.doc, self.doc.metadata
        size = _points(doc.font_size)
        css = _CSS % {
            "size": size,
            "title": _points(doc.font_size + 2),
            "small": _points(max(doc.font_size - 2, 6)),
        }
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{_e(one_line(meta.language) or "en")}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{_e(one_line(meta.title))}</title>",
        ]
        for name, value in (
            ("author", meta.author),
            ("description", meta.subject),
            ("keywords", ", ".join(meta.keywords)),
        ):
            if one_line(value):
                head.append(f'<meta name="{name}" content="{_e(one_line(value))}">')
        head += [f"<style>{css}</style>", "</head>", "<body>"]
        self.out.extend(head)
        banner = one_line(doc.furniture.banner)
        if banner:
            self.out.append(f'<p class="banner" align="center"><b>{_e(banner)}</b></p>')
        for block in doc.blocks:
            self.block(block)
        if doc.note_style != "endnotes" and doc.footnotes:
            self.footnotes(doc.footnotes)
        if banner:
            self.out.append(f'<p class="banner-bottom" align="center"><b>{_e(banner)}</b></p>')
        self.out += ["</body>", "</html>", ""]
        return "\n".join(self.out)

    def block(self, node: object) -> None:
        handler = self.blocks.get(type(node))
        if handler is None:
            raise UnknownNodeError(WRITER_NAME, node)
        handler(node)

    # ------------------------------------------------------------ inline content

    def inline(self, content: list[Inline]) -> str:
        parts = []
        for part in content:
            if isinstance(part, Text):
                text = _e(part.text)
                if part.italic:
                    text = f"<i>{text}</i>"
                if part.bold:
                    text = f"<b>{text}</b>"
                parts.append(text)
            elif isinstance(part, Link):
                if is_safe_link(part.url):
                    url = escape(clean(part.url).strip(), quote=True)
                    parts.append(f'<a href="{url}">{_e(part.text)}</a>')
                else:
                    parts.append(_e(part.text))
            elif isinstance(part, NoteRef):
                parts.append(self.note_ref(part.number))
            else:
                raise UnknownNodeError(WRITER_NAME, part)
        return "".join(parts)

    def note_ref(self, number: int) -> str:
        anchor = ""
        if number not in self.cited:
            self.cited.add(number)
            anchor = f' id="ref-{number}" name="ref-{number}"'
        return f'<sup><a href="#note-{number}"{anchor}>{number}</a></sup>'

    # ------------------------------------------------------------ blocks

    def heading(self, node: Heading) -> None:
        level = min(max(node.level, 1) + 1, 6)
        anchor = one_line(node.anchor)
        target = f'<a id="{_e(anchor)}" name="{_e(anchor)}"></a>' if anchor else ""
        self.out.append(
            f'<h{level} dir="auto">{target}{_mark(node.mark)}{_e(node.text)}</h{level}>'
        )

    def paragraph(self, node: Paragraph) -> None:
        role = _e(one_line(node.role) or "body")
        self.out.append(
            f'<p class="{role}" dir="auto">{_mark(node.mark)}{self.inline(node.content)}</p>'
        )

    def bullet_list(self, node: BulletList) -> None:
        tag = "ol" if node.ordered else "ul"
        self.out.append(f"<{tag}>")
        for item in node.items:
            if not isinstance(item, ListItem):
                raise UnknownNodeError(WRITER_NAME, item)
            role = _e(one_line(item.role) or "body")
            self.out.append(
                f'<li class="{role}" dir="auto">{_mark(item.mark)}{self.inline(item.content)}</li>'
            )
        self.out.append(f"</{tag}>")

    def block_quote(self, node: BlockQuote) -> None:
        language = one_line(node.language)
        lang = f' lang="{_e(language)}"' if language else ""
        memo_lang = _e(one_line(self.doc.metadata.language) or "en")
        self.out.append(f'<blockquote dir="auto"{lang}>')
        self.out.append(
            f'<p class="quote" dir="auto">{_mark(node.mark)}{self.inline(node.original)}</p>'
        )
        if node.translation:
            self.out.append(
                f'<p class="translation" dir="auto" lang="{memo_lang}">'
                f"<i>{self.inline(node.translation)}</i></p>"
            )
        if node.attribution:
            self.out.append(
                f'<p class="attribution" dir="auto" lang="{memo_lang}">'
                f"\u2014 {self.inline(node.attribution)}</p>"
            )
        self.out.append("</blockquote>")

    def table(self, node: Table) -> None:
        if node.mark:
            self.out.append(f'<p class="table-mark">{_mark(node.mark).strip()}</p>')
        columns = max([len(node.header), *(len(row) for row in node.rows)], default=0)
        widths = _percentages(node.widths, columns)
        self.out.append(
            '<table class="grid" border="1" cellspacing="0" cellpadding="4" width="100%">'
        )
        if node.header:
            cells = "".join(
                f'<th{widths[i]} align="left">{_e(one_line(text))}</th>'
                for i, text in enumerate(node.header)
            )
            self.out.append(f"<thead><tr>{cells}</tr></thead>")
        self.out.append("<tbody>")
        for row in node.rows:
            cells = "".join(
                f'<td{widths[i] if not node.header else ""} dir="auto">{self.inline(cell)}</td>'
                for i, cell in enumerate(row)
            )
            self.out.append(f"<tr>{cells}</tr>")
        self.out.append("</tbody></table>")

    def memo_header(self, node: MemoHeader) -> None:
        title = one_line(node.title)
        if title:
            self.out.append(f'<p class="memo-title" align="center"><b>{_e(title)}</b></p>')
        if not node.fields:
            return
        self.out.append('<table class="memo-header" border="0" cellspacing="0" cellpadding="2">')
        for label, value in node.fields:
            self.out.append(
                f'<tr><td class="label"><b>{_e(_label(label))}</b></td>'
                f'<td class="value" dir="auto">{self.inline(value)}</td></tr>'
            )
        self.out.append("</table>")

    def note_list(self, node: NoteList) -> None:
        self.out.append('<div class="notes">')
        for note in node.notes:
            self.note(note)
        self.out.append("</div>")

    def footnotes(self, notes: list[Note]) -> None:
        heading = one_line(self.doc.labels.get("notes", "Notes")) or "Notes"
        self.out.append('<div class="notes">')
        self.out.append('<hr width="35%" align="left">')
        self.out.append(f'<p class="notes-heading">{_e(heading)}</p>')
        for note in notes:
            self.note(note)
        self.out.append("</div>")

    def note(self, note: Note) -> None:
        if not isinstance(note, Note):
            raise UnknownNodeError(WRITER_NAME, note)
        n = note.number
        back = (
            f' <a class="backlink" href="#ref-{n}" title="Back to the text">\u2191</a>'
            if n in self.cited
            else ""
        )
        self.out.append(
            f'<p class="note" dir="auto"><a id="note-{n}" name="note-{n}"></a>'
            f"<sup>{n}</sup> {self.inline(note.content)}{back}</p>"
        )

    def page_break(self, node: PageBreak) -> None:
        self.out.append('<hr class="page-break" style="page-break-after: always">')


def _points(value: float) -> str:
    return f"{value:g}"


def _percentages(weights: list[float], columns: int) -> list[str]:
    """`` width="NN%"`` attributes per column; empty when the weights do not fit."""
    if columns == 0:
        return []
    if len(weights) != columns or any(w <= 0 for w in weights):
        return [""] * columns
    total = sum(weights)
    return [f' width="{round(100 * w / total)}%"' for w in weights]
