"""The connection policy: one writer, a reader per thread, a transaction reads its writes."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

import pytest

from briefing_app.core.model import Item, Person
from briefing_app.store import FactBase, FactBaseError
from briefing_app.store.readers import Connections


def on_another_thread(function, *, wait: float = 5.0):
    """Run ``function`` on a new thread; its result, or the thread still running after
    ``wait`` seconds (then ``finish()`` waits for it and returns the result)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except Exception as error:  # handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)

    def finish():
        thread.join(10)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    return thread.is_alive(), finish


def test_a_thread_reads_what_another_committed(disk_fb):
    disk_fb.save_item(Item("f-1", "fact", "Committed on the main thread"))
    running, result = on_another_thread(lambda: disk_fb.get_item("f-1").text)
    assert not running and result() == "Committed on the main thread"


def test_a_reader_neither_waits_for_a_writer_nor_sees_its_uncommitted_rows(disk_fb):
    disk_fb.save_item(Item("f-old", "fact", "Already there"))
    with disk_fb.transaction():
        disk_fb.save_item(Item("f-new", "fact", "Not committed yet"))
        running, result = on_another_thread(
            lambda: (disk_fb.item_count(), disk_fb.get_item("f-new"), disk_fb.count("")),
            wait=2.0)
        assert not running, "the reader waited for the writer's transaction"
        assert result() == (1, None, 1)
    running, result = on_another_thread(disk_fb.item_count)
    assert result() == 2


def test_the_thread_in_a_transaction_reads_its_own_writes(disk_fb):
    with disk_fb.transaction():
        disk_fb.save_item(Item("f-1", "fact", "Mine", tags=["visa"]))
        assert disk_fb.get_item("f-1").text == "Mine"
        assert disk_fb.count("tag:visa") == 1
        [snapshot] = disk_fb.capture_items(["f-1"])  # undo captures inside the change
        assert snapshot.item.tags == ["visa"]


def test_a_worker_writes_while_the_main_thread_keeps_reading(disk_fb):
    disk_fb.save_items([Item(f"f-{n}", "fact", f"Fact {n}") for n in range(100)])
    inside, release = threading.Event(), threading.Event()

    def slow_change() -> int:
        with disk_fb.transaction():
            disk_fb.delete_items([f"f-{n}" for n in range(50)])
            inside.set()
            release.wait(5)
        return disk_fb.item_count()

    worker = threading.Thread(target=slow_change, daemon=True)
    worker.start()
    try:
        assert inside.wait(5)
        assert disk_fb.item_count() == 100  # the main thread is not held up
        assert len(disk_fb.search_rows("", limit=None)) == 100
    finally:
        release.set()
        worker.join(5)
    assert disk_fb.item_count() == 50


def test_in_memory_a_read_from_another_thread_waits_for_the_transaction(fb):
    with fb.transaction():
        fb.save_item(Item("f-1", "fact", "Only the writer holds it"))
        running, result = on_another_thread(fb.item_count, wait=0.3)
        assert running  # one connection in memory: the read takes its turn
    assert result() == 1


def open_handles(path: Path) -> int:
    """How many file descriptors of this process are open on ``path``."""
    target, count = str(path.resolve()), 0
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            count += os.readlink(fd) == target
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_readers_are_closed_with_the_fact_base(db_path):
    fb = FactBase.open(db_path)
    fb.save_item(Item("f-1", "fact", "x"))
    alone = open_handles(db_path)
    for _ in range(3):
        running, result = on_another_thread(fb.item_count)
        assert result() == 1
    assert open_handles(db_path) > alone  # the threads' readers are open

    fb.close()
    assert open_handles(db_path) == 0
    running, result = on_another_thread(fb.item_count)
    with pytest.raises(FactBaseError, match="closed"):
        result()


def test_cancel_stops_a_write_while_other_threads_read_on(disk_fb):
    disk_fb.save_items([Item(f"f-{n}", "fact", f"Fact {n}") for n in range(2000)])
    asked = threading.Event()

    def cancelled() -> bool:
        if not asked.is_set():
            running, result = on_another_thread(disk_fb.item_count, wait=2.0)
            assert not running and result() == 2000  # read on, mid-change
            asked.set()
        return True

    with pytest.raises(FactBaseError, match="cancelled"), disk_fb.stopping_when(cancelled):
        disk_fb.delete_items([f"f-{n}" for n in range(2000)])
    assert asked.is_set() and disk_fb.item_count() == 2000


def test_one_read_sees_one_state_even_when_another_thread_commits_midway(db_path):
    connections = Connections.open(str(db_path))
    writer = FactBase.open(db_path)

    def count_twice(conn):
        before = conn.execute("SELECT count(*) FROM people").fetchone()[0]
        running, done = on_another_thread(
            lambda: writer.save_person(Person("", "Committed meanwhile")))
        done()
        return before, conn.execute("SELECT count(*) FROM people").fetchone()[0]

    try:
        assert connections.read(count_twice) == (0, 0)
        assert connections.read(lambda conn: conn.execute(
            "SELECT count(*) FROM people").fetchone()[0]) == 1  # the next read sees it
    finally:
        connections.close()
        writer.close()
