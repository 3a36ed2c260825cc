"""Sidebar and manage-dialog counts, and the online backup of an open fact base."""

from __future__ import annotations

import sqlite3

import pytest

from briefing_app.core.errors import ChangeCancelled
from briefing_app.core.model import Item, Person, Source
from briefing_app.core.records import PersonCount, SourceCount
from briefing_app.store import BackupCancelled, FactBase, FactBaseError, schema


def test_people_counts_count_speakers_and_people_once_per_item(fb):
    fb.save_people([Person("p-a", "Ana"), Person("p-b", "Beto"), Person("p-c", "Carla")])
    fb.save_item(Item("q-1", "quote", "Hola", speaker="p-a", people=["p-a", "p-b"]))
    fb.save_item(Item("f-1", "fact", "Dato", people=["p-b"]))
    assert fb.people_counts() == [
        PersonCount("p-a", "Ana", 1), PersonCount("p-b", "Beto", 2),
        PersonCount("p-c", "Carla", 0),
    ]


def test_people_counts_read_indexes_only_after_the_speaker_index_migration(tmp_path):
    """A fact base of the version before gets the speaker's index with the item's id, and
    the count joins on it without reading a row of the items (at a million items that
    read took 3.7 s of the sidebar's people counts; the join on the index 0.22 s)."""
    path = tmp_path / "before.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    names = [m.name for m in schema.MIGRATIONS]
    schema.apply_pending(conn, target=names.index("index the speaker of items with their id"))
    conn.execute("COMMIT")
    conn.close()
    with FactBase.open(path) as fb:
        fb.save_people([Person("p-a", "Ana"), Person("p-b", "Beto")])
        fb.save_item(Item("q-1", "quote", "Hola", speaker="p-a", people=["p-a", "p-b"]))
        fb.save_item(Item("q-2", "quote", "Chao", speaker="p-a"))
        assert fb.people_counts() == [PersonCount("p-a", "Ana", 2),
                                      PersonCount("p-b", "Beto", 1)]
        columns = [r[2] for r in fb.connection.execute(
            "PRAGMA index_info('items_by_speaker')")]
        assert columns == ["speaker_id", "id"]
        [partial] = fb.connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'items_by_speaker'").fetchone()
        assert partial.endswith("WHERE speaker_id IS NOT NULL")  # items with a speaker
        fb.save_item(Item("f-1", "fact", "Sin orador"))
        assert fb.connection.execute(
            "SELECT count(*) FROM items INDEXED BY items_by_speaker"
            " WHERE speaker_id IS NOT NULL").fetchone()[0] == 2
        plan = " | ".join(r[3] for r in fb.connection.execute(
            "EXPLAIN QUERY PLAN SELECT ip.person_id, count(*) FROM item_people ip JOIN items i"
            " ON i.speaker_id = ip.person_id AND i.id = ip.item_id GROUP BY ip.person_id"))
        assert "COVERING INDEX items_by_speaker" in plan


def test_source_counts_group_articles_of_one_outlet(fb):
    fb.save_sources([Source("s-1", "EFE", title="One"), Source("s-2", "efe", title="Two"),
                     Source("s-3", "Reuters")])
    fb.save_item(Item("f-1", "fact", "a", source="s-1"))
    fb.save_item(Item("f-2", "fact", "b", source="s-2"))
    fb.save_item(Item("f-3", "fact", "c"))
    counts = fb.source_counts()
    assert [(c.outlet.casefold(), c.items, c.sources) for c in counts] == [
        ("efe", 2, 2), ("reuters", 0, 1),
    ]
    assert isinstance(counts[0], SourceCount)


def test_counts_agree_with_the_search_on_the_sample(sample_fb):
    by_name = {c.name: c.items for c in sample_fb.people_counts()}
    assert by_name["Gustavo Petro"] == sample_fb.count('person:"Gustavo Petro"')
    for outlet in sample_fb.source_counts():
        if " " not in outlet.outlet:
            assert outlet.items <= sample_fb.count(f'source:"{outlet.outlet}"')


def test_backup_copies_an_open_fact_base_including_uncheckpointed_changes(disk_fb, tmp_path):
    disk_fb.save_item(Item("f-1", "fact", "Written just now"))
    target = tmp_path / "copy.sqlite"
    seen: list[tuple[int, int]] = []
    assert disk_fb.backup(target, progress=lambda d, t: seen.append((d, t))) == target
    with FactBase.open(target) as copy:
        assert copy.get_item("f-1").text == "Written just now"
    assert seen and seen[-1][0] == seen[-1][1]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_cancelled_backup_leaves_the_old_file_alone(disk_fb, tmp_path):
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"yesterday's backup")
    with pytest.raises(BackupCancelled, match="nothing was written") as cancelled:
        disk_fb.backup(target, cancelled=lambda: True)
    assert isinstance(cancelled.value, ChangeCancelled)  # the core's word for "stopped"
    assert target.read_bytes() == b"yesterday's backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["copy.sqlite", *(p.name for p in tmp_path.iterdir() if p.name.startswith("facts"))]
    )


def test_backup_refuses_to_overwrite_its_source_and_names_unwritable_targets(disk_fb, tmp_path):
    with pytest.raises(FactBaseError, match="onto itself"):
        disk_fb.backup(disk_fb.path)
    with pytest.raises(FactBaseError, match="Cannot write"):
        disk_fb.backup(tmp_path / "missing-folder" / "copy.sqlite")


def test_a_fact_base_in_memory_is_no_file_and_has_no_backup(fb, disk_fb, tmp_path):
    assert not fb.is_file and disk_fb.is_file
    with pytest.raises(FactBaseError, match="in memory"):
        fb.backup(tmp_path / "copy.sqlite")
    assert list(tmp_path.glob("copy*")) == []


def test_a_closed_fact_base_is_not_backed_up(db_path, tmp_path):
    closed = FactBase.open(db_path)
    closed.close()
    with pytest.raises(FactBaseError, match="closed"):
        closed.backup(tmp_path / "copy.sqlite")


def test_usage_counts_of_sources_leave_uncited_ones_out(fb):
    fb.save_sources([Source("s-1", "EFE"), Source("s-2", "Reuters")])
    fb.save_items([Item("f-1", "fact", "a", source="s-1"), Item("f-2", "fact", "b", source="s-1")])
    assert fb.source_use_counts() == {"s-1": 2}
    assert (fb.source_uses("s-1"), fb.source_uses("s-2")) == (2, 0)
