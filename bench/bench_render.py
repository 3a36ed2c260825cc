"""How long a 100-block memo takes to build and to write in each format.

Each writer found by the registry is timed next to a baseline in the same run: the same
paragraphs written by a minimal python-docx script (DOCX) or a minimal reportlab platypus
script (PDF). Targets: DOCX and PDF within 1.5x of their library baseline; every format,
build plus write, under 1 s. HTML has no library to compare with: a plain string join of
the escaped paragraphs is printed for scale, without a ratio target. Figures are medians
of several runs after one warm-up.

The writers pause Python's cyclic garbage collector while they write
(``briefing_app/core/collector.py``); the baselines do not. So that the
comparison is plain to see, each such writer is also timed with the collector left on,
on a row of its own that is printed for comparison and has no target.

    .venv/bin/python bench/bench_render.py [--runs 7] [--blocks 100]
"""

from __future__ import annotations

import argparse
import html
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.core.model import (  # noqa: E402
    Block,
    Briefing,
    Item,
    Meeting,
    Person,
    Section,
    Source,
)
from briefing_app.core.paths import resource_path  # noqa: E402
from briefing_app.document.build import build_document
from briefing_app.document.model import (  # noqa: E402
    BlockQuote,
    BulletList,
    Document,
    Heading,
    MemoHeader,
    NoteList,
    Paragraph,
    Table,
    plain_text,
)
from briefing_app.document.writers import available_formats, get_writer  # noqa: E402

TARGET_RATIO = 1.5
TARGET_SECONDS = 1.0


class Catalog:
    def __init__(self, items, people, sources):
        self.items = {i.id: i for i in items}
        self.people = {p.id: p for p in people}
        self.sources = {s.id: s for s in sources}

    def get_items(self, ids):
        return [self.items[i] for i in dict.fromkeys(ids) if i in self.items]

    def get_person(self, person_id):
        return self.people.get(person_id)

    def get_source(self, source_id):
        return self.sources.get(source_id)


def sample(blocks: int) -> tuple[Briefing, Catalog]:
    """A meeting brief with ``blocks`` blocks: facts, quotes, events and free text mixed,
    20 sources (so citations repeat), every automatic section, portion marking on."""
    people = [Person(f"p{i}", f"Person {i}", role="Minister", organization="Ministry")
              for i in range(8)]
    sources = [Source(f"s{i}", f"Outlet {i}", title=f"Report number {i}",
                      url=f"https://example.org/{i}", published=f"2025-{i % 12 + 1:02d}-10")
               for i in range(20)]
    items, section_blocks = [], [[] for _ in range(4)]
    sentence = ("The delegation discussed security cooperation, trade and migration, and "
                "agreed to meet again before the end of the quarter. ")
    for n in range(blocks):
        kind = ("fact", "fact", "quote", "event", "free")[n % 5]
        target = section_blocks[n % 4]
        if kind == "free":
            style = ("paragraph", "bullet", "talking-point")[n % 3]
            target.append(Block(text=f"Staffer note {n}. {sentence}", style=style))
            continue
        month, day = n % 12 + 1, n % 28 + 1
        items.append(Item(
            f"i{n}", kind, f"Item {n}. {sentence * (1 + n % 3)}",
            date=f"2025-{month:02d}" if n % 7 == 0 else f"2025-{month:02d}-{day:02d}",
            source=f"s{n % 20}", marking=("U", "CUI", "")[n % 3],
            speaker="p1" if kind == "quote" else None,
            language="es" if kind == "quote" else "",
            translation="A translation of the quote." if kind == "quote" else "",
            location="Bogotá" if kind == "event" else "",
        ))
        target.append(Block(item=f"i{n}", style="bullet" if n % 6 == 1 else "paragraph"))
    headings = ("Purpose", "Background", "Key Issues", "Talking Points")
    sections = [Section(h, b) for h, b in zip(headings, section_blocks, strict=True)]
    sections += [Section("Participants", automatic="participants"),
                 Section("Timeline", automatic="timeline"),
                 Section("Outcome Scenarios", [Block(text="Best case: agreement.")]),
                 Section("Sources", automatic="sources")]
    briefing = Briefing(
        id="bench", title="Bench briefing", subject="Visit of the delegation", to="Secretary",
        from_="Bureau", date="2026-01-28", portion_marking=True, marking="CUI",
        meeting=Meeting("Bilateral", "2026-02-03T11:00", "Washington",
                        [p.id for p in people]),
        sections=sections,
    )
    return briefing, Catalog(items, people, sources)


