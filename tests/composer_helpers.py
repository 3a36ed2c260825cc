"""Driving the composer in tests the way a staffer does: drops, clicks, typing."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from briefing_app.ui.composer.controller import ComposerController
from briefing_app.ui.main_window import MainWindow


def open_window(qtbot, fact_base):
    """The main window with the composer wired in (by the window itself once it creates
    the controller, else here)."""
    window = MainWindow(fact_base, fact_base.path)
    qtbot.addWidget(window)
    composer = getattr(window, "composer", None) or ComposerController(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window, composer


def layout(fb, briefing_id: str) -> list[tuple[str, list[str]]]:
    """Each section of the stored briefing as (heading, [item id or text of each block])."""
    return [(s.heading, [b.item or b.text for b in s.blocks])
            for s in fb.get_briefing(briefing_id).sections]


def section_id(composer, heading: str) -> int:
    return next(s.id for s in composer.session.briefing.sections if s.heading == heading)


def drag_items(window, composer, item_ids: list[str], heading: str, row: int) -> bool:
    """Drag items from the fact base table and drop them at ``row`` of a section: the
    table model's mime data goes to the composer model's drop handler, as in a real drop."""
    item_model = window.item_model
    indexes = [item_model.index(item_model.row_of(i), 0) for i in item_ids]
    assert all(index.isValid() for index in indexes), "items not in the table"
    mime = item_model.mimeData(indexes)
    tree_model = composer.panel.model
    target = tree_model.section_index(section_id(composer, heading))
    if not tree_model.canDropMimeData(mime, Qt.DropAction.CopyAction, row, 0, target):
        return False
    return tree_model.dropMimeData(mime, Qt.DropAction.CopyAction, row, 0, target)


def select_block(composer, block_id: int) -> None:
    composer.panel.select_block(block_id)
    assert composer.panel.tree.currentIndex().isValid()


def select_section(composer, heading: str) -> None:
    panel = composer.panel
    index = panel.model.section_index(section_id(composer, heading))
    panel.tree.setCurrentIndex(index)


def write_in_place(qtbot, composer, button_key: str, text: str) -> None:
    """Click "+ Paragraph"/"+ Bullet"/"+ Point" (talking point), type in the cell editor, Enter."""
    panel = composer.panel
    qtbot.mouseClick(_button(panel, button_key), Qt.MouseButton.LeftButton)
    tree = panel.tree
    editor = tree.indexWidget(tree.currentIndex())
    assert isinstance(editor, QLineEdit), "no cell editor open"
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on Return through a queued call
    qtbot.waitUntil(lambda: tree.state() != tree.State.EditingState, timeout=3000)


def _button(panel, key: str):
    button = panel.findChild(QToolButton, f"button_{key}")
    assert button is not None and button.isEnabled(), key
    return button


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard would; QTest's keyClicks only knows ASCII, so other
    characters (á, ’, “) arrive as key events carrying their text."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     run))
