"""Settling a conflict, as an undoable operation of the core.

While a conflict is open the library (here and on the server) holds theirs and the
conflict keeps mine. Keeping theirs closes the conflict and changes nothing else. Keeping
mine, or a value the staffer edited, writes it into the object here, where the journal
records it like any edit, so the next sync pushes it. Undo puts the object and the
conflict back as they were.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from briefing_app.core.changes import Changes
from briefing_app.core.errors import FactBaseError
from briefing_app.core.undo import Operation
from briefing_app.store import replica_apply
from briefing_app.store.replica import Conflict, LocalReplica

from .merge import DELETED

KEEP_CHOICES = ("mine", "theirs")
_UNSET = object()
_CHANGES_FIELD = {
    "person": "people", "source": "sources", "tag": "tags", "item": "items",
    "saved_search": "saved_searches", "briefing": "briefings",
}


def changes_of(kind: str, object_id: str) -> Changes:
    """What changing one synced object changes, for the faces to refresh."""
    return Changes.of(**{_CHANGES_FIELD[kind]: [object_id]})


class ResolveConflict(Operation):
    """Close one conflict, keeping ``mine``, ``theirs`` or an edited ``value``."""

    def __init__(self, conflict: Conflict, keep: str = "theirs", *, value: Any = _UNSET,
                 label: str = "") -> None:
        if keep not in KEEP_CHOICES:
            raise ValueError(f"keep {keep!r}: use mine or theirs")
        self.conflict = conflict
        self.keep = keep
        self.value = conflict.mine if keep == "mine" and value is _UNSET else value
        self.label = label or f"Resolve Conflict ({conflict.field})"
        self._before: dict | None = None
        self._captured = False

    def apply(self, store: Any) -> Changes:
        replica = LocalReplica(store)
        kind, object_id = self.conflict.kind, self.conflict.object_id
        if not self._captured:
            self._before = replica.current(kind, [object_id])[object_id]
            self._captured = True
        if not replica.remove_conflict(self.conflict.id):
            raise FactBaseError(f"Conflict {self.conflict.id} is no longer open.")
        if self.keep == "theirs" and self.value is _UNSET:
            return changes_of(kind, object_id)
        self._put(store, self._target())
        return changes_of(kind, object_id)

    def revert(self, store: Any) -> Changes:
        replica = LocalReplica(store)
        if self.keep != "theirs" or self.value is not _UNSET:
            self._put(store, self._before)
        replica.restore_conflict(self.conflict)
        return changes_of(self.conflict.kind, self.conflict.object_id)

    def _target(self) -> dict | None:
        """The object with the kept value."""
        if self.conflict.field == DELETED:
            return self.value
        if self._before is None:
            raise FactBaseError(
                "The object of this conflict has been deleted since; there is nothing to "
                "put the value into.")
        data = dict(self._before)
        data[self.conflict.field] = self.value
        if "updated" in data and self.conflict.field != "updated":
            data["updated"] = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        return data

    def _put(self, store: Any, data: dict | None) -> None:
        kind, object_id = self.conflict.kind, self.conflict.object_id
        if data is not None:
            replica_apply.write(store, kind, {object_id: data})
            return
        if replica_apply.delete(store, kind, [object_id]):
            raise FactBaseError(
                f"The {kind} cannot be deleted: items or briefings here still use it.")
