"""The chosen proposal, editable: its text, speaker, date, tags and status.

Edits go straight into the proposal object; Accept reads them from there. The speaker
row is shown for quotes only, the date for every kind (a fact may have one too).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from briefing_app.core.model import Person
from briefing_app.exchange.intake import Extraction, ItemProposal
from briefing_app.ui.fields.choosers import StatusChooser
from briefing_app.ui.fields.date_field import PartialDateField
from briefing_app.ui.intake.speaker_picker import SpeakerPicker
from briefing_app.ui.labels import kind_label


class ProposalForm(QWidget):
    """``edited(proposal)`` after any change to the shown proposal."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("proposalForm")
        self._proposal: ItemProposal | None = None
        self.kind = QLabel(self)
        self.kind.setObjectName("proposalKind")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("proposalText")
        self.text.setAccessibleName(self.tr("Text"))
        self.text.setMaximumHeight(110)
        self.speaker = SpeakerPicker(self)
        self.date = PartialDateField("proposalDate", self)
        self.date.setAccessibleName(self.tr("Date"))
        self.tags = QLineEdit(self)
        self.tags.setObjectName("proposalTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.status = StatusChooser(self)
        self.status.setObjectName("proposalStatus")
        self.status.setAccessibleName(self.tr("Status"))
        self.form = QFormLayout(self)
        self.form.addRow(self.kind)
        self.form.addRow(self.tr("&Text:"), self.text)
        self.form.addRow(self.tr("S&peaker:"), self.speaker)
        self.form.addRow(self.tr("&Date:"), self.date)
        self.form.addRow(self.tr("T&ags:"), self.tags)
        self.form.addRow(self.tr("&Status:"), self.status)
        self.text.textChanged.connect(self._text_changed)
        self.speaker.speaker_chosen.connect(self._speaker_changed)
        self.date.textChanged.connect(self._date_changed)
        self.tags.textEdited.connect(self._tags_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.setEnabled(False)

    def set_people(self, extraction: Extraction, known: list[Person]) -> None:
        self.speaker.set_people(extraction, known)

    def show_proposal(self, proposal: ItemProposal | None) -> None:
        self._proposal = None  # no edits while the fields are filled
        self.setEnabled(proposal is not None)
        if proposal is None:
            self.kind.setText("")
            self.text.setPlainText("")
            return
        self.kind.setText(kind_label(proposal.kind))
        self.text.setPlainText(proposal.text)
        self.speaker.set_speaker(proposal.speaker)
        self.form.setRowVisible(self.speaker, proposal.kind == "quote")
        self.date.set_text(proposal.date)
        self.tags.setText(", ".join(proposal.tags))
        self.status.set_status(proposal.status)
        self._proposal = proposal

    def has_valid_date(self) -> bool:
        return self.date.is_valid()

    def _changed(self) -> None:
        self.edited.emit(self._proposal)

    def _text_changed(self) -> None:
        if self._proposal is not None:
            self._proposal.text = self.text.toPlainText().strip()
            self._changed()

    def _speaker_changed(self, person_id: str | None) -> None:
        proposal = self._proposal
        if proposal is not None:
            # The speaker leads the item's people; the one replaced leaves with the role.
            people = [p for p in proposal.people if p not in (proposal.speaker, person_id)]
            proposal.people = ([person_id] if person_id else []) + people
            proposal.speaker = person_id
            self._changed()

    def _date_changed(self, _text: str) -> None:
        if self._proposal is not None and self.date.is_valid():
            self._proposal.date = self.date.value()
            self._proposal.relative_date = False  # the staffer's date stays
            self._proposal.undated = False
            self._changed()

    def _tags_changed(self, text: str) -> None:
        if self._proposal is not None:
            tags = {}
            for tag in (" ".join(t.split()) for t in text.split(",")):
                if tag:
                    tags.setdefault(tag.casefold(), tag)  # the store folds a tag's case
            self._proposal.tags = list(tags.values())
            self._changed()

    def _status_changed(self, _index: int) -> None:
        if self._proposal is not None:
            self._proposal.status = self.status.status()
            self._changed()
