"""The meeting's participants in the memo header: every person, ticked if at the meeting.

A list widget made a checkable item for each person: with the 3,000 people of a
million-item fact base it took 46-91 ms to fill on the window's thread, and the form walked
every row at each refresh. This model holds the people and the ticked ids; the view asks
only for the rows it paints.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

AnyIndex = QModelIndex | QPersistentModelIndex
Person = tuple[str, str]  # (id, label)


class ParticipantsModel(QAbstractListModel):
    """People, each with a tick; :attr:`ticked_by_staffer` fires when a tick is changed in
    the view (not when :meth:`set_ticked` shows the briefing's)."""

    ticked_by_staffer = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []
        self._ticked: set[str] = set()

    def people(self) -> list[Person]:
        return list(self._people)

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def ids(self) -> list[str]:
        """Every person's id, in the list's order."""
        return [person_id for person_id, _label in self._people]

    def ticked(self) -> set[str]:
        return set(self._ticked)

    def set_ticked(self, person_ids: Iterable[str]) -> None:
        ticked = set(person_ids)
        if ticked != self._ticked:
            self._ticked = ticked
            if self._people:
                self.dataChanged.emit(self.index(0), self.index(len(self._people) - 1),
                                      [Qt.ItemDataRole.CheckStateRole])

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person_id, label = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.UserRole:
            return person_id
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if person_id in self._ticked
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        person_id = self._people[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._ticked.add(person_id)
        else:
            self._ticked.discard(person_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_by_staffer.emit()
        return True
