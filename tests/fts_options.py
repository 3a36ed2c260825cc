"""What the search index's FTS5 options are set to in a fact base (``None``: its default)."""

from __future__ import annotations

from briefing_app.store import search_index


def fts_option(fb, name):
    rows = fb.connection.execute(
        f"SELECT v FROM {search_index.FTS_TABLE}_config WHERE k = ?", (name,)).fetchall()
    return rows[0][0] if rows else None
