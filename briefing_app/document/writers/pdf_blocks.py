"""Document blocks -> reportlab flowables.

One function per node type; :func:`story` walks the blocks in order. The flowables hold no
per-build state, so the footnote planner can lay the same story out several times.
"""

from __future__ import annotations

import math
import re

import reportlab.platypus as rl
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import HRFlowable

from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Heading,
    MemoHeader,
    Note,
    NoteList,
    PageBreak,
    Paragraph,
    Table,
    UnknownNodeError,
)
from briefing_app.document.text import clean
from briefing_app.document.writers.pdf_notes import CitingRow
from briefing_app.document.writers.pdf_styles import MemoStyles
from briefing_app.document.writers.pdf_text import (
    WRITER,
    Span,
    TextBlock,
    face,
    inline_spans,
    plain_spans,
)

OUTLINE_STATE = "_briefing_outline_state"


class HeadingBlock(TextBlock):
    """A heading that sets a PDF destination and an outline (bookmark) entry where drawn.

    Drawing, not building, registers the bookmark, so it points at the page the heading
    really lands on. When a (very long) heading splits, only its first part bookmarks.
    """

    bookmark_key: str | None = None
    outline_title: str = ""
    outline_level: int = 0

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        keep = self.getKeepWithNext()
        for index, part in enumerate(parts):
            if isinstance(part, HeadingBlock):
                part.keepWithNext = keep
                part.bookmark_key = self.bookmark_key if index == 0 else None
                part.outline_title = self.outline_title
                part.outline_level = self.outline_level
        return parts

    def draw(self):
        if self.bookmark_key:
            canv = self.canv
            state = getattr(canv, OUTLINE_STATE, None)
            if state is None:
                state = {"depth": -1, "keys": set()}
                setattr(canv, OUTLINE_STATE, state)
            if self.bookmark_key not in state["keys"]:
                state["keys"].add(self.bookmark_key)
                level = min(self.outline_level, state["depth"] + 1)
                state["depth"] = level
                canv.bookmarkHorizontal(self.bookmark_key, 0, self.height)
                canv.addOutlineEntry(self.outline_title, self.bookmark_key, level=level)
        super().draw()


class MemoTable(rl.Table):
    """A table that measures its rows once per width and draws its cells directly.

    reportlab measures a table each time a frame considers it (to place it, to split it,
    to probe its footnotes), every row each time. Row heights depend only on the width
    when no cell spans rows (the memo has no spans), so the last measurement is kept.
    Each memo cell is one top-left aligned :class:`TextBlock`, drawn where reportlab
    would put it without its general cell path (measure again, save, move, restore):
    the timeline's cells were a sixth of a memo's PDF time.
    """

    _measured_for: float | None = None

    def _calc(self, availWidth, availHeight):
        if self._measured_for == availWidth and not self._spanCmds:
            return
        super()._calc(availWidth, availHeight)
        self._measured_for = availWidth

    def normalizeData(self, data):  # noqa: N802 - reportlab API
        """reportlab's rows, as rows that know the notes they cite (see ``CitingRow``)."""
        return [CitingRow(row) for row in super().normalizeData(data)]

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 - reportlab API
        # reportlab holds a cell's flowables as a tuple, here always one TextBlock
        block = cellval[0] if isinstance(cellval, tuple) and len(cellval) == 1 else cellval
        if not (
            isinstance(block, TextBlock) and cellstyle.valign == "TOP"
            and cellstyle.alignment == "LEFT" and not cellstyle.href
            and not cellstyle.destination
        ):  # fmt: skip
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        width = colwidth - cellstyle.leftPadding - cellstyle.rightPadding
        _, height = block.wrap(width, rowheight - cellstyle.topPadding - cellstyle.bottomPadding)
        top = rowpos + rowheight - cellstyle.topPadding
        block.draw_at(self.canv, colpos + cellstyle.leftPadding, top - height)


def _portion(mark: str, style) -> list[Span]:
    """``(MARK) `` in front of a marked portion, in the style's font; nothing when unmarked."""
    mark = " ".join(clean(mark).split())
    return plain_spans(f"({mark}) ", style) if mark else []


