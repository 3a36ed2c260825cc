"""PySide is spared reading the source of the app's modules at start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import briefing_app
from briefing_app.ui.pyside_source_scan import package_modules

ROOT = Path(briefing_app.__file__).resolve().parent

IMPORT_THE_WINDOW = """
import json, linecache, sys
import briefing_app.ui.main_window
from briefing_app.ui.pyside_source_scan import answer_source_scan
read = sorted(name for name in linecache.cache if "briefing_app" in name)
print(json.dumps({"read": read, "again": answer_source_scan()}))
"""


def test_importing_the_window_reads_no_source_of_the_app():
    out = subprocess.run([sys.executable, "-c", IMPORT_THE_WINDOW], check=True,
                         capture_output=True, text=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["read"] == []  # PySide's scan used to read every one of them
    assert figures["again"] == 0  # every answer was given the first time


def test_the_package_modules_are_named_from_the_files_alone():
    names = set(package_modules(ROOT))
    assert {"briefing_app", "briefing_app.ui", "briefing_app.ui.main_window",
            "briefing_app.store.items", "briefing_app.document.writers"} <= names
    assert "briefing_app.ui.__init__" not in names
    assert not any("__pycache__" in name for name in names)
