"""Reading and writing items with their tags and people (SQL for the ``items`` family)."""

from __future__ import annotations

import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence

from briefing_app.core import dates
from briefing_app.core.ids import new_id
from briefing_app.core.model import ITEM_KINDS, STATUSES, Item
from briefing_app.core.tags import fold_tag

from . import search_index
from .bulk import BulkWrite
from .errors import FactBaseError
from .many_rows import insert_rows

CHUNK = 500  # ids per IN (...) list, well below SQLite's variable limit on any build

COLUMNS = (  # the items table's own columns, in the order UPSERT takes them
    "id", "kind", "title", "text", "date", "source_id", "status", "marking", "notes",
    "speaker_id", "language", "translation", "context", "end_date", "location", "created",
    "updated",
)
INSERT_HEAD = f"INSERT INTO items({', '.join(COLUMNS)})"
UPSERT = (
    f"{INSERT_HEAD} VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "id")
)


def chunks(values: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def marks(n: int) -> str:
    return ", ".join("?" * n)


def validated(item: Item) -> Item:
    """A clean copy of ``item``: checked kind, status and dates, tidy tags and people.

    Raises ``ValueError`` (``DateError`` for dates) naming the bad value.
    """
    if item.kind not in ITEM_KINDS:
        raise ValueError(f"{item.kind!r} is not an item kind (use {', '.join(ITEM_KINDS)})")
    if item.status not in STATUSES:
        raise ValueError(f"{item.status!r} is not a status (use {', '.join(STATUSES)})")
    if not (item.text or "").strip() and not (item.title or "").strip():
        raise ValueError("An item needs a text or a title.")
    tags: dict[str, str] = {}
    for tag in item.tags:
        name = (tag or "").strip()
        if name:
            tags.setdefault(fold_tag(name), name)
    return _copy_with(
        item,
        id=item.id or new_id(),
        date=dates.normalize(item.date),
        end_date=dates.normalize(item.end_date),
        tags=list(tags.values()),
        people=list(dict.fromkeys(p for p in item.people if p)),
        source=item.source or None,
        speaker=item.speaker or None,
    )


def _copy_with(item: Item, **changes: object) -> Item:
    """``dataclasses.replace`` without re-running ``__init__`` (several times faster: an
    import copies every item), for the store's own copies of items."""
    new = object.__new__(type(item))
    vars(new).update(vars(item), **changes)
    return new


def check_references(conn: sqlite3.Connection, items: Sequence[Item]) -> None:
    """Raise :class:`FactBaseError` naming the first person or source that does not exist."""
    for table, label, wanted in (
        ("people", "person", {p for i in items for p in (*i.people, i.speaker) if p}),
        ("sources", "source", {i.source for i in items if i.source}),
    ):
        missing = set(wanted)
        ordered = sorted(wanted)
        for part in chunks(ordered):
            rows = conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks(len(part))})", part)
            missing.difference_update(r[0] for r in rows)
        if missing:
            raise FactBaseError(f"There is no {label} with the id {sorted(missing)[0]!r}.")


def write(
    conn: sqlite3.Connection, items: Sequence[Item], *, now: str, touch: bool = True
) -> list[Item]:
    """Upsert validated items and replace their tags and people; returns them as stored.

    ``items`` are the store's own copies (from :func:`validated`): their timestamps are
    set in place (a copy each cost 2% of an import).

    ``touch`` sets ``updated`` to ``now`` and keeps a stored item's ``created``; without it
    the given timestamps are kept (imports, undo), empty ones filled with ``now``.
    The caller owns the transaction and the search index refresh.
    """
    ids = [i.id for i in items]
    existing: dict[str, str] = {}
    for part in chunks(ids):
        rows = conn.execute(
            f"SELECT id, created FROM items WHERE id IN ({marks(len(part))})", part
        )
        existing.update((r[0], r[1]) for r in rows)
    for item in items:
        if touch:
            created = existing.get(item.id) or item.created or now
            updated = now
        else:
            created = item.created or existing.get(item.id) or now
            updated = item.updated or now
        item.created, item.updated = created, updated
    stored = list({i.id: i for i in items}.values())  # an id twice: the last one wins
    stored_before = [i for i in stored if i.id in existing]  # new items have no links yet
    write_rows(conn, [_row(i) for i in stored], existing)
    _replace_tags(conn, stored, stored_before)
    _replace_people(conn, stored, stored_before)
    return stored


def write_rows(conn: sqlite3.Connection, rows: Sequence[tuple],
               stored: Container[str]) -> None:
    """Write items' rows (the values of :data:`COLUMNS`, ids unique): those whose id is
    not ``stored`` by a plain INSERT, the others through the upsert. With foreign keys on,
    an upsert of 100,000 new items took 1.37 s, an insert 0.86 s (0.82 and 0.81 s with
    them off)."""
    insert_rows(conn, INSERT_HEAD, len(COLUMNS), [r for r in rows if r[0] not in stored])
    conn.executemany(UPSERT, (r for r in rows if r[0] in stored))


def _row(item: Item) -> tuple:
    return (
        item.id, item.kind, item.title, item.text, item.date, item.source, item.status,
        item.marking, item.notes, item.speaker, item.language, item.translation,
        item.context, item.end_date, item.location, item.created, item.updated,
    )


