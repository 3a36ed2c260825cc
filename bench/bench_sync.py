"""How fast a staffer joins a big team library, and how fast a small change reaches them.

A library of ``--items`` items (1,000,000 by default, with a few hundred people, sources
and tags they refer to) is written straight into the server's tables; then, timed:

1. **join**: a new, empty fact base joins it as ``team join`` does: the replica is built
   in a file of its own and renamed over the fact base (``team/first_pull.py``). Target:
   at least 10,000 items/s, and the fact base never locked for more than about 100 ms
   (so the app never waits). Then, unless ``--no-paged``, the same join page by page, as
   a fact base that holds objects already (or is open in another program) joins, every
   page a short transaction that writes its indexes and search index as it goes: its
   rate, and its longest local write.
2. **baseline**: the same items copied the plainest way there is: ``COPY ... TO STDOUT``
   with psycopg into sqlite-utils' ``insert_all`` on a plain table (no search index, no
   tags or people tables). The ratio join/baseline says what the sync's own work costs.
3. **incremental sync**: another replica changes 100 items (a real push through the
   server's conditional write); the big replica syncs. Target: under 1 s. Then the big
   replica edits 100 items itself and pushes them.

The server is a throwaway cluster (``tests/pg_server.py``) unless ``--url`` names an empty
database to use.

    .venv/bin/python bench/bench_sync.py [--items 1000000] [--url URL] [--no-paged]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import sqlite_utils  # noqa: E402

from briefing_app.store import FactBase  # noqa: E402
from briefing_app.store.journal import KINDS  # noqa: E402
from briefing_app.team.join import join  # noqa: E402
from briefing_app.team.server import TeamServer  # noqa: E402
from briefing_app.team.server_schema import SCHEMA, init_server  # noqa: E402
from briefing_app.team.sync import Sync  # noqa: E402

TARGET_ITEMS_PER_SECOND = 10_000
TARGET_INCREMENTAL_SECONDS = 1.0
TARGET_LOCK_SECONDS = 0.1
STAMP = "2026-02-03T12:00:00+00:00"
PEOPLE, SOURCES, TAGS = 300, 100, 200
WORDS = ("sanctions", "tariff", "visit", "coffee", "oil", "minister", "embassy", "talks",
         "border", "trade", "security", "election", "drugs", "aid", "summit", "press")


def item_data(n: int) -> dict:
    words = " ".join(WORDS[(n * k) % len(WORDS)] for k in range(1, 12))
    return {
        "kind": ("fact", "quote", "event")[n % 3], "title": f"Item {n} on {WORDS[n % 16]}",
        "text": f"{words} number {n}.", "date": f"2025-{n % 12 + 1:02}-{n % 28 + 1:02}",
        "source_id": f"s-{n % SOURCES}", "status": "unverified", "marking": "U",
        "notes": "", "speaker_id": f"p-{n % PEOPLE}" if n % 3 == 1 else None,
        "language": "", "translation": "", "context": "", "end_date": "", "location": "",
        "created": STAMP, "updated": STAMP, "tags": [f"tag-{n % TAGS}", f"topic-{n % 7}"],
        "people": [f"p-{n % PEOPLE}"],
    }


def fill_library(url: str, items: int) -> None:
    """Write the library's objects straight into the server (set-up, not timed)."""
    writer = str(uuid.uuid4())
    rows = [(KINDS.index("person"), f"p-{n}", {"name": f"Person {n}", "role": "",
             "organization": "", "country": "", "notes": ""}) for n in range(PEOPLE)]
    rows += [(KINDS.index("source"), f"s-{n}", {"outlet": f"Outlet {n}", "title": "",
              "url": "", "published": "", "accessed": "", "notes": ""})
             for n in range(SOURCES)]
    rows += [(KINDS.index("tag"), f"tag-{n}", {"name": f"tag-{n}"}) for n in range(TAGS)]
    rows += [(KINDS.index("tag"), f"topic-{n}", {"name": f"topic-{n}"}) for n in range(7)]
    with TeamServer.connect(url) as server:
        conn = server.conn
        with conn.transaction(), conn.cursor() as cursor, cursor.copy(
            f"""COPY {SCHEMA}.objects (kind, object_id, version, data, changed_by, change_seq)
            FROM STDIN""") as copy:
            for kind, key, data in rows:
                copy.write_row((kind, key, 1, _json(data), writer, 0))
            item_kind = KINDS.index("item")
            for n in range(items):
                copy.write_row((item_kind, f"i-{n:07}", 1 + n // 100_000,
                                _json(item_data(n)), writer, 0))
        conn.execute(f"UPDATE {SCHEMA}.library SET version = %s", (1 + items // 100_000,))
        conn.execute(f"ANALYZE {SCHEMA}.objects")


def _json(data: dict) -> str:
    import json

    return json.dumps(data)


def baseline(url: str, target: Path) -> float:
    """psycopg COPY out, sqlite-utils insert_all into one plain table."""
    columns = ("kind", "title", "text", "date", "source_id", "status", "marking", "notes",
               "speaker_id", "created", "updated")
    select = ", ".join(f"data->>'{c}'" for c in columns)
    started = time.perf_counter()
    with TeamServer.connect(url) as server, server.conn.cursor() as cursor:
        db = sqlite_utils.Database(target)

        def rows():
            with cursor.copy(
                f"""COPY (SELECT object_id, {select} FROM {SCHEMA}.objects
                WHERE kind = {KINDS.index('item')}) TO STDOUT""") as copy:
                for row in copy.rows():
                    yield dict(zip(("id", *columns), row, strict=True))

        db["items"].insert_all(rows(), pk="id", batch_size=10_000)
        db.close()
    return time.perf_counter() - started


def push_as_another_replica(url: str, ids: list[str], seen: int) -> None:
    """What another replica's push of 100 edited items does on the server."""
    entries = []
    for seq, key in enumerate(ids, start=1):
        data = item_data(int(key[2:]))
        data["title"] = f"Edited elsewhere {key}"
        entries.append({"seq": seq, "kind": "item", "object_id": key, "deleted": False,
                        "data": data})
    with TeamServer.connect(url) as server:
        outcomes = server.push(str(uuid.uuid4()), seen, entries)
    assert all(o.outcome == "accepted" for o in outcomes)


def paged_join(url: str, path: Path, items: int) -> None:
    """The join page by page, as a fact base that holds objects already joins."""
    with FactBase.open(path) as fb:
        started = time.perf_counter()
        report = join(fb, url, new_file=False).sync
        seconds = time.perf_counter() - started
        assert fb.item_count() == items
    print(f"join, page by page:  {seconds:7.1f} s  {items / seconds:9,.0f} items/s"
          f"  longest local write {report.longest_lock * 1000:.0f} ms")
    path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway)")
    parser.add_argument("--no-paged", action="store_true",
                        help="skip the join page by page")
    args, _ = parser.parse_known_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the cluster on a kill
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    with ExitStack() as stack:
        url = args.url
        if url is None:
            from pg_server import running_cluster

            url = stack.enter_context(running_cluster()).new_database("bench")
        with TeamServer.connect(url) as server:
            init_server(server.conn)
        started = time.perf_counter()
        fill_library(url, args.items)
        print(f"library of {args.items:,} items written to the server in "
              f"{time.perf_counter() - started:.0f} s (set-up)")

        fb = stack.enter_context(FactBase.open(folder / "replica.sqlite"))
        started = time.perf_counter()
        report = join(fb, url).sync
        join_seconds = time.perf_counter() - started
        assert fb.item_count() == args.items
        rate = args.items / join_seconds
        base_seconds = baseline(url, folder / "baseline.sqlite")
        print(f"join:      {join_seconds:7.1f} s  {rate:9,.0f} items/s "
              f"(target >= {TARGET_ITEMS_PER_SECOND:,})  fact base locked for "
              f"{report.longest_lock * 1000:.0f} ms (target ~{TARGET_LOCK_SECONDS * 1000:.0f})")
        if not args.no_paged:
            paged_join(url, folder / "paged.sqlite", args.items)
        print(f"baseline:  {base_seconds:7.1f} s  {args.items / base_seconds:9,.0f} items/s "
              f"(psycopg COPY + sqlite-utils insert_all, no index)  "
              f"ratio join/baseline {join_seconds / base_seconds:.2f}")

        ids = [f"i-{n:07}" for n in range(0, args.items, max(1, args.items // 100))][:100]
        push_as_another_replica(url, ids, report.library_version)
        started = time.perf_counter()
        pulled = Sync(fb).run()
        pull_seconds = time.perf_counter() - started
        assert pulled.pulled == 100 and fb.get_item(ids[0]).title.startswith("Edited")
        print(f"incremental sync, 100 items pulled: {pull_seconds * 1000:6.0f} ms "
              f"(target < {TARGET_INCREMENTAL_SECONDS * 1000:.0f} ms)")

        edited = fb.get_items(ids)
        for item in edited:
            item.notes = "checked"
        fb.save_items(edited)
        started = time.perf_counter()
        pushed = Sync(fb).run()
        push_seconds = time.perf_counter() - started
        assert pushed.pushed == 100
        print(f"incremental sync, 100 items pushed: {push_seconds * 1000:6.0f} ms "
              f"(target < {TARGET_INCREMENTAL_SECONDS * 1000:.0f} ms)")
        ok = (rate >= TARGET_ITEMS_PER_SECOND and pull_seconds < TARGET_INCREMENTAL_SECONDS
              and push_seconds < TARGET_INCREMENTAL_SECONDS)
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
