"""Writing files so that a failure never leaves a truncated file or destroys the old one.

Everything the app writes goes to a temporary file in the target's folder and is renamed
into place once complete (``os.replace`` is atomic on one file system).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


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


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary binary file beside ``path``; on success it replaces ``path``.

    On any exception the temporary file is removed and the previous ``path`` is untouched.
    OS errors are re-raised as :class:`WriteError` with a message for people.
    """
    target = Path(path)
    if target.is_dir():
        raise WriteError(_describe(target, IsADirectoryError(21, "Is a directory")))
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path(".")
        )
    except OSError as error:
        raise WriteError(_describe(target, error)) from error
    tmp = Path(tmp_name)
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
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_output(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
