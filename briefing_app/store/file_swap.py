"""A fact base built in a file of its own, then put in the place of a blank one.

A join's first pull of a big team library (see :mod:`briefing_app.team.first_pull`) writes
hundreds of thousands of objects. Written into the fact base page by page, each page a
short transaction so the app never waits, every row pays for a dozen indexes and the
search index one row at a time. Written into a new file next to it that nothing else
uses, the whole pull is one transaction: no journal on disk, no fsync, the indexes built
once at the end (:func:`building`). Then :func:`swap_in` renames the new file over the
fact base, which holds the write lock for milliseconds.

Renaming is only safe when no connection has the old file open: a program that had it
open would go on writing into a file that no longer has a name, and its work would be
lost. So the swap first takes the file for itself: it switches the fact base out of WAL
mode with ``locking_mode = EXCLUSIVE``, which SQLite allows only when no other connection
(in any process) has the file open, and which keeps everyone else out until the rename is
done. Under that lock it checks that the fact base still holds nothing that syncs (no
one wrote into it meanwhile); only then does the new file take its name. A program that
was just opening the file at that moment is caught by :mod:`.connection`, which opens
again when the name points to another file after the first read.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing_app.core.files import sync_folder

from . import connection, integrity, replica
from .errors import FactBaseError

BUILDING_SUFFIX = ".joining"
BUILD_CACHE_KIB = 64 * 1024  # the page cache while building: indexes sorted in memory
_SETTINGS = "settings"  # the fact base's own settings: not synced, carried into the new file


def building_path(path: str | os.PathLike) -> Path:
    """Where the fact base at ``path`` is built anew: next to the file itself (a link
    followed), so the rename is atomic and replaces the file, not the link."""
    file = Path(path).resolve()
    return file.with_name(file.name + BUILDING_SUFFIX)


@contextlib.contextmanager
def building(fb: Any) -> Iterator[None]:
    """Write the block into ``fb`` (a new file no one else uses) as one transaction with
    the indexes built at its end (:meth:`~.FactBase.writing_many`), no journal but in
    memory and no fsync: a failure or a crash leaves a file that is deleted, never used.
    At the end the file goes back to WAL mode and is flushed to disk."""
    conn = fb.connection
    with fb._connections.holding_writer():
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = {-BUILD_CACHE_KIB}")
    with fb.writing_many():
        yield
    with fb._connections.holding_writer():
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_mode = WAL")


def check_built(built: Path) -> None:
    """SQLite's quick check of the closed, built replica, then its bytes flushed to disk;
    :class:`FactBaseError` when the check fails or the file is gone (the fact base it was
    to replace is then left as it was)."""
    sound = False
    with contextlib.suppress(FactBaseError, sqlite3.Error):
        conn = connection.connect_read_only(built, "it is being checked")
        try:
            sound = integrity.quick_check(conn) and bool(conn.execute(
                "SELECT count(*) FROM sync_replica").fetchone()[0])
        finally:
            conn.close()
    if not sound:
        raise FactBaseError(f"The replica built in {built.name} is damaged or gone; "
                            "nothing was changed.")
    _flush(built)  # now, not while the fact base is held for the swap


def swap_in(built: Path, target: Path) -> float | None:
    """Rename the closed fact base ``built`` over ``target`` when no other connection has
    ``target`` open and it still holds nothing that syncs; returns how long ``target``
    was locked (seconds), or ``None`` when it was left as it was."""
    target = target.resolve()
    try:
        shutil.copymode(target, built)
    except OSError:
        return None
    conn = sqlite3.connect(target, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        started = time.perf_counter()
        try:
            mode = conn.execute("PRAGMA journal_mode = MEMORY").fetchone()[0]
            conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError:
            return None  # another connection has it open
        if str(mode).lower() == "memory" and replica.holds_nothing_to_sync(conn):
            try:
                _carry_settings(conn, built)
                os.replace(built, target)
            except (OSError, sqlite3.Error):
                pass  # not renamed: the target stays
            else:
                sync_folder(target.parent)
                return time.perf_counter() - started
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode = WAL")
        return None
    finally:
        conn.close()


def _carry_settings(conn: sqlite3.Connection, built: Path) -> None:
    """Copy the target's own settings into the new file (they do not sync)."""
    cursor = conn.execute(f"SELECT * FROM {_SETTINGS}")
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if not rows:
        return
    into = sqlite3.connect(built, isolation_level=None)
    try:
        into.execute("BEGIN IMMEDIATE")
        into.executemany(
            f"INSERT OR REPLACE INTO {_SETTINGS}({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})", rows)
        into.execute("COMMIT")
    finally:
        into.close()


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
