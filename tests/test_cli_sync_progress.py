"""The line a long sync or join keeps rewriting on a terminal, and nothing in a log."""

from __future__ import annotations

import io

from briefing_app.cli import sync_progress
from briefing_app.cli.sync_progress import SyncProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_one_line_rewritten_then_wiped(monkeypatch):
    clock = iter([10.0, 10.1, 10.7, 11.0])
    monkeypatch.setattr(sync_progress.time, "monotonic", lambda: next(clock))
    terminal = Terminal()
    progress = SyncProgress(terminal)
    progress("pull", 5000)
    progress("pull", 10000)  # 0.1 s later: not shown
    progress("pull", 120000)
    progress("index", 1000000)  # a new phase is always shown
    progress.clear()
    shown = terminal.getvalue().split("\r")
    assert shown[1:4] == [
        "pulled 5,000 objects…",
        "pulled 120,000 objects…",
        "pulled 1,000,000 objects; building the indexes and the search index…",
    ]
    assert shown[4].strip() == "" and shown[5] == ""


def test_a_log_that_is_no_terminal_gets_nothing():
    log = io.StringIO()
    progress = SyncProgress(log)
    progress("pull", 5000)
    progress("index", 5000)
    progress.clear()
    assert log.getvalue() == ""
