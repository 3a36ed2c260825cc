"""A consistent copy of a fact base while it is open: SQLite's online backup.

Copying the file by hand could catch it mid-write (and miss the WAL file); the backup API
copies a consistent snapshot page by page. The copy is written to a temporary file in the
target's folder and renamed into place only when complete, so a failed or cancelled
backup never leaves a half-written file or destroys an older backup of the same name.
:meth:`FactBase.backup <briefing_app.store.FactBase.backup>` is the way in; this module
works from the file's path and opens its own read-only connection, so the copy neither
waits for nor holds up the fact base's writer.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing_app.core.files import remove_stale_temp_files, temp_path_for

from .errors import ChangeCancelled, FactBaseError, explain

PAGES_PER_STEP = 256

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BackupCancelled(ChangeCancelled):
    """The user cancelled; the target was not written."""

    def __init__(self) -> None:
        super().__init__("The backup was cancelled; nothing was written.")


def backup(
    source: str | os.PathLike,
    target: str | os.PathLike,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Copy the fact base file ``source`` to ``target`` (replaced if it exists).

    Opens its own read-only connection, so it may run in any thread. ``progress(done,
    total)`` counts pages; when ``cancelled()`` turns true the copy stops with
    :class:`BackupCancelled`. Raises :class:`FactBaseError` with a message for people on
    any failure. Returns the target path.
    """
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise FactBaseError(f"Cannot back up {source} onto itself; choose another file.")
    if not target.parent.is_dir():
        raise FactBaseError(f"Cannot write {target}: the folder does not exist.")
    remove_stale_temp_files(target.parent)
    tmp = temp_path_for(target)
    try:
        _copy(source, tmp, progress, cancelled)
        os.replace(tmp, target)
    except sqlite3.Error as error:
        raise explain(error, f"back up {source} to {target}") from error
    except OSError as error:
        raise FactBaseError(f"Cannot write {target}: {error.strerror or error}.") from error
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                tmp.with_name(tmp.name + suffix).unlink()
    return target


def _copy(source: Path, tmp: Path, progress: Progress | None,
          cancelled: Cancelled | None) -> None:
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        def step(_status: int, remaining: int, total: int) -> None:
            if cancelled is not None and cancelled():
                raise BackupCancelled()
            if progress is not None:
                progress(total - remaining, total)

        if cancelled is not None and cancelled():
            raise BackupCancelled()
        src.backup(dst, pages=PAGES_PER_STEP, progress=step)
        # A plain rollback-journal file: one self-contained file to hand around.
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
