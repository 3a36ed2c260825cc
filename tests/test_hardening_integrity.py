"""Damage inside the file is found and never written into (issue 15, item 5), and
automatic backups are kept, listed and restored (item 6)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.core.model import Item
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase
from briefing_app.store.auto_backup import (
    KEEP_DAYS,
    KEEP_LATEST,
    AutoBackups,
    backup_if_stale,
    backups_folder,
    list_backups,
    prune,
    restore,
    take_backup,
)
from briefing_app.store.errors import DamagedFactBaseError


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "sample.sqlite"
    create_fact_base(path).close()
    return path


def damage_a_page_inside(path: Path) -> int:
    """Zero the header of the first page that SQLite's quick check then rejects while the
    file still opens (as a bit flip on a disk would); returns its number."""
    pristine = path.read_bytes()
    page_size = int.from_bytes(pristine[16:18], "big")
    for page in range(3, len(pristine) // page_size):
        data = bytearray(pristine)
        start = page * page_size
        data[start : start + 12] = b"\x0d\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00"
        path.write_bytes(bytes(data))
        conn = sqlite3.connect(path)
        try:
            conn.execute("SELECT count(*) FROM meta").fetchone()
            rejected = conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok"
        except sqlite3.DatabaseError:
            rejected = False
        finally:
            conn.close()
        if rejected:
            return page
    raise AssertionError("no page could be damaged unseen")


def test_check_says_a_sound_fact_base_is_sound(sample_path, capsys):
    assert main(["--db", str(sample_path), "check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "File structure: sound.", "Links between records: sound.", "Search index: sound.",
        "The fact base is sound."]


def test_check_finds_damage_inside_and_writes_are_refused(sample_path, capsys):
    damage_a_page_inside(sample_path)
    assert main(["--db", str(sample_path), "check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("File structure: ")
    assert "The fact base is damaged. Restore a backup" in out
    damaged = sample_path.read_bytes()
    with FactBase.open(sample_path) as fb:
        with pytest.raises(DamagedFactBaseError, match="damaged.*Nothing was changed"):
            fb.save_item(Item(id="", kind="fact", text="written into a damaged file?"))
        assert not fb.check_integrity().ok
    assert sample_path.read_bytes() == damaged


def test_the_check_ahead_of_the_first_change_finds_damage_too(sample_path):
    """The window's check on a worker after opening: a damaged file stays unverified, and
    the first change checks again and refuses."""
    damage_a_page_inside(sample_path)
    with FactBase.open(sample_path) as fb:
        assert fb.verify_before_writing() is False and not fb.verified
        with pytest.raises(DamagedFactBaseError, match="damaged.*Nothing was changed"):
            fb.save_item(Item(id="", kind="fact", text="Never written."))


def test_an_import_into_a_damaged_file_is_refused(sample_path, tmp_path, capsys):
    pack = tmp_path / "pack.json"
    pack.write_text('{"format": "briefing-factpack", "version": 1, "items": '
                    '[{"id": "f-new", "kind": "fact", "text": "new"}]}', encoding="utf-8")
    damage_a_page_inside(sample_path)
    damaged = sample_path.read_bytes()
    assert main(["--db", str(sample_path), "import", str(pack)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert sample_path.read_bytes() == damaged


def test_check_notices_links_to_missing_records_and_an_incomplete_index(sample_path):
    conn = sqlite3.connect(sample_path)
    conn.execute("INSERT INTO item_tags(item_id, tag_id, position) "
                 "SELECT id, 999999, 9 FROM items LIMIT 1")
    conn.execute("DELETE FROM items_search WHERE rowid = (SELECT min(num) FROM items)")
    conn.commit()
    conn.close()
    with FactBase.open(sample_path) as fb:
        report = fb.check_integrity()
    assert not report.ok
    lines = report.lines()
    assert lines[1] == "Links between records: 1 links point to records that do not " \
                       "exist (item_tags → tags)."
    assert lines[2].startswith("Search index: holds ")


# ---------------------------------------------------------------- automatic backups


def test_backups_are_listed_newest_first_with_their_counts(sample_path, capsys):
    first = take_backup(sample_path, now=datetime(2026, 2, 1, 9, 0))
    with FactBase.open(sample_path) as fb:
        fb.save_item(Item(id="f-extra", kind="fact", text="one more"))
        items = fb.item_count()
    second = take_backup(sample_path, now=datetime(2026, 2, 1, 9, 30))
    listed = list_backups(sample_path)
    assert [b.path for b in listed] == [second, first]
    assert [b.items for b in listed] == [items, items - 1]
    assert listed[0].briefings == 1
    assert main(["--db", str(sample_path), "backups"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["N", "TAKEN", "ITEMS", "BRIEFINGS", "FILE"]
    assert out[1].split()[:5] == ["1", "2026-02-01", "09:30:00", str(items), "1"]


def test_retention_keeps_the_last_ten_and_one_a_day_for_a_week(sample_path):
    folder = backups_folder(sample_path)
    folder.mkdir(parents=True)
    now = datetime(2026, 2, 10, 18, 0)
    made = []
    for day in range(12):  # three an hour apart each day, for twelve days
        for hour in (9, 10, 11):
            taken = now - timedelta(days=day, hours=18 - hour)
            path = folder / f"{taken:%Y%m%d-%H%M%S}.sqlite"
            path.write_bytes(b"")
            made.append((taken, path))
    prune(folder, now=now)
    kept = sorted(p.name for p in folder.iterdir())
    newest = sorted(made, reverse=True)
    expected = {p.name for _t, p in newest[:KEEP_LATEST]}
    expected |= {f"{(now - timedelta(days=d)):%Y%m%d}-110000.sqlite" for d in range(KEEP_DAYS)}
    assert kept == sorted(expected)


def test_restoring_keeps_the_current_file_as_another_backup(sample_path):
    old = take_backup(sample_path, now=datetime(2026, 2, 1, 9, 0))
    with FactBase.open(sample_path) as fb:
        fb.save_item(Item(id="f-later", kind="fact", text="written after the backup"))
    kept = restore(old, sample_path)
    with FactBase.open(sample_path) as fb:
        assert fb.get_item("f-later") is None
    with FactBase.open(kept, read_only=True) as fb:
        assert fb.get_item("f-later") is not None
    assert {b.path for b in list_backups(sample_path)} == {old, kept}


def test_the_cli_restores_a_backup_by_number(sample_path, capsys):
    take_backup(sample_path, now=datetime(2026, 2, 1, 9, 0))
    with FactBase.open(sample_path) as fb:
        fb.delete_items([item.id for item in fb.search("", limit=None)])
    assert main(["--db", str(sample_path), "backups", "--restore", "1"]) == 0
    assert "is kept as the backup" in capsys.readouterr().out
    with FactBase.open(sample_path) as fb:
        assert fb.item_count() > 0


def test_changes_are_backed_up_at_most_every_interval_and_at_close(sample_path):
    now = [0.0]
    auto = AutoBackups(sample_path, interval=1800, clock=lambda: now[0])
    assert auto.backup_if_due() is None and auto.at_close() is None  # nothing changed
    auto.changed()
    now[0] = 1000
    assert auto.backup_if_due() is None  # too soon
    now[0] = 1800
    assert auto.backup_if_due() is not None
    assert auto.backup_if_due() is None  # no change since
    auto.changed()
    assert auto.at_close() is not None


def test_a_command_backs_up_unless_a_backup_is_recent(sample_path):
    start = datetime(2026, 2, 1, 9, 0)
    assert backup_if_stale(sample_path, now=start) is not None
    assert backup_if_stale(sample_path, now=start + timedelta(minutes=10)) is None
    assert backup_if_stale(sample_path, now=start + timedelta(minutes=31)) is not None


def test_two_fact_bases_of_the_same_name_keep_separate_backups(tmp_path, sample_path):
    other = tmp_path / "elsewhere" / sample_path.name
    other.parent.mkdir()
    shutil.copyfile(sample_path, other)
    assert backups_folder(other) != backups_folder(sample_path)
