"""Talking to the team library: connecting, pushing a batch, pulling a page.

One :class:`TeamServer` is one libpq connection (autocommit; each push is its own
transaction). The URL is whatever libpq takes, a URI or ``key=value`` words or
``service=name``; passwords come from libpq's own places (``PGPASSWORD``, ``~/.pgpass``,
the service file), and ``sslmode`` works as libpq says.

A push is conditional, object by object, and runs in one transaction that holds the
library row's lock (so pushes are serialised and versions are handed out in commit
order). An object is written when the server has no such object or when its version is
one the replica has already pulled and merged (``<= seen``); otherwise it is rejected, and
the replica pulls and merges before pushing it again. (A replica pulls its own changes
back like anyone's, so a fact base put back from an older copy catches up, and its stale
edits are merged instead of written over newer ones.) Entries whose
journal number the server has already applied are skipped and reported with what became
of them (``done`` when this replica's change is still there).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb

from briefing_app.store.journal import KINDS

from .errors import NotAllowed, ServerUnreachable
from .server_schema import SCHEMA, LibraryInfo, read_library

CONNECT_TIMEOUT_SECONDS = 10
LOCK_WAIT_SECONDS = 2.0


@dataclass(frozen=True)
class ServerRow:
    """One object as the server holds it."""

    kind: str
    object_id: str
    version: int
    deleted: bool
    data: dict
    written_here: bool = False
    """This replica wrote the object last (so it may well have it as it is already)."""

    @property
    def key(self) -> tuple[int, int, str]:
        """Its place in pull order: (version, kind rank, object id)."""
        return (self.version, KINDS.index(self.kind), self.object_id)


@dataclass(frozen=True)
class Outcome:
    """What became of one pushed entry: ``accepted``, ``rejected``, ``done`` (an earlier
    push applied it; ``data`` is what the server holds) or ``unknown`` (an earlier push
    got it, and the object has changed since)."""

    seq: int
    outcome: str
    version: int | None
    data: dict | None


def stored_url(url: str) -> str:
    """The URL to keep in the fact base: without a password, which stays in libpq's own
    places."""
    try:
        parts = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise ServerUnreachable(f"not a PostgreSQL connection string: {error}") from None
    if "password" not in parts:
        return url
    parts.pop("password")
    return pg_conninfo.make_conninfo(**parts)


def describe(url: str) -> str:
    """The server as people name it: ``host/dbname`` (or the service)."""
    try:
        parts = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return url
    if "service" in parts:
        return f"service {parts['service']}"
    host = parts.get("host") or "localhost"
    if host.startswith("/"):
        host = "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"{host}{port}/{parts.get('dbname') or parts.get('user') or ''}"


class TeamServer:
    """A connection to a team library. Use it as a context manager."""

    def __init__(self, conn: psycopg.Connection, url: str) -> None:
        self.conn = conn
        self.url = url

    @classmethod
    def connect(cls, url: str) -> TeamServer:
        """Connect; :class:`ServerUnreachable` with libpq's reason when it cannot."""
        extra: dict[str, Any] = {"application_name": "briefing-app"}
        try:
            if "connect_timeout" not in pg_conninfo.conninfo_to_dict(url):
                extra["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
            conn = psycopg.connect(url, autocommit=True, **extra)
        except psycopg.Error as error:
            raise ServerUnreachable(
                f"cannot reach the team server {describe(url)}: {_first_line(error)}"
            ) from None
        return cls(conn, url)

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def __enter__(self) -> TeamServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def talking(self) -> Iterator[None]:
        """Turn a broken connection into :class:`ServerUnreachable` and a refused right
        into :class:`NotAllowed`."""
        try:
            yield
        except pg_errors.InsufficientPrivilege as error:
            raise NotAllowed(
                f"the role {self.role()!r} may not do this in the team library "
                f"({_first_line(error)})") from None
        except psycopg.OperationalError as error:
            raise ServerUnreachable(
                f"lost the connection to the team server {describe(self.url)}: "
                f"{_first_line(error)}") from None

    # ------------------------------------------------------------ the library

    def library(self) -> LibraryInfo:
        with self.talking():
            return read_library(self.conn)

    def object_count(self) -> int:
        """How many objects (tombstones too) a first pull of the library reads."""
        with self.talking():
            return self.conn.execute(f"SELECT count(*) FROM {SCHEMA}.objects").fetchone()[0]

    def role(self) -> str:
        with contextlib.suppress(psycopg.Error):
            return str(self.conn.info.user)
        return "?"

    def may_write(self) -> bool:
        """True when this role may push (write objects and raise the library version)."""
        with self.talking():
            row = self.conn.execute(
                f"""SELECT has_table_privilege('{SCHEMA}.objects', 'INSERT, UPDATE')
                AND has_table_privilege('{SCHEMA}.library', 'UPDATE')
                AND has_table_privilege('{SCHEMA}.replicas', 'INSERT, UPDATE')"""
            ).fetchone()
        return bool(row[0])

    def lock_replica(self, replica_id: str, *, wait: float = LOCK_WAIT_SECONDS) -> bool:
        """Take the session lock of this replica (one sync at a time per fact base),
        waiting up to ``wait`` seconds; False when another connection keeps it. Released
        by :meth:`unlock_replica` or when the connection closes (the server notices a
        closed connection a moment later, hence the short wait)."""
        deadline = time.monotonic() + wait
        while True:
            with self.talking():
                row = self.conn.execute(
                    "SELECT pg_try_advisory_lock(hashtext('briefing_team replica'), "
                    "hashtext(%s))", (replica_id,)).fetchone()
            if row[0] or time.monotonic() >= deadline:
                return bool(row[0])
            time.sleep(0.05)

    def unlock_replica(self, replica_id: str) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.execute(
                "SELECT pg_advisory_unlock(hashtext('briefing_team replica'), hashtext(%s))",
                (replica_id,))

    def pushed_seq(self, replica_id: str) -> int:
        """How far the server has applied this replica's journal."""
        with self.talking():
            row = self.conn.execute(
                f"SELECT pushed_seq FROM {SCHEMA}.replicas WHERE replica_id = %s",
                (replica_id,)).fetchone()
        return row[0] if row else 0

    # ------------------------------------------------------------ pulling

    def pull_page(self, after: tuple[int, int, str], upto: int, limit: int,
                  replica_id: str) -> list[ServerRow]:
        """The next ``limit`` objects after ``after`` in pull order, up to version
        ``upto``; each says whether ``replica_id`` wrote it last."""
        with self.talking():
            rows = self.conn.execute(
                f"""SELECT kind, object_id, version, deleted, data, changed_by = %s
                FROM {SCHEMA}.objects
                WHERE (version, kind, object_id) > (%s, %s, %s) AND version <= %s
                ORDER BY version, kind, object_id LIMIT %s""",
                (replica_id, *after, upto, limit)).fetchall()
        return [ServerRow(KINDS[r[0]], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    def fetch(self, kind: str, ids: Sequence[str]) -> list[ServerRow]:
        """These objects of ``kind`` as the server holds them (tombstones included)."""
        with self.talking():
            rows = self.conn.execute(
                f"""SELECT kind, object_id, version, deleted, data FROM {SCHEMA}.objects
                WHERE kind = %s AND object_id = ANY(%s)""",
                (KINDS.index(kind), list(ids))).fetchall()
        return [ServerRow(KINDS[r[0]], r[1], r[2], r[3], r[4]) for r in rows]

    # ------------------------------------------------------------ pushing

    def push(self, replica_id: str, seen: int, entries: Sequence[dict]) -> list[Outcome]:
        """Apply a batch of journal entries in one transaction.

        Each entry: ``seq``, ``kind``, ``object_id``, ``deleted`` and ``data`` (for a
        deletion, the last data, which the tombstone keeps)."""
        batch = [
            {**e, "kind": KINDS.index(e["kind"]), "data": e["data"] or {}} for e in entries
        ]
        with self.talking(), self.conn.transaction():
            current = self.conn.execute(
                f"SELECT version FROM {SCHEMA}.library WHERE id = 1 FOR UPDATE").fetchone()[0]
            self.conn.execute(
                f"""INSERT INTO {SCHEMA}.replicas(replica_id) VALUES (%s)
                ON CONFLICT (replica_id) DO NOTHING""", (replica_id,))
            pushed = self.conn.execute(
                f"SELECT pushed_seq FROM {SCHEMA}.replicas WHERE replica_id = %s FOR UPDATE",
                (replica_id,)).fetchone()[0]
            rows = self.conn.execute(_PUSH, {
                "batch": Jsonb(batch), "pushed": pushed, "seen": seen, "me": replica_id,
                "version": current + 1,
            }).fetchall()
            if any(r[1] == "accepted" for r in rows):
                self.conn.execute(
                    f"UPDATE {SCHEMA}.library SET version = %s WHERE id = 1", (current + 1,))
            self.conn.execute(
                f"""UPDATE {SCHEMA}.replicas SET pushed_seq = greatest(pushed_seq, %s),
                last_push = now() WHERE replica_id = %s""",
                (max(e["seq"] for e in entries), replica_id))
        return [Outcome(seq, outcome, version, None if deleted else data)
                for seq, outcome, version, deleted, data in rows]


_PUSH = f"""
WITH incoming AS (
    SELECT * FROM jsonb_to_recordset(%(batch)s)
        AS i(seq bigint, kind smallint, object_id text, deleted boolean, data jsonb)
), decided AS (
    SELECT i.seq, i.kind, i.object_id, i.deleted, i.data,
        o.version AS at_version, o.deleted AS at_deleted, o.data AS at_data,
        CASE
            WHEN i.seq <= %(pushed)s THEN
                CASE WHEN o.changed_by = %(me)s AND o.change_seq = i.seq
                    THEN 'done' ELSE 'unknown' END
            WHEN o.object_id IS NULL OR o.version <= %(seen)s THEN 'accepted'
            ELSE 'rejected'
        END AS outcome
    FROM incoming i LEFT JOIN {SCHEMA}.objects o
        ON o.kind = i.kind AND o.object_id = i.object_id
), written AS (
    INSERT INTO {SCHEMA}.objects AS o
        (kind, object_id, version, deleted, data, changed_by, change_seq)
    SELECT kind, object_id, %(version)s, deleted, data, %(me)s, seq
    FROM decided WHERE outcome = 'accepted'
    ON CONFLICT (kind, object_id) DO UPDATE SET
        version = excluded.version, deleted = excluded.deleted,
        data = CASE WHEN excluded.deleted THEN o.data ELSE excluded.data END,
        changed_by = excluded.changed_by, change_seq = excluded.change_seq,
        changed = now()
    RETURNING 1
)
SELECT seq, outcome,
    CASE WHEN outcome = 'accepted' THEN %(version)s ELSE at_version END,
    CASE WHEN outcome = 'accepted' THEN deleted ELSE at_deleted END,
    CASE WHEN outcome = 'accepted' THEN data ELSE at_data END
FROM decided ORDER BY seq
"""


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__
