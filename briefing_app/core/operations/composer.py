"""The composer's edits of a briefing, and whole briefings, as operations.

Each edit writes through to the store (one transaction each, so a crash never loses a
completed edit). Operations remember the row ids the store handed out, so redo after undo
recreates the very same sections and blocks and the operations above them on the undo
stack still find their rows. After a run, :attr:`BriefingOperation.focus` says what a
face should select.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..changes import Changes
from ..errors import FactBaseError
from ..model import Block, Briefing
from ..undo import Operation


@dataclass(frozen=True)
class Focus:
    """What to select after an operation ran: blocks, else a section, of ``briefing_id``."""

    briefing_id: str | None
    blocks: tuple[int, ...] = ()
    section: int | None = None
    header_field: str = ""
    list_only: bool = False  # the change is about the briefings list (create, delete)


class BriefingOperation(Operation):
    """Base: ``_do``/``_undo`` return a :class:`Focus`; the changes name the briefing."""

    def __init__(self, briefing_id: str | None, label: str):
        self.briefing_id = briefing_id
        self.label = label
        self.focus = Focus(briefing_id)

    def _do(self, store: Any) -> Focus:
        raise NotImplementedError

    def _undo(self, store: Any) -> Focus:
        raise NotImplementedError

    def apply(self, store: Any) -> Changes:
        self.focus = self._do(store)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        self.focus = self._undo(store)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes.of(briefings=[self.briefing_id] if self.briefing_id else [])


# ---------------------------------------------------------------- header


class UpdateHeader(BriefingOperation):
    """Header fields; typing in one field merges into one undo step."""

    def __init__(self, briefing_id: str, changes: dict, old: dict, *, label: str = ""):
        super().__init__(briefing_id, label or "Edit the memo header")
        self.changes, self.old = dict(changes), dict(old)
        self.merge_key = ("header", briefing_id, frozenset(self.changes))

    def merge(self, later: Operation) -> bool:
        if not isinstance(later, UpdateHeader) or len(self.changes) != 1:
            return False
        self.changes = dict(later.changes)
        return True

    def is_noop(self) -> bool:
        return self.changes == self.old  # typed back to where it was: nothing to undo

    def _focus(self) -> Focus:
        return Focus(self.briefing_id, header_field=next(iter(self.changes), ""))

    def _do(self, store: Any) -> Focus:
        store.update_briefing_header(self.briefing_id, **self.changes)
        return self._focus()

    def _undo(self, store: Any) -> Focus:
        store.update_briefing_header(self.briefing_id, **self.old)
        return self._focus()


class ChangeMemoLanguage(BriefingOperation):
    """The memo language, and in the same undo step the stock section headings renamed
    into it (``renames``: section id, new heading, old heading; see
    ``core/stock_headings.py``)."""

    def __init__(self, briefing_id: str, language: str, old_language: str,
                 renames: Sequence[tuple[int, str, str]], *, label: str = ""):
        super().__init__(briefing_id, label or "Edit memo language")
        self.language, self.old_language = language, old_language
        self.renames = list(renames)

    def _do(self, store: Any) -> Focus:
        store.update_briefing_header(self.briefing_id, language=self.language)
        for section_id, heading, _old in self.renames:
            store.rename_section(section_id, heading)
        return Focus(self.briefing_id, header_field="language")

    def _undo(self, store: Any) -> Focus:
        for section_id, _heading, old in reversed(self.renames):
            store.rename_section(section_id, old)
        store.update_briefing_header(self.briefing_id, language=self.old_language)
        return Focus(self.briefing_id, header_field="language")


# ---------------------------------------------------------------- sections


class AddSection(BriefingOperation):
    def __init__(self, briefing_id: str, position: int, heading: str, *, label: str = ""):
        super().__init__(briefing_id, label or f"Add section “{heading}”")
        self.position, self.heading = position, heading
        self.section_id: int | None = None

    def _do(self, store: Any) -> Focus:
        self.section_id = store.add_section(self.briefing_id, self.position, self.heading,
                                            section_id=self.section_id)
        return Focus(self.briefing_id, section=self.section_id)

    def _undo(self, store: Any) -> Focus:
        store.remove_section(self.section_id)
        return Focus(self.briefing_id)


class RenameSection(BriefingOperation):
    def __init__(self, briefing_id: str, section_id: int, heading: str, old: str, *,
                 label: str = ""):
        super().__init__(briefing_id, label or f"Rename section to “{heading}”")
        self.section_id, self.heading, self.old = section_id, heading, old

    def _do(self, store: Any) -> Focus:
        store.rename_section(self.section_id, self.heading)
        return Focus(self.briefing_id, section=self.section_id)

    def _undo(self, store: Any) -> Focus:
        store.rename_section(self.section_id, self.old)
        return Focus(self.briefing_id, section=self.section_id)


class MoveSection(BriefingOperation):
    def __init__(self, briefing_id: str, section_id: int, position: int, *, label: str = ""):
        super().__init__(briefing_id, label or "Move section")
        self.section_id, self.position = section_id, position
        self.old: int | None = None

    def _do(self, store: Any) -> Focus:
        self.old = store.move_section(self.section_id, self.position)
        return Focus(self.briefing_id, section=self.section_id)

    def _undo(self, store: Any) -> Focus:
        store.move_section(self.section_id, self.old)
        return Focus(self.briefing_id, section=self.section_id)


class RemoveSection(BriefingOperation):
    def __init__(self, briefing_id: str, section_id: int, heading: str = "", *,
                 label: str = ""):
        super().__init__(briefing_id, label or f"Remove section “{heading}”")
        self.section_id = section_id
        self.removed: Any = None

    def _do(self, store: Any) -> Focus:
        self.removed = store.remove_section(self.section_id)
        return Focus(self.briefing_id)

    def _undo(self, store: Any) -> Focus:
        self.section_id = store.restore_section(self.removed).id
        return Focus(self.briefing_id, section=self.section_id)


# ---------------------------------------------------------------- blocks


class InsertBlocks(BriefingOperation):
    """New blocks (dropped items or free text) at a position in a section."""

    def __init__(self, briefing_id: str, section_id: int, position: int,
                 blocks: Sequence[Block], *, label: str = ""):
        super().__init__(briefing_id, label or "Add blocks")
        self.section_id, self.position = section_id, position
        self.blocks = list(blocks)

    def _do(self, store: Any) -> Focus:
        self.blocks = store.insert_blocks(self.section_id, self.position, self.blocks)
        return Focus(self.briefing_id, blocks=tuple(b.id for b in self.blocks))

    def _undo(self, store: Any) -> Focus:
        store.remove_blocks([b.id for b in self.blocks])
        return Focus(self.briefing_id, section=self.section_id)


class MoveBlocks(BriefingOperation):
    """Blocks moved as one step; ``steps`` are (block id, section id, index after move),
    replayed in order; undo replays the old places in reverse."""

    def __init__(self, briefing_id: str, steps: Sequence[tuple[int, int, int]], *,
                 label: str = ""):
        super().__init__(briefing_id, label or "Move blocks")
        self.steps = list(steps)
        self.old: list[tuple[int, int]] = []

    def _do(self, store: Any) -> Focus:
        self.old = [store.move_block(*step) for step in self.steps]
        return Focus(self.briefing_id, blocks=tuple(s[0] for s in self.steps))

    def _undo(self, store: Any) -> Focus:
        for (block_id, _, _), (section_id, position) in reversed(
                list(zip(self.steps, self.old, strict=True))):
            store.move_block(block_id, section_id, position)
        return Focus(self.briefing_id, blocks=tuple(s[0] for s in self.steps))


class UpdateBlock(BriefingOperation):
    """Text, style, note or override of one block; typing in one field merges."""

    def __init__(self, briefing_id: str, block_id: int, changes: dict, old: dict, *,
                 label: str = ""):
        super().__init__(briefing_id, label or "Edit block")
        self.block_id, self.changes, self.old = block_id, dict(changes), dict(old)
        mergeable = "style" not in self.changes
        self.merge_key = ("block", block_id, frozenset(self.changes)) if mergeable else None

    def merge(self, later: Operation) -> bool:
        if not isinstance(later, UpdateBlock):
            return False
        self.changes = dict(later.changes)
        return True

    def is_noop(self) -> bool:
        return self.changes == self.old

    def _do(self, store: Any) -> Focus:
        store.update_block(self.block_id, **self.changes)
        return Focus(self.briefing_id, blocks=(self.block_id,))

    def _undo(self, store: Any) -> Focus:
        store.update_block(self.block_id, **self.old)
        return Focus(self.briefing_id, blocks=(self.block_id,))


class RemoveBlocks(BriefingOperation):
    def __init__(self, briefing_id: str, block_ids: Sequence[int], *, label: str = ""):
        super().__init__(briefing_id, label or "Remove blocks")
        self.block_ids = list(block_ids)
        self.removed: list = []

    def _do(self, store: Any) -> Focus:
        self.removed = store.remove_blocks(self.block_ids)
        section = self.removed[0].section_id if self.removed else None
        return Focus(self.briefing_id, section=section)

    def _undo(self, store: Any) -> Focus:
        restored = store.restore_blocks(self.removed)
        self.block_ids = [b.id for b in restored]
        return Focus(self.briefing_id, blocks=tuple(self.block_ids))


# ---------------------------------------------------------------- whole briefings


class CreateBriefing(BriefingOperation):
    """A new briefing (from a template) or a duplicate; undo removes it again."""

    def __init__(self, briefing: Briefing | None, *, duplicate_of: str | None = None,
                 title: str = "", label: str = ""):
        super().__init__(briefing.id if briefing else None,
                         label or f"New briefing “{title or (briefing.title if briefing else '')}”")
        self.briefing = briefing
        self.duplicate_of, self.title = duplicate_of, title
        self.saved: Briefing | None = None

    def _do(self, store: Any) -> Focus:
        if self.saved is not None:
            self.saved = store.restore_briefing(self.saved)
        elif self.duplicate_of is not None:
            self.saved = store.duplicate_briefing(self.duplicate_of, self.title)
        else:
            self.saved = store.save_briefing(self.briefing)
        self.briefing_id = self.saved.id
        return Focus(self.briefing_id)

    def _undo(self, store: Any) -> Focus:
        self.saved = store.remove_briefing(self.briefing_id)
        return Focus(None, list_only=True)


class DeleteBriefing(BriefingOperation):
    def __init__(self, briefing_id: str, title: str = "", *, label: str = ""):
        super().__init__(briefing_id, label or f"Delete briefing “{title}”")
        self.removed: Briefing | None = None

    def _do(self, store: Any) -> Focus:
        self.removed = store.remove_briefing(self.briefing_id)
        if self.removed is None:
            raise FactBaseError("The briefing no longer exists.")
        return Focus(None, list_only=True)

    def _undo(self, store: Any) -> Focus:
        store.restore_briefing(self.removed)
        return Focus(self.briefing_id)
