"""Word (.docx) writer: walks the memo tree and builds a document with real Word styles,
list numbering, footnotes, hyperlinks and page-number fields.

python-docx holds the package: the template, styles, sections, headers and footers, core
properties, relationships. The body and the footnotes are written as XML text by
:mod:`.docx_xml` and parsed once, which is several times faster than python-docx's
element API (``bench/bench_render.py``); :mod:`.docx_parts` has the OOXML python-docx
lacks (numbering, bookmarks, hyperlink targets), :mod:`.docx_notes` the footnotes and
:mod:`.docx_styles` the styles. All text goes through
:func:`~briefing_app.document.text.clean` once more: Word refuses control characters.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import BinaryIO

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Inches, Mm
from lxml import etree
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.core.collector import collector_paused
from briefing_app.document import text as text_utils
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
from briefing_app.document.text import clean
from briefing_app.document.visitor import NodeVisitor

from . import docx_parts as parts
from . import docx_styles as styles
from . import docx_xml as xml
from .docx_notes import Footnotes
from .docx_properties import set_extended_properties

FORMAT = "docx"
EXTENSION = ".docx"

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
TEXT_WIDTH = 9360  # twips: 8.5 in page minus two 1-inch margins
HEADER_SHADING = "D9D9D9"
TABLE_AIR = 140  # twips (7 pt) between a table and the paragraph after it


CORE_PROPERTY_CHARS = 255
"""The longest core property python-docx writes (Word shows no more in File ▸ Info)."""


def _core_property(text: str) -> str:
    """One line of at most :data:`CORE_PROPERTY_CHARS` characters, a cut marked with "…"."""
    line = text_utils.one_line(text)
    if len(line) <= CORE_PROPERTY_CHARS:
        return line
    return line[: CORE_PROPERTY_CHARS - 1].rstrip() + "…"


@collector_paused()
def write(document: Document, stream: BinaryIO) -> None:
    """Write ``document`` as a .docx file to the binary ``stream``.

    The package is zipped in memory first and then written in one piece: a zip file that
    fails midway (a full disk) would otherwise be left for the garbage collector, whose
    attempt to finish it prints "Exception ignored ... seek of closed file"."""
    buffer = io.BytesIO()
    DocxWriter().visit(document).save(buffer)
    stream.write(buffer.getbuffer())


_TEMPLATES: dict[tuple[float, str], bytes] = {}
_BODY_MARK = "briefing-body"  # where _fill_body puts the memo's paragraphs


def memo_template(font_size: float, language: str, page_size: str = "letter") -> bytes:
    """An empty memo as .docx bytes: styles, a page of ``page_size`` paper with 1-inch
    margins, an empty header and footer. It depends only on size, language and paper, so
    it is made once per process; each memo then opens it, which costs less than
    python-docx's own template."""
    sheet = paper(page_size)
    key = (round(font_size * 2) / 2, language, page_size)
    if key not in _TEMPLATES:
        doc = docx.Document()
        styles.apply_memo_styles(doc, font_size=font_size, language=language)
        _drop_template_leftovers(doc)
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(sheet.width_mm), Mm(sheet.height_mm)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(1))
        section.header_distance = section.footer_distance = Inches(0.5)
        for part in (section.header, section.footer):
            part.is_linked_to_previous = False  # adds the part, holding one empty paragraph
        stream = io.BytesIO()
        doc.save(stream)
        _TEMPLATES[key] = stream.getvalue()
    return _TEMPLATES[key]


def _drop_template_leftovers(doc) -> None:
    """python-docx's template carries a thumbnail of a blank page (file browsers would
    show it as the memo's preview) and a Word 2010 copy of the styles with theme fonts
    (stylesWithEffects), which the restyled styles part replaces."""
    for rels, reltype in (
        (doc.part.package.rels, RT.THUMBNAIL),
        (doc.part.rels, STYLES_WITH_EFFECTS),
    ):
        for rel_id, rel in list(rels.items()):
            if rel.reltype == reltype:
                del rels[rel_id]


def marked(mark: str, text: str = "") -> str:
    """``"(U) "`` in front of ``text`` when the node carries a portion mark."""
    mark = text_utils.one_line(mark)
    return f"({mark}) {text}" if mark else text


