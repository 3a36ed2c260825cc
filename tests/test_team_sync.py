"""Replicas of one team library on a real PostgreSQL server: what they share, how concurrent
edits merge, and every kind of conflict, resolved both ways."""

from __future__ import annotations

import pytest
from team_helpers import (
    conflicts,
    edit_item,
    fact,
    local_state,
    new_library,
    person,
    replica,
    server_state,
    sync,
    tombstones,
)

from briefing_app.core.library import Library
from briefing_app.core.model import Block, Briefing, Meeting, Section, Source
from briefing_app.store import FactBase
from briefing_app.store.replica import LocalReplica
from briefing_app.team.conflicts import open_conflicts
from briefing_app.team.join import join
from briefing_app.team.resolve import ResolveConflict
from briefing_app.team.sync import Sync


@pytest.fixture
def url(pg_cluster):
    return new_library(pg_cluster)


@pytest.fixture
def pair(url, tmp_path):
    """Two replicas of a library holding one person, one source and one item."""
    a = replica(tmp_path, "a", url, people=[person("p-ann", "Ann Lee")],
                items=[fact("i-1", "Oil output rose.", title="Oil", tags=["energy"],
                            people=["p-ann"])])
    a.save_source(Source(id="s-efe", outlet="EFE"))
    sync(a)
    b = replica(tmp_path, "b", url)
    yield a, b
    a.close()
    b.close()


def assert_converged(url, *replicas):
    expected = server_state(url)
    for fb in replicas:
        assert local_state(fb) == expected


# ---------------------------------------------------------------- sharing


def test_a_joining_replica_receives_the_whole_library(url, tmp_path):
    a = replica(tmp_path, "a", url, people=[person("p-1", "Gustavo Petro")],
                items=[fact("i-1", "Met at the White House.", title="Meeting", date="2026-02-03",
                            tags=["Bilateral", "visit"], people=["p-1"])])
    a.save_source(Source(id="s-1", outlet="Reuters", url="https://example.org/a"))
    edit_item(a, "i-1", source="s-1", speaker=None)
    a.save_briefing(Briefing(
        id="b-1", title="Meeting brief", meeting=Meeting(title="Visit", participants=["p-1"]),
        sections=[Section(heading="Background", blocks=[Block(item="i-1"), Block(text="Note.")]),
                  Section(heading="Timeline", automatic="timeline")]))
    a.save_search("Energy", "tag:energy")
    sync(a)

    b = replica(tmp_path, "b", url)

    assert b.get_item("i-1").tags == ["Bilateral", "visit"]
    assert b.get_briefing("b-1").sections[0].blocks[1].text == "Note."
    assert b.get_saved_search("energy").query == "tag:energy"
    assert b.search_ids("bilateral") == ["i-1"]  # the search index followed
    assert_converged(url, a, b)
    assert len(server_state(url)) == 7  # a person, a source, 2 tags, an item, a search, a briefing


def test_edits_of_different_fields_merge_without_conflict(pair, url):
    a, b = pair
    edit_item(a, "i-1", title="Oil output", tags=["energy", "opec"])
    edit_item(b, "i-1", text="Oil output rose 3%.", tags=["energy", "colombia"])

    sync(a, b, a)

    merged = a.get_item("i-1")
    assert (merged.title, merged.text) == ("Oil output", "Oil output rose 3%.")
    assert sorted(merged.tags) == ["colombia", "energy", "opec"]
    assert conflicts(a) == conflicts(b) == []
    assert_converged(url, a, b)


def test_a_tag_removed_on_one_side_and_added_on_the_other_merges_by_members(pair, url):
    a, b = pair
    edit_item(a, "i-1", tags=[])
    edit_item(b, "i-1", tags=["energy", "colombia"])

    sync(a, b, a)

    assert a.get_item("i-1").tags == ["colombia"]
    assert_converged(url, a, b)


# ---------------------------------------------------------------- conflicts


