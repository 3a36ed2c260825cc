"""A change waits while another program writes, instead of failing after a few seconds.

Another program holding the write lock is a real second process (``lock_holder``). The
store tries for the lock in short slices, tells the thread's waiting hook after each one
and goes on once the lock is free; the limit is set small here so a test of giving up
takes half a second, not ten minutes.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from lock_holder import LockHolder

from briefing_app.core.model import Item
from briefing_app.store import ChangeCancelled, FactBase, FactBaseError, readers


def release_after(holder: LockHolder, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, holder.release)
    timer.start()
    return timer


def test_a_change_waits_for_another_program_and_lands_once_it_commits(disk_fb):
    disk_fb.connection.execute("PRAGMA busy_timeout = 200")  # a single try would give up
    with LockHolder(disk_fb.path) as holder:
        release_after(holder, 1.2)
        started = time.monotonic()
        disk_fb.save_item(Item("f-late", "fact", "Saved once the other program finished"))
        waited = time.monotonic() - started
    assert waited >= 1.0
    assert disk_fb.get_item("f-late").text == "Saved once the other program finished"
    assert disk_fb.get_setting("held-by") == "another program"  # its write is kept too


def test_the_waiting_hook_hears_how_long_and_when_the_wait_is_over(disk_fb):
    heard: list[tuple[float, bool]] = []
    with LockHolder(disk_fb.path) as holder, \
            disk_fb.waiting_for_writer(lambda seconds, over: heard.append((seconds, over))):
        release_after(holder, 0.8)
        disk_fb.save_item(Item("f-1", "fact", "After the wait"))
    waiting = [seconds for seconds, over in heard if not over]
    assert len(waiting) >= 4 and waiting == sorted(waiting)  # a slice at a time
    assert heard[-1][1] is True and heard[-1][0] >= 0.7  # the change went on
    assert [over for _seconds, over in heard].count(True) == 1
    assert disk_fb.get_item("f-1") is not None


def test_a_change_nobody_holds_up_tells_the_hook_nothing(disk_fb):
    heard = []
    with disk_fb.waiting_for_writer(lambda seconds, over: heard.append(over)):
        disk_fb.save_item(Item("f-1", "fact", "At once"))
    assert heard == []


def test_past_the_limit_a_change_fails_with_the_usual_words_and_changes_nothing(
        disk_fb, monkeypatch):
    monkeypatch.setattr(readers, "WRITE_WAIT_LIMIT_SECONDS", 0.5)
    with LockHolder(disk_fb.path):
        started = time.monotonic()
        with pytest.raises(FactBaseError, match="another program is using the fact base"):
            disk_fb.save_item(Item("f-1", "fact", "Never saved"))
        assert 0.5 <= time.monotonic() - started < 3
    assert disk_fb.get_item("f-1") is None
    disk_fb.save_item(Item("f-2", "fact", "The store still takes changes"))
    assert disk_fb.item_count() == 1


def test_a_hook_that_raises_stops_the_wait_and_nothing_is_changed(disk_fb):
    def give_up(seconds: float, over: bool) -> None:
        raise ChangeCancelled("You stopped waiting; the change was not saved.")

    with LockHolder(disk_fb.path):
        started = time.monotonic()
        with pytest.raises(ChangeCancelled, match="not saved"), \
                disk_fb.waiting_for_writer(give_up):
            disk_fb.save_item(Item("f-1", "fact", "Never saved"))
        assert time.monotonic() - started < 1
        assert not disk_fb.connection.in_transaction
    assert disk_fb.get_item("f-1") is None


def test_cancel_stops_a_change_that_waits_for_the_lock(disk_fb):
    stop = threading.Event()
    with LockHolder(disk_fb.path):
        threading.Timer(0.3, stop.set).start()
        with pytest.raises(ChangeCancelled), disk_fb.stopping_when(stop.is_set):
            disk_fb.save_item(Item("f-1", "fact", "Never saved"))
    assert disk_fb.get_item("f-1") is None


def test_another_thread_holding_the_writer_is_waited_for_the_same_way(disk_fb):
    holding, let_go = threading.Event(), threading.Event()

    def long_change() -> None:
        with disk_fb.transaction():
            disk_fb.save_item(Item("f-worker", "fact", "A worker's long change"))
            holding.set()
            let_go.wait(10)

    worker = threading.Thread(target=long_change)
    worker.start()
    holding.wait(10)
    heard: list[bool] = []

    def hear(_seconds: float, over: bool) -> None:
        heard.append(over)
        if len(heard) == 3:
            let_go.set()

    with disk_fb.waiting_for_writer(hear):
        disk_fb.save_item(Item("f-main", "fact", "Saved after the worker's"))
    worker.join(10)
    assert heard[:3] == [False] * 3 and heard[-1] is True
    assert {i.id for i in disk_fb.search("")} == {"f-worker", "f-main"}


def test_closing_stops_a_wait_and_does_not_wait_itself(disk_fb):
    disk_fb.save_items([Item("", "fact", f"Fact {n}") for n in range(2000)])  # optimize due
    outcome: list[BaseException] = []

    def change() -> None:
        try:
            disk_fb.save_item(Item("f-1", "fact", "Waiting when the window closes"))
        except FactBaseError as error:
            outcome.append(error)

    with LockHolder(disk_fb.path):
        waiter = threading.Thread(target=change)
        waiter.start()
        time.sleep(0.3)
        started = time.monotonic()
        disk_fb.close()
        closing = time.monotonic() - started
        waiter.join(5)
    assert closing < 1.0  # neither the waiting change nor statistics held the close up
    assert [str(error) for error in outcome] == ["The fact base is closed."]


_READ_AND_CHECKPOINT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
conn.execute("BEGIN")
count = conn.execute("SELECT count(*) FROM items").fetchone()[0]
for mode in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
    try:
        conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
    except sqlite3.OperationalError:
        pass  # busy: we hold a read and the app holds the write lock
print(count, flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def test_once_the_lock_is_taken_nothing_in_the_transaction_waits(disk_fb):
    """In WAL mode a reader (even one that tries every checkpoint) never makes the
    writer's statements or its commit meet SQLITE_BUSY: only taking the lock waits."""
    disk_fb.save_items([Item("", "fact", f"Fact {n}") for n in range(50)])
    reader = subprocess.Popen([sys.executable, "-c", _READ_AND_CHECKPOINT, disk_fb.path],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        with disk_fb.transaction():
            disk_fb.connection.execute("PRAGMA busy_timeout = 0")  # any wait would fail
            disk_fb.save_items([Item("", "fact", f"More {n}") for n in range(200)])
            assert reader.stdout.readline().strip() == "50"  # it reads the last commit
            disk_fb.save_items([Item("", "fact", f"Still more {n}") for n in range(200)])
        with disk_fb.transaction():
            disk_fb.connection.execute("PRAGMA busy_timeout = 0")
            disk_fb.delete_items([i.id for i in disk_fb.search("still", limit=None)])
    finally:
        reader.communicate("\n", timeout=10)
    assert disk_fb.item_count() == 250


# ---------------------------------------------------------------- the first change's check


def test_the_check_run_ahead_on_a_worker_spares_the_first_change(tmp_path, monkeypatch):
    """At a million items SQLite's quick check reads the whole file (two seconds warm): the
    window runs it on a worker after opening, and the first change then skips it."""
    from briefing_app.store import integrity

    checked_on = []
    real_check = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda conn: (
        checked_on.append(threading.current_thread()), real_check(conn))[1])
    with FactBase.open(tmp_path / "fb.sqlite") as fb:
        assert not fb.verified
        worker = threading.Thread(target=fb.verify_before_writing)
        worker.start()
        worker.join()
        assert fb.verified and checked_on == [worker]
        fb.save_item(Item(id="", kind="fact", text="Saved without a second check."))
        assert checked_on == [worker]


