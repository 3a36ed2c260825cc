"""What the command line prints: the stable ``--json`` records and aligned text columns.

Kept apart from the argument parsing so the JSON shape lives in one place: scripts depend
on it, README documents it, and the tests pin the key lists below.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from typing import TextIO

from briefing_app.core.model import BriefingSummary, Catalog, Item
from briefing_app.document.text import one_line

ITEM_KEYS = (
    "id", "kind", "date", "title", "text", "tags", "people", "speaker", "source", "status",
    "marking",
)
BRIEFING_KEYS = ("id", "title", "date", "template", "meeting_date")

ELLIPSIS = "…"
COLUMN_GAP = "  "


class NameCache:
    """Person names and source outlets looked up once per command, not once per item."""

    def __init__(self, catalog: Catalog):
        self._catalog = catalog
        self._people: dict[str, str] = {}
        self._sources: dict[str, str] = {}

    def person(self, person_id: str | None) -> str | None:
        if not person_id:
            return None
        return self._lookup(self._people, person_id, self._catalog.get_person, "name")

    def source(self, source_id: str | None) -> str | None:
        if not source_id:
            return None
        return self._lookup(self._sources, source_id, self._catalog.get_source, "outlet")

    @staticmethod
    def _lookup(cache: dict[str, str], key: str, fetch: Callable, attr: str) -> str:
        if key not in cache:
            record = fetch(key)
            # A dangling reference still shows something a person can search for.
            cache[key] = getattr(record, attr) if record is not None else key
        return cache[key]


def item_record(item: Item, names: NameCache) -> dict:
    """One search result for ``--json``: references resolved to names people recognise."""
    return {
        "id": item.id,
        "kind": item.kind,
        "date": item.date,
        "title": item.title,
        "text": item.text,
        "tags": list(item.tags),
        "people": [names.person(pid) for pid in item.people],
        "speaker": names.person(item.speaker),
        "source": names.source(item.source),
        "status": item.status,
        "marking": item.marking,
    }


def briefing_record(summary: BriefingSummary) -> dict:
    return {
        "id": summary.id,
        "title": summary.title,
        "date": summary.date,
        "template": summary.template,
        "meeting_date": summary.meeting_date,
    }


def write_json(records: list[dict], stream: TextIO) -> None:
    import json  # here: only ``--json`` needs it, and every command imports this module

    json.dump(records, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def terminal_width(default: int = 100) -> int:
    return shutil.get_terminal_size((default, 24)).columns


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the cut marked with an ellipsis."""
    if width <= 0:
        return ""
    if len(text) <= width:
        return text
    return text[: width - 1] + ELLIPSIS


def format_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> list[str]:
    """Left-aligned columns; the last column gets what is left of ``width`` and is cut to it.

    Cells are folded to one line first, so a multi-line quote never breaks the grid.
    """
    cells = [[one_line(cell) for cell in row] for row in rows]
    table = [list(headers), *cells]
    fixed = [max(len(row[i]) for row in table) for i in range(len(headers) - 1)]
    used = sum(fixed) + len(COLUMN_GAP) * len(fixed)
    last_width = max(width - used, 10)
    lines = []
    for row in table:
        parts = [cell.ljust(fixed[i]) for i, cell in enumerate(row[:-1])]
        parts.append(truncate(row[-1], last_width))
        lines.append(COLUMN_GAP.join(parts).rstrip())
    return lines


def item_summary(item: Item) -> str:
    """The text column of a search result: the title, then the text."""
    text = one_line(item.text)
    title = one_line(item.title)
    return f"{title}: {text}" if title else text
