"""The main window: layout and wiring only.

Search box and item table on the left, the selected item's details on the right, counts
and the fact base's path in the status bar. What each part does lives in its own small
class (:class:`~.item_model.ItemTableModel`, :class:`~.debounce.Debouncer`,
:class:`~.current_item.CurrentItem`, :class:`~.item_details.ItemDetailsView`), so the
workspace and the composer can be built on them without touching this layout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.store.query import parse as parse_query
from briefing_app.ui.columns import ColumnChooser
from briefing_app.ui.current_item import CurrentItem
from briefing_app.ui.debounce import Debouncer
from briefing_app.ui.item_details import ItemDetailsView
from briefing_app.ui.item_model import COLUMN_KEYS, ItemTableModel
from briefing_app.ui.status import count_text, display_path

APP_TITLE = "Briefing Builder"
SEARCH_DELAY_MS = 200
SEARCH_HINT = 'Search: words, "a phrase", kind:quote, tag:…, person:…, after:2025-09'
COLUMN_WIDTHS = {
    "kind": 55, "date": 125, "title": 220, "people": 150, "source": 120, "tags": 130,
    "status": 80, "marking": 60,
}


class MainWindow(QMainWindow):
    def __init__(self, fact_base, db_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.fact_base = fact_base
        self.db_path = Path(db_path)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{self.db_path.name} — {APP_TITLE}")
        self.resize(1280, 800)

        self.model = ItemTableModel(fact_base, self)
        self.search_box = self._make_search_box()
        self.table = self._make_table()
        self.details = ItemDetailsView(fact_base, self)
        self.debouncer = Debouncer(SEARCH_DELAY_MS, self)
        self.current_item = CurrentItem(self.table, self.model, fact_base, self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("itemCount")
        self.count_label.setAccessibleName("Item count")
        self.path_label = QLabel(display_path(self.db_path), self)
        self.path_label.setObjectName("factBasePath")
        self.path_label.setAccessibleName("Fact base file")
        self.path_label.setToolTip(f"The fact base this window shows: {self.db_path}")

        self._lay_out()
        self._make_menus()
        self._wire()
        self._update_count()

    # ------------------------------------------------------------ parts

    def _make_search_box(self) -> QLineEdit:
        box = QLineEdit(self)
        box.setObjectName("searchBox")
        box.setAccessibleName("Search items")
        box.setAccessibleDescription(
            "Filters the item table as you type. " + SEARCH_HINT.removeprefix("Search: ")
        )
        box.setPlaceholderText(SEARCH_HINT)
        box.setToolTip(SEARCH_HINT)
        box.setClearButtonEnabled(True)
        return box

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("itemTable")
        table.setAccessibleName("Items")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(self.model.sort_column, self._sort_order())
        for column, key in enumerate(COLUMN_KEYS):
            if key in COLUMN_WIDTHS:
                table.setColumnWidth(column, COLUMN_WIDTHS[key])
        header.setSectionResizeMode(COLUMN_KEYS.index("text"), QHeaderView.ResizeMode.Stretch)
        # Enabling sorting sorts by the indicator set above, which the model already has.
        table.setSortingEnabled(True)
        self.column_chooser = ColumnChooser(table)
        return table

    def _sort_order(self) -> Qt.SortOrder:
        if self.model.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def _lay_out(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(self.search_box)
        column.addWidget(self.table)

        splitter = QSplitter(self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 360])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.path_label)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.find_action = QAction("&Find", self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        edit_menu.addAction(self.find_action)

    def _wire(self) -> None:
        self.search_box.textChanged.connect(self.debouncer.push)
        self.search_box.returnPressed.connect(self.debouncer.flush)
        self.debouncer.settled.connect(self.model.set_query)
        self.model.rowsLoaded.connect(self._update_count)
        self.model.failed.connect(self._show_error)
        self.current_item.changed.connect(self.details.show_item)

    # ------------------------------------------------------------ behaviour

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _update_count(self) -> None:
        query = self.model.query
        self.count_label.setText(count_text(
            self.model.rowCount(), self.model.total, self.fact_base.item_count(), query,
            parse_query(query).ignored,
        ))

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
