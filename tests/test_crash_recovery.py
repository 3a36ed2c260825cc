"""A crash never costs a completed edit: a composer process killed with SIGKILL leaves a
sound fact base holding every edit it had finished (and at most the one in progress)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from crash_compose import edit_kind

from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase

SCRIPT = Path(__file__).with_name("crash_compose.py")
ROOT = Path(__file__).resolve().parent.parent
EDITS_BEFORE_KILL = 45


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_composer_loses_no_completed_edit(tmp_path):
    path = tmp_path / "crash.sqlite"
    create_fact_base(path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(SCRIPT), str(path)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        for line in process.stdout:
            lines.append(line)
            if line.startswith(f"EDIT {EDITS_BEFORE_KILL}\n"):
                break
    finally:
        process.send_signal(signal.SIGKILL)  # mid-way: it is already on further edits
        process.wait(timeout=30)
    lines += process.stdout.read().splitlines(keepends=True)  # printed before it died
    assert process.returncode == -signal.SIGKILL
    briefing_id = next(line.split()[1] for line in lines if line.startswith("CREATED "))
    completed = max(int(line.split()[1]) for line in lines
                    if line.startswith("EDIT ") and line.endswith("\n"))  # whole lines only
    assert completed >= EDITS_BEFORE_KILL, process.stderr.read()

    with FactBase.open(path) as fb:
        assert fb.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        briefing = fb.get_briefing(briefing_id)
    sections = {s.heading: s for s in briefing.sections}
    drops = len(sections["Background"].blocks)
    points = [b.text for b in sections["Talking Points"].blocks]
    done = range(1, completed + 1)
    expected_drops = sum(edit_kind(n) == "drop" for n in done)
    expected_points = [f"Point {n}" for n in done if edit_kind(n) == "point"]
    last_subject = max(n for n in done if edit_kind(n) == "subject")

    # every completed edit is there; the edit in progress may or may not be
    following = completed + 1
    assert drops in (expected_drops, expected_drops + (edit_kind(following) == "drop"))
    assert points[:len(expected_points)] == expected_points
    assert points[len(expected_points):] in ([], [f"Point {following}"])
    assert briefing.subject in (f"Subject {last_subject}", f"Subject {following}")
