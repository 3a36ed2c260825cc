"""The team library's schema in PostgreSQL, its upgrades, and the roles that use it.

Everything lives in the schema ``briefing_team`` of the office's database:

- ``library``: one row; the library's id (a replica remembers it and refuses another
  library), its version (raised by one for each accepted push: every object row carries
  the version at which it last changed) and the schema version of these tables.
- ``objects``: the newest state of every object, one row per (kind, object id): its data
  as ``jsonb``, ``deleted`` for a tombstone (which keeps the last data), the version, and
  the replica and journal number of the change that wrote it (a repeated push finds its
  own changes there).
- ``replicas``: how far each replica's journal has been applied (``pushed_seq``), so a push
  cut off half way and sent again applies nothing twice.
- ``migrations``: which upgrades ran.

Two group roles carry the rights, so an office grants a staffer one of them:
``briefing_readers`` may pull only; ``briefing_editors`` may also push. :data:`GRANTS`
is the SQL; ``team init-server`` runs it when its role may create roles, and prints it for
an administrator otherwise.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import psycopg
from psycopg import errors as pg_errors

from .errors import NotATeamLibrary, ServerSchemaNewer

SCHEMA = "briefing_team"
READERS = "briefing_readers"
EDITORS = "briefing_editors"

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("create the library, its objects and its replicas", (
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"""CREATE TABLE {SCHEMA}.library (
            id smallint PRIMARY KEY CHECK (id = 1),
            library_id uuid NOT NULL,
            version bigint NOT NULL DEFAULT 0,
            schema_version integer NOT NULL,
            created timestamptz NOT NULL DEFAULT now()
        )""",
        f"""CREATE TABLE {SCHEMA}.objects (
            kind smallint NOT NULL,
            object_id text COLLATE "C" NOT NULL,
            version bigint NOT NULL,
            deleted boolean NOT NULL DEFAULT false,
            data jsonb NOT NULL,
            changed_by uuid NOT NULL,
            change_seq bigint NOT NULL,
            changed timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (kind, object_id)
        )""",
        f"CREATE INDEX objects_by_version ON {SCHEMA}.objects (version, kind, object_id)",
        f"""CREATE TABLE {SCHEMA}.replicas (
            replica_id uuid PRIMARY KEY,
            pushed_seq bigint NOT NULL DEFAULT 0,
            role name NOT NULL DEFAULT current_user,
            first_push timestamptz NOT NULL DEFAULT now(),
            last_push timestamptz NOT NULL DEFAULT now()
        )""",
    )),
)
SCHEMA_VERSION = len(MIGRATIONS)

GRANTS = f"""CREATE ROLE {READERS} NOLOGIN;
CREATE ROLE {EDITORS} NOLOGIN IN ROLE {READERS};
GRANT USAGE ON SCHEMA {SCHEMA} TO {READERS};
GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {READERS};
GRANT UPDATE ON {SCHEMA}.library TO {EDITORS};
GRANT INSERT, UPDATE ON {SCHEMA}.objects, {SCHEMA}.replicas TO {EDITORS};"""
"""What ``init-server`` grants (editors are readers too)."""


@dataclass(frozen=True)
class LibraryInfo:
    library_id: str
    version: int
    schema_version: int


@dataclass
class InitReport:
    library: LibraryInfo
    created: bool
    upgrades: list[str] = field(default_factory=list)
    roles_granted: bool = True
    """False when the connecting role may not create roles: an administrator runs
    :data:`GRANTS`."""


def read_library(conn: psycopg.Connection) -> LibraryInfo:
    """The library's id and version; refuses a database without one, or one upgraded by a
    newer app."""
    info = _library_row(conn)
    if info is None:
        raise NotATeamLibrary(
            "the database holds no team library (create it with: briefing-app team "
            "init-server URL)")
    if info.schema_version > SCHEMA_VERSION:
        raise ServerSchemaNewer(
            f"the team library was upgraded by a newer version of Briefing Builder (schema "
            f"{info.schema_version}; this app knows up to {SCHEMA_VERSION}); update the app")
    return info


def _library_row(conn: psycopg.Connection) -> LibraryInfo | None:
    try:
        with conn.transaction():
            row = conn.execute(
                f"SELECT library_id, version, schema_version FROM {SCHEMA}.library"
            ).fetchone()
    except (pg_errors.UndefinedTable, pg_errors.InvalidSchemaName):
        return None
    return LibraryInfo(str(row[0]), row[1], row[2]) if row else None


def init_server(conn: psycopg.Connection) -> InitReport:
    """Create the team library, or bring an older one up to this app's schema; grant the
    two roles their rights where this role may. One transaction for the schema."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('briefing_team init'))")
        existing = _library_row(conn)
        if existing is not None and existing.schema_version > SCHEMA_VERSION:
            read_library(conn)  # raises ServerSchemaNewer
        start = existing.schema_version if existing else 0
        upgrades = []
        for name, statements in MIGRATIONS[start:]:
            for statement in statements:
                conn.execute(statement)
            upgrades.append(name)
        if existing is None:
            conn.execute(
                f"""INSERT INTO {SCHEMA}.library(id, library_id, schema_version)
                VALUES (1, %s, %s)""", (uuid.uuid4(), SCHEMA_VERSION))
        else:
            conn.execute(f"UPDATE {SCHEMA}.library SET schema_version = %s", (SCHEMA_VERSION,))
    granted = _grant(conn)
    return InitReport(read_library(conn), existing is None, upgrades, granted)


def _grant(conn: psycopg.Connection) -> bool:
    """Create the group roles if missing and grant them their rights; False when this role
    may not."""
    try:
        with conn.transaction():
            for role, member_of in ((READERS, ""), (EDITORS, f" IN ROLE {READERS}")):
                exists = conn.execute(
                    "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
                if not exists:
                    conn.execute(f"CREATE ROLE {role} NOLOGIN{member_of}")
            for statement in GRANTS.splitlines()[2:]:
                conn.execute(statement.rstrip(";"))
    except (pg_errors.InsufficientPrivilege, pg_errors.DuplicateObject):
        return False
    return True
