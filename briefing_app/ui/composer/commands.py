"""Every composer edit as a QUndoCommand that writes through to the fact base.

A command's ``redo`` performs the edit with the store's fine-grained briefing edits (one
transaction each, so a crash never loses a completed edit) and its ``undo`` writes the
previous state back with what the store returned. Commands remember row ids the store
handed out, so redo after undo recreates the very same sections and blocks and the
commands above them on the stack still find their rows.

A command whose first ``redo`` fails marks itself obsolete, so QUndoStack drops it instead
of keeping an edit that never happened; the session reports the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from briefing_app.core.model import Block, Briefing
from briefing_app.store import FactBaseError

HEADER_MERGE_ID = 7101
BLOCK_MERGE_ID = 7102


translate = QCoreApplication.translate  # by this name, so lupdate reads the context


def tr(text: str) -> str:
    """A value marked elsewhere with ``QT_TRANSLATE_NOOP("Composer", ...)``, translated."""
    return QCoreApplication.translate("Composer", text)


@dataclass(frozen=True)
class Focus:
    """What to select after a command ran: blocks, else a section, of ``briefing_id``."""

    briefing_id: str | None
    blocks: tuple[int, ...] = ()
    section: int | None = None
    header_field: str = ""
    list_only: bool = False  # the change is about the briefings list (create, delete)


class ComposerCommand(QUndoCommand):
    """Base: ``apply``/``revert`` do the store work; the session is told afterwards."""

    def __init__(self, session, text: str, briefing_id: str | None):
        super().__init__(text)
        self.session = session
        self.briefing_id = briefing_id
        self._first = True

    @property
    def fb(self):
        return self.session.fact_base

    def apply(self) -> Focus:
        raise NotImplementedError

    def revert(self) -> Focus:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            focus = self.apply()
        except (FactBaseError, ValueError) as error:
            if self._first:
                self.setObsolete(True)
            self.session.report_error(str(error))
            return
        self._first = False
        self.session.after_edit(focus)

    def undo(self) -> None:
        try:
            focus = self.revert()
        except (FactBaseError, ValueError) as error:
            self.session.report_error(str(error))
            return
        self.session.after_edit(focus)


# ---------------------------------------------------------------- header


class HeaderCommand(ComposerCommand):
    """Header fields; typing in one field merges into one undo step."""

    def __init__(self, session, briefing_id: str, changes: dict, old: dict, text: str):
        super().__init__(session, text, briefing_id)
        self.changes, self.old = dict(changes), dict(old)

    def id(self) -> int:
        return HEADER_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, HeaderCommand) or other.briefing_id != self.briefing_id:
            return False
        if set(other.changes) != set(self.changes) or len(self.changes) != 1:
            return False
        self.changes = dict(other.changes)
        if self.changes == self.old:
            self.setObsolete(True)  # typed back to where it was: nothing to undo
        return True

    def _focus(self) -> Focus:
        return Focus(self.briefing_id, header_field=next(iter(self.changes), ""))

    def apply(self) -> Focus:
        self.fb.update_briefing_header(self.briefing_id, **self.changes)
        return self._focus()

    def revert(self) -> Focus:
        self.fb.update_briefing_header(self.briefing_id, **self.old)
        return self._focus()


# ---------------------------------------------------------------- sections


class AddSectionCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, position: int, heading: str):
        super().__init__(session, translate("Composer", "Add section “%1”").replace("%1", heading),
                         briefing_id)
        self.position, self.heading = position, heading
        self.section_id: int | None = None

    def apply(self) -> Focus:
        self.section_id = self.fb.add_section(
            self.briefing_id, self.position, self.heading, section_id=self.section_id)
        return Focus(self.briefing_id, section=self.section_id)

    def revert(self) -> Focus:
        self.fb.remove_section(self.section_id)
        return Focus(self.briefing_id)


class RenameSectionCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, section_id: int, heading: str, old: str):
        super().__init__(session,
                         translate("Composer", "Rename section to “%1”").replace("%1", heading),
                         briefing_id)
        self.section_id, self.heading, self.old = section_id, heading, old

    def apply(self) -> Focus:
        self.fb.rename_section(self.section_id, self.heading)
        return Focus(self.briefing_id, section=self.section_id)

    def revert(self) -> Focus:
        self.fb.rename_section(self.section_id, self.old)
        return Focus(self.briefing_id, section=self.section_id)


class MoveSectionCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, section_id: int, position: int):
        super().__init__(session, translate("Composer", "Move section"), briefing_id)
        self.section_id, self.position = section_id, position
        self.old: int | None = None

    def apply(self) -> Focus:
        self.old = self.fb.move_section(self.section_id, self.position)
        return Focus(self.briefing_id, section=self.section_id)

    def revert(self) -> Focus:
        self.fb.move_section(self.section_id, self.old)
        return Focus(self.briefing_id, section=self.section_id)


class RemoveSectionCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, section_id: int, heading: str):
        super().__init__(session,
                         translate("Composer", "Remove section “%1”").replace("%1", heading),
                         briefing_id)
        self.section_id = section_id
        self.removed = None

    def apply(self) -> Focus:
        self.removed = self.fb.remove_section(self.section_id)
        return Focus(self.briefing_id)

    def revert(self) -> Focus:
        self.section_id = self.fb.restore_section(self.removed).id
        return Focus(self.briefing_id, section=self.section_id)


# ---------------------------------------------------------------- blocks


class InsertBlocksCommand(ComposerCommand):
    """New blocks (dropped items or free text) at a position in a section."""

    def __init__(self, session, briefing_id: str, section_id: int, position: int,
                 blocks: Sequence[Block], text: str):
        super().__init__(session, text, briefing_id)
        self.section_id, self.position = section_id, position
        self.blocks = list(blocks)

    def apply(self) -> Focus:
        self.blocks = self.fb.insert_blocks(self.section_id, self.position, self.blocks)
        return Focus(self.briefing_id, blocks=tuple(b.id for b in self.blocks))

    def revert(self) -> Focus:
        self.fb.remove_blocks([b.id for b in self.blocks])
        return Focus(self.briefing_id, section=self.section_id)


class MoveBlocksCommand(ComposerCommand):
    """Blocks moved as one step; ``steps`` are (block id, section id, index after move),
    replayed in order; undo replays the old places in reverse."""

    def __init__(self, session, briefing_id: str, steps: Sequence[tuple[int, int, int]],
                 text: str):
        super().__init__(session, text, briefing_id)
        self.steps = list(steps)
        self.old: list[tuple[int, int]] = []

    def apply(self) -> Focus:
        with self.fb.transaction():
            self.old = [self.fb.move_block(*step) for step in self.steps]
        return Focus(self.briefing_id, blocks=tuple(s[0] for s in self.steps))

    def revert(self) -> Focus:
        with self.fb.transaction():
            for (block_id, _, _), (section_id, position) in reversed(
                    list(zip(self.steps, self.old, strict=True))):
                self.fb.move_block(block_id, section_id, position)
        return Focus(self.briefing_id, blocks=tuple(s[0] for s in self.steps))


class UpdateBlockCommand(ComposerCommand):
    """Text, style, note or override of one block; typing in one field merges."""

    def __init__(self, session, briefing_id: str, block_id: int, changes: dict, old: dict,
                 text: str):
        super().__init__(session, text, briefing_id)
        self.block_id, self.changes, self.old = block_id, dict(changes), dict(old)

    def id(self) -> int:
        return BLOCK_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, UpdateBlockCommand) or other.block_id != self.block_id:
            return False
        if set(other.changes) != set(self.changes) or "style" in self.changes:
            return False
        self.changes = dict(other.changes)
        if self.changes == self.old:
            self.setObsolete(True)
        return True

    def apply(self) -> Focus:
        self.fb.update_block(self.block_id, **self.changes)
        return Focus(self.briefing_id, blocks=(self.block_id,))

    def revert(self) -> Focus:
        self.fb.update_block(self.block_id, **self.old)
        return Focus(self.briefing_id, blocks=(self.block_id,))


class RemoveBlocksCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, block_ids: Sequence[int], text: str):
        super().__init__(session, text, briefing_id)
        self.block_ids = list(block_ids)
        self.removed = []

    def apply(self) -> Focus:
        self.removed = self.fb.remove_blocks(self.block_ids)
        section = self.removed[0].section_id if self.removed else None
        return Focus(self.briefing_id, section=section)

    def revert(self) -> Focus:
        restored = self.fb.restore_blocks(self.removed)
        self.block_ids = [b.id for b in restored]
        return Focus(self.briefing_id, blocks=tuple(self.block_ids))


# ---------------------------------------------------------------- whole briefings


class CreateBriefingCommand(ComposerCommand):
    """A new briefing (from a template) or a duplicate; undo removes it again."""

    def __init__(self, session, briefing: Briefing | None, text: str,
                 duplicate_of: str | None = None, title: str = ""):
        super().__init__(session, text, briefing.id if briefing else None)
        self.briefing = briefing
        self.duplicate_of, self.title = duplicate_of, title
        self.saved: Briefing | None = None

    def apply(self) -> Focus:
        if self.saved is not None:
            self.saved = self.fb.restore_briefing(self.saved)
        elif self.duplicate_of is not None:
            self.saved = self.fb.duplicate_briefing(self.duplicate_of, self.title)
        else:
            self.saved = self.fb.save_briefing(self.briefing)
        self.briefing_id = self.saved.id
        return Focus(self.briefing_id)

    def revert(self) -> Focus:
        self.saved = self.fb.remove_briefing(self.briefing_id)
        return Focus(None, list_only=True)


class DeleteBriefingCommand(ComposerCommand):
    def __init__(self, session, briefing_id: str, title: str):
        super().__init__(session,
                         translate("Composer", "Delete briefing “%1”").replace("%1", title),
                         briefing_id)
        self.removed: Briefing | None = None

    def apply(self) -> Focus:
        self.removed = self.fb.remove_briefing(self.briefing_id)
        if self.removed is None:
            raise FactBaseError(translate("Composer", "The briefing no longer exists."))
        return Focus(None, list_only=True)

    def revert(self) -> Focus:
        self.fb.restore_briefing(self.removed)
        return Focus(self.briefing_id)
