"""Fine-grained briefing edits: one small change per call, for the composer and its undo.

Saving the whole briefing on every keystroke would rewrite every section and block; these
functions change only what the staffer changed, so each edit is one short transaction and
a crash can lose at most the edit in progress. Each returns what undo needs to put things
back (old values, removed records). Positions inside a section and inside a briefing stay
contiguous (0, 1, 2, ...). Every function runs inside the caller's transaction and stamps
the briefing's ``updated`` time.

Ids are kept stable through undo: a removed section or block is restored with its old row
id when that id is still free, so commands further down the undo stack keep pointing at
the right rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing_app.core import dates
from briefing_app.core.ids import new_id
from briefing_app.core.model import Block, Briefing, Section
from briefing_app.core.vocab import AUTOMATIC_SECTIONS, BLOCK_STYLES, NOTE_STYLES, PAGE_SIZES

from . import blocks as block_rows
from . import briefings
from .blocks import PlacedBlock
from .errors import FactBaseError

# Briefing attribute -> column. ``participants`` is handled on its own (a separate table).
HEADER_COLUMNS = {
    "title": "title", "subject": "subject", "to": "memo_to", "from_": "memo_from",
    "through": "memo_through", "date": "date", "meeting_title": "meeting_title",
    "meeting_date": "meeting_date", "meeting_location": "meeting_location",
    "marking": "marking", "template": "template", "portion_marking": "portion_marking",
    "note_style": "note_style", "language": "language", "page_size": "page_size",
}
HEADER_FIELDS = (*HEADER_COLUMNS, "participants")
BLOCK_FIELDS = ("text", "style", "note", "override")


@dataclass(frozen=True)
class RemovedSection:
    """A section taken out of a briefing, with its blocks, for undo."""

    briefing_id: str
    position: int
    section: Section


# ---------------------------------------------------------------- helpers


def _touch(conn: sqlite3.Connection, briefing_id: str, now: str) -> None:
    conn.execute("UPDATE briefings SET updated = ? WHERE id = ?", (now, briefing_id))


def _require_briefing(conn: sqlite3.Connection, briefing_id: str) -> None:
    if conn.execute("SELECT 1 FROM briefings WHERE id = ?", (briefing_id,)).fetchone() is None:
        raise FactBaseError(f"There is no briefing with the id {briefing_id!r}.")


def _section_row(conn: sqlite3.Connection, section_id: int) -> sqlite3.Row:
    row = conn.execute(
        "SELECT id, briefing_id, position, heading, automatic FROM sections WHERE id = ?",
        (section_id,),
    ).fetchone()
    if row is None:
        raise FactBaseError(f"There is no section with the id {section_id!r}.")
    return row


def _block_row(conn: sqlite3.Connection, block_id: int) -> tuple[PlacedBlock, str]:
    """The block in its place, and the id of its briefing."""
    row = conn.execute(
        f"""SELECT {block_rows.SELECTED}, sections.briefing_id FROM blocks
        JOIN sections ON sections.id = blocks.section_id WHERE blocks.id = ?""",
        (block_id,),
    ).fetchone()
    if row is None:
        raise FactBaseError(f"There is no block with the id {block_id!r}.")
    return block_rows.placed(row), row["briefing_id"]


def _count(conn: sqlite3.Connection, sql: str, key: object) -> int:
    return conn.execute(sql, (key,)).fetchone()[0]


def _clamp(position: int, size: int) -> int:
    return max(0, min(int(position), size))


def _free_id(conn: sqlite3.Connection, table: str, wanted: int | None) -> int | None:
    """``wanted`` when no row of ``table`` has it, else ``None`` (SQLite picks one)."""
    if wanted is None:
        return None
    taken = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone()
    return None if taken else wanted


def _check_style(style: str) -> None:
    if style not in BLOCK_STYLES:
        raise ValueError(f"{style!r} is not a block style (use {', '.join(BLOCK_STYLES)})")


# ---------------------------------------------------------------- the memo header


def update_header(
    conn: sqlite3.Connection, briefing_id: str, changes: dict[str, object], *, now: str
) -> dict[str, object]:
    """Change header fields (names as on :class:`Briefing`, meeting ones prefixed
    ``meeting_``, plus ``participants``); returns their previous values."""
    unknown = sorted(set(changes) - set(HEADER_FIELDS))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a briefing header field")
    current = briefings.get(conn, briefing_id)
    if current is None:
        raise FactBaseError(f"There is no briefing with the id {briefing_id!r}.")
    old = {name: _header_value(current, name) for name in changes}
    values: dict[str, object] = {}
    for name, value in changes.items():
        if name == "participants":
            continue
        if name in ("date", "meeting_date"):
            value = dates.normalize(str(value))
        elif name == "note_style" and value not in NOTE_STYLES:
            raise ValueError(f"{value!r} is not a note style (use {', '.join(NOTE_STYLES)})")
        elif name == "page_size" and value not in PAGE_SIZES:
            raise ValueError(f"{value!r} is not a page size (use {', '.join(PAGE_SIZES)})")
        elif name == "portion_marking":
            value = int(bool(value))
        else:
            value = "" if value is None else str(value)
        values[HEADER_COLUMNS[name]] = value
    if values:
        assignments = ", ".join(f"{column} = ?" for column in values)
        conn.execute(f"UPDATE briefings SET {assignments} WHERE id = ?",
                     (*values.values(), briefing_id))
    if "participants" in changes:
        people = list(dict.fromkeys(changes["participants"] or []))
        briefings.check_participants(conn, people)
        conn.execute("DELETE FROM briefing_participants WHERE briefing_id = ?", (briefing_id,))
        conn.executemany(
            "INSERT INTO briefing_participants(briefing_id, position, person_id) VALUES (?, ?, ?)",
            ((briefing_id, n, p) for n, p in enumerate(people)),
        )
    _touch(conn, briefing_id, now)
    return old


def _header_value(briefing: Briefing, name: str) -> object:
    if name == "participants":
        return list(briefing.meeting.participants)
    if name.startswith("meeting_"):
        return getattr(briefing.meeting, name.removeprefix("meeting_"))
    return getattr(briefing, name)


# ---------------------------------------------------------------- sections


def add_section(
    conn: sqlite3.Connection, briefing_id: str, position: int, heading: str,
    automatic: str = "", *, now: str, section_id: int | None = None,
) -> int:
    """Insert an empty section at ``position`` (clamped); returns its id."""
    _require_briefing(conn, briefing_id)
    if automatic not in ("", *AUTOMATIC_SECTIONS):
        raise ValueError(f"{automatic!r} is not an automatic section "
                         f"(use {', '.join(AUTOMATIC_SECTIONS)})")
    size = _count(conn, "SELECT count(*) FROM sections WHERE briefing_id = ?", briefing_id)
    position = _clamp(position, size)
    conn.execute(
        "UPDATE sections SET position = position + 1 WHERE briefing_id = ? AND position >= ?",
        (briefing_id, position),
    )
    cursor = conn.execute(
        "INSERT INTO sections(id, briefing_id, position, heading, automatic) "
        "VALUES (?, ?, ?, ?, ?)",
        (_free_id(conn, "sections", section_id), briefing_id, position, heading, automatic),
    )
    _touch(conn, briefing_id, now)
    return cursor.lastrowid


def rename_section(conn: sqlite3.Connection, section_id: int, heading: str, *, now: str) -> str:
    """Set a section's heading; returns the old one."""
    row = _section_row(conn, section_id)
    conn.execute("UPDATE sections SET heading = ? WHERE id = ?", (heading, section_id))
    _touch(conn, row["briefing_id"], now)
    return row["heading"]


