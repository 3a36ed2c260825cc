"""How PDF layout time grows with the length of one paragraph (issue 15, item 3).

A memo of one body paragraph of N characters is written to PDF, with spaces (words of
six letters) and without (one unbroken word). The time is printed per 100k characters for
each size; layout is linear when the largest size's figure is within 1.5x of the
smallest's.

    .venv/bin/python bench/bench_long_paragraph.py [--sizes 100000,400000,1600000,6400000]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.document.model import (  # noqa: E402
    Document,
    Metadata,
    PageFurniture,
    Paragraph,
    Text,
)
from briefing_app.document.writers.pdf_writer import write  # noqa: E402

DEFAULT_SIZES = (100_000, 400_000, 1_600_000, 6_400_000)
TARGET_RATIO = 1.5


def paragraph_text(size: int, *, spaces: bool) -> str:
    """``size`` characters of text: words of six letters, or one unbroken run."""
    unit = "abcdef " if spaces else "abcdefg"
    return (unit * (size // len(unit) + 1))[:size]


def long_paragraph_document(size: int, *, spaces: bool) -> Document:
    text = paragraph_text(size, spaces=spaces)
    return Document(
        metadata=Metadata(title="Long paragraph"),
        furniture=PageFurniture(),
        blocks=[Paragraph([Text(text)])],
    )


def seconds_to_write(document: Document) -> float:
    started = time.perf_counter()
    write(document, io.BytesIO())
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="comma-separated paragraph lengths in characters")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    write(long_paragraph_document(1000, spaces=True), io.BytesIO())  # warm-up
    failed = False
    print(f"{'text':<16}{'characters':>12}{'seconds':>10}{'ms/100k':>10}")
    for spaces in (True, False):
        label = "with spaces" if spaces else "without spaces"
        per_100k = []
        for size in sizes:
            seconds = seconds_to_write(long_paragraph_document(size, spaces=spaces))
            per_100k.append(seconds * 1000 * 100_000 / size)
            print(f"{label:<16}{size:>12,}{seconds:>10.2f}{per_100k[-1]:>10.1f}", flush=True)
        ratio = per_100k[-1] / per_100k[0]
        verdict = "ok" if ratio <= TARGET_RATIO else f"over {TARGET_RATIO}x"
        failed |= ratio > TARGET_RATIO
        print(f"{label:<16}largest/smallest per 100k: {ratio:.2f}x ({verdict})", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
