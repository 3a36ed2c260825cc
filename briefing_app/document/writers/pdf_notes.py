"""Footnotes for reportlab, which has none, in a single layout pass.

Every note mark a text block draws calls back (:data:`pdf_text.NOTE_CALLBACK`), so
drawing tells :class:`FootnoteLayout` which notes each page cites. A note is printed once,
at the foot of the page it is *first* cited on; the page's text frame (:class:`NotesFrame`)
shrinks from the bottom as notes arrive.

The hard case is the flowable whose own citation needs the space it is about to occupy (a
paragraph that runs to the bottom of the page and cites a note). Before placing a flowable
that cites a note not yet printed, the frame lays it out without drawing it (each text
block knows the notes it cites) to learn its bottom edge. If the notes would not fit
under it, the frame raises its bottom by
the notes' height and declines the flowable; reportlab then splits it (the first part ends
above the notes, and is checked the same way) or moves it to the next page. Only when that
is impossible -- a flowable taller than a page with its notes -- do the notes move to a
trailing "Notes" list, together with notes never cited and any single note taller than
half a page. A note is never dropped.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable
from reportlab.platypus.flowables import DDIndenter, PageBreak, SlowPageBreak

from briefing_app.document.writers.pdf_structure import artifact

RULE_LENGTH = 1.5 * 72
RULE_SPACE_ABOVE = 8.0  # between the body text and the rule
RULE_SPACE_BELOW = 4.0  # between the rule and the first note
NOTE_GAP = 2.0  # between two notes
_IMMUTABLE = frozenset({int, float, bool, str, type(None)})
FIT_TOLERANCE = 0.01  # points
# first parts of a split that reportlab does not add directly but puts back in the story
_NOT_ADDED_DIRECTLY = (PageBreak, SlowPageBreak, ActionFlowable, DDIndenter)


class FootnoteSet:
    """The footnote texts as paragraphs, with their heights measured once."""

    def __init__(self, paragraphs: dict[int, Paragraph], width: float, max_block: float):
        self.paragraphs = paragraphs
        self.width = width
        self.max_block = max_block
        self._heights: dict[int, float] = {}

    def __bool__(self) -> bool:
        return bool(self.paragraphs)

    def height(self, number: int) -> float:
        if number not in self._heights:
            _, h = self.paragraphs[number].wrap(self.width, 1e6)
            self._heights[number] = h
        return self._heights[number]

    def block_height(self, numbers: list[int]) -> float:
        """Height of a footnote block: rule, spacing and the notes."""
        if not numbers:
            return 0.0
        notes = sum(self.height(n) for n in numbers) + NOTE_GAP * (len(numbers) - 1)
        return RULE_SPACE_ABOVE + RULE_SPACE_BELOW + notes


class FootnoteLayout:
    """Where each note goes during one build: page feet, or the trailing list."""

    def __init__(self, notes: FootnoteSet, bottom: float, pagesize: tuple[float, float]):
        self.notes = notes
        self.bottom = bottom  # the lowest point of the text area (bottom margin)
        self.pagesize = pagesize
        self.page = 0
        self.first_page: dict[int, int] = {}
        self.placed: dict[int, list[int]] = {}
        self.late: list[int] = []
        self._pending: list[int] = []
        self._scratch: Canvas | None = None

    # -------------------------------------------------------- called while drawing

    def start_page(self, page: int) -> None:
        self.page = page
        self._scratch = None  # a fresh scratch canvas per page keeps its memory small

    def cited(self, number: int) -> None:
        """A note mark was drawn on the real canvas."""
        if number not in self.first_page:
            self.first_page[number] = self.page
            if number in self.notes.paragraphs:
                self._pending.append(number)

    def split_new(self, numbers: list[int]) -> tuple[list[int], list[int]]:
        """Of notes newly cited: those for the page foot, and those taller than the share
        of a page one note may take (they go to the trailing list)."""
        fitting, too_big = [], []
        for number in numbers:
            if self.notes.block_height([number]) > self.notes.max_block:
                too_big.append(number)
            else:
                fitting.append(number)
        return fitting, too_big

    def block_with(self, numbers: list[int]) -> float:
        return self.notes.block_height(self.placed.get(self.page, []) + numbers)

    def flowable_drawn(self, frame: NotesFrame, content_bottom: float) -> None:
        """Settle the notes the flowable just drawn cited: to this page's foot if they fit
        under it (the frame's bottom rises above them), else to the trailing list."""
        if not self._pending:
            return
        new, self._pending = self._pending, []
        fitting, too_big = self.split_new(new)
        self.late.extend(too_big)
        if not fitting:
            return
        block = self.block_with(fitting)
        if content_bottom < self.bottom + block - FIT_TOLERANCE:
            self.late.extend(fitting)  # the probe could not avoid it (see module docstring)
            return
        self.placed.setdefault(self.page, []).extend(fitting)
        frame.raise_bottom(self.bottom + block)

    # -------------------------------------------------------- probing

    def probe_canvas(self) -> Canvas:
        """A canvas for laying a flowable out on trial (nothing is drawn on it)."""
        if self._scratch is None:
            self._scratch = Canvas(io.BytesIO(), pagesize=self.pagesize)
        return self._scratch

    def new_of(self, numbers: frozenset[int]) -> list[int]:
        """Of ``numbers``, the notes not cited before, in note order."""
        return sorted(
            n for n in numbers if n not in self.first_page and n in self.notes.paragraphs
        )

    # -------------------------------------------------------- output

    def draw_page_notes(self, canv, page: int, x: float) -> None:
        """Draw ``page``'s notes at the foot of the text area, under a short rule."""
        numbers = self.placed.get(page, [])
        if not numbers:
            return
        y = self.bottom + self.notes.block_height(numbers) - RULE_SPACE_ABOVE
        with artifact(canv):
            canv.saveState()
            canv.setLineWidth(0.5)
            canv.line(x, y, x + RULE_LENGTH, y)
            canv.restoreState()
        y -= RULE_SPACE_BELOW
        for number in numbers:
            height = self.notes.height(number)
            self.notes.paragraphs[number].drawOn(canv, x, y - height)
            y -= height + NOTE_GAP

    def trailing_numbers(self) -> list[int]:
        """Notes for the trailing list: moved there, or never cited at all."""
        never_cited = [n for n in self.notes.paragraphs if n not in self.first_page]
        return sorted(set(self.late) | set(never_cited))


class NotesFrame(Frame):
    """A frame whose bottom rises above the footnotes of the notes cited on its page."""

    def __init__(self, *args, notes: FootnoteLayout, **kwargs):
        super().__init__(*args, **kwargs)
        self.notes = notes
        self._verified = None  # the first part of a split, already checked
        self._ends_page = None  # a first part after which the page ends

    def __deepcopy__(self, memo):
        # reportlab deep-copies the current frame to measure keep-together groups; the
        # copy must share the page's footnote layout (which holds a canvas) by reference.
        # Numbers and None, nearly all a frame holds, are taken as they are: deepcopy's
        # call per value was a measurable part of a memo's time.
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        copied = clone.__dict__
        for name, value in self.__dict__.items():
            if name == "notes" or type(value) in _IMMUTABLE:
                copied[name] = value
            else:
                copied[name] = copy.deepcopy(value, memo)
        return clone

    def raise_bottom(self, y: float) -> None:
        # reportlab keeps the lowest usable y of a frame in ``_y1p`` (no public setter).
        self._y1p = max(self._y1p, y)

    def add(self, flowable, canv, trySplit=0):
        if self._checks(flowable) and flowable is not self._verified:
            needed = self._notes_needed(flowable, trySplit)
            if needed is not None:
                bottom = self._y1p
                self.raise_bottom(needed)
                # reportlab now splits it (see ``split``) or moves it to the next page; at
                # the top of a page it must split, or it goes here after all.
                if not self._atTop or Frame.split(self, flowable, canv):
                    return 0
                self._y1p = bottom
        ends_page = flowable is self._ends_page
        self._verified = self._ends_page = None
        added = Frame._add(self, flowable, canv, trySplit)
        if added:
            self.notes.flowable_drawn(self, self._y + flowable.getSpaceAfter())
            if ends_page:
                # The rest of the split continues on the next page even if room is left
                # here: the split was made short for the notes, or it is a table's.
                self.raise_bottom(self._y)
        return added

    def split(self, flowable, canv):
        """Split so that the first part ends above the notes it cites itself."""
        if not self._checks(flowable):
            return self._split(flowable, canv)
        original_bottom = self._y1p
        for attempt in range(8):
            parts = self._split(flowable, canv)
            if not parts or isinstance(parts[0], _NOT_ADDED_DIRECTLY):
                break
            needed = self._notes_needed(parts[0], 0)
            if needed is None:
                self._verified = parts[0]  # reportlab adds it next; no need to probe again
                if attempt:
                    self._ends_page = parts[0]
                return parts
            self.raise_bottom(needed)
        else:
            parts = []
        if not parts and self._atTop:
            # Nothing smaller fits at the top of a page: place it anyway; its notes that
            # cannot go under it move to the trailing list (``flowable_drawn``).
            self._y1p = original_bottom
            parts = self._split(flowable, canv)
            self._verified = parts[0] if parts else None
        return parts

    def _split(self, flowable, canv) -> list:
        """reportlab's split, except for tables: reportlab splits a table between rows
        first, and its rest, tried again in the space left, would split inside its first
        row under a repeated header -- mid-page. So the rest of a table starts on the next
        page; but when its next row is taller than a page anyway, the row is split here."""
        parts = Frame.split(self, flowable, canv)
        if not (isinstance(flowable, Table) and parts and isinstance(parts[0], Table)):
            return parts
        if len(parts) == 2 and flowable.splitInRow and self._first_row_too_tall(parts[1]):
            flowable.splitByRow = 0  # split inside the row rather than between rows
            try:
                parts = Frame.split(self, flowable, canv) or parts
            finally:
                flowable.splitByRow = 1
        self._ends_page = parts[0]
        return parts

    def _first_row_too_tall(self, table: Table) -> bool:
        """Whether the header and first row of ``table`` exceed a whole page's frame."""
        full = self._y2 - self._y1
        table.wrap(self._width, full)
        header = table.repeatRows if isinstance(table.repeatRows, int) else 0
        # reportlab keeps the row heights it computed in ``_rowHeights``
        return sum(table._rowHeights[: header + 1]) > full

    def _checks(self, flowable) -> bool:
        """Whether placing ``flowable`` may add notes to this page's foot: it cites a note
        not yet printed (a note already placed, on this page or before, adds nothing)."""
        if not self.notes.notes:
            return False
        return any(number not in self.notes.first_page for number in cited_numbers(flowable))

    def _notes_needed(self, flowable, trySplit) -> float | None:
        """Lay ``flowable`` out on trial, without drawing it; if the notes it cites first
        would sit under its bottom edge, the frame bottom they need; None when all is well
        (or when it does not fit anyway, and reportlab will split it)."""
        saved = dict(self.__dict__)
        scratch = self.notes.probe_canvas()
        flowable.drawOn = _no_drawing  # only whether it fits and where it ends matter
        try:
            fits = Frame._add(self, flowable, scratch, trySplit)
            bottom = self._y + flowable.getSpaceAfter()
        finally:
            self.__dict__.clear()
            self.__dict__.update(saved)
            flowable.__dict__.pop("drawOn", None)
        if not fits:
            return None
        fitting, _ = self.notes.split_new(self.notes.new_of(cited_numbers(flowable)))
        if not fitting:
            return None
        needed = self.notes.bottom + self.notes.block_with(fitting)
        return None if bottom >= needed - FIT_TOLERANCE else needed


class TrailingNotes(FrameActionFlowable):
    """Marker at the end of the story: when the frame reaches it, it adds the trailing
    "Notes" list if any note could not go at a page foot (known only by then)."""

    locChanger = 1  # never swallowed into a keep-with-next group

    def __init__(self, layout: FootnoteLayout, make: Callable[[list[int]], list]):
        self.layout = layout
        self.make = make

    def frameAction(self, frame) -> None:
        numbers = self.layout.trailing_numbers()
        if numbers:
            frame.add_generated_content(*self.make(numbers))


_CITED = "_briefing_cited_numbers"  # cached on container flowables (tables, lists)


def cited_numbers(flowable, depth: int = 0) -> frozenset[int]:
    """The note numbers ``flowable`` (or anything inside it) cites: a text block knows
    them, a container (table, list, keep-together group) holds text blocks. Containers
    remember the answer: the frame asks for every flowable it places, and walking a long
    table each time was measurable."""
    if getattr(flowable, "cites_notes", False):
        return flowable.note_numbers
    if depth > 6 or not hasattr(flowable, "__dict__"):
        return frozenset()  # nested deeper than any memo block goes, or nothing inside
    if _CITED in flowable.__dict__:
        return flowable.__dict__[_CITED]
    found: set[int] = set()
    for name in ("_content", "_flowable", "_cellvalues"):
        inner = flowable.__dict__.get(name)
        if inner is None:
            continue
        if name == "_cellvalues":  # rows of cells; each part of a split table asks anew
            _cells_cited(inner, found, depth)
            continue
        for item in _flatten(inner) if isinstance(inner, list | tuple) else [inner]:
            found |= cited_numbers(item, depth + 1)
    result = flowable.__dict__[_CITED] = frozenset(found)
    return result


def _cells_cited(rows, found: set[int], depth: int) -> None:
    """Add the notes a table's rows cite to ``found``. A long timeline is split at every
    page and each part is a new table asked anew, so rows remember their notes
    (:class:`CitingRow`); only rows made by splitting a row are walked."""
    found.update(*[row.notes if type(row) is CitingRow else row_cited(row, depth)
                   for row in rows])


class CitingRow(list):
    """A table row (its cells) that knows the notes its cells cite. reportlab hands the
    same row objects to the parts of a split table (see ``MemoTable.normalizeData``)."""

    __slots__ = ("notes",)

    def __init__(self, cells):
        super().__init__(cells)
        self.notes = row_cited(self, 0)


def row_cited(cells, depth: int) -> frozenset[int]:
    found: set[int] = set()
    for cell in cells:
        for item in cell if isinstance(cell, list | tuple) else (cell,):
            if item is not None and not isinstance(item, str):
                found.update(cited_numbers(item, depth + 1))
    return frozenset(found)


def _no_drawing(*_args, **_kwargs) -> None:
    """Stands in for a probed flowable's ``drawOn``."""


def _flatten(items):
    for item in items:
        if isinstance(item, list | tuple):
            yield from _flatten(item)
        else:
            yield item
