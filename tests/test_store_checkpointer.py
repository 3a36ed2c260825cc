"""A long pull copies the WAL back into the file once a second, and all of it at the end."""

from __future__ import annotations

import sqlite3

from briefing_app.store import checkpointer
from briefing_app.store.checkpointer import Checkpointer

MEGABYTE = 1_000_000


def wal_writer(path) -> sqlite3.Connection:
    """A writer in WAL mode that leaves every checkpoint to the Checkpointer."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE pages (body BLOB)")
    return conn


def test_the_wal_is_copied_back_once_a_second_not_after_every_page(tmp_path, monkeypatch):
    path = tmp_path / "replica.sqlite"
    writer = wal_writer(path)
    now = [1000.0]
    monkeypatch.setattr(checkpointer.time, "monotonic", lambda: now[0])
    side = Checkpointer(path)

    writer.execute("INSERT INTO pages VALUES (zeroblob(?))", (MEGABYTE,))
    side.due()  # the first page: under a second since the pull began
    assert path.stat().st_size < MEGABYTE  # still only in the WAL

    now[0] += 0.4
    side.due()
    assert path.stat().st_size < MEGABYTE

    now[0] += 0.6  # a second since the pull began
    side.due()
    assert path.stat().st_size > MEGABYTE

    writer.execute("INSERT INTO pages VALUES (zeroblob(?))", (MEGABYTE,))
    side.due()  # just checkpointed: this page waits for the next one
    assert path.stat().st_size < 2 * MEGABYTE
    side.close()  # the end of the pull catches up with everything
    assert path.stat().st_size > 2 * MEGABYTE
    writer.close()
