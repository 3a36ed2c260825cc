"""Fact packs: the JSON exchange format of a fact base (format ``briefing-factpack``, v1).

A pack is how staffers hand facts and briefings to each other. Import reads the file
safely (:mod:`briefing_app.exchange.safe_read`), checks all of it
(:mod:`briefing_app.exchange.pack_validate`) and writes only a clean pack, in one
transaction, as an upsert by id that leaves identical records alone (not even their
``updated`` stamp): importing a pack twice changes nothing.
Export writes the whole fact base or a chosen part, sorted by id, as pretty UTF-8 JSON.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable
from typing import Any

from briefing_app.core import dates
from briefing_app.core.collector import collector_paused
from briefing_app.core.errors import ChangeCancelled
from briefing_app.core.files import atomic_output
from briefing_app.core.library import as_library
from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.core.operations.imports import (
    ImportCancelled,
    ImportRecords,
    ImportResult,
    KindCounts,
    PackContent,
)
from briefing_app.exchange.pack_validate import FORMAT, VERSION, validate_pack
from briefing_app.exchange.safe_read import MAX_FILE_BYTES, PackError, read_json_object

__all__ = [
    "FORMAT",
    "VERSION",
    "MAX_FILE_BYTES",
    "PackError",
    "ImportCancelled",
    "KindCounts",
    "ImportResult",
    "PackContent",
    "read_pack",
    "parse_pack",
    "validate_pack",
    "import_pack",
    "write_content",
    "pack_dict",
    "pack_json",
    "export_pack",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


# ---------------------------------------------------------------- dict -> model


def _get(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else value


def _date(record: dict, key: str) -> str:
    return dates.normalize(record.get(key))


def source_from_dict(record: dict) -> Source:
    return Source(
        id=record["id"],
        outlet=record["outlet"],
        title=_get(record, "title"),
        url=_get(record, "url"),
        published=_date(record, "published"),
        accessed=_date(record, "accessed"),
        notes=_get(record, "notes"),
    )


def person_from_dict(record: dict) -> Person:
    return Person(
        id=record["id"],
        name=record["name"],
        role=_get(record, "role"),
        organization=_get(record, "organization"),
        country=_get(record, "country"),
        notes=_get(record, "notes"),
    )


def item_from_dict(record: dict) -> Item:
    return Item(
        id=record["id"],
        kind=record["kind"],
        text=record["text"],
        title=_get(record, "title"),
        date=_date(record, "date"),
        tags=list(record.get("tags") or []),
        people=list(record.get("people") or []),
        source=record.get("source") or None,
        status=record.get("status") or "unverified",
        marking=_get(record, "marking"),
        notes=_get(record, "notes"),
        speaker=record.get("speaker") or None,
        language=_get(record, "language"),
        translation=_get(record, "translation"),
        context=_get(record, "context"),
        end_date=_date(record, "end_date"),
        location=_get(record, "location"),
    )


def _block_from_dict(record: dict) -> Block:
    if "item" in record:
        return Block(item=record["item"], note=_get(record, "note"),
                     override=_get(record, "override"))
    return Block(text=record["text"], style=record.get("style") or "paragraph")


def briefing_from_dict(record: dict) -> Briefing:
    meeting = record.get("meeting") or {}
    return Briefing(
        id=record["id"],
        title=record["title"],
        subject=_get(record, "subject"),
        to=_get(record, "to"),
        from_=_get(record, "from"),
        through=_get(record, "through"),
        date=_date(record, "date"),
        meeting=Meeting(
            title=_get(meeting, "title"),
            date=_date(meeting, "date"),
            location=_get(meeting, "location"),
            participants=list(meeting.get("participants") or []),
        ),
        marking=_get(record, "marking"),
        template=record.get("template") or Briefing.template,
        portion_marking=bool(record.get("portion_marking", False)),
        note_style=record.get("note_style") or Briefing.note_style,
        language=record.get("language") or Briefing.language,
        page_size=record.get("page_size") or Briefing.page_size,
        sections=[
            Section(
                heading=section["heading"],
                automatic=_get(section, "automatic"),
                blocks=[_block_from_dict(block) for block in section.get("blocks") or []],
            )
            for section in record["sections"]
        ],
    )


def parse_pack(data: object, fb: Any = None) -> PackContent:
    """The records of a valid pack; raises :class:`PackError` listing every problem."""
    problems = validate_pack(data, fb)
    if problems:
        raise PackError(problems)
    return PackContent(
        sources=[source_from_dict(r) for r in data.get("sources") or []],
        people=[person_from_dict(r) for r in data.get("people") or []],
        items=[item_from_dict(r) for r in data.get("items") or []],
        briefings=[briefing_from_dict(r) for r in data.get("briefings") or []],
    )


def read_pack(path: str | os.PathLike) -> dict:
    """The JSON object of a pack file, read safely (see :mod:`briefing_app.exchange.safe_read`)."""
    return read_json_object(path)


# ---------------------------------------------------------------- writing


def write_content(
    target: Any,
    content: PackContent,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    label: str = "",
) -> ImportResult:
    """Upsert checked records as one undoable operation of ``target`` (a Library, or a
    store for scripts); identical records are not rewritten.

    ``progress(done, total)`` is called every few hundred records and at the end; when
    ``cancelled()`` returns true the transaction is rolled back and
    :class:`ImportCancelled` raised.
    """
    operation = ImportRecords(content, label=label, progress=progress, cancelled=cancelled)
    try:
        as_library(target).perform(operation, cancelled=cancelled)
    except ChangeCancelled as error:
        if isinstance(error, ImportCancelled):
            raise
        raise ImportCancelled() from error
    return operation.result


def import_pack(
    target: Any,
    pack: str | os.PathLike | dict,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    label: str = "",
) -> ImportResult:
    """Import a pack (a file path or an already loaded dict) into ``target`` (a Library,
    or a store), all or nothing, as one undoable operation.

    Raises :class:`PackError` (nothing written) when the file cannot be read or the pack
    has any problem, :class:`ImportCancelled` (nothing written) when cancelled. A file of
    more than ``pack_stream.STREAM_FROM_BYTES`` is read and written a batch at a time, in
    bounded memory (:mod:`briefing_app.exchange.pack_stream`).
    """
    library = as_library(target)
    if not isinstance(pack, dict) and _streamed(pack):
        from briefing_app.exchange.pack_stream import StreamedPack

        with collector_paused():  # reference counting frees each batch's objects
            return write_content(library, StreamedPack(pack), progress=progress,
                                 cancelled=cancelled, label=label)
    data = pack if isinstance(pack, dict) else read_pack(pack)
    content = parse_pack(data, library.store)
    return write_content(library, content, progress=progress, cancelled=cancelled,
                         label=label)


def _streamed(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a regular file big enough to be imported as a stream (see
    :mod:`briefing_app.exchange.pack_stream`); anything else is read whole, which also
    says what is wrong with a file that cannot be read."""
    from briefing_app.exchange.pack_stream import STREAM_FROM_BYTES

    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > STREAM_FROM_BYTES


