"""A small drive of its own for tests of full and read-only disks (a tmpfs, root only).

Tests that need one are skipped where mounting is not allowed (not root, or a container
without the right); they run on a developer machine with ``sudo`` and in the CI image.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_drive(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` mounted at ``folder``; unmounted afterwards."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small drive needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Fill the drive at ``folder`` to the last byte."""
    with open(folder / "filler", "wb", buffering=0) as stream:
        for chunk in (65536, 1):
            with contextlib.suppress(OSError):
                while stream.write(b"\0" * chunk):
                    pass
