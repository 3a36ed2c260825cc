"""The app's remembered state (window layout, recent files), declared once with defaults.

Settings live in one INI file in the user's config folder (``platformdirs``), found anew
each time they are opened, so tests that point ``XDG_CONFIG_HOME`` at a temporary folder
never touch the real user's settings. Tests may also pass an explicit file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from briefing_app.paths import APP_NAME

MAX_RECENT = 8

DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),  # tool bar and docks
    "window/splitter": QByteArray(),
    "window/header": QByteArray(),  # item table columns: order, widths, hidden, sort
    "files/recent": [],
    "files/last": "",
}


def settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / f"{APP_NAME}.ini"


class AppSettings:
    """Typed access to the declared keys; an unknown key is a programming error."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else settings_file()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str) -> Any:
        default = DEFAULTS[key]
        stored = self._qsettings.value(key, default)
        if isinstance(default, list):
            if stored in (None, ""):
                return []
            return [stored] if isinstance(stored, str) else list(stored)
        if isinstance(default, QByteArray):
            return stored if isinstance(stored, QByteArray) else QByteArray()
        return stored if isinstance(stored, type(default)) else default

    def set_value(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qsettings.setValue(key, value)

    def sync(self) -> None:
        self._qsettings.sync()

    # ------------------------------------------------------------ recent fact bases

    def recent_files(self) -> list[str]:
        """Recently opened fact bases, newest first; files that are gone are dropped."""
        kept = [p for p in self.value("files/recent") if p and Path(p).is_file()]
        if kept != self.value("files/recent"):
            self.set_value("files/recent", kept)
        return kept

    def add_recent_file(self, path: str | os.PathLike) -> None:
        """Put ``path`` first in the recent list (and remember it as the last one)."""
        path = str(Path(path).resolve())
        recent = [p for p in self.value("files/recent") if p != path]
        self.set_value("files/recent", [path, *recent][:MAX_RECENT])
        self.set_value("files/last", path)

    def last_file(self) -> str:
        """The fact base open when the app last closed, if it still exists."""
        last = self.value("files/last")
        return last if last and Path(last).is_file() else ""
