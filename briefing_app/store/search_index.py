"""The full-text search index and what keeps it in sync.

``items_search`` is one FTS5 table keyed by ``items.num``. Besides the item's own text it
holds denormalised labels: the names of the speaker and the people, the tag names and the
source outlet, so one MATCH finds an item by any of them. The labels also live in
``item_labels`` (one row per item, indexed), which is what the item table sorts by.

Both derived tables are kept in sync by triggers, so the index stays right whoever writes
the file, the app or the sqlite-utils CLI:

- on ``items``: insert, delete, change of text columns, change of speaker or source;
- on ``item_tags`` and ``item_people``: insert, delete, update;
- on ``people``, ``sources`` and ``tags``: a rename (the triggers fire only when the name
  really changed);
- ``item_labels`` refreshes the FTS row whenever a label changes.

Bulk writers (saving many items at once) pause the triggers with a row in ``meta``, write,
then refresh just the touched items in a few set-based statements (:func:`refresh`). The
pause row is written and removed inside the same transaction, so no other connection ever
sees it. The trigger SQL is created by migration 4 from the expressions below; changing an
expression needs a new migration that recreates the triggers.
"""

from __future__ import annotations

import contextlib
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator

from .many_rows import insert_rows

FTS_TABLE = "items_search"
TOKENIZER = "unicode61 remove_diacritics 2"
# Column of the FTS table and its bm25 weight: a word in the title or a name counts more.
FTS_COLUMNS = {
    "title": 4.0,
    "text": 1.0,
    "context": 0.5,
    "translation": 1.0,
    "notes": 0.5,
    "location": 1.0,
    "people": 2.0,
    "tags": 2.0,
    "source": 1.0,
}
ITEM_TEXT_COLUMNS = ("title", "text", "context", "translation", "notes", "location")
PAUSE_KEY = "search_sync_paused"
PENDING_BYTES = 1 << 20  # FTS5's own 'hashsize': terms held in memory before a segment is written
BULK_PENDING_BYTES = 32 << 20
# FTS5's 'automerge' and 'crisismerge': how many segments of a level it merges into one.
MERGE_SEGMENTS, CRISIS_SEGMENTS = 4, 16  # its defaults
BULK_MERGE_SEGMENTS, BULK_CRISIS_SEGMENTS = 0, 64  # 0: none while filling (see below)
MAX_SEGMENTS_AFTER_FILL = 8  # more, and a large fill ends by merging them all into one
FTS_PAGE_HEADROOM = 4096 - 4050  # what FTS5's default leaf leaves of a page for SQLite


def fold_for_search(text: str) -> str:
    """``Perú`` -> ``peru``: accents and case folded the way the full-text index folds
    words (``unicode61 remove_diacritics 2``), so ``tag:peru`` finds the tag ``perú`` as
    ``peru`` and ``person:peru`` find it."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_ACTIVE = f"NOT EXISTS (SELECT 1 FROM meta WHERE key = '{PAUSE_KEY}')"


def people_label(num: str) -> str:
    """Speaker first, then the item's people in order, without repeating the speaker."""
    return f"""coalesce((SELECT group_concat(name, ', ') FROM (
        SELECT p.name AS name, -1 AS pos FROM items i JOIN people p ON p.id = i.speaker_id
            WHERE i.num = {num}
        UNION ALL
        SELECT p.name, ip.position FROM items i
            JOIN item_people ip ON ip.item_id = i.id JOIN people p ON p.id = ip.person_id
            WHERE i.num = {num} AND ip.person_id IS NOT i.speaker_id
        ORDER BY 2)), '')"""


def tags_label(num: str) -> str:
    return f"""coalesce((SELECT group_concat(name, ', ') FROM (
        SELECT t.name AS name FROM items i
            JOIN item_tags it ON it.item_id = i.id JOIN tags t ON t.id = it.tag_id
            WHERE i.num = {num} ORDER BY it.position)), '')"""


def source_label(num: str) -> str:
    return f"""coalesce((SELECT s.outlet FROM items i JOIN sources s ON s.id = i.source_id
        WHERE i.num = {num}), '')"""


_FTS_INSERT_COLUMNS = ", ".join(["rowid", *FTS_COLUMNS])
_FTS_SELECT_COLUMNS = ", ".join(
    ["i.num", *(f"i.{c}" for c in ITEM_TEXT_COLUMNS), "l.people", "l.tags", "l.source"]
)


def _fts_refresh_one(num: str) -> str:
    return f"""DELETE FROM {FTS_TABLE} WHERE rowid = {num};
        INSERT INTO {FTS_TABLE}({_FTS_INSERT_COLUMNS})
            SELECT {_FTS_SELECT_COLUMNS} FROM items i JOIN item_labels l ON l.item_num = i.num
            WHERE i.num = {num};"""


