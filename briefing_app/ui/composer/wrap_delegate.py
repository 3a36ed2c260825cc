"""How the section tree draws its rows.

Block rows wrap onto two lines, so a staffer reads a talking point or a fact in the tree
instead of its first few words (Qt's tree asks a delegate for a row's height without
telling it the column's width, so the height is computed here from the width the text
really gets). Section rows show, after the heading, a grey hint: what the template asks
for in an empty section, or what an automatic section will hold.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from .tree_model import HINT_ROLE


def _style_class():
    """QStyle, loaded with the first row drawn: building its Python enums takes 5 ms, and
    nothing else of the window's first screen uses it."""
    from PySide6.QtWidgets import QStyle

    return QStyle

MAX_LINES = 2


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView):
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt API
        base = super().sizeHint(option, index)
        if index.column() != 0 or not index.parent().isValid():
            return base
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth = 1  # blocks sit one level below their section
        width = self._view.columnWidth(0) - self._view.indentation() * (depth + 1)
        has_icon = bool(opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration)
        width -= opt.decorationSize.width() + 12 if has_icon else 8
        metrics = opt.fontMetrics
        text_rect = metrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                         Qt.TextFlag.TextWordWrap, opt.text)
        lines = max(1, min(MAX_LINES, round(text_rect.height() / max(1, metrics.lineSpacing()))))
        focus_margin = _style_class().PixelMetric.PM_FocusFrameVMargin
        margin = self._view.style().pixelMetric(focus_margin) * 2 + 4
        return QSize(base.width(), max(base.height(), lines * metrics.lineSpacing() + margin))

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        super().paint(painter, option, index)
        hint = index.data(HINT_ROLE) if index.column() == 0 else None
        if not hint:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        text_element = _style_class().SubElement.SE_ItemViewItemText
        text_rect = style.subElementRect(text_element, opt, self._view)
        heading_width = QFontMetrics(opt.font).horizontalAdvance(opt.text) + 14
        area = text_rect.adjusted(heading_width, 0, 0, 0)
        if area.width() < 30:
            return
        font = QFontMetrics(option.font)
        selected = bool(option.state & _style_class().StateFlag.State_Selected)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText) if selected
                       else QColor("#808080"))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         font.elidedText(hint, Qt.TextElideMode.ElideRight, area.width()))
        painter.restore()
