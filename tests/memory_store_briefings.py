"""Briefings of :class:`~memory_store.MemoryStore`: whole ones and the composer's edits.

The same rules as FactBase's ``briefings`` and ``briefing_edits``: positions stay
contiguous, every edit stamps the briefing's ``updated`` time and returns what its undo
needs, a removed section or block comes back with its old id while that id is free.
Each function runs inside the store's transaction.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, replace

from memory_store_tables import (
    BlockRow,
    RemovedBlock,
    SectionRow,
    Tables,
    in_order,
    next_id,
    nocase,
)

from briefing_app.core import dates
from briefing_app.core.errors import FactBaseError
from briefing_app.core.model import (
    AUTOMATIC_SECTIONS,
    BLOCK_STYLES,
    NOTE_STYLES,
    PAGE_SIZES,
    Block,
    Briefing,
    BriefingSummary,
    Section,
)

HEADER_FIELDS = ("title", "subject", "to", "from_", "through", "date", "meeting_title",
                 "meeting_date", "meeting_location", "marking", "template", "portion_marking",
                 "note_style", "language", "page_size", "participants")
BLOCK_FIELDS = ("text", "style", "note", "override")


@dataclass(frozen=True)
class RemovedSection:
    briefing_id: str
    position: int
    section: Section


# ---------------------------------------------------------------- checks


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"{value!r} is not {what} (use {', '.join(v for v in allowed if v)})")


def _check_participants(t: Tables, person_ids: list[str]) -> None:
    for person_id in dict.fromkeys(person_ids):
        if person_id not in t.people:
            raise FactBaseError(f"There is no person with the id {person_id!r}.")


def _refuse_unknown(changes: dict, fields: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(changes) - set(fields))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not {what}")


def _require(table: dict, key: object, what: str) -> object:
    if key not in table:
        raise FactBaseError(f"There is no {what} with the id {key!r}.")
    return table[key]


def _clamp(position: int, size: int) -> int:
    return max(0, min(int(position), size))


def _touch(t: Tables, briefing_id: str, now: str) -> None:
    t.briefings[briefing_id].updated = now


# ---------------------------------------------------------------- whole briefings


def save(t: Tables, briefing: Briefing, *, now: str) -> Briefing:
    """Write the briefing, replacing its participants, sections and blocks; sections and
    blocks it already had keep their ids, the others get fresh ones."""
    _check(briefing.note_style, NOTE_STYLES, "a note style")
    _check(briefing.page_size, PAGE_SIZES, "a page size")
    for section in briefing.sections:
        _check(section.automatic, ("", *AUTOMATIC_SECTIONS), "an automatic section")
        for block in section.blocks:
            _check(block.style, BLOCK_STYLES, "a block style")
    b = replace(briefing, id=briefing.id or str(uuid.uuid4()), date=dates.normalize(briefing.date),
                meeting=replace(briefing.meeting, date=dates.normalize(briefing.meeting.date),
                                participants=list(briefing.meeting.participants)))
    _check_participants(t, b.meeting.participants)
    old = t.briefings.get(b.id)
    created = old.created if old is not None and old.created else (b.created or now)
    kept_sections = set(t.section_ids(b.id))
    kept_blocks = {k for s in kept_sections for k in t.block_ids(s)}
    for section_id in kept_sections:
        t.drop_section(section_id)
    t.briefings[b.id] = replace(b, sections=[], meeting=replace(b.meeting, participants=[]),
                                created=created, updated=now)
    t.participants[b.id] = {}
    for position, person_id in enumerate(b.meeting.participants):
        t.participants[b.id].setdefault(person_id, position)
    sections = []
    for position, section in enumerate(b.sections):
        section_id = _keep(section.id, kept_sections, t.sections)
        t.sections[section_id] = SectionRow(b.id, position, section.heading, section.automatic)
        blocks = []
        for block_position, block in enumerate(section.blocks):
            stored = replace(block, item=block.item or None,
                             id=_keep(block.id, kept_blocks, t.blocks))
            t.blocks[stored.id] = BlockRow(section_id, block_position, copy.copy(stored))
            blocks.append(stored)
        sections.append(replace(section, id=section_id, blocks=blocks))
    return replace(b, sections=sections, created=created, updated=now)


def _keep(wanted: int | None, kept: set[int], table: dict[int, object]) -> int:
    """``wanted`` if the briefing had it (once), else an id no row has or keeps."""
    if wanted in kept:
        kept.discard(wanted)
        return wanted
    return max(next_id(table), max(kept, default=0) + 1)


def get(t: Tables, briefing_id: str) -> Briefing | None:
    header = t.briefings.get(briefing_id)
    if header is None:
        return None
    sections = [Section(heading=row.heading, automatic=row.automatic, id=section_id,
                        blocks=[copy.copy(t.blocks[k].block) for k in t.block_ids(section_id)])
                for section_id in t.section_ids(briefing_id)
                for row in [t.sections[section_id]]]
    meeting = replace(header.meeting, participants=in_order(t.participants[briefing_id]))
    return replace(header, meeting=meeting, sections=sections)


def _summary(b: Briefing) -> BriefingSummary:
    return BriefingSummary(b.id, b.title, b.date, b.template, b.meeting.date, b.updated)


def summaries(t: Tables) -> list[BriefingSummary]:
    """Most recently updated first, then by title."""
    by_title = sorted(t.briefings.values(), key=lambda b: (nocase(b.title), b.id))
    return [_summary(b) for b in sorted(by_title, key=lambda b: b.updated, reverse=True)]


def find(t: Tables, id_or_title: str) -> Briefing | None:
    if id_or_title in t.briefings:
        return get(t, id_or_title)
    titled = [b for b in t.briefings.values() if b.title == id_or_title]
    return get(t, max(titled, key=lambda b: b.updated).id) if titled else None


def using(t: Tables, item_ids: set[str]) -> list[BriefingSummary]:
    citing = {t.sections[row.section_id].briefing_id for row in t.blocks.values()
              if row.block.item in item_ids}
    return sorted((_summary(t.briefings[b]) for b in citing), key=lambda s: (s.title.lower(), s.id))


def duplicate(t: Tables, briefing_id: str, title: str, *, now: str) -> Briefing:
    original = _require_briefing(t, briefing_id)
    sections = [replace(s, id=None, blocks=[replace(b, id=None) for b in s.blocks])
                for s in original.sections]
    return save(t, replace(original, id=str(uuid.uuid4()), title=title, sections=sections,
                           created="", updated=""), now=now)


def remove(t: Tables, briefing_id: str) -> Briefing | None:
    found = get(t, briefing_id)
    t.drop_briefing(briefing_id)
    return found


def restore(t: Tables, briefing: Briefing, *, now: str) -> Briefing:
    """Write a removed briefing back with its id, timestamps and, where free, its old
    section and block ids."""
    stamp = briefing.updated or now
    header = save(t, replace(briefing, sections=[]), now=stamp)
    sections = [restore_section(t, RemovedSection(briefing.id, n, s), now=stamp)
                for n, s in enumerate(briefing.sections)]
    t.briefings[briefing.id].created = briefing.created or header.created
    return replace(briefing, sections=sections)


def _require_briefing(t: Tables, briefing_id: str) -> Briefing:
    found = get(t, briefing_id)
    if found is None:
        raise FactBaseError(f"There is no briefing with the id {briefing_id!r}.")
    return found


# ---------------------------------------------------------------- the memo header


def update_header(t: Tables, briefing_id: str, changes: dict[str, object], *,
                  now: str) -> dict[str, object]:
    _refuse_unknown(changes, HEADER_FIELDS, "a briefing header field")
    current = _require_briefing(t, briefing_id)
    old = {name: _header_value(current, name) for name in changes}
    header = t.briefings[briefing_id]
    for name, value in changes.items():
        if name == "participants":
            people = list(dict.fromkeys(value or []))
            _check_participants(t, people)
            t.participants[briefing_id] = {p: n for n, p in enumerate(people)}
            continue
        if name in ("date", "meeting_date"):
            value = dates.normalize(str(value))
        elif name == "note_style":
            _check(value, NOTE_STYLES, "a note style")
        elif name == "page_size":
            _check(value, PAGE_SIZES, "a page size")
        elif name == "portion_marking":
            value = bool(value)
        else:
            value = "" if value is None else str(value)
        if name.startswith("meeting_"):
            setattr(header.meeting, name.removeprefix("meeting_"), value)
        else:
            setattr(header, name, value)
    _touch(t, briefing_id, now)
    return old


def _header_value(briefing: Briefing, name: str) -> object:
    if name == "participants":
        return list(briefing.meeting.participants)
    if name.startswith("meeting_"):
        return getattr(briefing.meeting, name.removeprefix("meeting_"))
    return getattr(briefing, name)


# ---------------------------------------------------------------- sections


def add_section(t: Tables, briefing_id: str, position: int, heading: str, automatic: str = "",
                *, now: str, section_id: int | None = None) -> int:
    _require(t.briefings, briefing_id, "briefing")
    _check(automatic, ("", *AUTOMATIC_SECTIONS), "an automatic section")
    ids = t.section_ids(briefing_id)
    position = _clamp(position, len(ids))
    if section_id is None or section_id in t.sections:
        section_id = next_id(t.sections)
    t.sections[section_id] = SectionRow(briefing_id, position, heading, automatic)
    ids.insert(position, section_id)
    t.renumber(t.sections, ids)
    _touch(t, briefing_id, now)
    return section_id


def rename_section(t: Tables, section_id: int, heading: str, *, now: str) -> str:
    row = _require(t.sections, section_id, "section")
    old, row.heading = row.heading, heading
    _touch(t, row.briefing_id, now)
    return old


def move_section(t: Tables, section_id: int, position: int, *, now: str) -> int:
    row = _require(t.sections, section_id, "section")
    ids, old = t.section_ids(row.briefing_id), row.position
    new = _clamp(position, len(ids) - 1)
    if new != old:
        ids.remove(section_id)
        ids.insert(new, section_id)
        t.renumber(t.sections, ids)
        _touch(t, row.briefing_id, now)
    return old


def remove_section(t: Tables, section_id: int, *, now: str) -> RemovedSection:
    row = _require(t.sections, section_id, "section")
    blocks = [copy.copy(t.blocks[k].block) for k in t.block_ids(section_id)]
    removed = RemovedSection(row.briefing_id, row.position,
                             Section(row.heading, blocks, row.automatic, section_id))
    t.drop_section(section_id)
    t.renumber(t.sections, t.section_ids(row.briefing_id))
    _touch(t, row.briefing_id, now)
    return removed


def restore_section(t: Tables, removed: RemovedSection, *, now: str) -> Section:
    section = removed.section
    section_id = add_section(t, removed.briefing_id, removed.position, section.heading,
                             section.automatic, now=now, section_id=section.id)
    blocks = insert_blocks(t, section_id, 0, section.blocks, now=now)
    return replace(section, id=section_id, blocks=blocks)


# ---------------------------------------------------------------- blocks


def insert_blocks(t: Tables, section_id: int, position: int, blocks: list[Block], *,
                  now: str) -> list[Block]:
    row = _require(t.sections, section_id, "section")
    for block in blocks:
        _check(block.style, BLOCK_STYLES, "a block style")
    position = _clamp(position, len(t.block_ids(section_id)))
    stored = t.insert_block_rows(section_id, position, list(blocks))
    _touch(t, row.briefing_id, now)
    return stored


def move_block(t: Tables, block_id: int, section_id: int, position: int, *,
               now: str) -> tuple[int, int]:
    block = _require(t.blocks, block_id, "block")
    target = _require(t.sections, section_id, "section")
    briefing_id = t.sections[block.section_id].briefing_id
    if target.briefing_id != briefing_id:
        raise FactBaseError("A block can only move within its own briefing.")
    old = (block.section_id, block.position)
    source_ids = t.block_ids(block.section_id)
    source_ids.remove(block_id)
    t.renumber(t.blocks, source_ids)
    target_ids = source_ids if section_id == old[0] else t.block_ids(section_id)
    target_ids.insert(_clamp(position, len(target_ids)), block_id)
    block.section_id = section_id
    t.renumber(t.blocks, target_ids)
    _touch(t, briefing_id, now)
    return old


def update_block(t: Tables, block_id: int, changes: dict[str, str], *,
                 now: str) -> dict[str, str]:
    _refuse_unknown(changes, BLOCK_FIELDS, "a block field")
    if "style" in changes:
        _check(changes["style"], BLOCK_STYLES, "a block style")
    row = _require(t.blocks, block_id, "block")
    old = {name: getattr(row.block, name) for name in changes}
    for name, value in changes.items():
        setattr(row.block, name, str(value))
    if changes:
        _touch(t, t.sections[row.section_id].briefing_id, now)
    return old


def remove_blocks(t: Tables, block_ids: list[int], *, now: str) -> list[RemovedBlock]:
    for block_id in block_ids:
        _require(t.blocks, block_id, "block")
    removed = sorted((t.removed_block(k) for k in dict.fromkeys(block_ids)),
                     key=lambda entry: (entry.section_id, entry.position))
    for entry in removed:
        del t.blocks[entry.block.id]
    for section_id in {entry.section_id for entry in removed}:
        t.renumber(t.blocks, t.block_ids(section_id))
        _touch(t, t.sections[section_id].briefing_id, now)
    return removed


def restore_blocks(t: Tables, removed: list[RemovedBlock], *, now: str) -> list[Block]:
    restored = []
    for entry in sorted(removed, key=lambda e: (e.section_id, e.position)):
        restored += insert_blocks(t, entry.section_id, entry.position, [entry.block], now=now)
    return restored