def test_a_field_changed_on_both_sides_is_a_conflict_that_keeps_both_values(pair, url):
    a, b = pair
    edit_item(a, "i-1", title="Title from A")
    edit_item(b, "i-1", title="Title from B", notes="B's note")

    sync(a, b)

    assert conflicts(b) == [("item", "i-1", "title", "Title from B", "Title from A")]
    assert b.get_item("i-1").title == "Title from A"  # the library holds theirs
    assert b.get_item("i-1").notes == "B's note"  # B's other field merged in
    sync(a)
    assert_converged(url, a, b)
    view = open_conflicts(b)[0]
    assert (view.title, view.mine_text(), view.theirs_text()) == (
        "Title from A", "Title from B", "Title from A")


@pytest.mark.parametrize("keep, title", [("mine", "Title from B"), ("theirs", "Title from A")])
def test_resolving_a_conflict_either_way_reaches_every_replica(pair, url, keep, title):
    a, b = pair
    edit_item(a, "i-1", title="Title from A")
    edit_item(b, "i-1", title="Title from B")
    sync(a, b)
    library = Library(b)
    conflict = LocalReplica(b).conflicts()[0]

    library.perform(ResolveConflict(conflict, keep))
    sync(b, a)

    assert a.get_item("i-1").title == b.get_item("i-1").title == title
    assert conflicts(b) == []
    assert_converged(url, a, b)


def test_undoing_a_resolution_brings_the_conflict_back(pair):
    a, b = pair
    edit_item(a, "i-1", title="Title from A")
    edit_item(b, "i-1", title="Title from B")
    sync(a, b)
    library = Library(b)

    library.perform(ResolveConflict(LocalReplica(b).conflicts()[0], "mine"))
    assert b.get_item("i-1").title == "Title from B"
    library.undo()

    assert b.get_item("i-1").title == "Title from A"
    assert conflicts(b) == [("item", "i-1", "title", "Title from B", "Title from A")]


def test_deletes_travel_as_tombstones(pair, url):
    a, b = pair
    a.delete_items(["i-1"])

    sync(a, b)

    assert b.get_item("i-1") is None
    assert ("item", "i-1") in tombstones(url)
    assert_converged(url, a, b)


def test_deleted_here_while_edited_there_is_a_conflict_and_the_edit_survives(pair, url):
    a, b = pair
    a.delete_items(["i-1"])
    edit_item(b, "i-1", text="Edited while A deleted it.")

    sync(b, a, b)

    assert a.get_item("i-1").text == "Edited while A deleted it."  # theirs: the edit
    [(kind, key, field, mine, theirs)] = conflicts(a)
    assert (kind, key, field, mine) == ("item", "i-1", "deleted", None)
    assert theirs["text"] == "Edited while A deleted it."
    assert_converged(url, a, b)

    Library(a).perform(ResolveConflict(LocalReplica(a).conflicts()[0], "mine"))
    sync(a, b)
    assert a.get_item("i-1") is None and b.get_item("i-1") is None
    assert_converged(url, a, b)


def test_edited_here_while_deleted_there_is_a_conflict_keeping_the_edit(pair, url):
    a, b = pair
    a.delete_items(["i-1"])
    edit_item(b, "i-1", text="Edited while A deleted it.")

    sync(a, b)

    assert b.get_item("i-1") is None  # the library holds theirs: deleted
    [(kind, key, field, mine, theirs)] = conflicts(b)
    assert (kind, key, field, theirs) == ("item", "i-1", "deleted", None)
    assert mine["text"] == "Edited while A deleted it."

    Library(b).perform(ResolveConflict(LocalReplica(b).conflicts()[0], "mine"))
    sync(b, a)
    assert a.get_item("i-1").text == "Edited while A deleted it."
    assert_converged(url, a, b)


def test_joining_with_an_id_the_library_holds_with_other_content_is_a_conflict(url, tmp_path):
    a = replica(tmp_path, "a", url, items=[fact("i-same", "Library text", title="Same")])
    b = replica(tmp_path, "b", url, items=[fact("i-same", "Local text", title="Same"),
                                           fact("i-new", "Only here")])

    assert conflicts(b) == [("item", "i-same", "text", "Local text", "Library text")]
    assert b.get_item("i-same").text == "Library text"
    sync(a)
    assert a.get_item("i-new").text == "Only here"
    assert_converged(url, a, b)


