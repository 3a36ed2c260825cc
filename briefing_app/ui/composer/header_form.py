"""The memo header form: title, addressees, dates, meeting, marking, notes and language.

Each field is saved as the staffer types (through the session, one undo step per field
while typing continues in it). When the briefing changes underneath (undo, another
briefing opened) a field is only rewritten if its stored value differs from what it
shows, so typing is never interrupted by its own save. A date is saved when the staffer
leaves the field or presses Enter, if it is a valid partial date; otherwise the field is
tinted and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from briefing_app.core import dates
from briefing_app.core.markings import MarkingError, scheme_for
from briefing_app.core.model import NOTE_STYLES, PAGE_SIZES
from briefing_app.core.templates import TemplateError, available_templates, load_template
from briefing_app.store import FactBaseError
from briefing_app.ui.fields.record_labels import person_role
from briefing_app.ui.labels import note_style_label, page_size_label

from .participants import ParticipantsModel
from .session import ComposerSession

TEXT_FIELDS = (  # label and hint, shown through self.tr (the HeaderForm context)
    ("title", QT_TRANSLATE_NOOP("HeaderForm", "Briefing title"),
     QT_TRANSLATE_NOOP("HeaderForm", "How the briefing is listed, e.g. Petro meeting brief")),
    ("subject", QT_TRANSLATE_NOOP("HeaderForm", "Subject"),
     QT_TRANSLATE_NOOP("HeaderForm", "The SUBJECT line of the memo")),
    ("to", QT_TRANSLATE_NOOP("HeaderForm", "To"),
     QT_TRANSLATE_NOOP("HeaderForm", "The principal the memo is for")),
    ("from_", QT_TRANSLATE_NOOP("HeaderForm", "From"),
     QT_TRANSLATE_NOOP("HeaderForm", "Who sends it")),
    ("through", QT_TRANSLATE_NOOP("HeaderForm", "Through"),
     QT_TRANSLATE_NOOP("HeaderForm", "Who it passes through on the way (optional)")),
    ("date", QT_TRANSLATE_NOOP("HeaderForm", "Memo date"),
     QT_TRANSLATE_NOOP("HeaderForm", "YYYY-MM-DD")),
    ("meeting_title", QT_TRANSLATE_NOOP("HeaderForm", "Meeting"),
     QT_TRANSLATE_NOOP("HeaderForm", "e.g. Meeting with President Gustavo Petro")),
    ("meeting_date", QT_TRANSLATE_NOOP("HeaderForm", "Date and time"),
     QT_TRANSLATE_NOOP("HeaderForm", "YYYY-MM-DD or YYYY-MM-DDTHH:MM")),
    ("meeting_location", QT_TRANSLATE_NOOP("HeaderForm", "Location"),
     QT_TRANSLATE_NOOP("HeaderForm", "e.g. The White House, Washington")),
)
DATE_FIELDS = ("date", "meeting_date")
DATE_FORMAT_HINT = QT_TRANSLATE_NOOP("HeaderForm", "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
# Memo languages (document/build.py has their labels and date formats), each named in
# itself so a reader of either language finds theirs: never translated.
MEMO_LANGUAGES = (("en", "English"), ("es", "Español"))
INVALID_STYLE = "QLineEdit { background-color: #fde8e8; }"


class HeaderForm(QWidget):
    def __init__(self, session: ComposerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("memoHeaderForm")
        self.setAccessibleName(self.tr("Memo header"))
        self.fields: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, hint in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"header_{name}")
            edit.setAccessibleName(self.tr(label))
            edit.setPlaceholderText(self.tr(hint))
            if name in DATE_FIELDS:  # saved when complete, not at each keystroke
                edit.editingFinished.connect(lambda name=name: self._date_finished(name))
                edit.textEdited.connect(lambda _text, edit=edit: edit.setStyleSheet(""))
            else:
                edit.textEdited.connect(lambda text, name=name: self.session.set_header(
                    name, text))
            self.fields[name] = edit
            layout.addRow(self.tr(label), edit)
            if name == "meeting_location":
                self.participants_model = ParticipantsModel(self)
                self.participants = QListView(self)
                self.participants.setModel(self.participants_model)
                self.participants.setUniformItemSizes(True)
                self.participants.setObjectName("header_participants")
                self.participants.setAccessibleName(self.tr("Meeting participants"))
                self.participants.setToolTip(self.tr("Tick the people at the meeting; they "
                                                     "fill the Participants section."))
                self.participants.setMaximumHeight(110)
                self.participants_model.ticked_by_staffer.connect(self._participants_changed)
                layout.addRow(self.tr("Participants"), self.participants)

        self.marking = QComboBox(self)
        self.marking.setObjectName("header_marking")
        self.marking.setAccessibleName(self.tr("Overall marking"))
        self.marking.activated.connect(
            lambda _: self.session.set_header("marking", self.marking.currentData()))
        layout.addRow(self.tr("Marking"), self.marking)

        self.portion_marking = QCheckBox(self.tr("Mark each portion, e.g. (U)"), self)
        self.portion_marking.setObjectName("header_portion_marking")
        self.portion_marking.setAccessibleName(self.tr("Portion marking"))
        self.portion_marking.clicked.connect(
            lambda checked: self.session.set_header("portion_marking", bool(checked)))
        layout.addRow(self.tr("Portion marks"), self.portion_marking)

        self.note_style = QComboBox(self)
        self.note_style.setObjectName("header_note_style")
        self.note_style.setAccessibleName(self.tr("Source notes"))
        for style in NOTE_STYLES:
            self.note_style.addItem(note_style_label(style), style)
        self.note_style.activated.connect(
            lambda _: self.session.set_header("note_style", self.note_style.currentData()))
        layout.addRow(self.tr("Source notes"), self.note_style)

        self.page_size = QComboBox(self)
        self.page_size.setObjectName("header_page_size")
        self.page_size.setAccessibleName(self.tr("Page size"))
        self.page_size.setToolTip(self.tr("The paper of the Word and PDF memo"))
        for size in PAGE_SIZES:
            self.page_size.addItem(page_size_label(size), size)
        self.page_size.activated.connect(
            lambda _: self.session.set_header("page_size", self.page_size.currentData()))
        layout.addRow(self.tr("Page size"), self.page_size)

        self.language = QComboBox(self)
        self.language.setObjectName("header_language")
        self.language.setAccessibleName(self.tr("Memo language"))
        self.language.setToolTip(self.tr("The language of the memo's own words (notes, "
                                         "sources, page numbers) and of its dates. What "
                                         "you write is not translated."))
        for code, name in MEMO_LANGUAGES:
            self.language.addItem(name, code)
        self.language.activated.connect(
            lambda _: self.session.set_header("language", self.language.currentData()))
        layout.addRow(self.tr("Memo language"), self.language)

        self.template = QComboBox(self)
        self.template.setObjectName("header_template")
        self.template.setAccessibleName(self.tr("Template"))
        self.template.setToolTip(self.tr("How the memo is drawn: title line, numbering, "
                                         "page target. The sections stay as they are."))
        self.template.activated.connect(
            lambda _: self.session.set_header("template", self.template.currentData()))
        layout.addRow(self.tr("Template"), self.template)

        self.date_problem = QLabel(self)
        self.date_problem.setObjectName("headerDateProblem")
        self.date_problem.setStyleSheet("color: #b00020;")
        self.date_problem.setWordWrap(True)
        self.date_problem.hide()
        layout.addRow(self.date_problem)

        session.changed.connect(self.refresh)
        # The choices (people, markings, templates) load when the form first shows (see
        # refresh_choices); loading them here and again when the first briefing opened
        # read the people twice before the window's first screen.
        self._choices_stale = True
        session.opened.connect(self.refresh_choices)
        self.refresh()

    # ------------------------------------------------------------ user edits

    def _date_finished(self, name: str) -> None:
        edit = self.fields[name]
        text = edit.text()
        if text.strip() and not dates.is_valid(text):
            edit.setStyleSheet(INVALID_STYLE)
            self.date_problem.setText(self.tr("%1 is not a date: use %2.")
                                      .replace("%1", text)
                                      .replace("%2", self.tr(DATE_FORMAT_HINT)))
            self.date_problem.show()
            return
        edit.setStyleSheet("")
        edit.setModified(False)
        self.date_problem.hide()
        self.session.set_header(name, dates.normalize(text))

    def _participants_changed(self) -> None:
        """The ticked people in the memo's order: those already there keep their place,
        the newly ticked follow in the list's order."""
        briefing = self.session.briefing
        if briefing is None:
            return
        ticked = self.participants_model.ticked()
        kept = [p for p in briefing.meeting.participants if p in ticked]
        added = [p for p in self.participants_model.ids() if p in ticked and p not in kept]
        self.session.set_header("participants", kept + added)

    def flush(self) -> None:
        """Save a date still being typed (the window is closing)."""
        for name in DATE_FIELDS:
            if self.fields[name].isModified():
                self._date_finished(name)

    # ------------------------------------------------------------ showing the briefing

    def refresh_choices(self) -> None:
        """People, markings and templates (they change only with the fact base): read now
        if the form shows, else when it is first shown (thousands of people take tens of
        milliseconds, which the window's first screen must not wait for)."""
        self._choices_stale = True
        if self.isVisible():
            self._load_choices()
        else:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._choices_stale:
            self._load_choices()
        super().showEvent(event)

    def _load_choices(self) -> None:
        self._choices_stale = False
        fb = self.session.fact_base
        try:
            people = fb.list_people()
        except FactBaseError:
            people = []
        entries = []
        for person in people:
            role = person_role(person)
            entries.append((person.id, f"{person.name} — {role}" if role else person.name))
        if entries != self.participants_model.people():  # most changes leave people be
            self.participants_model.set_people(entries)
        with QSignalBlocker(self.marking):
            self.marking.clear()
            self.marking.addItem(self.tr("(none)"), "")
            try:
                scheme = scheme_for(fb)
                for marking in scheme.markings:
                    self.marking.addItem(f"{marking.code} — {marking.banner}", marking.code)
            except (MarkingError, FactBaseError):
                pass
        with QSignalBlocker(self.template):
            self.template.clear()
            for name in available_templates():
                try:
                    self.template.addItem(load_template(name).title, name)
                except TemplateError:
                    continue
        self.refresh()

    def refresh(self) -> None:
        briefing = self.session.briefing
        self.setEnabled(briefing is not None)
        if briefing is None:
            for edit in self.fields.values():
                edit.clear()
            return
        for name, edit in self.fields.items():
            value = _value(briefing, name)
            if name in DATE_FIELDS and edit.isModified() and edit.hasFocus():
                continue  # the staffer is still typing a date
            if edit.text() != value and not (name in DATE_FIELDS and _same_date(edit.text(),
                                                                                value)):
                edit.setText(value)
                edit.setStyleSheet("")
                if not edit.hasFocus():
                    edit.setCursorPosition(0)  # a long subject shows its start, not its end
        self.participants_model.set_ticked(briefing.meeting.participants)
        _select(self.marking, briefing.marking, add_missing=True)
        _select(self.note_style, briefing.note_style)
        _select(self.page_size, briefing.page_size)
        _select(self.language, briefing.language or "en", add_missing=True)
        _select(self.template, briefing.template, add_missing=True)
        with QSignalBlocker(self.portion_marking):
            self.portion_marking.setChecked(briefing.portion_marking)


def _value(briefing, name: str) -> str:
    if name.startswith("meeting_"):
        return getattr(briefing.meeting, name.removeprefix("meeting_"))
    return getattr(briefing, name)


def _same_date(shown: str, stored: str) -> bool:
    return dates.is_valid(shown) and dates.normalize(shown) == stored


def _select(combo: QComboBox, value: str, *, add_missing: bool = False) -> None:
    with QSignalBlocker(combo):
        index = combo.findData(value)
        if index < 0 and add_missing:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
