"""Writing many items in one transaction: indexes built once instead of grown row by row.

An import of 100,000 items into a small fact base spends most of its SQL time keeping
eleven secondary indexes and the search index up to date one row at a time. Inside
:class:`BulkWrite`, once the items written outnumber both :data:`BULK_MIN_ITEMS` and the
items the fact base held before, the secondary indexes of the item tables are dropped and
the search index is no longer refreshed per batch; at the end the indexes are created
again from their own SQL (sorting once is far cheaper than inserting into a B-tree per
row) and the labels and full-text rows of every deferred item are written in one pass.
The triggers of those tables are dropped too and created again at the end: the search
index's would only be skipped (the index is written at the end), and so would the sync
journal's when the fact base is not a replica, but each still costs a call per row (1 s
of a 100,000-item import, for its 400,000 rows of items and links).

It all happens inside the caller's transaction: on any failure the rollback brings the
indexes back with everything else, so no file is ever left without them. The rule "more
than were there before" bounds the rebuild by twice what was written, so a small import
into a large fact base never pays for rebuilding the large one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence

from . import journal, search_index
from .connection import pragma_set
from .many_rows import insert_rows

BULK_MIN_ITEMS = 2_000
_TABLES = ("items", "item_tags", "item_people", "item_labels")
_TRIGGER_TABLES = _TABLES[:3]  # item_labels' trigger carries a rename of a person, source
# or tag (their triggers rewrite the labels of every item naming them) into the search index
_DEFERRED_TABLE = "bulk_deferred"
_DEFERRED = f"temp.{_DEFERRED_TABLE}"
SORTING_THREADS = min(4, os.cpu_count() or 1)


class BulkWrite:
    """The state of one bulk write: how many items so far, and what was set aside."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.items_before = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        self.min_items = BULK_MIN_ITEMS
        self.written = 0
        self.dropped: list[tuple[str, str, str]] = []  # (type, name, CREATE ...) for the end
        self.deferring = False

    def written_items(self, conn: sqlite3.Connection, ids: Sequence[str]) -> None:
        """Count items just written; past the threshold, drop the indexes and triggers
        for the rest."""
        if self.deferring:
            insert_rows(conn, f"INSERT OR IGNORE INTO {_DEFERRED}(id)", 1,
                        [(i,) for i in ids])
        self.written += len(ids)
        if not self.deferring and self.written >= max(self.min_items, self.items_before):
            self._start_deferring(conn)

    def _start_deferring(self, conn: sqlite3.Connection) -> None:
        from .items import marks  # items imports this module

        recording = conn.execute(f"SELECT {journal.RECORDING}").fetchone()[0]
        kept = set(journal.trigger_names()) if recording else set()
        self.dropped = [
            (kind, name, sql) for kind, name, sql in conn.execute(
                f"""SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
                AND ((type = 'index' AND tbl_name IN ({marks(len(_TABLES))}))
                  OR (type = 'trigger' AND tbl_name IN ({marks(len(_TRIGGER_TABLES))})))
                ORDER BY type, name""", (*_TABLES, *_TRIGGER_TABLES))
            if name not in kept
        ]
        for kind, name, _sql in self.dropped:
            conn.execute(f'DROP {kind.upper()} "{name}"')
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_DEFERRED_TABLE} (id TEXT PRIMARY KEY)")
        conn.execute(f"DELETE FROM {_DEFERRED}")
        self.deferring = True

    def finish(self, conn: sqlite3.Connection) -> None:
        """Index the deferred items and create the dropped indexes and triggers again."""
        if not self.deferring:
            return
        search_index.pause(conn)
        deferred = f"SELECT num FROM items WHERE id IN (SELECT id FROM {_DEFERRED})"
        with search_index.holding_more_terms(conn):
            search_index.reindex(conn, deferred)
        search_index.merge_if_scattered(conn)
        search_index.resume(conn)
        # SQLite's sorter may use helper threads (0 by default): the item tables' 13
        # indexes of 1,000,000 items took 10.3-10.6 s alone, 8.9-9.2 s with 2 threads,
        # 8.7 s with 4 (2 cores; a larger page cache was slower: 13.4 s with 64 MiB)
        with pragma_set(conn, "threads", SORTING_THREADS):
            for _kind, _name, sql in self.dropped:
                conn.execute(sql)
        conn.execute(f"DELETE FROM {_DEFERRED}")
        self.deferring, self.dropped = False, []
        refresh_statistics(conn)


def refresh_statistics(conn: sqlite3.Connection) -> None:
    """Tell the planner how the tables look now: without it, after 100k imported items a
    list sorted by people sorted every row (56 ms) instead of reading its index (5 ms).

    Every row of each index is read (1 s at a million items, 1% of their import). A
    sample (``analysis_limit``) reads the first rows of an index only, so a column with
    few values looked like a column with thousands: after importing 1M items the
    planner took ``kind`` for 1,001 items a value (333,334 in truth) and ``people`` for
    9 million rows, and sorting every item by people took 1.9 s instead of 20 ms. Only
    the tables the app's own queries read with an index are analysed: FTS5 reads its
    shadow tables by key, and ANALYZE counts every row of a table that has no index
    (the search index's data and content: 330 ms at a million items)."""
    with pragma_set(conn, "analysis_limit", 0):  # 0: no limit, whatever the connection's
        shadow = search_index.FTS_TABLE + "_"
        tables = [r[0] for r in conn.execute(
            "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY 1")
            if not r[0].startswith(shadow)]
        for table in tables:
            conn.execute(f'ANALYZE "{table}"')
