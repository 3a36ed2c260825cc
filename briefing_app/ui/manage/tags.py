"""Manage Tags: every tag with its item count; rename everywhere, merge, delete.

Renaming happens in place: double-click (or F2 on) a tag's name, type, press Enter. The
rename reaches every item at once (``fb.rename_tag``); a name another tag already has is
refused with a pointer to Merge.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QAbstractItemView

from briefing_app.ui import commands
from briefing_app.ui.bulk import count_text
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.manage.base import MergeDialog, RecordsDialog
from briefing_app.ui.user_text import Button, ask


class ManageTagsDialog(RecordsDialog):
    headers = (
        QT_TRANSLATE_NOOP("RecordsDialog", "Tag"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Items"),
    )
    names_editable = True

    def __init__(self, controller, parent=None):
        super().__init__(controller, parent)
        self.setObjectName("manageTagsDialog")
        self.setWindowTitle(self.tr("Tags"))
        self.table.setObjectName("tagsTable")
        self.table.setAccessibleName(self.tr("Tags"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.rename_button = self.button("renameTagButton", self.tr("&Rename…"), self.rename_tag,
                                         self.tr("Rename the tag on every item"))
        self.merge_button = self.button(
            "mergeTagsButton", self.tr("&Merge…"), self.merge_tags,
            self.tr("Select two tags that mean the same"))
        self.delete_button = self.button(
            "deleteTagButton", self.tr("&Delete…"), self.delete_tag,
            self.tr("Remove the tag from every item"))
        self.button_row.addStretch(1)
        self.hint.setText(self.tr(
            "Double-click a tag (or press F2) to rename it on every item. Two tags that mean "
            "the same? Select both and choose Merge."))
        self.records.renamed.connect(self._name_edited)
        self.resize(480, 460)

    def rows(self):
        return [(name, [name, str(count)]) for name, count in self.fb.list_tags()]

    def update_buttons(self) -> None:
        count = len(self.selected_keys())
        self.rename_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count == 2)
        self.delete_button.setEnabled(count == 1)

    def rename_tag(self) -> None:
        keys = self.selected_keys()
        row = self.row_of(keys[0]) if len(keys) == 1 else None
        if row is not None:
            index = self.records.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def _name_edited(self, old: str, typed: str) -> None:
        new = typed.strip()
        if not old or new == old:
            return
        # Rename after the editor has closed: the reload replaces the table's cells.
        QTimer.singleShot(0, lambda: self._rename(old, new))

    def _rename(self, old: str, new: str) -> None:
        if not new or not self.controller.run_or_report(commands.rename_tag(old, new)):
            self.reload()  # refused or emptied: show the old name again
            return
        row = self.row_of(new)
        if row is not None:
            self.table.selectRow(row)

    def merge_tags(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 2:
            return
        counts = dict(self.fb.list_tags())
        detail = self.tr(
            "Items tagged with the other one (%s and %s now) get the one you keep; the other "
            "tag is then deleted. Edit ▸ Undo takes the merge back.") % (
            count_text(counts.get(keys[0], 0)), count_text(counts.get(keys[1], 0)))
        dialog = MergeDialog(self.tr("Tags"), (keys[0], keys[0]), (keys[1], keys[1]),
                             detail, self,
                             keep_second=counts.get(keys[1], 0) > counts.get(keys[0], 0))
        with asked(dialog) as accepted:
            survivor, other = dialog.survivor(), dialog.other()
        if accepted:
            self.controller.run_or_report(commands.merge_tags(survivor, other))

    def delete_tag(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            return
        uses = dict(self.fb.list_tags()).get(keys[0], 0)
        answer = ask(
            self, self.tr("Delete Tag"),
            self.tr("Remove the tag “%s” from %s and delete it?") % (keys[0], count_text(uses)),
            Button.Yes | Button.No, Button.No)
        if answer == Button.Yes:
            self.controller.run_or_report(commands.delete_tag(keys[0]))
