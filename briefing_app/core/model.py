"""The briefing model: fact-base records and briefings as plain dataclasses.

Pure Python and free of storage details, so the document builder, the fact-pack code, the
CLI and the UI all speak the same small vocabulary. Ids are text; references between
records (an item's source, a quote's speaker, a block's item) are ids, resolved through a
:class:`Catalog` when needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .vocab import (  # noqa: F401 - the model's vocabulary, declared in vocab
    AUTOMATIC_SECTIONS,
    BLOCK_STYLES,
    ITEM_KINDS,
    NOTE_STYLES,
    PAGE_SIZES,
    STATUSES,
)


@dataclass
class Person:
    id: str
    name: str
    role: str = ""
    organization: str = ""
    country: str = ""
    notes: str = ""


@dataclass
class Source:
    id: str
    outlet: str
    title: str = ""
    url: str = ""
    published: str = ""  # partial ISO date
    accessed: str = ""  # partial ISO date
    notes: str = ""


@dataclass
class Item:
    """A fact, quote or event. Kind-specific fields stay empty for the other kinds."""

    id: str
    kind: str
    text: str
    title: str = ""
    date: str = ""  # partial ISO date, see briefing_app.core.dates
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # person ids
    source: str | None = None  # source id
    status: str = "unverified"
    marking: str = ""  # portion marking code, e.g. "U"; empty = unmarked
    notes: str = ""
    created: str = ""  # ISO timestamps, set by the store
    updated: str = ""
    # quotes
    speaker: str | None = None  # person id
    language: str = ""  # e.g. "es"
    translation: str = ""
    context: str = ""
    # events
    end_date: str = ""
    location: str = ""


@dataclass
class Block:
    """One block of a section: either a reference to an item or free text.

    An item block may carry a per-briefing ``note`` (for the staffer, shown in the composer)
    and an ``override`` that replaces the item's text in this memo only.
    """

    item: str | None = None  # item id
    note: str = ""
    override: str = ""
    text: str = ""
    style: str = "paragraph"  # one of BLOCK_STYLES, for free-text blocks
    id: int | None = None  # row id in the store, None until saved

    @property
    def is_item(self) -> bool:
        return self.item is not None


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    automatic: str = ""  # "" or one of AUTOMATIC_SECTIONS: content generated at render time
    id: int | None = None


@dataclass
class Meeting:
    title: str = ""
    date: str = ""  # partial ISO date, may carry a time: 2026-02-03T11:00
    location: str = ""
    participants: list[str] = field(default_factory=list)  # person ids


@dataclass
class Briefing:
    id: str
    title: str
    subject: str = ""
    to: str = ""
    from_: str = ""
    through: str = ""
    date: str = ""  # memo date, partial ISO
    meeting: Meeting = field(default_factory=Meeting)
    marking: str = ""  # overall marking code chosen by the staffer
    template: str = "meeting-brief"
    portion_marking: bool = False
    note_style: str = "footnotes"  # one of NOTE_STYLES
    language: str = "en"  # memo language: headings and date formats
    page_size: str = "letter"  # one of PAGE_SIZES
    sections: list[Section] = field(default_factory=list)
    created: str = ""
    updated: str = ""

    def item_ids(self) -> list[str]:
        """Ids of the items the briefing cites, in memo order, without repeats."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for block in section.blocks:
                if block.item is not None:
                    seen.setdefault(block.item, None)
        return list(seen)


@dataclass
class BriefingSummary:
    id: str
    title: str
    date: str = ""
    template: str = ""
    meeting_date: str = ""
    updated: str = ""


class Catalog(Protocol):
    """What the document builder needs to resolve references. ``FactBase`` provides it;
    tests may pass a small in-memory one."""

    def get_item(self, item_id: str) -> Item | None: ...
    def get_person(self, person_id: str) -> Person | None: ...
    def get_source(self, source_id: str) -> Source | None: ...
