"""Tags in a search: the stored names a typed tag stands for, and the SQL that tests them.

Tags are matched with accents and case folded as the search index folds words, so
``tag:peru`` finds the tag ``Perú``; the names are bound as parameters.
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.query import Query

from .search_index import fold_for_search


def tagged(count: int) -> str:
    """Row numbers (not ids: any index on items carries the row number, so the test needs
    no visit to the items table) of the items with any of ``count`` tag names."""
    names = "tags.name = ?" if count == 1 else f"tags.name IN ({', '.join('?' * count)})"
    return (
        "(SELECT tagged.num FROM item_tags JOIN tags ON tags.id = item_tags.tag_id"
        f" JOIN items AS tagged ON tagged.id = item_tags.item_id WHERE {names})"
    )


Spellings = dict[str, tuple[str, ...]]
"""A typed tag name -> the stored tag names it stands for (see :func:`tag_spellings`)."""


def tag_spellings(conn: sqlite3.Connection, query: Query) -> Spellings:
    """The stored names of the tags each tag of ``query`` names, accents and case folded
    (tags are few: reading their names costs far less than the search itself)."""
    wanted = {fold_for_search(t) for t in (*query.tags, *query.not_tags)}
    if not wanted:
        return {}
    stored: dict[str, list[str]] = {}
    for (name,) in conn.execute("SELECT name FROM tags"):
        folded = fold_for_search(name)
        if folded in wanted:
            stored.setdefault(folded, []).append(name)
    return {t: tuple(stored.get(fold_for_search(t), (t,)))
            for t in (*query.tags, *query.not_tags)}


def has_tag(count: int) -> str:
    """Whether the item of the current row has any of ``count`` tag names: one look into
    the item's own few tags, for a test per row while walking a sort index."""
    return (
        "EXISTS (SELECT 1 FROM item_tags JOIN tags ON tags.id = item_tags.tag_id"
        f" WHERE item_tags.item_id = items.id AND tags.name IN ({', '.join('?' * count)}))"
    )