# ---------------------------------------------------------------- people, tags, briefings


def test_a_person_deleted_there_but_named_here_comes_back(pair, url):
    a, b = pair
    b.save_person(person("p-bob", "Bob Ruiz"))
    sync(b, a)
    a.delete_person("p-bob")
    edit_item(b, "i-1", people=["p-ann", "p-bob"])

    sync(a, b, a)

    assert a.get_person("p-bob").name == "Bob Ruiz"
    assert ("person", "p-bob") in server_state(url)
    assert_converged(url, a, b)


def test_an_item_brought_back_brings_back_the_person_it_names_deleted_here(
        pair, url, monkeypatch):
    """A's push of a new person and the item naming it reached the library, but the sync
    was cut off before it pulled them back. A then deleted the item and, unused now, the
    person; B edited the item meanwhile. The edit brings the item back to A, naming the
    person: the person comes back too (found by the randomized convergence test as a
    failed sync: FOREIGN KEY constraint failed)."""
    a, b = pair
    a.save_person(person("p-bob", "Bob Ruiz"))
    edit_item(a, "i-1", people=["p-ann", "p-bob"])
    with monkeypatch.context() as cut_off:  # pushed, never pulled back
        cut_off.setattr(Sync, "_pull", lambda self, server: None)
        sync(a)
    sync(b)
    a.delete_items(["i-1"])
    a.delete_person("p-bob")
    edit_item(b, "i-1", text="Edited while A deleted it.")

    sync(b, a, b, a)

    assert a.get_item("i-1").text == "Edited while A deleted it."
    assert a.get_item("i-1").people == ["p-ann", "p-bob"]
    assert a.get_person("p-bob").name == "Bob Ruiz"
    assert ("person", "p-bob") in server_state(url)
    assert_converged(url, a, b)


def test_a_person_deleted_there_and_unused_here_goes(pair, url):
    a, b = pair
    b.save_person(person("p-bob", "Bob Ruiz"))
    sync(b, a)

    a.delete_person("p-bob")
    sync(a, b)

    assert b.get_person("p-bob") is None
    assert_converged(url, a, b)


def test_renamed_tags_reach_every_replica(pair, url):
    a, b = pair
    a.rename_tag("energy", "Energy")
    sync(a, b)
    assert b.list_tags() == [("Energy", 1)]

    b.rename_tag("Energy", "oil-and-gas")
    sync(b, a)

    assert a.list_tags() == [("oil-and-gas", 1)]
    assert a.get_item("i-1").tags == ["oil-and-gas"]
    assert_converged(url, a, b)


def test_briefing_edits_merge_by_field_and_conflict_on_the_same_field(pair, url):
    a, b = pair
    a.save_briefing(Briefing(id="b-1", title="Brief", sections=[
        Section(heading="Background", blocks=[Block(item="i-1"), Block(text="First.")])]))
    sync(a, b)
    a.update_briefing_header("b-1", title="Brief for the minister")
    section = b.get_briefing("b-1").sections[0]
    b.update_block(section.blocks[1].id, text="First, revised.")

    sync(a, b, a)

    merged = a.get_briefing("b-1")
    assert merged.title == "Brief for the minister"
    assert merged.sections[0].blocks[1].text == "First, revised."
    assert conflicts(a) == conflicts(b) == []

    a.update_briefing_header("b-1", subject="From A")
    b.update_briefing_header("b-1", subject="From B")
    sync(a, b, a)
    assert [c[2:] for c in conflicts(b)] == [("subject", "From B", "From A")]
    assert_converged(url, a, b)


