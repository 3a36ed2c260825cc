"""Opening files: creation, recognition, refusal, migrations."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
import sqlite_utils
from fts_options import fts_option

from briefing_app.core.model import Item, Person, Source
from briefing_app.store import (
    SCHEMA_VERSION,
    FactBase,
    FactBaseError,
    NewerSchemaError,
    NotAFactBaseError,
    connection,
    schema,
)
from briefing_app.store.connection import PAGE_BYTES

EXPECTED_TABLES = {
    "items", "people", "sources", "tags", "item_tags", "item_people", "briefings",
    "sections", "blocks", "briefing_participants", "settings", "saved_searches", "meta",
    "schema_migrations", "item_labels", "items_search",
}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_set(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_open_creates_a_missing_file_with_every_table(db_path):
    with FactBase.open(db_path):
        pass
    db = sqlite_utils.Database(db_path)
    assert set(db.table_names()) >= EXPECTED_TABLES
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()[0] == (
        "briefing-builder"
    )
    names = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert names == [m.name for m in schema.MIGRATIONS]


def test_open_creates_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "facts.sqlite"
    FactBase.open(path).close()
    assert path.exists()


def test_file_uses_wal_and_the_connection_checks_foreign_keys(disk_fb, db_path):
    conn = disk_fb.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_new_file_has_the_chosen_pages_and_search_leaves_that_fill_them(disk_fb):
    conn = disk_fb.connection
    assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_BYTES
    assert fts_option(disk_fb, "pgsz") == PAGE_BYTES - 46


def test_search_leaves_fill_sqlite_default_pages_too(db_path, monkeypatch):
    monkeypatch.setattr(connection, "PAGE_BYTES", 4096)
    with FactBase.open(db_path) as fb:
        assert fb.connection.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert fts_option(fb, "pgsz") == 4050  # FTS5's own default


def test_an_older_file_keeps_its_pages_and_its_search_leaves_fill_them(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA page_size = 2048")
    conn.execute("VACUUM")  # writes the header: the file now has pages of 2 KiB
    conn.close()
    _open_at_version(db_path, 3).close()
    with FactBase.open(db_path) as fb:
        assert fb.connection.execute("PRAGMA page_size").fetchone()[0] == 2048
        assert fts_option(fb, "pgsz") == 2048 - 46


def test_memory_fact_base_works_without_wal(fb):
    assert fb.connection.execute("PRAGMA journal_mode").fetchone()[0] == "memory"
    assert fb.item_count() == 0


def test_reopening_keeps_data_and_runs_no_migration_again(db_path):
    with FactBase.open(db_path) as fb:
        fb.save_item(Item("", "fact", "Coffee exports rose"))
    with FactBase.open(db_path) as fb:
        assert fb.item_count() == 1
        assert fb.count("coffee") == 1
        rows = fb.connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == SCHEMA_VERSION


def test_text_file_is_not_a_fact_base_and_stays_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Just some notes, not a database at all.\n" * 20)
    before = _digest(path)
    with pytest.raises(NotAFactBaseError, match="not an SQLite database"):
        FactBase.open(path)
    assert _digest(path) == before
    assert _file_set(tmp_path) == {"notes.sqlite"}


def test_damaged_sqlite_file_is_refused(tmp_path, db_path):
    with FactBase.open(db_path) as fb:
        fb.save_item(Item("", "fact", "Something"))
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(NotAFactBaseError, match="damaged"):
        FactBase.open(damaged)


def test_other_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "photos.db"
    other = sqlite_utils.Database(path)
    other["photos"].insert({"id": 1, "file": "beach.jpg"}, pk="id")
    other.close()
    before = _digest(path)
    with pytest.raises(NotAFactBaseError, match="another program"):
        FactBase.open(path)
    assert _digest(path) == before
    assert _file_set(tmp_path) == {"photos.db"}


def test_empty_sqlite_file_becomes_a_fact_base(tmp_path):
    path = tmp_path / "blank.sqlite"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    path.touch()
    with FactBase.open(path) as fb:
        assert fb.item_count() == 0


def test_zero_byte_file_becomes_a_fact_base(tmp_path):
    path = tmp_path / "zero.sqlite"
    path.write_bytes(b"")
    with FactBase.open(path) as fb:
        fb.save_person(Person("", "Gustavo Petro"))
        assert len(fb.list_people()) == 1


def test_folder_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(FactBaseError, match="is a folder"):
        FactBase.open(tmp_path)


def _make_newer(path, version: int) -> None:
    with FactBase.open(path) as fb:
        fb.save_item(Item("", "fact", "Written by a newer app"))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("PRAGMA journal_mode = DELETE")  # a newer app might not use WAL
    conn.close()


def test_newer_schema_is_refused_naming_both_versions_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "newer.sqlite"
    _make_newer(path, SCHEMA_VERSION + 3)
    before = _digest(path)
    files = _file_set(tmp_path)
    with pytest.raises(NewerSchemaError) as caught:
        FactBase.open(path)
    message = str(caught.value)
    assert f"version {SCHEMA_VERSION + 3}" in message
    assert f"up to {SCHEMA_VERSION}" in message
    assert "newer version of Briefing Builder" in message
    assert caught.value.found == SCHEMA_VERSION + 3
    assert _digest(path) == before
    assert _file_set(tmp_path) == files  # no -wal or -shm left behind either
    # still in rollback-journal mode: the refusal did not switch it to WAL
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_newer_schema_in_wal_mode_is_refused_untouched(tmp_path):
    path = tmp_path / "newer-wal.sqlite"
    _make_newer(path, SCHEMA_VERSION + 1)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError):
        FactBase.open(path)
    assert _digest(path) == before


def test_newer_schema_error_is_a_fact_base_error():
    assert issubclass(NewerSchemaError, FactBaseError)
    assert issubclass(NotAFactBaseError, FactBaseError)


def _open_at_version(path, version: int) -> sqlite3.Connection:
    """A raw file with only the first ``version`` migrations applied."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    schema.apply_pending(conn, target=version)
    conn.execute("COMMIT")
    return conn


