"""Edit ▸ Preferences…: the staffer's defaults, kept in the settings file.

What each preference changes, and when:

- author and office: the FROM line of new briefings;
- source notes: footnotes or endnotes in new briefings;
- marking scheme: the scheme of new *empty* fact bases (one made with the sample keeps the
  U.S. scheme its items are marked in);
- stale limit: the age in days past which the composer's pre-flight warnings (and the
  exports' warning count) call a fact or quote stale; applies at once;
- language of the app: read when the app starts (see :mod:`.i18n`), so it takes effect at
  the next start, which the dialog says.

The dialog only edits a :class:`~.settings.Preferences` value; OK stores it through
:class:`~.settings.AppSettings` and hands it to the composer (:mod:`.preferences_menu`,
which loads this module when the dialog first opens).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.markings import MarkingError, available_schemes, load_scheme
from briefing_app.core.model import NOTE_STYLES, PAGE_SIZES
from briefing_app.ui.labels import note_style_label, page_size_label
from briefing_app.ui.settings import STALE_DAYS_RANGE, Preferences

# Each language named in itself, so whoever needs it recognises it: never translated.
LANGUAGE_NAMES = (("en", "English"), ("es", "Español"))
HINT_STYLE = "color: palette(placeholder-text);"


class PreferencesDialog(QDialog):
    """Shows ``preferences`` for editing; :meth:`preferences` reads the fields back."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._labels: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self._briefings_group())
        layout.addWidget(self._fact_bases_group())
        layout.addWidget(self._warnings_group())
        layout.addWidget(self._language_group())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.setObjectName("preferencesButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setToolTip(self.tr("Put every field back to how the app comes; "
                                   "nothing is stored until OK"))
        restore.clicked.connect(self.restore_defaults)
        layout.addWidget(self.buttons)
        widest = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:  # the fields of every group line up
            label.setMinimumWidth(widest)

        for first, second in ((self.author, self.office), (self.office, self.note_style),
                              (self.note_style, self.page_size),
                              (self.page_size, self.marking_scheme),
                              (self.marking_scheme, self.stale_days),
                              (self.stale_days, self.language), (self.language, self.buttons)):
            QWidget.setTabOrder(first, second)
        self.show_preferences(preferences)
        self.author.setFocus()

    # ------------------------------------------------------------ groups of fields

    def _briefings_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("New briefings"), self)
        form = QFormLayout(group)
        self.author = self._line_edit("prefsAuthor", self.tr("Author"),
                                      self.tr("e.g. Ana Ruiz"))
        self.office = self._line_edit("prefsOffice", self.tr("Office"),
                                      self.tr("e.g. Western Hemisphere Affairs"))
        self.from_preview = QLabel(self)
        self.from_preview.setObjectName("prefsFromPreview")
        self.from_preview.setStyleSheet(HINT_STYLE)
        self.from_preview.setWordWrap(True)
        self.from_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.author.textChanged.connect(self._show_from_line)
        self.office.textChanged.connect(self._show_from_line)
        self.note_style = QComboBox(self)
        self.note_style.setObjectName("prefsNoteStyle")
        self.note_style.setAccessibleName(self.tr("Source notes of new briefings"))
        for style in NOTE_STYLES:
            self.note_style.addItem(note_style_label(style), style)
        form.addRow(self._label(self.tr("&Author:"), self.author), self.author)
        form.addRow(self._label(self.tr("O&ffice:"), self.office), self.office)
        form.addRow(self.from_preview)
        form.addRow(self._label(self.tr("Source &notes:"), self.note_style), self.note_style)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("prefsPageSize")
        self.page_size.setAccessibleName(self.tr("Page size of new briefings"))
        self.page_size.setToolTip(self.tr("Until you choose, new briefings take the paper "
                                          "of your region: A4, or US Letter in the US"))
        for size in PAGE_SIZES:
            self.page_size.addItem(page_size_label(size), size)
        form.addRow(self._label(self.tr("&Page size:"), self.page_size), self.page_size)
        return group

    def _fact_bases_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("New fact bases"), self)
        form = QFormLayout(group)
        self.marking_scheme = QComboBox(self)
        self.marking_scheme.setObjectName("prefsMarkingScheme")
        self.marking_scheme.setAccessibleName(self.tr("Marking scheme of new fact bases"))
        for name in available_schemes():
            try:
                title = load_scheme(name).title
            except MarkingError:
                continue  # a broken user file is not offered
            self.marking_scheme.addItem(title, name)
        hint = self._hint(self.tr("Used for new empty fact bases. A fact base made with the "
                                  "sample keeps the U.S. markings its items carry."))
        form.addRow(self._label(self.tr("&Marking scheme:"), self.marking_scheme),
                    self.marking_scheme)
        form.addRow(hint)
        return group

    def _warnings_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Pre-flight warnings"), self)
        form = QFormLayout(group)
        self.stale_days = QSpinBox(self)
        self.stale_days.setObjectName("prefsStaleDays")
        self.stale_days.setAccessibleName(self.tr("Stale after this many days"))
        self.stale_days.setRange(*STALE_DAYS_RANGE)
        self.stale_days.setSuffix(self.tr(" days"))
        self.stale_days.setMinimumWidth(self.stale_days.sizeHint().width() + 20)
        self.stale_days.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        hint = self._hint(self.tr("A fact or quote dated longer than this before the "
                                  "meeting is flagged as stale."))
        form.addRow(self._label(self.tr("&Stale after:"), self.stale_days), self.stale_days)
        form.addRow(hint)
        return group

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Language of the app"), self)
        form = QFormLayout(group)
        self.language = QComboBox(self)
        self.language.setObjectName("prefsLanguage")
        self.language.setAccessibleName(self.tr("Language of menus and dialogs"))
        self.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language_note = self._hint(self.tr(
            "Takes effect the next time Briefing Builder starts. A memo's own language is "
            "set in its header."))
        self.language_note.setObjectName("prefsLanguageNote")
        form.addRow(self._label(self.tr("&Language:"), self.language), self.language)
        form.addRow(self.language_note)
        return group

    def _line_edit(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)  # Alt+letter goes to the field
        self._labels.append(label)
        return label

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet(HINT_STYLE)
        return label

    # ------------------------------------------------------------ values

    def show_preferences(self, preferences: Preferences) -> None:
        self.author.setText(preferences.author)
        self.office.setText(preferences.office)
        _choose(self.note_style, preferences.note_style)
        _choose(self.page_size, preferences.cleaned().page_size)
        _choose(self.marking_scheme, preferences.marking_scheme)
        self.stale_days.setValue(preferences.stale_days)
        _choose(self.language, preferences.language)
        self._show_from_line()

    def restore_defaults(self) -> None:
        """Fields back to the app's defaults; stored only if the staffer presses OK."""
        self.show_preferences(Preferences())

    def preferences(self) -> Preferences:
        return Preferences(
            author=self.author.text(),
            office=self.office.text(),
            marking_scheme=self.marking_scheme.currentData() or "",
            stale_days=self.stale_days.value(),
            note_style=self.note_style.currentData(),
            page_size=self.page_size.currentData(),
            language=self.language.currentData(),
        ).cleaned()

    def _show_from_line(self) -> None:
        line = Preferences(author=self.author.text(), office=self.office.text()).from_line
        self.from_preview.setText(
            self.tr("New briefings start with FROM: %1").replace("%1", line) if line
            else self.tr("New briefings start with an empty FROM line."))


def _choose(combo: QComboBox, value: str) -> None:
    """Select ``value``; one the list lacks (a user scheme since removed) is shown as is."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
