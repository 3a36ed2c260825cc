"""Briefings with their meeting, participants, sections and blocks."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from briefing_app.core import dates
from briefing_app.core.ids import new_id
from briefing_app.core.model import (
    AUTOMATIC_SECTIONS,
    BLOCK_STYLES,
    NOTE_STYLES,
    PAGE_SIZES,
    Briefing,
    BriefingSummary,
    Meeting,
    Section,
)

from . import blocks as block_rows
from .errors import FactBaseError
from .items import chunks, marks

_COLUMNS = (
    "id", "title", "subject", "memo_to", "memo_from", "memo_through", "date",
    "meeting_title", "meeting_date", "meeting_location", "marking", "template",
    "portion_marking", "note_style", "language", "page_size", "created", "updated",
)
_UPSERT = (
    f"INSERT INTO briefings({', '.join(_COLUMNS)}) VALUES ({marks(len(_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c not in ("id", "created"))
)
_SUMMARY = "SELECT id, title, date, template, meeting_date, updated FROM briefings"


def _validate(briefing: Briefing) -> Briefing:
    if briefing.note_style not in NOTE_STYLES:
        raise ValueError(
            f"{briefing.note_style!r} is not a note style (use {', '.join(NOTE_STYLES)})"
        )
    if briefing.page_size not in PAGE_SIZES:
        raise ValueError(
            f"{briefing.page_size!r} is not a page size (use {', '.join(PAGE_SIZES)})"
        )
    for section in briefing.sections:
        if section.automatic not in ("", *AUTOMATIC_SECTIONS):
            raise ValueError(
                f"{section.automatic!r} is not an automatic section "
                f"(use {', '.join(AUTOMATIC_SECTIONS)})"
            )
        for block in section.blocks:
            if block.style not in BLOCK_STYLES:
                raise ValueError(
                    f"{block.style!r} is not a block style (use {', '.join(BLOCK_STYLES)})"
                )
    meeting = replace(briefing.meeting, date=dates.normalize(briefing.meeting.date))
    return replace(
        briefing,
        id=briefing.id or new_id(),
        date=dates.normalize(briefing.date),
        meeting=meeting,
    )


def check_participants(conn: sqlite3.Connection, person_ids: Sequence[str]) -> None:
    """Raise :class:`FactBaseError` naming the first of these people that does not exist."""
    wanted = list(dict.fromkeys(person_ids))
    found: set[str] = set()
    for part in chunks(wanted):
        rows = conn.execute(f"SELECT id FROM people WHERE id IN ({marks(len(part))})", part)
        found.update(r[0] for r in rows)
    for person_id in wanted:
        if person_id not in found:
            raise FactBaseError(f"There is no person with the id {person_id!r}.")


def save(conn: sqlite3.Connection, briefing: Briefing, *, now: str) -> Briefing:
    """Write the briefing and replace its participants, sections and blocks.

    Section and block ids the briefing already had are kept; new ones get fresh ids. Runs
    inside the caller's transaction.
    """
    b = _validate(briefing)
    check_participants(conn, b.meeting.participants)
    row = conn.execute("SELECT created FROM briefings WHERE id = ?", (b.id,)).fetchone()
    created = row[0] if row and row[0] else (b.created or now)
    conn.execute(
        _UPSERT,
        (
            b.id, b.title, b.subject, b.to, b.from_, b.through, b.date, b.meeting.title,
            b.meeting.date, b.meeting.location, b.marking, b.template,
            int(bool(b.portion_marking)), b.note_style, b.language, b.page_size, created,
            now,
        ),
    )
    conn.execute("DELETE FROM briefing_participants WHERE briefing_id = ?", (b.id,))
    conn.executemany(
        "INSERT INTO briefing_participants(briefing_id, position, person_id) VALUES (?, ?, ?)",
        ((b.id, n, p) for n, p in enumerate(b.meeting.participants)),
    )
    sections = _replace_sections(conn, b.id, b.sections)
    return replace(
        b,
        meeting=replace(b.meeting, participants=list(b.meeting.participants)),
        sections=sections,
        created=created,
        updated=now,
    )


def _replace_sections(conn: sqlite3.Connection, briefing_id: str,
                      sections: Sequence[Section]) -> list[Section]:
    """Write the briefing's sections and blocks in place of the stored ones, keeping the
    row ids of those it already had; returns them with their ids."""
    old_sections = {r[0] for r in conn.execute(
        "SELECT id FROM sections WHERE briefing_id = ?", (briefing_id,))}
    old_blocks = {r[0] for r in conn.execute(
        """SELECT blocks.id FROM blocks JOIN sections ON sections.id = blocks.section_id
        WHERE sections.briefing_id = ?""", (briefing_id,))}
    conn.execute("DELETE FROM sections WHERE briefing_id = ?", (briefing_id,))  # blocks cascade
    section_ids = _kept_ids(sections, old_sections)
    block_ids = [_kept_ids(section.blocks, old_blocks) for section in sections]
    # Rows that keep their id go in first: a new row takes the next free id, which must not
    # be one a kept row is about to claim.
    for keep in (True, False):
        for position, section in enumerate(sections):
            if (section_ids[position] is not None) == keep:
                section_ids[position] = conn.execute(
                    """INSERT INTO sections(id, briefing_id, position, heading, automatic)
                    VALUES (?, ?, ?, ?, ?)""",
                    (section_ids[position], briefing_id, position, section.heading,
                     section.automatic),
                ).lastrowid
    stored: list[list] = [list(section.blocks) for section in sections]
    for keep in (True, False):
        for n, section in enumerate(sections):
            for position, block in enumerate(section.blocks):
                if (block_ids[n][position] is not None) == keep:
                    stored[n][position] = block_rows.insert(
                        conn, section_ids[n], position, block, block_id=block_ids[n][position])
    return [replace(section, id=section_ids[n], blocks=stored[n])
            for n, section in enumerate(sections)]


def _kept_ids(records: Sequence, old_ids: set[int]) -> list[int | None]:
    """Each record's id where it already had that row (the first to claim it), else None
    (new, or a copy: a fresh id)."""
    kept: list[int | None] = []
    for record in records:
        kept.append(record.id if record.id in old_ids else None)
        old_ids.discard(record.id)
    return kept


def get(conn: sqlite3.Connection, briefing_id: str) -> Briefing | None:
    r = conn.execute("SELECT * FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
    if r is None:
        return None
    participants = [row[0] for row in conn.execute(
        "SELECT person_id FROM briefing_participants WHERE briefing_id = ? ORDER BY position",
        (briefing_id,))]
    sections: dict[int, Section] = {}
    for s in conn.execute(
        "SELECT * FROM sections WHERE briefing_id = ? ORDER BY position", (briefing_id,)
    ):
        sections[s["id"]] = Section(heading=s["heading"], automatic=s["automatic"], id=s["id"])
    for row in conn.execute(
        f"""SELECT {block_rows.SELECTED} FROM blocks
        JOIN sections ON sections.id = blocks.section_id WHERE sections.briefing_id = ?
        ORDER BY blocks.section_id, blocks.position""",
        (briefing_id,),
    ):
        placed = block_rows.placed(row)
        sections[placed.section_id].blocks.append(placed.block)
    return Briefing(
        id=r["id"], title=r["title"], subject=r["subject"], to=r["memo_to"],
        from_=r["memo_from"], through=r["memo_through"], date=r["date"],
        meeting=Meeting(title=r["meeting_title"], date=r["meeting_date"],
                        location=r["meeting_location"], participants=participants),
        marking=r["marking"], template=r["template"],
        portion_marking=bool(r["portion_marking"]), note_style=r["note_style"],
        language=r["language"], page_size=r["page_size"], sections=list(sections.values()),
        created=r["created"],
        updated=r["updated"],
    )


def _summary(r: sqlite3.Row) -> BriefingSummary:
    return BriefingSummary(
        id=r["id"], title=r["title"], date=r["date"], template=r["template"],
        meeting_date=r["meeting_date"], updated=r["updated"],
    )


def summaries(conn: sqlite3.Connection) -> list[BriefingSummary]:
    rows = conn.execute(f"{_SUMMARY} ORDER BY updated DESC, title COLLATE NOCASE, id")
    return [_summary(r) for r in rows]


def find(conn: sqlite3.Connection, id_or_title: str) -> Briefing | None:
    """By id first, else by exact title (the most recently updated one when several)."""
    found = get(conn, id_or_title)
    if found is not None:
        return found
    row = conn.execute(
        "SELECT id FROM briefings WHERE title = ? ORDER BY updated DESC LIMIT 1",
        (id_or_title,),
    ).fetchone()
    return get(conn, row[0]) if row else None


def delete(conn: sqlite3.Connection, briefing_id: str) -> bool:
    return conn.execute("DELETE FROM briefings WHERE id = ?", (briefing_id,)).rowcount > 0


def using(conn: sqlite3.Connection, item_ids: Sequence[str]) -> list[BriefingSummary]:
    """Briefings with a block citing any of the items, by title."""
    found: dict[str, BriefingSummary] = {}
    unique = list(dict.fromkeys(item_ids))
    for part in chunks(unique):
        rows = conn.execute(
            f"""{_SUMMARY} WHERE id IN (SELECT sections.briefing_id FROM blocks
                JOIN sections ON sections.id = blocks.section_id
                WHERE blocks.item_id IN ({marks(len(part))}))""",
            part,
        )
        found.update((r["id"], _summary(r)) for r in rows)
    return sorted(found.values(), key=lambda s: (s.title.lower(), s.id))
