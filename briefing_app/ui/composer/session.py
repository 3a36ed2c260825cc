"""The open briefing and the edits made to it.

Everything that changes a briefing goes through a :class:`ComposerSession` method, which
performs one core operation (:mod:`briefing_app.core.operations.composer`, labelled by
:mod:`.commands`) through the window's undo stack; it writes the change to the fact base
at once. After every change the session reloads the
briefing from the fact base and emits :attr:`ComposerSession.changed`, so the tree, the
header form, the preview and the warnings always show what is stored, never a copy that
could drift from it.

The staffer's preferences (FROM line and note style of new briefings, the stale-item limit
of the warnings) reach the session through :meth:`ComposerSession.set_preferences`; until
then the defaults apply.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from briefing_app.core.errors import FactBaseError
from briefing_app.core.model import Block, Briefing, Item
from briefing_app.core.operations import composer as ops
from briefing_app.core.operations.composer import BriefingOperation
from briefing_app.core.stock_headings import heading_changes
from briefing_app.core.templates import load_template, new_briefing
from briefing_app.document import composer_ops
from briefing_app.ui.labels import block_kind_label
from briefing_app.ui.settings import Preferences

from . import commands as cmd
from .commands import Focus


class ComposerSession(QObject):
    changed = Signal()  # the open briefing was edited, reloaded, opened or closed
    opened = Signal()  # another briefing (or none) is now open
    briefingsChanged = Signal()  # the list of briefings may have changed
    focusChanged = Signal(object)  # Focus: what to select after the last change
    failed = Signal(str)  # a message for people
    preferencesChanged = Signal()  # new preferences: the warnings are checked again

    def __init__(self, fact_base, undo_stack, parent: QObject | None = None):
        super().__init__(parent)
        self.fact_base = fact_base
        self.undo_stack = undo_stack
        self.briefing: Briefing | None = None
        self.items: dict[str, Item] = {}
        self.focus = Focus(None)
        self.current_section_id: int | None = None  # where "Add to briefing" puts items
        self.preferences = Preferences()
        undo_stack.performed.connect(self._performed)
        undo_stack.failed.connect(self._failed)

    def set_preferences(self, preferences: Preferences) -> None:
        """Use these preferences from now on (new briefings, warnings, exports)."""
        if preferences != self.preferences:
            self.preferences = preferences
            self.preferencesChanged.emit()

    # ------------------------------------------------------------ opening and reloading

    @property
    def briefing_id(self) -> str | None:
        return self.briefing.id if self.briefing else None

    def open(self, briefing_id: str | None) -> None:
        """Show another briefing (``None``: none); a no-op for the one already open."""
        if briefing_id == self.briefing_id and briefing_id is not None:
            return
        self.current_section_id = None
        self._load(briefing_id)
        self.opened.emit()
        self.changed.emit()

    def reload(self) -> None:
        """Read the open briefing and its items again (after a change in the fact base)."""
        self._load(self.briefing_id)
        if self.briefing is None:
            self.opened.emit()
        self.changed.emit()

    def _load(self, briefing_id: str | None) -> None:
        try:
            self.briefing = self.fact_base.get_briefing(briefing_id) if briefing_id else None
            ids = self.briefing.item_ids() if self.briefing else []
            self.items = {item.id: item for item in self.fact_base.get_items(ids)}
        except FactBaseError as error:
            self.briefing, self.items = None, {}
            self.failed.emit(str(error))

    def item(self, item_id: str | None) -> Item | None:
        return self.items.get(item_id) if item_id else None

    # A Catalog (see model.Catalog) answering items from the cache loaded with the
    # briefing, so checks after every keystroke do not query each cited item again.
    def get_item(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def get_items(self, ids) -> list[Item]:
        return [self.items[i] for i in dict.fromkeys(ids) if i in self.items]

    def get_person(self, person_id: str):
        return self.fact_base.get_person(person_id)

    def get_source(self, source_id: str):
        return self.fact_base.get_source(source_id)

    def used_item_ids(self) -> set[str]:
        return set(self.briefing.item_ids()) if self.briefing else set()

    def section(self, section_id: int | None):
        for section in self.briefing.sections if self.briefing else []:
            if section.id == section_id:
                return section
        return None

    def block(self, block_id: int | None) -> Block | None:
        for section in self.briefing.sections if self.briefing else []:
            for block in section.blocks:
                if block.id == block_id:
                    return block
        return None

    def section_of_block(self, block_id: int):
        for section in self.briefing.sections if self.briefing else []:
            if any(block.id == block_id for block in section.blocks):
                return section
        return None

    # ------------------------------------------------------------ after an operation

    def _performed(self, _changes, operation) -> None:
        if isinstance(operation, BriefingOperation):
            self.after_edit(operation.focus)

    def _failed(self, message: str, operation) -> None:
        if isinstance(operation, BriefingOperation):
            self.report_error(message)

    def after_edit(self, focus: Focus) -> None:
        self.focus = focus
        if focus.briefing_id is not None and focus.briefing_id != self.briefing_id:
            self.open(focus.briefing_id)  # undo of an edit to another briefing: show it
        elif focus.list_only and self.briefing_id is not None \
                and self.fact_base.get_briefing(self.briefing_id) is None:
            self.open(None)  # the open briefing was deleted
        else:
            self.reload()
        self.briefingsChanged.emit()
        self.focusChanged.emit(focus)

    def report_error(self, message: str) -> None:
        self.failed.emit(message)

    def _push(self, operation: BriefingOperation) -> bool:
        """Perform an edit; a refusal is reported (nothing is kept). True when it ran."""
        try:
            self.undo_stack.perform(operation)
        except (FactBaseError, ValueError) as error:
            self.report_error(str(error))
            return False
        return True

    # ------------------------------------------------------------ whole briefings

    def create_briefing(self, template_name: str, title: str) -> str | None:
        """A new briefing with the template's sections, FROM line and note style from the
        preferences; opened. Returns its id."""
        briefing = new_briefing(load_template(template_name), title,
                                from_=self.preferences.from_line,
                                note_style=self.preferences.note_style,
                                page_size=self.preferences.cleaned().page_size)
        operation = cmd.create_briefing(briefing, title)
        return operation.briefing_id if self._push(operation) else None

    def duplicate_briefing(self, briefing_id: str) -> str | None:
        original = self.fact_base.get_briefing(briefing_id)
        if original is None:
            return None
        existing = {s.title for s in self.fact_base.list_briefings()}
        title = composer_ops.copy_title(original.title, existing)
        operation = ops.CreateBriefing(
            None, duplicate_of=briefing_id, title=title,
            label=cmd.translate("Composer", "Duplicate briefing “%1”").replace(
                "%1", original.title))
        return operation.briefing_id if self._push(operation) else None

    def rename_briefing(self, briefing_id: str, title: str) -> None:
        current = self.fact_base.get_briefing(briefing_id)
        if current is None or current.title == title:
            return
        self._push(ops.UpdateHeader(briefing_id, {"title": title}, {"title": current.title},
                                    label=cmd.translate("Composer", "Rename briefing to “%1”")
                                    .replace("%1", title)))

    def delete_briefing(self, briefing_id: str) -> None:
        current = self.fact_base.get_briefing(briefing_id)
        if current is not None:
            self._push(cmd.delete_briefing(briefing_id, current.title))

    # ------------------------------------------------------------ header

    def set_header(self, name: str, value: object) -> None:
        """One header field of the open briefing (typing merges into one undo step)."""
        if self.briefing is None:
            return
        old = _header_value(self.briefing, name)
        if old == value:
            return
        label = cmd.translate("Composer", "Edit %1").replace(
            "%1", cmd.tr(HEADER_LABELS.get(name, name)))
        if name == "language":  # the stock headings follow, in the same undo step
            renames = heading_changes(self.briefing.sections, str(old), str(value))
            self._push(ops.ChangeMemoLanguage(self.briefing.id, str(value), str(old), renames,
                                              label=label))
            return
        self._push(ops.UpdateHeader(self.briefing.id, {name: value}, {name: old},
                                    label=label))

    # ------------------------------------------------------------ sections

    def add_section(self, position: int, heading: str) -> None:
        if self.briefing is not None:
            self._push(cmd.add_section(self.briefing.id, position, heading))

    def rename_section(self, section_id: int, heading: str) -> None:
        section = self.section(section_id)
        heading = heading.strip()
        if section is not None and heading and heading != section.heading:
            self._push(cmd.rename_section(self.briefing.id, section_id, heading,
                                          section.heading))

    def move_section(self, section_id: int, position: int) -> None:
        section = self.section(section_id)
        if section is None:
            return
        current = self.briefing.sections.index(section)
        position = max(0, min(position, len(self.briefing.sections) - 1))
        if position != current:
            self._push(ops.MoveSection(self.briefing.id, section_id, position,
                                       label=cmd.translate("Composer", "Move section")))

    def remove_section(self, section_id: int) -> None:
        section = self.section(section_id)
        if section is not None:
            self._push(cmd.remove_section(self.briefing.id, section_id, section.heading))

    # ------------------------------------------------------------ blocks

    def insert_items(self, section_id: int, position: int, item_ids: Sequence[str]) -> None:
        """Cite items at ``position`` of a section (-1: at its end)."""
        section = self.section(section_id)
        ids = [i for i in dict.fromkeys(item_ids) if i]
        if section is None or not ids:
            return
        if position < 0:
            position = len(section.blocks)
        text = (cmd.translate("Composer", "Add item to “%1”") if len(ids) == 1
                else cmd.translate("Composer", "Add %2 items to “%1”").replace("%2", str(len(ids))))
        self._push(ops.InsertBlocks(
            self.briefing.id, section_id, position, [Block(item=i) for i in ids],
            label=text.replace("%1", section.heading)))

    def add_text_block(self, section_id: int, position: int, style: str, text: str = "") -> None:
        section = self.section(section_id)
        if section is None:
            return
        if position < 0:
            position = len(section.blocks)
        label = block_kind_label(style).lower()
        self._push(ops.InsertBlocks(
            self.briefing.id, section_id, position, [Block(text=text, style=style)],
            label=cmd.translate("Composer", "Add %1").replace("%1", label)))

    def move_blocks(self, block_ids: Sequence[int], section_id: int, row: int) -> None:
        """Move blocks to drop row ``row`` (-1: the end) of a section."""
        section = self.section(section_id)
        if section is None:
            return
        if row < 0:
            row = len(section.blocks)
        steps = composer_ops.move_steps(self.briefing, list(block_ids), section_id, row)
        if steps:
            text = (cmd.translate("Composer", "Move block") if len(steps) == 1
                    else cmd.translate("Composer", "Move blocks"))
            self._push(ops.MoveBlocks(self.briefing.id, steps, label=text))

    def nudge_block(self, block_id: int, delta: int) -> None:
        """One place up (-1) or down (+1), into the next section at an end (Alt+Up/Down)."""
        if self.briefing is None:
            return
        target = composer_ops.nudge_target(self.briefing, block_id, delta)
        if target is not None:
            self.move_blocks([block_id], *target)

    def update_block(self, block_id: int, **changes: str) -> None:
        block = self.block(block_id)
        if block is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(block, k) != v}
        if not changes:
            return
        old = {k: getattr(block, k) for k in changes}
        name = cmd.tr(BLOCK_FIELD_LABELS.get(next(iter(changes)), BLOCK_FIELD_FALLBACK))
        self._push(ops.UpdateBlock(self.briefing.id, block_id, changes, old,
                                   label=cmd.translate("Composer", "Edit %1")
                                   .replace("%1", name)))

    def remove_blocks(self, block_ids: Sequence[int]) -> None:
        ids = [b for b in block_ids if self.block(b) is not None]
        if ids:
            text = (cmd.translate("Composer", "Remove block") if len(ids) == 1
                    else cmd.translate("Composer", "Remove blocks"))
            self._push(ops.RemoveBlocks(self.briefing.id, ids, label=text))


HEADER_LABELS = {  # "Edit %1" in the Undo menu; translated through commands.tr
    "title": QT_TRANSLATE_NOOP("Composer", "title"),
    "subject": QT_TRANSLATE_NOOP("Composer", "subject"),
    "to": QT_TRANSLATE_NOOP("Composer", "to"),
    "from_": QT_TRANSLATE_NOOP("Composer", "from"),
    "through": QT_TRANSLATE_NOOP("Composer", "through"),
    "date": QT_TRANSLATE_NOOP("Composer", "memo date"),
    "meeting_title": QT_TRANSLATE_NOOP("Composer", "meeting title"),
    "meeting_date": QT_TRANSLATE_NOOP("Composer", "meeting date"),
    "meeting_location": QT_TRANSLATE_NOOP("Composer", "meeting location"),
    "participants": QT_TRANSLATE_NOOP("Composer", "participants"),
    "marking": QT_TRANSLATE_NOOP("Composer", "marking"),
    "portion_marking": QT_TRANSLATE_NOOP("Composer", "portion marking"),
    "note_style": QT_TRANSLATE_NOOP("Composer", "note style"),
    "page_size": QT_TRANSLATE_NOOP("Composer", "page size"),
    "template": QT_TRANSLATE_NOOP("Composer", "template"),
    "language": QT_TRANSLATE_NOOP("Composer", "memo language"),
}
BLOCK_FIELD_LABELS = {
    "text": QT_TRANSLATE_NOOP("Composer", "text"),
    "style": QT_TRANSLATE_NOOP("Composer", "block style"),
    "note": QT_TRANSLATE_NOOP("Composer", "note"),
    "override": QT_TRANSLATE_NOOP("Composer", "override"),
}
BLOCK_FIELD_FALLBACK = QT_TRANSLATE_NOOP("Composer", "block")


def _header_value(briefing: Briefing, name: str) -> object:
    if name == "participants":
        return list(briefing.meeting.participants)
    if name.startswith("meeting_"):
        return getattr(briefing.meeting, name.removeprefix("meeting_"))
    return getattr(briefing, name)
