"""Document blocks -> reportlab flowables, and their structure elements.

One ``visit_*`` method per node type (see :mod:`briefing_app.document.visitor`), each
returning a list of flowables; :meth:`StoryBuilder.story` walks the blocks in order. The
flowables hold no per-build state, so the footnote planner can lay the same story out
several times. With a structure tree (:mod:`pdf_structure`), each block also gets its
elements, in memo order, and each text block knows the element its text belongs to.
"""

from __future__ import annotations

import math
import re

import reportlab.platypus as rl
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Heading,
    ListItem,
    MemoHeader,
    Note,
    NoteList,
    PageBreak,
    Paragraph,
    Table,
)
from briefing_app.document.text import clean
from briefing_app.document.writers.pdf_flowables import HeadingBlock, MemoList, MemoTable, Rule
from briefing_app.document.writers.pdf_spans import InlineSpans, Span, face, plain_spans
from briefing_app.document.writers.pdf_structure import Element, StructTree, language_tag
from briefing_app.document.writers.pdf_styles import MemoStyles
from briefing_app.document.writers.pdf_text import TextBlock

SCOPE = "/A << /O /Table /Scope /{} >>"  # a header cell's attribute: what it heads
NUMBERING = "/A << /O /List /ListNumbering /{} >>"

def _portion(mark: str, style) -> list[Span]:
    """``(MARK) `` in front of a marked portion, in the style's font; nothing when unmarked."""
    mark = " ".join(clean(mark).split())
    return plain_spans(f"({mark}) ", style) if mark else []


