"""Which item the details pane shows: the one under the table's cursor.

A new search or sort resets the table model, which drops Qt's selection; this keeps the
same item selected when it is still among the fetched rows and clears the pane otherwise,
so the pane never shows an item the table no longer lists.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QTableView

from briefing_app.core.model import Catalog
from briefing_app.ui.item_model import ITEM_ID_ROLE, ItemTableModel

_SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class CurrentItem(QObject):
    """Emits :attr:`changed` with the full :class:`~briefing_app.core.model.Item` (or ``None``)."""

    changed = Signal(object)

    def __init__(self, view: QTableView, model: ItemTableModel, catalog: Catalog,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._view = view
        self._model = model
        self._catalog = catalog
        self._item_id: str | None = None
        self._kept: str | None = None
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)

    @property
    def item_id(self) -> str | None:
        return self._item_id

    def select(self, item_id: str) -> bool:
        """Move the cursor to a fetched item; False when it is not in the table."""
        row = self._model.row_of(item_id)
        if row is None:
            return False
        index = self._model.index(row, 0)
        self._view.selectionModel().setCurrentIndex(index, _SELECT_ROW)
        self._view.scrollTo(index)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.data(ITEM_ID_ROLE) if current.isValid() else None)

    def _remember(self) -> None:
        self._kept = self._item_id

    def _restore(self) -> None:
        kept, self._kept = self._kept, None
        self._item_id = None  # reload: the item may have changed since it was shown
        if kept is None or not self.select(kept):
            self._show(None)

    def _show(self, item_id: str | None) -> None:
        if item_id == self._item_id and item_id is not None:
            return
        self._item_id = item_id
        item = self._catalog.get_item(item_id) if item_id else None
        self.changed.emit(item)