# ---------------------------------------------------------------- export


def _compact(record: dict[str, Any], keep: Iterable[str] = ()) -> dict[str, Any]:
    """Drop empty optional values so a pack stays readable; ``keep`` keys always stay."""
    keep = set(keep)
    return {k: v for k, v in record.items() if k in keep or v not in ("", None, [], {})}


def source_to_dict(source: Source) -> dict[str, Any]:
    return _compact(
        {
            "id": source.id,
            "outlet": source.outlet,
            "title": source.title,
            "url": source.url,
            "published": source.published,
            "accessed": source.accessed,
            "notes": source.notes,
        },
        keep=("id", "outlet"),
    )


def person_to_dict(person: Person) -> dict[str, Any]:
    return _compact(
        {
            "id": person.id,
            "name": person.name,
            "role": person.role,
            "organization": person.organization,
            "country": person.country,
            "notes": person.notes,
        },
        keep=("id", "name"),
    )


def item_to_dict(item: Item) -> dict[str, Any]:
    return _compact(
        {
            "id": item.id,
            "kind": item.kind,
            "text": item.text,
            "title": item.title,
            "date": item.date,
            "end_date": item.end_date,
            "location": item.location,
            "speaker": item.speaker,
            "language": item.language,
            "translation": item.translation,
            "context": item.context,
            "source": item.source,
            "people": list(item.people),
            "tags": list(item.tags),
            "status": item.status,
            "marking": item.marking,
            "notes": item.notes,
        },
        keep=("id", "kind", "text", "status"),
    )


