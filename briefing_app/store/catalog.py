"""People, sources and tags: the records items point at, and merging duplicates of them."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing_app.core import dates
from briefing_app.core.ids import new_id
from briefing_app.core.model import Person, Source

from .errors import FactBaseError
from .items import chunks, marks

if TYPE_CHECKING:
    import sqlite_utils


def _table(conn: sqlite3.Connection, name: str) -> sqlite_utils.db.Table:
    """sqlite-utils' view of a table, for its upserts. Imported here, at the first write:
    reading a fact base (``briefing-app search``, opening the window) does not need it,
    and it was 46 ms of a 111 ms search."""
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    return db.table(name)


# ---------------------------------------------------------------- people


def save_people(conn: sqlite3.Connection, people: Sequence[Person]) -> list[Person]:
    """Upsert people by id (``""`` gets a new id); a name is required."""
    stored = []
    for person in people:
        name = (person.name or "").strip()
        if not name:
            raise ValueError("A person needs a name.")
        stored.append(dataclasses.replace(person, id=person.id or new_id(), name=name))
    _table(conn, "people").upsert_all([dataclasses.asdict(p) for p in stored], pk="id")
    return stored


def _person(r: sqlite3.Row) -> Person:
    return Person(
        id=r["id"], name=r["name"], role=r["role"], organization=r["organization"],
        country=r["country"], notes=r["notes"],
    )


def get_person(conn: sqlite3.Connection, person_id: str) -> Person | None:
    row = conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    return _person(row) if row else None


def list_people(conn: sqlite3.Connection) -> list[Person]:
    rows = conn.execute("SELECT * FROM people ORDER BY name COLLATE NOCASE, id")
    return [_person(r) for r in rows]


def find_person_by_name(conn: sqlite3.Connection, name: str) -> Person | None:
    """The person with exactly this name, ignoring letter case and outer spaces."""
    row = conn.execute(
        "SELECT * FROM people WHERE name = ? COLLATE NOCASE ORDER BY rowid LIMIT 1",
        ((name or "").strip(),),
    ).fetchone()
    return _person(row) if row else None


def person_uses(conn: sqlite3.Connection, person_id: str) -> int:
    """How many items and briefings refer to the person."""
    return conn.execute(
        """SELECT (SELECT count(*) FROM items WHERE speaker_id = :id)
            + (SELECT count(*) FROM item_people WHERE person_id = :id)
            + (SELECT count(*) FROM briefing_participants WHERE person_id = :id)""",
        {"id": person_id},
    ).fetchone()[0]


def delete_person(conn: sqlite3.Connection, person_id: str) -> bool:
    uses = person_uses(conn, person_id)
    if uses:
        person = get_person(conn, person_id)
        raise FactBaseError(
            f"{person.name if person else person_id} cannot be deleted: {uses} item or "
            "briefing reference(s) still name them. Merge them into another person instead."
        )
    return conn.execute("DELETE FROM people WHERE id = ?", (person_id,)).rowcount > 0


def merge_people(conn: sqlite3.Connection, survivor_id: str, other_id: str) -> Person:
    """Point every reference to ``other`` at ``survivor``, then delete ``other``."""
    survivor = _both_exist(conn, "people", survivor_id, other_id, get_person)
    ids = {"survivor": survivor_id, "other": other_id}
    conn.execute("UPDATE items SET speaker_id = :survivor WHERE speaker_id = :other", ids)
    for table, owner in (("item_people", "item_id"), ("briefing_participants", "briefing_id")):
        conn.execute(
            f"""DELETE FROM {table} WHERE person_id = :other AND {owner} IN
                (SELECT {owner} FROM {table} WHERE person_id = :survivor)""",
            ids,
        )
        conn.execute(f"UPDATE {table} SET person_id = :survivor WHERE person_id = :other", ids)
    conn.execute("DELETE FROM people WHERE id = :other", ids)
    return survivor


def _both_exist(conn, table, survivor_id, other_id, getter):
    if survivor_id == other_id:
        raise FactBaseError("A record cannot be merged into itself.")
    survivor = getter(conn, survivor_id)
    label = "person" if table == "people" else "source"
    for record_id, record in ((survivor_id, survivor), (other_id, getter(conn, other_id))):
        if record is None:
            raise FactBaseError(f"There is no {label} with the id {record_id!r}.")
    return survivor


# ---------------------------------------------------------------- sources


def save_sources(conn: sqlite3.Connection, sources: Sequence[Source]) -> list[Source]:
    """Upsert sources by id (``""`` gets a new id); an outlet is required, dates are
    normalised."""
    stored = []
    for source in sources:
        outlet = (source.outlet or "").strip()
        if not outlet:
            raise ValueError("A source needs an outlet (e.g. EFE, Reuters).")
        stored.append(dataclasses.replace(
            source,
            id=source.id or new_id(),
            outlet=outlet,
            published=dates.normalize(source.published),
            accessed=dates.normalize(source.accessed),
        ))
    _table(conn, "sources").upsert_all([dataclasses.asdict(s) for s in stored], pk="id")
    return stored


def _source(r: sqlite3.Row) -> Source:
    return Source(
        id=r["id"], outlet=r["outlet"], title=r["title"], url=r["url"],
        published=r["published"], accessed=r["accessed"], notes=r["notes"],
    )


def get_source(conn: sqlite3.Connection, source_id: str) -> Source | None:
    row = conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
    return _source(row) if row else None


def list_sources(conn: sqlite3.Connection) -> list[Source]:
    rows = conn.execute(
        "SELECT * FROM sources ORDER BY outlet COLLATE NOCASE, published, title, id"
    )
    return [_source(r) for r in rows]


def find_source_by_outlet(conn: sqlite3.Connection, outlet: str) -> Source | None:
    """A source of this outlet (letter case ignored): a bare one without title and URL if
    there is one, else the oldest."""
    row = conn.execute(
        """SELECT * FROM sources WHERE outlet = ? COLLATE NOCASE
        ORDER BY (title = '' AND url = '') DESC, rowid LIMIT 1""",
        ((outlet or "").strip(),),
    ).fetchone()
    return _source(row) if row else None


def find_source_by_url(conn: sqlite3.Connection, url: str) -> Source | None:
    url = (url or "").strip()
    if not url:
        return None
    row = conn.execute(
        "SELECT * FROM sources WHERE url = ? ORDER BY rowid LIMIT 1", (url,)
    ).fetchone()
    return _source(row) if row else None


def source_uses(conn: sqlite3.Connection, source_id: str) -> int:
    """How many items cite the source."""
    row = conn.execute("SELECT count(*) FROM items WHERE source_id = ?", (source_id,))
    return row.fetchone()[0]


def delete_source(conn: sqlite3.Connection, source_id: str) -> bool:
    count = source_uses(conn, source_id)
    if count:
        raise FactBaseError(
            f"The source cannot be deleted: {count} item(s) cite it. Merge it into another "
            "source instead."
        )
    return conn.execute("DELETE FROM sources WHERE id = ?", (source_id,)).rowcount > 0


def merge_sources(conn: sqlite3.Connection, survivor_id: str, other_id: str) -> Source:
    survivor = _both_exist(conn, "sources", survivor_id, other_id, get_source)
    conn.execute("UPDATE items SET source_id = ? WHERE source_id = ?", (survivor_id, other_id))
    conn.execute("DELETE FROM sources WHERE id = ?", (other_id,))
    return survivor


# ---------------------------------------------------------------- tags


def tag_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM tags ORDER BY name COLLATE NOCASE")]


def list_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    rows = conn.execute(
        """SELECT t.name, count(it.item_id) FROM tags t
        LEFT JOIN item_tags it ON it.tag_id = t.id
        GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
    )
    return [(r[0], r[1]) for r in rows]


