"""The fact base schema as an ordered list of named migrations.

How a file is recognised and versioned:

- ``meta`` (key, value) holds the marker row ``application = briefing-builder``. An SQLite
  file without it that already has tables is some other program's database and is refused.
- ``PRAGMA user_version`` is the number of migrations applied: the schema version.
- ``schema_migrations`` logs each applied migration by version, name and time, for people
  who look into the file with the sqlite-utils CLI or Datasette.

Migrations run in one transaction at open; a file whose version is above
:data:`SCHEMA_VERSION` was written by a newer app and is refused untouched. A released
migration never changes: a schema change is a new entry at the end of :data:`MIGRATIONS`.

Tables (plain names, readable outside the app):
``items`` (facts, quotes, events; ``num`` is the stable row number that keys the search
index, ``id`` the text id the app uses), ``people``, ``sources``, ``tags``, ``item_tags``,
``item_people`` (both ordered by ``position``), ``briefings``, ``briefing_participants``,
``sections``, ``blocks``, ``settings``, ``saved_searches``, and the derived ``item_labels``
and ``items_search`` (see :mod:`.search_index`).

``blocks.item_id`` deliberately has no foreign key: deleting an item keeps the briefings
that cite it unchanged (the memo shows the reference as missing, preflight warns), and
restoring the item with the same id, as undo does, brings every reference back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from briefing_app.core.vocab import (
    AUTOMATIC_SECTIONS,
    BLOCK_STYLES,
    ITEM_KINDS,
    NOTE_STYLES,
    PAGE_SIZES,
    STATUSES,
    sql_check,
)

from . import clock, journal, search_index

APPLICATION = "briefing-builder"
TEXT_SORT_CHARS = 60  # the item table sorts texts by this many first characters


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


# The CHECK constraints come from core.vocab (sql_check). A released migration never
# changes, and SQLite cannot alter a CHECK: a new vocabulary value needs a new migration that
# rebuilds the table (tests/test_schema.py pins the text of the released migrations).
_CORE_TABLES = (
    """CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"INSERT OR REPLACE INTO meta(key, value) VALUES ('application', '{APPLICATION}')",
    """CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied TEXT NOT NULL
    )""",
    """CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organization TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX people_by_name ON people(name COLLATE NOCASE)",
    """CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        outlet TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        accessed TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX sources_by_outlet ON sources(outlet COLLATE NOCASE)",
    "CREATE INDEX sources_by_url ON sources(url)",
    f"""CREATE TABLE items (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL {sql_check("kind", ITEM_KINDS)},
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        source_id TEXT REFERENCES sources(id) ON UPDATE CASCADE,
        status TEXT NOT NULL DEFAULT 'unverified'
            {sql_check("status", STATUSES)},
        marking TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        speaker_id TEXT REFERENCES people(id) ON UPDATE CASCADE,
        language TEXT NOT NULL DEFAULT '',
        translation TEXT NOT NULL DEFAULT '',
        context TEXT NOT NULL DEFAULT '',
        end_date TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL DEFAULT ''
    )""",
    # Indexes serve the filters (kind:, status:, after:/before:) and the sortable columns
    # of the item table; the date is the second key so a filtered list stays in date order.
    "CREATE INDEX items_by_date ON items(date)",
    "CREATE INDEX items_by_kind ON items(kind, date)",
    "CREATE INDEX items_by_status ON items(status, date)",
    "CREATE INDEX items_by_marking ON items(marking, date)",
    "CREATE INDEX items_by_title ON items(title COLLATE NOCASE)",
    "CREATE INDEX items_by_source ON items(source_id)",
    "CREATE INDEX items_by_speaker ON items(speaker_id)",
    """CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    )""",
    """CREATE TABLE item_tags (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE ON UPDATE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (item_id, tag_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX item_tags_by_tag ON item_tags(tag_id)",
    """CREATE TABLE item_people (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE ON UPDATE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id) ON UPDATE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (item_id, person_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX item_people_by_person ON item_people(person_id)",
)

