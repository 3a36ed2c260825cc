"""Which connection serves which call: one writer, a reader per thread (Datasette's shape).

The connection policy of a fact base, in one place:

- **One writer.** Every change runs on the one writer connection, one thread at a time (a
  re-entrant lock). :meth:`Connections.transaction` takes that lock and SQLite's write lock
  together (``BEGIN IMMEDIATE``); nested calls join the outer transaction as savepoints.
- **A reader per thread.** A read from a thread that does not hold the writer runs on that
  thread's own read-only connection, opened at its first read, in a read transaction of
  its own (every statement of the call sees the same committed state). In WAL mode a
  reader never waits for the writer and sees only committed data: the UI thread searches
  while a worker thread imports.
- **A transaction reads its own writes.** A read on the thread that holds the writer
  (inside a transaction or a :meth:`Connections.stopping_when` block) runs on the writer,
  so it sees the uncommitted writes of that transaction, and a Cancel stops it too.
- **No readers without a file.** ``:memory:`` (and a file SQLite could not switch to WAL
  mode, where readers would wait anyway) has only the writer: a read from another thread
  takes the lock, waiting for a running transaction to end.
- **No writes into a damaged file.** The first change of a session runs SQLite's quick
  check inside its transaction (a third of a second on 100,000 items, two on a million)
  unless :meth:`Connections.verify` ran it ahead, on a reader; a file it rejects, or one
  where a statement met damage, refuses every change with :class:`DamagedFactBaseError`,
  so an import never writes into it.
- **Waiting for another writer.** A change that finds the writer taken (by another
  program, or by another thread of this one) waits for it in slices of
  :data:`WAIT_SLICE_SECONDS`, and after each slice tells this thread's waiting hook
  (:meth:`Connections.waiting_for_writer`) how long it has waited; the hook may stop the
  wait by raising, and Cancel (``stopping_when``) and closing stop it too. Without a hook a
  change waits up to :data:`WRITE_WAIT_LIMIT_SECONDS`, then fails saying another program
  is using the fact base. Only taking the lock waits: in WAL mode the statements of a
  transaction that holds it never meet ``SQLITE_BUSY``.
- **Cancel.** :meth:`Connections.stopping_when` holds the writer for its block and
  interrupts the running statement once ``cancelled()`` is true (a progress handler).
- **Closing** interrupts and closes every reader, then the writer; any call afterwards
  raises :class:`FactBaseError`. Readers are kept by thread id until then: a new thread
  that is given the id of a finished one takes over its reader.

So every method of :class:`~briefing_app.store.FactBase` is safe from any thread, and a
worker thread of a face uses the window's fact base instead of opening its own.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from briefing_app.core.store_protocol import Waiting
from briefing_app.core.text_check import describe_unencodable

from . import connection, integrity
from .errors import (
    DAMAGED,
    IN_USE,
    ChangeCancelled,
    DamagedFactBaseError,
    FactBaseError,
    ReadOnlyFactBaseError,
    explain,
    is_busy,
)

CANCEL_CHECK_STEPS = 1000  # SQLite VM steps between looks at a cancel request (~0.1 ms)
WAIT_SLICE_SECONDS = 0.1
"""How long one try at the write lock waits before the waiting hook hears of it: short, so
the UI thread hands a held-up change to a worker at once and Ctrl+C is felt at once."""
WRITE_WAIT_LIMIT_SECONDS = 600.0
"""How long a change waits for another writer before it fails (another program's import
or sync may hold the lock for minutes; a hung one must not hold us forever)."""
_CLOSED = "The fact base is closed."


class _Wait:
    """One change's wait for the writer: the clock, the limit, the checks that stop it
    and the thread's waiting hook."""

    def __init__(self, hook: Waiting | None, stops: Sequence[Callable[[], bool]]) -> None:
        self._hook = hook
        self._stops = stops  # cancel checks: true stops the wait with ChangeCancelled
        self._started = time.monotonic()
        self._waited = False

    def still_busy(self) -> None:
        """The writer is still taken after a slice: give up past the limit, else tell the
        hook (which may raise to stop waiting, in its own words), then stop on Cancel."""
        seconds = time.monotonic() - self._started
        if seconds >= WRITE_WAIT_LIMIT_SECONDS:
            raise FactBaseError(f"Could not start a change: {IN_USE}.")
        self._waited = True
        if self._hook is not None:
            self._hook(seconds, False)
        if any(stop() for stop in self._stops):
            raise ChangeCancelled()

    def over(self) -> None:
        """The writer is ours: a hook that heard of the wait hears that it ended."""
        if self._waited and self._hook is not None:
            self._hook(time.monotonic() - self._started, True)


