"""Changes to many items run off the UI thread: the window keeps painting, a progress
dialog shows when they last, Cancel leaves the fact base as it was, undo works the same."""

from __future__ import annotations

import threading

import pytest
from editing_helpers import open_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from briefing_app.core.model import Item
from briefing_app.store import FactBaseError
from briefing_app.ui import commands, workers

EXTRA = 160  # with the sample's items: more than commands.LONG_FROM, fewer than one page


@pytest.fixture
def big_fb(sample_fb):
    sample_fb.save_items(
        [Item(f"bulk-{n:03d}", "fact", f"Generated fact {n} about coca indicators.",
              status="unverified") for n in range(EXTRA)]
    )
    return sample_fb


@pytest.fixture
def opened(qtbot, big_fb, tmp_path):  # the shared fixture's window, on the bigger fact base
    return open_window(qtbot, big_fb, tmp_path)


def select_all(qtbot, window) -> list[str]:
    window.item_view.setFocus()
    qtbot.keyClick(window.item_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ids = window.selected_item_ids()
    assert len(ids) >= commands.LONG_FROM
    return ids


def statuses(fb, ids) -> set[str]:
    return {item.status for item in fb.get_items(ids)}


def slow_store(monkeypatch, fb, seconds_of_sql: float, threads: list | None = None):
    """Make every item save run a long SQL statement first (a recursive count), so a
    change lasts; note the threads the saves run on."""
    real_save = fb.save_items
    rows = int(seconds_of_sql * 3_000_000)

    def save_items(items, **kwargs):
        if threads is not None:
            threads.append(threading.current_thread())
        fb.connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
            " SELECT count(*) FROM n", (rows,)).fetchone()
        return real_save(items, **kwargs)

    monkeypatch.setattr(fb, "save_items", save_items)


def test_a_change_to_many_items_runs_off_the_ui_thread_and_undoes(
        qtbot, opened, big_fb, monkeypatch):
    window, editing = opened
    ids = select_all(qtbot, window)
    threads: list[threading.Thread] = []
    slow_store(monkeypatch, big_fb, 0.6, threads)
    ticks = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(1))
    clock.start(50)  # runs on the UI thread: counts only while that thread is free

    editing.actions["status_verified"].trigger()
    clock.stop()

    assert statuses(big_fb, ids) == {"verified"}
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert len(ticks) >= 5  # the UI thread kept running its events meanwhile
    assert window.statusBar().currentMessage() == f"{len(ids)} items changed."
    assert window.undo_stack.undoText() == "Set status verified"

    threads.clear()
    window.undo_stack.undo()
    assert statuses(big_fb, ["bulk-000", "bulk-159"]) == {"unverified"}
    window.undo_stack.redo()
    assert statuses(big_fb, ids) == {"verified"}
    assert len(threads) == 1 and threads[0] is not threading.main_thread()  # redo's save


def wait_dialog():
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, workers.JobDialog) and widget.isVisible() else None


def test_cancel_stops_a_long_change_and_keeps_the_fact_base_as_it_was(
        qtbot, opened, big_fb, monkeypatch):
    window, editing = opened
    ids = select_all(qtbot, window)
    before = {item.id: item.status for item in big_fb.get_items(ids)}
    undo_count = window.undo_stack.count()
    slow_store(monkeypatch, big_fb, 30.0)  # far longer than the test waits
    seen = []

    def press_cancel() -> None:
        dialog = wait_dialog()
        if dialog is None:
            QTimer.singleShot(50, press_cancel)
            return
        seen.append(dialog.labelText())
        (button,) = dialog.findChildren(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_cancel)
    editing.actions["status_disputed"].trigger()

    assert seen == [f"Set status disputed ({len(ids)} items)…"]
    assert {item.id: item.status for item in big_fb.get_items(ids)} == before
    assert window.undo_stack.count() == undo_count  # nothing to undo: nothing happened
    assert window.statusBar().currentMessage() == "Cancelled. Nothing was changed."
    assert wait_dialog() is None


def test_a_short_change_shows_no_dialog_and_runs_at_once(qtbot, opened, big_fb, monkeypatch):
    window, editing = opened
    threads: list[threading.Thread] = []
    slow_store(monkeypatch, big_fb, 0.0, threads)
    window.current_item.select("bulk-001")
    editing.actions["status_verified"].trigger()
    assert threads == [threading.main_thread()]  # one item: no worker, no waiting
    assert statuses(big_fb, ["bulk-001"]) == {"verified"}


def test_a_failure_on_the_worker_reaches_the_staffer_and_changes_nothing(
        qtbot, opened, big_fb, monkeypatch, answers):
    window, editing = opened
    ids = select_all(qtbot, window)
    before = statuses(big_fb, ids)

    def fail(items, **kwargs):
        raise FactBaseError("Could not save the change: the disk is full.")

    monkeypatch.setattr(big_fb, "save_items", fail)
    editing.actions["status_verified"].trigger()
    assert [(shown.title, shown.text) for shown in answers.shown] == [
        ("Cannot Change the Fact Base", "Could not save the change: the disk is full.")]
    assert statuses(big_fb, ids) == before


def test_undoing_a_long_change_cannot_be_cancelled_halfway(qtbot):
    dialog = workers.JobDialog("Undo Set status verified…", None, after_ms=0, cancellable=False,
                               modality=Qt.WindowModality.ApplicationModal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.findChildren(QPushButton)  # no Cancel button
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()  # Esc and the close button leave it up until the job ends
    dialog.hide()


def test_changes_to_a_tag_run_off_the_ui_thread_whatever_the_selection(
        qtbot, opened, big_fb, monkeypatch):
    window, editing = opened
    big_fb.save_item(Item("tagged", "fact", "Tagged fact.", tags=["coca"]))
    threads = []
    real = big_fb.rename_tag

    def rename_tag(old, new):
        threads.append(threading.current_thread())
        return real(old, new)

    monkeypatch.setattr(big_fb, "rename_tag", rename_tag)
    assert editing.run_or_report(commands.rename_tag("coca", "coca-crops"))
    assert threads and threads[0] is not threading.main_thread()  # a tag may have thousands
    assert big_fb.get_item("tagged").tags == ["coca-crops"]
