"""Where things live: bundled resources and the user's default fact base.

One lookup for resources that works from a source checkout, an installed package and a
frozen (PyInstaller) bundle, so no other module builds resource paths by hand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "BriefingBuilder"
DB_ENV_VAR = "BRIEFING_APP_DB"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("templates", "meeting-brief.json")``."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False)


def default_db_path() -> Path:
    """The fact base used when none is named: ``$BRIEFING_APP_DB`` or the user data folder."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "factbase.sqlite"
