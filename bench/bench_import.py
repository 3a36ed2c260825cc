"""How fast a large fact pack imports, against the minimal sqlite-utils import of it.

Exports a generated fact base (``--db``, or one of ``--items`` generated into a temporary
folder) as a pack, then imports the pack into new, empty fact bases, the app and the
baseline taking turns, each in a process of its own so its peak memory is its own:

- app: ``import_pack`` (a pack over 32 MB is read as a stream, by a child process while
  this one writes), one undoable operation; its peak memory is the most the two held
  at one moment, sampled every 10 ms (their separate peaks are printed too);
- baseline: what a competent engineer would write first with the same libraries:
  ``json.load`` the file, sqlite-utils ``insert_all`` the sources, people, items (tags and
  people in link tables), and an external-content FTS5 index over the item texts.

Prints, for each, the seconds, items per second, peak memory, bytes per item of the file
written, and the app's ratio to the baseline. Then imports the pack once more into the
app's fact base: everything compared and left unchanged.

    .venv/bin/python bench/bench_import.py [--items N | --db FILE] [--rounds R]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TARGET_ITEMS_PER_S = 30_000
TARGET_RATIO = 1.5
TARGET_PEAK_MIB = 400


def import_with_app(pack: Path, target: Path) -> dict:
    from briefing_app.exchange.factpack import import_pack
    from briefing_app.store import FactBase

    with FactBase.open(target) as fb:
        result = import_pack(fb, pack)
    return {"items": result.items.created}


def import_with_sqlite_utils(pack: Path, target: Path) -> dict:
    import sqlite_utils

    with pack.open(encoding="utf-8") as stream:
        data = json.load(stream)
    db = sqlite_utils.Database(target)
    with db.conn:
        db["sources"].insert_all(data.get("sources") or [], pk="id", alter=True)
        db["people"].insert_all(data.get("people") or [], pk="id", alter=True)
        items = data.get("items") or []
        db["items"].insert_all(
            ({k: v for k, v in item.items() if k not in ("tags", "people")} for item in items),
            pk="id", alter=True, batch_size=1000)
        db["item_tags"].insert_all(
            ({"item_id": item["id"], "tag": tag, "position": n}
             for item in items for n, tag in enumerate(item.get("tags") or [])),
            batch_size=1000)
        db["item_people"].insert_all(
            ({"item_id": item["id"], "person_id": person, "position": n}
             for item in items for n, person in enumerate(item.get("people") or [])),
            batch_size=1000)
    db["items"].enable_fts(["title", "text", "context", "translation", "notes", "location"],
                           tokenize="unicode61 remove_diacritics 2")
    return {"items": len(items)}


class _TogetherPeak:
    """The most memory this process and its children (the app's pack reader) held at one
    moment, read from /proc every 10 ms: their separate peaks need not coincide (the
    reader is gone before the import builds its indexes)."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(pid) for pid in _family()))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kib / 1024


def _family() -> list[int]:
    pids = [os.getpid()]
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            pids += [int(p) for p in (task / "children").read_text().split()]
    return pids


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def child(which: str, pack: str, target: str) -> None:
    """One import in this process; prints its figures as JSON."""
    together = _TogetherPeak()
    started = time.perf_counter()
    importer = import_with_app if which == "app" else import_with_sqlite_utils
    figures = importer(Path(pack), Path(target))
    figures["seconds"] = time.perf_counter() - started
    peaks = [resource.getrusage(who).ru_maxrss / 1024
             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    figures["peak_mib"] = max(together.stop(), peaks[0])
    figures["peaks_apart"] = peaks  # this process's own peak, its reader's
    print(json.dumps(figures))


def export(source: str, pack: str, items: str, seed: str) -> None:
    """Write the pack to import from ``source``, generated first if it does not exist."""
    from briefing_app.exchange.factpack import export_pack
    from briefing_app.store import FactBase

    if not Path(source).exists():
        from generate_factbase import generate

        print(f"generating a fact base of {int(items):,} items ...", flush=True)
        generate(Path(source), int(items), int(seed))
    with FactBase.open(source) as fb:
        started = time.perf_counter()
        export_pack(fb, Path(pack))
        print(f"exported in {time.perf_counter() - started:.1f} s", flush=True)


def run_child(which: str, pack: Path, target: Path) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    output = subprocess.run(
        [sys.executable, __file__, "--child", which, str(pack), str(target)],
        check=True, capture_output=True, text=True,
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    figures["bytes"] = target.stat().st_size
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=Path, help="an existing fact base to export and import")
    parser.add_argument("--pack", type=Path, help="an exported pack to import (kept)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("WHICH", "PACK", "TARGET"))
    parser.add_argument("--export", nargs=4, metavar=("DB", "PACK", "ITEMS", "SEED"))
    args, _ = parser.parse_known_args(argv)  # run_all.py passes its own arguments on
    if args.child:
        child(*args.child)
        return 0
    if args.export:
        export(*args.export)
        return 0

    from briefing_app.exchange.factpack import import_pack
    from briefing_app.store import FactBase

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as folder:
        folder = Path(folder)
        pack = args.pack or folder / "bench.factpack.json"
        if not pack.exists():  # in a process of its own: Linux keeps a parent's peak
            source = args.db or folder / "generated.sqlite"  # memory in its children
            subprocess.run([sys.executable, __file__, "--export", str(source), str(pack),
                            str(args.items), str(args.seed)], check=True)
        print(f"pack: {pack.stat().st_size / 2**20:,.0f} MiB", flush=True)

        runs: dict[str, list[dict]] = {"app": [], "baseline": []}
        for _ in range(args.rounds):  # the two take turns
            for which in runs:
                figures = run_child(which, pack, folder / f"{which}.sqlite")
                runs[which].append(figures)
                apart = " + ".join(f"{p:.0f}" for p in figures["peaks_apart"] if p)
                print(f"  {which:<8} {figures['seconds']:7.1f} s "
                      f"{figures['items'] / figures['seconds']:9,.0f} items/s "
                      f"peak {figures['peak_mib']:5.0f} MiB (apart: {apart})", flush=True)
        n = runs["app"][0]["items"]
        app = statistics.median(r["seconds"] for r in runs["app"])
        base = statistics.median(r["seconds"] for r in runs["baseline"])
        app_peak = max(r["peak_mib"] for r in runs["app"])
        app_size = runs["app"][-1]["bytes"] / n
        base_size = runs["baseline"][-1]["bytes"] / n
        print(f"\nimport {n:,} items (median of {args.rounds}): app {app:.1f} s "
              f"({n / app:,.0f} items/s), sqlite-utils {base:.1f} s ({n / base:,.0f} items/s),"
              f" ratio {app / base:.2f} — targets {TARGET_ITEMS_PER_S:,} items/s and "
              f"{TARGET_RATIO}x")
        print(f"peak memory: app {app_peak:.0f} MiB, sqlite-utils "
              f"{max(r['peak_mib'] for r in runs['baseline']):.0f} MiB — target "
              f"{TARGET_PEAK_MIB} MiB for the app")
        print(f"file size per item: app {app_size:,.0f} B, sqlite-utils {base_size:,.0f} B, "
              f"ratio {app_size / base_size:.2f}")

        with FactBase.open(folder / "app.sqlite") as fb:
            started = time.perf_counter()
            again = import_pack(fb, pack)
            seconds = time.perf_counter() - started
        assert again.items.unchanged == n and not again.changed, again.summary()
        print(f"import again (all unchanged): {seconds:.1f} s ({n / seconds:,.0f} items/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
