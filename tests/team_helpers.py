"""Helpers of the team library tests: a library on the test cluster, replicas, and their
whole states to compare."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.core.model import Item, Person
from briefing_app.store import FactBase
from briefing_app.store.journal import KINDS
from briefing_app.store.replica import LocalReplica
from briefing_app.team.join import join
from briefing_app.team.server import TeamServer
from briefing_app.team.server_schema import SCHEMA, init_server
from briefing_app.team.sync import Sync

_KEYS = {
    "person": "SELECT id FROM people", "source": "SELECT id FROM sources",
    "tag": "SELECT lower(name) FROM tags", "item": "SELECT id FROM items",
    "saved_search": "SELECT lower(name) FROM saved_searches",
    "briefing": "SELECT id FROM briefings",
}


def new_library(cluster) -> str:
    """A new database with an empty team library; its URL."""
    url = cluster.new_database()
    with TeamServer.connect(url) as server:
        init_server(server.conn)
    return url


def replica(folder: Path, name: str, url: str, *, people=(), items=()) -> FactBase:
    """A new fact base holding ``people`` and ``items``, joined to the library at ``url``
    (its first sync done)."""
    fb = FactBase.open(folder / f"{name}.sqlite")
    if people:
        fb.save_people(list(people))
    if items:
        fb.save_items(list(items))
    join(fb, url)
    return fb


def sync(*replicas: FactBase, **options):
    """Sync each replica in turn; the reports."""
    return [Sync(fb, **options).run() for fb in replicas]


def local_state(fb: FactBase) -> dict[tuple[str, str], dict]:
    """Every object of the fact base as the journal sees it: (kind, key) -> data."""
    replica = LocalReplica(fb)
    found = {}
    for kind in KINDS:
        keys = [r[0] for r in fb.connection.execute(_KEYS[kind])]
        for key, data in replica.current(kind, keys).items():
            found[(kind, key)] = data
    return found


def server_state(url: str) -> dict[tuple[str, str], dict]:
    """Every live object of the library: (kind, key) -> data."""
    with TeamServer.connect(url) as server:
        rows = server.conn.execute(
            f"SELECT kind, object_id, data FROM {SCHEMA}.objects WHERE NOT deleted"
        ).fetchall()
    return {(KINDS[kind], key): data for kind, key, data in rows}


def tombstones(url: str) -> set[tuple[str, str]]:
    with TeamServer.connect(url) as server:
        rows = server.conn.execute(
            f"SELECT kind, object_id FROM {SCHEMA}.objects WHERE deleted").fetchall()
    return {(KINDS[kind], key) for kind, key in rows}


def conflicts(fb: FactBase) -> list[tuple[str, str, str, object, object]]:
    return [(c.kind, c.object_id, c.field, c.mine, c.theirs)
            for c in LocalReplica(fb).conflicts()]


def edit_item(fb: FactBase, item_id: str, **changes) -> Item:
    item = fb.get_item(item_id)
    for name, value in changes.items():
        setattr(item, name, value)
    return fb.save_item(item)


def strings_in(value) -> set[str]:
    """Every string inside a JSON value (keys left out)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def fact(item_id: str, text: str, **fields) -> Item:
    return Item(id=item_id, kind="fact", text=text, **fields)


def person(person_id: str, name: str, **fields) -> Person:
    return Person(id=person_id, name=name, **fields)


def dump(state: dict) -> str:
    return json.dumps({f"{k}:{i}": v for (k, i), v in sorted(state.items())}, indent=1)
