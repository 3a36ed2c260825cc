"""Checking a fact pack before anything is written: every problem, each with its place.

Import is all-or-nothing, so the whole pack is walked once and every problem is collected
(``items[3].date: "Sept 2025" is not a date``, ``items[7].speaker: no person "p-x"``).
Unknown keys are errors at every level because a typo must never silently lose data.

Rules beyond the sketch of the format: ``format`` and ``version`` are required; the four
lists are optional (a pack of only items is fine); ``null`` counts as absent for an
optional key; the kind-specific fields of an item (``speaker``, ``language``,
``translation``, ``context`` for quotes; ``end_date``, ``location`` for events) are errors on
items of another kind; an automatic section may leave out ``blocks``; tags (ignoring case)
and people may not repeat within one item.

The value checks are shared with the CSV import, which words its places differently
(``row 4, date: ...``).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from briefing_app.core import dates
from briefing_app.core.model import (
    AUTOMATIC_SECTIONS,
    BLOCK_STYLES,
    ITEM_KINDS,
    NOTE_STYLES,
    PAGE_SIZES,
    STATUSES,
)
from briefing_app.core.tags import fold_tag
from briefing_app.core.text_check import invalid_character, shorten, without_invalid_characters
from briefing_app.exchange.safe_read import describe_type, printable_key

FORMAT = "briefing-factpack"
VERSION = 1
LANGUAGES = ("en", "es")
QUOTE_ONLY = ("speaker", "language", "translation", "context")
EVENT_ONLY = ("end_date", "location")


# ---------------------------------------------------------------- value checks
# Each check returns None for a good value or a message without its place, so the pack
# reader (``items[3].date: ...``) and the CSV reader (``row 4, date: ...``) share them.

Check = Callable[[object], "str | None"]


def check_text(value: object) -> str | None:
    if not isinstance(value, str):
        return f"expected text, found {describe_type(value)}"
    if value.isascii():  # the common case, and no ASCII character is invalid
        return None
    return invalid_character(value)


def check_required_text(value: object) -> str | None:
    problem = check_text(value)
    if problem is None and not value.strip():
        return "must not be empty"
    return problem


def check_id(value: object) -> str | None:
    if isinstance(value, str) and value.isascii() and value and value == value.strip():
        return None  # the common case, met half a million times by a large import
    problem = check_required_text(value)
    if problem is None and value != value.strip():
        return f"{quote_value(value)} starts or ends with a space"
    return problem


def check_date(value: object) -> str | None:
    problem = check_text(value)
    if problem is not None:
        return problem
    try:
        dates.normalize(value)
    except dates.DateError as error:
        detail = str(error).removeprefix(repr(value))
        return f"{quote_value(value)}{detail}"
    return None


def check_bool(value: object) -> str | None:
    if not isinstance(value, bool):
        return f"expected true or false, found {describe_type(value)}"
    return None


def check_choice(options: tuple[str, ...], what: str) -> Check:
    def check(value: object) -> str | None:
        problem = check_text(value)
        if problem is None and value not in options:
            return f"{quote_value(value)} is not {what} (use {_or_list(options)})"
        return problem

    return check


def check_names(value: object, *, fold_case: bool = False) -> str | None:
    """A list of distinct non-empty strings (person ids; tags with ``fold_case``)."""
    if not isinstance(value, list):
        return f"expected an array of names, found {describe_type(value)}"
    seen: set[str] = set()
    for index, entry in enumerate(value):
        problem = check_id(entry)
        if problem is not None:
            return f"entry {index}: {problem}"
        key = fold_tag(entry) if fold_case else entry
        if key in seen:
            return f"{quote_value(entry)} appears twice"
        seen.add(key)
    return None


def check_tags(value: object) -> str | None:
    return check_names(value, fold_case=True)


def check_list(value: object) -> str | None:
    if not isinstance(value, list):
        return f"expected an array [...], found {describe_type(value)}"
    return None


def check_object(value: object) -> str | None:
    if not isinstance(value, dict):
        return f"expected an object {{...}}, found {describe_type(value)}"
    return None


def quote_value(value: object) -> str:
    """A value as a message quotes it: JSON, at most about 80 characters, printable."""
    text = json.dumps(shorten(value) if isinstance(value, str) else value, ensure_ascii=False)
    return without_invalid_characters(text if isinstance(value, str) else shorten(text))


def _or_list(options: Iterable[str]) -> str:
    options = list(options)
    return ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]


# ---------------------------------------------------------------- the schema


@dataclass(frozen=True)
class _Field:
    check: Check
    required: bool = False
    ref: str = ""  # "person", "source" or "item": the id (or ids) must exist


_ID = _Field(check_id, required=True)

SOURCE_FIELDS = {
    "id": _ID,
    "outlet": _Field(check_required_text, required=True),
    "title": _Field(check_text),
    "url": _Field(check_text),
    "published": _Field(check_date),
    "accessed": _Field(check_date),
    "notes": _Field(check_text),
}
PERSON_FIELDS = {
    "id": _ID,
    "name": _Field(check_required_text, required=True),
    "role": _Field(check_text),
    "organization": _Field(check_text),
    "country": _Field(check_text),
    "notes": _Field(check_text),
}
ITEM_FIELDS = {
    "id": _ID,
    "kind": _Field(check_choice(ITEM_KINDS, "a kind"), required=True),
    "text": _Field(check_required_text, required=True),
    "title": _Field(check_text),
    "date": _Field(check_date),
    "end_date": _Field(check_date),
    "location": _Field(check_text),
    "speaker": _Field(check_id, ref="person"),
    "language": _Field(check_text),
    "translation": _Field(check_text),
    "context": _Field(check_text),
    "source": _Field(check_id, ref="source"),
    "people": _Field(check_names, ref="person"),
    "tags": _Field(check_tags),
    "status": _Field(check_choice(STATUSES, "a status")),
    "marking": _Field(check_text),
    "notes": _Field(check_text),
}
MEETING_FIELDS = {
    "title": _Field(check_text),
    "date": _Field(check_date),
    "location": _Field(check_text),
    "participants": _Field(check_names, ref="person"),
}
BRIEFING_FIELDS = {
    "id": _ID,
    "title": _Field(check_required_text, required=True),
    "subject": _Field(check_text),
    "to": _Field(check_text),
    "from": _Field(check_text),
    "through": _Field(check_text),
    "date": _Field(check_date),
    "meeting": _Field(check_object),
    "marking": _Field(check_text),
    "template": _Field(check_required_text),
    "portion_marking": _Field(check_bool),
    "note_style": _Field(check_choice(NOTE_STYLES, "a note style")),
    "language": _Field(check_choice(LANGUAGES, "a memo language")),
    "page_size": _Field(check_choice(PAGE_SIZES, "a page size")),
    "sections": _Field(check_list, required=True),
}
SECTION_FIELDS = {
    "heading": _Field(check_required_text, required=True),
    "automatic": _Field(check_choice(AUTOMATIC_SECTIONS, "an automatic section")),
    "blocks": _Field(check_list),  # required unless automatic, checked by hand
}
ITEM_BLOCK_FIELDS = {
    "item": _Field(check_id, required=True, ref="item"),
    "note": _Field(check_text),
    "override": _Field(check_text),
}
TEXT_BLOCK_FIELDS = {
    "text": _Field(check_required_text, required=True),
    "style": _Field(check_choice(BLOCK_STYLES, "a block style")),
}
TOP_FIELDS = ("format", "version", "sources", "people", "items", "briefings")


# ---------------------------------------------------------------- validation


_SECTION_OF = {"source": "sources", "person": "people", "item": "items",
               "briefing": "briefings"}


def _compact_place(kind: str, place: str) -> str | int:
    """``items[12]`` -> 12 for a record of its own section; any other place as it is."""
    section = _SECTION_OF[kind]
    if place.startswith(section) and place[len(section):len(section) + 1] == "[" \
            and place.endswith("]") and place[len(section) + 1:-1].isdigit():
        return int(place[len(section) + 1:-1])
    return place


class _Validator:
    """Walks a whole pack once, collecting every problem and every id reference."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        # kind -> {id: place of its first definition, as its index in its section when
        # it is one: a million ids keep 34 MB less than their places as text}
        self.ids: dict[str, dict[str, str | int]] = {
            "source": {}, "person": {}, "item": {}, "briefing": {}
        }
        self.refs: list[tuple[str, str, str]] = []  # (kind, id, place)

    def add(self, place: str, message: str) -> None:
        self.problems.append(f"{place}: {message}")

    def record(self, place: str, value: object, fields: dict[str, _Field]) -> dict | None:
        """Check one object against its fields; None when it is not an object at all."""
        if not isinstance(value, dict):
            self.add(place, f"expected an object {{...}}, found {describe_type(value)}")
            return None
        for key in value:
            if key not in fields:
                self.add(f"{place}.{printable_key(key)}", unknown_key_message(key, fields))
        for key, spec in fields.items():
            if key not in value:
                if spec.required:
                    self.add(f"{place}.{key}", "required but missing")
                continue
            entry = value[key]
            if entry is None and not spec.required:
                continue
            problem = spec.check(entry)
            if problem is not None:
                self.add(f"{place}.{key}", problem)
            elif spec.ref:
                if isinstance(entry, list):
                    for index, ref in enumerate(entry):
                        self.refs.append((spec.ref, ref, f"{place}.{key}[{index}]"))
                else:
                    self.refs.append((spec.ref, entry, f"{place}.{key}"))
        return value

    def unique_id(self, kind: str, record: dict, place: str) -> None:
        record_id, seen = record.get("id"), self.ids[kind]
        if check_id(record_id) is not None:
            return
        if record_id in seen:
            first = seen[record_id]
            if isinstance(first, int):
                first = f"{_SECTION_OF[kind]}[{first}]"
            self.add(f"{place}.id",
                     f"{quote_value(record_id)} is used twice (first at {first})")
        else:
            seen[record_id] = _compact_place(kind, place)

    def records(self, data: dict, key: str) -> list[tuple[str, object]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(key, f"expected an array [...], found {describe_type(value)}")
            return []
        return [(f"{key}[{index}]", entry) for index, entry in enumerate(value)]

    def item(self, place: str, value: object) -> None:
        record = self.record(place, value, ITEM_FIELDS)
        if record is None:
            return
        self.unique_id("item", record, place)
        kind = record.get("kind")
        if kind in ITEM_KINDS:
            for key in kind_field_problems(kind, record):
                self.add(f"{place}.{key}", kind_only_message(key, kind))
        problem = end_date_problem(record.get("date"), record.get("end_date"))
        if problem:
            self.add(f"{place}.end_date", problem)

    def briefing(self, place: str, value: object) -> None:
        record = self.record(place, value, BRIEFING_FIELDS)
        if record is None:
            return
        self.unique_id("briefing", record, place)
        if isinstance(record.get("meeting"), dict):
            self.record(f"{place}.meeting", record["meeting"], MEETING_FIELDS)
        sections = record.get("sections")
        if not isinstance(sections, list):
            return
        for index, section in enumerate(sections):
            self.section(f"{place}.sections[{index}]", section)

    def section(self, place: str, value: object) -> None:
        record = self.record(place, value, SECTION_FIELDS)
        if record is None:
            return
        if "blocks" not in record and not record.get("automatic"):
            self.add(f"{place}.blocks", "required but missing")
        blocks = record.get("blocks")
        if not isinstance(blocks, list):
            return
        for index, block in enumerate(blocks):
            self.block(f"{place}.blocks[{index}]", block)

    def block(self, place: str, value: object) -> None:
        is_item = isinstance(value, dict) and "item" in value
        is_text = isinstance(value, dict) and "text" in value
        if is_item and is_text:
            self.add(place, 'a block has either "item" (an item id) or "text", not both')
        elif isinstance(value, dict) and not (is_item or is_text):
            self.add(place, 'a block needs "item" (an item id) or "text"')
        else:
            self.record(place, value, ITEM_BLOCK_FIELDS if is_item else TEXT_BLOCK_FIELDS)

    def check_refs(self, exists: Callable[[str, str], bool]) -> None:
        for kind, ref, place in self.refs:
            if ref not in self.ids[kind] and not exists(kind, ref):
                self.add(place, f"no {kind} {quote_value(ref)}")


def unknown_key_message(key: str, fields: Iterable[str], noun: str = "key") -> str:
    """``unknown key; did you mean "speaker"?`` or the list of known names."""
    close = difflib.get_close_matches(key, list(fields), n=1)
    if close:
        return f"unknown {noun}; did you mean {quote_value(close[0])}?"
    return f"unknown {noun} (known {noun}s: {', '.join(fields)})"


def kind_field_problems(kind: str, record: dict[str, Any]) -> list[str]:
    """The kind-specific keys that hold a value on an item of another kind."""
    other = [*(QUOTE_ONLY if kind != "quote" else ()), *(EVENT_ONLY if kind != "event" else ())]
    return [key for key in other if record.get(key) not in (None, "")]


def kind_only_message(key: str, kind: str) -> str:
    owner = "a quote" if key in QUOTE_ONLY else "an event"
    name = key.replace("_", " ")
    article = "an" if name[0] in "aeiou" else "a"
    return f"only {owner} has {article} {name} (this item is a {kind})"


def end_date_problem(start: object, end: object) -> str | None:
    """An end date before the start date, compared at the precision of the end date."""
    if not (isinstance(start, str) and isinstance(end, str) and start and end):
        return None
    try:
        start_iso, end_iso = dates.normalize(start), dates.normalize(end)
    except dates.DateError:
        return None  # reported by the date check itself
    if end_iso < start_iso[: len(end_iso)]:
        return f"{quote_value(end)} is before the date {quote_value(start)}"
    return None


def _lookup_in(fb: Any) -> Callable[[str, str], bool]:
    if fb is None:
        return lambda kind, ref: False
    getters = {"person": fb.get_person, "source": fb.get_source, "item": fb.get_item}
    cache: dict[tuple[str, str], bool] = {}

    def exists(kind: str, ref: str) -> bool:
        key = (kind, ref)
        if key not in cache:
            cache[key] = getters[kind](ref) is not None
        return cache[key]

    return exists


def _check_header(data: dict, problems: list[str]) -> bool:
    """Format and version first: a file that is not a v1 pack gets one message, not 10,000."""
    if "format" not in data:
        problems.append(f'format: required but missing (a fact pack has "format": "{FORMAT}")')
        return False
    if data["format"] != FORMAT:
        found = quote_value(data["format"])
        problems.append(f"format: expected {quote_value(FORMAT)}, found {found}")
        return False
    version = data.get("version")
    if "version" not in data:
        problems.append(f"version: required but missing (use {VERSION})")
        return False
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append(f"version: expected the number {VERSION}, found {describe_type(version)}")
        return False
    if version != VERSION:
        problems.append(
            f"version: {version} is not supported (this Briefing Builder reads version {VERSION})"
        )
        return False
    return True


def validate_pack(data: object, fb: Any = None) -> list[str]:
    """Every problem of a pack, each starting with its place; ``[]`` when it can be imported.

    References may point into the pack or, when ``fb`` is given, at records already in that
    fact base.
    """
    if not isinstance(data, dict):
        return [f"pack: expected a JSON object {{...}}, found {describe_type(data)}"]
    problems: list[str] = []
    if not _check_header(data, problems):
        return problems
    check = _Validator()
    for key in data:
        if key not in TOP_FIELDS:
            check.add(printable_key(key), unknown_key_message(key, TOP_FIELDS))
    for place, value in check.records(data, "sources"):
        record = check.record(place, value, SOURCE_FIELDS)
        if record is not None:
            check.unique_id("source", record, place)
    for place, value in check.records(data, "people"):
        record = check.record(place, value, PERSON_FIELDS)
        if record is not None:
            check.unique_id("person", record, place)
    for place, value in check.records(data, "items"):
        check.item(place, value)
    for place, value in check.records(data, "briefings"):
        check.briefing(place, value)
    check.check_refs(_lookup_in(fb))
    return check.problems
