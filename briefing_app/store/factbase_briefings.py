"""The fact base's briefings: whole ones, and the composer's fine-grained edits.

Thin methods over :mod:`.briefings` and :mod:`.briefing_edits`, each one transaction; the
edits return what their undo needs (old values, removed records).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefing_app.core.model import Block, Briefing, BriefingSummary, Section

from . import briefing_edits, briefings, clock
from .blocks import PlacedBlock
from .factbase_access import FactBaseAccess


class BriefingMethods(FactBaseAccess):
    """Briefings and their sections and blocks."""

    # ------------------------------------------------------------ whole briefings

    def list_briefings(self) -> list[BriefingSummary]:
        """Summaries, most recently updated first."""
        return self._read(briefings.summaries)

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        return self._read(briefings.get, briefing_id)

    def find_briefing(self, id_or_exact_title: str) -> Briefing | None:
        return self._read(briefings.find, id_or_exact_title)

    def save_briefing(self, briefing: Briefing) -> Briefing:
        """Save (``""`` id gets a new one) and return it with ids and timestamps filled."""
        return self._write(briefings.save, briefing, now=clock.now())

    def delete_briefing(self, briefing_id: str) -> bool:
        return self._write(briefings.delete, briefing_id)

    def briefings_using(self, item_ids: Iterable[str]) -> list[BriefingSummary]:
        """Briefings that cite any of these items (to warn before deleting them)."""
        return self._read(briefings.using, list(item_ids))

    def duplicate_briefing(self, briefing_id: str, title: str) -> Briefing:
        return self._write(briefing_edits.duplicate_briefing, briefing_id, title,
                           now=clock.now())

    def remove_briefing(self, briefing_id: str) -> Briefing | None:
        """Delete a briefing and return it whole, for :meth:`restore_briefing` (undo)."""
        return self._write(briefing_edits.remove_briefing, briefing_id)

    def restore_briefing(self, briefing: Briefing) -> Briefing:
        return self._write(briefing_edits.restore_briefing, briefing, now=clock.now())

    # ------------------------------------------------------------ the composer's edits

    def update_briefing_header(self, briefing_id: str, **changes: object) -> dict[str, object]:
        """Change header fields (``title``, ``to``, ``meeting_date``, ``participants`` ...);
        returns their previous values."""
        return self._write(briefing_edits.update_header, briefing_id, changes,
                           now=clock.now())

    def add_section(self, briefing_id: str, position: int, heading: str,
                    automatic: str = "", *, section_id: int | None = None) -> int:
        return self._write(briefing_edits.add_section, briefing_id, position, heading,
                           automatic, now=clock.now(), section_id=section_id)

    def rename_section(self, section_id: int, heading: str) -> str:
        return self._write(briefing_edits.rename_section, section_id, heading,
                           now=clock.now())

    def move_section(self, section_id: int, position: int) -> int:
        return self._write(briefing_edits.move_section, section_id, position,
                           now=clock.now())

    def remove_section(self, section_id: int) -> briefing_edits.RemovedSection:
        return self._write(briefing_edits.remove_section, section_id, now=clock.now())

    def restore_section(self, removed: briefing_edits.RemovedSection) -> Section:
        return self._write(briefing_edits.restore_section, removed, now=clock.now())

    def insert_blocks(self, section_id: int, position: int,
                      blocks: Iterable[Block]) -> list[Block]:
        return self._write(briefing_edits.insert_blocks, section_id, position, list(blocks),
                           now=clock.now())

    def move_block(self, block_id: int, section_id: int, position: int) -> tuple[int, int]:
        return self._write(briefing_edits.move_block, block_id, section_id, position,
                           now=clock.now())

    def update_block(self, block_id: int, **changes: str) -> dict[str, str]:
        return self._write(briefing_edits.update_block, block_id, changes, now=clock.now())

    def remove_blocks(self, block_ids: Iterable[int]) -> list[PlacedBlock]:
        """Delete blocks; returns each with its place, for :meth:`restore_blocks`."""
        return self._write(briefing_edits.remove_blocks, list(block_ids), now=clock.now())

    def restore_blocks(self, removed: Sequence[PlacedBlock]) -> list[Block]:
        return self._write(briefing_edits.restore_blocks, list(removed), now=clock.now())
