"""The life of a :class:`~briefing_app.store.FactBase`: opening, closing, transactions.

:class:`FactBaseAccess` is the base of the fact base's method groups (``factbase_*.py``):
it holds the :class:`~.readers.Connections` and gives them ``_read`` (a function of a
connection, on the connection this thread reads with) and ``_write`` (the same on the
writer, in one transaction). Those two are the only way the method groups reach SQLite,
and only those modules use them.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Self

from briefing_app.core.store_protocol import Waiting

from .bulk import BulkWrite
from .connection import MEMORY
from .readers import Connections


class FactBaseAccess:
    """Open with ``FactBase.open``; close with :meth:`close` or use it as a context manager."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections
        self._bulk_writes = threading.local()  # the thread inside writing_many holds one
        self.path = connections.path

    @property
    def is_file(self) -> bool:
        """True for a fact base file (it can be backed up, shown and reopened); False for
        one in memory."""
        return self.path != MEMORY

    @property
    def read_only(self) -> str:
        """Why changes are refused (``"the file is read-only"``...); ``""`` when they are
        not. Truthy exactly when every change raises ``ReadOnlyFactBaseError``."""
        return self._connections.read_only

    @property
    def verified(self) -> bool:
        """Whether the file passed SQLite's quick check this session (see
        :meth:`verify_before_writing`); a fact base in memory always has."""
        return self._connections.verified

    def verify_before_writing(self) -> bool:
        """Check the file now, from this thread, as the first change of the session would
        (it reads the whole file): call it on a worker after opening, so the first change
        saves at once. False when the file is damaged (every change will refuse)."""
        return self._connections.verify()

    def close(self) -> None:
        """Close the fact base and every connection it opened. Twice is fine."""
        self._connections.close()

    def swap_in(self, built: Path) -> float | None:
        """Put the closed fact base file ``built`` in the place of this one, which must hold
        nothing that syncs and be open nowhere else (see :mod:`.file_swap`), and go on with
        it; other threads' calls wait for the few milliseconds that takes. Returns how
        long the file was locked (seconds), or ``None`` when the swap was refused and
        this fact base is as it was."""
        from . import file_swap  # only a join uses it: kept out of every start-up

        file_swap.check_built(built)  # before it takes the name: the next change need not
        locked = self._connections.reopening(
            lambda: file_swap.swap_in(built, Path(self.path)))
        if locked is not None:
            self._connections.verified_elsewhere()
        return locked

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The writer connection, for the store's own tests and maintenance tools."""
        return self._connections.writer

    @contextlib.contextmanager
    def transaction(self, *, all_or_nothing: bool = False) -> Iterator[Self]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on any exception.

        Nested calls join the outer transaction; a nested block that fails is undone on its
        own (a savepoint) and its exception goes on to the caller, unless the block is
        inside one opened ``all_or_nothing`` (then only the whole block is undone, and
        the writes inside cost half as much: see :meth:`.readers.Connections.transaction`).
        Reads on this thread inside the block see its uncommitted writes; other threads
        do not.
        """
        with self._connections.transaction(all_or_nothing=all_or_nothing):
            yield self

    @contextlib.contextmanager
    def stopping_when(self, cancelled: Callable[[], bool]) -> Iterator[Self]:
        """Run the block so that once ``cancelled()`` is true the SQL statement running then
        (or the next one) is interrupted, which rolls its transaction back; the block then
        raises :class:`ChangeCancelled`. For long changes a person may stop midway."""
        with self._connections.stopping_when(cancelled):
            yield self

    @contextlib.contextmanager
    def writing_many(self) -> Iterator[Self]:
        """One transaction for a write of very many items (an import): past a threshold
        the indexes are built once at the end instead of row by row (see :mod:`.bulk`).
        All or nothing: its parts take no savepoints of their own."""
        with self._connections.transaction(all_or_nothing=True) as conn:
            if self._bulk is not None:  # already inside one
                yield self
                return
            bulk = self._bulk_writes.current = BulkWrite(conn)
            try:
                yield self
                bulk.finish(conn)
            finally:
                self._bulk_writes.current = None

    @property
    def _bulk(self) -> BulkWrite | None:
        """This thread's bulk write (other threads wait for the writer meanwhile)."""
        return getattr(self._bulk_writes, "current", None)

    def waiting_for_writer(self, waiting: Waiting) -> contextlib.AbstractContextManager[None]:
        """In the block, a change of this thread that waits for another writer tells
        ``waiting(seconds, over)`` (see :meth:`.readers.Connections.waiting_for_writer`)."""
        return self._connections.waiting_for_writer(waiting)

    def _read(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._connections.read(function, *args, **kwargs)

    def _write(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._connections.write(function, *args, **kwargs)
