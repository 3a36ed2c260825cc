"""A command that must wait for another program's write says so and goes on; Ctrl+C
stops it cleanly. Real processes: ``briefing-app import`` and a second program holding
the fact base's write lock (``lock_holder``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from lock_holder import LockHolder

from briefing_app.store import FactBase


@pytest.fixture
def empty_db(tmp_path):
    path = tmp_path / "facts.sqlite"
    FactBase.open(path).close()
    return path


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "pack.json"
    path.write_text(json.dumps({"format": "briefing-factpack", "version": 1, "items": [
        {"id": "f-waited", "kind": "fact", "text": "Imported after the other program"}]}),
        encoding="utf-8")
    return path


def start_import(db, pack) -> subprocess.Popen:
    """The command as a terminal starts it. Ctrl+C gets its default action back: a shell
    without job control starts a background job (``nohup pytest &``, some CI runners) with
    SIGINT ignored, its children inherit that, and Python then leaves Ctrl+C ignored, so
    the command waited on (this test hung that way). PYTHONFAULTHANDLER: a command that
    hangs prints where on SIGABRT (see finished)."""
    return subprocess.Popen(
        [sys.executable, "-m", "briefing_app", "--db", str(db), "import", str(pack)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONFAULTHANDLER": "1"}, preexec_fn=_ctrl_c_as_in_a_terminal)


def _ctrl_c_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def finished(command: subprocess.Popen, seconds: float) -> tuple[str, str]:
    """The command's output once it has ended; one still running after ``seconds`` fails
    the test with the stack of every thread it has."""
    try:
        return command.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        command.send_signal(signal.SIGABRT)
        _out, rest = command.communicate()
        pytest.fail(f"still running after {seconds} s; where it was:\n{rest}")


def item_ids(db) -> list[str]:
    with FactBase.open(db) as fb:
        return [item.id for item in fb.search("", limit=None)]


def test_an_import_says_it_waits_for_another_program_then_imports(empty_db, pack):
    with LockHolder(empty_db) as holder:
        command = start_import(empty_db, pack)
        first_line = command.stderr.readline()  # printed while the lock is still held
        holder.release()
        out, rest = finished(command, 60)
    assert first_line == (f"waiting for another program to finish writing to {empty_db}… "
                          "(Ctrl+C to stop)\n")
    assert command.returncode == 0, rest
    assert out == f"{pack}: items: 1 created, 0 updated, 0 unchanged\n"
    assert "waiting" not in rest  # said once
    assert item_ids(empty_db) == ["f-waited"]


def test_ctrl_c_while_waiting_stops_with_a_clear_message_and_changes_nothing(empty_db, pack):
    with LockHolder(empty_db):
        command = start_import(empty_db, pack)
        assert command.stderr.readline().startswith("waiting for another program")
        command.send_signal(signal.SIGINT)
        out, rest = finished(command, 30)
    assert command.returncode == 130 and out == ""
    assert rest == ("briefing-app: stopped waiting for the other program; nothing was "
                    "changed\n")
    assert item_ids(empty_db) == []
