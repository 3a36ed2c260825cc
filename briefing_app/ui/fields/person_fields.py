"""People in the item editor: the speaker picker, the people picker and the person dialog.

Both pickers offer a "New person…" button that opens :class:`PersonDialog`; the person
joins the :class:`~.draft_catalog.DraftCatalog` and is saved with the item. Typing a name
that nobody has in the people picker offers to create that person too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Person
from briefing_app.ui.fields.choosers import RecordPicker
from briefing_app.ui.fields.draft_catalog import DraftCatalog
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.fields.record_labels import person_label
from briefing_app.ui.user_text import user_text_label


class PersonDialog(QDialog):
    """Name (required), role, organization, country and notes of one person."""

    def __init__(self, person: Person | None = None, parent: QWidget | None = None, *,
                 catalog: DraftCatalog | None = None):
        super().__init__(parent)
        self._person = person or Person(id="", name="")
        self._catalog = catalog
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("Edit Person") if self._person.id else self.tr("New Person"))
        self.name = self._line("personName", self.tr("Name"), self._person.name)
        self.role = self._line("personRole", self.tr("Role"), self._person.role)
        self.organization = self._line(
            "personOrganization", self.tr("Organization"), self._person.organization)
        self.country = self._line("personCountry", self.tr("Country"), self._person.country)
        self.notes = QPlainTextEdit(self._person.notes, self)
        self.notes.setObjectName("personNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.message = user_text_label(self)  # names the person already there
        self.message.setObjectName("personMessage")
        self.message.setStyleSheet("color: #8a5a00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.message)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Organization:"), self.organization)
        form.addRow(self.tr("Coun&try:"), self.country)
        form.addRow(self.tr("N&otes:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        self.name.textChanged.connect(self._check)
        self._check()

    def _line(self, name: str, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        return edit

    def _check(self) -> None:
        name = self.name.text().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name))
        same = self._catalog.find_person(name) if self._catalog and name else None
        if not name:
            self.message.setText(self.tr("A person needs a name."))
        elif same is not None and same.id != self._person.id:
            self.message.setText(self.tr("Note: %s is already in the fact base.") % same.name)
        else:
            self.message.setText("")
        self.message.setVisible(bool(self.message.text()))

    def person(self) -> Person:
        return Person(
            id=self._person.id, name=self.name.text().strip(), role=self.role.text().strip(),
            organization=self.organization.text().strip(), country=self.country.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )


def create_person(parent: QWidget, catalog: DraftCatalog, name: str = "") -> Person | None:
    """Ask for a new person (name prefilled) and add them to the draft; None if cancelled."""
    dialog = PersonDialog(Person(id="", name=name), parent, catalog=catalog)
    with asked(dialog) as accepted:
        person = dialog.person()
    return catalog.add_person(person) if accepted else None


class SpeakerPicker(RecordPicker):
    """Who said the quote: a list of people and a "New person…" button."""

    def __init__(self, catalog: DraftCatalog, parent: QWidget | None = None):
        self._catalog = catalog
        translate = QCoreApplication.translate
        super().__init__(
            parent, reloaded=catalog.peopleChanged, box_name="speakerBox",
            box_label=translate("SpeakerPicker", "Speaker"),
            none_text=translate("SpeakerPicker", "(no speaker)"), button_name="newSpeakerButton",
            button_label=translate("SpeakerPicker", "New person as speaker"),
            button_tip=translate("SpeakerPicker", "Create a person and make them the speaker"),
        )

    def _entries(self) -> list[tuple[str, str, str]]:
        label = self._catalog.person_label
        return [(person.id, label(person), "") for person in self._catalog.people()]

    def _create_record(self) -> str | None:
        person = create_person(self, self._catalog)
        return person.id if person is not None else None

    speaker = RecordPicker.current_id
    set_speaker = RecordPicker.set_current_id


class _EntryLine(QLineEdit):
    """A line edit whose Enter adds what was typed; it never closes the dialog (an Enter
    that chose a name in the completion list reaches it too, after the list closed)."""

    entered = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip():
                self.entered.emit(self.text())
            event.accept()
            return
        super().keyPressEvent(event)


class PeoplePicker(QWidget):
    """The people an item concerns, in order: type a name to add, or create a person."""

    changed = Signal()

    def __init__(self, catalog: DraftCatalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self.list = QListWidget(self)
        self.list.setObjectName("peopleList")
        self.list.setAccessibleName(self.tr("People"))
        self.list.setFixedHeight(self.list.fontMetrics().height() * 4 + 12)
        self.entry = _EntryLine(self)
        self.entry.setObjectName("addPersonEdit")
        self.entry.setAccessibleName(self.tr("Add a person by name"))
        self.entry.setPlaceholderText(self.tr("Add by name…"))
        self.entry.setToolTip(self.tr("Type a name and press Enter; a new name creates a person"))
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self.entry)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(self._completer)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setObjectName("newPersonButton")
        self.new_button.setAccessibleName(self.tr("New person"))
        self.new_button.setToolTip(self.tr("Create a person and add them"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removePersonButton")
        self.remove_button.setAccessibleName(self.tr("Remove the selected person"))
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._refresh_names()
        catalog.peopleChanged.connect(self._refresh_names)
        self.entry.entered.connect(self._add_typed)
        self._completer.activated[str].connect(self._add_typed)
        self.new_button.clicked.connect(lambda: self._create(""))
        self.remove_button.clicked.connect(self._remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def people(self) -> list[str]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.list.count())]

    def set_people(self, person_ids: list[str]) -> None:
        self.list.clear()
        for person_id in person_ids:
            self._append(person_id)
        self._update_buttons()

    def add_person(self, person_id: str) -> None:
        if person_id not in self.people():
            self._append(person_id)
            self.changed.emit()
        self._update_buttons()

    def _append(self, person_id: str) -> None:
        person = self._catalog.get_person(person_id)
        label = person_label(person) if person else self.tr("(missing person %s)") % person_id
        entry = QListWidgetItem(label, self.list)
        entry.setData(Qt.ItemDataRole.UserRole, person_id)

    def _refresh_names(self) -> None:
        self._names.setStringList([p.name for p in self._catalog.people()])
        for row in range(self.list.count()):
            entry = self.list.item(row)
            person = self._catalog.get_person(entry.data(Qt.ItemDataRole.UserRole))
            if person:
                entry.setText(person_label(person))

    def _add_typed(self, text: str) -> None:
        name = text.strip()
        if not name:
            return
        person = self._catalog.find_person(name)
        if person is None:
            person = self._create(name)
            if person is None:
                return  # cancelled: the typed name stays in the box
        else:
            self.add_person(person.id)
        self.entry.clear()

    def _create(self, name: str) -> Person | None:
        person = create_person(self, self._catalog, name)
        if person is not None:
            self.add_person(person.id)
        return person

    def _remove_selected(self) -> None:
        for entry in self.list.selectedItems():
            self.list.takeItem(self.list.row(entry))
        self.changed.emit()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
