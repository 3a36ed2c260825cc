"""The item editor: every field of a fact, quote or event in one dialog.

The text and its wording on the left, where and when and who on the right. Fields that
belong to another kind are hidden, not cleared, so switching the kind back and forth
loses nothing; only the fields of the chosen kind are saved. Invalid input (a date that
is not one, an event that ends before it starts, no text and no title) is named next to
its field and keeps Save disabled.

Before a *new* item is saved, items with very similar text are looked up
(the store's ``find_similar``) and offered: open the existing one
instead, save anyway, or go back. The dialog does not write to the fact base itself: a
``save`` callback (the controller, which pushes an undoable command) does, and when it
fails the dialog stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core import dates
from briefing_app.core.language_tags import is_language_code
from briefing_app.core.markings import MarkingScheme
from briefing_app.core.model import ITEM_KINDS, Item
from briefing_app.store import FactBaseError
from briefing_app.ui.editing.duplicates import DuplicateChoice, DuplicateDialog
from briefing_app.ui.fields.choosers import MarkingChooser, StatusChooser
from briefing_app.ui.fields.completion_focus import follow_clicks_out_of
from briefing_app.ui.fields.date_field import ERROR_STYLE, HINT_STYLE, PartialDateField
from briefing_app.ui.fields.draft_catalog import DraftCatalog, StoredChoices
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.fields.person_fields import PeoplePicker, SpeakerPicker
from briefing_app.ui.fields.source_fields import SourcePicker
from briefing_app.ui.fields.tag_editor import TagEditor
from briefing_app.ui.labels import (
    EDIT_ITEM_TITLES,
    LANGUAGE_NAMES,
    NEW_ITEM_TITLES,
    kind_label,
    language_name,
    translated,
)
from briefing_app.ui.user_text import tell

OPEN_EXISTING = 2
"""``exec()`` result when the user chose to open an existing similar item instead."""

LANGUAGE_CODES = ("en", "es", "fr", "pt", "de", "it")


class ItemEditorDialog(QDialog):
    """Create (``item=None``) or edit one item. ``save(dialog)`` writes it; it may raise
    ``FactBaseError``/``ValueError``, which the dialog shows while staying open."""

    def __init__(self, fb, scheme: MarkingScheme, item: Item | None = None, *,
                 kind: str = "fact", save: Callable[[ItemEditorDialog], None] | None = None,
                 parent: QWidget | None = None, choices: StoredChoices | None = None):
        super().__init__(parent)
        self._fb = fb
        self._original = item
        self._save = save
        self.open_existing_id: str | None = None
        self.catalog = DraftCatalog(fb, self, stored=choices)  # choices: read ahead
        self.setObjectName("itemEditor")
        self.setSizeGripEnabled(True)

        self._make_fields(scheme)
        self._lay_out()
        self._load(item or Item(id="", kind=kind, text=""))
        self._wire()
        for completer in self.findChildren(QCompleter):  # language, tags, people
            follow_clicks_out_of(completer)
        self._on_kind_changed()
        self._validate()
        self.resize(1060, 600)

    # ------------------------------------------------------------ building

    def _make_fields(self, scheme: MarkingScheme) -> None:
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kindBox")
        self.kind_box.setAccessibleName(self.tr("Kind"))
        for kind in ITEM_KINDS:
            self.kind_box.addItem(kind_label(kind), kind)
        self.title = self._line("titleEdit", self.tr("Title"))
        self.title.setPlaceholderText(self.tr("A short headline (optional)"))
        self.text = self._text("textEdit", self.tr("Text"), 140)
        self.text_message = QLabel(self)
        self.text_message.setObjectName("textMessage")
        self.translation = self._text("translationEdit", self.tr("Translation"), 70, 110)
        self.translation.setPlaceholderText(self.tr("The quote in the memo's language"))
        self.context = self._text("contextEdit", self.tr("Context"), 60, 90)
        self.context.setPlaceholderText(self.tr("Where and when it was said"))
        self.location = self._line("locationEdit", self.tr("Location"))
        self.notes = self._text("notesEdit", self.tr("Notes"), 60, 90)
        self.notes.setPlaceholderText(self.tr("For you and your colleagues; not in memos"))

        self.date = PartialDateField("date", self)
        self.date.setAccessibleName(self.tr("Date"))
        self.end_date = PartialDateField("endDate", self)
        self.end_date.setAccessibleName(self.tr("End date"))
        self.speaker = SpeakerPicker(self.catalog, self)
        self.language = self._line("languageEdit", self.tr("Language"))
        self.language.setPlaceholderText(self.tr("Language code, e.g. es"))
        self.language.setMaxLength(12)
        self.language.setCompleter(QCompleter(QStringListModel(list(LANGUAGE_CODES), self), self))
        self.language_name = QLabel(self)
        self.language_name.setObjectName("languageName")
        self.language_name.setStyleSheet(HINT_STYLE)
        self.language_name.setMinimumWidth(80)
        self.language_row = QWidget(self)
        row = QHBoxLayout(self.language_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.language, 1)
        row.addWidget(self.language_name)
        self.language_row.setFocusProxy(self.language)
        self.people = PeoplePicker(self.catalog, self)
        self.source = SourcePicker(self.catalog, self)
        self.tags = TagEditor(self._fb.tag_names(), self)
        self.tags.setObjectName("tagsEdit")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.status = StatusChooser(self)
        self.status.setObjectName("statusBox")
        self.status.setAccessibleName(self.tr("Status"))
        self.marking = MarkingChooser(scheme, self)
        self.marking.setObjectName("markingBox")
        self.marking.setAccessibleName(self.tr("Marking"))
        self.marking.setToolTip(self.tr("Portion marking from the %s scheme") % scheme.title)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setStyleSheet(ERROR_STYLE)

    def _line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        return edit

    def _text(self, name: str, label: str, height: int, most: int = 0) -> QPlainTextEdit:
        """A multi-line box; only the main text grows with the dialog (no ``most``)."""
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        if most:
            edit.setMaximumHeight(most)
        return edit

    def _lay_out(self) -> None:
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("&Kind:"), self.kind_box)
        left.addRow(self.tr("T&itle:"), self.title)
        self.text_label = QLabel(self.tr("&Text:"), self)
        self.text_label.setBuddy(self.text)
        left.addRow(self.text_label, self.text)
        left.addRow("", self.text_message)
        left.addRow(self.tr("T&ranslation:"), self.translation)
        left.addRow(self.tr("&Context:"), self.context)
        left.addRow(self.tr("&Location:"), self.location)
        left.addRow(self.tr("&Notes:"), self.notes)
        self.left_form = left

        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_label = QLabel(self.tr("&Date:"), self)
        self.date_label.setBuddy(self.date.edit)
        right.addRow(self.date_label, self.date)
        right.addRow(self.tr("&End date:"), self.end_date)
        right.addRow(self.tr("S&peaker:"), self.speaker)
        language_label = QLabel(self.tr("Lan&guage:"), self)
        language_label.setBuddy(self.language)
        right.addRow(language_label, self.language_row)
        right.addRow(self.tr("Peop&le:"), self.people)
        right.addRow(self.tr("&Source:"), self.source)
        right.addRow(self.tr("Ta&gs:"), self.tags)
        right.addRow(self.tr("St&atus:"), self.status)
        right.addRow(self.tr("&Marking:"), self.marking)
        self.right_form = right

        right_column = QVBoxLayout()
        right_column.addLayout(right)
        right_column.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right_column, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def _wire(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.language.textChanged.connect(self._name_language)
        self.language.textChanged.connect(self._validate)
        self._name_language(self.language.text())
        self.text.textChanged.connect(self._validate)
        self.title.textChanged.connect(self._validate)
        for field in (self.date, self.end_date):
            field.textChanged.connect(self._validate)
            field.validityChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.accept)

    # ------------------------------------------------------------ loading and reading

    def _load(self, item: Item) -> None:
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(item.kind), 0))
        self.title.setText(item.title)
        self.text.setPlainText(item.text)
        self.translation.setPlainText(item.translation)
        self.context.setPlainText(item.context)
        self.location.setText(item.location)
        self.notes.setPlainText(item.notes)
        self.date.set_text(item.date)
        self.end_date.set_text(item.end_date)
        self.speaker.set_speaker(item.speaker)
        self.language.setText(item.language)
        self.people.set_people(list(item.people))
        self.source.set_source(item.source)
        self.tags.set_tags(item.tags)
        self.status.set_status(item.status)
        self.marking.set_marking(item.marking)

    @property
    def is_new(self) -> bool:
        return self._original is None

    def kind(self) -> str:
        return self.kind_box.currentData()

    def item(self) -> Item:
        """The item as edited (only valid input: call when :meth:`is_valid`)."""
        original = self._original or Item(id="", kind=self.kind(), text="")
        kind = self.kind()
        quote, event = kind == "quote", kind == "event"
        return Item(
            id=original.id, kind=kind, text=self.text.toPlainText().strip(),
            title=self.title.text().strip(), date=self.date.value(), tags=self.tags.tags(),
            people=self.people.people(), source=self.source.source(),
            status=self.status.status(), marking=self.marking.marking(),
            notes=self.notes.toPlainText().strip(), created=original.created,
            updated=original.updated,
            speaker=self.speaker.speaker() if quote else None,
            language=self.language.text().strip() if quote else "",
            translation=self.translation.toPlainText().strip() if quote else "",
            context=self.context.toPlainText().strip() if quote else "",
            end_date=self.end_date.value() if event else "",
            location=self.location.text().strip() if event else "",
        )

    def new_people(self):
        """People created in this dialog that the item refers to (saved with it)."""
        item = self.item()
        return self.catalog.used_new_people({*item.people, item.speaker or ""})

    def new_sources(self):
        return self.catalog.used_new_sources({self.item().source or ""})

    # ------------------------------------------------------------ behaviour

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        quote, event = kind == "quote", kind == "event"
        for form, widget, visible in (
            (self.left_form, self.translation, quote),
            (self.left_form, self.context, quote),
            (self.left_form, self.location, event),
            (self.right_form, self.end_date, event),
            (self.right_form, self.speaker, quote),
            (self.right_form, self.language_row, quote),
        ):
            form.setRowVisible(widget, visible)
        self.text_label.setText(self.tr("&Quote:") if quote else self.tr("&Text:"))
        self.date_label.setText(self.tr("&Start date:") if event else self.tr("&Date:"))
        titles = NEW_ITEM_TITLES if self.is_new else EDIT_ITEM_TITLES
        self.setWindowTitle(translated(titles, kind))
        self._validate()

    def _name_language(self, code: str) -> None:
        code = code.strip().lower()
        self.language_name.setText(language_name(code) if code in LANGUAGE_NAMES else "")

    def problems(self) -> list[str]:
        """What keeps the item from being saved, worded for people."""
        found = []
        if not self.text.toPlainText().strip() and not self.title.text().strip():
            found.append(self.tr("Write the text (or at least a title)."))
        if not self.date.is_valid():
            found.append(self.tr("Date: %s") % self.date.error())
        if self.kind() == "event" and not self.end_date.is_valid():
            found.append(self.tr("End date: %s") % self.end_date.error())
        language = self.language.text().strip()
        if self.kind() == "quote" and language and not is_language_code(language):
            found.append(self.tr("Language: “%s” is not a language code (e.g. es, pt-BR).")
                         % language)
        return found

    def is_valid(self) -> bool:
        return not self.problems()

    def _validate(self) -> None:
        self.end_date.set_extra_problem(self._end_problem())
        empty = not self.text.toPlainText().strip() and not self.title.text().strip()
        self.text_message.setText(self.tr("Write the text (or at least a title).") if empty
                                  else "")
        touched = bool(self._original) or self.text.document().isModified() \
            or self.title.isModified()
        self.text_message.setStyleSheet(ERROR_STYLE if touched else HINT_STYLE)
        self.text_message.setVisible(empty)
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        shown = [p for p in problems if touched or not p.startswith(self.tr("Write"))]
        self.problem_label.setText(shown[0] if shown else "")

    def _end_problem(self) -> str:
        start, end = self.date.text().strip(), self.end_date.text().strip()
        if not start or not end or not dates.is_valid(start) or not dates.is_valid(end):
            return ""
        if dates.normalize(end) < dates.normalize(start)[: len(dates.normalize(end))]:
            return self.tr("The event ends before it starts.")
        return ""

    def accept(self) -> None:
        if not self.is_valid():
            return
        if self.is_new and not self._confirm_not_duplicate():
            return
        if self._save is not None:
            try:
                self._save(self)
            except (FactBaseError, ValueError) as error:
                tell(self, self.tr("Cannot Save"), str(error))
                return
        super().accept()

    def _confirm_not_duplicate(self) -> bool:
        """False when the user went back or chose to open an existing item."""
        wanted = self.text.toPlainText().strip() or self.title.text().strip()
        similar = self._fb.find_similar(wanted)
        if not similar:
            return True
        dialog = DuplicateDialog(similar, self)
        with asked(dialog):
            choice, chosen = dialog.choice, dialog.chosen_id()
        if choice is DuplicateChoice.SAVE_ANYWAY:
            return True
        if choice is DuplicateChoice.OPEN_EXISTING and chosen:
            self.open_existing_id = chosen
            self.done(OPEN_EXISTING)
        return False
