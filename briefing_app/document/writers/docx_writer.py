"""Word (.docx) writer: walks the memo tree and builds a document with real Word styles,
list numbering, footnotes, hyperlinks and page-number fields.

python-docx covers paragraphs, tables, styles and sections; the OOXML it lacks comes from
:mod:`.docx_parts` (hyperlinks, fields, bookmarks, numbering) and :mod:`.docx_notes`
(footnotes), the styles from :mod:`.docx_styles`. All text goes through
:func:`~briefing_app.document.text.clean` once more: python-docx raises on control characters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import BinaryIO

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Inches, Pt, Twips
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document import text as text_utils
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inline,
    Link,
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
from briefing_app.document.text import clean

from . import docx_parts as parts
from . import docx_styles as styles
from .docx_notes import Footnotes

FORMAT = "docx"
EXTENSION = ".docx"

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
TEXT_WIDTH = 9360  # twips: 8.5 in page minus two 1-inch margins
HEADER_SHADING = "D9D9D9"


def write(document: Document, stream: BinaryIO) -> None:
    """Write ``document`` as a .docx file to the binary ``stream``."""
    _DocxWriter(document).build().save(stream)


def marked(mark: str, text: str = "") -> str:
    """``"(U) "`` in front of ``text`` when the node carries a portion mark."""
    mark = text_utils.one_line(mark)
    return f"({mark}) {text}" if mark else text


class _DocxWriter:
    """One memo: holds the python-docx document and the running footnote and list state."""

    def __init__(self, document: Document):
        self.memo = document
        self.doc = docx.Document()
        self.font_size = float(document.font_size or 12)
        self.bookmarks = parts.Bookmarks()
        self.footnotes = Footnotes(self.doc.part, self.doc.settings.element, self.bookmarks)
        self.numbering: parts.ListNumbering | None = None
        self.page_break_pending = False
        self._style_ids: dict[str, str] = {}

    # ------------------------------------------------------------ document

    def build(self):
        styles.apply_memo_styles(
            self.doc, font_size=self.font_size, language=clean(self.memo.metadata.language)
        )
        self._page_setup()
        self._properties()
        self._drop_template_leftovers()
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)  # the template's empty first paragraph
        for block in self.memo.blocks:
            self._block(block)
        if self.page_break_pending:  # a break at the very end: an empty last page
            self._hard_page_break()
        self._furniture()
        return self.doc

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(1))
        section.header_distance = section.footer_distance = Inches(0.5)

    def _properties(self) -> None:
        meta = self.memo.metadata
        props = self.doc.core_properties
        props.title = text_utils.one_line(meta.title)
        props.subject = text_utils.one_line(meta.subject)
        props.author = text_utils.one_line(meta.author)
        props.last_modified_by = props.author
        props.language = text_utils.one_line(meta.language)
        props.keywords = ", ".join(text_utils.one_line(k) for k in meta.keywords if k.strip())
        props.comments = ""
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now

    def _drop_template_leftovers(self) -> None:
        """python-docx's template carries a thumbnail of a blank page (file browsers would
        show it as the memo's preview) and a Word 2010 copy of the styles with theme fonts
        (stylesWithEffects), which the restyled styles part replaces."""
        for rels, reltype in (
            (self.doc.part.package.rels, RT.THUMBNAIL),
            (self.doc.part.rels, STYLES_WITH_EFFECTS),
        ):
            for rel_id, rel in list(rels.items()):
                if rel.reltype == reltype:
                    del rels[rel_id]

    # ------------------------------------------------------------ blocks

    def _block(self, block) -> None:
        handlers = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            BulletList: self._list,
            BlockQuote: self._quote,
            Table: self._table,
            MemoHeader: self._memo_header,
            NoteList: self._note_list,
            PageBreak: self._page_break,
        }
        handler = handlers.get(type(block))
        if handler is None:
            raise UnknownNodeError("DOCX", block)
        handler(block)

    def _heading(self, heading: Heading) -> None:
        level = min(max(heading.level, 1), len(styles.HEADING))
        p = self._new_paragraph(styles.HEADING[level - 1])
        runs = [parts.new_run(marked(heading.mark, text_utils.one_line(heading.text)))]
        if heading.anchor:  # the same name the PDF bookmark and the HTML id carry
            runs = self.bookmarks.around(self.bookmarks.name_for(heading.anchor), runs)
        p._p.extend(runs)

    def _paragraph(self, paragraph: Paragraph) -> None:
        p = self._new_paragraph(styles.PARAGRAPH_ROLES.get(paragraph.role, "Normal"))
        self._inlines(p._p, paragraph.content, mark=paragraph.mark)

    def _list(self, bullet_list: BulletList) -> None:
        if self.numbering is None:
            self.numbering = parts.ListNumbering(self.doc.part.numbering_part.element)
        if bullet_list.ordered:
            style, num_id = styles.LIST_NUMBER, self.numbering.new_ordered_list()
        else:
            style, num_id = styles.LIST_BULLET, self.numbering.bullet_num
        p = None
        for item in bullet_list.items:
            p = self._new_paragraph(style)
            parts.set_numbering(p._p.get_or_add_pPr(), num_id)
            if item.role == "talking-point":
                p.paragraph_format.space_after = Pt(self.font_size * 0.6)
            self._inlines(p._p, item.content, mark=item.mark)
        if p is not None:  # the list ends with the space a body paragraph leaves
            p.paragraph_format.space_after = Pt(self.font_size * 0.75)

    def _quote(self, quote: BlockQuote) -> None:
        lang = text_utils.one_line(quote.language)
        original = self._new_paragraph(styles.QUOTE)
        self._inlines(original._p, quote.original, mark=quote.mark, lang=lang)
        if quote.translation:
            translation = self._new_paragraph(styles.QUOTE_TRANSLATION)
            self._inlines(translation._p, quote.translation)
        if quote.attribution:
            attribution = self._new_paragraph(styles.QUOTE_ATTRIBUTION)
            attribution._p.append(parts.new_run("\u2014 "))
            self._inlines(attribution._p, quote.attribution)

    def _table(self, table: Table) -> None:
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        if columns == 0:
            return  # nothing to draw: no header and no cells
        if self.page_break_pending:
            self._hard_page_break()
        grid = self.doc.add_table(rows=1 + len(table.rows), cols=columns)
        grid.style = self.doc.styles[styles.TABLE]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        tblPr = grid._tbl.tblPr
        parts.set_child(tblPr, "w:tblW", parts.TBLPR_ORDER, w_w=str(TEXT_WIDTH), w_type="dxa")
        widths = _column_widths(table.widths, columns)
        for index, width in enumerate(widths):
            grid.columns[index].width = Twips(width)

        header = grid.rows[0]
        _repeat_as_header(header)
        for index, cell in enumerate(header.cells):
            label = table.header[index] if index < len(table.header) else ""
            if index == 0:
                label = marked(table.mark, label)
            p = self._cell_paragraph(cell, widths[index])
            p.append(parts.new_run(clean(label), bold=True))
            _shade(cell, HEADER_SHADING)

        for row, grid_row in zip(table.rows, list(grid.rows)[1:], strict=True):
            _keep_row_together(grid_row)
            for index, cell in enumerate(grid_row.cells):
                content = row[index] if index < len(row) else []
                self._inlines(self._cell_paragraph(cell, widths[index]), content)
        # a little air between the table and what follows
        _spacer(self.doc.add_paragraph())

    def _cell_paragraph(self, cell, width: int):
        cell.width = Twips(width)
        p = cell.paragraphs[0]
        self._set_style(p, styles.TABLE_TEXT)
        return p._p

    def _memo_header(self, header: MemoHeader) -> None:
        title = self._new_paragraph(styles.TITLE)
        title._p.append(parts.new_run(text_utils.one_line(header.title)))
        labels = [_label(label) for label, _ in header.fields]
        indent = self._label_column(labels)
        last = None
        for label, (_, value) in zip(labels, header.fields, strict=True):
            p = self._new_paragraph(styles.HEADER_FIELD)
            fmt = p.paragraph_format
            fmt.left_indent = Twips(indent)
            fmt.first_line_indent = Twips(-indent)
            fmt.tab_stops.add_tab_stop(Twips(indent))
            p._p.append(parts.new_run(label + "\t", bold=True))
            self._inlines(p._p, value)
            last = p
        if last is not None:  # a rule under the heading block, as on printed memos
            last.paragraph_format.keep_with_next = False
            last.paragraph_format.space_after = Pt(self.font_size * 1.5)
            _bottom_rule(last._p)

    def _label_column(self, labels: list[str]) -> int:
        """Twips from the margin to the values: the widest bold label plus a gap."""
        widest = max(
            (stringWidth(label, "Times-Bold", self.font_size) for label in labels), default=0
        )
        return int(min(max(widest * 20 + 360, 1440), 3600))

    def _note_list(self, note_list: NoteList) -> None:
        for note in note_list.notes:
            if not isinstance(note, Note):
                raise UnknownNodeError("DOCX", note)
            p = self._new_paragraph(styles.NOTE_LIST)
            p._p.append(parts.new_run(f"{note.number}.\t"))
            self._inlines(p._p, note.content)

    def _page_break(self, _block: PageBreak) -> None:
        """Start the next paragraph on a new page (``pageBreakBefore``), which leaves no
        empty line at the top of the page the way a break character would."""
        if self.page_break_pending:
            self._hard_page_break()
        self.page_break_pending = True

    def _hard_page_break(self) -> None:
        self.page_break_pending = False
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _style_id(self, name: str) -> str:
        """The style's id, looked up once per document: python-docx resolves a style name
        by scanning every style on each assignment, which dominated the writing time."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def _set_style(self, paragraph, name: str) -> None:
        paragraph._p.get_or_add_pPr().style = self._style_id(name)

    def _new_paragraph(self, style: str):
        p = self.doc.add_paragraph()
        self._set_style(p, style)
        if self.page_break_pending:
            p.paragraph_format.page_break_before = True
            self.page_break_pending = False
        return p

    # ------------------------------------------------------------ inline content

    def _inlines(
        self,
        p,
        content: list[Inline],
        *,
        mark: str = "",
        lang: str = "",
        part: Part | None = None,
        in_footnote: bool = False,
    ) -> None:
        """Append ``content`` as runs to paragraph element ``p``; links get their
        relationship from ``part`` (the document, or the footnotes part)."""
        part = part or self.doc.part
        if mark:
            p.append(parts.new_run(marked(mark), lang=lang))
        previous_was_ref = False
        for inline in content:
            if isinstance(inline, Text):
                p.append(self._text_run(inline.text, inline.bold, inline.italic, lang))
            elif isinstance(inline, Link):
                p.append(self._link(part, inline, lang))
            elif isinstance(inline, NoteRef):
                if previous_was_ref:  # "1,2" rather than an ambiguous "12"
                    p.append(parts.new_run(",", superscript=True))
                p.extend(self._note_reference(inline.number, in_footnote))
            else:
                raise UnknownNodeError("DOCX", inline)
            previous_was_ref = isinstance(inline, NoteRef)

    def _text_run(self, text: str, bold: bool, italic: bool, lang: str):
        return parts.new_run(clean(text), bold=bold, italic=italic, lang=lang)

    def _link(self, part: Part, link: Link, lang: str):
        label = clean(link.text) or clean(link.url)
        url = clean(link.url)
        if not text_utils.is_safe_link(url):
            return parts.new_run(label, lang=lang)
        run = parts.new_run(label, style_id=styles.HYPERLINK_ID, lang=lang)
        return parts.new_hyperlink(part, url, [run])

    def _note_reference(self, number: int, in_footnote: bool) -> list:
        """A real footnote when the memo uses footnotes (see :mod:`.docx_notes` for how
        its mark shows the note number), else a superscript number."""
        note = self._footnote_text(number)
        if self.memo.note_style != "footnotes" or in_footnote or note is None:
            return [parts.new_run(str(number), style_id=styles.NOTE_REFERENCE_ID)]
        if self.footnotes.is_cited(number):
            return self.footnotes.cite_again(number)
        holder = OxmlElement("w:p")
        self._inlines(holder, note.content, part=self.footnotes.part, in_footnote=True)
        return self.footnotes.cite_first(number, list(holder))

    def _footnote_text(self, number: int) -> Note | None:
        for note in self.memo.footnotes:
            if note.number == number:
                return note
        return None

    # ------------------------------------------------------------ headers and footers

    def _furniture(self) -> None:
        furniture = self.memo.furniture
        section = self.doc.sections[0]
        banner = text_utils.one_line(furniture.banner)
        if banner:
            self._banner_paragraph(section.header.paragraphs[0], banner)

        footer = section.footer
        first = footer.paragraphs[0]
        lines = []
        footer_text = text_utils.one_line(furniture.footer_text)
        if footer_text:
            lines.append("text")
        numbering = furniture.page_numbering  # "dash", else "Page x of y"; "none" for none
        if numbering not in ("", "none"):
            lines.append("number")
        if banner:
            lines.append("banner")
        for index, kind in enumerate(lines):
            p = first if index == 0 else footer.add_paragraph()
            if kind == "text":
                p.style = self.doc.styles["Footer"]
                p._p.append(parts.new_run(footer_text, size_pt=8))
            elif kind == "number":
                p.style = self.doc.styles["Footer"]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in self._page_number_runs(numbering):
                    p._p.append(run)
            else:
                self._banner_paragraph(p, banner)

    def _banner_paragraph(self, p, banner: str) -> None:
        p.style = self.doc.styles[styles.BANNER]
        p._p.append(parts.new_run(banner))

    def _page_number_runs(self, numbering: str) -> list:
        if numbering == "dash":
            return [parts.new_run("-"), *parts.field_runs("PAGE", "1"), parts.new_run("-")]
        labels = self.memo.labels
        page = clean(labels.get("page", "Page"))
        of = clean(labels.get("of", "of"))
        return [
            parts.new_run(f"{page} "),
            *parts.field_runs("PAGE", "1"),
            parts.new_run(f" {of} "),
            *parts.field_runs("NUMPAGES", "1"),
        ]


