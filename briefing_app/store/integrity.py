"""Is the fact base file sound? SQLite's own checks, reported in plain words.

Three checks, each of a different layer: SQLite's ``integrity_check`` (the file's pages and
indexes), ``foreign_key_check`` (links between records) and the search index's own
``integrity-check`` plus a count against the items. :func:`check` runs them all for
Tools ▸ Check Fact Base and ``briefing-app check``; :func:`quick_check` is the fast one
(a third of a second on 100,000 items) that guards the first change of a session, so an
import never writes into a damaged file.
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.records import Finding, IntegrityReport

from . import search_index
from .errors import is_damage

MAX_REPORTED = 20  # problems SQLite is asked for; the count says if there were more


def quick_check(conn: sqlite3.Connection) -> bool:
    """SQLite's ``quick_check``: True when the file's pages are sound (no index compare)."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return False
        raise
    return [tuple(row) for row in rows] == [("ok",)]


def check(conn: sqlite3.Connection, *, writable: bool = True) -> IntegrityReport:
    """Every check; nothing is changed. The search index's own check is a command SQLite
    runs only on a connection that may write (``writable``); on a read-only one the index
    is only counted against the items."""
    structure = _structure(conn)
    if not structure.ok:  # the other checks would read damaged pages
        return IntegrityReport((structure,))
    return IntegrityReport((structure, _links(conn), _search_index(conn, writable)))


def _structure(conn: sqlite3.Connection) -> Finding:
    what = "File structure"
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA integrity_check({MAX_REPORTED})")]
    except sqlite3.DatabaseError as error:
        return Finding(what, False, f"SQLite cannot read the file ({error}).")
    if rows == ["ok"]:
        return Finding(what, True, "sound.")
    more = " or more" if len(rows) >= MAX_REPORTED else ""
    return Finding(what, False, f"damaged: SQLite found {len(rows)}{more} problems "
                                f"(the first: {rows[0]}).")


def _links(conn: sqlite3.Connection) -> Finding:
    what = "Links between records"
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding(what, True, "sound.")
    tables = sorted({f"{row[0]} → {row[2]}" for row in rows})
    return Finding(what, False, f"{len(rows)} links point to records that do not exist "
                                f"({', '.join(tables)}).")


def _search_index(conn: sqlite3.Connection, writable: bool) -> Finding:
    what = "Search index"
    table = search_index.FTS_TABLE
    try:
        if writable:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")
        indexed = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return Finding(what, False, f"damaged ({error}); rebuilding it repairs it.")
    items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    if indexed != items:
        return Finding(what, False, f"holds {indexed} items of {items}; rebuilding it "
                                    "repairs it.")
    return Finding(what, True, "sound.")
