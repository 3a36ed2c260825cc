"""Automatic backups of a fact base, kept in the user data folder with a rolling limit.

Like Anki's: a consistent online copy (:mod:`.backup`) when the app closes and at most
every :data:`INTERVAL_SECONDS` while changes are being made. Each fact base file has its
own folder (``<user data>/backups/<name>-<hash of its path>/``), so two files named
``factbase.sqlite`` in different folders never share backups. Retention keeps the
:data:`KEEP_LATEST` newest plus the newest of each of the last :data:`KEEP_DAYS` days.

Restoring first backs up the current file (so a restore can itself be undone by restoring
that copy), then copies the chosen backup into place through a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from briefing_app.core.paths import user_data_dir

from . import backup as online_backup
from .errors import FactBaseError

INTERVAL_SECONDS = 30 * 60
KEEP_LATEST = 10
KEEP_DAYS = 7
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One automatic backup: where, when, and what it holds (None when unreadable)."""

    path: Path
    taken: datetime
    items: int | None
    briefings: int | None


def backups_folder(fact_base: str | os.PathLike) -> Path:
    """The folder holding the automatic backups of the fact base file ``fact_base``."""
    import hashlib  # here, not at the top: the command line's start saves 2 ms

    file = Path(fact_base).expanduser().resolve()
    digest = hashlib.sha256(str(file).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{file.stem}-{digest}"


def take_backup(fact_base: str | os.PathLike, *, now: datetime | None = None) -> Path:
    """Back up the fact base file now (consistent even while it is being changed) and
    apply the retention; returns the new backup."""
    folder = backups_folder(fact_base)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FactBaseError(f"Cannot create the backup folder {folder}: "
                            f"{error.strerror or error}.") from error
    moment = now or datetime.now()
    target = folder / f"{moment.strftime(_STAMP)}.sqlite"
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{moment.strftime(_STAMP)}-{count}.sqlite"
    online_backup.backup(fact_base, target)
    prune(folder, now=moment)
    return target


def list_backups(fact_base: str | os.PathLike) -> list[BackupInfo]:
    """The automatic backups of ``fact_base``, newest first, with their counts."""
    return [_describe(path, taken) for path, taken in _backups_in(backups_folder(fact_base))]


def prune(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups in ``folder`` beyond the retention; returns the deleted ones."""
    backups = _backups_in(folder)  # newest first
    keep = {path for path, _taken in backups[:KEEP_LATEST]}
    oldest_day = ((now or datetime.now()) - timedelta(days=KEEP_DAYS - 1)).date()
    days_kept: set = set()
    for path, taken in backups:
        if taken.date() >= oldest_day and taken.date() not in days_kept:
            days_kept.add(taken.date())
            keep.add(path)
    removed = []
    for path, _taken in backups:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def restore(backup: str | os.PathLike, fact_base: str | os.PathLike) -> Path:
    """Put the backup ``backup`` in place of the (closed) fact base file ``fact_base``.

    The current file is backed up first, so it appears in the list as another backup;
    returns that copy. The backup itself stays where it is. No program may have the fact
    base open meanwhile."""
    backup, fact_base = Path(backup), Path(fact_base)
    if not backup.is_file():
        raise FactBaseError(f"The backup {backup} does not exist (any more).")
    kept = take_backup(fact_base) if fact_base.is_file() else None
    # A -wal left by a crash would be replayed onto the restored file: its content is in
    # the copy just taken.
    for suffix in ("-wal", "-shm"):
        side = fact_base.with_name(fact_base.name + suffix)
        try:
            side.unlink(missing_ok=True)
        except OSError as error:
            raise FactBaseError(f"Cannot restore: {side} cannot be removed "
                                f"({error.strerror or error}); close the app using it.") \
                from error
    online_backup.backup(backup, fact_base)
    return kept


def backup_if_stale(fact_base: str | os.PathLike, *, interval: float = INTERVAL_SECONDS,
                    now: datetime | None = None) -> Path | None:
    """Back up unless the newest backup is younger than ``interval`` seconds (for
    commands that run and exit, where no timer lives long enough)."""
    moment = now or datetime.now()
    newest = _backups_in(backups_folder(fact_base))[:1]
    if newest and (moment - newest[0][1]).total_seconds() < interval:
        return None
    return take_backup(fact_base, now=moment)


class AutoBackups:
    """When to back up one fact base: after changes, at most every ``interval`` seconds,
    and once more at close if anything changed since the last backup. ``clock`` is
    ``time.monotonic``; faces call :meth:`changed` after every change and
    :meth:`backup_if_due` from a timer."""

    def __init__(self, fact_base: str | os.PathLike, *, interval: float = INTERVAL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.fact_base = Path(fact_base)
        self.interval = interval
        self._clock = clock
        self._changed = False
        self._last = clock()

    @property
    def pending(self) -> bool:
        """True when changes were made since the last backup."""
        return self._changed

    def changed(self) -> None:
        self._changed = True

    def due(self) -> bool:
        return self._changed and self._clock() - self._last >= self.interval

    def backup_if_due(self) -> Path | None:
        return self.backup_now() if self.due() else None

    def at_close(self) -> Path | None:
        """The backup when the app closes: only if something changed."""
        return self.backup_now() if self._changed else None

    def backup_now(self) -> Path:
        self._changed = False
        self._last = self._clock()
        return take_backup(self.fact_base)


def _backups_in(folder: Path) -> list[tuple[Path, datetime]]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        found.append((path, taken, int(match["n"] or 1)))
    found.sort(key=lambda entry: (entry[1], entry[2]), reverse=True)
    return [(path, taken) for path, taken, _n in found]


def _describe(path: Path, taken: datetime) -> BackupInfo:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
        try:
            items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
            briefings = conn.execute("SELECT count(*) FROM briefings").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return BackupInfo(path, taken, None, None)
    return BackupInfo(path, taken, items, briefings)
