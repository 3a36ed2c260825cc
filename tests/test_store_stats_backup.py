"""Sidebar counts (store.stats) and the online backup (store.backup)."""

from __future__ import annotations

import pytest

from briefing_app.core.model import Item, Person, Source
from briefing_app.store import FactBase, FactBaseError
from briefing_app.store.backup import BackupCancelled, backup
from briefing_app.store.stats import PersonCount, SourceCount, people_counts, source_counts


def test_people_counts_count_speakers_and_people_once_per_item(fb):
    fb.save_people([Person("p-a", "Ana"), Person("p-b", "Beto"), Person("p-c", "Carla")])
    fb.save_item(Item("q-1", "quote", "Hola", speaker="p-a", people=["p-a", "p-b"]))
    fb.save_item(Item("f-1", "fact", "Dato", people=["p-b"]))
    assert people_counts(fb) == [
        PersonCount("p-a", "Ana", 1), PersonCount("p-b", "Beto", 2),
        PersonCount("p-c", "Carla", 0),
    ]


def test_source_counts_group_articles_of_one_outlet(fb):
    fb.save_sources([Source("s-1", "EFE", title="One"), Source("s-2", "efe", title="Two"),
                     Source("s-3", "Reuters")])
    fb.save_item(Item("f-1", "fact", "a", source="s-1"))
    fb.save_item(Item("f-2", "fact", "b", source="s-2"))
    fb.save_item(Item("f-3", "fact", "c"))
    counts = source_counts(fb)
    assert [(c.outlet.casefold(), c.items, c.sources) for c in counts] == [
        ("efe", 2, 2), ("reuters", 0, 1),
    ]
    assert isinstance(counts[0], SourceCount)


def test_counts_agree_with_the_search_on_the_sample(sample_fb):
    by_name = {c.name: c.items for c in people_counts(sample_fb)}
    assert by_name["Gustavo Petro"] == sample_fb.count('person:"Gustavo Petro"')
    for outlet in source_counts(sample_fb):
        if " " not in outlet.outlet:
            assert outlet.items <= sample_fb.count(f'source:"{outlet.outlet}"')


def test_backup_copies_an_open_fact_base_including_uncheckpointed_changes(disk_fb, tmp_path):
    disk_fb.save_item(Item("f-1", "fact", "Written just now"))
    target = tmp_path / "copy.sqlite"
    seen: list[tuple[int, int]] = []
    assert backup(disk_fb.path, target, progress=lambda d, t: seen.append((d, t))) == target
    with FactBase.open(target) as copy:
        assert copy.get_item("f-1").text == "Written just now"
    assert seen and seen[-1][0] == seen[-1][1]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_cancelled_backup_leaves_the_old_file_alone(disk_fb, tmp_path):
    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"yesterday's backup")
    with pytest.raises(BackupCancelled):
        backup(disk_fb.path, target, cancelled=lambda: True)
    assert target.read_bytes() == b"yesterday's backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["copy.sqlite", *(p.name for p in tmp_path.iterdir() if p.name.startswith("facts"))]
    )


def test_backup_refuses_to_overwrite_its_source_and_names_unwritable_targets(disk_fb, tmp_path):
    with pytest.raises(FactBaseError, match="onto itself"):
        backup(disk_fb.path, disk_fb.path)
    with pytest.raises(FactBaseError, match="Cannot write"):
        backup(disk_fb.path, tmp_path / "missing-folder" / "copy.sqlite")
