"""People, sources and tags of :class:`~memory_store.MemoryStore`: saving, merging,
deleting, and the snapshots that undo a merge or a deleted tag.

FactBase's rules: a person or source something refers to cannot be deleted (merge it
instead); merging moves every reference to the survivor, keeping each link's position,
and drops a link the owner already has to the survivor; tag names are unique ignoring
ASCII letter case. Each function runs inside the store's transaction.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, replace
from typing import Any

from memory_store_tables import Tables, nocase

from briefing_app.core import dates
from briefing_app.core.errors import FactBaseError
from briefing_app.core.id_prefix import MIN_ID_PREFIX
from briefing_app.core.model import Person, Source
from briefing_app.core.records import PersonCount, SourceCount


@dataclass(frozen=True)
class PersonMerge:
    survivor_id: str
    person: Person
    speaker_of: tuple[str, ...]
    links: dict[str, dict[str, int]]  # item id -> {survivor or other: position}
    participants: dict[str, dict[str, int]]  # briefing id -> {survivor or other: position}


@dataclass(frozen=True)
class SourceMerge:
    survivor_id: str
    source: Source
    cited_by: tuple[str, ...]


@dataclass(frozen=True)
class TagSnapshot:
    tag_id: int
    name: str
    links: dict[str, dict[int, int]]  # item id -> {the tag or the survivor: position}
    survivor_id: int | None = None


# ---------------------------------------------------------------- ids by their start


def ids_starting(t: Tables, kind: str, prefix: str, limit: int) -> list[str]:
    """FactBase's rule: the id itself, else the ids starting with ``prefix`` once it has
    MIN_ID_PREFIX characters (letter case counts), sorted, at most ``limit``."""
    tables = {"item": t.items, "briefing": t.briefings}
    if kind not in tables:
        raise ValueError(f"{kind!r} has no ids to resolve (use {', '.join(tables)})")
    ids = tables[kind]
    if prefix in ids:
        return [prefix]
    if len(prefix) < MIN_ID_PREFIX:
        return []
    return sorted(i for i in ids if i.startswith(prefix))[:max(limit, 0)]


# ---------------------------------------------------------------- links


def _move_link(links: dict, other: Any, survivor: Any) -> bool:
    """Point an owner's link to ``other`` at ``survivor``, in the same position, unless it
    already links to ``survivor``; returns whether a link moved."""
    if other not in links:
        return False
    place = links.pop(other)
    if survivor in links:
        return False
    links[survivor] = place
    return True


def _links_of(table: dict[str, dict], target: Any, pair: tuple) -> dict[str, dict]:
    """For each owner linking to ``target``: its links to either of ``pair``."""
    return {owner: {k: v for k, v in links.items() if k in pair}
            for owner, links in table.items() if target in links}


def _put_links(table: dict[str, dict], captured: dict[str, dict], pair: tuple) -> None:
    """Replace each captured owner's links to either of ``pair`` by the captured ones."""
    for owner, links in captured.items():
        current = table.setdefault(owner, {})
        for key in pair:
            current.pop(key, None)
        current.update(links)


def _both_exist(table: dict, label: str, survivor_id: str, other_id: str) -> Any:
    if survivor_id == other_id:
        raise FactBaseError("A record cannot be merged into itself.")
    for record_id in (survivor_id, other_id):
        if record_id not in table:
            raise FactBaseError(f"There is no {label} with the id {record_id!r}.")
    return copy.copy(table[survivor_id])


# ---------------------------------------------------------------- people


def save_people(t: Tables, people: list[Person]) -> list[Person]:
    stored = []
    for person in people:
        name = (person.name or "").strip()
        if not name:
            raise ValueError("A person needs a name.")
        stored.append(replace(person, id=person.id or str(uuid.uuid4()), name=name))
        t.people[stored[-1].id] = copy.copy(stored[-1])
    return stored


def find_person_by_name(t: Tables, name: str) -> Person | None:
    wanted = nocase((name or "").strip())
    return next((copy.copy(p) for p in t.people.values() if nocase(p.name) == wanted), None)


def delete_person(t: Tables, person_id: str) -> bool:
    uses = t.person_uses(person_id)
    if uses:
        person = t.people.get(person_id)
        raise FactBaseError(
            f"{person.name if person else person_id} cannot be deleted: {uses} item or "
            "briefing reference(s) still name them. Merge them into another person instead.")
    return t.people.pop(person_id, None) is not None


def _merge(t: Tables, label: str, survivor_id: str, other_id: str) -> Any:
    """Point every reference to the person or source ``other_id`` at ``survivor_id`` (the
    item field named like ``label``, and any links) and delete ``other_id``."""
    table, field = (t.people, "speaker") if label == "person" else (t.sources, "source")
    survivor = _both_exist(table, label, survivor_id, other_id)
    for item in t.items.values():
        if getattr(item, field) == other_id:
            setattr(item, field, survivor_id)
    if label == "person":
        for links in (*t.item_people.values(), *t.participants.values()):
            _move_link(links, other_id, survivor_id)
    del table[other_id]
    return survivor


def merge_people(t: Tables, survivor_id: str, other_id: str) -> Person:
    return _merge(t, "person", survivor_id, other_id)


def people_counts(t: Tables) -> list[PersonCount]:
    """Every person with the number of items naming them as speaker or among the people."""
    naming = [(i.speaker, t.item_people[i.id]) for i in t.items.values()]
    return [PersonCount(p.id, p.name, sum(p.id == s or p.id in ps for s, ps in naming))
            for p in sorted(t.people.values(), key=lambda p: (nocase(p.name), p.id))]