def _block_to_dict(block: Block) -> dict[str, Any]:
    if block.is_item:
        return _compact({"item": block.item, "note": block.note, "override": block.override})
    return {"text": block.text, "style": block.style}


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    meeting = briefing.meeting
    return _compact(
        {
            "id": briefing.id,
            "title": briefing.title,
            "subject": briefing.subject,
            "to": briefing.to,
            "from": briefing.from_,
            "through": briefing.through,
            "date": briefing.date,
            "meeting": _compact(
                {
                    "title": meeting.title,
                    "date": meeting.date,
                    "location": meeting.location,
                    "participants": list(meeting.participants),
                }
            ),
            "marking": briefing.marking,
            "template": briefing.template,
            "portion_marking": briefing.portion_marking,
            "note_style": briefing.note_style,
            "language": briefing.language,
            "page_size": briefing.page_size,
            "sections": [
                _compact(
                    {
                        "heading": section.heading,
                        "automatic": section.automatic,
                        "blocks": [_block_to_dict(b) for b in section.blocks],
                    },
                    keep=("heading", "blocks"),
                )
                for section in briefing.sections
            ],
        },
        keep=("id", "title", "sections", "portion_marking"),
    )


def pack_dict(
    fb: Any,
    *,
    items: Iterable[str] | None = None,
    briefings: Iterable[str] | None = None,
) -> dict[str, Any]:
    """A pack of the whole fact base, or of the chosen items and/or briefings plus every
    item, person and source they need. Records are sorted by id, so equal fact bases give
    byte-identical packs.

    A chosen id that does not exist raises ``KeyError("no item 'f-x'")``. A briefing block
    citing a deleted item is kept as it is (the store allows it, so undo can restore the
    item); importing such a pack reports the missing item.
    """
    everything = items is None and briefings is None
    if everything:
        chosen_briefings = [fb.get_briefing(s.id) for s in fb.list_briefings()]
        cited: set[str] = set()
        item_ids = set(fb.search_ids("", order="date", limit=None))
    else:
        chosen_briefings = [_existing(fb.get_briefing, "briefing", b) for b in briefings or ()]
        cited = {i for b in chosen_briefings for i in b.item_ids()}
        item_ids = set(items or ())
    found = {item.id: item for item in fb.get_items(sorted(item_ids | cited))}
    missing = item_ids - found.keys()
    if missing:
        raise KeyError(f"no item {sorted(missing)[0]!r}")
    chosen_items = [found[i] for i in sorted(found)]

    if everything:
        people = fb.list_people()
        sources = fb.list_sources()
    else:
        person_ids = {p for b in chosen_briefings for p in b.meeting.participants}
        source_ids: set[str] = set()
        for item in chosen_items:
            person_ids.update(item.people)
            person_ids.update([item.speaker] if item.speaker else [])
            source_ids.update([item.source] if item.source else [])
        people = [p for p in map(fb.get_person, person_ids) if p is not None]
        sources = [s for s in map(fb.get_source, source_ids) if s is not None]
    return {
        "format": FORMAT,
        "version": VERSION,
        "sources": [source_to_dict(s) for s in sorted(sources, key=lambda s: s.id)],
        "people": [person_to_dict(p) for p in sorted(people, key=lambda p: p.id)],
        "items": [item_to_dict(i) for i in chosen_items],
        "briefings": [briefing_to_dict(b) for b in sorted(chosen_briefings, key=lambda b: b.id)],
    }


def _existing(get: Callable[[str], Any], kind: str, record_id: str) -> Any:
    record = get(record_id)
    if record is None:
        raise KeyError(f"no {kind} {record_id!r}")
    return record


def pack_json(data: dict[str, Any]) -> str:
    """The canonical text of a pack: indent 2, UTF-8 characters kept, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_pack(
    fb: Any,
    path: str | os.PathLike,
    *,
    items: Iterable[str] | None = None,
    briefings: Iterable[str] | None = None,
) -> dict[str, int]:
    """Write a pack (see :func:`pack_dict`) atomically; returns the number of records of
    each kind written, e.g. ``{"sources": 4, "people": 3, "items": 17, "briefings": 1}``."""
    data = pack_dict(fb, items=items, briefings=briefings)
    with atomic_output(path) as stream:
        stream.write(pack_json(data).encode("utf-8"))
    return {key: len(data[key]) for key in ("sources", "people", "items", "briefings")}
