"""Importing items from a CSV file (a spreadsheet saved as CSV, UTF-8).

Staffers collect facts in spreadsheets; this brings them in with the same all-or-nothing
rules as fact packs: every problem is listed with its row (``row 4, date: "Sept 2025" is
not a date``) and nothing is written unless the whole file is clean.

The file:

- The first row is the header. Columns are named as the item fields of a fact pack:
  ``id, kind, text, title, date, end_date, location, speaker, language, translation,
  context, source, people, tags, status, marking, notes`` (case and surrounding spaces do
  not matter; ``end date`` works for ``end_date``). ``kind`` and ``text`` are required; any
  other column name is an error, so a misspelt column never loses a whole column of data.
- ``tags`` and ``people`` hold several values separated by ``;``.
- ``speaker`` and ``people`` name people by name and ``source`` names a source by its
  outlet; names not yet in the fact base become new people and sources.
- ``id`` is optional. A row with an id updates the item with that id (or creates it); a row
  without one always creates a new item with a random id, so importing the same id-less
  file twice gives every item twice. Keep an ``id`` column to re-import safely.
- Rows are numbered as in a spreadsheet: the header is row 1, so the first item is row 2.
  Blank rows are skipped. A value may span several lines inside double quotes. A UTF-8
  byte order mark (as Excel writes it) is fine.
"""

from __future__ import annotations

import csv
import io
import os
import uuid
from typing import Any

from briefing_app.core.library import as_library
from briefing_app.core.model import Person, Source
from briefing_app.exchange.factpack import (
    Cancelled,
    ImportResult,
    PackContent,
    Progress,
    item_from_dict,
    write_content,
)
from briefing_app.exchange.pack_validate import (
    ITEM_FIELDS,
    check_date,
    check_names,
    check_tags,
    check_text,
    end_date_problem,
    kind_field_problems,
    kind_only_message,
    quote_value,
    unknown_key_message,
)
from briefing_app.exchange.safe_read import PackError, read_text

COLUMNS = tuple(ITEM_FIELDS)
REQUIRED_COLUMNS = ("kind", "text")
LIST_SEPARATOR = ";"
_NAME_COLUMNS = ("speaker", "source", "people")


def import_csv(
    target: Any,
    path: str | os.PathLike,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    label: str = "",
) -> ImportResult:
    """Import the items of a CSV file into ``target`` (a Library, or a store), all or
    nothing, as one undoable operation.

    Raises :class:`PackError` (nothing written) listing every problem, or
    ``ImportCancelled`` (nothing written) when ``cancelled()`` turns true.
    """
    library = as_library(target)
    content = parse_csv(read_text(path), library.store)
    return write_content(library, content, progress=progress, cancelled=cancelled,
                         label=label)


def parse_csv(text: str, fb: Any) -> PackContent:
    """The items of CSV ``text`` plus the people and sources to create for them."""
    rows = _read_rows(text)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise PackError("row 1: the header row is missing (the first row names the columns)")
    columns = _read_header(rows[0])
    reader = _RowReader(fb, columns)
    for number, row in enumerate(rows[1:], start=2):
        reader.read(number, row)
    if reader.problems:
        raise PackError(reader.problems)
    return PackContent(
        sources=list(reader.new_sources.values()),
        people=list(reader.new_people.values()),
        items=reader.items,
    )


