"""Search-as-you-type without a query per keystroke.

Typing "sanctions" would otherwise run nine searches; the debouncer waits until the user
pauses for :attr:`Debouncer.delay_ms` and passes on only the last text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class Debouncer(QObject):
    """Emits :attr:`settled` with the last pushed value once pushes pause."""

    settled = Signal(str)

    def __init__(self, delay_ms: int = 200, parent: QObject | None = None):
        super().__init__(parent)
        self._value = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def push(self, value: str) -> None:
        """A new value; restarts the wait."""
        self._value = value
        self._timer.start()

    def flush(self) -> None:
        """Emit now if a value is waiting (e.g. the user pressed Enter)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def _emit(self) -> None:
        self.settled.emit(self._value)