class _Reader:
    """One thread's read-only connection; the lock lets :meth:`Connections.close` wait for
    a read in progress."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn: sqlite3.Connection | None = conn
        self.lock = threading.RLock()


class Connections:
    """The writer and the readers of one fact base (see the module docstring)."""

    def __init__(self, writer: sqlite3.Connection, path: str, *, readers: bool,
                 read_only: str = "") -> None:
        self.path = path
        self.read_only = read_only  # why changes are refused; "" when they are not
        self._verified = path == connection.MEMORY  # the quick check passed this session
        self._writer: sqlite3.Connection | None = writer
        self._write_lock = threading.RLock()
        self._holding = threading.local()  # .depth: how often this thread holds the writer
        self._depth = 0  # transaction nesting on the writer
        self._whole = False  # inside an all-or-nothing block: nested blocks take no savepoint
        self._cancel_checks: list[Callable[[], bool]] = []
        self._waiting = threading.local()  # .hook: the thread's waiting hook
        self._use_readers = readers
        self._readers: dict[int, _Reader] = {}
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: str, *, read_only: bool = False) -> Connections:
        """Open (creating and migrating) the fact base at ``path`` or ``":memory:"``; a file
        this process may not change (or any file, with ``read_only``) is opened read-only."""
        if read_only and path != connection.MEMORY:
            why = "it was opened read-only"
            return cls(connection.connect_read_only(path, why), path, readers=False,
                       read_only=why)
        writer, why = connection.connect(path)
        if why:
            return cls(writer, path, readers=False, read_only=why)
        on_file = path != connection.MEMORY
        return cls(writer, path, readers=on_file and connection.uses_wal(writer))

    # ------------------------------------------------------------ the writer

    @property
    def writer(self) -> sqlite3.Connection:
        """The writer itself, unlocked (for the store's own tests and maintenance tools)."""
        if self._writer is None:
            raise FactBaseError(_CLOSED)
        return self._writer

    def require_open(self) -> None:
        """Raise :class:`FactBaseError` once the fact base is closed."""
        if self._writer is None:
            raise FactBaseError(_CLOSED)

    @contextlib.contextmanager
    def holding_writer(self, wait: _Wait | None = None) -> Iterator[sqlite3.Connection]:
        """The writer, for this thread alone until the block ends. With ``wait`` (a
        change), another thread's hold is waited for in slices, as another program's is."""
        if wait is None or self._held():
            self._write_lock.acquire()
        else:
            while not self._write_lock.acquire(timeout=WAIT_SLICE_SECONDS):
                self._still_busy(wait)
        try:
            self._holding.depth = self._held() + 1
            try:
                yield self.writer
            finally:
                self._holding.depth -= 1
        finally:
            self._write_lock.release()

    def _held(self) -> int:
        return getattr(self._holding, "depth", 0)

    @contextlib.contextmanager
    def waiting_for_writer(self, waiting: Waiting) -> Iterator[None]:
        """In the block, a change of this thread that finds the writer taken calls
        ``waiting(seconds, False)`` after each slice it waited and ``waiting(seconds,
        True)`` once the writer is its own; raising from the hook stops the wait, and
        nothing is changed. Blocks may nest; the innermost hook is heard."""
        outer = getattr(self._waiting, "hook", None)
        self._waiting.hook = waiting
        try:
            yield
        finally:
            self._waiting.hook = outer

    def _wait(self, *stops: Callable[[], bool]) -> _Wait:
        """A new wait for the writer; a thread that holds the writer (inside
        :meth:`stopping_when`) is also stopped by that block's Cancel."""
        held_checks = self._cancel_checks if self._held() else []
        return _Wait(getattr(self._waiting, "hook", None), [*stops, *held_checks])

    def _still_busy(self, wait: _Wait) -> None:
        if self._closed:  # closing stops every wait, so close() itself never waits long
            raise FactBaseError(_CLOSED)
        wait.still_busy()

    def _begin(self, conn: sqlite3.Connection, wait: _Wait) -> None:
        """``BEGIN IMMEDIATE``, tried in slices while another connection holds SQLite's
        write lock (``SQLITE_BUSY``); any other error fails at once."""
        conn.execute(f"PRAGMA busy_timeout = {round(WAIT_SLICE_SECONDS * 1000)}")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.Error as error:
                    if not is_busy(error):
                        raise explain(error, "start a change") from error
                self._still_busy(wait)
        finally:
            # The usual timeout again: a file not in WAL mode waits for readers at COMMIT.
            conn.execute(
                f"PRAGMA busy_timeout = {round(connection.BUSY_TIMEOUT_SECONDS * 1000)}")
        wait.over()

    @contextlib.contextmanager
    def transaction(self, *, all_or_nothing: bool = False) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` on the writer; rolls back on any exception.

        Nested calls join the outer transaction; a nested block that fails is undone on its
        own (a savepoint) and its exception goes on to the caller. Inside a block opened
        ``all_or_nothing``, nested blocks take no savepoint: a failure in one is undone
        only with the whole block, for a long write whose parts never fail alone. (A
        savepoint copies each page its block changes, to be able to undo it: that doubled
        the time of writing a page of pulled items.) Taking the writer waits for another
        writer (see :meth:`waiting_for_writer`).
        """
        wait = self._wait()
        with self.holding_writer(wait) as conn:
            if self._depth:
                with self._nested(conn, all_or_nothing=all_or_nothing):
                    yield conn
                return
            if self.read_only:
                raise ReadOnlyFactBaseError(
                    f"{self.path} is open read-only ({self.read_only}): search, export and "
                    "print work, but changes cannot be saved. To change it, copy it to a "
                    "folder where you may change files and open the copy.")
            try:
                self._begin(conn, wait)  # its failures are worded FactBaseErrors
                self._depth = 1
                self._whole = all_or_nothing
                self._verify(conn)
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(conn)
                failure = explain(error, "save the change")
                if isinstance(failure, DamagedFactBaseError):
                    self._verified = False
                raise failure from error
            except UnicodeEncodeError as error:  # a lone surrogate no check caught
                _rollback(conn)
                raise FactBaseError(
                    f"Could not save the change: {describe_unencodable(error)}; "
                    "nothing was saved.") from error
            except BaseException:
                _rollback(conn)
                raise
            finally:
                self._depth, self._whole = 0, False

    @contextlib.contextmanager
    def _nested(self, conn: sqlite3.Connection, *, all_or_nothing: bool) -> Iterator[None]:
        """A block inside the transaction: a savepoint, unless an enclosing block (or this
        one, for the blocks inside it) is all or nothing."""
        depth, whole = self._depth, self._whole
        self._depth += 1
        self._whole = whole or all_or_nothing
        try:
            if whole:
                yield
                return
            name = f"nested_{depth}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
        finally:
            self._depth, self._whole = depth, whole

    @property
    def verified(self) -> bool:
        """Whether the quick check passed this session: the next change need not run it."""
        return self._verified

    def verify(self) -> bool:
        """Run the first change's quick check ahead of it, on this thread's reader (a
        worker's, after opening: at a million items it reads the whole file, two seconds
        warm and more from disk), so the change itself does not wait for it. False when
        the file is damaged; the first change then checks again and refuses."""
        if not self._verified and self.read(integrity.quick_check):
            self._verified = True
        return self._verified

    def verified_elsewhere(self) -> None:
        """The file passed the quick check just before it was given this name (a replica
        built in a file of its own, see :mod:`.file_swap`)."""
        self._verified = True

    def _verify(self, conn: sqlite3.Connection) -> None:
        if self._verified:
            return
        if not integrity.quick_check(conn):
            raise DamagedFactBaseError(
                f"Could not save the change: {DAMAGED}. Nothing was changed.")
        self._verified = True

    @contextlib.contextmanager
    def stopping_when(self, cancelled: Callable[[], bool]) -> Iterator[None]:
        """Hold the writer for the block; once ``cancelled()`` is true the statement running
        then (or the next one) is interrupted, which rolls its transaction back, and the
        block raises :class:`ChangeCancelled`. Blocks may nest: any of their checks stops.
        Waiting for the writer stops on Cancel too."""
        with self.holding_writer(self._wait(cancelled)) as conn:
            self._cancel_checks.append(cancelled)
            if len(self._cancel_checks) == 1:
                checks = self._cancel_checks
                conn.set_progress_handler(lambda: any(c() for c in checks), CANCEL_CHECK_STEPS)
            try:
                yield
            except ChangeCancelled:
                raise  # with its own words (a waiting hook's, say)
            except (FactBaseError, sqlite3.Error) as error:
                if cancelled():
                    raise ChangeCancelled() from error
                raise
            finally:
                self._cancel_checks.pop()
                if not self._cancel_checks:
                    conn.set_progress_handler(None, 0)

    def write(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(writer, *args, **kwargs)`` in one transaction (or the caller's)."""
        with self.transaction() as conn:
            return function(conn, *args, **kwargs)

    # ------------------------------------------------------------ reading

    def read(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(connection, *args, **kwargs)`` on the connection this thread reads
        with; SQLite errors come out as :class:`FactBaseError`."""
        try:
            with self._reading() as conn:
                return function(conn, *args, **kwargs)
        except sqlite3.Error as error:
            raise explain(error, "read the fact base") from error
        except UnicodeEncodeError as error:
            raise FactBaseError(f"Could not look this up: {describe_unencodable(error)}.") \
                from error

    def read_at_once(self, function: Callable[..., Any], *args: Any, default: Any) -> Any:
        """:meth:`read`, for the window's own thread: where reads share the writer (a
        file not in WAL mode, or in memory) and another thread holds it, ``default`` at
        once instead of waiting for that change to end."""
        if self._use_readers or self._held():
            return self.read(function, *args)
        if not self._write_lock.acquire(blocking=False):
            return default
        try:
            return self.read(function, *args)  # the lock is reentrant
        finally:
            self._write_lock.release()

    def _reading(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        if self._use_readers and not self._held():
            return self._reader_of_this_thread()
        return self.holding_writer()

    @contextlib.contextmanager
    def _reader_of_this_thread(self) -> Iterator[sqlite3.Connection]:
        ident = threading.get_ident()
        while True:
            with self._readers_lock:
                if self._closed:
                    raise FactBaseError(_CLOSED)
                reader = self._readers.get(ident)
            if reader is None:
                reader = self._add_reader(ident)
            reader.lock.acquire()
            if reader.conn is not None:
                break
            reader.lock.release()  # closed by reopening (another file at the path)
        try:
            conn = reader.conn
            # One read transaction: the statements of one call see one snapshot, even when
            # another thread commits between them.
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                _rollback(conn)
        finally:
            reader.lock.release()

    def _add_reader(self, ident: int) -> _Reader:
        reader = _Reader(connection.connect_reader(self.path))
        with self._readers_lock:
            if not self._closed:
                self._readers[ident] = reader
                return reader
        reader.conn.close()
        raise FactBaseError(_CLOSED)

    # ------------------------------------------------------------ another file

    def reopening(self, replace: Callable[[], Any]) -> Any:
        """Close every connection, call ``replace`` (which may put another file at the
        path, see :mod:`.file_swap`), then open the file at the path; returns what
        ``replace`` returned. Other threads' reads and changes wait meanwhile (a read in
        progress ends first) instead of failing."""
        with self.holding_writer(), self._readers_lock:
            if self._closed:
                raise FactBaseError(_CLOSED)
            readers, self._readers = list(self._readers.values()), {}
            for reader in readers:
                with reader.lock:
                    if reader.conn is not None:
                        reader.conn.close()
                        reader.conn = None
            self.writer.close()
            self._writer = None
            try:
                return replace()
            finally:
                self._writer, self.read_only = connection.connect(self.path)

    # ------------------------------------------------------------ closing

    def close(self) -> None:
        """Close every reader, then the writer. Twice is fine. A read in progress is
        interrupted (it raises :class:`FactBaseError` on its thread): a search, or the
        check of a big file run ahead of its first change, must not hold up closing."""
        with self._readers_lock:
            self._closed = True
            readers, self._readers = list(self._readers.values()), {}
        for reader in readers:
            conn = reader.conn
            if conn is not None:
                conn.interrupt()  # safe from any thread; a no-op when it is idle
            with reader.lock:
                if reader.conn is not None:
                    reader.conn.close()
                    reader.conn = None
        with self._write_lock:
            if self._writer is None:
                return
            with contextlib.suppress(sqlite3.Error):
                # Refresh planner statistics where needed (a table grown 25-fold since
                # they were taken). Every row is read: a sample of an index's first rows
                # told the planner 401 items a kind where 1,515 were (see
                # bulk.refresh_statistics). Not worth waiting for: while another program
                # writes, skip it.
                self._writer.execute("PRAGMA busy_timeout = 0")
                self._writer.execute("PRAGMA analysis_limit = 0")
                self._writer.execute("PRAGMA optimize")
            self._writer.close()
            self._writer = None


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
