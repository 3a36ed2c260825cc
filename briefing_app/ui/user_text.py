"""Labels, message boxes and questions that show what people typed: always plain text.

A QLabel guesses its format (``Qt.AutoText``), and so do QMessageBox's static functions
and QInputDialog's label: a title such as ``<img src="file:///…">`` would be rendered as
HTML and could load a local file. Every label, message and question that can show user
text (a name, a title, a tag, a file name, an error quoting one) is made here, so none is
left guessing.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def user_text_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A QLabel that shows ``text`` (and every later text) as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str,
                buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """A QMessageBox (not shown yet) whose text is plain text. Its default button is
    ``default``, else, as in QMessageBox's static functions, the first accepting one."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    else:
        accepting = [button for button in box.buttons()
                     if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole]
        if accepting:
            box.setDefaultButton(min(accepting, key=lambda b: box.standardButton(b).value))
    return box


def _run(box: QMessageBox) -> Button:
    """Show ``box`` modally; the button chosen (Escape and the close button choose the
    box's escape button, as in QMessageBox's static functions)."""
    box.exec()
    clicked = box.clickedButton()
    answer = box.standardButton(clicked) if clicked is not None else Button.Cancel
    _close_for_good(box)
    return answer


def ask(parent: QWidget | None, title: str, text: str,
        buttons: Button = Button.Yes | Button.No, default: Button = Button.NoButton) -> Button:
    """``QMessageBox.question`` with ``text`` shown as plain text: the same buttons, the
    same default and the same Escape (No or Cancel); the button chosen."""
    return _run(message_box(parent, Icon.Question, title, text, buttons, default))


def tell(parent: QWidget | None, title: str, text: str, icon: Icon = Icon.Warning) -> None:
    """``QMessageBox.warning`` (``information`` or ``critical`` with ``icon``) with
    ``text`` shown as plain text."""
    _run(message_box(parent, icon, title, text))


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """``QInputDialog.getText`` with ``label`` shown as plain text; the text typed, None
    when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.findChild(QLabel).setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextValue(text)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.textValue()
    _close_for_good(dialog)
    return typed if accepted else None


def _close_for_good(dialog: QDialog) -> None:
    """Delete a dialog that has been answered, at once, as QMessageBox's static functions
    do: a hidden one left until later would stay the active window, and the keys typed
    next (Ctrl+Z) would go to it instead of the main window."""
    shiboken6.delete(dialog)
