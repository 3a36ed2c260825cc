"""Manage Sources: every source with how many items cite it; new, edit, merge, delete."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefing_app.ui import commands
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.fields.record_labels import source_label
from briefing_app.ui.fields.source_fields import SourceDialog
from briefing_app.ui.local_dates import format_partial_date
from briefing_app.ui.manage.base import MergeDialog, RecordsDialog
from briefing_app.ui.user_text import Button, ask


def _date(value: str) -> str:
    return format_partial_date(value)  # in the user's locale; a bad value as stored


class ManageSourcesDialog(RecordsDialog):
    headers = (
        QT_TRANSLATE_NOOP("RecordsDialog", "Outlet"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Title"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Published"),
        QT_TRANSLATE_NOOP("RecordsDialog", "URL"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Items"),
    )

    def __init__(self, controller, parent=None):
        super().__init__(controller, parent)
        self.setObjectName("manageSourcesDialog")
        self.setWindowTitle(self.tr("Sources"))
        self.table.setObjectName("sourcesTable")
        self.table.setAccessibleName(self.tr("Sources"))
        self.new_button = self.button("newSourceButton", self.tr("&New…"), self.new_source)
        self.edit_button = self.button("editSourceButton", self.tr("&Edit…"), self.edit_source)
        self.merge_button = self.button(
            "mergeSourcesButton", self.tr("&Merge…"), self.merge_sources,
            self.tr("Select two sources that are the same article or outlet"))
        self.delete_button = self.button(
            "deleteSourceButton", self.tr("&Delete"), self.delete_source,
            self.tr("Only sources no item cites can be deleted"))
        self.button_row.addStretch(1)
        self.hint.setText(self.tr(
            "Double-click a source to edit it. To clean up a duplicate, select both and "
            "choose Merge: the items citing one will cite the other."))
        self.table.doubleClicked.connect(lambda _index: self.edit_source())

    def rows(self):
        counts = self.fb.source_use_counts()
        return [(s.id, [s.outlet, s.title, _date(s.published), s.url, str(counts.get(s.id, 0))])
                for s in self.fb.list_sources()]

    def update_buttons(self) -> None:
        count = len(self.selected_keys())
        self.edit_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count == 2)
        self.delete_button.setEnabled(count == 1)

    def new_source(self) -> None:
        dialog = SourceDialog(None, self)
        with asked(dialog) as accepted:
            new = dialog.source()
        if accepted:
            self.controller.run_or_report(commands.save_source(self.fb, new))

    def edit_source(self) -> None:
        keys = self.selected_keys()
        source = self.fb.get_source(keys[0]) if len(keys) == 1 else None
        if source is None:
            return
        dialog = SourceDialog(source, self)
        with asked(dialog) as accepted:
            edited = dialog.source()
        if accepted and edited != source:
            self.controller.run_or_report(commands.save_source(self.fb, edited))

    def merge_sources(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 2:
            return
        first, second = (self.fb.get_source(k) for k in keys)
        counts = self.fb.source_use_counts()
        detail = self.tr(
            "The items citing the other one (%d and %d now) will cite the one you keep; the "
            "other is then deleted. Edit ▸ Undo takes the merge back.") % (
            counts.get(first.id, 0), counts.get(second.id, 0))
        dialog = MergeDialog(self.tr("Sources"), (first.id, source_label(first)),
                             (second.id, source_label(second)), detail, self,
                             keep_second=counts.get(second.id, 0) > counts.get(first.id, 0))
        with asked(dialog) as accepted:
            survivor, other = dialog.survivor(), dialog.other()
        if not accepted:
            return
        survivor, other = self.fb.get_source(survivor), self.fb.get_source(other)
        self.controller.run_or_report(commands.merge_sources(survivor, other))

    def delete_source(self) -> None:
        keys = self.selected_keys()
        source = self.fb.get_source(keys[0]) if len(keys) == 1 else None
        if source is None:
            return
        answer = ask(self, self.tr("Delete Source"), self.tr("Delete %s?") % source_label(source),
                     Button.Yes | Button.No, Button.No)
        if answer == Button.Yes:
            self.controller.run_or_report(commands.delete_source(source))
