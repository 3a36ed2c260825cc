"""Undo and Redo as the window shows them: the Edit menu names the change; the tool bar
keeps a short, fixed label so it never shifts at an edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # by this name, so lupdate reads the context


def install_undo_actions(window) -> None:
    """Wire Edit ▸ Undo/Redo and their tool bar buttons to the window's undo stack."""
    undo, redo = window.actions["undo"], window.actions["redo"]
    undo.triggered.connect(window.undo_stack.undo)
    redo.triggered.connect(window.undo_stack.redo)
    undo.setEnabled(False)
    redo.setEnabled(False)
    window.undo_stack.canUndoChanged.connect(undo.setEnabled)
    window.undo_stack.canRedoChanged.connect(redo.setEnabled)
    # The tool bar shows a short, fixed label (a long one would shift the tool bar at
    # every edit and push the exports into its overflow menu); the Edit menu and the
    # tooltip name the change.
    undo.setIconText(translate("MainWindow", "Undo"))
    redo.setIconText(translate("MainWindow", "Redo"))
    window.undo_stack.undoTextChanged.connect(lambda text: _name_step(
        undo, *_undo_texts(text)))
    window.undo_stack.redoTextChanged.connect(lambda text: _name_step(
        redo, *_redo_texts(text)))
    width = max(window.toolbar.widgetForAction(action).sizeHint().width()
                for action in (undo, redo))
    for action in (undo, redo):
        window.toolbar.widgetForAction(action).setFixedWidth(width)


def _name_step(action, menu_text: str, tip: str) -> None:
    action.setText(menu_text)
    action.setToolTip(tip)
    action.setStatusTip(tip)



def _undo_texts(step: str) -> tuple[str, str]:
    """The Edit menu's text and the tooltip for undoing ``step`` ("" when none)."""
    if not step:
        return translate("MainWindow", "&Undo"), translate("MainWindow", "Undo the last change")
    return translate("MainWindow", "&Undo %s") % step, translate("MainWindow", "Undo %s") % step


def _redo_texts(step: str) -> tuple[str, str]:
    if not step:
        return translate("MainWindow", "&Redo"), translate("MainWindow", "Redo the undone change")
    return translate("MainWindow", "&Redo %s") % step, translate("MainWindow", "Redo %s") % step
