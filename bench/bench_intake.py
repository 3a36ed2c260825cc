"""How well and how fast article intake works: prints figures, changes nothing.

Runs extraction over the hand-made corpus in ``tests/intake_corpus`` (articles in English
and Spanish as text, HTML, e-mail, Word and PDF, each with its expected quotes, speakers,
people and dates) and prints, per article and over all of them: quote recall and
precision, speaker accuracy, scare quotes taken for quotes, people recall, role accuracy
and date accuracy. Then times extraction of a 2,000-word article (the English articles
run together): the first run in a fresh process (date-parser data loads then) and the
median of ``--repeat`` runs after it.

    python bench/bench_intake.py            # figures, then the misses with --misses
    python bench/bench_intake.py --misses
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "intake_corpus"))

from scoring import Score, expectations, run, score  # noqa: E402

from briefing_app.exchange.intake import article_from_text, extract, read_article  # noqa: E402

TARGETS = {"quote recall": 0.95, "speaker accuracy": 0.90, "date accuracy": 0.90}
WORDS = 2000


def long_article() -> str:
    """About 2,000 words of real article prose: the English corpus articles in turn."""
    texts = [read_article(e["path"]).text for e in expectations() if e["language"] == "en"]
    pieces, count = [], 0
    while count < WORDS:
        for text in texts:
            pieces.append(text)
            count += len(text.split())
            if count >= WORDS:
                break
    return "\n\n".join(pieces)


def timing(repeat: int) -> tuple[float, float, int]:
    text = long_article()
    article = article_from_text(text)
    started = time.perf_counter()
    extract(article, published="2026-02-03")
    first = time.perf_counter() - started
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        extract(article, published="2026-02-03")
        times.append(time.perf_counter() - started)
    return first, statistics.median(times), len(text.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs (default 7)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()

    first, median, words = timing(args.repeat)
    total = Score()
    print(f"{'article':34} {'quotes':>7} {'found':>6} {'prop.':>6} {'spk ok':>7} "
          f"{'people':>7} {'dates':>6}")
    for expected in expectations():
        result = score(expected, run(expected))
        total.add(result)
        print(f"{expected['name']:34} {result.quotes_expected:7} {result.quotes_found:6} "
              f"{result.quotes_proposed:6} {result.speakers_right:7} "
              f"{result.people_found:3}/{result.people_expected:<3} "
              f"{result.dates_right:3}/{result.dates_expected}")
    print()
    articles = len(expectations())
    print(f"over {articles} articles, {total.quotes_expected} quotes, "
          f"{total.people_expected} people, {total.dates_expected} dates:")
    for name, value in total.figures().items():
        target = TARGETS.get(name)
        mark = "" if target is None else (f"  (target >= {target:.0%}: "
                                          f"{'met' if value >= target else 'NOT MET'})")
        print(f"  {name:18} {value:6.1%}{mark}")
    print(f"  {'scare quotes taken':18} {total.scare_taken:6d}  (target 0)")
    print(f"\n{words}-word article: first run {first * 1000:.0f} ms, then median "
          f"{median * 1000:.0f} ms of {args.repeat} (target < 1000 ms)")
    if args.misses and total.misses:
        print("\nmisses:")
        for miss in total.misses:
            print(f"  {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