def tag_ids(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Ids of the named tags, creating missing ones; keys are folded names.

    The ``tags.name`` column's NOCASE collation folds exactly as
    :func:`~briefing_app.core.tags.fold_tag` does, so SQL and Python agree on which names
    are one tag."""
    wanted = {fold_tag(n): n for n in names}
    conn.executemany("INSERT OR IGNORE INTO tags(name) VALUES (?)", ((n,) for n in wanted.values()))
    found: dict[str, int] = {}
    values = list(wanted.values())
    for part in chunks(values):
        rows = conn.execute(
            f"SELECT id, name FROM tags WHERE name IN ({marks(len(part))})", part
        )
        found.update((fold_tag(r[1]), r[0]) for r in rows)
    return found


def _replace_tags(conn: sqlite3.Connection, items: Sequence[Item],
                  items_before: Sequence[Item]) -> None:
    conn.executemany("DELETE FROM item_tags WHERE item_id = ?", ((i.id,) for i in items_before))
    insert_tags(conn, [(i.id, i.tags) for i in items])


def _replace_people(conn: sqlite3.Connection, items: Sequence[Item],
                    items_before: Sequence[Item]) -> None:
    conn.executemany("DELETE FROM item_people WHERE item_id = ?",
                     ((i.id,) for i in items_before))
    insert_people(conn, [(i.id, i.people) for i in items])


def insert_tags(conn: sqlite3.Connection,
                tags_of: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Link each ``(item id, tag names)`` item to its tags in order, creating the tags
    met for the first time (the item has no tag links yet)."""
    names = {t for _item, tags in tags_of for t in tags}
    ids = tag_ids(conn, names)
    id_of = {name: ids[fold_tag(name)] for name in names}  # a batch uses few distinct names
    insert_rows(conn, "INSERT INTO item_tags(item_id, tag_id, position)", 3,
                [(item, id_of[t], n) for item, tags in tags_of for n, t in enumerate(tags)])


def insert_people(conn: sqlite3.Connection,
                  people_of: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Link each ``(item id, person ids)`` item to its people in order."""
    insert_rows(conn, "INSERT INTO item_people(item_id, person_id, position)", 3,
                [(item, p, n) for item, people in people_of for n, p in enumerate(people)])


def save(
    conn: sqlite3.Connection, items: Sequence[Item], *, now: str, touch: bool = True,
    bulk: BulkWrite | None = None,
) -> list[Item]:
    """Validate, write and index items (inside the caller's transaction).

    SQLite's foreign keys check that the people and sources named exist; only when they
    refuse does :func:`check_references` look for the one to name (looking first cost 5%
    of an import).

    The sync triggers are paused while writing, and the touched items are indexed once at
    the end, so saving many items costs one index write per item. Inside a bulk write
    that has started deferring, indexing waits for its end.
    """
    clean = [validated(i) for i in items]
    search_index.pause(conn)
    try:
        stored = write(conn, clean, now=now, touch=touch)
    except sqlite3.IntegrityError:  # the foreign keys said no: name what is missing
        check_references(conn, clean)
        raise
    ids = [i.id for i in stored]
    if bulk is None or not bulk.deferring:
        search_index.refresh(conn, ids)
    if bulk is not None:
        bulk.written_items(conn, ids)
    search_index.resume(conn)  # on failure the caller's rollback removes the pause too
    return stored


def load(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Item]:
    """The items with these ids, in the given order; unknown ids are skipped."""
    unique = list(dict.fromkeys(ids))
    found: dict[str, Item] = {}
    for part in chunks(unique):
        q = marks(len(part))
        rows = conn.execute(f"SELECT * FROM items WHERE id IN ({q})", part).fetchall()
        if not rows:  # none stored (an import of new items): no links to look for
            continue
        for r in rows:
            found[r["id"]] = _item(r)
        for item_id, name in conn.execute(
            f"""SELECT it.item_id, t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id
            WHERE it.item_id IN ({q}) ORDER BY it.item_id, it.position""",
            part,
        ):
            found[item_id].tags.append(name)
        for item_id, person_id in conn.execute(
            f"""SELECT item_id, person_id FROM item_people WHERE item_id IN ({q})
            ORDER BY item_id, position""",
            part,
        ):
            found[item_id].people.append(person_id)
    return [found[i] for i in unique if i in found]


def _item(r: sqlite3.Row) -> Item:
    return Item(
        id=r["id"], kind=r["kind"], text=r["text"], title=r["title"], date=r["date"],
        source=r["source_id"], status=r["status"], marking=r["marking"], notes=r["notes"],
        created=r["created"], updated=r["updated"], speaker=r["speaker_id"],
        language=r["language"], translation=r["translation"], context=r["context"],
        end_date=r["end_date"], location=r["location"],
    )


def delete(conn: sqlite3.Connection, ids: Sequence[str]) -> int:
    """Delete items (their tags and people links go with them); returns how many.

    The sync triggers are paused and the derived rows removed in a few set-based
    statements per 500 items, instead of trigger work for every item and link.
    """
    deleted = 0
    unique = list(dict.fromkeys(ids))
    search_index.pause(conn)
    for part in chunks(unique):
        nums = f"SELECT num FROM items WHERE id IN ({marks(len(part))})"
        conn.execute(f"DELETE FROM {search_index.FTS_TABLE} WHERE rowid IN ({nums})", part)
        conn.execute(f"DELETE FROM item_labels WHERE item_num IN ({nums})", part)
        deleted += conn.execute(
            f"DELETE FROM items WHERE id IN ({marks(len(part))})", part
        ).rowcount
    search_index.resume(conn)
    return deleted


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM items").fetchone()[0]


def counts_by(conn: sqlite3.Connection, column: str, values: Sequence[str]) -> dict[str, int]:
    """How many items have each of ``values`` in ``column`` (``kind`` or ``status``)."""
    if column not in ("kind", "status"):
        raise ValueError(f"{column!r} is not a column items are counted by")
    found = dict(conn.execute(f"SELECT {column}, count(*) FROM items GROUP BY {column}"))
    return {value: found.get(value, 0) for value in values}
