"""The one door to a fact base: its store, the operations that change it, and undo.

Both faces hold a :class:`Library` (``briefing_app.store.open_library(path)`` makes one
over a SQLite fact base). They read through :attr:`Library.store` (any object that meets
:class:`~briefing_app.core.store_protocol.Store`) and change it only through
:meth:`Library.perform`, which runs one :class:`~briefing_app.core.undo.Operation` in one
transaction, keeps it for undo and returns what changed.

Every committed operation, undo and redo passes through :meth:`_commit`, inside its
transaction: that is where a change journal hangs (:meth:`add_commit_hook`), so a team
library sees every change exactly once and in order, or not at all.

The store may be used from any thread (one writer, a reader per thread; see the store);
the Library's own lock keeps the undo stack and the store's transaction in step when a
face runs a long operation on a worker thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from .changes import Changes
from .errors import ChangeCancelled, FactBaseError
from .undo import Operation, UndoStack

CommitHook = Callable[[Any, Operation, Changes, str], None]
"""``hook(store, operation, changes, direction)``; direction is ``do``, ``undo`` or ``redo``."""

Listener = Callable[[Changes, Operation | None], None]
Cancelled = Callable[[], bool]


class Library:
    """A store with its undo stack. Close it with :meth:`close` or a ``with`` block."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.undo_stack = UndoStack()
        self._lock = threading.RLock()
        self._commit_hooks: list[CommitHook] = []
        self._listeners: list[Listener] = []

    # ------------------------------------------------------------ life

    @property
    def path(self) -> str:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------ changing

    def perform(self, operation: Operation, *, cancelled: Cancelled | None = None) -> Changes:
        """Apply ``operation`` in one transaction and keep it for undo.

        Raises what the store raised (``FactBaseError``, ``ValueError``;
        ``ChangeCancelled`` once ``cancelled()`` turned true) and keeps nothing. An
        operation that changed nothing is not kept.
        """
        with self._lock:
            changes = self._run(operation, operation.apply, "do", cancelled)
            if not operation.is_noop():
                self.undo_stack.push(operation)
        self._tell(changes, operation)
        return changes

    def undo(self, *, cancelled: Cancelled | None = None) -> Changes:
        """Take back the last operation; an operation that can no longer be taken back
        (another program changed the file) is dropped and its error raised."""
        with self._lock:
            operation = self.undo_stack.next_undo()
            changes = self._step(operation, "undo", cancelled, self.undo_stack.moved_back)
        if operation is not None:
            self._tell(changes, operation)
        return changes

    def redo(self, *, cancelled: Cancelled | None = None) -> Changes:
        with self._lock:
            operation = self.undo_stack.next_redo()
            changes = self._step(operation, "redo", cancelled, self.undo_stack.moved_forward)
        if operation is not None:
            self._tell(changes, operation)
        return changes

    def _step(self, operation: Operation | None, direction: str,
              cancelled: Cancelled | None, moved: Callable[[], None]) -> Changes:
        """Revert (undo) or apply again (redo) ``operation``, then move the stack."""
        if operation is None:
            return Changes()
        step = operation.revert if direction == "undo" else operation.apply
        changes = self._run_or_drop(operation, step, direction, cancelled)
        moved()
        return changes

    def _run_or_drop(self, operation: Operation, step, direction: str,
                     cancelled: Cancelled | None) -> Changes:
        try:
            return self._run(operation, step, direction, cancelled)
        except ChangeCancelled:
            raise
        except (FactBaseError, ValueError, LookupError):
            self.undo_stack.drop(operation)
            raise

    def _run(self, operation: Operation, step, direction: str,
             cancelled: Cancelled | None) -> Changes:
        stopping = (self.store.stopping_when(cancelled) if cancelled is not None
                    else contextlib.nullcontext())
        with stopping, self.store.transaction(all_or_nothing=True):  # an operation is whole
            changes = step(self.store)
            self._commit(operation, changes, direction)
        return changes

    def _commit(self, operation: Operation, changes: Changes, direction: str) -> None:
        """The single point every committed change passes, inside its transaction."""
        for hook in list(self._commit_hooks):
            hook(self.store, operation, changes, direction)

    # ------------------------------------------------------------ observers

    def add_commit_hook(self, hook: CommitHook) -> None:
        """Run ``hook`` inside the transaction of every operation, undo and redo (the change
        journal of a team library). An exception from it rolls the change back."""
        self._commit_hooks.append(hook)

    def add_listener(self, listener: Listener) -> None:
        """``listener(changes, operation)`` after every committed operation, undo and redo,
        on the thread that ran it."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _tell(self, changes: Changes, operation: Operation | None) -> None:
        for listener in list(self._listeners):
            listener(changes, operation)



def as_library(target: Any) -> Library:
    """``target`` if it is a Library, else a new Library over the store ``target`` (for
    scripts and tests that hold a bare store; its undo history is its own)."""
    return target if isinstance(target, Library) else Library(target)
