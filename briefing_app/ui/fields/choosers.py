"""Status and marking choosers: combo boxes that carry the stored code as item data.

The marking list comes from the fact base's marking scheme. A code the scheme does not
know (an item imported from another office) is kept and shown as such, never replaced.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from briefing_app.core.markings import MarkingScheme
from briefing_app.core.model import STATUSES
from briefing_app.ui.labels import status_label


class StatusChooser(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        for status in STATUSES:
            self.addItem(status_label(status), status)

    def status(self) -> str:
        return self.currentData()

    def set_status(self, status: str) -> None:
        index = self.findData(status)
        self.setCurrentIndex(max(index, 0))


Entry = tuple[str | None, str, str]  # (record id, None for "none"; label; tooltip)
_LONGEST_MEASURED = 20  # labels measured to size a picker's list (the longest by length)


class _EntriesModel(QAbstractListModel):
    """A picker's entries, handed to the combo box at once: 5,000 sources added one item
    at a time cost 20-40 ms of each opening of the item editor. The record id is under
    Qt's UserRole, where ``QComboBox.currentData`` looks."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._row_of: dict[str | None, int] = {}

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._row_of = {}
        for row, (record_id, _label, _tip) in enumerate(entries):
            self._row_of.setdefault(record_id, row)
        self.endResetModel()

    def row_of(self, record_id: str | None) -> int | None:
        return self._row_of.get(record_id)

    def labels(self) -> list[str]:
        return [label for _id, label, _tip in self._entries]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record_id, label, tooltip = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return record_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip or None
        return None


class RecordPicker(QWidget):
    """A combo box of fact-base records with a "(none)" entry first, and a "New…" button
    that creates a record inline and selects it; refilled when the records change.

    Subclasses pass their (translated) texts and supply :meth:`_entries` (id, label,
    tooltip) and :meth:`_create_record` (the new record's id, or None if cancelled).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None, *, reloaded: SignalInstance, box_name: str,
                 box_label: str, none_text: str, button_name: str, button_label: str,
                 button_tip: str):
        super().__init__(parent)
        self._none_text = none_text
        self.box = QComboBox(self)
        self.box.setObjectName(box_name)
        self.box.setAccessibleName(box_label)
        self.box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(18)
        self._entries_model = _EntriesModel(self.box)
        self.box.setModel(self._entries_model)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setObjectName(button_name)
        self.new_button.setAccessibleName(button_label)
        self.new_button.setToolTip(button_tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.new_button)
        self.setFocusProxy(self.box)
        self._fill()
        reloaded.connect(self._fill)
        self.new_button.clicked.connect(self._create)
        self.box.currentIndexChanged.connect(self.changed)
        self.box.currentIndexChanged.connect(
            lambda _index: self.box.setToolTip(self.box.currentText()))

    def _entries(self) -> list[Entry]:
        raise NotImplementedError

    def _create_record(self) -> str | None:
        raise NotImplementedError

    def _fill(self) -> None:
        current = self.current_id()
        self.box.blockSignals(True)
        self._entries_model.set_entries([(None, self._none_text, ""), *self._entries()])
        self.box.blockSignals(False)
        self.set_current_id(current)
        self._fit_list()
        self.box.setToolTip(self.box.currentText())

    def _fit_list(self) -> None:
        """Long labels are cut short in a narrow box: the list is as wide as its longest
        entry (up to a limit), and the tooltip shows the chosen one whole. Measured on
        the longest labels only: Qt measures every row of a list, 5-10 ms for 5,000
        sources."""
        longest = heapq.nlargest(_LONGEST_MEASURED, self._entries_model.labels(), key=len)
        metrics = self.box.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for label in longest), default=0)
        self.box.view().setMinimumWidth(min(widest + 24 + 2 * metrics.averageCharWidth(), 720))

    def current_id(self) -> str | None:
        return self.box.currentData() if self.box.count() else None

    def set_current_id(self, record_id: str | None) -> None:
        row = self._entries_model.row_of(record_id) if record_id else 0
        self.box.setCurrentIndex(row or 0)

    def _create(self) -> None:
        record_id = self._create_record()
        if record_id is not None:
            self.set_current_id(record_id)


def marking_label(scheme: MarkingScheme, code: str) -> str:
    marking = scheme.get(code)
    if marking.banner.casefold() == marking.code.casefold():
        return marking.banner
    return f"{marking.code} — {marking.banner}"


class MarkingChooser(QComboBox):
    def __init__(self, scheme: MarkingScheme, parent: QWidget | None = None):
        super().__init__(parent)
        self._scheme = scheme
        self.addItem(self.tr("Unmarked"), "")
        for code in scheme.codes:
            self.addItem(marking_label(scheme, code), code)

    def marking(self) -> str:
        return self.currentData()

    def set_marking(self, code: str) -> None:
        code = code or ""
        if code and self._scheme.is_known(code):
            code = self._scheme.canonical(code)
        index = self.findData(code)
        if index < 0:
            self.addItem(self.tr("%s (not in the %s scheme)") % (code, self._scheme.name), code)
            index = self.count() - 1
        self.setCurrentIndex(index)