def test_without_the_check_ahead_the_first_change_runs_it(tmp_path, monkeypatch):
    from briefing_app.store import integrity

    calls = []
    real_check = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check",
                        lambda conn: (calls.append(1), real_check(conn))[1])
    with FactBase.open(tmp_path / "fb.sqlite") as fb:
        fb.save_item(Item(id="", kind="fact", text="The first change checks the file."))
        fb.save_item(Item(id="", kind="fact", text="The second does not."))
        assert calls == [1] and fb.verified


def test_closing_interrupts_a_long_read_on_another_thread(tmp_path):
    """Closing the window right after opening a big file must not wait for the check run
    ahead of its first change (or a long search): the read stops with a FactBaseError."""
    endless = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
               " WHERE x < 10000000000) SELECT count(*) FROM n")
    outcome = []
    fb = FactBase.open(tmp_path / "fb.sqlite")
    started = threading.Event()

    def read() -> None:
        try:
            fb._read(lambda conn: (started.set(), conn.execute(endless).fetchone())[1])
        except FactBaseError as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert started.wait(5)
    time.sleep(0.1)  # well inside the query
    closer = threading.Thread(target=fb.close, daemon=True)
    closer.start()
    closer.join(5)
    reader.join(5)
    assert not closer.is_alive() and not reader.is_alive()
    assert len(outcome) == 1
