"""How long checking and building a memo take on a real fact base, reads included.

``bench_render.py`` times the builder on an in-memory catalog; here the items, people and
sources come from a SQLite fact base, as in the app (the preview and the warnings panel
after each edit, the export and the CLI's ``render``). Two briefings: the shipped sample
(the Petro-Trump meeting) and a 100-block one (``bench_render.sample``) saved into the
same fact base. Figures are medians of several runs after one warm-up.

    .venv/bin/python bench/bench_memo_reads.py [--runs 21]

Target: preflight and build of the 100-block memo within 10 ms each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_render import sample  # noqa: E402

from briefing_app.document.build import build_document  # noqa: E402
from briefing_app.document.preflight import preflight  # noqa: E402
from briefing_app.document.render import scheme_for  # noqa: E402
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base  # noqa: E402

TARGET_SECONDS = 0.01


def median_seconds(run, runs: int) -> float:
    run()  # warm-up: caches, imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def add_large_briefing(fb, blocks: int):
    """Save ``bench_render.sample``'s briefing and everything it cites into ``fb``."""
    briefing, catalog = sample(blocks)
    with fb.transaction():
        fb.save_people(catalog.people.values())
        fb.save_sources(catalog.sources.values())
        fb.save_items(catalog.items.values())
        return fb.save_briefing(briefing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--blocks", type=int, default=100)
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        fb = create_fact_base(Path(folder) / "bench.db")
        try:
            scheme = scheme_for(fb)
            memos = {"sample": fb.get_briefing(SAMPLE_BRIEFING_ID),
                     f"{args.blocks} blocks": add_large_briefing(fb, args.blocks)}
            print(f"{'briefing':<12} {'items':>5} {'preflight':>10} {'build':>10}")
            for name, briefing in memos.items():
                check = median_seconds(lambda b=briefing: preflight(b, fb, scheme=scheme),
                                       args.runs)
                build = median_seconds(
                    lambda b=briefing: build_document(b, fb, scheme=scheme), args.runs)
                print(f"{name:<12} {len(briefing.item_ids()):>5} {check * 1000:>8.2f}ms"
                      f" {build * 1000:>8.2f}ms")
                failed |= name != "sample" and max(check, build) > TARGET_SECONDS
        finally:
            fb.close()
    print(f"target: preflight and build of the {args.blocks}-block memo within "
          f"{TARGET_SECONDS * 1000:.0f} ms each", "(missed)" if failed else "(met)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
