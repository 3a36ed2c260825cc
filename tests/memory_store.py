"""A second :class:`~briefing_app.core.store_protocol.Store`: plain dictionaries, no SQLite.

The contract tests (``test_store_protocol.py``) run the same examples against it and
against ``FactBase``, so the protocol says what a store does rather than what SQLite
happens to do, and the core's operations are tested on a backend that shares no code with
the real one. The tables are dictionaries shaped like the schema's: links carry their
positions, sections and blocks get integer ids the way SQLite hands them out (one more
than the largest). A transaction is a deep copy of the tables taken when it starts and
put back when it fails; nested transactions do the same, like savepoints.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import json
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import memory_store_briefings as briefings
import memory_store_catalog as catalog
import memory_store_search as search
from memory_store_tables import ItemSnapshot, RemovedBlock, Tables, nocase

from briefing_app.core import dates
from briefing_app.core.errors import ChangeCancelled, FactBaseError
from briefing_app.core.files import atomic_output
from briefing_app.core.model import (
    ITEM_KINDS,
    STATUSES,
    Block,
    Briefing,
    BriefingSummary,
    Item,
    Meeting,
    Person,
    Section,
    Source,
)
from briefing_app.core.query import Query, parse
from briefing_app.core.records import (
    Finding,
    IntegrityReport,
    ItemRow,
    PersonCount,
    SavedSearch,
    SimilarItem,
    SourceCount,
)

Cancelled = Callable[[], bool]
BACKUP_CHUNK = 4096  # characters written between progress reports and looks at Cancel


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _parsed(query: str | Query) -> Query:
    return query if isinstance(query, Query) else parse(query)


class MemoryStore:
    """A fact base in memory; ``MemoryStore.open(path)`` reads one of its backups."""

    def __init__(self, path: str = "memory") -> None:
        self.path = path
        self._t = Tables()
        self._lock = threading.RLock()
        self._whole = False  # inside an all-or-nothing transaction (held under the lock)
        self._cancelled: Cancelled | None = None
        self._closed = False

    # ------------------------------------------------------------ life and transactions

    @property
    def is_file(self) -> bool:
        return False

    @property
    def read_only(self) -> str:
        return ""

    @property
    def verified(self) -> bool:
        return True  # dictionaries have no pages to check

    def verify_before_writing(self) -> bool:
        return True

    def check_integrity(self) -> IntegrityReport:
        """Dictionaries cannot tear; the check looks at what refers to what."""
        dangling = self._read(lambda t: [i for i, item in t.items.items()
                                         if item.source and item.source not in t.sources])
        return IntegrityReport((Finding(
            "References", not dangling,
            "every reference leads to a record" if not dangling
            else f"{len(dangling)} items cite a missing source"),))

    def close(self) -> None:
        self._closed = True

    @contextlib.contextmanager
    def transaction(self, *, all_or_nothing: bool = False) -> Iterator[MemoryStore]:
        """A copy of the tables to go back to on failure (the savepoint); none for the
        blocks inside an all-or-nothing one, which are only undone with it."""
        with self._lock:
            if self._closed:
                raise FactBaseError("The fact base is closed.")
            if self._whole:
                self._check_cancelled()
                yield self
                return
            saved = copy.deepcopy(self._t)
            self._whole = all_or_nothing
            try:
                self._check_cancelled()
                yield self
            except BaseException:
                self._t = saved
                raise
            finally:
                self._whole = False

    def writing_many(self) -> contextlib.AbstractContextManager[MemoryStore]:
        return self.transaction()  # dictionaries have no indexes to set aside

    @contextlib.contextmanager
    def waiting_for_writer(self, waiting: Callable[[float, bool], None]) -> Iterator[None]:
        """Nothing to tell: no other program writes to these dictionaries."""
        yield

    @contextlib.contextmanager
    def stopping_when(self, cancelled: Cancelled) -> Iterator[MemoryStore]:
        with self._lock:
            outer, self._cancelled = self._cancelled, cancelled
            try:
                yield self
            except FactBaseError as error:
                if cancelled():
                    raise ChangeCancelled() from error
                raise
            finally:
                self._cancelled = outer

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ChangeCancelled()

    def _read(self, function: Callable[..., Any], *args: Any) -> Any:
        with self._lock:
            if self._closed:
                raise FactBaseError("The fact base is closed.")
            return function(self._t, *args)

    def _write(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self.transaction():
            return function(self._t, *args, **kwargs)

    # ------------------------------------------------------------ items

    def get_item(self, item_id: str) -> Item | None:
        found = self.get_items([item_id])
        return found[0] if found else None

    def get_items(self, ids: Sequence[str]) -> list[Item]:
        return self._read(lambda t: [t.item(i) for i in dict.fromkeys(ids) if i in t.items])

    def save_item(self, item: Item) -> Item:
        return self.save_items([item])[0]

    def save_items(self, items: Iterable[Item], *, touch: bool = True) -> list[Item]:
        with self.transaction():
            clean = [_validated(i) for i in items]
            self._check_references(clean)
            stamp, stored = _now(), []
            for item in clean:
                self._check_cancelled()
                old = self._t.items.get(item.id)
                kept = old.created if old else ""
                if touch:
                    item = replace(item, created=kept or item.created or stamp, updated=stamp)
                else:
                    item = replace(item, created=item.created or kept or stamp,
                                   updated=item.updated or stamp)
                self._t.put_item(item)
                stored.append(item)
            return stored

    def _check_references(self, items: Sequence[Item]) -> None:
        for table, label, wanted in (
            (self._t.people, "person", {p for i in items for p in (*i.people, i.speaker) if p}),
            (self._t.sources, "source", {i.source for i in items if i.source}),
        ):
            missing = sorted(wanted - table.keys())
            if missing:
                raise FactBaseError(f"There is no {label} with the id {missing[0]!r}.")

    def delete_items(self, ids: Iterable[str]) -> int:
        return self._write(lambda t: sum(t.drop_item(i) for i in dict.fromkeys(ids)))

    def item_count(self) -> int:
        return self._read(lambda t: len(t.items))

    def counts_by_kind(self) -> dict[str, int]:
        return self._read(lambda t: {k: sum(i.kind == k for i in t.items.values())
                                     for k in ITEM_KINDS})

    def counts_by_status(self) -> dict[str, int]:
        return self._read(lambda t: {s: sum(i.status == s for i in t.items.values())
                                     for s in STATUSES})

    def briefings_using(self, item_ids: Iterable[str]) -> list[BriefingSummary]:
        return self._read(briefings.using, set(item_ids))

    def find_similar(self, text: str, *, exclude_id: str | None = None,
                     threshold: float = search.THRESHOLD, limit: int = 5) -> list[SimilarItem]:
        return self._read(search.similar, text, exclude_id, threshold, limit)

    # ------------------------------------------------------------ search

    def search(self, query: str | Query, *, order: str = "relevance",
               limit: int | None = 50, offset: int = 0) -> list[Item]:
        return self.get_items(self.search_ids(query, order=order, limit=limit, offset=offset))

    def search_ids(self, query: str | Query, *, order: str = "relevance",
                   limit: int | None = 50, offset: int = 0) -> list[str]:
        return self._read(search.ids, _parsed(query), order, limit, offset)

    def count(self, query: str | Query) -> int:
        return len(self.search_ids(query, limit=None))

    def ranks_by_relevance(self, query: str | Query) -> bool:
        return self._read(search.ranks_by_relevance, _parsed(query))

    def search_rows(self, query: str | Query, *, sort: str = "date", descending: bool = False,
                    limit: int | None = 200, offset: int = 0,
                    after: str | None = None) -> list[ItemRow]:
        return self._read(search.rows, _parsed(query), sort, descending, limit, offset, after)

    def rebuild_search_index(self) -> None:
        """Nothing to rebuild: every search reads the records themselves."""

    def optimize(self) -> None:
        """Nothing to compact: dictionaries have no pages or planner statistics."""

    # ------------------------------------------------------------ people

    def get_person(self, person_id: str) -> Person | None:
        return self._read(lambda t: copy.copy(t.people.get(person_id)))

    def save_person(self, person: Person) -> Person:
        return self.save_people([person])[0]

    def save_people(self, people: Iterable[Person]) -> list[Person]:
        return self._write(catalog.save_people, list(people))

    def list_people(self) -> list[Person]:
        return self._read(lambda t: sorted(map(copy.copy, t.people.values()),
                                           key=lambda p: (nocase(p.name), p.id)))

    def find_person_by_name(self, name: str) -> Person | None:
        return self._read(catalog.find_person_by_name, name)

    def person_uses(self, person_id: str) -> int:
        return self._read(lambda t: t.person_uses(person_id))

    def delete_person(self, person_id: str) -> bool:
        return self._write(catalog.delete_person, person_id)

    def merge_people(self, survivor_id: str, other_id: str) -> Person:
        return self._write(catalog.merge_people, survivor_id, other_id)

    def people_counts(self) -> list[PersonCount]:
        return self._read(catalog.people_counts)

    # ------------------------------------------------------------ sources

    def get_source(self, source_id: str) -> Source | None:
        return self._read(lambda t: copy.copy(t.sources.get(source_id)))

    def save_source(self, source: Source) -> Source:
        return self.save_sources([source])[0]

    def save_sources(self, sources: Iterable[Source]) -> list[Source]:
        return self._write(catalog.save_sources, list(sources))

    def list_sources(self) -> list[Source]:
        return self._read(lambda t: sorted(
            map(copy.copy, t.sources.values()),
            key=lambda s: (nocase(s.outlet), s.published, s.title, s.id)))

    def find_source_by_outlet(self, outlet: str) -> Source | None:
        return self._read(catalog.find_source_by_outlet, outlet)

    def find_source_by_url(self, url: str) -> Source | None:
        url = (url or "").strip()
        return self._read(lambda t: next(
            (copy.copy(s) for s in t.sources.values() if url and s.url == url), None))

    def delete_source(self, source_id: str) -> bool:
        return self._write(catalog.delete_source, source_id)

    def merge_sources(self, survivor_id: str, other_id: str) -> Source:
        return self._write(catalog.merge_sources, survivor_id, other_id)

    def source_uses(self, source_id: str) -> int:
        return self.source_use_counts().get(source_id, 0)

    def source_use_counts(self) -> dict[str, int]:
        return self._read(catalog.source_use_counts)

    def source_counts(self) -> list[SourceCount]:
        return self._read(catalog.source_counts)

    # ------------------------------------------------------------ tags

    def list_tags(self) -> list[tuple[str, int]]:
        return self._read(catalog.list_tags)

    def tag_names(self) -> list[str]:
        return [name for name, _count in self.list_tags()]

    def names_in_use(self, field: str) -> list[str]:
        if field == "tag":
            return [name for name, count in self.list_tags() if count]
        if field == "person":
            return sorted({p.name for p in self.people_counts() if p.items},
                          key=str.casefold)
        if field == "source":
            return [s.outlet for s in self.source_counts() if s.items]
        raise ValueError(f"{field!r} is not a field with names (use tag, person or source)")

    def tags_of(self, item_ids: Sequence[str]) -> dict[str, int]:
        return self._read(catalog.tags_of, list(item_ids))

    def rename_tag(self, old: str, new: str) -> None:
        self._write(catalog.rename_tag, old, new)

    def merge_tags(self, survivor: str, other: str) -> int:
        return self._write(catalog.merge_tags, survivor, other)

    def delete_tag(self, name: str) -> int:
        return self._write(catalog.delete_tag, name)

    # ------------------------------------------------------------ snapshots (for undo)

    def capture_items(self, ids: Sequence[str]) -> list[ItemSnapshot]:
        with self._lock:
            citing = sorted(k for k, row in self._t.blocks.items() if row.block.item)
            return [ItemSnapshot(item, tuple(self._t.removed_block(k) for k in citing
                                             if self._t.blocks[k].block.item == item.id))
                    for item in self.get_items(ids)]

    def restore_items(self, snapshots: Sequence[ItemSnapshot]) -> None:
        """Put items back as captured, and each citing block that is gone back in its
        place while its section exists."""
        if not snapshots:
            return
        with self.transaction():
            self.save_items([s.item for s in snapshots], touch=False)
            for cited in (block for s in snapshots for block in s.blocks):
                if cited.block.id not in self._t.blocks and cited.section_id in self._t.sections:
                    self._t.insert_block_rows(cited.section_id, cited.position, [cited.block])

    def capture_person_merge(self, survivor_id: str, other_id: str) -> catalog.PersonMerge:
        return self._read(catalog.capture_person_merge, survivor_id, other_id)

    def undo_person_merge(self, merge: catalog.PersonMerge) -> None:
        self._write(catalog.undo_person_merge, merge)

    def capture_source_merge(self, survivor_id: str, other_id: str) -> catalog.SourceMerge:
        return self._read(catalog.capture_source_merge, survivor_id, other_id)

    def undo_source_merge(self, merge: catalog.SourceMerge) -> None:
        self._write(catalog.undo_source_merge, merge)

    def capture_tag(self, name: str, survivor: str = "") -> catalog.TagSnapshot:
        return self._read(catalog.capture_tag, name, survivor)

    def restore_tag(self, snapshot: catalog.TagSnapshot) -> None:
        self._write(catalog.restore_tag, snapshot)

    # ------------------------------------------------------------ briefings

    def list_briefings(self) -> list[BriefingSummary]:
        return self._read(briefings.summaries)

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        return self._read(briefings.get, briefing_id)

    def find_briefing(self, id_or_exact_title: str) -> Briefing | None:
        return self._read(briefings.find, id_or_exact_title)

    def resolve_id_prefix(self, kind: str, prefix: str, *, limit: int = 10) -> list[str]:
        return self._read(catalog.ids_starting, kind, prefix, limit)

    def save_briefing(self, briefing: Briefing) -> Briefing:
        return self._write(briefings.save, briefing, now=_now())

    def delete_briefing(self, briefing_id: str) -> bool:
        return self._write(lambda t: t.drop_briefing(briefing_id))

    def update_briefing_header(self, briefing_id: str, **changes: object) -> dict[str, object]:
        return self._write(briefings.update_header, briefing_id, changes, now=_now())

    def add_section(self, briefing_id: str, position: int, heading: str, automatic: str = "",
                    *, section_id: int | None = None) -> int:
        return self._write(briefings.add_section, briefing_id, position, heading, automatic,
                           now=_now(), section_id=section_id)

    def rename_section(self, section_id: int, heading: str) -> str:
        return self._write(briefings.rename_section, section_id, heading, now=_now())

    def move_section(self, section_id: int, position: int) -> int:
        return self._write(briefings.move_section, section_id, position, now=_now())

    def remove_section(self, section_id: int) -> briefings.RemovedSection:
        return self._write(briefings.remove_section, section_id, now=_now())

    def restore_section(self, removed: briefings.RemovedSection) -> Section:
        return self._write(briefings.restore_section, removed, now=_now())

    def insert_blocks(self, section_id: int, position: int,
                      blocks: Iterable[Block]) -> list[Block]:
        return self._write(briefings.insert_blocks, section_id, position, list(blocks),
                           now=_now())

    def move_block(self, block_id: int, section_id: int, position: int) -> tuple[int, int]:
        return self._write(briefings.move_block, block_id, section_id, position, now=_now())

    def update_block(self, block_id: int, **changes: str) -> dict[str, str]:
        return self._write(briefings.update_block, block_id, changes, now=_now())

    def remove_blocks(self, block_ids: Iterable[int]) -> list[RemovedBlock]:
        return self._write(briefings.remove_blocks, list(block_ids), now=_now())

    def restore_blocks(self, removed: Sequence[RemovedBlock]) -> list[Block]:
        return self._write(briefings.restore_blocks, list(removed), now=_now())

    def duplicate_briefing(self, briefing_id: str, title: str) -> Briefing:
        return self._write(briefings.duplicate, briefing_id, title, now=_now())

    def remove_briefing(self, briefing_id: str) -> Briefing | None:
        return self._write(briefings.remove, briefing_id)

    def restore_briefing(self, briefing: Briefing) -> Briefing:
        return self._write(briefings.restore, briefing, now=_now())

    # ------------------------------------------------------------ settings, saved searches

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self._read(lambda t: t.settings.get(key, default))

    def set_setting(self, key: str, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise TypeError(f"A setting is text; got {type(value).__name__} for {key!r}.")
        with self.transaction():
            if value is None:
                self._t.settings.pop(key, None)
            else:
                self._t.settings[key] = value

    def list_saved_searches(self) -> list[SavedSearch]:
        return self._read(lambda t: list(t.saved_searches))

    def get_saved_search(self, name: str) -> SavedSearch | None:
        wanted = nocase(name.strip())
        return self._read(lambda t: next(
            (s for s in t.saved_searches if nocase(s.name) == wanted), None))

    def save_search(self, name: str, query: str) -> SavedSearch:
        name = (name or "").strip()
        if not name:
            raise ValueError("A saved search needs a name.")
        with self.transaction():
            found = self.get_saved_search(name)
            if found is None:
                self._t.saved_searches.append(SavedSearch(name, query or ""))
            else:
                position = self._t.saved_searches.index(found)
                self._t.saved_searches[position] = SavedSearch(found.name, query or "")
            return self.get_saved_search(name)

    def rename_saved_search(self, old: str, new: str) -> bool:
        new = (new or "").strip()
        if not new:
            raise ValueError("A saved search needs a name.")
        with self.transaction():
            clash, found = self.get_saved_search(new), self.get_saved_search(old)
            if clash is not None and clash.name.lower() != old.strip().lower():
                raise FactBaseError(f"A saved search named {new!r} already exists.")
            if found is None:
                return False
            position = self._t.saved_searches.index(found)
            self._t.saved_searches[position] = SavedSearch(new, found.query)
            return True

    def delete_saved_search(self, name: str) -> bool:
        with self.transaction():
            found = self.get_saved_search(name)
            if found is not None:
                self._t.saved_searches.remove(found)
            return found is not None

    # ------------------------------------------------------------ maintenance

    def backup(self, target: str | Path, *, progress: Callable[[int, int], None] | None = None,
               cancelled: Cancelled | None = None) -> Path:
        """Write every record as JSON to a temporary file beside ``target``, renamed into
        place when complete; :meth:`open` reads it back."""
        with self._lock:
            text = json.dumps(self._export(), ensure_ascii=False, indent=1)
        target = Path(target)
        with atomic_output(target) as stream:
            for start in range(0, len(text), BACKUP_CHUNK):
                if cancelled is not None and cancelled():
                    raise ChangeCancelled("The backup was cancelled; nothing was written.")
                stream.write(text[start:start + BACKUP_CHUNK].encode("utf-8"))
                if progress is not None:
                    progress(min(start + BACKUP_CHUNK, len(text)), len(text))
        return target

    def _export(self) -> dict[str, Any]:
        return {
            "people": [asdict(p) for p in self._t.people.values()],
            "sources": [asdict(s) for s in self._t.sources.values()],
            "tags": [self._t.tags[k] for k in sorted(self._t.tags)],
            "items": [asdict(i) for i in self.get_items(list(self._t.items))],
            "briefings": [asdict(self.get_briefing(b)) for b in self._t.briefings],
            "settings": self._t.settings,
            "saved_searches": [asdict(s) for s in self._t.saved_searches],
        }

    @classmethod
    def open(cls, path: str | Path) -> MemoryStore:
        """A store holding what :meth:`backup` wrote to ``path``."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        store = cls(path=str(path))
        with store.transaction():
            store.save_people(Person(**p) for p in data["people"])
            store.save_sources(Source(**s) for s in data["sources"])
            for name in data["tags"]:
                store._t.tag_id(name)
            store.save_items((Item(**i) for i in data["items"]), touch=False)
            for b in data["briefings"]:
                store.restore_briefing(_briefing(b))
            store._t.settings.update(data["settings"])
            store._t.saved_searches.extend(SavedSearch(**s) for s in data["saved_searches"])
        return store


