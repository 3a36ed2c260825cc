"""Manage People: every person with how many items name them; new, edit, merge, delete."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from briefing_app.ui import commands
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.fields.person_fields import PersonDialog
from briefing_app.ui.manage.base import MergeDialog, RecordsDialog
from briefing_app.ui.user_text import Button, ask


class ManagePeopleDialog(RecordsDialog):
    headers = (
        QT_TRANSLATE_NOOP("RecordsDialog", "Name"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Role"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Organization"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Country"),
        QT_TRANSLATE_NOOP("RecordsDialog", "Items"),
    )

    def __init__(self, controller, parent=None):
        super().__init__(controller, parent)
        self.setObjectName("managePeopleDialog")
        self.setWindowTitle(self.tr("People"))
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(self.tr("People"))
        self.new_button = self.button("newPersonButton", self.tr("&New…"), self.new_person)
        self.edit_button = self.button("editPersonButton", self.tr("&Edit…"), self.edit_person)
        self.merge_button = self.button(
            "mergePeopleButton", self.tr("&Merge…"), self.merge_people,
            self.tr("Select two people who are the same person"))
        self.delete_button = self.button(
            "deletePersonButton", self.tr("&Delete"), self.delete_person,
            self.tr("Only people no item or briefing names can be deleted"))
        self.button_row.addStretch(1)
        self.hint.setText(self.tr(
            "Double-click a person to edit them. To clean up a duplicate, select both and "
            "choose Merge: everything that names one will name the other."))
        self.table.doubleClicked.connect(lambda _index: self.edit_person())

    def rows(self):
        counts = {c.id: c.items for c in self.fb.people_counts()}
        return [(p.id, [p.name, p.role, p.organization, p.country, str(counts.get(p.id, 0))])
                for p in self.fb.list_people()]

    def update_buttons(self) -> None:
        count = len(self.selected_keys())
        self.edit_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count == 2)
        self.delete_button.setEnabled(count == 1)

    def new_person(self) -> None:
        dialog = PersonDialog(None, self)
        with asked(dialog) as accepted:
            new = dialog.person()
        if accepted:
            self.controller.run_or_report(commands.save_person(self.fb, new))

    def edit_person(self) -> None:
        keys = self.selected_keys()
        person = self.fb.get_person(keys[0]) if len(keys) == 1 else None
        if person is None:
            return
        dialog = PersonDialog(person, self)
        with asked(dialog) as accepted:
            edited = dialog.person()
        if accepted and edited != person:
            self.controller.run_or_report(commands.save_person(self.fb, edited))

    def merge_people(self) -> None:
        keys = self.selected_keys()
        if len(keys) != 2:
            return
        first, second = (self.fb.get_person(k) for k in keys)
        uses = self.fb.person_uses(first.id), self.fb.person_uses(second.id)
        detail = self.tr(
            "Every item and briefing that names the other one will name the one you keep "
            "(%d and %d references now); the other is then deleted. Edit ▸ Undo takes the "
            "merge back.") % uses
        dialog = MergeDialog(self.tr("People"), (first.id, first.name),
                             (second.id, second.name), detail, self,
                             keep_second=uses[1] > uses[0])
        with asked(dialog) as accepted:
            survivor, other = dialog.survivor(), dialog.other()
        if not accepted:
            return
        survivor, other = self.fb.get_person(survivor), self.fb.get_person(other)
        self.controller.run_or_report(commands.merge_people(survivor, other))

    def delete_person(self) -> None:
        keys = self.selected_keys()
        person = self.fb.get_person(keys[0]) if len(keys) == 1 else None
        if person is None:
            return
        answer = ask(self, self.tr("Delete Person"), self.tr("Delete %s?") % person.name,
                     Button.Yes | Button.No, Button.No)
        if answer == Button.Yes:
            self.controller.run_or_report(commands.delete_person(person))
