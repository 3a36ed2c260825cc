"""The source of an item: a picker of stored sources and a dialog to create one inline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.dates import DateError, format_date
from briefing_app.model import Source
from briefing_app.ui.editing.choosers import show_whole_text
from briefing_app.ui.editing.date_field import PartialDateField
from briefing_app.ui.editing.draft_catalog import DraftCatalog
from briefing_app.ui.editing.modal import asked


def source_label(source: Source) -> str:
    """``EFE — “Petro on the talks”, March 2025`` (only the parts that exist)."""
    try:
        published = format_date(source.published)
    except DateError:
        published = source.published
    title = f"“{source.title}”" if source.title else ""
    rest = ", ".join(part for part in (title, published) if part)
    return f"{source.outlet} — {rest}" if rest else source.outlet


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


class SourcePicker(QWidget):
    """Where the item comes from: stored sources and a "New source…" button."""

    changed = Signal()

    def __init__(self, catalog: DraftCatalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self.box = QComboBox(self)
        self.box.setObjectName("sourceBox")
        self.box.setAccessibleName(self.tr("Source"))
        self.box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(18)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setObjectName("newSourceButton")
        self.new_button.setAccessibleName(self.tr("New source"))
        self.new_button.setToolTip(self.tr("Create a source and choose it"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.new_button)
        self.setFocusProxy(self.box)
        self._fill()
        catalog.sourcesChanged.connect(self._fill)
        self.new_button.clicked.connect(self._create)
        self.box.currentIndexChanged.connect(self.changed)
        self.box.currentIndexChanged.connect(lambda _index: show_whole_text(self.box))

    def _fill(self) -> None:
        current = self.source()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("(no source)"), None)
        for source in self._catalog.sources():
            self.box.addItem(source_label(source), source.id)
            self.box.setItemData(self.box.count() - 1, source.url or source.notes,
                                 Qt.ItemDataRole.ToolTipRole)
        self.box.blockSignals(False)
        self.set_source(current)
        show_whole_text(self.box)

    def source(self) -> str | None:
        return self.box.currentData() if self.box.count() else None

    def set_source(self, source_id: str | None) -> None:
        index = self.box.findData(source_id) if source_id else 0
        self.box.setCurrentIndex(max(index, 0))

    def _create(self) -> None:
        dialog = SourceDialog(None, self)
        with asked(dialog) as accepted:
            source = dialog.source()
        if accepted:
            self.set_source(self._catalog.add_source(source).id)
