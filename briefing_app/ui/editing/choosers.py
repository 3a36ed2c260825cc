"""Status and marking choosers: combo boxes that carry the stored code as item data.

The marking list comes from the fact base's marking scheme. A code the scheme does not
know (an item imported from another office) is kept and shown as such, never replaced.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from briefing_app.markings import MarkingScheme
from briefing_app.model import STATUSES


class StatusChooser(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        labels = {
            "unverified": self.tr("Unverified"),
            "verified": self.tr("Verified"),
            "disputed": self.tr("Disputed"),
        }
        for status in STATUSES:
            self.addItem(labels.get(status, status.capitalize()), status)

    def status(self) -> str:
        return self.currentData()

    def set_status(self, status: str) -> None:
        index = self.findData(status)
        self.setCurrentIndex(max(index, 0))


def show_whole_text(box: QComboBox) -> None:
    """Long labels are cut short in a narrow box: make the list as wide as its longest entry
    (up to a limit) and let the tooltip show the chosen one whole."""
    view = box.view()
    view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 720))
    box.setToolTip(box.currentText())


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
