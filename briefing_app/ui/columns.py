"""Which columns of the item table are visible: a right-click menu on the header.

Nine columns do not fit beside the details pane, so the less used ones start hidden and
each column can be shown or hidden from the header's context menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView

from briefing_app.ui.item_columns import COLUMNS

HIDDEN_AT_START = ("tags", "marking")


class ColumnChooser(QObject):
    """One checkable action per column on the table's horizontal header."""

    def __init__(self, view: QTableView, hidden: tuple[str, ...] = HIDDEN_AT_START):
        super().__init__(view)
        self._view = view
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.actions: dict[str, QAction] = {}
        for number, column in enumerate(COLUMNS):
            action = QAction(column.title, header)
            action.setCheckable(True)
            action.setChecked(column.key not in hidden)
            action.toggled.connect(
                lambda shown, number=number: self._view.setColumnHidden(number, not shown)
            )
            header.addAction(action)
            self.actions[column.key] = action
            view.setColumnHidden(number, column.key in hidden)

    def set_visible(self, key: str, visible: bool) -> None:
        self.actions[key].setChecked(visible)
