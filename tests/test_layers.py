"""Nothing below the UI imports Qt: the CLI, the store and the writers run on machines without
a display, and a stray ``import PySide6`` would make every command pay Qt's start-up cost.

Two checks, because each misses something the other catches: importing every module in a
fresh interpreter finds indirect imports; grepping the sources finds an import hidden in a
function that the first check never runs.
"""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import briefing_app

PACKAGE_DIR = Path(briefing_app.__file__).resolve().parent
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
_QT_NAMES = "|".join(QT_PACKAGES)
QT_IMPORT = re.compile(
    rf"^\s*(?:import|from)\s+(?:{_QT_NAMES})\b|import_module\(\s*['\"](?:{_QT_NAMES})",
    re.MULTILINE,
)


def _is_ui(module_name: str) -> bool:
    return module_name == "briefing_app.ui" or module_name.startswith("briefing_app.ui.")


def non_ui_modules() -> list[str]:
    names = ["briefing_app"]
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="briefing_app."):
        # __main__ runs the command line on import; cli is checked on its own below.
        if not _is_ui(info.name) and info.name != "briefing_app.__main__":
            names.append(info.name)
    return sorted(names)


def non_ui_sources() -> list[Path]:
    ui_dir = PACKAGE_DIR / "ui"
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if ui_dir not in p.parents)


_IMPORT_ALL = """
import importlib, json, sys
modules, qt = json.loads(sys.argv[1]), json.loads(sys.argv[2])
culprits = []
for name in modules:
    importlib.import_module(name)
    if any(q in sys.modules for q in qt):
        culprits.append(name)
        break
print(json.dumps(culprits))
"""


def test_the_walk_finds_the_layers():
    modules = non_ui_modules()
    for expected in ("briefing_app.cli", "briefing_app.core.model", "briefing_app.core.dates"):
        assert expected in modules
    assert not any(_is_ui(name) for name in modules)


def modules_loading_qt(modules: list[str]) -> list[str]:
    """The first of ``modules`` whose import loads Qt, imported in order in a fresh Python."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, json.dumps(modules), json.dumps(QT_PACKAGES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_every_non_ui_module_leaves_qt_unloaded():
    culprits = modules_loading_qt(non_ui_modules())
    assert culprits == [], f"importing {culprits[0]} loaded Qt"


def test_the_import_check_names_a_module_that_loads_qt():
    assert modules_loading_qt(["json", "briefing_app.ui.debounce"]) == ["briefing_app.ui.debounce"]


def test_running_cli_commands_does_not_load_qt(tmp_path):
    """Lazy imports inside command functions escape the import check above."""
    db, memo = str(tmp_path / "facts.sqlite"), str(tmp_path / "memo.pdf")
    code = (
        "import sys\n"
        "from briefing_app.cli import main\n"
        f"codes = [main(['--db', {db!r}, 'init']), main(['--db', {db!r}, 'search', 'Petro']),\n"
        f"         main(['--db', {db!r}, 'briefings', '--json']),\n"
        f"         main(['--db', {db!r}, 'render', 'b-petro-meeting', '-o', {memo!r}])]\n"
        f"print(codes, any(q in sys.modules for q in {QT_PACKAGES!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 0, 0, 0] False"


def test_no_source_outside_the_ui_imports_qt():
    offenders = []
    for path in non_ui_sources():
        for match in QT_IMPORT.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE_DIR.parent)}: {match.group(0).strip()}")
    assert offenders == []


def test_the_grep_recognises_a_qt_import():
    assert QT_IMPORT.search("def f():\n    from PySide6.QtWidgets import QWidget\n")
    assert QT_IMPORT.search("importlib.import_module('PySide6.QtCore')")
    assert not QT_IMPORT.search("# the UI uses PySide6\nimport json\n")