_BRIEFING_TABLES = (
    f"""CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        memo_to TEXT NOT NULL DEFAULT '',
        memo_from TEXT NOT NULL DEFAULT '',
        memo_through TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        meeting_title TEXT NOT NULL DEFAULT '',
        meeting_date TEXT NOT NULL DEFAULT '',
        meeting_location TEXT NOT NULL DEFAULT '',
        marking TEXT NOT NULL DEFAULT '',
        template TEXT NOT NULL DEFAULT 'meeting-brief',
        portion_marking INTEGER NOT NULL DEFAULT 0,
        note_style TEXT NOT NULL DEFAULT 'footnotes'
            {sql_check("note_style", NOTE_STYLES)},
        language TEXT NOT NULL DEFAULT 'en',
        created TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX briefings_by_title ON briefings(title COLLATE NOCASE)",
    """CREATE TABLE briefing_participants (
        briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE
            ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id) ON UPDATE CASCADE,
        PRIMARY KEY (briefing_id, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX briefing_participants_by_person ON briefing_participants(person_id)",
    f"""CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE
            ON UPDATE CASCADE,
        position INTEGER NOT NULL,
        heading TEXT NOT NULL DEFAULT '',
        automatic TEXT NOT NULL DEFAULT ''
            {sql_check("automatic", AUTOMATIC_SECTIONS, allow_empty=True)}
    )""",
    "CREATE INDEX sections_by_briefing ON sections(briefing_id, position)",
    f"""CREATE TABLE blocks (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        item_id TEXT,
        note TEXT NOT NULL DEFAULT '',
        override TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        style TEXT NOT NULL DEFAULT 'paragraph'
            {sql_check("style", BLOCK_STYLES)}
    )""",
    "CREATE INDEX blocks_by_section ON blocks(section_id, position)",
    "CREATE INDEX blocks_by_item ON blocks(item_id)",
)

_SETTINGS_TABLES = (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        query TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    )""",
)


def _search_index_statements() -> tuple[str, ...]:
    return (*search_index.create_statements(), *_fill_existing_items())


def _fill_existing_items() -> tuple[str, ...]:
    # A file migrated from version 3 may already hold items: index them.
    return (
        f"""INSERT INTO item_labels(item_num, people, tags, source)
        SELECT target.num, {search_index.people_label("target.num")},
            {search_index.tags_label("target.num")}, {search_index.source_label("target.num")}
        FROM items AS target""",
        f"""INSERT INTO {search_index.FTS_TABLE}(rowid, {", ".join(search_index.FTS_COLUMNS)})
        SELECT i.num, {", ".join(f"i.{c}" for c in search_index.ITEM_TEXT_COLUMNS)},
            l.people, l.tags, l.source
        FROM items i JOIN item_labels l ON l.item_num = i.num""",
    )


_SEARCH_INDEX_STATEMENTS = _search_index_statements()

# The item table sorts texts by their start; a full-text index would double the texts.
_TEXT_START_INDEX = (
    f"CREATE INDEX items_by_text_start ON items(substr(text, 1, {TEXT_SORT_CHARS}) COLLATE NOCASE)",
)

# A new column with a default and a CHECK: SQLite adds it without rebuilding the table (so
# the journal's triggers on it stay); the briefing triggers are recreated to journal it.
_PAGE_SIZE = (
    f"""ALTER TABLE briefings ADD COLUMN page_size TEXT NOT NULL DEFAULT 'letter'
        {sql_check("page_size", PAGE_SIZES)}""",
    *journal.briefing_trigger_statements(),
)

# The speaker's index also holds the item's id, which the sidebar's people counts join on
# (an item whose speaker is also among its people counts once): read from the table
# instead, that count took 3.7 s at a million items and grew 20-fold for 10 times the
# items; 0.22 s with the id in the index. Only the items with a speaker are in it (every
# lookup names a speaker): 17 B an item, as the index of every item's speaker was.
_SPEAKER_WITH_ITEM = (
    "DROP INDEX items_by_speaker",
    "CREATE INDEX items_by_speaker ON items(speaker_id, id) WHERE speaker_id IS NOT NULL",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("create items, people, sources and tags", _CORE_TABLES),
    Migration("create briefings, sections and blocks", _BRIEFING_TABLES),
    Migration("create settings and saved searches", _SETTINGS_TABLES),
    Migration("create the search index and its sync triggers", _SEARCH_INDEX_STATEMENTS),
    Migration("index the start of item texts for sorting", _TEXT_START_INDEX),
    Migration("record changes for a team library (journal.py)", journal.create_statements()),
    Migration("add the page size of briefings", _PAGE_SIZE),
    Migration("index the speaker of items with their id", _SPEAKER_WITH_ITEM),
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def has_marker(conn: sqlite3.Connection) -> bool:
    """True when the file carries our ``meta`` marker row."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not found:
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    return row is not None and row[0] == APPLICATION


def is_blank(conn: sqlite3.Connection) -> bool:
    """True for a database without any table, index, view or trigger (a new file)."""
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def apply_pending(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[str]:
    """Apply the migrations after the file's version up to ``target``; returns their names.

    Must run inside a transaction opened by the caller, so that all of them or none apply.
    """
    current = user_version(conn)
    applied = []
    now = clock.now()
    for version in range(current + 1, target + 1):
        migration = MIGRATIONS[version - 1]
        for statement in migration.statements:
            conn.execute(statement)
        conn.execute(
            "INSERT OR REPLACE INTO schema_migrations(version, name, applied) VALUES (?, ?, ?)",
            (version, migration.name, now),
        )
        conn.execute(f"PRAGMA user_version = {int(version)}")
        applied.append(migration.name)
        if migration.statements is _SEARCH_INDEX_STATEMENTS:
            search_index.fit_leaves_to_pages(conn)  # released migrations never change
    return applied
