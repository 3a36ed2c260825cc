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
    NoteRef,
    PageBreak,
    Paragraph,
    Table,
    UnknownNodeError,
)
from briefing_app.document.text import clean
from briefing_app.document.writers.pdf_markup import (
    WRITER,
    escape_text,
    inline_markup,
    portion_prefix,
)
from briefing_app.document.writers.pdf_styles import MemoStyles

OUTLINE_STATE = "_briefing_outline_state"


class MemoParagraph(rl.Paragraph):
    """A paragraph that breaks its lines once per width.

    reportlab wraps a flowable each time it measures it: to keep a heading with the next
    block, to size table rows, to probe where footnotes land, then to draw. Line breaking
    depends only on the width, so the result of the last width is kept; without this the
    PDF writer spent most of its time breaking the same lines again (bench_render.py).
    """

    _wrapped: tuple | None = None  # (availWidth, width, height, blPara, _wrapWidths)

    def wrap(self, availWidth, availHeight):
        cached = self._wrapped
        if cached is not None and cached[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if height != 0x7FFFFFFF:  # reportlab's "cannot fit here": nothing to keep
            self._wrapped = (availWidth, width, height, self.blPara, self._wrapWidths)
        return width, height


class HeadingParagraph(MemoParagraph):
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
            if isinstance(part, HeadingParagraph):
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


class CitingParagraph(MemoParagraph):
    """A paragraph holding note marks; the class and its ``note_numbers`` survive
    splitting, so the footnote frame knows which flowables to check (see :mod:`pdf_notes`)."""

    cites_notes = True
    note_numbers: frozenset[int] | None = None  # None: not known, check it
    numbers_exact = True  # False for a part of a split: it may cite fewer

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.note_numbers = self.note_numbers  # each part may hold any of them
            part.numbers_exact = len(parts) == 1
        return parts


def _paragraph(markup: str, style, content: list) -> MemoParagraph:
    numbers = frozenset(part.number for part in content if isinstance(part, NoteRef))
    if not numbers:
        return MemoParagraph(markup, style)
    paragraph = CitingParagraph(markup, style)
    paragraph.note_numbers = numbers
    return paragraph


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

    def heading(self, node: Heading, *, outline: bool = True) -> MemoParagraph:
        text = clean(node.text)
        markup = portion_prefix(node.mark) + escape_text(text)
        paragraph = HeadingParagraph(markup, self.styles.for_heading(node.level))
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

    def paragraph(self, node: Paragraph) -> MemoParagraph:
        markup = portion_prefix(node.mark) + inline_markup(node.content)
        return _paragraph(markup, self.styles.for_role(node.role), node.content)

    def bullet_list(self, node: BulletList) -> list:
        if not node.items:
            return []
        style = self.styles.list_item
        items = []
        for item in node.items:
            if not hasattr(item, "content"):
                raise UnknownNodeError(WRITER, item)
            markup = portion_prefix(item.mark) + inline_markup(item.content)
            items.append(rl.ListItem(_paragraph(markup, style, item.content)))
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
        original = portion_prefix(node.mark) + inline_markup(node.original)
        parts = [_paragraph(original, styles.quote, node.original)]
        if node.translation:
            translation = inline_markup(node.translation)
            parts.append(_paragraph(translation, styles.translation, node.translation))
        if node.attribution:
            attribution = "\u2014\u00a0" + inline_markup(node.attribution)
            parts.append(_paragraph(attribution, styles.attribution, node.attribution))
        spacer = rl.Spacer(1, styles.body.spaceAfter)
        return [*parts, spacer] if self.safe else [rl.KeepTogether(parts), spacer]

    def table(self, node: Table) -> list:
        header = [clean(cell) for cell in node.header]
        columns = len(header) or max((len(row) for row in node.rows), default=0)
        if columns == 0:
            return []
        styles = self.styles
        rows: list[tuple[list[str], list[list]]] = []  # (markup, inline content) per row
        if header:
            header = header + [""] * (columns - len(header))
            rows.append(([escape_text(cell) for cell in header[:columns]], [[]] * columns))
        for row in node.rows:
            row = list(row)[:columns] + [[]] * (columns - len(row))
            rows.append(([inline_markup(cell) for cell in row], row))
        rows[0][0][0] = portion_prefix(node.mark) + rows[0][0][0]
        if self.safe:
            return self._table_as_paragraphs(rows, bool(header))
        data = [
            [
                _paragraph(markup, styles.header_cell if header and i == 0 else styles.cell, inl)
                for markup, inl in zip(*row, strict=True)
            ]
            for i, row in enumerate(rows)
        ]
        widths = self._column_widths(node.widths, columns)
        pad = min(4.0, max(0.5, min(widths) * 0.12))  # many narrow columns: thin padding
        # A repeated header row can never split, so only a reasonably short one repeats.
        repeat = bool(header) and _row_height(data[0], widths, pad) < self.frame_height / 4
        table = rl.Table(
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

    def _table_as_paragraphs(self, rows, has_header: bool) -> list:
        header = rows[0][0] if has_header else []
        flowables = []
        if has_header:
            flowables.append(MemoParagraph(" | ".join(header), self.styles.header_cell))
        for markup, content in rows[1:] if has_header else rows:
            for index, (cell, inline) in enumerate(zip(markup, content, strict=True)):
                label = f"<b>{header[index]}:</b> " if index < len(header) and header[index] else ""
                flowables.append(_paragraph(label + cell, self.styles.cell, inline))
            flowables.append(rl.Spacer(1, self.styles.size * 0.5))
        return flowables

    def memo_header(self, node: MemoHeader) -> list:
        styles = self.styles
        flowables: list = []
        title = clean(node.title).strip()
        if title:
            flowables.append(MemoParagraph(escape_text(title), styles.title))
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
                    MemoParagraph(escape_text(label), styles.header_label),
                    _paragraph(inline_markup(value), styles.header_value, value),
                ]
            )
        if rows and self.safe:
            for label, value in rows:
                flowables.extend([label, value])
        elif rows:
            first = min(max(label_width + 14, 1.0 * inch), 2.4 * inch)
            table = rl.Table(
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

    def note(self, note: Note, style) -> MemoParagraph:
        """A numbered note (endnote or footnote): the number hangs in the left indent."""
        if not isinstance(note, Note):
            raise UnknownNodeError(WRITER, note)
        markup = inline_markup(note.content, note_markers=False)
        return MemoParagraph(markup, style, bulletText=f"{int(note.number)}.")

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