def _briefing(data: dict[str, Any]) -> Briefing:
    sections = [Section(**{**s, "blocks": [Block(**b) for b in s["blocks"]]})
                for s in data["sections"]]
    return Briefing(**{**data, "meeting": Meeting(**data["meeting"]), "sections": sections})


def _validated(item: Item) -> Item:
    """A clean copy of ``item`` (FactBase's rules): known kind and status, a text or a title,
    normalised dates, tags trimmed and unique ignoring ASCII case, people unique."""
    if item.kind not in ITEM_KINDS:
        raise ValueError(f"{item.kind!r} is not an item kind (use {', '.join(ITEM_KINDS)})")
    if item.status not in STATUSES:
        raise ValueError(f"{item.status!r} is not a status (use {', '.join(STATUSES)})")
    if not (item.text or "").strip() and not (item.title or "").strip():
        raise ValueError("An item needs a text or a title.")
    tags: dict[str, str] = {}
    for name in filter(None, (t.strip() for t in item.tags if t)):
        tags.setdefault(nocase(name), name)
    return replace(item, id=item.id or str(uuid.uuid4()), date=dates.normalize(item.date),
                   end_date=dates.normalize(item.end_date), tags=list(tags.values()),
                   people=list(dict.fromkeys(filter(None, item.people))),
                   source=item.source or None, speaker=item.speaker or None)
