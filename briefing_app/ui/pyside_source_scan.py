"""Start-up: PySide need not read the source of every module imported after it.

Since PYSIDE-2029, PySide's import hook looks once at each module imported after PySide6:
it reads the module's whole source (``inspect.getsource``) to see whether the text says
"PySide6", because such a module may select a ``__feature__`` (``snake_case``,
``true_property``) and PySide then switches type dictionaries for its code. This app
selects no feature, so the answer changes nothing here; yet reading some 130 files cost
~12 ms of the window's start and kept every one of them in ``linecache``.

:func:`answer_source_scan` gives PySide the answers up front, in its own table
(``shibokensupport.feature.pyside_feature_dict``): "no feature" (0) for the app's own
modules, "not PySide" (-1) for the standard library and for what is loaded already. Any
other module is still read as before. The table is PySide's private state: when a PySide
release no longer has it, nothing is done and start-up is only slower.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

NO_FEATURE = 0  # what PySide records for a module whose source says "PySide6"
NOT_PYSIDE = -1  # and for one whose source does not

_PACKAGE = Path(__file__).resolve().parent.parent


def answer_source_scan() -> int:
    """Load PySide and fill its table before the app's modules are imported; returns how
    many answers were added (0 when this PySide has no such table)."""
    import PySide6.QtCore  # noqa: F401 - installs the import hook and its table

    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return 0
    before = len(known)
    for name in package_modules(_PACKAGE):
        known.setdefault(name, NO_FEATURE)
    for name in (*sys.modules, *sys.stdlib_module_names):
        known.setdefault(name, NOT_PYSIDE)
    return len(known) - before


def package_modules(root: Path) -> Iterator[str]:
    """The dotted names of the package at ``root`` and every module below it, from the
    file names alone (nothing is imported or read)."""
    prefix = root.name
    yield prefix
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [s for s in subfolders if (Path(folder, s) / "__init__.py").exists()]
        relative = Path(folder).relative_to(root).parts
        package = ".".join((prefix, *relative))
        if relative:
            yield package
        for file in files:
            if file.endswith(".py") and file != "__init__.py":
                yield f"{package}.{file[:-3]}"
