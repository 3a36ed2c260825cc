"""A big fact pack imported as it is read: a batch of records at a time, in bounded memory.

A pack larger than :data:`STREAM_FROM_BYTES` is not loaded whole (a million items are
760 MB of text and gigabytes as Python objects). :class:`StreamedPack` reads it with
:class:`~.json_stream.JsonObjectStream`, checks every record with the pack validator's own
checks as it comes, and hands the clean records to
:class:`~briefing_app.core.operations.imports.ImportRecords` a batch at a time, which
writes them in the import's one transaction. Import stays all or nothing: the whole file
is read and checked whatever it holds, and a pack with any problem raises
:class:`~.safe_read.PackError` at the end with the problems :func:`.pack_validate.validate_pack`
lists for it (in the same order for a pack whose sections come in the usual order:
sources, people, items, briefings), so the Library rolls back what was written.

A pack of :data:`~.pack_read_ahead.READ_AHEAD_FROM_BYTES` or more is read and checked by a
child process while this one writes (:mod:`.pack_read_ahead`).

A record that refers to one the file has not reached yet (a hand-made pack may list its
people last) waits in memory until the end; an exported pack has none.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from briefing_app.core.operations.imports import BATCH
from briefing_app.exchange import factpack, pack_read_ahead
from briefing_app.exchange.json_stream import JsonObjectStream
from briefing_app.exchange.pack_validate import (
    PERSON_FIELDS,
    SOURCE_FIELDS,
    TOP_FIELDS,
    _Validator,
    validate_pack,
)
from briefing_app.exchange.safe_read import (
    JsonObject,
    PackError,
    duplicate_key_problems,
)

STREAM_FROM_BYTES = 32 * 1024 * 1024
"""Packs larger than this are streamed; smaller ones are read whole (faster to check)."""
MAX_STREAM_BYTES = 4 * 1024 * 1024 * 1024
"""Largest pack imported: 4 GB, five million items. Memory does not grow with the file,
only the time does."""
SECTIONS = ("sources", "people", "items", "briefings")
_KINDS = {"sources": "source", "people": "person", "items": "item", "briefings": "briefing"}
_CONVERT: dict[str, Callable[[dict], Any]] = {
    "sources": factpack.source_from_dict,
    "people": factpack.person_from_dict,
    "items": factpack.item_from_dict,
    "briefings": factpack.briefing_from_dict,
}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


class StreamedPack:
    """The records of the pack file ``path``, read again each time :meth:`batches` runs
    (a redo): the file must not have changed in between."""

    def __init__(self, path: str | os.PathLike, *, max_bytes: int = MAX_STREAM_BYTES):
        self.path = Path(path)
        self._max_bytes = max_bytes
        self._version: tuple[int, int] | None = None
        self._estimate = 0

    def record_count(self) -> int:
        """The records read so far, or the estimate for the whole file while reading."""
        return self._estimate

    def _open(self):
        try:
            info = self.path.stat()
            if info.st_size > self._max_bytes:
                raise PackError(
                    f"{self.path}: the file is {_megabytes(info.st_size)}, more than the "
                    f"{_megabytes(self._max_bytes)} an import accepts"
                )
            version = (info.st_size, info.st_mtime_ns)
            if self._version is not None and version != self._version:
                raise PackError(f"{self.path}: the file changed since it was imported, "
                                "so the import cannot be done again")
            self._version = version
            return self.path.open("rb"), info.st_size
        except PermissionError:
            raise PackError(f"{self.path}: cannot read it (permission denied)") from None
        except FileNotFoundError:
            raise PackError(f"{self.path}: the file does not exist") from None
        except OSError as failure:
            raise PackError(f"{self.path}: cannot read it ({failure.strerror or failure})"
                            ) from None

    def batches(self, store: Any) -> Iterator[tuple[str, list]]:
        stream, size = self._open()
        with stream:
            if size < pack_read_ahead.READ_AHEAD_FROM_BYTES or not pack_read_ahead.possible():
                yield from self._read(stream, size, store)
                return
        yield from pack_read_ahead.read_ahead(self.path, self._max_bytes, store,
                                              self._counted)

    def read(self, store: Any) -> Iterator[tuple[str, list]]:
        """The batches, read and checked in this process (the read-ahead child's part)."""
        stream, size = self._open()
        with stream:
            yield from self._read(stream, size, store)

    def _counted(self, records: int) -> None:
        self._estimate = records

    def _read(self, stream: Any, size: int, store: Any) -> Iterator[tuple[str, list]]:
        reading = _Reading(self.path, store)
        json = JsonObjectStream(self.path, stream)
        marked = 0
        for member in json.members(SECTIONS):
            if len(member) == 2:
                reading.fields[member[0]] = member[1]
                continue
            repeats_a_key, marked = json.marked_objects > marked, json.marked_objects
            yield from reading.record(*member, repeats_a_key=repeats_a_key)
            if reading.read % BATCH == 0:
                self._estimate = max(reading.read, reading.read * size
                                     // max(json.bytes_read, 1))
        yield from reading.finish(json.top_level_repeats)
        self._estimate = reading.read


class _Reading:
    """One pass over a pack: checks, batches and the problems found."""

    def __init__(self, path: Path, store: Any):
        self.path = path
        self.store = store
        self.fields: dict[str, Any] = {}  # every top-level member but the record arrays
        self.check = _Validator()
        self.problems: dict[str, list[str]] = {section: [] for section in SECTIONS}
        self.repeated_keys: list[str] = []
        self.waiting: list[tuple[str, Any]] = []  # records with unresolved refs
        self.unresolved: list[tuple[str, str, str]] = []  # refs to check at the end
        self.batch: tuple[str, list] = ("", [])
        self.read = 0
        self._known: dict[tuple[str, str], bool] = {}

    @property
    def clean(self) -> bool:
        return not self.repeated_keys and not any(self.problems.values())

    def record(self, section: str, index: int, value: Any, *,
               repeats_a_key: bool = False) -> Iterator[tuple[str, list]]:
        self.read += 1
        place = f"{section}[{index}]"
        if repeats_a_key:
            self.repeated_keys += duplicate_key_problems(value, place)
        check, before = self.check, len(self.check.problems)
        refs_before = len(check.refs)
        if section == "items":
            check.item(place, value)
        elif section == "briefings":
            check.briefing(place, value)
        else:
            fields = SOURCE_FIELDS if section == "sources" else PERSON_FIELDS
            if check.record(place, value, fields) is not None:
                check.unique_id(_KINDS[section], value, place)
        if len(check.problems) > before:
            self.problems[section] += check.problems[before:]
            del check.problems[before:]
        refs = check.refs[refs_before:]
        del check.refs[refs_before:]
        if not self.clean:
            self.unresolved += refs  # only their problems matter now
            return
        record = _CONVERT[section](value)
        missing = [ref for ref in refs if not self._exists(ref[0], ref[1])]
        if missing:
            self.unresolved += missing
            self.waiting.append((section, record))
            return
        kind, records = self.batch
        if kind != section or len(records) >= BATCH:
            if records:
                yield kind, records
            self.batch = (section, [])
        self.batch[1].append(record)

    def _exists(self, kind: str, ref: str) -> bool:
        """In the pack so far (already written, or in the batch about to be) or in the
        fact base; the fact base's answers are kept (references repeat a lot)."""
        if ref in self.check.ids[kind]:
            return True
        key = (kind, ref)
        if key not in self._known:
            getter = {"person": self.store.get_person, "source": self.store.get_source,
                      "item": self.store.get_item}[kind]
            self._known[key] = getter(ref) is not None
        return self._known[key]

    def finish(self, repeated_top_level: list[str]) -> Iterator[tuple[str, list]]:
        kind, records = self.batch
        if records and self.clean:
            yield kind, records
        if repeated_top_level or self.repeated_keys:
            top = JsonObject()
            top.duplicate_keys = tuple(repeated_top_level)
            raise PackError([*duplicate_key_problems(top), *self.repeated_keys])
        header = {k: self.fields[k] for k in ("format", "version") if k in self.fields}
        header_problems = validate_pack(header)
        if header_problems:
            raise PackError(header_problems)
        problems = validate_pack({k: v for k, v in self.fields.items() if k not in SECTIONS})
        for section in SECTIONS:
            self.check.records(self.fields, section)  # a section that is not an array
            problems += self.check.problems
            self.check.problems = []
            problems += self.problems[section]
        self.check.refs = self.unresolved
        self.check.check_refs(self._exists)
        problems += self.check.problems
        if problems:
            raise PackError(problems)
        for section in SECTIONS:  # the records that waited, now that all are known
            records = [record for kind, record in self.waiting if kind == section]
            for start in range(0, len(records), BATCH):
                yield section, records[start : start + BATCH]


__all__ = ["MAX_STREAM_BYTES", "STREAM_FROM_BYTES", "StreamedPack", "TOP_FIELDS"]
