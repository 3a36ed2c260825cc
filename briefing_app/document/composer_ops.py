"""Composer logic without Qt: counting words, estimating pages, naming files and blocks.

The composer shows these numbers after every edit, so they must be quick: the estimate
walks the document tree and counts lines the way the PDF writer lays them out (Letter
paper, 1-inch margins, Times-metric serif) instead of rendering a PDF. The print preview
shows the real pages when the staffer wants certainty.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from briefing_app.core import dates
from briefing_app.core.model import Block, Briefing, Item
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inline,
    MemoHeader,
    NoteList,
    PageBreak,
    Paragraph,
    Table,
    plain_text,
)
from briefing_app.document.text import one_line
from briefing_app.document.visitor import NodeVisitor

# Letter, 1-inch margins: 6.5 x 9 inches of text. At 12 pt a Times line holds about 95
# characters and a page about 46 lines once banner, footer and paragraph gaps are counted.
CHARS_PER_LINE_12PT = 95
LINES_PER_PAGE_12PT = 46
PARAGRAPH_GAP_LINES = 0.6
HEADING_LINES = 2.0
NOTE_SIZE_RATIO = 0.8  # footnotes are set smaller

_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


def count_words(text: str) -> int:
    """Words as people count them: runs of letters/digits (``U.S.`` counts, ``—`` not)."""
    return len(_WORD.findall(text))


def document_texts(document: Document) -> list[str]:
    """Every printed piece of text of the memo, in order (headings, body, tables, notes)."""
    texts: list[str] = []
    for block in document.blocks:
        texts.extend(_PRINTED_TEXT.visit(block))
    texts.extend(plain_text(note.content) for note in document.footnotes)
    return texts


def word_count(document: Document) -> int:
    """Words the memo prints, header and notes included."""
    return sum(count_words(text) for text in document_texts(document))


class _PrintedText(NodeVisitor):
    """The printed pieces of text of each block. An unknown block raises, so a node type
    added to the memo cannot go uncounted."""

    writer_name = "word count"

    def visit_heading(self, node: Heading) -> list[str]:
        return [node.text]

    def visit_paragraph(self, node: Paragraph) -> list[str]:
        return [plain_text(node.content)]

    def visit_bullet_list(self, node: BulletList) -> list[str]:
        return [plain_text(item.content) for item in node.items]

    def visit_block_quote(self, node: BlockQuote) -> list[str]:
        parts = (node.original, node.translation, node.attribution)
        return [plain_text(part) for part in parts if part]

    def visit_table(self, node: Table) -> list[str]:
        return [*node.header, *(plain_text(cell) for row in node.rows for cell in row)]

    def visit_memo_header(self, node: MemoHeader) -> list[str]:
        return [node.title, *(f"{label} {plain_text(value)}" for label, value in node.fields)]

    def visit_note_list(self, node: NoteList) -> list[str]:
        return [plain_text(note.content) for note in node.notes]

    def visit_page_break(self, node: PageBreak) -> list[str]:
        return []


def _lines(text: str, chars_per_line: float) -> float:
    return max(1, math.ceil(len(text) / chars_per_line)) if text else 0


def _content_lines(content: list[Inline], per_line: float) -> float:
    return _lines(plain_text(content), per_line)


class _LineEstimate(NodeVisitor):
    """About how many body lines each block takes, ``per_line`` characters to a line, the
    way the PDF writer sets it. An unknown block raises, like in :class:`_PrintedText`."""

    writer_name = "page estimate"

    def visit_heading(self, node: Heading, per_line: float) -> float:
        return HEADING_LINES

    def visit_paragraph(self, node: Paragraph, per_line: float) -> float:
        return _content_lines(node.content, per_line) + PARAGRAPH_GAP_LINES

    def visit_bullet_list(self, node: BulletList, per_line: float) -> float:
        indent = per_line * 0.93
        return sum(_content_lines(i.content, indent) + 0.3 for i in node.items) + 0.5

    def visit_block_quote(self, node: BlockQuote, per_line: float) -> float:
        indent = per_line * 0.8
        parts = (node.original, node.translation, node.attribution)
        return sum(_content_lines(p, indent) for p in parts if p) + 1

    def visit_table(self, node: Table, per_line: float) -> float:
        cell = per_line / max(1, len(node.header))
        rows = [max(_content_lines(c, cell) for c in row) if row else 1 for row in node.rows]
        return 1.5 + sum(rows) + 0.2 * len(rows) + PARAGRAPH_GAP_LINES

    def visit_memo_header(self, node: MemoHeader, per_line: float) -> float:
        value_width = per_line * 0.75
        return 3 + sum(_content_lines(v, value_width) + 0.3 for _, v in node.fields)

    def visit_note_list(self, node: NoteList, per_line: float) -> float:
        return 1 + sum(_content_lines(n.content, per_line) for n in node.notes)

    def visit_page_break(self, node: PageBreak, per_line: float) -> float:
        return 0  # counted by estimate_pages


_PRINTED_TEXT = _PrintedText()
_LINE_ESTIMATE = _LineEstimate()


def estimate_pages(document: Document) -> int:
    """About how many pages the PDF will have (at least 1)."""
    per_page = LINES_PER_PAGE_12PT / (document.font_size / 12.0)
    pages, lines = 1, 0.0
    per_line = CHARS_PER_LINE_12PT / (document.font_size / 12.0)
    for block in document.blocks:
        if isinstance(block, PageBreak):
            pages, lines = pages + 1, 0.0
            continue
        lines += _LINE_ESTIMATE.visit(block, per_line)
    if document.furniture.banner:
        lines += 2
    if document.footnotes:
        small = per_line / NOTE_SIZE_RATIO
        lines += 1 + sum(_lines(plain_text(n.content), small) * NOTE_SIZE_RATIO
                         for n in document.footnotes)
    return pages - 1 + max(1, math.ceil(lines / per_page))


@dataclass(frozen=True)
class LengthReport:
    words: int
    pages: int
    target: int | None  # the template's page target, None when it has none
    exact: bool = False  # pages counted in the real PDF rather than estimated

    @property
    def over_target(self) -> bool:
        return self.target is not None and self.pages > self.target


def length_report(document: Document, page_target: int | None) -> LengthReport:
    return LengthReport(word_count(document), estimate_pages(document), page_target)


# ---------------------------------------------------------------- names


_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_export_name(briefing: Briefing, extension: str) -> str:
    """A file name a staffer would type: ``2026-02-03 Petro meeting brief.docx``.

    The meeting date (else the memo date) leads so files sort by date in a folder; then the
    briefing's title as the staffer named it (else the meeting title); characters no file
    system allows are dropped.
    """
    extension = "." + extension.lstrip(".")
    when = briefing.meeting.date or briefing.date
    day = ""
    if when and dates.is_valid(when):
        parsed = dates.parse(when)
        day = parsed.iso()[:10]
    title = one_line(briefing.title) or one_line(briefing.meeting.title) or "Briefing"
    title = _UNSAFE_FILE_CHARS.sub(" ", title)
    title = " ".join(title.split()).strip(" .")[:80] or "Briefing"
    return f"{day} {title}{extension}" if day else f"{title}{extension}"


def copy_title(title: str, existing: set[str]) -> str:
    """``"X (copy)"``, ``"X (copy 2)"``... the first that no briefing has yet."""
    base = f"{title} (copy)"
    if base not in existing:
        return base
    number = 2
    while f"{title} (copy {number})" in existing:
        number += 1
    return f"{title} (copy {number})"


def block_kind(block: Block, item: Item | None) -> str:
    """``fact``/``quote``/``event`` for an item block (``missing`` when the item is gone),
    else the free-text style."""
    if block.is_item:
        return item.kind if item is not None else "missing"
    return block.style


def block_text(block: Block, item: Item | None) -> str:
    """What the memo prints for the block, on one line: the override, the item's text (a
    quote's words, an event's title and text) or the free text."""
    if not block.is_item:
        return one_line(block.text)
    if block.override:
        return one_line(block.override)
    if item is None:
        return ""
    return one_line(item.text) or one_line(item.title)


# ---------------------------------------------------------------- moving blocks


def move_steps(
    briefing: Briefing, block_ids: list[int], section_id: int, row: int
) -> list[tuple[int, int, int]]:
    """How to move blocks to drop row ``row`` of a section, as (block id, section id, index
    after that move) steps to replay in order.

    ``row`` counts in the section as it is now (the blocks being moved included), like a
    drop position in a view. The blocks keep their memo order and land together, after the
    last block before ``row`` that is not moving. Returns ``[]`` when nothing would change.
    """
    layout = {s.id: [b.id for b in s.blocks] for s in briefing.sections}
    if section_id not in layout:
        return []
    order = [b.id for s in briefing.sections for b in s.blocks]
    moving = [bid for bid in order if bid in set(block_ids)]
    target = layout[section_id]
    before = {key: list(ids) for key, ids in layout.items()}
    anchor = None
    for bid in target[:max(0, row)]:
        if bid not in moving:
            anchor = bid
    steps = []
    previous = anchor
    for bid in moving:
        for ids in layout.values():
            if bid in ids:
                ids.remove(bid)
        index = target.index(previous) + 1 if previous is not None else 0
        target.insert(index, bid)
        steps.append((bid, section_id, index))
        previous = bid
    return [] if layout == before else steps


def nudge_target(briefing: Briefing, block_id: int, delta: int) -> tuple[int, int] | None:
    """Where Alt+Up (``delta`` -1) or Alt+Down (+1) takes a block, as (section id, drop row):
    one place up or down, across into the neighbouring ordinary section at an end.
    ``None`` at the very top or bottom."""
    sections = [s for s in briefing.sections if not s.automatic]
    for number, section in enumerate(sections):
        ids = [b.id for b in section.blocks]
        if block_id not in ids:
            continue
        index = ids.index(block_id)
        if delta < 0:
            if index > 0:
                return section.id, index - 1
            return (sections[number - 1].id, len(sections[number - 1].blocks)) if number else None
        if index < len(ids) - 1:
            return section.id, index + 2
        return (sections[number + 1].id, 0) if number + 1 < len(sections) else None
    return None