def move_section(conn: sqlite3.Connection, section_id: int, position: int, *, now: str) -> int:
    """Move a section to ``position`` (its index after the move); returns the old one."""
    row = _section_row(conn, section_id)
    briefing_id, old = row["briefing_id"], row["position"]
    size = _count(conn, "SELECT count(*) FROM sections WHERE briefing_id = ?", briefing_id)
    new = _clamp(position, size - 1)
    if new != old:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM sections WHERE briefing_id = ? ORDER BY position", (briefing_id,))]
        ids.remove(section_id)
        ids.insert(new, section_id)
        _renumber(conn, "sections", ids)
        _touch(conn, briefing_id, now)
    return old


def remove_section(conn: sqlite3.Connection, section_id: int, *, now: str) -> RemovedSection:
    """Delete a section and its blocks; returns them for :func:`restore_section`."""
    row = _section_row(conn, section_id)
    blocks = [block_rows.placed(r).block for r in conn.execute(
        f"SELECT {block_rows.SELECTED} FROM blocks WHERE section_id = ? ORDER BY position",
        (section_id,))]
    section = Section(heading=row["heading"], blocks=blocks, automatic=row["automatic"],
                      id=section_id)
    conn.execute("DELETE FROM sections WHERE id = ?", (section_id,))
    conn.execute(
        "UPDATE sections SET position = position - 1 WHERE briefing_id = ? AND position > ?",
        (row["briefing_id"], row["position"]),
    )
    _touch(conn, row["briefing_id"], now)
    return RemovedSection(row["briefing_id"], row["position"], section)