def _read_rows(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        raise PackError(f"row {len(rows) + 1}: not readable as CSV ({error})") from None
    return rows


def _normalize_column(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _read_header(header: list[str]) -> list[str]:
    problems: list[str] = []
    columns = [_normalize_column(name) for name in header]
    seen: set[str] = set()
    for index, (raw, name) in enumerate(zip(header, columns, strict=True), start=1):
        if not name:
            continue  # allowed while its cells are empty (trailing commas of spreadsheets)
        if name not in COLUMNS:
            message = unknown_key_message(name, COLUMNS, noun="column")
            problems.append(f"row 1, column {index}: {quote_value(raw)} is an {message}")
        elif name in seen:
            problems.append(f"row 1, column {index}: {quote_value(raw)} appears twice")
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.append(f"row 1: the required column {quote_value(name)} is missing")
    if problems:
        raise PackError(problems)
    return columns


class _RowReader:
    """Checks rows one by one, collecting problems, items and people/sources to create."""

    def __init__(self, fb: Any, columns: list[str]) -> None:
        self.fb = fb
        self.columns = columns
        self.problems: list[str] = []
        self.items: list = []
        self.ids: dict[str, int] = {}
        self.new_people: dict[str, Person] = {}
        self.new_sources: dict[str, Source] = {}
        self._person_ids: dict[str, str] = {}
        self._source_ids: dict[str, str] = {}

    def add(self, number: int, column: str | None, message: str) -> None:
        place = f"row {number}, {column}" if column else f"row {number}"
        self.problems.append(f"{place}: {message}")

    def read(self, number: int, row: list[str]) -> None:
        if not any(cell.strip() for cell in row):
            return
        extra = [cell for cell in row[len(self.columns) :] if cell.strip()]
        if extra:
            self.add(number, None,
                     f"{len(row)} values but the header names {len(self.columns)} columns")
            return
        problems_before = len(self.problems)
        record: dict[str, str] = {}
        for index, (column, cell) in enumerate(zip(self.columns, row, strict=False), start=1):
            if not cell.strip():
                continue
            if not column:
                self.add(number, f"column {index}", "a value in a column without a name")
                continue
            record[column] = cell.strip().replace("\r\n", "\n")
        self._check(number, record)
        if len(self.problems) > problems_before:
            return
        record["id"] = record.get("id") or str(uuid.uuid4())
        for key in ("tags", "people"):
            if key in record:
                record[key] = _split(record[key])
        if "people" in record:
            record["people"] = [self._person(name) for name in record["people"]]
        if "speaker" in record:
            record["speaker"] = self._person(record["speaker"])
        if "source" in record:
            record["source"] = self._source(record["source"])
        self.items.append(item_from_dict(record))

    def _check(self, number: int, record: dict[str, str]) -> None:
        for column in REQUIRED_COLUMNS:
            if column not in record:
                self.add(number, column, "must not be empty")
        for column, value in record.items():
            if column == "tags":
                problem = check_tags(_split(value))
            elif column == "people":
                problem = check_names(_split(value))
            elif column in _NAME_COLUMNS:
                # a person's name or a source's outlet: any text a file can hold will do
                problem = check_text(value)
            else:
                problem = ITEM_FIELDS[column].check(value)
            if problem is not None:
                self.add(number, column, problem)
        kind = record.get("kind")
        if ITEM_FIELDS["kind"].check(kind) is None:
            for column in kind_field_problems(kind, record):
                self.add(number, column, kind_only_message(column, kind))
        if check_date(record.get("date", "")) is None:
            problem = end_date_problem(record.get("date"), record.get("end_date"))
            if problem:
                self.add(number, "end_date", problem)
        item_id = record.get("id")
        if item_id:
            if item_id in self.ids:
                self.add(number, "id", f"{quote_value(item_id)} is used twice (first at row "
                                       f"{self.ids[item_id]})")
            else:
                self.ids[item_id] = number

    def _person(self, name: str) -> str:
        if name not in self._person_ids:
            found = self.fb.find_person_by_name(name)
            if found is None:
                found = Person(id=str(uuid.uuid4()), name=name)
                self.new_people[found.id] = found
            self._person_ids[name] = found.id
        return self._person_ids[name]

    def _source(self, outlet: str) -> str:
        if outlet not in self._source_ids:
            found = self.fb.find_source_by_outlet(outlet)
            if found is None:
                found = Source(id=str(uuid.uuid4()), outlet=outlet)
                self.new_sources[found.id] = found
            self._source_ids[outlet] = found.id
        return self._source_ids[outlet]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
