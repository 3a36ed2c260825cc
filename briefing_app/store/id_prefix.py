"""The ids of items or briefings that start with some characters (``Store.resolve_id_prefix``)."""

from __future__ import annotations

import sqlite3

from briefing_app.core.id_prefix import MIN_ID_PREFIX

from .text_range import starting_with

_TABLES = {"item": "items", "briefing": "briefings"}


def resolve(conn: sqlite3.Connection, kind: str, prefix: str, limit: int) -> list[str]:
    """``[prefix]`` when it is an id; else, from :data:`MIN_ID_PREFIX` characters on, the
    ids that start with it, sorted, at most ``limit``. Letter case counts, as in ids."""
    try:
        table = _TABLES[kind]
    except KeyError:
        raise ValueError(f"{kind!r} has no ids to resolve (use {', '.join(_TABLES)})") from None
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (prefix,)).fetchone():
        return [prefix]
    if len(prefix) < MIN_ID_PREFIX:
        return []
    # The range uses the id's unique index; substr() keeps only true starts.
    rows = conn.execute(
        f"""SELECT id FROM {table} WHERE id >= ? AND id < ? AND substr(id, 1, ?) = ?
        ORDER BY id LIMIT ?""",
        (*starting_with(prefix), len(prefix), prefix, max(limit, 0)),
    )
    return [row[0] for row in rows]
