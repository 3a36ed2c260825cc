"""How long the memo is: words, and pages estimated without rendering a PDF.

The composer shows these numbers after every edit, so they must be quick: the estimate
walks the document tree and counts lines the way the PDF writer lays them out (Letter
paper, 1-inch margins, Times-metric serif) instead of rendering a PDF. The print preview
shows the real pages when the staffer wants certainty.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

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