class StoryBuilder(InlineSpans):
    """Turns blocks into flowables for one document; keeps anchors unique.

    ``safe`` lays tables and the memo header out as plain paragraphs and keeps nothing
    together: the writer's second try when reportlab cannot place something (a table row
    taller than a page that may not split, say). ``tree`` receives the structure
    elements; ``language`` is the memo's, which a quote in another language is marked
    against.
    """

    def __init__(self, styles: MemoStyles, frame_width: float, frame_height: float, *,
                 safe=False, tree: StructTree | None = None, language: str = ""):  # fmt: skip
        self.styles = styles
        self.frame_width = frame_width
        self.frame_height = frame_height
        self.safe = safe
        self.tree = tree
        self.language = language
        self._keys: set[str] = set()
        self._level_offset = 0  # 1 below a memo title: its sections are H2
        self.has_outline = False

    def story(self, blocks: list) -> list:
        flowables: list = []
        for block in blocks:
            flowables.extend(self.visit(block))
        return flowables

    # ------------------------------------------------------------ blocks

    def visit_heading(self, node: Heading) -> list:
        return [self.heading(node)]

    def visit_paragraph(self, node: Paragraph) -> list:
        style = self.styles.for_role(node.role)
        tag = self._block("P")
        spans = _portion(node.mark, style) + self.inline(node.content, style, parent=tag)
        return [TextBlock(spans, style, tag=tag)]

    def visit_page_break(self, node: PageBreak) -> list:
        return [rl.PageBreak()]

    def heading(self, node: Heading, *, outline: bool = True) -> HeadingBlock:
        text = clean(node.text)
        style = self.styles.for_heading(node.level)
        tag = None if self.tree is None else self.tree.heading(node.level + self._level_offset)
        paragraph = HeadingBlock(_portion(node.mark, style) + plain_spans(text, style), style,
                                 tag=tag)  # fmt: skip
        if paragraph.wrap(self.frame_width, self.frame_height)[1] > self.frame_height / 3:
            # Keeping a huge heading with the next block loops forever in reportlab.
            paragraph.keepWithNext = 0
        if outline:
            mark = " ".join(clean(node.mark).split())
            title = " ".join(text.split())
            paragraph.bookmark_key = self._unique_key(node.anchor or title)
            paragraph.outline_title = f"({mark}) {title}" if mark else title
            paragraph.outline_level = max(int(node.level), 1) - 1
            self.has_outline = True
        return paragraph

    def visit_bullet_list(self, node: BulletList) -> list:
        if not node.items:
            return []
        style = self.styles.list_item
        tag = self._block("L", attributes=NUMBERING.format("Decimal" if node.ordered else "Disc"))
        items = [self.visit(item, style, tag) for item in node.items]
        common = {
            "leftIndent": 0.3 * inch,
            "bulletFontName": style.fontName,
            "bulletFontSize": style.fontSize,
            "spaceAfter": round(self.styles.size * 0.3, 2),
        }
        if node.ordered:
            flowable = MemoList(items, bulletType="1", start=1, bulletFormat="%s.", **common)
        else:
            flowable = MemoList(items, bulletType="bullet", start="\u2022", **common)
        return [flowable]

    def visit_list_item(self, item: ListItem, style, parent: Element | None) -> rl.ListItem:
        """An ``LI`` of ``parent``: its bullet the ``Lbl``, its text the ``LBody``."""
        entry = self._block("LI", parent)
        label, body = self._block("Lbl", entry), self._block("LBody", entry)
        spans = _portion(item.mark, style) + self.inline(item.content, style, parent=body)
        block = TextBlock(spans, style, tag=body)
        block.label = label
        return rl.ListItem(block)

    def visit_block_quote(self, node: BlockQuote) -> list:
        styles = self.styles
        quote = self._block("BlockQuote")
        language = language_tag(clean(node.language))
        words = self._block("P", quote, lang=language if language != self.language else "")
        original = _portion(node.mark, styles.quote) + self.inline(node.original, styles.quote,
                                                                   parent=words)  # fmt: skip
        parts = [TextBlock(original, styles.quote, tag=words)]
        if node.translation:
            tag = self._block("P", quote)
            translation = self.inline(node.translation, styles.translation, parent=tag)
            parts.append(TextBlock(translation, styles.translation, tag=tag))
        if node.attribution:
            tag = self._block("P", quote)
            dash = plain_spans("\u2014\u00a0", styles.attribution)
            attribution = dash + self.inline(node.attribution, styles.attribution, parent=tag)
            parts.append(TextBlock(attribution, styles.attribution, tag=tag))
        spacer = rl.Spacer(1, styles.body.spaceAfter)
        return [*parts, spacer] if self.safe else [rl.KeepTogether(parts), spacer]

    def visit_table(self, node: Table) -> list:
        header = [clean(cell) for cell in node.header]
        columns = len(header) or max((len(row) for row in node.rows), default=0)
        if columns == 0:
            return []
        styles = self.styles
        head_style, cell_style = styles.header_cell, styles.cell
        if header:
            header = header + [""] * (columns - len(header))
        if self.safe:
            return self._table_as_paragraphs(node, header[:columns], columns)
        table_tag = self._block("Table")
        mark = _portion(node.mark, head_style if header else cell_style)
        data: list[list[TextBlock]] = []
        if header:
            row_tag = self._block("TR", table_tag)
            scope = SCOPE.format("Column")
            cells = []
            for index, text in enumerate(header[:columns]):
                spans = (mark if index == 0 else []) + plain_spans(text, head_style)
                cell = TextBlock(spans, head_style,
                                 tag=self._block("TH", row_tag, attributes=scope))
                cell.repeats = True
                cells.append(cell)
            data.append(cells)
            mark = []
        for row in node.rows:
            row_tag = self._block("TR", table_tag)
            cells = []
            for cell in list(row)[:columns] + [[]] * (columns - len(row)):
                tag = self._block("TD", row_tag)
                spans = mark + self.inline(cell, cell_style, parent=tag)
                cells.append(TextBlock(spans, cell_style, tag=tag))
                mark = []
            data.append(cells)
        widths = self._column_widths(node.widths, columns)
        pad = min(4.0, max(0.5, min(widths) * 0.12))  # many narrow columns: thin padding
        # A repeated header row can never split, so only a reasonably short one repeats.
        repeat = bool(header) and _row_height(data[0], widths, pad) < self.frame_height / 4
        table = MemoTable(
            data,
            colWidths=widths,
            repeatRows=1 if repeat else 0,
            splitInRow=1,
            hAlign="LEFT",
        )
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # else reportlab's Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)))
        table.setStyle(rl.TableStyle(commands))
        table.spaceAfter = styles.body.spaceAfter
        return [table]

    def _table_as_paragraphs(self, node: Table, header: list[str], columns: int) -> list:
        """Each row as paragraphs, each cell led by its column's name in bold."""
        styles = self.styles
        mark = _portion(node.mark, styles.header_cell if header else styles.cell)
        names = ["".join(span.text for span in plain_spans(cell, styles.header_cell))
                 for cell in header]  # fmt: skip
        flowables = []
        if names:  # the portion mark leads the first column's name
            names[0] = "".join(span.text for span in mark) + names[0]
            spans = plain_spans(" | ".join(names), styles.header_cell)
            flowables.append(TextBlock(spans, styles.header_cell, tag=self._block("P")))
            mark = []
        bold = face(styles.cell.fontName, bold=True)
        for row in node.rows:
            for index, cell in enumerate(list(row)[:columns] + [[]] * (columns - len(row))):
                tag = self._block("P")
                name = names[index] if names else ""
                label = [Span(f"{name}: ", bold, styles.cell.fontSize)] if name.strip() else []
                spans = mark + label + self.inline(cell, styles.cell, parent=tag)
                flowables.append(TextBlock(spans, styles.cell, tag=tag))
                mark = []
            flowables.append(rl.Spacer(1, styles.size * 0.5))
        return flowables

    def visit_memo_header(self, node: MemoHeader) -> list:
        styles = self.styles
        flowables: list = []
        title = clean(node.title).strip()
        if title:
            tag = None if self.tree is None else self.tree.heading(1)
            flowables.append(TextBlock(plain_spans(title, styles.title), styles.title, tag=tag))
            self._level_offset = 1
        table_tag = None if self.safe else self._block("Table")
        rows = []
        label_width = 0.0
        for field in node.fields:
            label, value = field
            label = " ".join(clean(label).split())
            if label and not label.endswith(":"):
                label += ":"
            label_width = max(
                label_width,
                stringWidth(label, styles.header_label.fontName, styles.header_label.fontSize),
            )
            row_tag = self._block("TR", table_tag) if table_tag is not None else None
            label_tag = self._block("TH" if row_tag else "P", row_tag,
                                    attributes=SCOPE.format("Row") if row_tag else "")  # fmt: skip
            value_tag = self._block("TD" if row_tag else "P", row_tag)
            value_spans = self.inline(value, styles.header_value, parent=value_tag)
            rows.append([
                TextBlock(plain_spans(label, styles.header_label), styles.header_label,
                          tag=label_tag),
                TextBlock(value_spans, styles.header_value, tag=value_tag),
            ])  # fmt: skip
        if rows and self.safe:
            for label, value in rows:
                flowables.extend([label, value])
        elif rows:
            first = min(max(label_width + 14, 1.0 * inch), 2.4 * inch)
            table = MemoTable(
                rows, colWidths=[first, self.frame_width - first], hAlign="LEFT", splitInRow=1
            )
            table.setStyle(
                rl.TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), styles.header_value.fontName),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), round(styles.size * 0.45, 2)),
                    ]
                )
            )
            flowables.append(table)
        flowables.append(
            Rule(
                width="100%",
                thickness=0.75,
                color=colors.black,
                spaceBefore=2,
                spaceAfter=styles.size,
            )
        )
        return flowables

    def visit_note_list(self, node: NoteList) -> list:
        return [self.visit(note, self.styles.note) for note in node.notes]

    def visit_note(self, note: Note, style, *, at_foot: bool = False) -> TextBlock:
        """A numbered note (endnote or footnote): the number hangs in the left indent. A
        note ``at_foot`` of a page is read after the block that cites it first."""
        number = int(note.number)
        tag = None
        if self.tree is not None:
            tag = self.tree.footnote(number) if at_foot else self.tree.note(number)
        spans = self.inline(note.content, style, note_markers=False, parent=tag)
        return TextBlock(spans, style, bullet=f"{number}.", tag=tag)

    def trailing_notes(self, notes: list[Note], title: str) -> list:
        """The fallback list for footnotes that could not sit at the foot of a page."""
        heading = self.heading(Heading(text=title, level=1), outline=False)
        return [heading] + [self.visit(note, self.styles.note) for note in notes]

    # ------------------------------------------------------------ helpers

    def _block(self, role: str, parent: Element | None = None, *, lang: str = "",
               attributes: str = "") -> Element | None:  # fmt: skip
        """A block-level structure element (None when the memo is not being tagged)."""
        if self.tree is None:
            return None
        return self.tree.add(role, parent, lang, attributes)

    def _column_widths(self, weights: list, columns: int) -> list[float]:
        """Frame-wide columns in proportion to ``weights`` (equal when unusable), none
        narrower than half an inch unless there are too many columns for that."""
        shares = [float(w) for w in weights[:columns] if _positive(w)]
        if len(shares) != columns:
            shares = [1.0] * columns
        total = sum(shares)
        shares = [w / total for w in shares]
        floor = min(0.5 * inch / self.frame_width, 1 / columns)
        if min(shares) < floor:
            rest = 1 - floor * columns
            shares = [floor + rest * w for w in shares]
        return [self.frame_width * w for w in shares]

    def _unique_key(self, wanted: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_.-]+", "-", wanted).strip("-")[:60] or "section"
        key, n = base, 2
        while key in self._keys:
            key, n = f"{base}-{n}", n + 1
        self._keys.add(key)
        return key


def _row_height(cells: list, widths: list[float], pad: float) -> float:
    return max(
        cell.wrap(width - 2 * pad, 1e6)[1] for cell, width in zip(cells, widths, strict=True)
    )


def _positive(value) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and number > 0
