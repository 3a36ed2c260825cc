"""The ``blocks`` table's columns, declared once, and the two ways a block row is used.

Saving a briefing, inserting blocks in the composer, removing and restoring them (undo)
and snapshotting the blocks that cite an item all read or write the same eight columns;
they go through :func:`insert` and :func:`placed` so a new block column is added here
only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from briefing_app.core.model import Block

from .items import marks

COLUMNS = ("id", "section_id", "position", "item_id", "note", "override", "text", "style")
SELECTED = ", ".join(f"blocks.{c}" for c in COLUMNS)
"""The columns to ``SELECT`` for :func:`placed` (qualified, so joins may add others)."""
_INSERT = f"INSERT INTO blocks({', '.join(COLUMNS)}) VALUES ({marks(len(COLUMNS))})"


@dataclass(frozen=True)
class PlacedBlock:
    """A block with the section and position it has (or had, before it was removed)."""

    section_id: int
    position: int
    block: Block


def insert(conn: sqlite3.Connection, section_id: int, position: int, block: Block, *,
           block_id: int | None = None) -> Block:
    """Insert ``block`` at ``position`` of the section (the caller makes room) with
    ``block_id``, or a fresh id when ``None``; returns it as stored."""
    cursor = conn.execute(_INSERT, (
        block_id, section_id, position, block.item or None, block.note, block.override,
        block.text, block.style,
    ))
    return replace(block, item=block.item or None, id=cursor.lastrowid)


def placed(row: sqlite3.Row) -> PlacedBlock:
    """A row selecting :data:`SELECTED` as a block in its place."""
    block = Block(item=row["item_id"], note=row["note"], override=row["override"],
                  text=row["text"], style=row["style"], id=row["id"])
    return PlacedBlock(row["section_id"], row["position"], block)