def _item_nums(id_expr: str) -> str:
    return f"(SELECT num FROM items WHERE id = {id_expr})"


def create_statements() -> list[str]:
    """DDL of the derived tables and every sync trigger (used by migration 4)."""
    fts_columns = ", ".join(FTS_COLUMNS)
    weights = ", ".join(str(w) for w in FTS_COLUMNS.values())
    statements = [
        """CREATE TABLE item_labels (
            item_num INTEGER PRIMARY KEY,
            people TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX item_labels_by_people ON item_labels(people COLLATE NOCASE)",
        "CREATE INDEX item_labels_by_tags ON item_labels(tags COLLATE NOCASE)",
        "CREATE INDEX item_labels_by_source ON item_labels(source COLLATE NOCASE)",
        f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
            {fts_columns}, tokenize = '{TOKENIZER}', prefix = '2 3')""",
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25({weights})')",
        f"""CREATE TRIGGER items_search_item_inserted AFTER INSERT ON items WHEN {_ACTIVE}
        BEGIN
            INSERT OR REPLACE INTO item_labels(item_num, people, tags, source) VALUES (
                new.num, {people_label("new.num")}, {tags_label("new.num")},
                {source_label("new.num")});
            {_fts_refresh_one("new.num")}
        END""",
        f"""CREATE TRIGGER items_search_item_text_changed
        AFTER UPDATE OF {", ".join(ITEM_TEXT_COLUMNS)} ON items WHEN {_ACTIVE}
        BEGIN
            {_fts_refresh_one("new.num")}
        END""",
        f"""CREATE TRIGGER items_search_item_links_changed
        AFTER UPDATE OF speaker_id, source_id ON items WHEN {_ACTIVE}
        BEGIN
            UPDATE item_labels SET people = {people_label("item_labels.item_num")},
                source = {source_label("item_labels.item_num")}
            WHERE item_num = new.num;
        END""",
        f"""CREATE TRIGGER items_search_item_deleted AFTER DELETE ON items WHEN {_ACTIVE}
        BEGIN
            DELETE FROM item_labels WHERE item_num = old.num;
            DELETE FROM {FTS_TABLE} WHERE rowid = old.num;
        END""",
        f"""CREATE TRIGGER items_search_labels_changed AFTER UPDATE ON item_labels
        WHEN {_ACTIVE} AND (old.people IS NOT new.people OR old.tags IS NOT new.tags
            OR old.source IS NOT new.source)
        BEGIN
            {_fts_refresh_one("new.item_num")}
        END""",
        f"""CREATE TRIGGER items_search_person_renamed AFTER UPDATE OF name ON people
        WHEN {_ACTIVE} AND old.name IS NOT new.name
        BEGIN
            UPDATE item_labels SET people = {people_label("item_labels.item_num")}
            WHERE item_num IN (
                SELECT num FROM items WHERE speaker_id = new.id
                UNION SELECT i.num FROM item_people ip JOIN items i ON i.id = ip.item_id
                    WHERE ip.person_id = new.id);
        END""",
        f"""CREATE TRIGGER items_search_source_renamed AFTER UPDATE OF outlet ON sources
        WHEN {_ACTIVE} AND old.outlet IS NOT new.outlet
        BEGIN
            UPDATE item_labels SET source = new.outlet
            WHERE item_num IN (SELECT num FROM items WHERE source_id = new.id);
        END""",
        f"""CREATE TRIGGER items_search_tag_renamed AFTER UPDATE OF name ON tags
        WHEN {_ACTIVE} AND old.name IS NOT new.name
        BEGIN
            UPDATE item_labels SET tags = {tags_label("item_labels.item_num")}
            WHERE item_num IN (SELECT i.num FROM item_tags it JOIN items i ON i.id = it.item_id
                WHERE it.tag_id = new.id);
        END""",
    ]
    for table, label, expression in (
        ("item_tags", "tags", tags_label),
        ("item_people", "people", people_label),
    ):
        set_label = f"{label} = {expression('item_labels.item_num')}"
        statements += [
            f"""CREATE TRIGGER items_search_{table}_inserted AFTER INSERT ON {table}
            WHEN {_ACTIVE}
            BEGIN
                UPDATE item_labels SET {set_label} WHERE item_num = {_item_nums("new.item_id")};
            END""",
            f"""CREATE TRIGGER items_search_{table}_deleted AFTER DELETE ON {table}
            WHEN {_ACTIVE}
            BEGIN
                UPDATE item_labels SET {set_label} WHERE item_num = {_item_nums("old.item_id")};
            END""",
            f"""CREATE TRIGGER items_search_{table}_updated AFTER UPDATE ON {table}
            WHEN {_ACTIVE}
            BEGIN
                UPDATE item_labels SET {set_label} WHERE item_num IN (
                    SELECT num FROM items WHERE id IN (old.item_id, new.item_id));
            END""",
        ]
    return statements


