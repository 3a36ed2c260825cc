"""What the people, sources and tags dialogs share: a table of records, buttons under it,
reloading after every change, and the merge confirmation that names both records.

The dialogs are not modal, so the item table stays usable beside them; the window's
Undo and Redo actions are added to each dialog, so Ctrl+Z works there too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ui.user_text import user_text_label
from briefing_app.ui.workers import Worker

ID_ROLE = Qt.ItemDataRole.UserRole


class RecordsDialog(QDialog):
    """A table of records (one row each, the record's key under :data:`ID_ROLE` in the
    first column) with a row of buttons. Subclasses fill :meth:`rows`."""

    headers: Sequence[str] = ()
    names_editable = False  # the first column can be edited in place (tags: rename)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent or controller.window)
        self.controller = controller
        self._generation = 0
        self.loading = False  # records are being read on a worker
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RecordsDialog", h) for h in self.headers])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.button_row = QHBoxLayout()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(self.button_row)
        layout.addWidget(close)
        window = controller.window
        actions = getattr(window, "actions", {})
        self.addActions([actions[k] for k in ("undo", "redo") if k in actions])
        window.fact_base_changed.connect(self.reload)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.resize(720, 460)

    @property
    def fb(self):
        return self.controller.fb

    def button(self, name: str, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.button_row.addWidget(button)
        return button

    def rows(self) -> list[tuple[str, list[str]]]:
        """(key, cells) per record, in display order."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the records again: on a big fact base on a worker (counting the items of
        3,000 people over a million items takes a second), the old rows staying until
        the new ones come."""
        if not self.isVisible() and self.table.rowCount():
            return  # a hidden dialog reloads when shown again
        self._generation += 1
        if not self.controller.window.item_model.big_fact_base:
            self._fill(self._generation, self.rows())
            return
        generation = self._generation
        worker = Worker(lambda _progress, _cancelled: self.rows())
        worker.signals.finished.connect(lambda rows: self._fill(generation, rows))
        self.loading = True
        worker.start()

    def _fill(self, generation: int, rows: list[tuple[str, list[str]]]) -> None:
        if generation != self._generation:
            return  # a newer reload was asked for meanwhile
        self.loading = False
        keep = set(self.selected_keys())
        self.table.blockSignals(True)
        # Columns sized to their contents measure every row again at each new cell:
        # 3,000 people took 155 s to fill. Fixed while filling, measured once after.
        header = self.table.horizontalHeader()
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        for number, (key, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column or not self.names_editable:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 0:
                    cell.setData(ID_ROLE, key)
                if column == len(cells) - 1 and text.isdigit():
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, cell)
            if key in keep:
                self.table.selectRow(number)
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.blockSignals(False)
        self.update_buttons()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.reload()

    def row_of(self, key: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) == key:
                return row
        return None

    def selected_keys(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows]

    def update_buttons(self) -> None:
        """Enable the buttons that fit the selection (subclasses)."""


class MergeDialog(QDialog):
    """Confirms a merge and asks which of the two records to keep."""

    def __init__(self, what: str, first: tuple[str, str], second: tuple[str, str],
                 detail: str, parent: QWidget | None = None, *, keep_second: bool = False):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge %s") % what)
        (self._first_key, first_name), (self._second_key, second_name) = first, second
        self.question = user_text_label(
            self, self.tr("Merge “%s” and “%s”? Keep:") % (first_name, second_name))
        self.question.setObjectName("mergeQuestion")
        self.question.setWordWrap(True)
        self.keep_first = QRadioButton(first_name, self)
        self.keep_first.setObjectName("keepFirst")
        self.keep_second = QRadioButton(second_name, self)
        self.keep_second.setObjectName("keepSecond")
        # The one more records use is usually the one to keep: it is chosen at first.
        (self.keep_second if keep_second else self.keep_first).setChecked(True)
        self.detail = QLabel(detail, self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(self.tr("&Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def survivor(self) -> str:
        return self._first_key if self.keep_first.isChecked() else self._second_key

    def other(self) -> str:
        return self._second_key if self.keep_first.isChecked() else self._first_key