def restore_section(conn: sqlite3.Connection, removed: RemovedSection, *, now: str) -> Section:
    """Put a removed section back where it was, with its blocks (old ids when free)."""
    section = removed.section
    section_id = add_section(conn, removed.briefing_id, removed.position, section.heading,
                             section.automatic, now=now, section_id=section.id)
    blocks = insert_blocks(conn, section_id, 0, section.blocks, now=now)
    return replace(section, id=section_id, blocks=blocks)


def _renumber(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                     ((n, row_id) for n, row_id in enumerate(ids)))


# ---------------------------------------------------------------- blocks


def insert_blocks(
    conn: sqlite3.Connection, section_id: int, position: int, blocks: Iterable[Block], *,
    now: str,
) -> list[Block]:
    """Insert blocks at ``position`` (clamped) in a section; returns them with their ids.

    A block that carries an id gets it back when no other block has taken it (undo)."""
    row = _section_row(conn, section_id)
    new = list(blocks)
    for block in new:
        _check_style(block.style)
    size = _count(conn, "SELECT count(*) FROM blocks WHERE section_id = ?", section_id)
    position = _clamp(position, size)
    conn.execute(
        "UPDATE blocks SET position = position + ? WHERE section_id = ? AND position >= ?",
        (len(new), section_id, position),
    )
    stored = [
        block_rows.insert(conn, section_id, position + offset, block,
                          block_id=_free_id(conn, "blocks", block.id))
        for offset, block in enumerate(new)
    ]
    _touch(conn, row["briefing_id"], now)
    return stored


def move_block(
    conn: sqlite3.Connection, block_id: int, section_id: int, position: int, *, now: str
) -> tuple[int, int]:
    """Move a block to ``position`` (its index after the move) in ``section_id``, which
    may be another section of the same briefing; returns its old (section id, position)."""
    block, briefing_id = _block_row(conn, block_id)
    target = _section_row(conn, section_id)
    if target["briefing_id"] != briefing_id:
        raise FactBaseError("A block can only move within its own briefing.")
    old = (block.section_id, block.position)
    source_ids = [r[0] for r in conn.execute(
        "SELECT id FROM blocks WHERE section_id = ? ORDER BY position", (old[0],))]
    source_ids.remove(block_id)
    if section_id == old[0]:
        target_ids = source_ids
    else:
        _renumber(conn, "blocks", source_ids)
        target_ids = [r[0] for r in conn.execute(
            "SELECT id FROM blocks WHERE section_id = ? ORDER BY position", (section_id,))]
    target_ids.insert(_clamp(position, len(target_ids)), block_id)
    conn.execute("UPDATE blocks SET section_id = ? WHERE id = ?", (section_id, block_id))
    _renumber(conn, "blocks", target_ids)
    _touch(conn, briefing_id, now)
    return old


