"""A blank fact base joins a big library by building its replica in a file of its own,
renamed over it at the end (team/first_pull.py, store/file_swap.py): the same replica as a
join page by page, and the fact base untouched whenever that would not be safe."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from team_helpers import edit_item, fact, local_state, new_library, person, replica, sync

from briefing_app.core.model import Briefing, Meeting, Section, Source
from briefing_app.store import FactBase, FactBaseError, connection
from briefing_app.store.file_swap import building_path
from briefing_app.store.replica import LocalReplica
from briefing_app.team import first_pull
from briefing_app.team.errors import SyncStopped, TeamError
from briefing_app.team.join import join
from briefing_app.team.sync import Sync


@pytest.fixture
def url(pg_cluster, tmp_path, monkeypatch):
    """A library written by one replica: people, a source, tagged items, a briefing, a
    saved search, and a deleted item; every library counts as big."""
    monkeypatch.setattr(first_pull, "MIN_OBJECTS", 1)
    url = new_library(pg_cluster)
    writer = replica(tmp_path, "writer", url, people=[person("p-1", "Gustavo Petro")], items=[
        fact(f"i-{n}", f"Coffee exports, note {n}.", title=f"Coffee {n}", tags=["trade"],
             people=["p-1"], date=f"2026-01-{n + 1:02}") for n in range(30)])
    writer.save_source(Source(id="s-1", outlet="EFE"))
    edit_item(writer, "i-3", source="s-1")
    writer.delete_items(["i-29"])
    writer.save_briefing(Briefing(id="b-1", title="Visit", meeting=Meeting(
        title="White House", participants=["p-1"]), sections=[Section(heading="Background")]))
    writer.save_search("Trade", "tag:trade")
    sync(writer)
    writer.close()
    return url


def schema_of(fb: FactBase) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in fb.connection.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


def file_id(path) -> int:
    return os.stat(path).st_ino


def leftovers(tmp_path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if ".joining" in p.name)


def test_a_new_file_gives_the_same_replica_as_a_join_page_by_page(url, tmp_path):
    built = FactBase.open(tmp_path / "built.sqlite")
    built.set_setting("memo.office", "Office of the Americas")
    before = file_id(tmp_path / "built.sqlite")
    report = join(built, url)
    assert file_id(tmp_path / "built.sqlite") != before  # a new file took the name
    paged = FactBase.open(tmp_path / "paged.sqlite")
    paged_report = join(paged, url, new_file=False)

    assert report.sync.pulled == paged_report.sync.pulled == 35  # a deletion among them
    assert report.sync.longest_lock < 1
    assert local_state(built) == local_state(paged)
    assert len(local_state(built)) > 30
    assert schema_of(built) == schema_of(paged)  # every index and trigger is back
    assert built.search_ids("coffee") == paged.search_ids("coffee")
    assert len(built.search_ids("petro trade")) == 29  # labels: people and tags
    assert built.get_setting("memo.office") == "Office of the Americas"
    assert LocalReplica(built).state().seen_version == LocalReplica(paged).state().seen_version
    assert built.verified and leftovers(tmp_path) == []
    built.close()
    paged.close()


def test_a_replica_built_in_a_new_file_journals_and_pushes_its_edits(url, tmp_path):
    built = FactBase.open(tmp_path / "built.sqlite")
    join(built, url)
    edit_item(built, "i-1", title="Coffee, revised")
    built.delete_items(["i-2"])
    assert LocalReplica(built).pending_count() == 2
    other = replica(tmp_path, "other", url)
    sync(built, other)
    assert other.get_item("i-1").title == "Coffee, revised"
    assert other.get_item("i-2") is None
    assert local_state(other) == local_state(built)
    built.close()
    other.close()


def test_a_fact_base_another_program_has_open_joins_page_by_page(url, tmp_path):
    path = tmp_path / "shared.sqlite"
    fb = FactBase.open(path)
    before = file_id(path)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(path)!r})\n"
        "c.execute('SELECT count(*) FROM items').fetchone()\n"
        "print('open', flush=True)\n"
        "sys.stdin.readline()\n"
        "print(c.execute('SELECT count(*) FROM items').fetchone()[0])\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        report = join(fb, url)
    finally:
        seen, _ = holder.communicate("\n", timeout=10)
    assert seen.strip() == "29"  # the other program sees the items: its file was kept
    assert report.sync.pulled == 35 and file_id(path) == before
    assert leftovers(tmp_path) == []
    fb.close()


def test_an_item_saved_while_the_replica_is_built_is_kept_and_pushed(url, tmp_path):
    path = tmp_path / "busy.sqlite"
    fb = FactBase.open(path)
    before = file_id(path)
    saved = []

    def meanwhile(_phase, _count):
        if not saved:  # another program saves an item into the fact base being joined
            with FactBase.open(path) as other:
                saved.append(other.save_item(fact("i-mine", "Typed during the join.")))

    join(fb, url, progress=meanwhile)
    assert file_id(path) == before
    assert fb.get_item("i-mine").text == "Typed during the join."
    assert fb.get_item("i-0") is not None
    check = replica(tmp_path, "check", url)
    assert check.get_item("i-mine").text == "Typed during the join."
    assert local_state(check) == local_state(fb)
    assert leftovers(tmp_path) == []
    fb.close()
    check.close()


def test_a_build_cut_off_leaves_a_joined_fact_base_that_the_next_sync_fills(url, tmp_path):
    fb = FactBase.open(tmp_path / "cut.sqlite")

    def cut(_phase, count):
        if count:
            raise TeamError("lost the connection to the team server")

    with pytest.raises(TeamError, match="lost the connection"):
        join(fb, url, progress=cut)
    assert fb.item_count() == 0 and leftovers(tmp_path) == []
    assert LocalReplica(fb).state() is not None  # joined: the next sync goes on
    Sync(fb).run()
    check = replica(tmp_path, "check", url)
    assert local_state(fb) == local_state(check) and fb.item_count() == 29
    fb.close()
    check.close()


def test_a_build_file_left_by_a_crash_is_replaced(url, tmp_path):
    path = tmp_path / "again.sqlite"
    building_path(path).write_bytes(b"half a replica from a join that was killed")
    fb = FactBase.open(path)
    join(fb, url)
    assert fb.item_count() == 29 and leftovers(tmp_path) == []
    fb.close()


def test_a_fact_base_that_holds_objects_joins_page_by_page(url, tmp_path):
    fb = FactBase.open(tmp_path / "mine.sqlite")
    fb.save_people([person("p-mine", "Ana")])
    phases = []
    join(fb, url, progress=lambda phase, _count: phases.append(phase))
    assert "pull" in phases and "index" not in phases  # no replica was built apart
    assert fb.get_person("p-mine") is not None and fb.item_count() == 29
    fb.close()


def test_a_connection_that_opened_the_old_file_opens_the_new_one(tmp_path):
    path = tmp_path / "f.sqlite"
    for name, value in (("old", 1), ("new", 2)):
        conn = sqlite3.connect(tmp_path / f"{name}.sqlite")
        conn.execute("CREATE TABLE t(v)")
        conn.execute("INSERT INTO t VALUES (?)", (value,))
        conn.commit()
        conn.close()
    (tmp_path / "old.sqlite").rename(path)
    opened = []

    def open_and_read(file):
        conn = sqlite3.connect(file)
        if not opened:  # renamed over between the open and the first read
            (tmp_path / "new.sqlite").rename(path)
        opened.append(conn)
        conn.execute("SELECT v FROM t").fetchone()
        return conn

    conn = connection._as_named(path, open_and_read)
    assert len(opened) == 2
    assert conn.execute("SELECT v FROM t").fetchone()[0] == 2
    conn.close()


def test_a_fact_base_reached_through_a_link_is_replaced_where_it_lives(url, tmp_path):
    real = tmp_path / "files" / "real.sqlite"
    real.parent.mkdir()
    FactBase.open(real).close()
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    fb = FactBase.open(link)
    join(fb, url)
    assert link.is_symlink() and fb.item_count() == 29
    check = sqlite3.connect(real)
    assert check.execute("SELECT count(*) FROM items").fetchone()[0] == 29
    check.close()
    assert leftovers(tmp_path) == leftovers(real.parent) == []
    fb.close()


def test_a_built_replica_that_is_gone_or_damaged_never_takes_the_name(tmp_path):
    target = tmp_path / "blank.sqlite"
    fb = FactBase.open(target)
    built = building_path(target)
    with pytest.raises(FactBaseError, match="damaged or gone"):
        fb.swap_in(built)
    built.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(FactBaseError, match="damaged or gone"):
        fb.swap_in(built)
    assert fb.item_count() == 0 and not fb.read_only
    fb.close()


def test_other_threads_read_on_while_the_built_replica_takes_the_name(url, tmp_path):
    fb = FactBase.open(tmp_path / "busy.sqlite")
    counts, failures, done = [], [], threading.Event()

    def keep_reading():
        while not done.is_set():
            try:
                counts.append(fb.item_count())
            except Exception as error:  # noqa: BLE001 - any failure is the test's finding
                failures.append(error)

    reader = threading.Thread(target=keep_reading)
    reader.start()
    try:
        join(fb, url)
        deadline = time.monotonic() + 10
        while counts[-1] != 29 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        done.set()
        reader.join()
    assert failures == [] and counts[0] == 0 and counts[-1] == 29
    fb.close()


def test_a_join_cancelled_while_its_replica_is_built_leaves_the_fact_base_as_it_was(
        url, tmp_path):
    fb = FactBase.open(tmp_path / "stop.sqlite")
    with pytest.raises(SyncStopped):
        join(fb, url, cancelled=lambda: True)
    assert LocalReplica(fb).state() is None and fb.item_count() == 0
    assert leftovers(tmp_path) == []
    fb.close()
