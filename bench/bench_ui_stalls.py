"""How long the window cannot take a key while a staffer does common things at scale.

Opens the real main window (Qt offscreen platform) on a fact base (the generated
100,000-item one the GUI benchmark caches, or ``--db FILE``) and, for each action, runs a
5 ms timer on the UI thread: the longest gap between two of its ticks is the longest time
the window was frozen (could not take a key or paint) during the action and the worker
answers that followed it. The architecture's rule is the target: nothing on the UI thread
over ~100 ms. There is no bare-window baseline: a bare QTableView has no editor, sidebar or
manage dialogs; the figure is held against the rule.

    python bench/bench_ui_stalls.py [--db FILE]

Changes one item's title and undoes it (the fact base ends as it began).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
TARGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args, _others = parser.parse_known_args(argv)
    if args.db is None:
        sys.path.insert(0, str(HERE))
        from cached_factbase import fact_base_path

        args.db = fact_base_path(args.items, args.seed)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-stalls-")

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from briefing_app.store import FactBase
    from briefing_app.ui.app import resume_garbage_collection
    from briefing_app.ui.item_columns import COLUMN_KEYS
    from briefing_app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    fb = FactBase.open(args.db)
    window = MainWindow(fb, fb.path)
    window.resize(1400, 860)
    window.show()
    resume_garbage_collection()  # as briefing-app does once its window is up
    editing = window.editing
    last, worst = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)

    def pump(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    def busy() -> bool:
        model = window.item_model
        return model.searching or model.counting or window.sidebar.loading

    def settle(limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while busy() and time.perf_counter() < end:
            pump(0.01)
        pump(0.3)

    figures: list[tuple[str, float]] = []

    def measure(label: str, action) -> None:
        pump(0.2)
        last[0], worst[0] = time.perf_counter(), 0.0
        action()
        settle()
        figures.append((label, worst[0] * 1000))
        print(f"  {label:34} {worst[0] * 1000:8.1f} ms", flush=True)

    def first_row() -> None:
        window.item_view.setFocus()
        window.item_view.selectRow(0)

    def open_editor() -> None:
        first_row()
        dialog = editing.edit_current()
        pump(0.3)
        dialog.reject()

    def save_edit() -> None:
        first_row()
        dialog = editing.edit_current()
        pump(0.2)
        dialog.title.setText(dialog.title.text() + " (checked)")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def manager(what: str):
        def open_and_close() -> None:
            dialog = editing.open_manager(what)
            pump(0.2)
            while dialog.loading:  # its records come from a worker on a big fact base
                pump(0.01)
            pump(0.2)  # the rows painted
            dialog.reject()
        return open_and_close

    settle()
    pump(3)  # the check of the file before its first change runs on a worker meanwhile
    print(f"{args.db} ({fb.item_count():,} items): longest freeze of the window during "
          f"each action, until its answers are painted")
    measure("select the first row", first_row)
    for key in ("title", "people", "source", "tags"):
        measure(f"sort by {key}", lambda k=key: window.item_view.sortByColumn(
            COLUMN_KEYS.index(k), Qt.SortOrder.AscendingOrder))
    measure("sort by date, newest first", lambda: window.item_view.sortByColumn(
        COLUMN_KEYS.index("date"), Qt.SortOrder.DescendingOrder))
    for group in ("person", "source", "tag"):
        measure(f"sidebar: first {group}", lambda g=group: window.sidebar.select(
            g, window.sidebar.entries(g)[0][0]))
    measure("clear the filters", window.clear_filters)
    measure("type person: (completions)", lambda: (
        QTest.keyClicks(window.search_box, "person:"), pump(0.5)))
    measure("clear the search", window.clear_filters)
    measure("open and close the item editor", open_editor)
    measure("edit a title and save", save_edit)
    measure("undo it", window.undo_stack.undo)
    for what in ("people", "sources", "tags"):
        measure(f"open and close Manage {what.title()}", manager(what))
    measure("refresh after a change", window.fact_base_changed.emit)
    tabs = window.composer.panel.tabs
    measure("show the memo header (participants)", lambda: tabs.setCurrentIndex(1))
    measure("back to the sections", lambda: tabs.setCurrentIndex(0))
    over = [label for label, ms in figures if ms > TARGET_MS]
    print(f"worst: {max(ms for _label, ms in figures):.1f} ms — target {TARGET_MS:.0f} ms"
          + (f"; over it: {', '.join(over)}" if over else ""))
    os._exit(0)  # the figures are out: skip the teardown


if __name__ == "__main__":
    raise SystemExit(main())
