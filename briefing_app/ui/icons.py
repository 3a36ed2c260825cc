"""Small painted icons for block kinds, so the composer needs no image files.

Each is a coloured disc with a letter: the colour tells facts, quotes and events apart at a
glance, the letter keeps them apart for colour-blind staffers.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

KIND_STYLES = {
    "fact": ("#2f6db5", "F"),
    "quote": ("#7b4fa8", "Q"),
    "event": ("#2e8b57", "E"),
    "paragraph": ("#6b6b6b", "¶"),
    "bullet": ("#6b6b6b", "•"),
    "talking-point": ("#c2661b", "T"),
    "missing": ("#c62828", "!"),
    "used": ("#2e8b57", "✓"),
}


@cache
def kind_icon(kind: str, size: int = 16) -> QIcon:
    color, letter = KIND_STYLES.get(kind, ("#888888", "?"))
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on HiDPI screens
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(1, 1, size * 2 - 2, size * 2 - 2))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 1.2))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size * 2, size * 2), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)
