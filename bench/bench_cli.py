"""How long ``briefing-app search`` takes as a whole process, against importing sqlite-utils.

The baseline is the least a competent engineer's script on the same libraries pays before
it can answer: ``python -c "import sqlite_utils"``. Each run is a whole process (bytecode
cached, as after an install), timed from just before it starts until it exits; the app and
the baseline take turns, the same number of runs each, and the medians are compared. The
fact base must not change: its size and modification time are checked around the timed runs.

    python bench/bench_cli.py [--db FILE] [--runs 21] [--query x]

Without ``--db`` it uses the generated 100,000-item fact base the GUI benchmark caches.

Target: the app within 1.2x the baseline.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.2


def app_command(db: Path, query: str) -> list[str]:
    """The installed ``briefing-app`` script next to this Python, else ``-m briefing_app``."""
    script = Path(sys.executable).with_name("briefing-app")
    start = [str(script)] if script.is_file() else [sys.executable, "-m", "briefing_app"]
    return [*start, "--db", str(db), "search", query]


BASELINE = [sys.executable, "-c", "import sqlite_utils"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one whole process; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=HERE.parent)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing fact base")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--query", default="x")
    args, _others = parser.parse_known_args(argv)  # run_all.py passes every option along
    if args.db is None:
        sys.path.insert(0, str(HERE))
        from cached_factbase import fact_base_path

        args.db = fact_base_path(args.items, args.seed)
    if not args.db.is_file():
        parser.error(f"no fact base at {args.db}")
    # Bytecode cached, as after an install.
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    commands = {"app": app_command(args.db, args.query), "baseline": BASELINE}
    for command in commands.values():  # warm the bytecode and file caches once
        timed(command, env)
    # After the warm-up: a WAL that another program left (one that ended without closing
    # the fact base) is copied into the file when the first run closes it, as SQLite
    # does at the last connection's close; that moves data it already held, not a write.
    before = args.db.stat()
    wall: dict[str, list[float]] = {which: [] for which in commands}
    cpu: dict[str, list[float]] = {which: [] for which in commands}
    for run in range(args.runs):  # the two take turns, starting in turn
        order = list(commands) if run % 2 == 0 else list(reversed(commands))
        for which in order:
            seconds, cpu_seconds = timed(commands[which], env)
            wall[which].append(seconds)
            cpu[which].append(cpu_seconds)
    after = args.db.stat()
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        print(f"{args.db} changed during the runs: a read command wrote to it")
        return 1
    app, base = statistics.median(wall["app"]), statistics.median(wall["baseline"])
    app_cpu, base_cpu = statistics.median(cpu["app"]), statistics.median(cpu["baseline"])
    print(f"{args.db}: `briefing-app search {args.query}` (whole process, median of "
          f"{args.runs}, taking turns): app {app * 1000:.0f} ms, "
          f"`python -c \"import sqlite_utils\"` {base * 1000:.0f} ms, ratio {app / base:.2f}"
          f" — target {TARGET_RATIO}x")
    print(f"CPU time (user + system): app {app_cpu * 1000:.0f} ms, baseline "
          f"{base_cpu * 1000:.0f} ms, ratio {app_cpu / base_cpu:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