# ---------------------------------------------------------------- table and block helpers


def _label(label: str) -> str:
    label = text_utils.one_line(label)
    return label if not label or label.endswith(":") else label + ":"


def _column_widths(weights: list[float], columns: int) -> list[int]:
    """Twips per column from relative ``weights``; equal columns when they do not fit."""
    if len(weights) != columns or any(w <= 0 for w in weights):
        weights = [1.0] * columns
    total = sum(weights)
    widths = [int(TEXT_WIDTH * w / total) for w in weights]
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def _repeat_as_header(row) -> None:
    """Mark the row as a header row, repeated at the top of every page the table spans."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))
    trPr.append(OxmlElement("w:cantSplit"))


def _keep_row_together(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _shade(cell, fill: str) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    parts.set_child(tcPr, "w:shd", parts.TCPR_ORDER, w_val="clear", w_color="auto", w_fill=fill)


def _spacer(paragraph) -> None:
    """A 6-point empty paragraph: air after a table (Word also needs a paragraph between
    two tables, or it merges them)."""
    paragraph.paragraph_format.space_after = Pt(0)
    pPr = paragraph._p.get_or_add_pPr()
    mark = parts.set_child(pPr, "w:rPr", parts.PPR_ORDER)
    parts.set_child(mark, "w:sz", parts.RPR_ORDER, w_val="12")
    parts.set_child(mark, "w:szCs", parts.RPR_ORDER, w_val="12")


def _bottom_rule(p) -> None:
    pPr = p.get_or_add_pPr()
    borders = parts.set_child(pPr, "w:pBdr", parts.PPR_ORDER)
    parts.set_child(
        borders,
        "w:bottom",
        ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
        w_val="single",
        w_sz="6",
        w_space="6",
        w_color="000000",
    )