def update_block(
    conn: sqlite3.Connection, block_id: int, changes: dict[str, str], *, now: str
) -> dict[str, str]:
    """Change a block's ``text``, ``style``, ``note`` or ``override``; returns old values."""
    unknown = sorted(set(changes) - set(BLOCK_FIELDS))
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a block field")
    if "style" in changes:
        _check_style(changes["style"])
    placed, briefing_id = _block_row(conn, block_id)
    old = {name: getattr(placed.block, name) for name in changes}
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        conn.execute(f"UPDATE blocks SET {assignments} WHERE id = ?",
                     (*(str(v) for v in changes.values()), block_id))
        _touch(conn, briefing_id, now)
    return old


def remove_blocks(
    conn: sqlite3.Connection, block_ids: Iterable[int], *, now: str
) -> list[PlacedBlock]:
    """Delete blocks; returns them (section, position before removal) in an order that
    :func:`restore_blocks` replays correctly."""
    found = [_block_row(conn, block_id) for block_id in dict.fromkeys(block_ids)]
    removed = sorted((placed for placed, _ in found),
                     key=lambda entry: (entry.section_id, entry.position))
    touched = {briefing_id for _, briefing_id in found}
    sections = {entry.section_id for entry in removed}
    conn.executemany("DELETE FROM blocks WHERE id = ?", ((p.block.id,) for p in removed))
    for section_id in sections:
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM blocks WHERE section_id = ? ORDER BY position", (section_id,))]
        _renumber(conn, "blocks", ids)
    for briefing_id in touched:
        _touch(conn, briefing_id, now)
    return removed


def restore_blocks(
    conn: sqlite3.Connection, removed: Sequence[PlacedBlock], *, now: str
) -> list[Block]:
    """Put removed blocks back at their old positions (ascending, so each lands right)."""
    restored = []
    for entry in sorted(removed, key=lambda e: (e.section_id, e.position)):
        restored += insert_blocks(conn, entry.section_id, entry.position, [entry.block], now=now)
    return restored


# ---------------------------------------------------------------- whole briefings


def duplicate_briefing(
    conn: sqlite3.Connection, briefing_id: str, title: str, *, now: str
) -> Briefing:
    """A copy of the briefing under a new id and ``title``, with fresh section/block ids."""
    original = briefings.get(conn, briefing_id)
    if original is None:
        raise FactBaseError(f"There is no briefing with the id {briefing_id!r}.")
    sections = [
        replace(s, id=None, blocks=[replace(b, id=None) for b in s.blocks])
        for s in original.sections
    ]
    copy = replace(original, id=new_id(), title=title, sections=sections,
                   created="", updated="")
    return briefings.save(conn, copy, now=now)


def remove_briefing(conn: sqlite3.Connection, briefing_id: str) -> Briefing | None:
    """Delete a briefing; returns it whole for :func:`restore_briefing` (None if absent)."""
    found = briefings.get(conn, briefing_id)
    if found is not None:
        briefings.delete(conn, briefing_id)
    return found


def restore_briefing(conn: sqlite3.Connection, briefing: Briefing, *, now: str) -> Briefing:
    """Write a removed briefing back with its id, timestamps and, where free, its old
    section and block ids."""
    stamp = briefing.updated or now
    header = briefings.save(conn, replace(briefing, sections=[]), now=stamp)
    sections = []
    for position, section in enumerate(briefing.sections):
        sections.append(restore_section(
            conn, RemovedSection(briefing.id, position, section), now=stamp))
    conn.execute("UPDATE briefings SET created = ?, updated = ? WHERE id = ?",
                 (briefing.created or header.created, briefing.updated or header.updated,
                  briefing.id))
    return replace(briefing, sections=sections)
