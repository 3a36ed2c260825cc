"""Operations on items, people, sources and tags.

Each captures what its undo needs (through the store's ``capture_*`` snapshots) during its
first apply, inside the same transaction, and puts it back on revert.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..changes import ANY, Changes
from ..model import Item, Person, Source
from ..tags import fold_tag
from ..undo import Operation


def short_label(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, for an undo label."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _item_changes(ids: Sequence[str], **more) -> Changes:
    return Changes.of(items=ids, **more)


def new_tags(store: Any, names: Iterable[str]) -> list[str]:
    """The names among ``names`` that are no tag of the store yet. An operation that adds
    them removes them again on undo (:func:`drop_unused_tags`), so taking back "New fact
    tagged X" leaves no empty tag X in the sidebar."""
    known = {fold_tag(name) for name in store.tag_names()}
    found = {fold_tag(n.strip()): n.strip() for n in names if n and n.strip()}
    return [name for key, name in found.items() if key not in known]


def drop_unused_tags(store: Any, names: Sequence[str]) -> None:
    """Delete those of ``names`` that no item carries (any more)."""
    if names:  # (which tags some item carries, not how many: no count of every item)
        known = {fold_tag(name) for name in store.tag_names()}
        used = {fold_tag(name) for name in store.names_in_use("tag")}
        for name in names:
            if fold_tag(name) in known - used:
                store.delete_tag(name)


class SaveItem(Operation):
    """Create or edit one item, with the people and sources created for it on the way."""

    def __init__(self, store: Any, item: Item, *, new_people: Sequence[Person] = (),
                 new_sources: Sequence[Source] = (), label: str = ""):
        self.is_new = not item.id or store.get_item(item.id) is None
        self.label = label or (("New " if self.is_new else "Edit ") + item.kind
                               + f" “{short_label(item.title or item.text)}”")
        self._item = item
        self._people = list(new_people)
        self._sources = list(new_sources)
        self._before: list = []
        self._stored: Item | None = None
        self._new_tags: list[str] = []

    @property
    def item_id(self) -> str:
        return self._stored.id if self._stored else self._item.id

    def item_ids(self) -> list[str]:
        return [self.item_id]

    def _changes(self) -> Changes:
        removed = {t for snapshot in self._before for t in snapshot.item.tags}
        return _item_changes([self.item_id], people=[p.id for p in self._people],
                             sources=[s.id for s in self._sources],
                             tags={*self._item.tags, *removed})

    def apply(self, store: Any) -> Changes:
        if self._stored is None and not self.is_new:
            self._before = store.capture_items([self._item.id])
        if self._stored is None:
            self._new_tags = new_tags(store, self._item.tags)
        if self._people:
            self._people = store.save_people(self._people)
        if self._sources:
            self._sources = store.save_sources(self._sources)
        if self._stored is None:
            self._stored = store.save_item(self._item)
        else:
            store.save_items([self._stored], touch=False)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        if self.is_new:
            store.delete_items([self.item_id])
        else:
            store.restore_items(self._before)
        for person in self._people:
            store.delete_person(person.id)
        for source in self._sources:
            store.delete_source(source.id)
        drop_unused_tags(store, self._new_tags)
        return self._changes()


class EditItems(Operation):
    """One change applied to many items (bulk tag, status, marking)."""

    def __init__(self, ids: Sequence[str], change: Callable[[Item], Item], *, label: str = ""):
        self.label = label or f"Edit {len(ids)} items"
        self._ids = list(ids)
        self._change = change
        self._before: list = []
        self._after: list[Item] | None = None
        self._new_tags: list[str] = []

    def item_ids(self) -> list[str]:
        return list(self._ids)

    @property
    def changed_count(self) -> int:
        return len(self._after or [])

    def is_noop(self) -> bool:
        return self._after is not None and not self._after

    def _changes(self) -> Changes:
        after = self._after or []
        return _item_changes([i.id for i in after],
                             tags={t for i in [*after, *(s.item for s in self._before)]
                                   for t in i.tags})

    def apply(self, store: Any) -> Changes:
        if self._after is None:
            changed = []
            for snapshot in store.capture_items(self._ids):
                item = snapshot.item
                after = self._change(replace(item, tags=list(item.tags),
                                             people=list(item.people)))
                if after != item:
                    changed.append((snapshot, after))
            self._before = [s for s, _ in changed]
            self._new_tags = new_tags(store, {t for _, a in changed for t in a.tags})
            self._after = store.save_items([a for _, a in changed]) if changed else []
        elif self._after:
            store.save_items(self._after, touch=False)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        store.restore_items(self._before)
        drop_unused_tags(store, self._new_tags)
        return self._changes()


class DeleteItems(Operation):
    """Delete items; undo brings them back with tags, people and citing blocks."""

    def __init__(self, ids: Sequence[str], *, label: str = ""):
        self.label = label or (f"Delete {len(ids)} items" if len(ids) != 1 else "Delete 1 item")
        self._ids = list(ids)
        self._snapshots: list | None = None

    def item_ids(self) -> list[str]:
        return list(self._ids)

    def _changes(self) -> Changes:
        cited = any(getattr(s, "blocks", ()) for s in self._snapshots or [])
        return _item_changes(self._ids, tags=[ANY], briefings=[ANY] if cited else [])

    def apply(self, store: Any) -> Changes:
        if self._snapshots is None:
            self._snapshots = store.capture_items(self._ids)
        store.delete_items(self._ids)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        store.restore_items(self._snapshots or [])
        return self._changes()


