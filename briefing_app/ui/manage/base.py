"""What the people, sources and tags dialogs share: a table of records, buttons under it,
reloading after every change, and the merge confirmation that names both records.

The dialogs are not modal, so the item table stays usable beside them; the window's
Undo and Redo actions are added to each dialog, so Ctrl+Z works there too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ui.manage.records_model import RecordsModel, Row
from briefing_app.ui.user_text import user_text_label
from briefing_app.ui.workers import LatestRead

__all__ = ["MergeDialog", "RecordsDialog"]


ROWS_MEASURED = 200


class RecordsDialog(QDialog):
    """A table of records, one row each, with a row of buttons; :attr:`records` is its
    model (see :mod:`.records_model`). Subclasses fill :meth:`rows`."""

    headers: Sequence[str] = ()
    names_editable = False  # the first column can be edited in place (tags: rename)

    def __init__(self, controller, parent: QWidget | None = None):
        super().__init__(parent or controller.window)
        self.controller = controller
        self._reads = LatestRead(self.rows, self._arrived, self)  # on a big fact base
        self._fitted = False  # the columns fitted to the rows since the dialog showed
        self.records = RecordsModel(
            [QCoreApplication.translate("RecordsDialog", h) for h in self.headers],
            names_editable=self.names_editable, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.records)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Columns the staffer may widen, fitted to the first rows at each fill (see
        # _fit_columns): sized to their contents, Qt measured up to 1,000 rows again at
        # every layout pass, 180-250 ms for the 5,000 sources of a million-item base.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(ROWS_MEASURED)
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
        self.table.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self.update_buttons())
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

    def rows(self) -> list[Row]:
        """(key, cells) per record, in display order."""
        raise NotImplementedError

    @property
    def loading(self) -> bool:
        """Whether the records are being read on a worker."""
        return self._reads.running

    def reload(self) -> None:
        """Read the records again: on a big fact base on a worker (counting the items of
        3,000 people over a million items takes a second), the old rows staying until
        the new ones come."""
        if not self.isVisible() and self.records.rowCount():
            return  # a hidden dialog reloads when shown again
        if not self.controller.window.item_model.big_fact_base:
            self._reads.drop()  # a read begun on the file open before must not arrive
            self._fill(self.rows())
            return
        self._reads.ask()

    def _arrived(self, rows: list[Row] | None) -> None:
        if rows is not None:  # a read that failed leaves the rows shown
            self._fill(rows)

    def _fill(self, rows: list[Row]) -> None:
        keep = self.selected_keys()
        self.records.set_rows(rows)
        self._fit_columns()
        selection = QItemSelection()
        last_column = self.records.columnCount() - 1
        for key in keep:
            row = self.records.row_of(key)
            if row is not None:
                selection.select(self.records.index(row, 0), self.records.index(row, last_column))
        selected = self.table.selectionModel()
        selected.select(selection, QItemSelectionModel.SelectionFlag.Select)
        if not selection.isEmpty():  # the keyboard goes on from the row it was on
            selected.setCurrentIndex(selection.indexes()[0],
                                     QItemSelectionModel.SelectionFlag.NoUpdate)
        self.update_buttons()

    def _fit_columns(self) -> None:
        """Each column but the first (which takes the room left) as wide as its widest
        text among the rows on screen and the first :data:`ROWS_MEASURED`: as the dialog
        shows; after a change only wider, so a column the staffer widened stays so."""
        header = self.table.horizontalHeader()
        for column in range(1, self.records.columnCount()):
            if not self._fitted:
                self.table.resizeColumnToContents(column)
                continue
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)
        self._fitted = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fitted = False
        self.reload()

    def row_of(self, key: str) -> int | None:
        return self.records.row_of(key)

    def selected_keys(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.records.key(row) for row in rows]

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
