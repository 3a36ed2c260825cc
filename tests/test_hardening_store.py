"""Healthy fact bases are never called damaged; damaged headers get a message (issue 15,
items 4, 9 and 15): each cause of a failed open or write has its own words, and a file
this process may not change opens read-only (search and export work, changes are refused).
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from drive_helpers import fill, remount_read_only, small_drive

from briefing_app.core.model import Item
from briefing_app.document.render import render_briefing
from briefing_app.exchange.factpack import export_pack
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base
from briefing_app.store import FactBase, FactBaseError, NotAFactBaseError
from briefing_app.store.errors import (
    IN_USE,
    NO_SPACE,
    READ_ONLY,
    DamagedFactBaseError,
    ReadOnlyFactBaseError,
    explain,
)

USER_VERSION_OFFSET = 60


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "sample.sqlite"
    create_fact_base(path).close()
    return path


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- each cause its words


def test_a_write_to_a_read_only_connection_is_read_only_not_damaged(sample_path):
    conn = sqlite3.connect(sample_path.resolve().as_uri() + "?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("DELETE FROM items")
    conn.close()
    error = explain(caught.value, "save")
    assert READ_ONLY in str(error) and type(error) is FactBaseError


def test_a_full_disk_says_so(tmp_path):
    conn = sqlite3.connect(tmp_path / "full.sqlite")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    assert NO_SPACE in str(explain(caught.value, "save"))


def test_a_locked_file_says_another_program_uses_it(sample_path):
    holder = sqlite3.connect(sample_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(sample_path, timeout=0)
    with pytest.raises(sqlite3.Error) as caught:
        other.execute("BEGIN IMMEDIATE")
    holder.execute("ROLLBACK")
    holder.close()
    other.close()
    assert IN_USE in str(explain(caught.value, "save"))


def test_a_damaged_file_is_called_damaged_and_points_to_the_backups(tmp_path, sample_path):
    data = bytearray(sample_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size : 2 * page_size] = b"\xff" * page_size  # the first page after the schema
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(DamagedFactBaseError) as caught:
        FactBase.open(damaged)
    assert "damaged" in str(caught.value)
    assert "Restore from Backup" in str(caught.value)


# ---------------------------------------------------------------- read-only fact bases


def test_a_fact_base_opened_read_only_searches_and_exports_but_refuses_changes(
        sample_path, tmp_path):
    before = sample_path.read_bytes()
    with FactBase.open(sample_path, read_only=True) as fb:
        assert fb.read_only == "it was opened read-only"
        assert fb.search("petro")
        render_briefing(fb, SAMPLE_BRIEFING_ID, tmp_path / "memo.pdf")
        export_pack(fb, tmp_path / "pack.json")
        with pytest.raises(ReadOnlyFactBaseError, match="open read-only .* changes cannot"):
            fb.save_item(Item(id="", kind="fact", text="new"))
        assert fb.item_count() > 0
    assert sample_path.read_bytes() == before
    assert files_in(tmp_path) == ["memo.pdf", "pack.json", "sample.sqlite"]


def test_a_writable_fact_base_is_not_read_only(sample_path):
    with FactBase.open(sample_path) as fb:
        assert fb.read_only == ""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root may write to any file; the drive tests cover root")
def test_a_read_only_file_in_a_read_only_folder_opens_read_only(sample_path):
    folder = sample_path.parent
    sample_path.chmod(0o444)
    folder.chmod(0o555)
    try:
        with FactBase.open(sample_path) as fb:
            assert fb.read_only
            assert fb.search("petro")
            with pytest.raises(ReadOnlyFactBaseError):
                fb.save_item(Item(id="", kind="fact", text="new"))
    finally:
        folder.chmod(0o755)
        sample_path.chmod(0o644)


def test_a_fact_base_on_a_read_only_drive_searches_renders_and_refuses_changes(
        sample_path, tmp_path):
    with small_drive(tmp_path / "drive") as drive:
        on_drive = drive / "facts.sqlite"
        shutil.copyfile(sample_path, on_drive)
        remount_read_only(drive)
        with FactBase.open(on_drive) as fb:
            assert fb.read_only == "its drive is read-only"
            assert fb.search("petro")
            render_briefing(fb, SAMPLE_BRIEFING_ID, tmp_path / "memo.docx")
            with pytest.raises(ReadOnlyFactBaseError):
                fb.save_item(Item(id="", kind="fact", text="new"))
        assert files_in(drive) == ["facts.sqlite"]


def test_a_full_drive_at_creation_says_the_disk_is_full(tmp_path):
    with small_drive(tmp_path / "drive", size="1m") as drive:
        fill(drive)
        with pytest.raises(FactBaseError) as caught:
            create_fact_base(drive / "new.sqlite")
        assert "disk is full" in str(caught.value)
        assert "damaged" not in str(caught.value)
        assert not (drive / "new.sqlite").exists()


# ---------------------------------------------------------------- damaged headers


@pytest.mark.parametrize("flip", [0x80, 0xFF])
def test_a_negative_schema_version_in_the_header_gets_a_message(sample_path, flip):
    data = bytearray(sample_path.read_bytes())
    data[USER_VERSION_OFFSET] ^= flip
    sample_path.write_bytes(bytes(data))
    with pytest.raises(DamagedFactBaseError, match="header is damaged .*reads -"):
        FactBase.open(sample_path)
    with pytest.raises(DamagedFactBaseError, match="header is damaged"):
        FactBase.open(sample_path, read_only=True)


# ---------------------------------------------------------------- nothing left beside


def test_refusing_a_foreign_wal_file_leaves_nothing_beside_it(tmp_path):
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    assert files_in(tmp_path) == ["other.db"]
    with pytest.raises(NotAFactBaseError, match="another program"):
        FactBase.open(foreign)
    assert files_in(tmp_path) == ["other.db"]