def test_old_file_is_migrated_and_its_items_become_searchable(db_path):
    conn = _open_at_version(db_path, 3)
    conn.execute("INSERT INTO people(id, name) VALUES ('p1', 'Francia Márquez')")
    conn.execute("INSERT INTO sources(id, outlet) VALUES ('s1', 'Semana')")
    conn.execute(
        "INSERT INTO items(id, kind, text, speaker_id, source_id) "
        "VALUES ('i1', 'quote', 'La paz es posible', 'p1', 's1')"
    )
    conn.execute("INSERT INTO tags(id, name) VALUES (1, 'paz')")
    conn.execute("INSERT INTO item_tags(item_id, tag_id, position) VALUES ('i1', 1, 0)")
    conn.close()
    with FactBase.open(db_path) as fb:
        assert fb.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert fb.search_ids("posible") == ["i1"]
        assert fb.search_ids("person:marquez") == ["i1"]
        assert fb.search_ids("source:semana") == ["i1"]
        assert fb.search_rows("")[0].tags == "paz"


def test_failing_migration_leaves_the_file_at_its_old_version(db_path, monkeypatch):
    _open_at_version(db_path, 2).close()
    broken = schema.Migration("broken", ("CREATE TABLE settings (key TEXT)", "SELECT nonsense("))
    monkeypatch.setattr(
        schema, "MIGRATIONS", (*schema.MIGRATIONS[:2], broken, *schema.MIGRATIONS[3:])
    )
    with pytest.raises(FactBaseError):
        FactBase.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "settings" not in tables


def test_migrations_have_unique_names():
    names = [m.name for m in schema.MIGRATIONS]
    assert len(names) == len(set(names)) == SCHEMA_VERSION


RELEASED_MIGRATIONS_SHA256 = "15af0beb06e8241c9dd6b13e3d2cb4d79a0206c4381791474d664ff9bc1013fb"


def test_released_migrations_never_change():
    """Their SQL is partly built from core.vocab (the CHECK constraints): a new kind, status
    or block style must come with a new migration, not alter what older files were made
    with."""
    digest = hashlib.sha256()
    for migration in schema.MIGRATIONS[:5]:
        digest.update(migration.name.encode())
        for statement in migration.statements:
            digest.update(b"\0" + statement.encode())
    assert digest.hexdigest() == RELEASED_MIGRATIONS_SHA256


def test_the_check_constraints_are_the_vocabularies(fb):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        fb.connection.execute("INSERT INTO items(id, kind) VALUES ('x', 'rumour')")
    fb.connection.execute("INSERT INTO items(id, kind) VALUES ('x', 'quote')")


def test_file_is_readable_with_sqlite_utils(disk_fb, db_path):
    person = disk_fb.save_person(Person("", "Gustavo Petro"))
    source = disk_fb.save_source(Source("", "EFE", title="Petro habla"))
    disk_fb.save_item(
        Item("", "quote", "Hablaremos", speaker=person.id, source=source.id, tags=["diálogo"])
    )
    db = sqlite_utils.Database(db_path)
    item = next(db["items"].rows)
    assert item["speaker_id"] == person.id
    assert item["source_id"] == source.id
    assert {fk.other_table for fk in db["items"].foreign_keys} == {"people", "sources"}
    assert db["item_tags"].count == 1
