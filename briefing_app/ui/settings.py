"""The app's remembered state (window layout, recent files) and the user's preferences,
declared once with defaults.

Settings live in one INI file in the user's config folder (``platformdirs``), found anew
each time they are opened, so tests that point ``XDG_CONFIG_HOME`` at a temporary folder
never touch the real user's settings. Tests may also pass an explicit file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

from briefing_app.core.markings import DEFAULT_SCHEME
from briefing_app.core.model import NOTE_STYLES, PAGE_SIZES
from briefing_app.core.paths import APP_NAME

MAX_RECENT = 8
UI_LANGUAGES = ("", "en", "es")  # "" follows the system locale
STALE_DAYS_RANGE = (1, 3650)

DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),  # tool bar and docks
    "window/splitter": QByteArray(),
    "window/header": QByteArray(),  # item table columns: order, widths, hidden, sort
    "window/sidebar": True,  # View > Show Sidebar
    "window/details": True,  # View > Show Details
    "window/preview": True,  # View > Show Preview (the composer's)
    "files/recent": [],
    "files/last": "",
    "welcome/dismissed": False,  # the Welcome panel is not shown at start (welcome.py)
    # Preferences (Edit > Preferences…)
    "prefs/author": "",  # the FROM line of new briefings, with the office
    "prefs/office": "",
    "prefs/marking_scheme": DEFAULT_SCHEME,  # of new empty fact bases
    "prefs/stale_days": 30,  # pre-flight "stale" limit; preflight()'s own default
    "prefs/note_style": "footnotes",  # of new briefings, one of model.NOTE_STYLES
    "prefs/page_size": "",  # of new briefings, one of model.PAGE_SIZES; "": the locale's
    "prefs/language": "",  # UI language, read at start: "" (system), "en" or "es"
}


def locale_page_size(locale: QLocale | None = None) -> str:
    """The paper people use where ``locale`` (default: the system's) is: A4 where the
    metric system is, US Letter in the US and the other places that measure in inches."""
    locale = locale if locale is not None else QLocale.system()
    metric = locale.measurementSystem() == QLocale.MeasurementSystem.MetricSystem
    return "a4" if metric else "letter"


@dataclass(frozen=True)
class Preferences:
    """The "prefs/" keys as one value, cleaned: what the rest of the UI reads."""

    author: str = DEFAULTS["prefs/author"]
    office: str = DEFAULTS["prefs/office"]
    marking_scheme: str = DEFAULTS["prefs/marking_scheme"]
    stale_days: int = DEFAULTS["prefs/stale_days"]
    note_style: str = DEFAULTS["prefs/note_style"]
    page_size: str = field(default_factory=locale_page_size)  # until the staffer chooses
    language: str = DEFAULTS["prefs/language"]

    @property
    def from_line(self) -> str:
        """The FROM line of a new briefing: ``"Ana Ruiz, WHA/AND"``, either part alone, or
        empty."""
        return ", ".join(part for part in (self.author.strip(), self.office.strip()) if part)

    def cleaned(self) -> Preferences:
        """The same preferences with out-of-range values replaced by the defaults (a hand-
        edited settings file must not break new briefings or the warnings)."""
        low, high = STALE_DAYS_RANGE
        return Preferences(
            author=self.author.strip(),
            office=self.office.strip(),
            marking_scheme=self.marking_scheme.strip() or DEFAULT_SCHEME,
            stale_days=min(max(self.stale_days, low), high),
            note_style=self.note_style if self.note_style in NOTE_STYLES
            else DEFAULTS["prefs/note_style"],
            page_size=self.page_size if self.page_size in PAGE_SIZES
            else locale_page_size(),
            language=self.language if self.language in UI_LANGUAGES else "",
        )


def _as_bool(stored: Any, default: bool) -> bool:
    """A true/false setting: the INI file gives ``true``/``false`` back as text."""
    if isinstance(stored, bool):
        return stored
    if isinstance(stored, str) and stored.strip().lower() in ("true", "1", "yes", "on"):
        return True
    if isinstance(stored, str) and stored.strip().lower() in ("false", "0", "no", "off"):
        return False
    if isinstance(stored, int):
        return bool(stored)
    return default


_PREFERENCE_KEYS = {name: f"prefs/{name}" for name in Preferences.__dataclass_fields__}


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
        if isinstance(default, bool):
            return _as_bool(stored, default)
        if isinstance(default, int):
            # the INI file gives numbers back as text
            try:
                return int(stored)
            except (TypeError, ValueError):
                return default
        return stored if isinstance(stored, type(default)) else default

    def set_value(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._qsettings.setValue(key, value)

    def sync(self) -> None:
        self._qsettings.sync()

    # ------------------------------------------------------------ preferences

    def preferences(self) -> Preferences:
        return Preferences(**{name: self.value(key)
                              for name, key in _PREFERENCE_KEYS.items()}).cleaned()

    def set_preferences(self, preferences: Preferences) -> None:
        """Store every preference and write the file at once (another window or the next
        start reads it)."""
        cleaned = preferences.cleaned()
        for name, key in _PREFERENCE_KEYS.items():
            self.set_value(key, getattr(cleaned, name))
        self.sync()

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