def capture_person_merge(t: Tables, survivor_id: str, other_id: str) -> PersonMerge:
    _both_exist(t.people, "person", survivor_id, other_id)
    pair = (survivor_id, other_id)
    return PersonMerge(survivor_id, copy.copy(t.people[other_id]),
                       tuple(i.id for i in t.items.values() if i.speaker == other_id),
                       _links_of(t.item_people, other_id, pair),
                       _links_of(t.participants, other_id, pair))


def undo_person_merge(t: Tables, merge: PersonMerge) -> None:
    save_people(t, [merge.person])
    for item_id in merge.speaker_of:
        t.items[item_id].speaker = merge.person.id
    pair = (merge.survivor_id, merge.person.id)
    _put_links(t.item_people, merge.links, pair)
    _put_links(t.participants, merge.participants, pair)


# ---------------------------------------------------------------- sources


def save_sources(t: Tables, sources: list[Source]) -> list[Source]:
    stored = []
    for source in sources:
        outlet = (source.outlet or "").strip()
        if not outlet:
            raise ValueError("A source needs an outlet (e.g. EFE, Reuters).")
        stored.append(replace(source, id=source.id or str(uuid.uuid4()), outlet=outlet,
                              published=dates.normalize(source.published),
                              accessed=dates.normalize(source.accessed)))
        t.sources[stored[-1].id] = copy.copy(stored[-1])
    return stored


def find_source_by_outlet(t: Tables, outlet: str) -> Source | None:
    """A bare source of the outlet (no title, no URL) if any, else the oldest."""
    wanted = nocase((outlet or "").strip())
    found = [s for s in t.sources.values() if nocase(s.outlet) == wanted]
    bare = [s for s in found if not s.title and not s.url]
    return copy.copy((bare or found or [None])[0])


def source_use_counts(t: Tables) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in t.items.values():
        if item.source:
            counts[item.source] = counts.get(item.source, 0) + 1
    return counts


def delete_source(t: Tables, source_id: str) -> bool:
    uses = source_use_counts(t).get(source_id, 0)
    if uses:
        raise FactBaseError(f"The source cannot be deleted: {uses} item(s) cite it. Merge it "
                            "into another source instead.")
    return t.sources.pop(source_id, None) is not None


def merge_sources(t: Tables, survivor_id: str, other_id: str) -> Source:
    return _merge(t, "source", survivor_id, other_id)


def source_counts(t: Tables) -> list[SourceCount]:
    """Outlets (letter case ignored) with the items citing any of their sources."""
    uses, outlets = source_use_counts(t), {}
    for source in t.sources.values():
        outlet, items, records = outlets.get(nocase(source.outlet), (source.outlet, 0, 0))
        outlets[nocase(source.outlet)] = (outlet, items + uses.get(source.id, 0), records + 1)
    return [SourceCount(*outlets[key]) for key in sorted(outlets)]


def capture_source_merge(t: Tables, survivor_id: str, other_id: str) -> SourceMerge:
    _both_exist(t.sources, "source", survivor_id, other_id)
    cited = tuple(i.id for i in t.items.values() if i.source == other_id)
    return SourceMerge(survivor_id, copy.copy(t.sources[other_id]), cited)


def undo_source_merge(t: Tables, merge: SourceMerge) -> None:
    save_sources(t, [merge.source])
    for item_id in merge.cited_by:
        t.items[item_id].source = merge.source.id


# ---------------------------------------------------------------- tags


def tags_of(t: Tables, item_ids: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item_id in dict.fromkeys(item_ids):
        for tag_id in t.item_tags.get(item_id, {}):
            counts[t.tags[tag_id]] = counts.get(t.tags[tag_id], 0) + 1
    return counts


def list_tags(t: Tables) -> list[tuple[str, int]]:
    counts = tags_of(t, list(t.items))
    return sorted(((name, counts.get(name, 0)) for name in t.tags.values()),
                  key=lambda pair: nocase(pair[0]))


def rename_tag(t: Tables, old: str, new: str) -> None:
    new = (new or "").strip()
    if not new:
        raise ValueError("A tag needs a name.")
    tag_id = t.require_tag(old)
    if t.find_tag(new) not in (None, tag_id):
        raise FactBaseError(f"A tag named {new!r} already exists; merge the two tags instead.")
    t.tags[tag_id] = new


def merge_tags(t: Tables, survivor: str, other: str) -> int:
    keep, drop = t.require_tag(survivor), t.require_tag(other)
    if keep == drop:
        raise FactBaseError("A tag cannot be merged into itself.")
    moved = sum(_move_link(links, drop, keep) for links in t.item_tags.values())
    del t.tags[drop]
    return moved


def delete_tag(t: Tables, name: str) -> int:
    tag_id = t.require_tag(name)
    del t.tags[tag_id]
    return sum(links.pop(tag_id, None) is not None for links in t.item_tags.values())


def capture_tag(t: Tables, name: str, survivor: str = "") -> TagSnapshot:
    tag_id = t.require_tag(name)
    kept = t.require_tag(survivor) if survivor else None
    pair = (tag_id,) if kept is None else (tag_id, kept)
    return TagSnapshot(tag_id, t.tags[tag_id], _links_of(t.item_tags, tag_id, pair), kept)


def restore_tag(t: Tables, snapshot: TagSnapshot) -> None:
    if snapshot.tag_id in t.tags or t.find_tag(snapshot.name) is not None:
        raise FactBaseError(f"The tag {snapshot.name!r} cannot come back: a tag has its "
                            "name or place again.")
    t.tags[snapshot.tag_id] = snapshot.name
    pair = tuple(i for i in (snapshot.tag_id, snapshot.survivor_id) if i is not None)
    _put_links(t.item_tags, snapshot.links, pair)
