"""What each secondary index of the items costs in bytes, and what it saves the staffer.

The fact base is about 2x the bytes per item of the plainest one (sqlite-utils rows and an
external-content search index). Part of that is indexes the plain one does not have; each
is here with its size and the read it serves, timed on a scratch copy of the fact base
with the index and again with it dropped (SQLite then scans or sorts instead). An index
pays for itself when the read it serves is one the window does while the staffer waits
(the first page of a sorted column, a sidebar count, a ``person:`` search) and that read
becomes much slower without it.

    .venv/bin/python bench/bench_index_worth.py [--db FILE] [--runs 5]

Without ``--db`` it uses the generated 100,000-item fact base the GUI benchmark caches.
The copy is made next to it and removed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefing_app.store import FactBase  # noqa: E402


def _first(conn: sqlite3.Connection, sql: str) -> str:
    return conn.execute(sql).fetchone()[0]


def reads(fb: FactBase, conn: sqlite3.Connection) -> dict[str, list[tuple[str, Callable]]]:
    """Index name -> [(what the staffer does, the store call it makes)]."""
    person = _first(conn, "SELECT person_id FROM item_people GROUP BY person_id"
                          " ORDER BY count(*) LIMIT 1")
    name = _first(conn, f"SELECT name FROM people WHERE id = '{person}'")
    speaker = _first(conn, "SELECT speaker_id FROM items WHERE speaker_id IS NOT NULL"
                           " GROUP BY speaker_id ORDER BY count(*) LIMIT 1")
    source = _first(conn, "SELECT source_id FROM items WHERE source_id IS NOT NULL"
                          " GROUP BY source_id ORDER BY count(*) LIMIT 1")
    tag = _first(conn, "SELECT tags.name FROM item_tags JOIN tags ON tags.id = tag_id"
                       " GROUP BY tag_id ORDER BY count(*) LIMIT 1")

    def sorted_by(column: str) -> Callable:
        return lambda: fb.search_rows("", sort=column, limit=200)

    first = f'person:"{name}"'
    return {
        "items_by_date": [("first page, newest first", sorted_by("date"))],
        "items_by_kind": [("sidebar counts by kind", fb.counts_by_kind),
                          ("sidebar: Quotes, first page", sorted_rows(fb, "kind:quote"))],
        "items_by_status": [("sidebar counts by verification", fb.counts_by_status),
                            ("sort by Status", sorted_by("status"))],
        "items_by_marking": [("sort by Marking", sorted_by("marking"))],
        "items_by_title": [("sort by Title", sorted_by("title"))],
        "items_by_text_start": [("sort by Text", sorted_by("text"))],
        "item_labels_by_people": [("sort by People", sorted_by("people"))],
        "item_labels_by_source": [("sort by Source", sorted_by("source"))],
        "item_labels_by_tags": [("sort by Tags", sorted_by("tags"))],
        "items_by_source": [("items citing a source (Manage Sources, delete)",
                             lambda: fb.source_uses(source))],
        "items_by_speaker": [("items quoting a person (Manage People, delete)",
                              lambda: fb.person_uses(speaker)),
                             ("sidebar counts by person", fb.people_counts)],
        "item_people_by_person": [("items naming a person (Manage People, delete)",
                                   lambda: fb.person_uses(person)),
                                  (f"{first}: first page", sorted_rows(fb, first)),
                                  (f"{first}: count", lambda: fb.count(first))],
        "item_tags_by_tag": [(f"tag:{tag}: first page", sorted_rows(fb, f'tag:"{tag}"')),
                             (f"tag:{tag}: count", lambda: fb.count(f'tag:"{tag}"'))],
    }


def sorted_rows(fb: FactBase, query: str) -> Callable:
    return lambda: fb.search_rows(query, limit=200)


def timed(call: Callable, runs: int) -> float:
    call()  # warm the page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args, _others = parser.parse_known_args(argv)  # run_all.py passes every option along
    if args.db is None:
        sys.path.insert(0, str(HERE))
        from cached_factbase import fact_base_path

        args.db = fact_base_path()
    scratch = args.db.with_name(args.db.stem + "-index-worth.sqlite")
    shutil.copyfile(args.db, scratch)
    try:
        report(scratch, args.runs)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return 0


def report(path: Path, runs: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    items = _first(conn, "SELECT count(*) FROM items")
    sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    total = sum(sizes.values())
    fb = FactBase.open(path)
    print(f"{path.name}: {items:,} items, {total / items:,.0f} bytes per item")
    print(f"{'index':24} {'B/item':>7}  {'with':>9} {'without':>10}  read it serves")
    for index, served in reads(fb, conn).items():
        sql = _first(conn, f"SELECT sql FROM sqlite_master WHERE name = '{index}'")
        with_index = [timed(call, runs) for _what, call in served]
        conn.execute(f"DROP INDEX {index}")
        try:
            without = [timed(call, runs) for _what, call in served]
        finally:
            conn.execute(sql)
        size = f"{sizes[index] / items:7.1f}"
        for (what, _call), fast, slow in zip(served, with_index, without, strict=True):
            print(f"{index:24} {size:>7}  {fast * 1000:7.1f} ms {slow * 1000:7.1f} ms  {what}")
            index, size = "", ""
    fb.close()
    conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
