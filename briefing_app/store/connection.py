"""Opening a fact base file safely: recognise it, refuse what is not ours, then migrate.

The order matters. A file is inspected through a read-only connection first, so a file of
another program or of a newer app version is refused before anything is written to it (not
even the switch to WAL mode). Only then is it opened for writing and configured.

This module opens connections (the writer, :func:`connect`; the per-thread readers,
:func:`connect_reader`) and removes files; which connection serves which call is decided in
:mod:`.readers`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import schema
from .errors import FactBaseError, NewerSchemaError, NotAFactBaseError, explain

MEMORY = ":memory:"
BUSY_TIMEOUT_SECONDS = 5.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """A configured, migrated connection to the fact base at ``path`` (created if missing)."""
    if str(path) == MEMORY:
        conn = _raw_connect(MEMORY)
        _configure(conn, wal=False)
        _migrate(conn, MEMORY)
        return conn
    file = Path(path).expanduser()
    if file.is_dir():
        raise FactBaseError(f"{file} is a folder, not a fact base file.")
    if file.exists() and file.stat().st_size > 0:
        _inspect(file)
    else:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FactBaseError(f"Cannot create {file}: {error.strerror or error}.") from error
    try:
        conn = _raw_connect(str(file))
    except sqlite3.Error as error:
        raise explain(error, f"open {file}") from error
    try:
        _configure(conn, wal=True)
        _migrate(conn, str(file))
    except sqlite3.Error as error:
        conn.close()
        raise explain(error, f"open {file}") from error
    except BaseException:
        conn.close()
        raise
    return conn


def connect_reader(path: str | os.PathLike) -> sqlite3.Connection:
    """A read-only connection to the (already opened and migrated) fact base file at
    ``path``, configured like the writer's, for one thread's reads."""
    try:
        conn = _raw_connect(Path(path).expanduser().resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlite3.Error as error:
        raise explain(error, f"open {path}") from error
    return conn


def uses_wal(conn: sqlite3.Connection) -> bool:
    """True when the file is in WAL mode, where readers never wait for the writer."""
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"


def remove_fact_base(path: str | os.PathLike) -> None:
    """Delete a (closed) fact base file with its ``-wal`` and ``-shm`` files (and a
    leftover ``-journal``, which SQLite would otherwise replay into a new file of that
    name); files that are not there are fine."""
    if str(path) == MEMORY:
        return
    file = Path(path).expanduser()
    for leftover in (file, *(file.with_name(file.name + suffix) for suffix in _SIDE_FILES)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as error:
            raise FactBaseError(
                f"Cannot delete {leftover}: {error.strerror or error}.") from error


def _raw_connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # .readers decides who uses it, and closes it from any thread
        uri=uri,
    )
    conn.row_factory = sqlite3.Row
    return conn


def _inspect(file: Path) -> None:
    """Refuse ``file`` unless it is blank SQLite or a fact base this app can read.

    Reads only, through a read-only connection, so a refused file stays byte-for-byte as it
    was.
    """
    try:
        with open(file, "rb") as stream:
            header = stream.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise FactBaseError(f"Cannot read {file}: {error.strerror or error}.") from error
    if header != _SQLITE_MAGIC:
        raise NotAFactBaseError(
            f"{file} is not a Briefing Builder fact base: it is not an SQLite database."
        )
    try:
        conn = _raw_connect(file.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise explain(error, f"open {file}") from error
    try:
        if schema.is_blank(conn):
            return
        marked = schema.has_marker(conn)
        version = schema.user_version(conn)
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower():
            raise explain(error, f"open {file}") from error
        raise NotAFactBaseError(
            f"{file} cannot be opened as a fact base: the file is damaged ({error})."
        ) from error
    finally:
        conn.close()
    if not marked:
        raise NotAFactBaseError(
            f"{file} is an SQLite database of another program, not a Briefing Builder "
            "fact base."
        )
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(str(file), version, schema.SCHEMA_VERSION)


CACHE_KIB = 65536  # page cache of up to 64 MiB: bulk imports of 100,000 items 20% faster


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if wal:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() == "wal":
            # Safe with WAL (a power cut may lose the last commit, never corrupt the file).
            conn.execute("PRAGMA synchronous = NORMAL")


def _migrate(conn: sqlite3.Connection, label: str) -> None:
    if schema.user_version(conn) == schema.SCHEMA_VERSION and schema.has_marker(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Checked again under the write lock: another process may have migrated meanwhile.
        version = schema.user_version(conn)
        if version > schema.SCHEMA_VERSION:
            raise NewerSchemaError(label, version, schema.SCHEMA_VERSION)
        if not schema.is_blank(conn) and not schema.has_marker(conn):
            raise NotAFactBaseError(
                f"{label} is an SQLite database of another program, not a Briefing Builder "
                "fact base."
            )
        schema.apply_pending(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
