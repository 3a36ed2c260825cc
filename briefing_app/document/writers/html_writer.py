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
    Metadata,
    Note,
    NoteList,
    NoteRef,
    PageBreak,
    PageFurniture,
    Paragraph,
    Table,
    Text,
)
from briefing_app.document.page_size import paper
from briefing_app.document.text import clean, is_safe_link, one_line
from briefing_app.document.visitor import NodeVisitor

FORMAT = "html"
EXTENSION = ".html"
WRITER_NAME = "HTML"

_CSS = """
@page { size: %(paper)s; margin: 1in; }
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
    return HtmlWriter().visit(document)


def _e(text: str) -> str:
    return escape(clean(text), quote=True)


def _mark(mark: str) -> str:
    mark = one_line(mark)
    return f'<span class="mark">({_e(mark)})</span> ' if mark else ""


def _label(label: str) -> str:
    label = one_line(label)
    return label if not label or label.endswith(":") else label + ":"


class HtmlWriter(NodeVisitor):
    """One page per document: block methods add lines to ``out``, inline methods return
    markup."""

    writer_name = WRITER_NAME

    def __init__(self):
        self.doc = Document(Metadata(), PageFurniture(), [])
        self.out: list[str] = []
        self.cited: set[int] = set()  # note numbers whose first citation got an id

    # ------------------------------------------------------------ page

    def visit_document(self, doc: Document) -> str:
        self.doc, self.out, self.cited = doc, [], set()
        size = _points(doc.font_size)
        css = _CSS % {
            "size": size,
            "title": _points(doc.font_size + 2),
            "small": _points(max(doc.font_size - 2, 6)),
            "paper": paper(doc.page_size).css_name,  # when a browser prints the file
        }
        language = _e(one_line(doc.metadata.language) or "en")
        self.out += ["<!DOCTYPE html>", f'<html lang="{language}">', "<head>",
                     '<meta charset="utf-8">']  # fmt: skip
        self.visit(doc.metadata)
        self.out += [f"<style>{css}</style>", "</head>", "<body>"]
        self.visit(doc.furniture, "banner")
        for block in doc.blocks:
            self.visit(block)
        if doc.note_style != "endnotes" and doc.footnotes:
            self.footnotes(doc.footnotes)
        self.visit(doc.furniture, "banner-bottom")
        self.out += ["</body>", "</html>", ""]
        return "\n".join(self.out)

    def visit_metadata(self, meta: Metadata) -> None:
        """The title and the ``<meta>`` lines of the head."""
        self.out.append(f"<title>{_e(one_line(meta.title))}</title>")
        for name, value in (
            ("author", meta.author),
            ("description", meta.subject),
            ("keywords", ", ".join(meta.keywords)),
        ):
            if one_line(value):
                self.out.append(f'<meta name="{name}" content="{_e(one_line(value))}">')

    def visit_page_furniture(self, furniture: PageFurniture, css_class: str) -> None:
        """The banner line, at the top (``banner``) or the bottom (``banner-bottom``)."""
        banner = one_line(furniture.banner)
        if banner:
            self.out.append(f'<p class="{css_class}" align="center"><b>{_e(banner)}</b></p>')

    # ------------------------------------------------------------ inline content

    def inline(self, content: list[Inline]) -> str:
        return "".join([self.visit(part) for part in content])

    def visit_text(self, part: Text) -> str:
        text = _e(part.text)
        if part.italic:
            text = f"<i>{text}</i>"
        if part.bold:
            text = f"<b>{text}</b>"
        return text

    def visit_link(self, part: Link) -> str:
        if is_safe_link(part.url):
            url = escape(clean(part.url).strip(), quote=True)
            return f'<a href="{url}">{_e(part.text)}</a>'
        return _e(part.text)

    def visit_note_ref(self, part: NoteRef) -> str:
        number = part.number
        anchor = ""
        if number not in self.cited:
            self.cited.add(number)
            anchor = f' id="ref-{number}" name="ref-{number}"'
        return f'<sup><a href="#note-{number}"{anchor}>{number}</a></sup>'

    # ------------------------------------------------------------ blocks

    def visit_heading(self, node: Heading) -> None:
        level = min(max(node.level, 1) + 1, 6)
        anchor = one_line(node.anchor)
        target = f'<a id="{_e(anchor)}" name="{_e(anchor)}"></a>' if anchor else ""
        self.out.append(
            f'<h{level} dir="auto">{target}{_mark(node.mark)}{_e(node.text)}</h{level}>'
        )

    def visit_paragraph(self, node: Paragraph) -> None:
        role = _e(one_line(node.role) or "body")
        self.out.append(
            f'<p class="{role}" dir="auto">{_mark(node.mark)}{self.inline(node.content)}</p>'
        )

    def visit_bullet_list(self, node: BulletList) -> None:
        tag = "ol" if node.ordered else "ul"
        self.out.append(f"<{tag}>")
        for item in node.items:
            self.visit(item)
        self.out.append(f"</{tag}>")

    def visit_list_item(self, item: ListItem) -> None:
        role = _e(one_line(item.role) or "body")
        self.out.append(
            f'<li class="{role}" dir="auto">{_mark(item.mark)}{self.inline(item.content)}</li>'
        )

    def visit_block_quote(self, node: BlockQuote) -> None:
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

    def visit_table(self, node: Table) -> None:
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

    def visit_memo_header(self, node: MemoHeader) -> None:
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

    def visit_note_list(self, node: NoteList) -> None:
        self.out.append('<div class="notes">')
        for note in node.notes:
            self.visit(note)
        self.out.append("</div>")

    def footnotes(self, notes: list[Note]) -> None:
        heading = one_line(self.doc.labels.get("notes", "Notes")) or "Notes"
        self.out.append('<div class="notes">')
        self.out.append('<hr width="35%" align="left">')
        self.out.append(f'<p class="notes-heading">{_e(heading)}</p>')
        for note in notes:
            self.visit(note)
        self.out.append("</div>")

    def visit_note(self, note: Note) -> None:
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

    def visit_page_break(self, node: PageBreak) -> None:
        self.out.append('<hr class="page-break" style="page-break-after: always">')


Visitor = HtmlWriter  # the registry's name for a writer's node visitor


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
