"""Labels that show what people typed: always plain text.

A QLabel guesses its format (``Qt.AutoText``): a title such as ``<img src="file:///…">``
would be rendered as HTML and could load a local file. Every label that shows user text is
made here, so none is left guessing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def user_text_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A QLabel that shows ``text`` (and every later text) as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
