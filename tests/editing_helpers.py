"""Driving the editing side in tests the way a staffer does: keys, clicks, typing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTableView

from briefing_app.ui.editing.controller import EditingController
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings


def open_window(qtbot, fact_base, tmp_path):
    """The main window with editing wired in (by the window itself once it creates the
    controller, else here)."""
    window = MainWindow(fact_base, fact_base.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    editing = getattr(window, "editing", None) or EditingController(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, editing


def row_rect(table: QTableView, item_id: str):
    model = table.model()
    index = model.index(model.row_of(item_id), COLUMN_KEYS.index("title"))
    table.scrollTo(index)
    return table.visualRect(index)


def click_item(qtbot, window, item_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = window.item_view
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     row_rect(table, item_id).center())


def select_items(qtbot, window, item_ids: list[str]) -> None:
    """Click the first item, Ctrl+click the others."""
    click_item(qtbot, window, item_ids[0])
    for item_id in item_ids[1:]:
        click_item(qtbot, window, item_id, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.selected_item_ids()) == sorted(item_ids)


def answer_next_dialog(qtbot, handle: Callable[[QDialog], None]) -> list[QDialog]:
    """Run ``handle`` on the next modal dialog that opens (``exec()`` blocks the test
    until it closes, as it blocks the user's other windows). Returns the dialogs seen, so
    a test fails clearly when none opened."""
    seen: list[QDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible() and dialog not in seen \
                and dialog.objectName() not in ("itemEditor",):
            seen.append(dialog)
            try:
                handle(dialog)
            except BaseException:
                dialog.reject()  # never leave the test blocked in exec()
                raise  # pytest-qt reports an exception raised in a Qt callback
            return
        timer.start(10)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(poll)
    timer.start(0)
    seen_timer.append(timer)  # keep the timer alive until it fires
    return seen


seen_timer: list[QTimer] = []


def pick(qtbot, combo, label_start: str) -> None:
    """Choose an entry of a combo box with the arrow keys, as a keyboard user does
    (typing a letter would depend on the keyboard-search timeout)."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(label_start):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{label_start!r} is not in the combo box")
