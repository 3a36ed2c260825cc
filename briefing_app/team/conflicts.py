"""Open conflicts as the faces show them: which object, which field, mine and theirs.

A conflict row keeps raw values (:class:`~briefing_app.store.replica.Conflict`); this
module names the object (an item by its title or the start of its text, a person by name)
and writes each value as one line of text, so the command line and the Conflicts view
say the same thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from briefing_app.store.replica import Conflict, LocalReplica

from .errors import UnknownConflict
from .merge import DELETED

_NAME_FIELDS = {
    "item": ("title", "text"), "person": ("name",), "source": ("outlet", "title"),
    "tag": ("name",), "saved_search": ("name",), "briefing": ("title",),
}
LABEL_WIDTH = 60


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: str
    object_id: str
    title: str
    field: str
    mine: Any
    theirs: Any

    @property
    def is_deletion(self) -> bool:
        return self.field == DELETED

    def mine_text(self) -> str:
        return value_text(self.mine, self.is_deletion)

    def theirs_text(self) -> str:
        return value_text(self.theirs, self.is_deletion)


def object_label(kind: str, data: dict | None, object_id: str) -> str:
    """A short name for an object: its title, name or outlet, else its id."""
    for name in _NAME_FIELDS.get(kind, ()):
        text = " ".join(str((data or {}).get(name) or "").split())
        if text:
            return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"
    return object_id


def value_text(value: Any, whole_object: bool = False) -> str:
    """One line for a conflicting value: text as it is, lists joined, an object whole as
    ``(kept, edited)``; ``(deleted)`` for a deleted object."""
    if whole_object:
        return "(deleted)" if value is None else "(kept, edited)"
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return json.dumps(value, ensure_ascii=False)


def open_conflicts(fb) -> list[ConflictView]:
    """Every open conflict of the fact base, oldest first."""
    replica = LocalReplica(fb)
    conflicts = replica.conflicts()
    views = []
    for conflict in conflicts:
        views.append(_view(replica, conflict))
    return views


def find_conflict(fb, conflict_id: int) -> Conflict:
    found = LocalReplica(fb).conflict(conflict_id)
    if found is None:
        raise UnknownConflict(f"there is no open conflict {conflict_id} (see: briefing-app "
                              "conflicts)")
    return found


def _view(replica: LocalReplica, conflict: Conflict) -> ConflictView:
    here = replica.current(conflict.kind, [conflict.object_id])[conflict.object_id]
    named = here or (conflict.mine if isinstance(conflict.mine, dict) else None) or (
        conflict.theirs if isinstance(conflict.theirs, dict) else None)
    return ConflictView(
        id=conflict.id, kind=conflict.kind, object_id=conflict.object_id,
        title=object_label(conflict.kind, named, conflict.object_id), field=conflict.field,
        mine=conflict.mine, theirs=conflict.theirs,
    )
