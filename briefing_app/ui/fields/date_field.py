"""A date box that accepts partial dates and says at once what is wrong with one.

Staffers often know only the month ("in September"), so the field takes ``2025``,
``2025-09``, ``2025-09-14`` or ``2025-09-14T08:30``. Under the box a line reads the date
back as people write it ("September 14, 2025"), or, in red, why the text is not a date;
the text itself is never changed or cleared, so a typo is fixed, not retyped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from briefing_app.core import dates
from briefing_app.ui.local_dates import format_partial_date

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #666;"
# dates.FORMAT_HINT, which the core's error messages use in English
FORMAT_HINT = QT_TRANSLATE_NOOP("PartialDateField",
                                "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
# The shape of a date, right or wrong in its numbers (2026-02-30 has the shape).
_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")


class PartialDateField(QWidget):
    """A line edit for a partial ISO date with a live message line under it."""

    validityChanged = Signal(bool)
    textChanged = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._valid = True
        self._extra_problem = ""
        self._last_text = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setPlaceholderText(self.tr("e.g. 2026-02 or 2026-02-03"))
        self.edit.setToolTip(self.tr("A date, as precise as you know it: %s")
                             % self.tr(FORMAT_HINT))
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._check)
        self._check(self.edit.text())

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt naming)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.message.setAccessibleName(self.tr("%s: message") % name)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def is_valid(self) -> bool:
        return self._valid

    def value(self) -> str:
        """The date in canonical form (``""`` when empty); only call it when valid."""
        return dates.normalize(self.edit.text())

    def set_extra_problem(self, problem: str) -> None:
        """A problem the field cannot see alone (an end before the start); "" clears it."""
        if problem != self._extra_problem:
            self._extra_problem = problem
            self._check(self.edit.text())

    def error(self) -> str:
        return self.message.text() if not self._valid else ""

    def _check(self, text: str) -> None:
        problem = self._problem(text)
        if problem:
            self.message.setText(problem)
            self.message.setStyleSheet(ERROR_STYLE)
        else:
            shown = format_partial_date(dates.normalize(text), long=True) if text.strip() else ""
            self.message.setText(shown or self.tr(FORMAT_HINT))
            self.message.setStyleSheet(HINT_STYLE)
        valid = not problem
        self.edit.setProperty("invalid", not valid)
        self.edit.setStyleSheet("" if valid else "QLineEdit { border: 1px solid #b00020; }")
        changed_validity = valid != self._valid
        self._valid = valid
        if changed_validity:
            self.validityChanged.emit(valid)
        if text != self._last_text:  # last: a listener may set an extra problem again
            self._last_text = text
            self.textChanged.emit(text)

    def _problem(self, text: str) -> str:
        if not text.strip():
            return ""
        try:
            dates.normalize(text)
        except dates.DateError:
            if _SHAPE.match(text.strip()):
                return self.tr("No such day, month or time: %s") % text.strip()
            return self.tr("Not a date. Write %s") % self.tr(FORMAT_HINT)
        return self._extra_problem
