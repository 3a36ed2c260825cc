"""The rows of a records dialog (people, sources, tags) as a Qt model.

A table widget made an item object for every cell: the 5,000 sources of a million-item
fact base (25,000 cells) froze the window 160-210 ms each time Manage Sources filled.
The model hands the view the rows as read, and the view asks only for the cells it
paints (and for the first rows it measures to size its columns).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

ID_ROLE = Qt.ItemDataRole.UserRole  # the record's key, in the first column
Row = tuple[str, list[str]]  # (key, the text of each column)
AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RecordsModel(QAbstractTableModel):
    """Rows of ``(key, cells)``; the first column may be edited (a rename), which
    :attr:`renamed` reports as ``(key, the text typed)``."""

    renamed = Signal(str, str)

    def __init__(self, headers: Sequence[str], *, names_editable: bool, parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._names_editable = names_editable
        self._rows: list[Row] = []
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._row_of = {key: number for number, (key, _cells) in enumerate(rows)}
        self.endResetModel()

    def key(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key, cells = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cells[column] if column < len(cells) else ""
        if role == ID_ROLE and column == 0:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and column == len(cells) - 1 \
                and cells[column].isdigit():
            return int(_RIGHT)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._names_editable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A name typed in the first column: shown at once, reported as a rename (the
        reload after the change brings the stored rows)."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                   & Qt.ItemFlag.ItemIsEditable):
            return False
        key, cells = self._rows[index.row()]
        text = str(value)
        self._rows[index.row()] = (key, [text, *cells[1:]])
        self.dataChanged.emit(index, index)
        self.renamed.emit(key, text)
        return True
