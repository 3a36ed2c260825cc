"""Another program that holds a fact base's write lock until the test lets go.

A real second process (Python's own ``sqlite3``, as any other tool would use it) runs
``BEGIN IMMEDIATE``, writes a row and waits; :meth:`LockHolder.release` makes it commit.
If the test ends without releasing, leaving the ``with`` block does; if the test process
dies, the holder sees its input close and commits too, so no process outlives a test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('held-by', 'another program')")
print("held", flush=True)
sys.stdin.readline()  # the test's "let go", or the end of input when the test is gone
conn.execute("COMMIT")
conn.close()
print("committed", flush=True)
"""


class LockHolder:
    """``with LockHolder(path) as holder:`` the write lock of ``path`` is taken by another
    process inside the block, until ``holder.release()``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.released = False
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> LockHolder:
        self._process = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, self.path], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if self._process.stdout.readline().strip() != "held":
            self._process.wait(10)
            raise RuntimeError(f"the lock holder failed: {self._process.stderr.read()}")
        return self

    def release(self) -> None:
        """Commit the other program's write and let go of the lock (waits until it has)."""
        if self.released or self._process is None:
            return
        self.released = True
        self._process.stdin.write("\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline().strip()
        assert line == "committed", self._process.stderr.read()

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.release()
        finally:
            self._process.stdin.close()
            self._process.wait(10)
            self._process.stdout.close()
            self._process.stderr.close()
