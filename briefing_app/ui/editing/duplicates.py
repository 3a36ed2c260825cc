"""The "possible duplicate" question asked before a new item is saved."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.records import SimilarItem
from briefing_app.ui.labels import kind_label
from briefing_app.ui.local_dates import format_partial_date


class DuplicateChoice(enum.Enum):
    SAVE_ANYWAY = "save"
    OPEN_EXISTING = "open"
    KEEP_EDITING = "back"


def similar_label(similar: SimilarItem) -> str:
    when = format_partial_date(similar.date, long=True)
    text = " ".join((similar.text or similar.title).split())
    short = text if len(text) <= 140 else text[:139] + "…"
    head = f"{round(similar.ratio * 100)}% · {kind_label(similar.kind)}"
    return f"{head}{' · ' + when if when else ''}\n{short}"


class DuplicateDialog(QDialog):
    """Lists the similar items; the user opens one, saves anyway or goes back."""

    def __init__(self, similar: Sequence[SimilarItem], parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = DuplicateChoice.KEEP_EDITING
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("Possible Duplicate"))
        count = len(similar)
        intro = QLabel(
            self.tr("The fact base already has an item with very similar text:") if count == 1
            else self.tr("The fact base already has %d items with very similar text:") % count,
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateList")
        self.list.setAccessibleName(self.tr("Similar items"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for entry in similar:
            row = QListWidgetItem(similar_label(entry), self.list)
            row.setData(Qt.ItemDataRole.UserRole, entry.id)
            row.setToolTip(entry.text or entry.title)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open Existing"), self)
        self.open_button.setObjectName("openExistingButton")
        self.open_button.setToolTip(self.tr("Discard this new item and edit the chosen one"))
        self.save_button = QPushButton(self.tr("&Save Anyway"), self)
        self.save_button.setObjectName("saveAnywayButton")
        self.back_button = QPushButton(self.tr("&Back to Editing"), self)
        self.back_button.setObjectName("backToEditingButton")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._choose(DuplicateChoice.OPEN_EXISTING))
        self.save_button.clicked.connect(lambda: self._choose(DuplicateChoice.SAVE_ANYWAY))
        self.back_button.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(
            lambda _row: self._choose(DuplicateChoice.OPEN_EXISTING))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def chosen_id(self) -> str | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row else None

    def _choose(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        self.accept()
