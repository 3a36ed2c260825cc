"""Records from outside (a fact pack, a CSV file, an article) written as one change.

:class:`ImportRecords` upserts checked sources, people, items and briefings by id in one
transaction and leaves identical records alone (not even their ``updated`` stamp), so
importing the same pack twice changes nothing. It remembers what each record was before,
so the whole import is one undo step: new records are removed again, changed ones put
back as they were.

The records come a batch at a time (:class:`RecordBatches`): from memory
(:class:`PackContent`) or read from a file as they are written (a million-item pack is
streamed by ``exchange/pack_stream.py``). What undo needs stays small either way: only
the ids of the records an import created, and snapshots of the ones it replaced; a redo
of a streamed import reads its file again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..changes import Changes
from ..errors import ChangeCancelled
from ..model import Briefing, Item, Person, Source
from ..tags import fold_tag
from ..undo import Operation
from .items import drop_unused_tags, new_tags

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
BATCH = 500  # records between progress reports, cancel checks and item look-ups


class ImportCancelled(ChangeCancelled):
    """The user cancelled an import; the transaction was rolled back, nothing changed."""

    def __init__(self, message: str = "import cancelled; nothing was changed") -> None:
        super().__init__(message)


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ImportResult:
    """What an import did, per kind of record."""

    sources: KindCounts = field(default_factory=KindCounts)
    people: KindCounts = field(default_factory=KindCounts)
    items: KindCounts = field(default_factory=KindCounts)
    briefings: KindCounts = field(default_factory=KindCounts)

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self._counts().values())

    def summary(self) -> str:
        """One line for a status bar: ``items: 3 created, 1 updated, 0 unchanged; ...``."""
        return "; ".join(
            f"{name}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self._counts().items()
            if c.total
        ) or "nothing to import"

    def _counts(self) -> dict[str, KindCounts]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


class RecordBatches(Protocol):
    """Checked records a batch at a time, as ``(kind, records)`` with kind one of
    ``sources``, ``people``, ``items``, ``briefings``, in an order that saves whatever a
    record refers to first. ``batches`` may be called again (redo) and may raise (a
    problem found late leaves nothing written: the Library rolls the transaction back);
    it reads ``store`` to check references. ``record_count`` may be an estimate until
    the batches have all been read."""

    def batches(self, store: Any) -> Iterator[tuple[str, list]]: ...

    def record_count(self) -> int: ...


@dataclass
class PackContent:
    """Checked records in memory, ready to be written."""

    sources: list[Source] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)

    def record_count(self) -> int:
        return len(self.sources) + len(self.people) + len(self.items) + len(self.briefings)

    def batches(self, store: Any = None) -> Iterator[tuple[str, list]]:
        for kind in ("sources", "people", "items", "briefings"):
            records = getattr(self, kind)
            for start in range(0, len(records), BATCH):
                yield kind, records[start : start + BATCH]


def same_record(old: Any, new: Any) -> bool:
    """Equal apart from what the store sets: timestamps and row ids of sections/blocks."""
    return _comparable(old) == _comparable(new)


def _comparable(record: Any) -> Any:
    if isinstance(record, Briefing):
        record = dataclasses.replace(
            record, created="", updated="",
            sections=[dataclasses.replace(s, id=None,
                                          blocks=[dataclasses.replace(b, id=None)
                                                  for b in s.blocks])
                      for s in record.sections],
        )
    elif isinstance(record, Item):
        # A tag's case is the first spelling the store saw: "visa" may come back as "Visa".
        record = dataclasses.replace(record, created="", updated="",
                                     tags=[fold_tag(tag) for tag in record.tags])
    return record


@dataclass
class _Before:
    """What the import replaced, by kind: ``None`` for a record it created."""

    sources: dict[str, Source | None] = field(default_factory=dict)
    people: dict[str, Person | None] = field(default_factory=dict)
    items: dict[str, Any] = field(default_factory=dict)  # id -> store snapshot or None
    briefings: dict[str, Briefing | None] = field(default_factory=dict)


class ImportRecords(Operation):
    """Upsert ``content`` as one undoable change; :attr:`result` counts what it did."""

    def __init__(self, content: PackContent | RecordBatches, *, label: str = "",
                 progress: Progress | None = None, cancelled: Cancelled | None = None):
        self.label = label or "Import"
        self.content = content
        self.result = ImportResult()
        self._progress, self._cancelled = progress, cancelled
        self._done = 0
        self._before: _Before | None = None
        self._new_tags: list[str] = []
        self._tags: set[str] = set()  # every tag the imported items carry
        # Redo writes the items as first written when they are in memory anyway; a
        # streamed import is read again instead (see the module docstring).
        self._keep_saved = isinstance(content, PackContent)
        self._saved_items: list[Item] = []
        self._removed_briefings: dict[str, Briefing] = {}  # created ones, taken back
        self._lists: dict[Callable, dict[str, Any]] = {}  # see _finder

    def item_ids(self) -> list[str]:
        if isinstance(self.content, PackContent):
            return [item.id for item in self.content.items]
        return list(self._before.items) if self._before else []

    def may_take_long(self) -> bool:
        return self.content.record_count() >= BATCH

    def is_noop(self) -> bool:
        return not self.result.changed

    def _changes(self) -> Changes:
        before = self._before or _Before()
        return Changes.of(sources=before.sources, people=before.people, items=before.items,
                          briefings=before.briefings, tags=self._tags)

    # ------------------------------------------------------------ applying

    def apply(self, store: Any) -> Changes:
        if self._before is None or not self._keep_saved:
            self._before, self.result, self._done = _Before(), ImportResult(), 0
            self._new_tags, self._tags, self._lists = [], set(), {}
            self._first_apply(store)
        else:
            self._reapply(store)
        return self._changes()

    def _first_apply(self, store: Any) -> None:
        result, before = self.result, self._before
        self._check_cancelled()
        upserts = {
            "sources": lambda records: self._upsert(
                records, self._finder(store.get_source, store.list_sources, records),
                store.save_sources, result.sources, before.sources),
            "people": lambda records: self._upsert(
                records, self._finder(store.get_person, store.list_people, records),
                store.save_people, result.people, before.people),
            "items": lambda records: self._upsert_items(store, records),
            "briefings": lambda records: self._upsert(
                records, store.get_briefing,
                lambda briefings: [store.save_briefing(b) for b in briefings],
                result.briefings, before.briefings),
        }
        with store.writing_many():
            for kind, records in self.content.batches(store):
                upserts[kind](records)
            if self._progress is not None:  # what is left, the indexes a big import
                self._progress(self._done, 0)  # builds at the end, has no count
        self._check_cancelled()
        if self._progress is not None:
            self._progress(self._done, self._done)

    def _finder(self, get_one: Callable[[str], Any], list_all: Callable[[], list],
                records: list) -> Callable[[str], Any]:
        """How to look a record up: one at a time for a few, from one list of them all
        for a full batch (thousands of look-ups cost more than one list)."""
        if len(records) < BATCH:
            return get_one
        cache = self._lists.get(list_all)
        if cache is None:
            cache = self._lists[list_all] = {record.id: record for record in list_all()}
        return cache.get

    def _upsert(self, records: list, old_of: Callable[[str], Any],
                save_all: Callable[[list], Any], counts: KindCounts, before: dict) -> None:
        """Compare one record at a time, save the changed ones together (one statement
        per batch rather than per record)."""
        changed = []
        for record in records:
            old = old_of(record.id)
            if _count(old, record, counts):
                before[record.id] = old
                changed.append(record)
        if changed:
            save_all(changed)
        self._step(len(records))

    def _upsert_items(self, store: Any, batch: list[Item]) -> None:
        """Items are many: looked up and saved a batch at a time."""
        counts, before = self.result.items, self._before.items
        tags = {t for item in batch for t in item.tags} - self._tags
        if tags:  # tags the import has not met yet (reading every tag's use costs)
            self._new_tags += new_tags(store, tags)
            self._tags |= tags
        existing = {s.item.id: s for s in store.capture_items([i.id for i in batch])}
        changed = []
        for item in batch:
            old = existing.get(item.id)
            if _count(old.item if old else None, item, counts):
                before[item.id] = old
                changed.append(item)
        if changed:
            saved = store.save_items(changed)
            if self._keep_saved:
                self._saved_items += saved
        self._step(len(batch))

    def _reapply(self, store: Any) -> None:
        """Redo: write the same records again."""
        content, before = self.content, self._before
        store.save_sources([s for s in content.sources if s.id in before.sources])
        store.save_people([p for p in content.people if p.id in before.people])
        store.save_items(self._saved_items, touch=False)
        for briefing in content.briefings:
            if briefing.id in self._removed_briefings:
                store.restore_briefing(self._removed_briefings.pop(briefing.id))
            elif briefing.id in before.briefings:
                store.save_briefing(briefing)

    def revert(self, store: Any) -> Changes:
        before = self._before
        for briefing_id, old in before.briefings.items():
            if old is None:
                self._removed_briefings[briefing_id] = store.remove_briefing(briefing_id)
            else:
                store.save_briefing(old)
        new_items = [i for i, old in before.items.items() if old is None]
        if new_items:
            store.delete_items(new_items)
        store.restore_items([old for old in before.items.values() if old is not None])
        drop_unused_tags(store, self._new_tags)
        for kind, save, delete in (("people", store.save_person, store.delete_person),
                                   ("sources", store.save_source, store.delete_source)):
            for record_id, old in getattr(before, kind).items():
                if old is None:
                    delete(record_id)
                else:
                    save(old)
        return self._changes()

    # ------------------------------------------------------------ progress and cancel

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled()

    def _step(self, count: int = 1) -> None:
        before, self._done = self._done, self._done + count
        if before // BATCH != self._done // BATCH:
            self._check_cancelled()
            if self._progress is not None:
                self._progress(self._done, max(self._done, self.content.record_count()))


def _count(old: Any, new: Any, counts: KindCounts) -> bool:
    """Count ``new`` as created, updated or unchanged; True unless it is unchanged."""
    if old is None:
        counts.created += 1
    elif same_record(old, new):
        counts.unchanged += 1
        return False
    else:
        counts.updated += 1
    return True
