"""Writing what a replica pulled: objects of every kind from their data, and deletions.

The data comes from the server, where another replica put it after its own store had
validated it, so items are written straight from their data in a few set-based statements
per page (a join writes a whole library this way); the other kinds go through the
:class:`~.FactBase` methods, which validate. All of it runs inside the caller's
transaction, with the journal paused (:meth:`.replica.LocalReplica.paused`).

A deletion is never forced over what still uses the object here: a person, source or tag
that some item or briefing still names is left in place and reported back, so the sync can
decide at the end of its pull (by then the items naming it may have changed too).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from briefing_app.core.model import Block, Briefing, Meeting, Person, Section, Source

from . import items, search_index
from .bulk import BulkWrite
from .replica import ids_json


def write(fb: Any, kind: str, objects: Mapping[str, dict]) -> None:
    """Create or update these objects of ``kind`` (``object_id -> data``)."""
    if not objects:
        return
    if kind == "item":
        fb._write(_write_items, objects, fb._bulk)
    elif kind == "person":
        fb.save_people([Person(id=key, **data) for key, data in objects.items()])
    elif kind == "source":
        fb.save_sources([Source(id=key, **data) for key, data in objects.items()])
    elif kind == "tag":
        fb._write(_write_tags, [data["name"] for data in objects.values()])
    elif kind == "saved_search":
        fb._write(_write_saved_searches, list(objects.values()))
    elif kind == "briefing":
        for key, data in objects.items():
            fb.save_briefing(briefing_from(key, data))
            fb._write(_stamp_briefing, key, data["created"], data["updated"])
    else:
        raise ValueError(f"{kind!r} is not a kind of synced object")


def delete(fb: Any, kind: str, ids: Sequence[str]) -> list[str]:
    """Delete these objects where nothing here uses them; returns the ids left in place
    because something still does."""
    if not ids:
        return []
    if kind == "item":
        fb.delete_items(ids)
        return []
    if kind == "briefing":
        for key in ids:
            fb.delete_briefing(key)
        return []
    if kind == "saved_search":
        fb._write(lambda c: c.executemany(
            "DELETE FROM saved_searches WHERE name = ?", ((key,) for key in ids)))
        return []
    used = fb._read(_used, kind, list(ids))
    free = [key for key in ids if key not in used]
    if kind == "person":
        for key in free:
            fb.delete_person(key)
    elif kind == "source":
        for key in free:
            fb.delete_source(key)
    elif kind == "tag":
        fb._write(lambda c: c.executemany(
            "DELETE FROM tags WHERE name = ?", ((key,) for key in free)))
    else:
        raise ValueError(f"{kind!r} is not a kind of synced object")
    return [key for key in ids if key in used]


def missing(fb: Any, kind: str, ids: Sequence[str]) -> list[str]:
    """Which of these people or sources do not exist here."""
    table = {"person": "people", "source": "sources"}[kind]

    def run(conn: sqlite3.Connection) -> list[str]:
        rows = conn.execute(
            f"""SELECT value FROM json_each(?) WHERE value NOT IN
            (SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?)))""",
            (ids_json(ids), ids_json(ids)))
        return [r[0] for r in rows]

    return fb._read(run) if ids else []


def used(fb: Any, kind: str, ids: Sequence[str]) -> set[str]:
    """Which of these people, sources or tags some item or briefing here names."""
    return fb._read(_used, kind, list(ids)) if ids else set()


def references(kind: str, data: dict) -> dict[str, list[str]]:
    """The people and sources an object's data names, by kind."""
    if kind == "item":
        people = [*data.get("people", ()), data.get("speaker_id")]
        source = [data.get("source_id")]
        return {"person": [p for p in people if p], "source": [s for s in source if s]}
    if kind == "briefing":
        return {"person": list(data.get("participants", ())), "source": []}
    return {"person": [], "source": []}


def named_by(objects: Mapping[str, Mapping[str, dict | None]]) -> dict[str, set[str]]:
    """The people and sources the items and briefings among ``objects`` (kind -> id ->
    data, ``None`` for a deletion) name, by kind."""
    named: dict[str, set[str]] = {"person": set(), "source": set()}
    for kind in ("item", "briefing"):
        for data in objects.get(kind, {}).values():
            if data is not None:
                for ref_kind, ids in references(kind, data).items():
                    named[ref_kind].update(ids)
    return named