class DocxWriter(NodeVisitor):
    """One memo: holds the python-docx document, the body XML being written and the
    running footnote and list state. Block methods add paragraphs to the body; inline
    methods return runs as XML text."""

    writer_name = "DOCX"

    # ------------------------------------------------------------ document

    def visit_document(self, document: Document):
        """The memo as a python-docx document, ready to save."""
        self.memo = document
        self.font_size = float(document.font_size or 12)
        template = memo_template(self.font_size, clean(document.metadata.language),
                                 document.page_size)
        self.doc = docx.Document(io.BytesIO(template))
        self.bookmarks = parts.Bookmarks()
        self.footnotes = Footnotes(self.doc.part, self.doc.settings.element, self.bookmarks)
        self.numbering: parts.ListNumbering | None = None
        self.page_break_pending = False
        self.after_table = False  # the next paragraph leaves a little air under a table
        self._style_ids: dict[str, str] = {}
        self._space_before: dict[str, int] = {}
        self._body: list[str] = []
        self._notes_by_number = {note.number: note for note in reversed(document.footnotes)}

        self.visit(document.metadata)
        for block in document.blocks:
            self.visit(block)
        if self.page_break_pending:  # a break at the very end: an empty last page
            self._hard_page_break()
        self._fill_body()
        self.footnotes.finish()
        self.visit(document.furniture)
        set_extended_properties(self.doc.part.package, document)
        return self.doc

    def _fill_body(self) -> None:
        """Put the memo's body XML in place of the template's empty paragraph, before the
        section properties that end the body.

        The whole document part is parsed again with the body in it: moving thousands of
        parsed paragraphs into the template's tree one by one cost time growing faster
        than the memo (0.3 s of 0.36 s for 1,000 blocks; the same parse takes 0.02 s)."""
        root = self.doc.element
        body = root.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)
        body.insert(0, etree.Comment(_BODY_MARK))
        text = etree.tostring(root, encoding="unicode")
        mark = f"<!--{_BODY_MARK}-->"
        if text.count(mark) != 1:
            raise RuntimeError("the memo template's body could not be filled")
        root = xml.parse_xml(text.replace(mark, "".join(self._body)))
        self.doc._element = self.doc.part._element = root
        self.doc._Document__body = None  # python-docx's cached wrapper of the old body

    def visit_metadata(self, meta: Metadata) -> None:
        """The core properties (title, subject, author, language, keywords)."""
        props = self.doc.core_properties
        props.title = _core_property(meta.title)
        props.subject = _core_property(meta.subject)
        props.author = _core_property(meta.author)
        props.last_modified_by = props.author
        props.language = _core_property(meta.language)
        props.keywords = _core_property(
            ", ".join(text_utils.one_line(k) for k in meta.keywords if k.strip()))
        props.comments = ""
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now

    # ------------------------------------------------------------ blocks

    def _add(self, style: str, content: str, **formatting) -> None:
        """Append a paragraph in style ``style`` (a name); a pending page break starts it
        on a new page."""
        if self.page_break_pending:
            formatting["page_break_before"] = True
            self.page_break_pending = False
        if self.after_table:
            formatting["space_before"] = self._style_space_before(style) + TABLE_AIR
            self.after_table = False
        self._body.append(xml.paragraph(self._style_id(style), content, **formatting))

    def visit_heading(self, heading: Heading) -> None:
        level = min(max(heading.level, 1), len(styles.HEADING))
        content = xml.run(marked(heading.mark, text_utils.one_line(heading.text)))
        if heading.anchor:  # the same name the PDF bookmark and the HTML id carry
            content = self.bookmarks.around(self.bookmarks.name_for(heading.anchor), content)
        self._add(styles.HEADING[level - 1], content)

    def visit_paragraph(self, paragraph: Paragraph) -> None:
        style = styles.PARAGRAPH_ROLES.get(paragraph.role, "Normal")
        self._add(style, self._inlines(paragraph.content, mark=paragraph.mark))

    def visit_bullet_list(self, bullet_list: BulletList) -> None:
        if self.numbering is None:
            self.numbering = parts.ListNumbering(self.doc.part.numbering_part.element)
        if bullet_list.ordered:
            style, num_id = styles.LIST_NUMBER, self.numbering.new_ordered_list()
        else:
            style, num_id = styles.LIST_BULLET, self.numbering.bullet_num
        last = len(bullet_list.items) - 1
        for index, item in enumerate(bullet_list.items):
            self.visit(item, style, num_id, last=index == last)

    def visit_list_item(self, item: ListItem, style: str, num_id: int, *, last: bool) -> None:
        """One paragraph of list ``num_id``; the last leaves the space a body paragraph
        leaves, a talking point a little more than a plain item."""
        space_after = None
        if last:
            space_after = _twips(self.font_size * 0.75)
        elif item.role == "talking-point":
            space_after = _twips(self.font_size * 0.6)
        content = self._inlines(item.content, mark=item.mark)
        self._add(style, content, num_id=num_id, space_after=space_after)

    def visit_block_quote(self, quote: BlockQuote) -> None:
        lang = text_utils.one_line(quote.language)
        self._add(styles.QUOTE, self._inlines(quote.original, mark=quote.mark, lang=lang))
        if quote.translation:
            self._add(styles.QUOTE_TRANSLATION, self._inlines(quote.translation))
        if quote.attribution:
            content = xml.run("\u2014 ") + self._inlines(quote.attribution)
            self._add(styles.QUOTE_ATTRIBUTION, content)

    def visit_table(self, table: Table) -> None:
        columns = max([len(table.header), *(len(row) for row in table.rows)])
        if columns == 0:
            return  # nothing to draw: no header and no cells
        if self.page_break_pending:
            self._hard_page_break()
        if self.after_table:  # Word merges two tables with nothing between them
            self._body.append(xml.paragraph("", "", space_after=0, mark_size=12))
        widths = _column_widths(table.widths, columns)
        cell_style = self._style_id(styles.TABLE_TEXT)

        def cell(width: int, content: str, shade: bool = False) -> str:
            fill = (
                f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_SHADING}"/>' if shade else ""
            )
            return (
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
                f"{xml.paragraph(cell_style, content)}</w:tc>"
            )

        header_cells = []
        for index, width in enumerate(widths):
            label = table.header[index] if index < len(table.header) else ""
            if index == 0:
                label = marked(table.mark, label)
            header_cells.append(cell(width, xml.run(clean(label), bold=True), shade=True))
        rows = [
            # the header row repeats at the top of every page the table spans
            f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{''.join(header_cells)}</w:tr>"
        ]
        for row in table.rows:
            cells = "".join(
                cell(width, self._inlines(row[index] if index < len(row) else []))
                for index, width in enumerate(widths)
            )
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        self._body.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self._style_id(styles.TABLE)}"/>'
            f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )
        # A little air between the table and what follows, as space before the next
        # paragraph: an empty paragraph for spacing would be read out as a blank line.
        self.after_table = True

    def visit_memo_header(self, header: MemoHeader) -> None:
        self._add(styles.TITLE, xml.run(text_utils.one_line(header.title)))
        labels = [_label(label) for label, _ in header.fields]
        indent = self._label_column(labels)
        last = len(labels) - 1
        for index, (label, (_, value)) in enumerate(zip(labels, header.fields, strict=True)):
            content = xml.run(label + "\t", bold=True) + self._inlines(value)
            formatting = {"tab_stop": indent, "hanging_indent": indent}
            if index == last:  # a rule under the heading block, as on printed memos
                formatting.update(
                    keep_next=False, space_after=_twips(self.font_size * 1.5), bottom_rule=True
                )
            self._add(styles.HEADER_FIELD, content, **formatting)

    def _label_column(self, labels: list[str]) -> int:
        """Twips from the margin to the values: the widest bold label plus a gap."""
        widest = max(
            (stringWidth(label, "Times-Bold", self.font_size) for label in labels), default=0
        )
        return int(min(max(widest * 20 + 360, 1440), 3600))

    def visit_note_list(self, note_list: NoteList) -> None:
        for note in note_list.notes:
            self.visit(note)

    def visit_note(self, note: Note) -> None:
        """An endnote where the Sources section is (footnotes go through ``docx_notes``)."""
        content = xml.run(f"{note.number}.\t") + self._inlines(note.content)
        self._add(styles.NOTE_LIST, content)

    def visit_page_break(self, _block: PageBreak) -> None:
        """Start the next paragraph on a new page (``pageBreakBefore``), which leaves no
        empty line at the top of the page the way a break character would."""
        if self.page_break_pending:
            self._hard_page_break()
        self.page_break_pending = True

    def _hard_page_break(self) -> None:
        self.page_break_pending = self.after_table = False
        self._body.append(xml.page_break())

    def _style_space_before(self, name: str) -> int:
        """The space before paragraphs of style ``name``, in twips (looked up once)."""
        if name not in self._space_before:
            before = self.doc.styles[name].paragraph_format.space_before
            self._space_before[name] = round(before.pt * 20) if before is not None else 0
        return self._space_before[name]

    def _style_id(self, name: str) -> str:
        """The style's id, looked up once per document: python-docx resolves a style name
        by scanning every style on each lookup."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    # ------------------------------------------------------------ inline content

    def _inlines(
        self,
        content: list[Inline],
        *,
        mark: str = "",
        lang: str = "",
        part: Part | None = None,
        in_footnote: bool = False,
    ) -> str:
        """``content`` as runs; links get their relationship from ``part`` (the
        document, or the footnotes part)."""
        context = {"lang": lang, "part": part or self.doc.part, "in_footnote": in_footnote}
        runs = [xml.run(marked(mark), lang=lang)] if mark else []
        previous_was_ref = False
        for inline in content:
            is_ref = isinstance(inline, NoteRef)
            if is_ref and previous_was_ref:  # "1,2" rather than an ambiguous "12"
                runs.append(xml.run(",", superscript=True))
            runs.append(self.visit(inline, **context))
            previous_was_ref = is_ref
        return "".join(runs)

    def visit_text(self, text: Text, *, lang: str, **_context) -> str:
        return xml.run(clean(text.text), bold=text.bold, italic=text.italic, lang=lang)

    def visit_link(self, link: Link, *, part: Part, lang: str, **_context) -> str:
        label = clean(link.text) or clean(link.url)
        url = clean(link.url)
        if not text_utils.is_safe_link(url):
            return xml.run(label, lang=lang)
        rel_id = part.relate_to(parts.safe_uri(url), RT.HYPERLINK, is_external=True)
        return xml.hyperlink(rel_id, xml.run(label, style_id=styles.HYPERLINK_ID, lang=lang))

    def visit_note_ref(self, ref: NoteRef, *, in_footnote: bool, **_context) -> str:
        """A real footnote when the memo uses footnotes (see :mod:`.docx_notes` for how
        its mark shows the note number), else a superscript number."""
        number = ref.number
        note = self._notes_by_number.get(number)
        if self.memo.note_style != "footnotes" or in_footnote or note is None:
            return xml.run(str(number), style_id=styles.NOTE_REFERENCE_ID)
        if self.footnotes.is_cited(number):
            return self.footnotes.cite_again(number)
        content = self._inlines(note.content, part=self.footnotes.part, in_footnote=True)
        return self.footnotes.cite_first(number, content)

    # ------------------------------------------------------------ headers and footers

    def visit_page_furniture(self, furniture: PageFurniture) -> None:
        """The banner in the header; footer line, page number and banner in the footer."""
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
                _append_runs(p._p, xml.run(footer_text, size_pt=8))
            elif kind == "number":
                p.style = self.doc.styles["Footer"]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _append_runs(p._p, self._page_number_runs(numbering))
            else:
                self._banner_paragraph(p, banner)

    def _banner_paragraph(self, p, banner: str) -> None:
        p.style = self.doc.styles[styles.BANNER]
        _append_runs(p._p, xml.run(banner))

    def _page_number_runs(self, numbering: str) -> str:
        if numbering == "dash":
            return xml.run("-") + xml.field("PAGE", "1") + xml.run("-")
        labels = self.memo.labels
        page = clean(labels.get("page", "Page"))
        of = clean(labels.get("of", "of"))
        return (
            xml.run(f"{page} ") + xml.field("PAGE", "1") + xml.run(f" {of} ")
            + xml.field("NUMPAGES", "1")
        )  # fmt: skip


Visitor = DocxWriter  # the registry's name for a writer's node visitor


# ---------------------------------------------------------------- helpers


def _append_runs(p, runs: str) -> None:
    """Parse ``runs`` (XML text) and append them to the paragraph element ``p``."""
    p.extend(list(xml.parse_xml(f"<w:p {xml.NAMESPACES}>{runs}</w:p>")))


def _twips(points: float) -> int:
    return round(points * 20)


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
