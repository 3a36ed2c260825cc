"""Work the window's first frame does not need, run once that frame is painted.

Some set-up costs more the first time than it is worth before the window shows: the first
``viewport()`` a Python call asks of an item view makes PySide build the Python types of
every widget class (12 ms). :func:`after_first_paint` runs such work right after the
widget's first paint event instead of before it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._work = widget, work
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._work()
        self.deleteLater()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run ``work`` once ``widget`` has painted (soon, if it is on screen already)."""
    if widget.isVisible():
        QTimer.singleShot(0, widget, work)
    else:
        _FirstPaint(widget, work)
