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


# ---------------------------------------------------------------- the layers point one way

LAYERS = ("core", "store", "exchange", "team", "document", "cli", "ui")
"""Bottom to top: a folder may import the folders before it, and itself."""
ALLOWED_UPWARD = {("cli", "ui.app")}  # `briefing-app` with no command opens the window
APP_IMPORT = re.compile(r"^\s*(?:from|import)\s+briefing_app\.([\w.]+)", re.MULTILINE)


def _layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE_DIR).parts
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def upward_imports() -> list[str]:
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        layer = _layer_of(path)
        if layer is None:
            continue
        allowed = set(LAYERS[: LAYERS.index(layer) + 1])
        for match in APP_IMPORT.finditer(path.read_text(encoding="utf-8")):
            target = match.group(1)
            top = target.split(".")[0]
            if top in LAYERS and top not in allowed and not any(
                    layer == low and target.startswith(high) for low, high in ALLOWED_UPWARD):
                found.append(f"{path.relative_to(PACKAGE_DIR)} imports briefing_app.{target}")
    return found


def test_every_layer_imports_only_the_layers_below_it():
    assert upward_imports() == []


def test_the_faces_never_touch_a_connection():
    """The core owns connections: no face opens one, imports SQLite or special-cases an
    in-memory fact base or SQLite's side files."""
    pattern = re.compile(r"FactBase\.open\(|^\s*import sqlite3|:memory:|\bMEMORY\b|-wal\b",
                         re.MULTILINE)
    offenders = [
        f"{path.relative_to(PACKAGE_DIR)}: {match.group(0).strip()}"
        for face in ("ui", "cli")
        for path in sorted((PACKAGE_DIR / face).rglob("*.py"))
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_nothing_outside_the_store_calls_its_private_members():
    pattern = re.compile(r"\b(?:fb|store|fact_base|base|own)\._(?!_)\w+")
    offenders = [
        f"{path.relative_to(PACKAGE_DIR)}: {match.group(0)}"
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if "store" not in path.relative_to(PACKAGE_DIR).parts[:1]
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_shared_fields_know_nothing_of_the_windows_that_use_them():
    """``ui/fields`` serves the editor, the managers and bulk actions; ``ui/manage`` is
    opened by the editing part and must not reach back into it."""
    pattern = re.compile(r"briefing_app\.ui\.(editing|manage|composer|bulk|main_window)\b")
    offenders = [
        f"{path.relative_to(PACKAGE_DIR)}: {match.group(0)}"
        for folder, banned in (("fields", None), ("manage", "editing"))
        for path in sorted((PACKAGE_DIR / "ui" / folder).rglob("*.py"))
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
        if banned is None or match.group(1) == banned
    ]
    assert offenders == []


def test_the_layer_check_names_an_upward_import(tmp_path, monkeypatch):
    core = tmp_path / "core"
    core.mkdir()
    (core / "bad.py").write_text("from briefing_app.store import FactBase\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE_DIR", tmp_path)
    assert upward_imports() == ["core/bad.py imports briefing_app.store"]
