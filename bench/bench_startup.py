"""How long the window takes to show its first rows, against a bare QTableView window.

Each run is a whole process on the Qt offscreen platform (bytecode cached, as after an
install): the clock runs from just before the parent starts the child until the child
reports that the window is painted with the first rows of the fact base in it. The app
(``MainWindow`` as ``ui/app.py`` builds it) and the bare window (a QTableView over the
first 200 items, newest first, read with sqlite3) take turns on the same file. The child
also reports its resident memory then.

    python bench/bench_startup.py [--db FILE] [--runs 5]

Without ``--db`` it uses the generated 100,000-item fact base the GUI benchmark caches.

Target: the app within 2x the bare window.
"""

from __future__ import annotations

import os
import sys

# A child imports only what its window needs: the parent's modules (argparse, json,
# statistics, subprocess, tempfile, pathlib: 20-28 ms) are imported in the parent alone,
# where they would add the same time to both windows and bring the ratio closer to 1.
HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_RATIO = 2.0


def _resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _report(rows: int) -> None:
    """What the parent reads: the rows shown and the memory, on the child's last line."""
    print(f"{rows} {_resident_mib():.1f}", flush=True)


def child_app(db: str) -> None:
    import gc

    gc.disable()  # as briefing-app starts the window (cli cmd_gui; ui.app turns it on after)
    sys.path.insert(0, os.path.dirname(HERE))
    from briefing_app.store import open_library
    from briefing_app.ui.app import application
    from briefing_app.ui.main_window import MainWindow

    app = application()
    library = open_library(db)
    window = MainWindow(library, db, owns_fact_base=True)
    window.resize(1400, 860)
    window.show()
    while window.item_model.rowCount() == 0 or not window.isVisible():
        app.processEvents()
    window.repaint()
    _report(window.item_model.rowCount())
    os._exit(0)  # the figure is out: no need to wait for the teardown


def child_bare(db: str) -> None:
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Model(QAbstractTableModel):
        def __init__(self, rows):
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 4

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute("SELECT kind, date, title, substr(text, 1, 240) FROM items"
                        " ORDER BY date DESC, num DESC LIMIT 200").fetchall()
    view = QTableView()
    view.setModel(Model(rows))
    view.resize(1400, 860)
    view.show()
    while not view.isVisible():
        app.processEvents()
    view.repaint()
    _report(len(rows))
    os._exit(0)


def run(which: str, db) -> tuple[float, dict]:
    import subprocess
    import tempfile
    import time

    # Bytecode cached, as after an install (the warm-up run writes it).
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="bench-startup-"))
    started = time.perf_counter()
    output = subprocess.run([sys.executable, __file__, "--child", which, str(db)],
                            check=True, capture_output=True, text=True, env=env).stdout
    rows, mib = output.strip().splitlines()[-1].split()
    return time.perf_counter() - started, {"rows": int(rows), "mib": float(mib)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        (child_app if argv[1] == "app" else child_bare)(argv[2])
        return 0
    import argparse
    import statistics
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args, _others = parser.parse_known_args(argv)  # run_all.py passes every option along
    if args.db is None:
        sys.path.insert(0, HERE)
        from cached_factbase import fact_base_path

        args.db = fact_base_path()
    run("app", args.db)  # warm the bytecode and file caches once
    times: dict[str, list[float]] = {"app": [], "bare": []}
    memory: dict[str, float] = {}
    for _ in range(args.runs):  # the two take turns
        for which in times:
            seconds, report = run(which, args.db)
            times[which].append(seconds)
            memory[which] = report["mib"]
    app, bare = statistics.median(times["app"]), statistics.median(times["bare"])
    print(f"{args.db}: window with first rows (whole process, median of {args.runs}): "
          f"app {app * 1000:.0f} ms, bare QTableView {bare * 1000:.0f} ms, ratio "
          f"{app / bare:.2f} — target {TARGET_RATIO}x")
    print(f"memory then: app {memory['app']:.0f} MiB, bare {memory['bare']:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
