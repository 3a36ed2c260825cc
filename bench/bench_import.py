"""How long exporting and importing a large fact pack takes.

Makes a realistic fact base of N items (default 100,000) with ``generate_factbase.py``,
exports it as a pack, and imports the pack into a new, empty fact base (everything
created), then once more (everything compared and left unchanged). Prints seconds and
items per second for each step; reading and checking the pack are also timed on their own.

    .venv/bin/python bench/bench_import.py [--items N] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_factbase import generate  # noqa: E402

from briefing_app.exchange.factpack import export_pack, import_pack, read_pack, validate_pack  # noqa: E402
from briefing_app.store import FactBase  # noqa: E402


def _timed(label: str, n_items: int, action):
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:8.2f} s  {n_items / seconds:10,.0f} items/s", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args, _ = parser.parse_known_args(argv)  # run_all.py passes its own arguments on

    n = args.items
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print(f"generating a fact base of {n:,} items ...", flush=True)
        generate(folder / "generated.sqlite", n, args.seed)
        pack_path = folder / "bench.factpack.json"
        with FactBase.open(folder / "generated.sqlite") as source:
            _timed("export the whole fact base", n, lambda: export_pack(source, pack_path))
        print(f"pack: {pack_path.stat().st_size / 2**20:.1f} MiB", flush=True)

        data = _timed("read + parse the JSON", n, lambda: read_pack(pack_path))
        problems = _timed("check the pack", n, lambda: validate_pack(data))
        assert problems == [], problems[:5]
        data = None  # free the parsed copy before the imports
        with FactBase.open(folder / "imported.sqlite") as fb:
            first = _timed("import into an empty fact base", n, lambda: import_pack(fb, pack_path))
            assert first.items.created == n, first.summary()
            again = _timed("import again (all unchanged)", n, lambda: import_pack(fb, pack_path))
            assert again.items.unchanged == n and not again.changed, again.summary()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
