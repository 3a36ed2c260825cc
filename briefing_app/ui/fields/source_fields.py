"""The source of an item: a picker of stored sources and a dialog to create one inline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Source
from briefing_app.ui.fields.choosers import RecordPicker
from briefing_app.ui.fields.date_field import PartialDateField
from briefing_app.ui.fields.draft_catalog import DraftCatalog
from briefing_app.ui.fields.modal import asked


class SourceDialog(QDialog):
    """Outlet (required), title, URL, dates and notes of one source."""

    def __init__(self, source: Source | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._source = source or Source(id="", outlet="")
        self.setObjectName("sourceDialog")
        self.setWindowTitle(self.tr("Edit Source") if self._source.id else self.tr("New Source"))
        self.outlet = self._line("sourceOutlet", self.tr("Outlet"), self._source.outlet)
        self.outlet.setPlaceholderText(self.tr("e.g. EFE, Reuters, State Department"))
        self.title = self._line("sourceTitle", self.tr("Title"), self._source.title)
        self.url = self._line("sourceUrl", self.tr("URL"), self._source.url)
        self.published = PartialDateField("sourcePublished", self)
        self.published.setAccessibleName(self.tr("Published"))
        self.published.set_text(self._source.published)
        self.accessed = PartialDateField("sourceAccessed", self)
        self.accessed.setAccessibleName(self.tr("Accessed"))
        self.accessed.set_text(self._source.accessed)
        self.notes = QPlainTextEdit(self._source.notes, self)
        self.notes.setObjectName("sourceNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Outlet:"), self.outlet)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Published:"), self.published)
        form.addRow(self.tr("&Accessed:"), self.accessed)
        form.addRow(self.tr("N&otes:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        for signal in (self.outlet.textChanged, self.published.validityChanged,
                       self.accessed.validityChanged):
            signal.connect(self._check)
        self._check()

    def _line(self, name: str, label: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        return edit

    def _check(self) -> None:
        ok = bool(self.outlet.text().strip()) and self.published.is_valid() \
            and self.accessed.is_valid()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def source(self) -> Source:
        return Source(
            id=self._source.id, outlet=self.outlet.text().strip(),
            title=self.title.text().strip(), url=self.url.text().strip(),
            published=self.published.value(), accessed=self.accessed.value(),
            notes=self.notes.toPlainText().strip(),
        )


class SourcePicker(RecordPicker):
    """Where the item comes from: stored sources and a "New source…" button."""

    def __init__(self, catalog: DraftCatalog, parent: QWidget | None = None):
        self._catalog = catalog
        translate = QCoreApplication.translate
        super().__init__(
            parent, reloaded=catalog.sourcesChanged, box_name="sourceBox",
            box_label=translate("SourcePicker", "Source"),
            none_text=translate("SourcePicker", "(no source)"), button_name="newSourceButton",
            button_label=translate("SourcePicker", "New source"),
            button_tip=translate("SourcePicker", "Create a source and choose it"),
        )

    def _entries(self) -> list[tuple[str, str, str]]:
        label = self._catalog.source_label
        return [(source.id, label(source), source.url or source.notes)
                for source in self._catalog.sources()]

    def _create_record(self) -> str | None:
        dialog = SourceDialog(None, self)
        with asked(dialog) as accepted:
            source = dialog.source()
        return self._catalog.add_source(source).id if accepted else None

    source = RecordPicker.current_id
    set_source = RecordPicker.set_current_id
