"""Bulk actions on the selected items: the changes themselves and the questions they ask.

The changes are plain functions from an item to the changed item (pure Python), which
:class:`~briefing_app.core.operations.items.EditItems` applies to every selected item in one
undoable step. The questions are small dialogs: which tags to add or remove, and whether
to delete (saying how many items and which briefings cite them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Item
from briefing_app.ui.fields.tag_editor import TagEditor
from briefing_app.ui.user_text import Button, ask

Change = Callable[[Item], Item]


translate = QCoreApplication.translate  # by this name, so lupdate reads the context


# ---------------------------------------------------------------- changes (pure)


def adding_tags(tags: Sequence[str]) -> Change:
    """Add tags an item lacks (letter case ignored), after its own."""
    def change(item: Item) -> Item:
        have = {t.casefold() for t in item.tags}
        extra = [t for t in tags if t.casefold() not in have]
        return replace(item, tags=[*item.tags, *extra]) if extra else item

    return change


def removing_tags(tags: Sequence[str]) -> Change:
    unwanted = {t.casefold() for t in tags}

    def change(item: Item) -> Item:
        kept = [t for t in item.tags if t.casefold() not in unwanted]
        return replace(item, tags=kept) if len(kept) != len(item.tags) else item

    return change


def setting_status(status: str) -> Change:
    return lambda item: replace(item, status=status) if item.status != status else item


def setting_marking(code: str) -> Change:
    return lambda item: replace(item, marking=code) if item.marking != code else item


def count_text(count: int) -> str:
    return translate("Bulk", "1 item") if count == 1 else translate("Bulk", "%d items") % count


# ---------------------------------------------------------------- questions


class AddTagsDialog(QDialog):
    """Which tags to add to the selected items (with completion from the fact base)."""

    def __init__(self, known_tags: Iterable[str], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addTagsDialog")
        self.setWindowTitle(translate("Bulk", "Add Tags"))
        self.label = label = QLabel(
            translate("Bulk", "Tags to add to %s (comma-separated):") % count_text(count), self)
        self.editor = TagEditor(known_tags, self)
        self.editor.setObjectName("addTagsEdit")
        self.editor.setAccessibleName(translate("Bulk", "Tags to add"))
        label.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self.editor.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.editor.tags()))

    def tags(self) -> list[str]:
        return self.editor.tags()


class RemoveTagsDialog(QDialog):
    """Which of the tags the selected items carry to remove (tick them)."""

    def __init__(self, tag_counts: dict[str, int], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("removeTagsDialog")
        self.setWindowTitle(translate("Bulk", "Remove Tags"))
        self.label = label = QLabel(
            translate("Bulk", "Tags to remove from %s:") % count_text(count), self)
        self.list = QListWidget(self)
        self.list.setObjectName("removeTagsList")
        self.list.setAccessibleName(translate("Bulk", "Tags to remove"))
        label.setBuddy(self.list)
        for name, uses in sorted(tag_counts.items(), key=lambda kv: kv[0].casefold()):
            row = QListWidgetItem(translate("Bulk", "%s (%s)") % (name, count_text(uses)),
                                  self.list)
            row.setData(Qt.ItemDataRole.UserRole, name)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._check)
        self._check()

    def set_checked(self, name: str, checked: bool = True) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == name:
                entry.setCheckState(Qt.CheckState.Checked if checked
                                    else Qt.CheckState.Unchecked)

    def tags(self) -> list[str]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.tags()))


def delete_question(count: int, briefing_titles: Sequence[str]) -> str:
    """The confirmation text: how many items and which briefings cite them."""
    text = translate("Bulk", "Delete %s?") % count_text(count)
    if briefing_titles:
        shown = "\n".join(f"• {title}" for title in briefing_titles[:8])
        more = len(briefing_titles) - 8
        if more > 0:
            shown += "\n" + translate("Bulk", "… and %d more") % more
        cite = (translate("Bulk", "These briefings cite it and will show it as missing:")
                if count == 1 else
                translate("Bulk", "These briefings cite them and will show them as missing:"))
        text += "\n\n" + cite + "\n" + shown
    else:
        text += "\n\n" + (translate("Bulk", "No briefing cites it.") if count == 1
                           else translate("Bulk", "No briefing cites them."))
    text += "\n\n" + translate("Bulk", "You can undo this with Edit ▸ Undo.")
    return text


def confirm_delete(parent: QWidget, fb, ids: Sequence[str]) -> bool:
    """Ask before deleting; names the briefings that use the items."""
    titles = [b.title or b.id for b in fb.briefings_using(ids)]
    answer = ask(parent, translate("Bulk", "Delete Items"), delete_question(len(ids), titles),
                 Button.Yes | Button.No, Button.No)
    return answer == Button.Yes
