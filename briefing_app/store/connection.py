"""Opening a fact base file safely: recognise it, refuse what is not ours, then migrate.

The order matters. A file is inspected through a read-only connection first, so a file of
another program or of a newer app version is refused before anything is written to it (not
even the switch to WAL mode). Only then is it opened for writing and configured.

A file this process may not change (a read-only file, a folder or drive that does not allow
the ``-wal`` file beside it) is opened read-only instead of failing: search, export and
print work, and every change is refused with :class:`ReadOnlyFactBaseError`.

Inspecting creates nothing beside the file: when no ``-wal``/``-shm`` file is there, the
file is read as immutable, so refusing a foreign WAL-mode file leaves its folder as it was.

This module opens connections (the writer, :func:`connect`; the per-thread readers,
:func:`connect_reader`; a read-only fact base, :func:`connect_read_only`) and removes files;
which connection serves which call is decided in :mod:`.readers`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from . import schema, search_index
from .errors import (
    DAMAGED,
    SQLITE_CANTOPEN,
    SQLITE_READONLY,
    DamagedFactBaseError,
    FactBaseError,
    NewerSchemaError,
    NotAFactBaseError,
    explain,
    is_damage,
    primary_code,
)

MEMORY = ":memory:"
BUSY_TIMEOUT_SECONDS = 5.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_OPEN_TRIES = 3


def connect(path: str | os.PathLike) -> tuple[sqlite3.Connection, str]:
    """A configured, migrated connection to the fact base at ``path`` (created if missing),
    and why it is read-only (``""`` when it may be changed: then it is the writer)."""
    if str(path) == MEMORY:
        conn = _raw_connect(MEMORY)
        _configure(conn, wal=False)
        _migrate(conn, MEMORY)
        return conn, ""
    file = Path(path).expanduser()
    if file.is_dir():
        raise FactBaseError(f"{file} is a folder, not a fact base file.")
    existing = file.exists() and file.stat().st_size > 0
    if existing:
        _inspect(file)
        why = read_only_reason(file)
        if why:
            return connect_read_only(file, why), why
    else:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FactBaseError(f"Cannot create {file}: {error.strerror or error}.") from error
    try:
        return _as_named(file, _open_writer), ""
    except sqlite3.Error as error:
        if existing and primary_code(error) in (SQLITE_READONLY, SQLITE_CANTOPEN):
            # The OS said no where os.access said yes (a network drive, an ACL).
            why = "the file or its folder does not allow changes"
            return connect_read_only(file, why), why
        raise explain(error, f"open {file}") from error


def _open_writer(file: Path) -> sqlite3.Connection:
    conn = _raw_connect(str(file))
    try:
        _configure(conn, wal=True)
        _migrate(conn, str(file))
    except BaseException:
        conn.close()
        raise
    return conn


def _as_named(file: Path, open_and_read: Callable[[Path], sqlite3.Connection]
              ) -> sqlite3.Connection:
    """Open ``file`` (``open_and_read`` reads from it) and check that its name still
    points to the file opened: a join renames a newly built fact base over a blank one
    (:mod:`.file_swap`) while holding every other connection out, so a connection that
    opened the old file just then reads it only once the new one has its name. Such a
    connection is closed and the file opened again."""
    for _attempt in range(_OPEN_TRIES):
        named = _file_id(file)
        conn = open_and_read(file)
        if named is None or _file_id(file) == named:
            return conn
        conn.close()
    raise FactBaseError(f"Cannot open {file}: it keeps being replaced by another program.")


def _file_id(file: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(file)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def read_only_reason(file: Path) -> str:
    """Why this process cannot change the fact base file ``file``; ``""`` when it can.

    The folder counts too: a fact base in WAL mode writes ``-wal`` and ``-shm`` files
    beside itself."""
    try:
        if os.statvfs(file).f_flag & os.ST_RDONLY:
            return "its drive is read-only"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    if not os.access(file, os.W_OK):
        return "the file is read-only"
    if not os.access(file.parent, os.W_OK):
        return "its folder does not allow changes"
    return ""


def connect_read_only(path: str | os.PathLike, why: str) -> sqlite3.Connection:
    """A read-only connection to the fact base file at ``path`` that this process may not
    change (``why`` says so in messages); nothing is created or written, not even beside it.

    Refuses files of other programs, of newer versions, blank ones and those of an older
    version (reading those would need a migration, which is a write)."""
    file = Path(path).expanduser()
    _inspect(file)
    conn = _read_only_connection(file)
    try:
        blank = schema.is_blank(conn)
        version = _checked_version(conn, str(file))
    except sqlite3.Error as error:
        conn.close()
        raise explain(error, f"open {file}") from error
    except BaseException:
        conn.close()
        raise
    if blank or version < schema.SCHEMA_VERSION:
        conn.close()
        state = "empty" if blank else "from an older version of the app"
        raise FactBaseError(
            f"{file} cannot be opened: it is {state}, and {why} (opening it would change "
            "it). Copy it to a folder where you may change files, and open the copy."
        )
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def _read_only_connection(file: Path) -> sqlite3.Connection:
    """``mode=ro`` while another connection has the file open (its ``-wal``/``-shm`` files
    are there; SQLite must see its writes); otherwise, and where SQLite cannot open a
    WAL-mode file read-only at all, ``immutable=1``: the file is read as it is on disk and
    nothing is created beside it."""
    if _has_side_files(file):
        try:
            conn = _raw_connect(_uri(file, "mode=ro"), uri=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as error:
            if primary_code(error) not in (SQLITE_CANTOPEN, SQLITE_READONLY):
                raise explain(error, f"open {file}") from error
    try:
        conn = _raw_connect(_uri(file, "immutable=1"), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as error:
        raise explain(error, f"open {file}") from error


def _has_side_files(file: Path) -> bool:
    return any(file.with_name(file.name + suffix).exists() for suffix in _SIDE_FILES)


def _uri(file: Path, query: str) -> str:
    return file.resolve().as_uri() + "?" + query


def connect_reader(path: str | os.PathLike) -> sqlite3.Connection:
    """A read-only connection to the (already opened and migrated) fact base file at
    ``path``, configured like the writer's, for one thread's reads."""
    try:
        conn = _as_named(Path(path).expanduser(), _open_reader)
    except sqlite3.Error as error:
        raise explain(error, f"open {path}") from error
    with contextlib.suppress(sqlite3.Error):  # a file without the index: made when needed
        search_index.attach_vocabularies(conn)
    return conn


def _open_reader(file: Path) -> sqlite3.Connection:
    conn = _raw_connect(_uri(file, "mode=ro"), uri=True)
    try:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the first read
    except BaseException:
        conn.close()
        raise
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
    # Without -wal/-shm beside it, no program has the file open in WAL mode: read it as
    # immutable, which creates nothing beside a file we may be about to refuse.
    uri = _uri(file, "mode=ro" if _has_side_files(file) else "immutable=1")
    try:
        conn = _raw_connect(uri, uri=True)
    except sqlite3.Error as error:
        raise explain(error, f"open {file}") from error
    try:
        if schema.is_blank(conn):
            return
        marked = schema.has_marker(conn)
        version = _checked_version(conn, str(file))
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise DamagedFactBaseError(
                f"{file} cannot be opened as a fact base ({error}): {DAMAGED}."
            ) from error
        raise explain(error, f"open {file}") from error
    finally:
        conn.close()
    if not marked:
        raise NotAFactBaseError(
            f"{file} is an SQLite database of another program, not a Briefing Builder "
            "fact base."
        )
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(str(file), version, schema.SCHEMA_VERSION)


# Page cache of up to 8 MiB a connection: at a million items search and paging are as
# fast as with 64 MiB, each reader holds 60 MiB less (measured, issue 14).
CACHE_KIB = 8192
# Pages of 8 KiB in a new file: half the pages, page writes and WAL frames of SQLite's
# default 4 KiB (an import of 100k items 4% faster; 16 and 32 KiB were slower). The first
# search after opening 1M items is as fast as in 4 KiB pages: colombia 54 ms in both
# with the file in the system's cache, 160 ms in both with that cache emptied.
PAGE_BYTES = 8192


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")  # only a new, empty file takes it
    if wal:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() == "wal":
            # Safe with WAL (a power cut may lose the last commit, never corrupt the file).
            conn.execute("PRAGMA synchronous = NORMAL")


def _checked_version(conn: sqlite3.Connection, label: str) -> int:
    """The file's schema version; a value no version of the app writes means a damaged
    header (one flipped bit at offset 60 makes it negative)."""
    version = schema.user_version(conn)
    if version < 0:
        raise DamagedFactBaseError(
            f"{label} cannot be opened as a fact base: its header is damaged (the schema "
            f"version reads {version}): {DAMAGED}."
        )
    return version


def _migrate(conn: sqlite3.Connection, label: str) -> None:
    if _checked_version(conn, label) == schema.SCHEMA_VERSION and schema.has_marker(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Checked again under the write lock: another process may have migrated meanwhile.
        version = _checked_version(conn, label)
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


@contextlib.contextmanager
def pragma_set(conn: sqlite3.Connection, name: str, value: int) -> Iterator[None]:
    """The connection's integer setting ``name`` is ``value`` for the block, then what it
    was before (also after a failure)."""
    before = int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    conn.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA {name} = {before}")