def fit_leaves_to_pages(conn: sqlite3.Connection) -> None:
    """Make FTS5's leaves fill a page of the file, as its default (4,050 B) does SQLite's
    default page of 4,096 B. In pages of 8 KiB (a new file's, see
    ``connection.PAGE_BYTES``) leaves of 4 KiB left part of each page empty, and an
    import of 100k items wrote 2.5% slower. Set when the index is created (a later change
    applies only to the leaves written after it)."""
    conn.execute(f"""INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank)
        SELECT 'pgsz', page_size - {FTS_PAGE_HEADROOM} FROM pragma_page_size""")


def pause(conn: sqlite3.Connection) -> None:
    """Stop the sync triggers for the rest of this transaction (see :func:`resume`)."""
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (PAUSE_KEY,))


def resume(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (PAUSE_KEY,))


def refresh(conn: sqlite3.Connection, item_ids: Iterable[str]) -> None:
    """Recompute the labels and FTS rows of the given (existing) items.

    Call it with the triggers paused: it writes the derived tables directly.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS refresh_ids (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.refresh_ids")
    insert_rows(conn, "INSERT OR IGNORE INTO temp.refresh_ids(id)", 1, [(i,) for i in item_ids])
    reindex(conn, "SELECT num FROM items WHERE id IN (SELECT id FROM temp.refresh_ids)")
    conn.execute("DELETE FROM temp.refresh_ids")


def reindex(conn: sqlite3.Connection, nums_sql: str) -> None:
    """Replace the labels and FTS rows of the items whose ``num`` ``nums_sql`` selects
    (triggers paused, as for :func:`refresh`)."""
    with _choosing(conn, nums_sql):
        conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN (SELECT num FROM {_CHOSEN})")
        _fill_chosen(conn)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every label and the whole FTS index from the tables (a repair tool)."""
    pause(conn)
    conn.execute("DELETE FROM item_labels")
    conn.execute(f"DELETE FROM {FTS_TABLE}")
    fill(conn, "SELECT num FROM items")
    resume(conn)


TERMS = "temp.items_search_terms"  # fts5vocab 'row': each word and how many items hold it
INSTANCES = "temp.items_search_instances"  # fts5vocab 'instance': each place a word is


def attach_vocabularies(conn: sqlite3.Connection) -> None:
    """The index's lists of words, as temp tables of this connection (cheap when they are
    there). A reader makes them once, outside any transaction: made inside its read
    transaction, they went with the rollback, and every search that read them paid 2 ms
    to make them again."""
    for name, kind in ((TERMS, "row"), (INSTANCES, "instance")):
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name}"
                     f" USING fts5vocab(main, '{FTS_TABLE}', '{kind}')")


@contextlib.contextmanager
def holding_more_terms(conn: sqlite3.Connection) -> Iterator[None]:
    """For one large fill: FTS5 writes the terms it holds as a new segment each time they
    pass ``hashsize``; holding 32 MiB instead of 1 MiB writes a 32nd of the segments
    (100,000 items: 1.7 s instead of 2.8 s). It does not merge them as they pile up
    (``automerge`` 0): :func:`merge_if_scattered` merges them once at the end, when
    there are enough to slow searches down. The defaults come back for the small writes
    after it."""
    _configure(conn, BULK_PENDING_BYTES, BULK_MERGE_SEGMENTS, BULK_CRISIS_SEGMENTS)
    try:
        yield
    finally:
        _configure(conn, PENDING_BYTES, MERGE_SEGMENTS, CRISIS_SEGMENTS)


def segment_count(conn: sqlite3.Connection) -> int:
    """How many segments the index is in (each has a row in FTS5's ``_idx`` table)."""
    return conn.execute(f"SELECT count(DISTINCT segid) FROM {FTS_TABLE}_idx").fetchone()[0]


def merge_if_scattered(conn: sqlite3.Connection) -> bool:
    """After a large fill: if the index is in more than :data:`MAX_SEGMENTS_AFTER_FILL`
    segments, merge them into one (FTS5's ``optimize``); returns whether it did.

    A search that walks the sort order tests each row in every segment: at 1M imported
    items, ``sanc`` took 180 ms to its first rows with the 9 segments the fill left
    (merging 16 at a time as they came) and 28 ms with one. Merging once at the end
    rewrites each segment once: 5.1 s at 1M items, about what the fill saves by not
    merging as it goes. 100,000 items fill 6 segments and are left as they are."""
    if segment_count(conn) <= MAX_SEGMENTS_AFTER_FILL:
        return False
    _merge_into_one(conn)
    return True


