"""Status and marking choosers: combo boxes that carry the stored code as item data.

The marking list comes from the fact base's marking scheme. A code the scheme does not
know (an item imported from another office) is kept and shown as such, never replaced.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
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


def show_whole_text(box: QComboBox) -> None:
    """Long labels are cut short in a narrow box: make the list as wide as its longest entry
    (up to a limit) and let the tooltip show the chosen one whole. Measuring every entry
    takes a while in a long list (5,000 sources: 5-10 ms): once a fill, not on each
    choice, which only changes the tooltip."""
    view = box.view()
    view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 720))
    box.setToolTip(box.currentText())


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

    def _entries(self) -> list[tuple[str, str, str]]:
        raise NotImplementedError

    def _create_record(self) -> str | None:
        raise NotImplementedError

    def _fill(self) -> None:
        current = self.current_id()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self._none_text, None)
        for record_id, label, tooltip in self._entries():
            self.box.addItem(label, record_id)
            if tooltip:
                self.box.setItemData(self.box.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        self.box.blockSignals(False)
        self.set_current_id(current)
        show_whole_text(self.box)

    def current_id(self) -> str | None:
        return self.box.currentData() if self.box.count() else None

    def set_current_id(self, record_id: str | None) -> None:
        index = self.box.findData(record_id) if record_id else 0
        self.box.setCurrentIndex(max(index, 0))

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
