"""How long a new user waits for the sample memo: prints figures, changes nothing of theirs.

Each run starts ``briefing-app`` with no arguments, exactly as a desktop launcher does, in
a subprocess with a brand-new profile (empty ``XDG_DATA_HOME`` and ``XDG_CONFIG_HOME``, no
``$BRIEFING_APP_DB``) on the Qt offscreen platform. The child watches for the main window
and reports when the memo preview shows the sample briefing's subject; the parent's clock
runs from just before it launches the process (interpreter start-up, imports, creating
the fact base with the sample, the window and the first preview render all count) until
that report arrives. A second start on the same profile (the fact base exists now) is
measured too.

    python bench/bench_first_run.py [--runs 3]

Target: the memo within 3 s of the start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_S = 3.0
TIMEOUT_S = 60
SUBJECT = "Your meeting with Colombian President Gustavo Petro"
MARK = "MEMO-SHOWN"

# Runs in the child: the app's own entry point (``cli.main([])``), with a timer that waits
# for the memo and then closes the window, which ends ``app.exec()``.
CHILD = f"""
import time
started = time.perf_counter()
import sys
from PySide6.QtCore import QTimer
from briefing_app.ui.app import application
from briefing_app.ui.main_window import MainWindow

app = application()

def memo_window():
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and hasattr(widget, "composer"):
            if {SUBJECT!r} in widget.composer.preview.browser.toPlainText():
                return widget
    return None

def check():
    window = memo_window()
    if window is not None:
        timer.stop()
        print("{MARK}", round(time.perf_counter() - started, 3), flush=True)
        window.close()

timer = QTimer()
timer.timeout.connect(check)
timer.start(5)
from briefing_app.cli import main
sys.exit(main([]))
"""


def fresh_profile(root: Path) -> dict[str, str]:
    """The environment of a user who never ran the app, with ``root`` as their folders."""
    env = dict(os.environ)
    env.pop("BRIEFING_APP_DB", None)
    env.update(XDG_DATA_HOME=str(root / "data"), XDG_CONFIG_HOME=str(root / "config"),
               QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent),
                                                      env.get("PYTHONPATH", "")]))
    return env


def time_start(env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the memo was shown, as the parent saw it; as the child measured)."""
    launched = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for line in child.stdout:
            if line.startswith(MARK):
                shown = time.perf_counter() - launched
                child.wait(TIMEOUT_S)
                return shown, float(line.split()[1])
        child.wait(TIMEOUT_S)
    finally:
        if child.poll() is None:
            child.kill()
    raise RuntimeError(f"the memo was never shown:\n{child.stderr.read()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    first, second = [], []
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="bench-first-run-") as root:
            env = fresh_profile(Path(root))
            first.append(time_start(env))
            db = Path(root) / "data" / "BriefingBuilder" / "factbase.sqlite"
            if not db.is_file():
                raise RuntimeError(f"the first start did not create {db}")
            second.append(time_start(env))
        print(f"run {run}: first start {first[-1][0]:.2f} s (in-process {first[-1][1]:.2f} s),"
              f" second start {second[-1][0]:.2f} s", flush=True)
    median_first = statistics.median(shown for shown, _ in first)
    median_second = statistics.median(shown for shown, _ in second)
    verdict = "ok" if median_first <= TARGET_S else "TOO SLOW"
    print(f"first start to memo shown: median {median_first:.2f} s "
          f"(target {TARGET_S:.1f} s: {verdict}); second start {median_second:.2f} s")
    return 0 if median_first <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
