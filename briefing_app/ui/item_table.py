"""The item table as the main window shows it: columns sized for their content, rows
selected whole, sorting in SQL through the model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from shiboken6 import isValid

from briefing_app.ui.columns import ColumnChooser
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.local_dates import format_partial_date

COLUMN_WIDTHS = {
    "kind": 55, "date": 125, "title": 200, "people": 130, "source": 110, "tags": 130,
    "status": 80, "marking": 60,
}

translate = QCoreApplication.translate  # by this name, so lupdate reads the context


class ItemHeader(QHeaderView):
    """The column titles, keeping their size hint until something that shapes it changes
    (the font, the style, the titles). Qt forgets it at every reset of the rows and every
    resize of a stretched column, then measures every title again: a search without
    hits measured them several times over, 10% of its time (from the key to the rows
    painted, 2.15 -> 2.0 ms, the two taking turns)."""

    _RESHAPING = (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                  QEvent.Type.LanguageChange)

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._size_hint: QSize | None = None

    def forget_size_hint(self, *_changed) -> None:
        """Measure the titles again, and place the header by them: the view placed it by
        the old hint while the change went round (a font's change event reaches this
        header after the view has asked it)."""
        self._size_hint = None
        QTimer.singleShot(0, self, self._lay_out_view)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self._size_hint is None:
            self._size_hint = super().sizeHint()
        return self._size_hint

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in self._RESHAPING:
            self.forget_size_hint()

    def _lay_out_view(self) -> None:
        view = self.parentWidget()
        if isinstance(view, QAbstractItemView):
            view.doItemsLayout()


def make_item_table(window) -> QTableView:
    table = QTableView(window)
    header = ItemHeader(table)
    header.setSectionsClickable(True)  # what QTableView's own header does: sort by a click
    table.setHorizontalHeader(header)
    table.setObjectName("itemTable")
    table.setAccessibleName(translate("MainWindow", "Items"))
    table.setModel(window.item_model)
    window.item_model.headerDataChanged.connect(header.forget_size_hint)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header.setHighlightSections(False)
    header.setSortIndicator(window.item_model.sort_column, sort_order(window.item_model))
    for column, key in enumerate(COLUMN_KEYS):
        if key in COLUMN_WIDTHS:
            table.setColumnWidth(column, COLUMN_WIDTHS[key])
    # The longest date as people read it must fit, whatever the font size.
    longest_date = max(table.fontMetrics().horizontalAdvance(format_partial_date(date))
                       for date in ("2026-09-30", "2026-09")) + 28
    table.setColumnWidth(COLUMN_KEYS.index("date"), longest_date)
    header.setSectionResizeMode(COLUMN_KEYS.index("text"), QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(True)  # with Text hidden, the last column shown fills
    # Enabling sorting sorts by the indicator set above, which the model already has.
    table.setSortingEnabled(True)
    window.column_chooser = ColumnChooser(table)
    model = window.item_model
    # A new search or order starts at its first rows (the item under the cursor, when
    # it is among them, is then brought into view by CurrentItem). Left where the old
    # rows were, the view showed rows 170-200 of the new ones.
    model.startingOver.connect(table.scrollToTop)
    model.rowsLoaded.connect(lambda: _after_the_layout(table))
    return table


def _after_the_layout(table: QTableView) -> None:
    """Check the end of the rows once the reset or page has been laid out (the scroll
    bar's range follows the layout); nothing when the table has gone meanwhile."""
    if isValid(table):
        QTimer.singleShot(0, table, lambda: _fetch_at_the_end(table))


def _fetch_at_the_end(table: QTableView) -> None:
    """Fetch the next page when the view already shows the end of the rows. Qt fetches
    when the scroll bar *reaches* its end; after a refresh that put the first page back
    while the view was at the end, the bar stayed there and no scrolling could move it
    further: the table stopped at 200 rows."""
    model = table.model()
    if model is None or not table.isVisible() or not model.canFetchMore(table.rootIndex()):
        return
    bottom = table.rowAt(table.viewport().height() - 1)  # -1: below the last row
    if bottom == -1 or bottom >= model.rowCount(table.rootIndex()) - 1:
        model.fetchMore(table.rootIndex())


def sort_order(model) -> Qt.SortOrder:
    """The model's order as Qt names it."""
    if model.descending:
        return Qt.SortOrder.DescendingOrder
    return Qt.SortOrder.AscendingOrder

