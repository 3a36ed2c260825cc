"""Counts for the sidebar and the manage dialogs: how many items name each person, cite
each outlet and each source.

Kinds, statuses and tags have their counts elsewhere (``items``, ``catalog``); these
complete the set. Each is one grouped query over the link tables, so it stays fast on a
large fact base. Every function takes the connection to read with.
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.records import PersonCount, SourceCount


def people_counts(conn: sqlite3.Connection) -> list[PersonCount]:
    """Every person, by name, with the number of items that name them (0 included)."""
    # Three index-served groupings: the items that list the person, plus those they
    # speak, less those that do both (counted once). Each reads an index in order; the
    # last joins the people links to the speaker's index, which holds the item's id
    # (schema migration 8). At a million items 0.22 s, where testing every spoken item
    # for its links took 3.7 s.
    rows = conn.execute(
        """SELECT p.id, p.name,
            coalesce(listed.n, 0) + coalesce(speaking.n, 0) - coalesce(both_ways.n, 0)
        FROM people p
        LEFT JOIN (SELECT person_id, count(*) AS n FROM item_people GROUP BY person_id)
            AS listed ON listed.person_id = p.id
        LEFT JOIN (
            SELECT speaker_id, count(*) AS n FROM items WHERE speaker_id IS NOT NULL
            GROUP BY speaker_id
        ) AS speaking ON speaking.speaker_id = p.id
        LEFT JOIN (
            SELECT ip.person_id, count(*) AS n FROM item_people ip
            JOIN items i ON i.speaker_id = ip.person_id AND i.id = ip.item_id
            GROUP BY ip.person_id
        ) AS both_ways ON both_ways.person_id = p.id
        ORDER BY p.name COLLATE NOCASE, p.id"""
    )
    return [PersonCount(r[0], r[1], r[2]) for r in rows]


def source_counts(conn: sqlite3.Connection) -> list[SourceCount]:
    """Every outlet, by name, with the number of items citing it (sources of one outlet —
    several articles of the same paper — are counted together, as ``source:`` finds them
    by outlet)."""
    # The items are counted per source first, in one pass over the source's index, then
    # added up per outlet: joined item by item to their sources, 141-175 ms at a million
    # items; 48-57 ms this way.
    rows = conn.execute(
        """SELECT s.outlet, coalesce(sum(cited.n), 0), count(DISTINCT s.id) FROM sources s
        LEFT JOIN (SELECT source_id, count(*) AS n FROM items WHERE source_id IS NOT NULL
                   GROUP BY source_id) AS cited ON cited.source_id = s.id
        GROUP BY s.outlet COLLATE NOCASE ORDER BY s.outlet COLLATE NOCASE"""
    )
    return [SourceCount(r[0], r[1], r[2]) for r in rows]


def source_use_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many items cite each source, by source id (uncited sources are left out)."""
    rows = conn.execute(
        "SELECT source_id, count(*) FROM items WHERE source_id IS NOT NULL "
        "GROUP BY source_id")
    return dict(rows.fetchall())


NAMES_IN_USE = {
    # Each test is an index lookup per tag, person or outlet: no counting of items, so
    # completions come at once on a million items (counting took a second).
    "tag": """SELECT t.name FROM tags t
        WHERE EXISTS (SELECT 1 FROM item_tags it WHERE it.tag_id = t.id)
        ORDER BY t.name COLLATE NOCASE""",
    "person": """SELECT DISTINCT p.name FROM people p
        WHERE EXISTS (SELECT 1 FROM item_people ip WHERE ip.person_id = p.id)
            OR EXISTS (SELECT 1 FROM items i WHERE i.speaker_id = p.id)
        ORDER BY p.name COLLATE NOCASE""",
    "source": """SELECT s.outlet FROM sources s
        WHERE EXISTS (SELECT 1 FROM items i WHERE i.source_id = s.id)
        GROUP BY s.outlet COLLATE NOCASE ORDER BY s.outlet COLLATE NOCASE""",
}


def names_in_use(conn: sqlite3.Connection, field: str) -> list[str]:
    """The names of the tags, people or outlets (``field``: tag, person, source) that at
    least one item uses, by name: what a search for them can find."""
    if field not in NAMES_IN_USE:
        raise ValueError(f"{field!r} is not a field with names (use tag, person or source)")
    names = [row[0] for row in conn.execute(NAMES_IN_USE[field])]
    if field == "person":  # names run beyond ASCII, which is all NOCASE folds
        names.sort(key=str.casefold)
    return names
