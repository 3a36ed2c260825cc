"""The local side of a team replica: its state, its journal, its conflicts.

A fact base becomes a replica of a team library when it joins one (``team join``): a row
in ``sync_replica`` names the server, the library and this replica, and the row in
``sync_recording`` switches on the journal's triggers (:mod:`.journal`). Everything the
sync engine (``briefing_app.team``) needs from the SQLite side is here and in
:mod:`.replica_apply`; the engine decides, this module reads and writes.

Object data is a dict (the JSON object of :func:`.journal.object_json`); ``None`` stands
for an object that does not exist (deleted, or never created). Each method is one
transaction, or joins the caller's: the engine wraps the work on one pulled page in one
``fb.transaction()``, with :meth:`LocalReplica.paused` so its writes are not journaled.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from . import bulk, clock, journal
from .checkpointer import Checkpointer

JOIN_CHUNK = 20_000  # objects marked for the first push per transaction (~20 ms)
BULK_CACHE_KIB = 262_144  # page cache while pulling many objects: 256 MiB


@dataclass(frozen=True)
class ReplicaState:
    """Where the replica syncs, and how far it has pulled."""

    server: str
    library_id: str
    replica_id: str
    seen_version: int
    """Every server change up to this library version has been applied here."""
    cursor: tuple[int, int, str] | None
    """Where an unfinished pull stopped: (version, kind rank, object id) of its last row."""
    last_sync: str
    last_error: str


@dataclass(frozen=True)
class PendingChange:
    """An object changed here since the server last confirmed it."""

    seq: int
    kind: str
    object_id: str
    base: dict | None
    """The object as the server knows it (``None``: the server does not have it)."""
    mine: dict | None
    """The object as it is here now (``None``: deleted here)."""


@dataclass(frozen=True)
class Conflict:
    """A field changed on both sides; the library holds ``theirs``, ``mine`` is kept here.

    For ``field == "deleted"`` the values are whole objects, ``None`` on the side that
    deleted it."""

    id: int
    kind: str
    object_id: str
    field: str
    mine: Any
    theirs: Any
    created: str


def dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def ids_json(ids: Iterable[str]) -> str:
    return json.dumps(list(ids), ensure_ascii=False)


class LocalReplica:
    """The replica tables of one open fact base (a :class:`~.FactBase`)."""

    def __init__(self, fb: Any) -> None:
        self.fb = fb
        self._checkpointer: Checkpointer | None = None

    # ------------------------------------------------------------ state

    def state(self) -> ReplicaState | None:
        """The replica's state, ``None`` for a fact base that has not joined a library."""
        row = self.fb._read(lambda c: c.execute("SELECT * FROM sync_replica").fetchone())
        if row is None:
            return None
        cursor = None
        if row["cursor_version"] is not None:
            cursor = (row["cursor_version"], row["cursor_kind"], row["cursor_id"])
        return ReplicaState(
            server=row["server"], library_id=row["library_id"], replica_id=row["replica_id"],
            seen_version=row["seen_version"], cursor=cursor, last_sync=row["last_sync"],
            last_error=row["last_error"],
        )

    def start(self, server: str, library_id: str, replica_id: str) -> None:
        """Make this fact base a replica and switch the journal on (see :meth:`mark_all`)."""
        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                """INSERT INTO sync_replica(id, server, library_id, replica_id)
                VALUES (1, ?, ?, ?)""",
                (server, library_id, replica_id),
            )
            conn.execute("INSERT OR IGNORE INTO sync_recording(active) VALUES (1)")

        self.fb._write(run)

    def holds_nothing_to_sync(self) -> bool:
        return self.fb._read(holds_nothing_to_sync)

    def journal_installed(self) -> bool:
        """True when every trigger of the journal is in the file (a later migration that
        rebuilt a table would have dropped its triggers, and changes would go unseen)."""
        found = self.fb._read(lambda c: {r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")})
        return set(journal.trigger_names()) <= found

    def set_server(self, server: str) -> None:
        self.fb._write(lambda c: c.execute("UPDATE sync_replica SET server = ?", (server,)))

    def mark_all(self) -> int:
        """Journal every object already here as unknown to the server (a join pushes them),
        a few thousand per transaction so the app is never kept waiting."""
        marked = 0
        for kind, table, key in _MARKED_TABLES:
            after = -1
            while True:
                count, after = self.fb._write(_mark_chunk, kind, table, key, after)
                marked += count
                if count < JOIN_CHUNK:
                    break
        return marked

    def save_cursor(self, cursor: tuple[int, int, str]) -> None:
        self.fb._write(lambda c: c.execute(
            "UPDATE sync_replica SET cursor_version = ?, cursor_kind = ?, cursor_id = ?",
            cursor))

    def finish_pull(self, seen_version: int) -> None:
        self.fb._write(lambda c: c.execute(
            """UPDATE sync_replica SET seen_version = ?, cursor_version = NULL,
            cursor_kind = NULL, cursor_id = NULL""", (seen_version,)))

    def note_sync(self, error: str = "") -> None:
        """Record the end of a sync: its time when it succeeded, else its error."""
        if error:
            self.fb._write(lambda c: c.execute(
                "UPDATE sync_replica SET last_error = ?", (error,)))
        else:
            self.fb._write(lambda c: c.execute(
                "UPDATE sync_replica SET last_sync = ?, last_error = ''", (clock.now(),)))

    # ------------------------------------------------------------ the journal

    def pending_count(self) -> int:
        return self.fb._read(
            lambda c: c.execute("SELECT count(*) FROM sync_pending").fetchone()[0])

    def pending(self, after_seq: int, limit: int) -> list[PendingChange]:
        """The next journaled objects after ``after_seq``, in journal order, each with its
        state here now."""
        mine = journal.any_object_json("p.kind", "p.object_id")

        def run(conn: sqlite3.Connection) -> list[PendingChange]:
            rows = conn.execute(
                f"""SELECT p.seq, p.kind, p.object_id, p.base, {mine} AS mine
                FROM sync_pending p WHERE p.seq > ? ORDER BY p.seq LIMIT ?""",
                (after_seq, limit))
            return [PendingChange(r[0], r[1], r[2], loads(r[3]), loads(r[4])) for r in rows]

        return self.fb._read(run)

    def pending_of(self, kind: str, ids: Sequence[str]) -> dict[str, dict | None]:
        """The base of each of these objects that is journaled here (others left out)."""
        def run(conn: sqlite3.Connection) -> dict[str, dict | None]:
            rows = conn.execute(
                """SELECT object_id, base FROM sync_pending WHERE kind = ?
                AND object_id IN (SELECT value FROM json_each(?))""",
                (kind, ids_json(ids)))
            return {r[0]: loads(r[1]) for r in rows}

        return self.fb._read(run)

    def current(self, kind: str, ids: Sequence[str]) -> dict[str, dict | None]:
        """The data of these objects here (``None`` for those that do not exist)."""
        expression = journal.object_json(kind, "wanted.value")

        def run(conn: sqlite3.Connection) -> dict[str, dict | None]:
            rows = conn.execute(
                f"SELECT wanted.value, {expression} FROM json_each(?) AS wanted",
                (ids_json(ids),))
            return {r[0]: loads(r[1]) for r in rows}

        return self.fb._read(run)

    def acknowledge(self, pushed: Sequence[tuple[str, str, dict | None]]) -> None:
        """The server now holds these ``(kind, object_id, data)``: an object unchanged
        here since leaves the journal; one changed meanwhile is journaled anew (a new
        number, for the next push) with the server's data as its base."""
        def run(conn: sqlite3.Connection) -> None:
            for kind, object_id, data in pushed:
                now = loads(conn.execute(
                    f"SELECT {journal.object_json(kind, '?')}", (object_id,)).fetchone()[0])
                conn.execute("DELETE FROM sync_pending WHERE kind = ? AND object_id = ?",
                             (kind, object_id))
                if now != data:
                    conn.execute(
                        "INSERT INTO sync_pending(kind, object_id, base) VALUES (?, ?, ?)",
                        (kind, object_id, dumps(data)))

        self.fb._write(run)

    def journal(self, kind: str, bases: dict[str, dict | None]) -> None:
        """Journal these objects anew (at the end of the journal) with the given bases:
        what the server holds now, which their state here is to be pushed over."""
        def run(conn: sqlite3.Connection) -> None:
            rows = [(kind, object_id, dumps(base)) for object_id, base in bases.items()]
            conn.executemany(
                "DELETE FROM sync_pending WHERE kind = ? AND object_id = ?",
                ((k, o) for k, o, _ in rows))
            conn.executemany(
                "INSERT INTO sync_pending(kind, object_id, base) VALUES (?, ?, ?)", rows)

        if bases:
            self.fb._write(run)

    def forget(self, kind: str, ids: Iterable[str]) -> None:
        """Take these objects out of the journal (the server holds their state)."""
        self.fb._write(lambda c: c.executemany(
            "DELETE FROM sync_pending WHERE kind = ? AND object_id = ?",
            ((kind, i) for i in ids)))

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """One transaction whose writes are not journaled (what a pull writes: the
        server's own state)."""
        with self.fb.transaction(all_or_nothing=True):
            was_on = self.fb._write(
                lambda c: c.execute("DELETE FROM sync_recording").rowcount)
            yield
            if was_on:
                self.fb._write(
                    lambda c: c.execute("INSERT INTO sync_recording(active) VALUES (1)"))

    @contextlib.contextmanager
    def bulk_writing(self) -> Iterator[None]:
        """For a long pull: a larger page cache on the writer (a page of items touches
        pages all over the tables' indexes; kept in memory, the next page finds them
        there), and no checkpoint inside the writer's commits: an automatic one copies the
        WAL back into the file, with an fsync, while the app waits for the writer. The
        puller calls :meth:`checkpoint` between its pages instead. Statement journals stay
        in memory (``temp_store``): an insert that fires triggers keeps a copy of each
        page it changes until it ends, and past 64 KiB SQLite wrote those copies to a
        temporary file, 8 GB of writes for 100,000 pulled items (a page is written
        all or nothing, so no savepoint holds copies for longer)."""
        conn = self.fb.connection
        with self.fb._connections.holding_writer():
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            automatic = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
            conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            conn.execute("PRAGMA temp_store = MEMORY")
        try:
            yield
        finally:
            with self.fb._connections.holding_writer():
                conn.execute(f"PRAGMA cache_size = {int(cache)}")
                conn.execute(f"PRAGMA wal_autocheckpoint = {int(automatic)}")
                conn.execute(f"PRAGMA temp_store = {int(temp_store)}")
            if self._checkpointer is not None:
                self._checkpointer.close()  # catch up before the app's own checkpoints resume
                self._checkpointer = None

    def refresh_statistics(self) -> None:
        """Sample the tables anew for the planner (after a pull that wrote many objects)."""
        self.fb._write(bulk.refresh_statistics)

    def checkpoint(self) -> None:
        """Between two pulled pages, when this replica's own writer is idle: copy the WAL
        back into the file once a second (:mod:`.checkpointer`), so the WAL starts over
        instead of growing."""
        if self.fb.is_file:
            if self._checkpointer is None:
                self._checkpointer = Checkpointer(self.fb.path)
            self._checkpointer.due()

    # ------------------------------------------------------------ deferred deletes

    def defer(self, kind: str, objects: dict[str, dict | None]) -> None:
        """Deletions pulled for objects still used here, decided at the end of the pull;
        with each, its state here when it carried changes of its own (else ``None``)."""
        self.fb._write(lambda c: c.executemany(
            """INSERT INTO sync_deferred(kind, object_id, mine) VALUES (?, ?, ?)
            ON CONFLICT(kind, object_id) DO UPDATE SET mine = coalesce(excluded.mine, mine)""",
            ((kind, key, dumps(mine)) for key, mine in objects.items())))

    def undefer(self, kind: str, ids: Iterable[str]) -> None:
        self.fb._write(lambda c: c.executemany(
            "DELETE FROM sync_deferred WHERE kind = ? AND object_id = ?",
            ((kind, i) for i in ids)))

    def deferred(self) -> dict[str, dict[str, dict | None]]:
        """The deferred deletions by kind: ``object_id -> mine``."""
        rows = self.fb._read(lambda c: c.execute(
            "SELECT kind, object_id, mine FROM sync_deferred ORDER BY kind, object_id"
        ).fetchall())
        found: dict[str, dict[str, dict | None]] = {}
        for kind, object_id, mine in rows:
            found.setdefault(kind, {})[object_id] = loads(mine)
        return found

    def clear_deferred(self) -> None:
        self.fb._write(lambda c: c.execute("DELETE FROM sync_deferred"))

    def number_after(self, seq: int) -> None:
        """Number new journal entries above ``seq`` (the server has applied entries of this
        replica up to it: a fact base put back from an older copy must not reuse them)."""
        def run(conn: sqlite3.Connection) -> None:
            updated = conn.execute(
                """UPDATE sqlite_sequence SET seq = max(seq, ?)
                WHERE name = 'sync_pending'""", (seq,)).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO sqlite_sequence(name, seq) VALUES ('sync_pending', ?)", (seq,))

        self.fb._write(run)

    # ------------------------------------------------------------ conflicts

    def add_conflicts(self, conflicts: Iterable[tuple[str, str, str, Any, Any]]) -> int:
        """Keep ``(kind, object_id, field, mine, theirs)`` rows; returns how many."""
        rows = [(k, o, f, dumps(m), dumps(t), clock.now()) for k, o, f, m, t in conflicts]
        if rows:
            self.fb._write(lambda c: c.executemany(
                """INSERT INTO sync_conflicts(kind, object_id, field, mine, theirs, created)
                VALUES (?, ?, ?, ?, ?, ?)""", rows))
        return len(rows)

    def conflicts(self) -> list[Conflict]:
        rows = self.fb._read(lambda c: c.execute(
            "SELECT * FROM sync_conflicts ORDER BY id").fetchall())
        return [_conflict(r) for r in rows]

    def conflict(self, conflict_id: int) -> Conflict | None:
        row = self.fb._read(lambda c: c.execute(
            "SELECT * FROM sync_conflicts WHERE id = ?", (conflict_id,)).fetchone())
        return _conflict(row) if row else None

    def conflict_count(self) -> int:
        return self.fb._read(
            lambda c: c.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])

    def remove_conflict(self, conflict_id: int) -> bool:
        return self.fb._write(lambda c: c.execute(
            "DELETE FROM sync_conflicts WHERE id = ?", (conflict_id,)).rowcount > 0)

    def restore_conflict(self, conflict: Conflict) -> None:
        """Put a resolved conflict back as it was (undoing the resolution)."""
        self.fb._write(lambda c: c.execute(
            """INSERT INTO sync_conflicts(id, kind, object_id, field, mine, theirs, created)
            VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (conflict.id, conflict.kind, conflict.object_id, conflict.field,
             dumps(conflict.mine), dumps(conflict.theirs), conflict.created)))


_MARKED_TABLES = (
    ("person", "people", "id"), ("source", "sources", "id"), ("tag", "tags", "lower(name)"),
    ("item", "items", "id"), ("saved_search", "saved_searches", "lower(name)"),
    ("briefing", "briefings", "id"),
)  # in the order of journal.KINDS: what others refer to is pushed first


def holds_nothing_to_sync(conn: sqlite3.Connection) -> bool:
    """True for a fact base with no object that syncs and that has not joined a library
    (a new one: a join may build its replica in a file of its own, see :mod:`.file_swap`)."""
    tables = [table for _kind, table, _key in _MARKED_TABLES] + ["sync_replica"]
    found = " OR ".join(f"EXISTS (SELECT 1 FROM {table})" for table in tables)
    return not conn.execute(f"SELECT {found}").fetchone()[0]


def _mark_chunk(conn: sqlite3.Connection, kind: str, table: str, key: str,
                after: int) -> tuple[int, int]:
    rows = conn.execute(
        f"SELECT rowid, {key} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",
        (after, JOIN_CHUNK)).fetchall()
    conn.executemany(
        """INSERT INTO sync_pending(kind, object_id, base) VALUES (?, ?, NULL)
        ON CONFLICT(kind, object_id) DO UPDATE SET base = NULL""",
        ((kind, r[1]) for r in rows))
    return len(rows), (rows[-1][0] if rows else after)


def _conflict(row: sqlite3.Row) -> Conflict:
    return Conflict(
        id=row["id"], kind=row["kind"], object_id=row["object_id"], field=row["field"],
        mine=loads(row["mine"]), theirs=loads(row["theirs"]), created=row["created"],
    )
