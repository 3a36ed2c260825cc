"""Per-fact-base settings (text values) and saved searches."""

from __future__ import annotations

import sqlite3

from briefing_app.core.records import SavedSearch

from .errors import FactBaseError


def get_setting(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_setting(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Store a text value; ``None`` removes the setting."""
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        return
    if not isinstance(value, str):
        raise TypeError(f"A setting is text; got {type(value).__name__} for {key!r}.")
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def list_saved_searches(conn: sqlite3.Connection) -> list[SavedSearch]:
    rows = conn.execute("SELECT name, query FROM saved_searches ORDER BY position, name")
    return [SavedSearch(r[0], r[1]) for r in rows]


def get_saved_search(conn: sqlite3.Connection, name: str) -> SavedSearch | None:
    row = conn.execute(
        "SELECT name, query FROM saved_searches WHERE name = ?", (name.strip(),)
    ).fetchone()
    return SavedSearch(row[0], row[1]) if row else None


def save_search(conn: sqlite3.Connection, name: str, query: str) -> SavedSearch:
    """Add a saved search at the end, or change the query of the one with this name."""
    name = (name or "").strip()
    if not name:
        raise ValueError("A saved search needs a name.")
    conn.execute(
        """INSERT INTO saved_searches(name, query, position)
        VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM saved_searches))
        ON CONFLICT(name) DO UPDATE SET query = excluded.query""",
        (name, query or ""),
    )
    return get_saved_search(conn, name)


def rename_saved_search(conn: sqlite3.Connection, old: str, new: str) -> bool:
    new = (new or "").strip()
    if not new:
        raise ValueError("A saved search needs a name.")
    clash = get_saved_search(conn, new)
    if clash is not None and clash.name.lower() != old.strip().lower():
        raise FactBaseError(f"A saved search named {new!r} already exists.")
    return conn.execute(
        "UPDATE saved_searches SET name = ? WHERE name = ?", (new, old.strip())
    ).rowcount > 0


def delete_saved_search(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute(
        "DELETE FROM saved_searches WHERE name = ?", (name.strip(),)
    ).rowcount > 0