# ---------------------------------------------------------------- people and sources


class SavePerson(Operation):
    reaches_items = True

    def __init__(self, store: Any, person: Person, *, label: str = ""):
        self._before = store.get_person(person.id) if person.id else None
        self.is_new = self._before is None
        self.label = label or (("New person " if self.is_new else "Edit person ") + person.name)
        self._person = person

    def apply(self, store: Any) -> Changes:
        self._person = store.save_person(self._person)
        return Changes.of(people=[self._person.id], items=[ANY])

    def revert(self, store: Any) -> Changes:
        if self._before is None:
            store.delete_person(self._person.id)
        else:
            store.save_person(self._before)
        return Changes.of(people=[self._person.id], items=[ANY])


class SaveSource(Operation):
    reaches_items = True

    def __init__(self, store: Any, source: Source, *, label: str = ""):
        self._before = store.get_source(source.id) if source.id else None
        self.is_new = self._before is None
        self.label = label or (("New source " if self.is_new else "Edit source ")
                               + source.outlet)
        self._source = source

    def apply(self, store: Any) -> Changes:
        self._source = store.save_source(self._source)
        return Changes.of(sources=[self._source.id], items=[ANY])

    def revert(self, store: Any) -> Changes:
        if self._before is None:
            store.delete_source(self._source.id)
        else:
            store.save_source(self._before)
        return Changes.of(sources=[self._source.id], items=[ANY])


class DeletePerson(Operation):
    """Delete a person nothing refers to (the store refuses otherwise)."""

    def __init__(self, person: Person, *, label: str = ""):
        self.label = label or f"Delete person {person.name}"
        self._person = person

    def apply(self, store: Any) -> Changes:
        store.delete_person(self._person.id)
        return Changes.of(people=[self._person.id])

    def revert(self, store: Any) -> Changes:
        store.save_person(self._person)
        return Changes.of(people=[self._person.id])


class DeleteSource(Operation):
    def __init__(self, source: Source, *, label: str = ""):
        self.label = label or f"Delete source {source.outlet}"
        self._source = source

    def apply(self, store: Any) -> Changes:
        store.delete_source(self._source.id)
        return Changes.of(sources=[self._source.id])

    def revert(self, store: Any) -> Changes:
        store.save_source(self._source)
        return Changes.of(sources=[self._source.id])


class MergePeople(Operation):
    reaches_items = True

    def __init__(self, survivor: Person, other: Person, *, label: str = ""):
        self.label = label or f"Merge {other.name} into {survivor.name}"
        self._ids = (survivor.id, other.id)
        self._merge: Any = None

    def _changes(self) -> Changes:
        return Changes.of(people=self._ids, items=[ANY], briefings=[ANY])

    def apply(self, store: Any) -> Changes:
        self._merge = store.capture_person_merge(*self._ids)
        store.merge_people(*self._ids)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        store.undo_person_merge(self._merge)
        return self._changes()


class MergeSources(Operation):
    reaches_items = True

    def __init__(self, survivor: Source, other: Source, *, label: str = ""):
        self.label = label or f"Merge {other.outlet} into {survivor.outlet}"
        self._ids = (survivor.id, other.id)
        self._merge: Any = None

    def _changes(self) -> Changes:
        return Changes.of(sources=self._ids, items=[ANY])

    def apply(self, store: Any) -> Changes:
        self._merge = store.capture_source_merge(*self._ids)
        store.merge_sources(*self._ids)
        return self._changes()

    def revert(self, store: Any) -> Changes:
        store.undo_source_merge(self._merge)
        return self._changes()


# ---------------------------------------------------------------- tags


class RenameTag(Operation):
    reaches_items = True

    def __init__(self, old: str, new: str, *, label: str = ""):
        self.old, self.new = old, new.strip()
        self.label = label or f"Rename tag {old} to {self.new}"

    def apply(self, store: Any) -> Changes:
        store.rename_tag(self.old, self.new)
        return Changes.of(tags=[self.old, self.new], items=[ANY])

    def revert(self, store: Any) -> Changes:
        store.rename_tag(self.new, self.old)
        return Changes.of(tags=[self.old, self.new], items=[ANY])


class MergeTags(Operation):
    reaches_items = True

    def __init__(self, survivor: str, other: str, *, label: str = ""):
        self.label = label or f"Merge tag {other} into {survivor}"
        self._survivor, self._other = survivor, other
        self._snapshot: Any = None

    def apply(self, store: Any) -> Changes:
        self._snapshot = store.capture_tag(self._other, survivor=self._survivor)
        store.merge_tags(self._survivor, self._other)
        return Changes.of(tags=[self._survivor, self._other], items=[ANY])

    def revert(self, store: Any) -> Changes:
        store.restore_tag(self._snapshot)
        return Changes.of(tags=[self._survivor, self._other], items=[ANY])


class DeleteTag(Operation):
    reaches_items = True

    def __init__(self, name: str, *, label: str = ""):
        self.label = label or f"Delete tag {name}"
        self._name = name
        self._snapshot: Any = None

    def apply(self, store: Any) -> Changes:
        self._snapshot = store.capture_tag(self._name)
        store.delete_tag(self._name)
        return Changes.of(tags=[self._name], items=[ANY])

    def revert(self, store: Any) -> Changes:
        store.restore_tag(self._snapshot)
        return Changes.of(tags=[self._name], items=[ANY])
