"""Operations that know how to take themselves back, and the stack that keeps them.

An :class:`Operation` is one change the app can make. :meth:`Operation.apply` does it and
:meth:`Operation.revert` takes it back; each runs inside one store transaction opened by
the :class:`~briefing_app.core.library.Library`, and each returns the
:class:`~briefing_app.core.changes.Changes` it made. What an operation needs to take a
change back (the item before an edit, a deleted item with its citing blocks, a merged-away
person) it captures during its first ``apply``, inside the same transaction.

:class:`UndoStack` is plain bookkeeping, with no Qt: the Library pushes an operation after
its first apply committed, and moves the index when an undo or redo committed. The Qt
window shows it through a thin adapter (``ui/undo_actions.py``); the command line could
use it as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .changes import Changes

LONG_FROM = 100
"""Items: an operation on this many may take long (0.06 s and up on a big fact base, 9 s
for 20,000 items), so a face runs it in the background with progress and Cancel."""


class Operation:
    """Base class of every change. Subclasses implement :meth:`apply` and :meth:`revert`."""

    label: str = ""
    """What the Edit menu says (``Undo <label>``); the face that makes the operation passes
    it in its own language."""

    reaches_items: bool = False
    """True for operations on a tag, person or source: they change every item using it."""

    merge_key: Any = None
    """Consecutive operations with the same non-None key may merge into one undo step
    (typing in one field); see :meth:`merge`."""

    def apply(self, store: Any) -> Changes:
        """Make the change (first run and redo). Runs inside a transaction."""
        raise NotImplementedError

    def revert(self, store: Any) -> Changes:
        """Take the change back. Runs inside a transaction."""
        raise NotImplementedError

    def item_ids(self) -> list[str]:
        """Items this operation changes (for selecting them afterwards, and its size)."""
        return []

    def is_noop(self) -> bool:
        """True when the first apply changed nothing (it is then not kept for undo)."""
        return False

    def may_take_long(self) -> bool:
        """Whether a face should run it in the background, with progress and Cancel."""
        return self.reaches_items or len(self.item_ids()) >= LONG_FROM

    def merge(self, later: Operation) -> bool:
        """Absorb ``later`` (already applied) into this step; True when it did."""
        return False


class UndoStack:
    """The operations done so far; those above :attr:`index` were undone (redo list)."""

    def __init__(self) -> None:
        self._ops: list[Operation] = []
        self._index = 0
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------ reading

    def count(self) -> int:
        return len(self._ops)

    def index(self) -> int:
        return self._index

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._ops)

    def undo_label(self) -> str:
        return self._ops[self._index - 1].label if self.can_undo() else ""

    def redo_label(self) -> str:
        return self._ops[self._index].label if self.can_redo() else ""

    def next_undo(self) -> Operation | None:
        return self._ops[self._index - 1] if self.can_undo() else None

    def next_redo(self) -> Operation | None:
        return self._ops[self._index] if self.can_redo() else None

    def operation(self, position: int) -> Operation:
        return self._ops[position]

    # ------------------------------------------------------------ changing

    def push(self, operation: Operation) -> None:
        """Keep an applied operation; the redo list is dropped. Merges with the top when
        both carry the same ``merge_key`` and the top agrees; a merge that leaves nothing
        to undo (typed back to where it was) drops the top."""
        del self._ops[self._index:]
        top = self._ops[-1] if self._ops else None
        if (top is not None and operation.merge_key is not None
                and top.merge_key == operation.merge_key and top.merge(operation)):
            if top.is_noop():
                self._ops.pop()
        else:
            self._ops.append(operation)
        self._index = len(self._ops)
        self._notify()

    def moved_back(self) -> None:
        """The operation below the index was reverted."""
        self._index -= 1
        self._notify()

    def moved_forward(self) -> None:
        """The operation at the index was applied again."""
        self._index += 1
        self._notify()

    def drop(self, operation: Operation) -> None:
        """Forget an operation that can no longer run (another program changed the file)."""
        position = self._ops.index(operation)
        del self._ops[position]
        if position < self._index:
            self._index -= 1
        self._notify()

    def clear(self) -> None:
        self._ops.clear()
        self._index = 0
        self._notify()

    def add_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` after every push, undo, redo, drop or clear."""
        self._listeners.append(listener)

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