class StoryBuilder:
    """Turns blocks into flowables for one document; keeps anchors unique.

    ``safe`` lays tables and the memo header out as plain paragraphs and keeps nothing
    together: the writer's second try when reportlab cannot place something (a table row
    taller than a page that may not split, say).
    """

    def __init__(self, styles: MemoStyles, frame_width: float, frame_height: float, *, safe=False):
        self.styles = styles
        self.frame_width = frame_width
        self.frame_height = frame_height
        self.safe = safe
        self._keys: set[str] = set()
        self.has_outline = False

    def story(self, blocks: list) -> list:
        flowables: list = []
        for block in blocks:
            flowables.extend(self.block(block))
        return flowables

    def block(self, node) -> list:
        if isinstance(node, Heading):
            return [self.heading(node)]
        if isinstance(node, Paragraph):
            return [self.paragraph(node)]
        if isinstance(node, BulletList):
            return self.bullet_list(node)
        if isinstance(node, BlockQuote):
            return self.block_quote(node)
        if isinstance(node, Table):
            return self.table(node)
        if isinstance(node, MemoHeader):
            return self.memo_header(node)
        if isinstance(node, NoteList):
            return self.note_list(node)
        if isinstance(node, PageBreak):
            return [rl.PageBreak()]
        raise UnknownNodeError(WRITER, node)

    # ------------------------------------------------------------ blocks

    def heading(self, node: Heading, *, outline: bool = True) -> HeadingBlock:
        text = clean(node.text)
        style = self.styles.for_heading(node.level)
        paragraph = HeadingBlock(_portion(node.mark, style) + plain_spans(text, style), style)
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

    def paragraph(self, node: Paragraph) -> TextBlock:
        style = self.styles.for_role(node.role)
        return TextBlock(_portion(node.mark, style) + inline_spans(node.content, style), style)

    def bullet_list(self, node: BulletList) -> list:
        if not node.items:
            return []
        style = self.styles.list_item
        items = []
        for item in node.items:
            if not hasattr(item, "content"):
                raise UnknownNodeError(WRITER, item)
            spans = _portion(item.mark, style) + inline_spans(item.content, style)
            items.append(rl.ListItem(TextBlock(spans, style)))
        common = {
            "leftIndent": 0.3 * inch,
            "bulletFontName": style.fontName,
            "bulletFontSize": style.fontSize,
            "spaceAfter": round(self.styles.size * 0.3, 2),
        }
        if node.ordered:
            flowable = rl.ListFlowable(items, bulletType="1", start=1, bulletFormat="%s.", **common)
        else:
            flowable = rl.ListFlowable(items, bulletType="bullet", start="\u2022", **common)
        return [flowable]

    def block_quote(self, node: BlockQuote) -> list:
        styles = self.styles
        original = _portion(node.mark, styles.quote) + inline_spans(node.original, styles.quote)
        parts = [TextBlock(original, styles.quote)]
        if node.translation:
            translation = inline_spans(node.translation, styles.translation)
            parts.append(TextBlock(translation, styles.translation))
        if node.attribution:
            dash = plain_spans("\u2014\u00a0", styles.attribution)
            attribution = dash + inline_spans(node.attribution, styles.attribution)
            parts.append(TextBlock(attribution, styles.attribution))
        spacer = rl.Spacer(1, styles.body.spaceAfter)
        return [*parts, spacer] if self.safe else [rl.KeepTogether(parts), spacer]

    def table(self, node: Table) -> list:
        header = [clean(cell) for cell in node.header]
        columns = len(header) or max((len(row) for row in node.rows), default=0)
        if columns == 0:
            return []
        styles = self.styles
        head_style, cell_style = styles.header_cell, styles.cell
        rows: list[list[list[Span]]] = []  # spans per cell
        if header:
            header = header + [""] * (columns - len(header))
            rows.append([plain_spans(cell, head_style) for cell in header[:columns]])
        for row in node.rows:
            row = list(row)[:columns] + [[]] * (columns - len(row))
            rows.append([inline_spans(cell, cell_style) for cell in row])
        rows[0][0] = _portion(node.mark, head_style if header else cell_style) + rows[0][0]
        if self.safe:
            return self._table_as_paragraphs(rows, bool(header))
        data = [
            [TextBlock(spans, head_style if header and i == 0 else cell_style) for spans in row]
            for i, row in enumerate(rows)
        ]
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

    def _table_as_paragraphs(self, rows: list, has_header: bool) -> list:
        """Each row as paragraphs, each cell led by its column's name in bold."""
        styles = self.styles
        names = ["".join(span.text for span in cell) for cell in rows[0]] if has_header else []
        flowables = []
        if has_header:
            flowables.append(TextBlock(plain_spans(" | ".join(names), styles.header_cell),
                                       styles.header_cell))  # fmt: skip
        bold = face(styles.cell.fontName, bold=True)
        for row in rows[1:] if has_header else rows:
            for index, spans in enumerate(row):
                name = names[index] if index < len(names) else ""
                label = [Span(f"{name}: ", bold, styles.cell.fontSize)] if name.strip() else []
                flowables.append(TextBlock(label + spans, styles.cell))
            flowables.append(rl.Spacer(1, styles.size * 0.5))
        return flowables

    def memo_header(self, node: MemoHeader) -> list:
        styles = self.styles
        flowables: list = []
        title = clean(node.title).strip()
        if title:
            flowables.append(TextBlock(plain_spans(title, styles.title), styles.title))
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
            rows.append(
                [
                    TextBlock(plain_spans(label, styles.header_label), styles.header_label),
                    TextBlock(inline_spans(value, styles.header_value), styles.header_value),
                ]
            )
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
            HRFlowable(
                width="100%",
                thickness=0.75,
                color=colors.black,
                spaceBefore=2,
                spaceAfter=styles.size,
            )
        )
        return flowables

    def note_list(self, node: NoteList) -> list:
        return [self.note(note, self.styles.note) for note in node.notes]

    def note(self, note: Note, style) -> TextBlock:
        """A numbered note (endnote or footnote): the number hangs in the left indent."""
        if not isinstance(note, Note):
            raise UnknownNodeError(WRITER, note)
        spans = inline_spans(note.content, style, note_markers=False)
        return TextBlock(spans, style, bullet=f"{int(note.number)}.")

    def trailing_notes(self, notes: list[Note], title: str) -> list:
        """The fallback list for footnotes that could not sit at the foot of a page."""
        heading = self.heading(Heading(text=title, level=1), outline=False)
        return [heading] + [self.note(note, self.styles.note) for note in notes]

    # ------------------------------------------------------------ helpers

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
