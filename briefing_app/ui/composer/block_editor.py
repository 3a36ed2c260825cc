"""The selected block in full, under the section tree.

For free text: its style and words. For an item: what the fact base says (read-only, so a
correction there shows up here and in the memo), an optional override that replaces the
words in this memo only, a private note, and for a fact or event its style (a paragraph,
a bullet or a talking point). Typing is saved after a short pause and when
the field loses focus; a field is only rewritten from the store when its stored value
differs from what it shows, so the cursor never jumps while typing.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from briefing_app.core.model import BLOCK_STYLES
from briefing_app.document import composer_ops
from briefing_app.ui.labels import block_kind_label, status_label
from briefing_app.ui.user_text import user_text_label

from .session import ComposerSession

SAVE_DELAY_MS = 400


class _PlainText(QPlainTextEdit):
    """A plain-text box that reports losing focus (to save at once)."""

    def __init__(self, on_leave, parent=None):
        super().__init__(parent)
        self._on_leave = on_leave
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._on_leave()
        super().focusOutEvent(event)


class BlockEditor(QWidget):
    def __init__(self, session: ComposerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.block_id: int | None = None
        self.setObjectName("blockEditor")
        self.setAccessibleName(self.tr("Selected block"))

        self.caption = user_text_label(self)
        self.caption.setObjectName("blockCaption")
        self.caption.setStyleSheet("font-weight: bold;")
        self.item_text = user_text_label(self)
        self.item_text.setObjectName("blockItemText")
        self.item_text.setWordWrap(True)
        self.item_text.setAccessibleName(self.tr("Text in the fact base"))
        self.item_text.setStyleSheet("color: #444;")
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("blockStyle")
        self.style_box.setAccessibleName(self.tr("Block style"))
        for style in BLOCK_STYLES:
            self.style_box.addItem(block_kind_label(style), style)
        self.style_box.activated.connect(self._style_chosen)
        self.text = _PlainText(self._save_now, self)
        self.text.setObjectName("blockText")
        self.text.setAccessibleName(self.tr("Block text"))
        self.text.setMaximumHeight(64)
        self.note = QLineEdit(self)
        self.note.setObjectName("blockNote")
        self.note.setAccessibleName(self.tr("Note (not printed)"))
        self.note.setPlaceholderText(self.tr("A reminder for you; never printed"))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_now)
        self.text.textChanged.connect(self._typed)
        self.note.textEdited.connect(self._typed)
        self.note.editingFinished.connect(self._save_now)

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addRow(self.caption)
        layout.addRow(self.item_text)
        self._style_label = QLabel(self.tr("Style"), self)
        layout.addRow(self._style_label, self.style_box)
        self._text_label = QLabel(self.tr("Text"), self)
        layout.addRow(self._text_label, self.text)
        layout.addRow(self.tr("Note"), self.note)
        session.changed.connect(self.refresh)
        self.show_block(None)

    # ------------------------------------------------------------ which block

    def show_block(self, block_id: int | None) -> None:
        if block_id != self.block_id:
            self._save_now()
        self.block_id = block_id
        self.refresh()

    def refresh(self) -> None:
        block = self.session.block(self.block_id)
        self.setEnabled(block is not None)
        if block is None:
            self.block_id = None
            self.caption.setText(self.tr("Select a block to edit it here."))
            self.item_text.hide()
            self._set_text("", "")
            return
        item = self.session.item(block.item)
        kind = composer_ops.block_kind(block, item)
        label = block_kind_label(kind)
        is_item = block.is_item
        styled = not is_item or kind in ("fact", "event")  # a quote is always a block quote
        self.item_text.setVisible(is_item)
        self.style_box.setVisible(styled)
        self._style_label.setVisible(styled)
        with QSignalBlocker(self.style_box):
            self.style_box.setCurrentIndex(self.style_box.findData(block.style))
        if is_item:
            status = status_label(item.status).lower() if item else self.tr("not in the fact base")
            self.caption.setText(f"{label} · {status}")
            self.item_text.setText(item.text if item else self.tr(
                "This item was deleted from the fact base; the memo leaves it out."))
            self._text_label.setText(self.tr("Override"))
            self.text.setPlaceholderText(self.tr(
                "Other words for this memo only; empty = the fact base text"))
            self._set_text(block.override, block.note)
        else:
            self.caption.setText(label)
            self._text_label.setText(self.tr("Text"))
            self.text.setPlaceholderText(self.tr("Write the paragraph, bullet or talking point"))
            self._set_text(block.text, block.note)

    def _set_text(self, text: str, note: str) -> None:
        if self.text.toPlainText() != text:
            with QSignalBlocker(self.text):
                self.text.setPlainText(text)
        if self.note.text() != note:
            self.note.setText(note)

    # ------------------------------------------------------------ saving

    def _typed(self, *_args) -> None:
        self._timer.start()

    def _style_chosen(self, _index: int) -> None:
        if self.block_id is not None:
            self.session.update_block(self.block_id, style=self.style_box.currentData())

    def _save_now(self) -> None:
        """Write what the fields show, if it differs from the store (one undo step per
        field while typing continues)."""
        self._timer.stop()
        block = self.session.block(self.block_id)
        if block is None:
            return
        words = self.text.toPlainText()
        field = "override" if block.is_item else "text"
        if getattr(block, field) != words:
            self.session.update_block(block.id, **{field: words})
        if self.note.text() != block.note and self.session.block(block.id) is not None:
            self.session.update_block(block.id, note=self.note.text())

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Save what is typed now (the window is closing)."""
        if self._timer.isActive() or self.text.hasFocus() or self.note.hasFocus():
            self._save_now()