def _merge_into_one(conn: sqlite3.Connection) -> None:
    conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def _configure(conn: sqlite3.Connection, pending_bytes: int, merge: int, crisis: int) -> None:
    for option, value in (("hashsize", pending_bytes), ("automerge", merge),
                          ("crisismerge", crisis)):
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES (?, ?)",
                     (option, value))


def optimize(conn: sqlite3.Connection) -> None:
    """Merge the FTS index into one segment and refresh the planner's statistics (worth it
    after a large import)."""
    _merge_into_one(conn)
    conn.execute("ANALYZE")


def fill(conn: sqlite3.Connection, nums_sql: str) -> None:
    """Write the labels and FTS rows of the items whose ``num`` ``nums_sql`` selects.

    The labels are computed set-wise (one pass per label over the chosen items, grouped),
    twice as fast for many items as the per-item subqueries the triggers use; a test
    holds the two to the same text."""
    with _choosing(conn, nums_sql):
        _fill_chosen(conn)


_CHOSEN_TABLE = "chosen_nums"
_CHOSEN = f"temp.{_CHOSEN_TABLE}"


@contextlib.contextmanager
def _choosing(conn: sqlite3.Connection, nums_sql: str) -> Iterator[None]:
    """The chosen items' ``num`` in a table of their own, for the block.

    The statements below walk it (``CROSS JOIN`` keeps it the outer loop) and look each
    item and its links up by key, whatever the planner's statistics say. Statistics taken
    when the fact base was small (a new one with the sample items, analysed when it was
    closed) made it scan every link of every item for each pulled page instead: a join
    of 60,000 items into such a fact base took 54 s instead of 6. Walked in ``num``
    order, the FTS rows are written in rowid order too, as FTS5 wants them."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_CHOSEN_TABLE} (num INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM {_CHOSEN}")
    conn.execute(f"INSERT OR IGNORE INTO {_CHOSEN}(num) {nums_sql}")
    try:
        yield
    finally:
        conn.execute(f"DELETE FROM {_CHOSEN}")


def _fill_chosen(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""INSERT OR REPLACE INTO item_labels(item_num, people, tags, source)
        {_LABELS_OF_CHOSEN}"""
    )
    conn.execute(f"INSERT INTO {FTS_TABLE}({_FTS_INSERT_COLUMNS}) {_FTS_ROWS_OF_CHOSEN}")


# People and sources by their key even when statistics call the table tiny (a scan of a
# table that has grown since, for every item, is what those statistics would choose).
_PEOPLE_BY_ID = "people AS p INDEXED BY sqlite_autoindex_people_1"
_FTS_ROWS_OF_CHOSEN = f"""SELECT {_FTS_SELECT_COLUMNS}
    FROM {_CHOSEN} n CROSS JOIN items i ON i.num = n.num
        CROSS JOIN item_labels l ON l.item_num = i.num"""
_LABELS_OF_CHOSEN = f"""WITH chosen AS (SELECT i.num, i.id, i.speaker_id, i.source_id
            FROM {_CHOSEN} n CROSS JOIN items i ON i.num = n.num),
        named AS (SELECT num, group_concat(name, ', ') AS names FROM (
            SELECT c.num AS num, p.name AS name, -1 AS pos
                FROM chosen c CROSS JOIN {_PEOPLE_BY_ID} ON p.id = c.speaker_id
            UNION ALL
            SELECT c.num, p.name, ip.position FROM chosen c
                CROSS JOIN item_people ip ON ip.item_id = c.id
                CROSS JOIN {_PEOPLE_BY_ID} ON p.id = ip.person_id
                WHERE ip.person_id IS NOT c.speaker_id
            ORDER BY 1, 3) GROUP BY num),
        tagged AS (SELECT num, group_concat(name, ', ') AS names FROM (
            SELECT c.num AS num, t.name AS name FROM chosen c
                CROSS JOIN item_tags it ON it.item_id = c.id
                CROSS JOIN tags t ON t.id = it.tag_id
            ORDER BY 1, it.position) GROUP BY num)
        SELECT c.num, coalesce(named.names, ''), coalesce(tagged.names, ''),
            coalesce(s.outlet, '')
        FROM chosen c LEFT JOIN named ON named.num = c.num
            LEFT JOIN tagged ON tagged.num = c.num
            LEFT JOIN sources AS s INDEXED BY sqlite_autoindex_sources_1 ON s.id = c.source_id"""
