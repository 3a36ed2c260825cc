"""Three-way merge of one object: what the server knew (base), mine, and theirs.

Pure functions on object data (dicts; ``None`` for an object that does not exist). The
rules, field by field:

- changed on one side only: that side's value;
- changed on both sides to the same value: that value;
- changed on both sides differently: a **conflict**. The merged object takes theirs (it
  is already in the library, where everyone else sees it) and the conflict keeps mine, so
  nothing typed here is lost until the staffer chooses;
- lists that are sets (an item's tags and people, a briefing's participants) merge by
  members: what either side added is added, what either side removed is removed;
- ``created`` takes the earlier time, ``updated`` the later.

Whole objects: deleted on one side and changed on the other is a conflict on the field
``deleted``: the merged object is theirs (deleted, or theirs as edited) and the conflict
keeps mine whole. Deleted on both sides is simply deleted. Without a base (both sides
created the same id, as when a fact base that already holds items joins a library),
every field that differs counts as changed on both sides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefing_app.core.tags import fold_tag
from briefing_app.store.journal import FIELDS

DELETED = "deleted"
_ABSENT = object()

SET_FIELDS: dict[str, dict[str, Callable[[str], str]]] = {
    "item": {"tags": fold_tag, "people": str},
    "briefing": {"participants": str},
}
"""List fields merged as sets, with the key that says when two members are one."""

_EARLIEST = "created"
_LATEST = "updated"


@dataclass
class Merged:
    data: dict | None
    conflicts: list[tuple[str, Any, Any]] = field(default_factory=list)
    """``(field, mine, theirs)`` for each field changed on both sides."""


def merge(kind: str, base: dict | None, mine: dict | None, theirs: dict | None) -> Merged:
    """Merge ``mine`` (this replica) with ``theirs`` (the server), both changed from
    ``base``."""
    if mine == theirs:
        return Merged(theirs)
    if theirs is None:
        if base is None or mine == base:
            # Created here (or brought back here) and absent there: keep it. Unchanged
            # here since the server last had it: the deletion stands.
            return Merged(mine if base is None else None)
        return Merged(None, [(DELETED, mine, None)])
    if mine is None:
        if base is None or theirs == base:
            # Never known here, or deleted here and unchanged there.
            return Merged(theirs if base is None else None)
        return Merged(theirs, [(DELETED, None, theirs)])
    merged: dict = {}
    conflicts: list[tuple[str, Any, Any]] = []
    set_fields = SET_FIELDS.get(kind, {})
    for name in dict.fromkeys([*FIELDS.get(kind, ()), *theirs, *mine]):  # schema order
        b = base.get(name, _ABSENT) if base is not None else _ABSENT
        m, t = mine.get(name, _ABSENT), theirs.get(name, _ABSENT)
        if m in (t, b):
            value = t
        elif t == b:
            value = m
        elif name in set_fields and isinstance(m, list) and isinstance(t, list):
            value = merge_members(b if isinstance(b, list) else [], m, t, set_fields[name])
        elif name in (_EARLIEST, _LATEST):
            times = [v for v in (m, t) if isinstance(v, str) and v]
            value = (min(times) if name == _EARLIEST else max(times)) if times else t
        else:
            value = t
            conflicts.append((name, m, t))
        if value is not _ABSENT:
            merged[name] = value
    return Merged(merged, conflicts)


def merge_members(base: list, mine: list, theirs: list, key: Callable[[str], str]) -> list:
    """Theirs in their order, without what mine removed, then what mine added."""
    base_keys = {key(v) for v in base}
    mine_keys = {key(v) for v in mine}
    theirs_keys = {key(v) for v in theirs}
    removed_here = base_keys - mine_keys
    kept = [v for v in theirs if key(v) not in removed_here]
    added_here = [v for v in mine if key(v) not in base_keys and key(v) not in theirs_keys]
    return kept + added_here
