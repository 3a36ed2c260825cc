"""What the fact base's undo needs: snapshots before a change, and putting them back.

Thin methods over :mod:`.snapshots`: each capture is one read (on the writer when the
calling thread is inside a transaction, so it sees what that transaction wrote), each
restore one transaction. A snapshot is opaque to the caller: it hands back to the
matching restore whatever the capture returned. :mod:`.snapshots` loads with the first
capture: its four dataclasses cost ~2 ms of start-up, and the window's first screen
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from .factbase_access import FactBaseAccess

if TYPE_CHECKING:
    from .snapshots import ItemSnapshot, PersonMerge, SourceMerge, TagSnapshot


def _snapshots() -> ModuleType:
    from . import snapshots

    return snapshots


class SnapshotMethods(FactBaseAccess):
    """Capture and restore items, merged people and sources, and tags."""

    def capture_items(self, ids: Sequence[str]) -> list[ItemSnapshot]:
        """The items (in the order of ``ids``, unknown ones skipped) with the briefing
        blocks that cite them."""
        return self._read(_snapshots().capture_items, list(ids))

    def restore_items(self, captured: Sequence[ItemSnapshot]) -> None:
        """Put items back as captured: their timestamps, tags, people and citing blocks."""
        if captured:
            self._write(_snapshots().restore_items, list(captured))

    def capture_person_merge(self, survivor_id: str, other_id: str) -> PersonMerge:
        return self._read(_snapshots().capture_person_merge, survivor_id, other_id)

    def undo_person_merge(self, merge: PersonMerge) -> None:
        """Bring the merged-away person back with every reference they had."""
        self._write(_snapshots().undo_person_merge, merge)

    def capture_source_merge(self, survivor_id: str, other_id: str) -> SourceMerge:
        return self._read(_snapshots().capture_source_merge, survivor_id, other_id)

    def undo_source_merge(self, merge: SourceMerge) -> None:
        """Bring the merged-away source back, cited by the items that cited it."""
        self._write(_snapshots().undo_source_merge, merge)

    def capture_tag(self, name: str, survivor: str = "") -> TagSnapshot:
        """Capture tag ``name`` before it is deleted, or merged into ``survivor``."""
        return self._read(_snapshots().capture_tag, name, survivor)

    def restore_tag(self, snapshot: TagSnapshot) -> None:
        """Recreate a deleted or merged-away tag with its id and links."""
        self._write(_snapshots().restore_tag, snapshot)
