"""The generated fact base the benchmarks share when no ``--db`` is given.

It is cached under ``bench/out/`` (ignored by git) and generated on first use, which takes
about a minute for 100,000 items.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fact_base_path(items: int = 100_000, seed: int = 1) -> Path:
    """The cached benchmark fact base of ``items`` items, generated if it is not there."""
    path = HERE / "out" / f"gui-{items}-seed{seed}.sqlite"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from generate_factbase import generate

        path.parent.mkdir(exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        print(f"generating {items:,} items into {path} ...", flush=True)
        generate(partial, items, seed)
        partial.rename(path)
    return path
