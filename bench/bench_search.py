"""How fast the fact base searches at scale: prints figures, changes nothing in the repo.

Generates a fact base of ``--items`` items (default 100,000) in a temporary folder, or
reuses ``--db FILE`` when given (generating it there first if it does not exist), then
times ``FactBase.open`` and, for a set of representative queries, ``search(limit=50)``,
``count()`` and ``search_rows(limit=200)`` under several sort columns (median and worst
of ``--repeat`` runs, in milliseconds).

    python bench/bench_search.py                  # 100,000 items
    python bench/bench_search.py --items 20000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_factbase import generate  # noqa: E402
from query_classes import QUERIES  # noqa: E402

from briefing_app.store import FactBase  # noqa: E402

ROW_SORTS = ("date", "title", "people", "source", "relevance")


def _timed(function, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), result


def run(db: Path, repeat: int) -> None:
    opened = _timed(lambda: FactBase.open(db).close(), repeat)
    print(f"FactBase.open + close: median {opened[0]:.1f} ms, worst {opened[1]:.1f} ms")
    with FactBase.open(db) as fb:
        print(f"items: {fb.item_count()}\n")
        header = f"{'query':<22} {'hits':>7} {'search 50':>14} {'count':>14}"
        header += "".join(f" {'rows:' + s:>16}" for s in ROW_SORTS)
        print(header)
        print("-" * len(header))
        worst_overall = 0.0
        for label, text in QUERIES:
            search = _timed(lambda t=text: fb.search(t, limit=50), repeat)
            count = _timed(lambda t=text: fb.count(t), repeat)
            line = f"{label:<22} {count[2]:>7} {_cell(search)} {_cell(count)}"
            worst_overall = max(worst_overall, search[1], count[1])
            for sort in ROW_SORTS:
                rows = _timed(
                    lambda t=text, s=sort: fb.search_rows(t, sort=s, limit=200), repeat
                )
                worst_overall = max(worst_overall, rows[1])
                line += f"   {_cell(rows)}"
            print(line, flush=True)
        print("\n(cells: median/worst ms)")
        deep = _timed(lambda: fb.search_rows("", sort="people", limit=200, offset=50_000), repeat)
        print(f"rows page at offset 50,000 sorted by people: {deep[0]:.1f}/{deep[1]:.1f} ms")
        desc = _timed(lambda: fb.search_rows("", sort="date", descending=True, limit=200), repeat)
        print(f"rows sorted by date descending: {desc[0]:.1f}/{desc[1]:.1f} ms")
        print(f"worst single call above: {worst_overall:.1f} ms")


def _cell(figures: tuple[float, float, object]) -> str:
    return f"{figures[0]:>6.1f}/{figures[1]:<6.1f}"[:14].rjust(14)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="fact base to use (generated if missing)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.sqlite"
        if not db.exists():
            figures = generate(db, args.items, args.seed)
            print(
                f"generated {figures['items']} items in {figures['generate']:.1f} s, "
                f"inserted in {figures['insert']:.1f} s "
                f"({figures['items'] / figures['insert']:.0f} items/s); "
                f"file {db.stat().st_size / 1e6:.0f} MB"
            )
        run(db, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
