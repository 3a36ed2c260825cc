"""Snapshots of records before a change, and putting them back exactly (what undo needs).

Deleting an item drops its tags and people links with it; merging two people, sources or
tags moves references and deletes one record. To undo either, the app captures the
affected rows first and restores them later: the item with its tags and people (and its
``created``/``updated`` times), the briefing blocks that cite it, the merged-away record
and every link that pointed at it. Each function takes the connection to use:
:class:`~briefing_app.store.FactBase` runs a capture as a read and a restore inside one
transaction. The search index follows through its triggers and :func:`items.save`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing_app.core.model import Item, Person, Source

from . import blocks as block_rows
from . import catalog, clock, items
from .blocks import PlacedBlock
from .errors import FactBaseError
from .items import chunks, marks

# ---------------------------------------------------------------- items


@dataclass(frozen=True)
class ItemSnapshot:
    """An item as stored, with the briefing blocks that cite it (each in its place)."""

    item: Item
    blocks: tuple[PlacedBlock, ...] = ()


def capture_items(conn: sqlite3.Connection, ids: Sequence[str]) -> list[ItemSnapshot]:
    """The items (in the order of ``ids``, unknown ones skipped) with their citing blocks."""
    found = items.load(conn, list(ids))
    citing: dict[str, list[PlacedBlock]] = {}
    wanted = [i.id for i in found]
    for part in chunks(wanted):
        rows = conn.execute(
            f"""SELECT {block_rows.SELECTED} FROM blocks
            WHERE item_id IN ({marks(len(part))}) ORDER BY id""",
            part,
        )
        for row in rows:
            placed = block_rows.placed(row)
            citing.setdefault(placed.block.item, []).append(placed)
    return [ItemSnapshot(item, tuple(citing.get(item.id, ()))) for item in found]


def restore_items(conn: sqlite3.Connection, snapshots: Sequence[ItemSnapshot]) -> None:
    """Put the items back as captured (inside the caller's transaction).

    Items are saved with their own timestamps, tags and people. A captured block that no
    longer exists is re-inserted at its old place when its section still exists (a deleted
    briefing stays deleted); a block that still exists is left as it is.
    """
    if not snapshots:
        return
    items.save(conn, [s.item for s in snapshots], now=clock.now(), touch=False)
    for snapshot in snapshots:
        for placed in snapshot.blocks:
            _restore_block(conn, placed)


def _restore_block(conn: sqlite3.Connection, placed: PlacedBlock) -> None:
    if conn.execute("SELECT 1 FROM blocks WHERE id = ?", (placed.block.id,)).fetchone():
        return
    if not conn.execute("SELECT 1 FROM sections WHERE id = ?", (placed.section_id,)).fetchone():
        return
    conn.execute(
        "UPDATE blocks SET position = position + 1 WHERE section_id = ? AND position >= ?",
        (placed.section_id, placed.position),
    )
    block_rows.insert(conn, placed.section_id, placed.position, placed.block,
                      block_id=placed.block.id)


# ---------------------------------------------------------------- merging people


@dataclass(frozen=True)
class PersonMerge:
    """What merging ``person`` into ``survivor_id`` changes, captured before it happens."""

    survivor_id: str
    person: Person
    speaker_of: tuple[str, ...] = ()
    item_links: tuple[tuple[str, str, int], ...] = ()  # item_id, person_id, position
    participants: tuple[tuple[str, int, str], ...] = ()  # briefing_id, position, person_id


def capture_person_merge(conn: sqlite3.Connection, survivor_id: str,
                         other_id: str) -> PersonMerge:
    person = catalog.get_person(conn, other_id)
    if person is None or catalog.get_person(conn, survivor_id) is None:
        missing = other_id if person is None else survivor_id
        raise FactBaseError(f"There is no person with the id {missing!r}.")
    ids = {"a": survivor_id, "b": other_id}
    speaker_of = [r[0] for r in conn.execute(
        "SELECT id FROM items WHERE speaker_id = :b ORDER BY id", ids)]
    links = conn.execute(
        """SELECT item_id, person_id, position FROM item_people WHERE item_id IN
            (SELECT item_id FROM item_people WHERE person_id = :b)
        AND person_id IN (:a, :b) ORDER BY item_id, position""", ids).fetchall()
    participants = conn.execute(
        """SELECT briefing_id, position, person_id FROM briefing_participants
        WHERE briefing_id IN
            (SELECT briefing_id FROM briefing_participants WHERE person_id = :b)
        AND person_id IN (:a, :b) ORDER BY briefing_id, position""", ids).fetchall()
    return PersonMerge(
        survivor_id, person, tuple(speaker_of),
        tuple(tuple(r) for r in links), tuple(tuple(r) for r in participants),
    )


def undo_person_merge(conn: sqlite3.Connection, merge: PersonMerge) -> None:
    """Bring the merged-away person back with every reference they had."""
    catalog.save_people(conn, [merge.person])
    other, survivor = merge.person.id, merge.survivor_id
    for part in chunks(list(merge.speaker_of)):
        conn.execute(
            f"UPDATE items SET speaker_id = ? WHERE id IN ({marks(len(part))})",
            [other, *part],
        )
    linked = sorted({row[0] for row in merge.item_links})
    for part in chunks(linked):
        conn.execute(
            f"""DELETE FROM item_people WHERE person_id IN (?, ?)
            AND item_id IN ({marks(len(part))})""",
            [survivor, other, *part],
        )
    conn.executemany(
        "INSERT INTO item_people(item_id, person_id, position) VALUES (?, ?, ?)",
        merge.item_links,
    )
    briefings = sorted({row[0] for row in merge.participants})
    for part in chunks(briefings):
        conn.execute(
            f"""DELETE FROM briefing_participants WHERE person_id IN (?, ?)
            AND briefing_id IN ({marks(len(part))})""",
            [survivor, other, *part],
        )
    conn.executemany(
        """INSERT OR REPLACE INTO briefing_participants(briefing_id, position, person_id)
        VALUES (?, ?, ?)""",
        merge.participants,
    )


# ---------------------------------------------------------------- merging sources


@dataclass(frozen=True)
class SourceMerge:
    """What merging ``source`` into ``survivor_id`` changes, captured before it happens."""

    survivor_id: str
    source: Source
    cited_by: tuple[str, ...] = ()


def capture_source_merge(conn: sqlite3.Connection, survivor_id: str,
                         other_id: str) -> SourceMerge:
    source = catalog.get_source(conn, other_id)
    if source is None or catalog.get_source(conn, survivor_id) is None:
        missing = other_id if source is None else survivor_id
        raise FactBaseError(f"There is no source with the id {missing!r}.")
    cited = [r[0] for r in conn.execute(
        "SELECT id FROM items WHERE source_id = ? ORDER BY id", (other_id,))]
    return SourceMerge(survivor_id, source, tuple(cited))


def undo_source_merge(conn: sqlite3.Connection, merge: SourceMerge) -> None:
    """Bring the merged-away source back and point the items that cited it at it again."""
    catalog.save_sources(conn, [merge.source])
    for part in chunks(list(merge.cited_by)):
        conn.execute(
            f"UPDATE items SET source_id = ? WHERE id IN ({marks(len(part))})",
            [merge.source.id, *part],
        )


# ---------------------------------------------------------------- merging and deleting tags


@dataclass(frozen=True)
class TagSnapshot:
    """A tag (its row id and name) and the tag links of the items that had it (and, for a
    merge, the survivor's links on those items)."""

    tag_id: int
    name: str
    links: tuple[tuple[str, int, int], ...] = field(default=())  # item_id, tag_id, position
    survivor: str = ""
    survivor_id: int | None = None


def capture_tag(conn: sqlite3.Connection, name: str, survivor: str = "") -> TagSnapshot:
    """Capture ``name`` before it is deleted, or merged into ``survivor``."""
    found = conn.execute("SELECT id, name FROM tags WHERE name = ?", (name.strip(),)).fetchone()
    if found is None:
        raise FactBaseError(f"There is no tag {name!r}.")
    tag_ids = [found[0]]
    if survivor:
        kept = conn.execute(
            "SELECT id FROM tags WHERE name = ?", (survivor.strip(),)).fetchone()
        if kept is None:
            raise FactBaseError(f"There is no tag {survivor!r}.")
        tag_ids.append(kept[0])
    links = conn.execute(
        f"""SELECT item_id, tag_id, position FROM item_tags WHERE item_id IN
            (SELECT item_id FROM item_tags WHERE tag_id = ?)
        AND tag_id IN ({marks(len(tag_ids))}) ORDER BY item_id, position""",
        [found[0], *tag_ids],
    ).fetchall()
    return TagSnapshot(found[0], found[1], tuple(tuple(r) for r in links), survivor,
                       tag_ids[1] if survivor else None)


def restore_tag(conn: sqlite3.Connection, snapshot: TagSnapshot) -> None:
    """Recreate a deleted or merged-away tag with its id and put its links back."""
    conn.execute("INSERT INTO tags(id, name) VALUES (?, ?)", (snapshot.tag_id, snapshot.name))
    tag_ids = sorted({snapshot.tag_id, snapshot.survivor_id} - {None})
    linked = sorted({row[0] for row in snapshot.links})
    for part in chunks(linked):
        conn.execute(
            f"""DELETE FROM item_tags WHERE tag_id IN ({marks(len(tag_ids))})
            AND item_id IN ({marks(len(part))})""",
            [*tag_ids, *part],
        )
    conn.executemany(
        "INSERT INTO item_tags(item_id, tag_id, position) VALUES (?, ?, ?)",
        snapshot.links,
    )