def test_three_replicas_converge(url, tmp_path):
    a = replica(tmp_path, "a", url, people=[person("p-1", "Ann")],
                items=[fact(f"i-{n}", f"Fact {n}") for n in range(5)])
    b = replica(tmp_path, "b", url)
    c = replica(tmp_path, "c", url)
    edit_item(a, "i-0", title="A")
    edit_item(b, "i-0", title="B")
    edit_item(c, "i-0", title="C", notes="from C")
    edit_item(b, "i-1", tags=["b"])
    c.delete_items(["i-2"])
    a.save_person(person("p-1", "Ann Lee", role="Minister"))
    c.save_person(person("p-1", "Ann Lee", country="CO"))

    sync(c, b, a, c, b)

    assert_converged(url, a, b, c)
    assert b.get_item("i-2") is None
    assert a.get_person("p-1").role == "Minister" and a.get_person("p-1").country == "CO"
    assert a.get_item("i-0").title == "C" and a.get_item("i-0").notes == "from C"
    assert [c[3] for c in conflicts(b) if c[2] == "title"] == ["B"]
    assert [c[3] for c in conflicts(a) if c[2] == "title"] == ["A"]


def test_a_sync_holds_the_local_write_lock_briefly(url, tmp_path):
    """Pages adapt to about 50 ms of local writing; 0.3 s leaves room for a loaded machine."""
    replica(tmp_path, "a", url, items=[fact(f"i-{n:05}", f"Fact number {n}", tags=["bulk"])
                                       for n in range(6000)])
    b = FactBase.open(tmp_path / "b.sqlite")

    report = join(b, url).sync

    assert b.item_count() == 6000 and report.pulled == 6001
    print(f"longest local write transaction: {report.longest_lock * 1000:.0f} ms")
    assert report.longest_lock < 0.3


def test_a_sync_checks_the_file_before_it_takes_the_write_lock(pair, tmp_path, monkeypatch):
    """The store checks the file before the first change of a session (seconds on a big
    file); a sync, the command line's in a new process every time, runs that check from a
    reader rather than inside its first write transaction."""
    from briefing_app.store import integrity

    a, b = pair
    edit_item(a, "i-1", notes="checked by the desk")
    sync(a)
    checked_with = []
    real_check = integrity.quick_check
    monkeypatch.setattr(integrity, "quick_check", lambda conn: (
        checked_with.append(conn), real_check(conn))[1])
    with FactBase.open(b.path) as reopened:  # a new session: not checked yet
        report = sync(reopened)[0]
        assert report.pulled >= 1 and reopened.get_item("i-1").notes == "checked by the desk"
        assert checked_with and all(conn is not reopened.connection for conn in checked_with)


def test_a_pull_writes_its_pages_whole_and_gives_the_writer_its_settings_back(url, tmp_path):
    """A pulled page is written all or nothing (no savepoint copies the pages each part
    changes), with statement journals in memory; after the pull the writer is as before."""
    replica(tmp_path, "a", url, items=[fact(f"i-{n:04}", f"Fact number {n}", tags=["bulk"])
                                       for n in range(300)])
    b = FactBase.open(tmp_path / "b.sqlite")
    conn = b.connection
    settings = ("cache_size", "wal_autocheckpoint", "temp_store")
    before = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in settings}
    statements = []
    conn.set_trace_callback(statements.append)

    join(b, url)

    conn.set_trace_callback(None)
    assert b.item_count() == 300
    assert not [s for s in statements if s.startswith("SAVEPOINT")]
    assert "PRAGMA temp_store = MEMORY" in statements
    assert {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in settings} == before


def test_a_pull_of_many_objects_gives_the_planner_statistics_of_the_fact_base_it_made(
        url, tmp_path):
    writer = replica(tmp_path, "writer", url)
    writer.save_items([fact(f"i-{n}", f"Note {n}.") for n in range(1200)])
    sync(writer)
    small = FactBase.open(tmp_path / "small.sqlite")
    small.save_items([fact("i-mine", "Mine.")])
    small.connection.execute("ANALYZE")  # as closing a small, new fact base does

    join(small, url, new_file=False)

    rows = small.connection.execute(
        "SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_items_1'").fetchone()
    assert int(rows[0].split()[0]) == 1201  # every row counted, not 1 (nor a guess)
    writer.close()
    small.close()