def tags_of(conn: sqlite3.Connection, item_ids: Sequence[str]) -> dict[str, int]:
    """How many of the given items carry each tag."""
    counts: dict[str, int] = {}
    for part in chunks(list(dict.fromkeys(item_ids))):
        rows = conn.execute(
            f"""SELECT t.name, count(*) FROM item_tags it JOIN tags t ON t.id = it.tag_id
            WHERE it.item_id IN ({marks(len(part))}) GROUP BY t.id""",
            list(part),
        )
        for name, uses in rows:
            counts[name] = counts.get(name, 0) + uses
    return counts


def _tag_id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM tags WHERE name = ?", ((name or "").strip(),)).fetchone()
    return row[0] if row else None


def _require_tag(conn: sqlite3.Connection, name: str) -> int:
    tag_id = _tag_id(conn, name)
    if tag_id is None:
        raise FactBaseError(f"There is no tag {name!r}.")
    return tag_id


def rename_tag(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Rename a tag everywhere. A change of letter case is fine; renaming onto another
    existing tag is refused (use :func:`merge_tags`)."""
    new = (new or "").strip()
    if not new:
        raise ValueError("A tag needs a name.")
    tag_id = _require_tag(conn, old)
    clash = _tag_id(conn, new)
    if clash is not None and clash != tag_id:
        raise FactBaseError(f"A tag named {new!r} already exists; merge the two tags instead.")
    conn.execute("UPDATE tags SET name = ? WHERE id = ?", (new, tag_id))


def merge_tags(conn: sqlite3.Connection, survivor: str, other: str) -> int:
    """Give every item tagged ``other`` the tag ``survivor`` and delete ``other``;
    returns how many items were retagged."""
    keep, drop = _require_tag(conn, survivor), _require_tag(conn, other)
    if keep == drop:
        raise FactBaseError("A tag cannot be merged into itself.")
    ids = {"keep": keep, "drop": drop}
    conn.execute(
        """DELETE FROM item_tags WHERE tag_id = :drop AND item_id IN
            (SELECT item_id FROM item_tags WHERE tag_id = :keep)""",
        ids,
    )
    moved = conn.execute("UPDATE item_tags SET tag_id = :keep WHERE tag_id = :drop", ids)
    conn.execute("DELETE FROM tags WHERE id = :drop", ids)
    return moved.rowcount


def delete_tag(conn: sqlite3.Connection, name: str) -> int:
    """Remove a tag from every item and delete it; returns how many items lost it."""
    tag_id = _require_tag(conn, name)
    count = conn.execute("SELECT count(*) FROM item_tags WHERE tag_id = ?", (tag_id,))
    used = count.fetchone()[0]
    conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
    return used

