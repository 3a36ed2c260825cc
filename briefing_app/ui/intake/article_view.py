"""The article as read, with every proposal highlighted where it came from.

Quotes, events and facts each have a colour; a proposal that is not ticked keeps only a
faint trace of it, and the proposal chosen in the list is outlined and scrolled into view.
The text is read-only: proposals are edited on the other side.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from briefing_app.exchange.intake import Extraction, ItemProposal

COLOURS = {"quote": "#ffe9a8", "event": "#cfe3ff", "fact": "#d9f2dc"}
FAINT = {"quote": "#fff8e1", "event": "#eef5ff", "fact": "#f1faf2"}
CURRENT = "#ffb74d"


class ArticleView(QPlainTextEdit):
    """Shows ``extraction.text`` with its proposals highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(self.tr("Article text"))
        self._extraction: Extraction | None = None
        self._current: ItemProposal | None = None
        self._wide = False

    def show_extraction(self, extraction: Extraction) -> None:
        self._extraction = extraction
        self._wide = any(ord(c) > 0xFFFF for c in extraction.text)
        self.setPlainText(extraction.text)
        self.refresh()

    def _position(self, index: int) -> int:
        """A character index of the text as Qt counts it (UTF-16: an emoji is two)."""
        if not self._wide:
            return index
        return len(self._extraction.text[:index].encode("utf-16-le")) // 2

    def set_current(self, proposal: ItemProposal | None) -> None:
        """Outline ``proposal`` and scroll to it (None: no proposal chosen)."""
        self._current = proposal
        self.refresh()
        if proposal is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._position(proposal.span[0]))
            self.setTextCursor(cursor)
            self.centerCursor()

    def refresh(self) -> None:
        """Draw the highlights again (after a tick box or a text changed)."""
        if self._extraction is None:
            return
        selections = []
        for proposal in self._extraction.items:
            colours = COLOURS if proposal.accepted else FAINT
            selections.append(self._selection(proposal.span, colours[proposal.kind]))
        for person in self._extraction.people:
            for span in person.spans:
                selection = self._selection(span, None)
                selection.format.setFontUnderline(True)
                selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                selections.append(selection)
        if self._current is not None:
            current = self._selection(self._current.span, CURRENT)
            current.format.setProperty(QTextFormat.Property.OutlinePen, QColor(CURRENT))
            selections.append(current)
        self.setExtraSelections(selections)

    def _selection(self, span: tuple[int, int], colour: str | None) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        length = self.document().characterCount() - 1
        cursor.setPosition(min(self._position(span[0]), length))
        cursor.setPosition(min(self._position(span[1]), length),
                           QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = QTextCharFormat()
        if colour is not None:
            selection.format.setBackground(QBrush(QColor(colour)))
        return selection
