"""Nothing half-made is left behind (issue 15, items 8 and 15): a killed write's hidden
temporary file is cleared by the next write to its folder, and a killed ``init`` leaves
either no fact base or a complete one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing_app.core.files import (
    STALE_AFTER_SECONDS,
    atomic_write_bytes,
    remove_stale_temp_files,
    temp_path_for,
)
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
HOLD_A_WRITE = """
import sys, time
from briefing_app.core.files import atomic_output
with atomic_output(sys.argv[1]) as stream:
    stream.write(b"half a memo")
    print("writing", flush=True)
    time.sleep(60)
"""

needs_kill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def host_of(temp: Path) -> str:
    return temp.name.split(".")[-2].split("-")[0]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@needs_kill
def test_a_killed_export_leaves_a_temp_file_that_the_next_write_clears(tmp_path):
    process = subprocess.Popen([sys.executable, "-c", HOLD_A_WRITE, str(tmp_path / "memo.pdf")],
                               env=ENV, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "writing\n"
    process.kill()
    process.wait(timeout=30)
    process.stdout.close()
    (leftover,) = names(tmp_path)
    assert leftover.startswith(".memo.pdf.") and leftover.endswith(".tmp")
    atomic_write_bytes(tmp_path / "other.docx", b"a memo")
    assert names(tmp_path) == ["other.docx"]


def test_temp_files_in_use_of_other_computers_and_of_other_programs_stay(tmp_path):
    mine_in_use = temp_path_for(tmp_path / "a.pdf")  # this process is alive
    other_host = "0000" if host_of(mine_in_use) != "0000" else "ffff"
    other_computer = tmp_path / f".b.pdf.{other_host}-1-abcdefgh.tmp"
    not_ours = [tmp_path / ".hidden", tmp_path / ".b.pdf.tmp", tmp_path / "c.tmp"]
    for path in (mine_in_use, other_computer, *not_ours):
        path.write_bytes(b"x")
    assert remove_stale_temp_files(tmp_path) == []
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(other_computer, (old, old))
    assert remove_stale_temp_files(tmp_path) == [other_computer]
    assert sorted(names(tmp_path)) == sorted(p.name for p in (mine_in_use, *not_ours))


def test_a_dead_process_s_sqlite_temp_and_its_side_files_are_cleared(tmp_path):
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    dead_pid = int(process.stdout)
    host = host_of(temp_path_for(tmp_path / "facts.sqlite"))
    dead = tmp_path / f".facts.sqlite.{host}-{dead_pid}-abcd1234.tmp"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dead}{suffix}").write_bytes(b"x")
    assert len(remove_stale_temp_files(tmp_path)) == 3
    assert names(tmp_path) == []


INIT = """
import sys
from briefing_app.exchange.sample import create_fact_base
create_fact_base(sys.argv[1]).close()
"""


@needs_kill
def test_a_killed_init_leaves_no_fact_base_or_a_complete_one(tmp_path):
    with create_fact_base(tmp_path / "reference.sqlite") as fb:
        complete = fb.item_count()
    outcomes = set()
    for attempt, delay in enumerate((0.3, 0.45, 0.6, 0.75, 0.9, 1.05, 1.2, 1.5)):
        path = tmp_path / f"attempt-{attempt}" / "facts.sqlite"
        path.parent.mkdir()
        process = subprocess.Popen([sys.executable, "-c", INIT, str(path)], env=ENV)
        time.sleep(delay)
        process.kill()
        process.wait(timeout=30)
        if path.exists():
            with FactBase.open(path) as fb:
                assert fb.item_count() == complete
            outcomes.add("complete")
        else:
            create_fact_base(path).close()  # init runs again where the kill left nothing
            outcomes.add("none")
        assert [n for n in names(path.parent) if not n.startswith(".")] == ["facts.sqlite"]
    assert outcomes  # each attempt ended in one of the two allowed states


def test_a_failed_init_removes_its_temporary_file(tmp_path):
    path = tmp_path / "facts.sqlite"
    path.mkdir()
    with pytest.raises(Exception, match="already exists"):
        create_fact_base(path)
    assert names(tmp_path) == ["facts.sqlite"]
