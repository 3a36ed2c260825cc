"""Writing files so that a failure never leaves a truncated file or destroys the old one.

Everything the app writes goes to a temporary file in the target's folder and is renamed
into place once complete (``os.replace`` is atomic on one file system).

A process killed midway leaves its hidden temporary file behind. Their names say whose
they are (``.memo.pdf.<host>-<pid>-<random>.tmp``), so the next write to the same folder
removes those of processes of this computer that are gone, and any of ours older than a
day (another computer's, on a shared drive): :func:`remove_stale_temp_files`.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

STALE_AFTER_SECONDS = 24 * 3600
"""A temporary file of another computer (or of unknown origin) this old is abandoned."""

_DISK_ERRORS = {getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS")
                if hasattr(errno, name)}
"""Errors of the disk while the file is written: said with the file's name."""

_TEMP_NAME = re.compile(
    r"^\..+\.(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d+)-)?[0-9A-Za-z_]{8}\.tmp"
    r"(?:-wal|-shm|-journal)?$"
)


class WriteError(OSError):
    """The target cannot be written; the message says which file and why, for people."""


def _describe(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        reason = "permission denied (is it open in another program, or read-only?)"
    elif isinstance(error, FileNotFoundError):
        reason = "the folder does not exist"
    elif isinstance(error, IsADirectoryError):
        reason = "it is a folder"
    return f"Cannot write {path}: {reason}"


def _mode_for(target: Path) -> int:
    """The permissions the finished file should have: those of the file it replaces, else
    what a plain ``open()`` would give under the current umask (mkstemp's 0600 would hide
    exported memos from colleagues on a shared drive)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_current_umask()


def _current_umask() -> int:
    """The process umask, read without changing it where the OS allows: setting it (the
    only portable way to read it) is process-wide, and exports run in worker threads
    while other threads may be creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o077)  # briefly the strictest mask, never a looser one
    os.umask(umask)
    return umask


def temp_path_for(target: str | os.PathLike) -> Path:
    """A new hidden temporary name beside ``target`` that says which process made it."""
    import secrets  # here, not at the top: reading commands never need it

    target = Path(target)
    token = secrets.token_hex(4)
    return target.with_name(f".{target.name}.{_host()}-{os.getpid()}-{token}.tmp")


def remove_stale_temp_files(folder: str | os.PathLike) -> list[Path]:
    """Delete the temporary files (and their SQLite ``-wal``/``-shm``/``-journal``) that
    writes of this app left in ``folder`` when they were killed; returns them.

    Ours on this computer go as soon as their process is gone; others (another
    computer's, or named before the process was) after :data:`STALE_AFTER_SECONDS`.
    Files in use and files of other programs are never touched; failures are ignored
    (this is tidying, not the write itself)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        found = _TEMP_NAME.match(entry.name) if entry.name.startswith(".") else None
        if found is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if _abandoned(found, age):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _abandoned(name: re.Match, age: float) -> bool:
    if age > STALE_AFTER_SECONDS:
        return True
    if name["host"] != _host():
        return False
    pid = int(name["pid"])
    return pid != os.getpid() and not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap check: wait for the age limit
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def sync_folder(folder: str | os.PathLike) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere the rename is enough)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@functools.cache
def _host() -> str:
    """Four hex digits naming this computer in temporary file names. Worked out at the
    first write: hashlib and socket cost every reading command (``briefing-app search``)
    several milliseconds of start-up."""
    import hashlib
    import socket

    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary binary file beside ``path``; on success it replaces ``path``.

    On any exception the temporary file is removed and the previous ``path`` is untouched.
    OS errors are re-raised as :class:`WriteError` with a message for people. Temporary
    files that killed writes left in the folder are removed first.
    """
    target = Path(path)
    if target.is_dir():
        raise WriteError(_describe(target, IsADirectoryError(21, "Is a directory")))
    folder = target.parent or Path(".")
    remove_stale_temp_files(folder)
    tmp = temp_path_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
    except OSError as error:
        raise WriteError(_describe(target, error)) from error
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(tmp, target)
        except OSError as error:
            raise WriteError(_describe(target, error)) from error
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, WriteError) or error.errno not in _DISK_ERRORS:
            raise
        raise WriteError(_describe(target, error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
