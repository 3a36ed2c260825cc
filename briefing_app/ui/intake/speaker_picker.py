"""Who said a quote: the article's people and the fact base's, and whether the choice
links to a person already in the fact base or adds a new one.

An editable combo box: pick a name from the list, or type one. A typed name that matches
nobody becomes a new person when the proposals are accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from briefing_app.core.model import Person
from briefing_app.exchange.intake import Extraction, PersonProposal, new_id

LINKED_STYLE = "color: #1b5e20;"
NEW_STYLE = "color: #8a4b00;"


class SpeakerPicker(QWidget):
    """``speaker_chosen(person id or None)`` after a pick or an edit."""

    speaker_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QComboBox(self)
        self.box.setObjectName("speakerBox")
        self.box.setEditable(True)
        self.box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.box.setAccessibleName(self.tr("Speaker"))
        self.state = QLabel(self)
        self.state.setObjectName("speakerLink")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.state)
        self.setFocusProxy(self.box)
        self._extraction: Extraction | None = None
        self._known: list[Person] = []
        self.box.activated.connect(self._picked)
        self.box.lineEdit().editingFinished.connect(self._typed)

    def set_people(self, extraction: Extraction, known: list[Person]) -> None:
        """The article's people first, then the rest of the fact base's."""
        self._extraction = extraction
        self._known = known
        self._fill()

    def _fill(self) -> None:
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("(no speaker)"), None)
        taken = set()
        for person in self._extraction.people:
            self.box.addItem(person.name, person.id)
            taken.add(person.id)
        for person in sorted(self._known, key=lambda p: p.name.casefold()):
            if person.id not in taken:
                self.box.addItem(person.name, person.id)
        self.box.blockSignals(False)

    def set_speaker(self, person_id: str | None) -> None:
        index = self.box.findData(person_id)
        self.box.setCurrentIndex(max(index, 0))
        self._show_state(person_id)

    def speaker(self) -> str | None:
        return self.box.currentData()

    def _picked(self, index: int) -> None:
        person_id = self.box.itemData(index)
        self._adopt_known(person_id)
        self._show_state(person_id)
        self.speaker_chosen.emit(person_id)

    def _typed(self) -> None:
        name = " ".join(self.box.currentText().split())
        if not name or name == self.box.itemText(self.box.currentIndex()):
            return
        index = self.box.findText(name)
        if index < 0:  # nobody of that name: a new person, added when accepted
            person = PersonProposal(new_id(), name)
            self._extraction.people.append(person)
            self._fill()
            index = self.box.findData(person.id)
        self.box.setCurrentIndex(index)
        self._picked(index)

    def _adopt_known(self, person_id: str | None) -> None:
        """A fact-base person not named in the article joins the proposals, as stored."""
        if person_id is None or self._extraction.person(person_id) is not None:
            return
        person = next(p for p in self._known if p.id == person_id)
        self._extraction.people.append(PersonProposal(
            person.id, person.name, person.role, person.organization, person.country,
            existing=person))

    def _show_state(self, person_id: str | None) -> None:
        person = self._extraction.person(person_id) if self._extraction else None
        linked = person is not None and person.existing is not None
        if person is None:
            self.state.setText("")
            self.state.setToolTip("")
        elif linked:
            self.state.setText(self.tr("in the fact base"))
            self.state.setStyleSheet(LINKED_STYLE)
            self.state.setToolTip(self.tr("Accept links the quote to this person"))
        else:
            self.state.setText(self.tr("new person"))
            self.state.setStyleSheet(NEW_STYLE)
            self.state.setToolTip(self.tr("Accept adds this person to the fact base"))
