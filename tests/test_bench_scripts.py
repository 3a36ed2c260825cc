"""The benchmarks behind the closing notes' figures still run on small inputs, each
printing what it measures (the app's figure, and the baseline's and their ratio where it
has one). No figure is held to a target here (timings on a test machine would flake): a
benchmark that no longer runs, or no longer prints what it measures, fails."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
ITEMS = 3_000


@pytest.fixture(scope="module")
def fact_base(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "small.sqlite"
    run_script("generate_factbase.py", str(path), "--items", str(ITEMS))
    return path


def run_script(name: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(BENCH / name), *args], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_gui_benchmark_times_typing_against_the_bare_window(fact_base):
    out = run_script("bench_gui.py", "--db", str(fact_base))
    assert f"({ITEMS:,} items)" in out
    assert "keystroke to first rows painted" in out
    assert "no hit" in out and "the bare window" in out
    assert "memory after searching and scrolling" in out


def test_the_stalls_benchmark_reports_the_longest_freeze(fact_base):
    out = run_script("bench_ui_stalls.py", "--db", str(fact_base))
    assert "edit a title and save" in out
    assert "worst:" in out


def test_the_start_up_benchmark_compares_with_the_bare_window(fact_base):
    out = run_script("bench_startup.py", "--db", str(fact_base), "--runs", "1")
    assert "window with first rows" in out and "bare QTableView" in out and "ratio" in out


def test_the_cli_benchmark_compares_with_importing_sqlite_utils(fact_base):
    out = run_script("bench_cli.py", "--db", str(fact_base), "--runs", "1")
    assert "`briefing-app search x`" in out and "ratio" in out


def test_the_cli_benchmark_runs_on_a_fact_base_another_program_left_a_wal_in(tmp_path):
    """A program that ended without closing the fact base leaves its last changes in the
    WAL; the first search copies them into the file (SQLite does at the last close). That
    is no write of the search's own, and the benchmark says nothing changed."""
    path = tmp_path / "left.sqlite"
    run_script("generate_factbase.py", str(path), "--items", "500")
    left = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA wal_autocheckpoint = 0'); "
            "c.execute(\"INSERT OR REPLACE INTO settings VALUES ('bench.left', 'wal')\"); "
            "c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", left, str(path)], check=True)
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    out = run_script("bench_cli.py", "--db", str(path), "--runs", "1")
    assert "ratio" in out
    assert sqlite3.connect(path).execute(
        "SELECT value FROM settings WHERE key = 'bench.left'").fetchone() == ("wal",)


def test_the_search_benchmark_times_every_query_class(fact_base):
    out = run_script("bench_search.py", "--db", str(fact_base), "--repeat", "1")
    assert "very common word" in out and "no hit" in out
    assert "worst single call above" in out


def test_the_import_benchmark_compares_with_sqlite_utils(fact_base):
    out = run_script("bench_import.py", "--db", str(fact_base), "--rounds", "1")
    assert f"import {ITEMS:,} items" in out and "sqlite-utils" in out and "ratio" in out
    assert "import again (all unchanged)" in out


def test_the_team_benchmark_times_a_join_and_a_sync_against_copy():
    out = run_script("bench_sync.py", "--items", "2000")
    assert "join:" in out and "ratio join/baseline" in out
    assert "incremental sync, 100 items pulled" in out


@pytest.mark.parametrize(("script", "args", "printed"), [
    ("bench_first_run.py", ["--runs", "1"], "first start to memo shown"),
    ("bench_intake.py", ["--repeat", "1"], "-word article: first run"),
    ("bench_long_paragraph.py", ["--sizes", "1000"], "largest/smallest per 100k"),
    ("bench_memo_reads.py", ["--runs", "1", "--blocks", "10"], "target: preflight and build"),
    ("bench_render.py", ["--runs", "1", "--blocks", "10"], "write pdf"),
])
def test_the_memo_and_intake_benchmarks_run(script, args, printed):
    assert printed in run_script(script, *args)