def paragraphs_of(document: Document) -> list[str]:
    """The memo's text as flat paragraphs, for the baselines."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, MemoHeader):
            out += [f"{label}: {plain_text(value)}" for label, value in block.fields]
        elif isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Paragraph):
            out.append(plain_text(block.content))
        elif isinstance(block, BulletList):
            out += [plain_text(item.content) for item in block.items]
        elif isinstance(block, BlockQuote):
            out += [plain_text(block.original), plain_text(block.translation),
                    plain_text(block.attribution)]
        elif isinstance(block, Table):
            out += [" | ".join(plain_text(c) for c in row) for row in block.rows]
        elif isinstance(block, NoteList):
            out += [plain_text(note.content) for note in block.notes]
    out += [plain_text(note.content) for note in document.footnotes]
    return [p for p in out if p]


def baseline_docx(paragraphs: list[str]) -> None:
    import docx

    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    word.save(io.BytesIO())


def baseline_pdf(paragraphs: list[str]) -> None:
    """The same paragraphs in the same embedded TrueType font (reportlab's built-in
    Helvetica is not an option: it cannot draw Cyrillic or "Ł")."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate

    if "BaselineSerif" not in pdfmetrics.getRegisteredFontNames():
        font = resource_path("fonts", "LiberationSerif-Regular.ttf")
        pdfmetrics.registerFont(TTFont("BaselineSerif", str(font)))
    style = getSampleStyleSheet()["BodyText"].clone("baseline", fontName="BaselineSerif")
    story = [RLParagraph(html.escape(text), style) for text in paragraphs]
    SimpleDocTemplate(io.BytesIO()).build(story)


def baseline_html(paragraphs: list[str]) -> None:
    "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs).encode("utf-8")


BASELINES = {"docx": baseline_docx, "pdf": baseline_pdf, "html": baseline_html}
RATIO_TARGETS = {"docx", "pdf"}  # formats whose baseline is the library they are written with


def median_seconds(action, runs: int) -> float:
    return median_seconds_of(action, runs=runs)[0]


def median_seconds_of(*actions, runs: int) -> list[float]:
    """The median CPU time of each action, the actions taking turns run after run, so that
    a machine that slows down or speeds up meanwhile (a shared CPU) affects them alike.
    CPU time of this process, not wall time: on a shared virtual machine the wall clock
    also counts the time another guest had the CPU."""
    for action in actions:
        action()  # warm-up: imports, font caches
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, kept in zip(actions, times, strict=True):
            start = time.process_time()
            action()
            kept.append(time.process_time() - start)
    return [statistics.median(kept) for kept in times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--blocks", type=int, default=100)
    args = parser.parse_args(argv)

    briefing, catalog = sample(args.blocks)
    build_time = median_seconds(lambda: build_document(briefing, catalog), args.runs)
    document = build_document(briefing, catalog)
    paragraphs = paragraphs_of(document)
    print(f"{args.blocks}-block briefing -> {len(document.blocks)} document blocks, "
          f"{len(paragraphs)} paragraphs, {len(document.footnotes)} notes; "
          f"median of {args.runs} runs")

    rows = [("build", build_time, None)]
    for fmt in available_formats():
        writer = get_writer(fmt)
        baseline = BASELINES.get(fmt)
        actions = [lambda w=writer.write: w(document, io.BytesIO())]
        unpaused = getattr(writer.write, "__wrapped__", None)  # the write, collector on
        if unpaused:
            actions.append(lambda w=unpaused: w(document, io.BytesIO()))
        if baseline:
            actions.append(lambda b=baseline: b(paragraphs))
        times = median_seconds_of(*actions, runs=args.runs)
        base = times[-1] if baseline else None
        rows.append((f"write {fmt}", times[0], base))
        if unpaused:
            rows.append((f"  {fmt}, gc on", times[1], base))

    failed = False
    print(f"{'step':<14} {'ours ms':>9} {'baseline ms':>12} {'ratio':>7} "
          f"{'build+write':>12}  verdict")
    for name, ours, base in rows:
        ratio = ours / base if base else None
        total = ours + (build_time if name != "build" else 0)
        problems = []
        comparison = name.endswith("gc on")
        ratio_counts = name.removeprefix("write ") in RATIO_TARGETS
        if ratio is not None and ratio > TARGET_RATIO and ratio_counts:
            problems.append(f"> {TARGET_RATIO}x baseline")
        if ratio is not None and not ratio_counts and not comparison:
            problems.append("baseline for scale only")
        if total > TARGET_SECONDS:
            problems.append(f"> {TARGET_SECONDS:g} s")
        if comparison:
            problems = ["for comparison, no target"]
        failed |= total > TARGET_SECONDS and not comparison
        print(f"{name:<14} {ours * 1000:>9.1f} "
              f"{(f'{base * 1000:.1f}' if base else '-'):>12} "
              f"{(f'{ratio:.2f}x' if ratio else '-'):>7} {total * 1000:>10.1f}ms  "
              f"{'; '.join(problems) or 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
