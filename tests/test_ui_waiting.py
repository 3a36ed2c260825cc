"""While another program writes to the fact base, the window waits behind a dialog.

The other program is a real second process holding SQLite's write lock (``lock_holder``).
A staffer's edit then does not freeze the window or fail after five seconds: a dialog
says the change waits for another program, with Cancel; once the other program commits,
the edit lands and the dialog goes. Cancel leaves the fact base as it was and the editor
open with the typing, and says the change was not saved.
"""

from __future__ import annotations

import time

import pytest
from lock_holder import LockHolder
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from briefing_app.core.errors import FactBaseError
from briefing_app.core.model import Item
from briefing_app.core.undo import LONG_FROM
from briefing_app.ui.library_ops import waiting_text

NEW_TITLE = "Petro's U.S. visa revoked"


@pytest.fixture
def messages(qtbot):
    """The texts of the message boxes the window shows, each answered with its default
    button as it opens (a box left open would block the test in its ``exec()``)."""
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            shown.append(box.text())
            qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    yield shown
    timer.stop()


def waiting_dialogs() -> list[QProgressDialog]:
    """The top-level dialogs on screen that say a change waits for another program."""
    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QProgressDialog) and widget.isVisible()
            and widget.labelText() == waiting_text()]


def when_waiting_dialog_shows(handle) -> list[QProgressDialog]:
    """Run ``handle(dialog)`` once the waiting dialog is on screen (the click that started
    the change returns only when it has ended). Returns the dialogs seen."""
    seen: list[QProgressDialog] = []
    timer = QTimer()

    def poll() -> None:
        shown = waiting_dialogs()
        if not shown:
            return
        timer.stop()
        seen.extend(shown)
        handle(shown[0])

    timer.timeout.connect(poll)
    timer.start(20)
    seen_timers.append(timer)
    return seen


seen_timers: list[QTimer] = []


def type_new_title(qtbot, editing):
    editor = editing.edit_item("f-visa-revoked")
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, NEW_TITLE)
    return editor


def test_an_edit_waits_behind_a_dialog_and_lands_when_the_other_program_commits(
        qtbot, window, editing, sample_fb, messages):
    editor = type_new_title(qtbot, editing)
    with LockHolder(sample_fb.path) as holder:
        seen = when_waiting_dialog_shows(lambda _dialog: holder.release())
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert len(seen) == 1 and seen[0].findChildren(QPushButton)  # with Cancel
    assert messages == []
    assert sample_fb.get_item("f-visa-revoked").title == NEW_TITLE
    assert not editor.isVisible()
    assert waiting_dialogs() == []
    assert window.undo_stack.undoText().startswith("Edit fact")


def test_cancel_while_waiting_saves_nothing_says_so_and_keeps_the_typing(
        qtbot, window, editing, sample_fb, messages):
    before = sample_fb.get_item("f-visa-revoked")
    editor = type_new_title(qtbot, editing)
    with LockHolder(sample_fb.path):
        seen = when_waiting_dialog_shows(lambda dialog: qtbot.mouseClick(
            dialog.findChildren(QPushButton)[0], Qt.MouseButton.LeftButton))
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert len(seen) == 1
        assert messages == ["You stopped waiting for the other program: the change was "
                            "not saved."]
        assert editor.isVisible() and editor.title.text() == NEW_TITLE
    assert sample_fb.get_item("f-visa-revoked") == before
    assert window.undo_stack.count() == 0
    assert waiting_dialogs() == []


def test_a_long_change_on_a_worker_says_it_waits_then_lands(
        qtbot, window, editing, sample_fb):
    sample_fb.save_items([Item(f"bulk-{n:03d}", "fact", f"Generated fact {n}",
                               status="unverified") for n in range(LONG_FROM)])
    window.fact_base_changed.emit()
    window.item_view.setFocus()
    qtbot.keyClick(window.item_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ids = window.selected_item_ids()
    assert len(ids) > LONG_FROM  # a change that runs on a worker from the start
    with LockHolder(sample_fb.path) as holder:
        seen = when_waiting_dialog_shows(lambda _dialog: holder.release())
        editing.actions["status_verified"].trigger()
    assert len(seen) == 1
    assert {item.status for item in sample_fb.get_items(ids)} == {"verified"}
    assert window.statusBar().currentMessage() == f"{len(ids)} items changed."
    assert waiting_dialogs() == []


def test_a_write_of_the_ui_thread_outside_the_undo_stack_refuses_at_once(
        window, sample_fb):
    with LockHolder(sample_fb.path):
        started = time.monotonic()
        with pytest.raises(FactBaseError, match="another program is changing"):
            sample_fb.save_search("held up", "visa")  # as the Saved Searches menu does
        assert time.monotonic() - started < 1  # the window did not freeze
    assert sample_fb.get_saved_search("held up") is None


# ---------------------------------------------------------------- the first change's check


def test_the_window_checks_a_newly_opened_file_on_a_worker(qtbot, sample_fb, tmp_path,
                                                          monkeypatch):
    """SQLite's quick check reads the whole file (two seconds at a million items): the
    window runs it on a worker as it opens the file, not in the staffer's first save."""
    import threading

    from editing_helpers import open_window

    from briefing_app.store import FactBase, integrity

    checked_on = []
    real_check = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda conn: (
        checked_on.append(threading.current_thread()), real_check(conn))[1])
    reopened = FactBase.open(sample_fb.path)
    assert not reopened.verified
    open_window(qtbot, reopened, tmp_path)
    qtbot.waitUntil(lambda: reopened.verified, timeout=5000)
    assert checked_on and threading.main_thread() not in checked_on
    reopened.close()


def test_a_save_before_the_check_is_done_runs_on_a_worker(qtbot, sample_fb, tmp_path,
                                                         monkeypatch, messages):
    import threading

    from editing_helpers import open_window

    from briefing_app.store import FactBase, integrity

    monkeypatch.setattr(FactBase, "verify_before_writing", lambda self: False)  # not yet
    checked_on = []
    real_check = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda conn: (
        checked_on.append(threading.current_thread()), real_check(conn))[1])
    reopened = FactBase.open(sample_fb.path)
    window, editing = open_window(qtbot, reopened, tmp_path)
    editor = type_new_title(qtbot, editing)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert messages == [] and not editor.isVisible()
    assert reopened.get_item("f-visa-revoked").title == NEW_TITLE
    assert len(checked_on) == 1 and checked_on[0] is not threading.main_thread()
    assert window.undo_stack.undoText().startswith("Edit fact")
    window.close()
    reopened.close()