def briefing_from(key: str, data: dict) -> Briefing:
    sections = [
        Section(
            heading=s["heading"], automatic=s["automatic"],
            blocks=[Block(item=b["item_id"], note=b["note"], override=b["override"],
                          text=b["text"], style=b["style"]) for b in s["blocks"]],
        )
        for s in data["sections"]
    ]
    return Briefing(
        id=key, title=data["title"], subject=data["subject"], to=data["memo_to"],
        from_=data["memo_from"], through=data["memo_through"], date=data["date"],
        meeting=Meeting(title=data["meeting_title"], date=data["meeting_date"],
                        location=data["meeting_location"],
                        participants=list(data["participants"])),
        marking=data["marking"], template=data["template"],
        portion_marking=bool(data["portion_marking"]), note_style=data["note_style"],
        language=data["language"], sections=sections, created=data["created"],
        page_size=data.get("page_size") or Briefing.page_size,  # none from an older app
        updated=data["updated"],
    )


# ---------------------------------------------------------------- SQL


def _write_items(conn: sqlite3.Connection, objects: Mapping[str, dict],
                 bulk: BulkWrite | None) -> None:
    ids = list(objects)
    existing = [r[0] for r in conn.execute(
        "SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))", (ids_json(ids),))]
    search_index.pause(conn)
    items.write_rows(conn, [(key, *(data[c] for c in items.COLUMNS[1:]))
                            for key, data in objects.items()], set(existing))
    conn.executemany("DELETE FROM item_tags WHERE item_id = ?", ((key,) for key in existing))
    conn.executemany("DELETE FROM item_people WHERE item_id = ?", ((key,) for key in existing))
    items.insert_tags(conn, [(key, data["tags"]) for key, data in objects.items()])
    items.insert_people(conn, [(key, data["people"]) for key, data in objects.items()])
    if bulk is None or not bulk.deferring:
        search_index.refresh(conn, ids)
    if bulk is not None:  # a join building its replica in a new file (see .file_swap)
        bulk.written_items(conn, ids)
    search_index.resume(conn)


def _write_tags(conn: sqlite3.Connection, names: Sequence[str]) -> None:
    for name in names:
        # The NOCASE column finds the tag whatever its case; the update takes the spelling.
        if conn.execute("UPDATE tags SET name = ? WHERE name = ?", (name, name)).rowcount == 0:
            conn.execute("INSERT INTO tags(name) VALUES (?)", (name,))


def _write_saved_searches(conn: sqlite3.Connection, searches: Sequence[dict]) -> None:
    conn.executemany(
        """INSERT INTO saved_searches(name, query, position) VALUES (?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET name = excluded.name, query = excluded.query,
            position = excluded.position""",
        ((s["name"], s["query"], s["position"]) for s in searches))


def _stamp_briefing(conn: sqlite3.Connection, key: str, created: str, updated: str) -> None:
    conn.execute("UPDATE briefings SET created = ?, updated = ? WHERE id = ?",
                 (created, updated, key))


def _used(conn: sqlite3.Connection, kind: str, ids: list[str]) -> set[str]:
    wanted = "(SELECT value FROM json_each(?))"
    if kind == "person":
        sql = f"""SELECT speaker_id FROM items WHERE speaker_id IN {wanted}
            UNION SELECT person_id FROM item_people WHERE person_id IN {wanted}
            UNION SELECT person_id FROM briefing_participants WHERE person_id IN {wanted}"""
        params = (ids_json(ids),) * 3
    elif kind == "source":
        sql = f"SELECT DISTINCT source_id FROM items WHERE source_id IN {wanted}"
        params = (ids_json(ids),)
    elif kind == "tag":
        sql = f"""SELECT DISTINCT lower(t.name) FROM tags t JOIN item_tags it ON it.tag_id = t.id
            WHERE t.name IN {wanted}"""
        params = (ids_json(ids),)
    else:
        return set()
    return {r[0] for r in conn.execute(sql, params)}
