"""Answering the app's message boxes and text questions the way a staffer does.

The app shows them modally (``exec()`` blocks until they close, as it blocks the user's
other windows), so a timer looks for the one shown, reads what it says and answers it:
clicks a button, or types a name and presses Enter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMessageBox

Button = QMessageBox.StandardButton


@dataclass(frozen=True)
class Shown:
    """What one message box or text question said."""

    title: str
    text: str
    plain: bool  # shown as plain text, so nothing in it is read as HTML


class Answers:
    """Answers every message box and text question while it is alive, and keeps what
    each one showed in :attr:`shown`.

    ``button`` is clicked on each message box that has it; a box without it is left with
    Escape (its No, Cancel or Close button, or its only one). ``typing`` is typed into
    each text question, which None cancels.
    """

    def __init__(self) -> None:
        self.button = Button.Yes
        self.typing: str | None = None
        self.shown: list[Shown] = []
        self._answered: list = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._answer_the_one_shown)
        self._timer.start()

    @property
    def texts(self) -> list[str]:
        return [shown.text for shown in self.shown]

    def stop(self) -> None:
        self._timer.stop()

    def _answer_the_one_shown(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or any(widget is done for done in self._answered):
                continue
            if isinstance(widget, QMessageBox):
                self._answered.append(widget)
                self._click(widget)
            elif isinstance(widget, QInputDialog):
                self._answered.append(widget)
                self._type(widget)

    def _click(self, box: QMessageBox) -> None:
        self.shown.append(Shown(box.windowTitle(), box.text(),
                                box.textFormat() == Qt.TextFormat.PlainText))
        button = box.button(self.button)
        if button is not None:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            QTest.keyClick(box, Qt.Key.Key_Escape)
        if box.isVisible():
            box.reject()  # never leave the test blocked in exec()

    def _type(self, dialog: QInputDialog) -> None:
        label = dialog.findChild(QLabel)
        self.shown.append(Shown(dialog.windowTitle(), label.text(),
                                label.textFormat() == Qt.TextFormat.PlainText))
        line = dialog.findChild(QLineEdit)
        if self.typing is None:
            QTest.keyClick(line, Qt.Key.Key_Escape)
            return
        line.selectAll()
        QTest.keyClicks(line, self.typing)
        QTest.keyClick(line, Qt.Key.Key_Return)
