"""Starting the desktop app: one QApplication, the fact base, the main window."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_app import __version__
from briefing_app.core.errors import FactBaseError
from briefing_app.core.library import Library
from briefing_app.core.paths import DB_ENV_VAR, default_db_path, resource_path
from briefing_app.store import open_library
from briefing_app.ui.i18n import install_translator
from briefing_app.ui.main_window import APP_TITLE, MainWindow
from briefing_app.ui.none_guard import guard_none_refcount
from briefing_app.ui.settings import AppSettings
from briefing_app.ui.user_text import Icon, tell
from briefing_app.ui.workers import finish_jobs


def application() -> QApplication:
    """The process's QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    guard_none_refcount()
    app.setApplicationName("BriefingBuilder")
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("briefing-app")  # Wayland matches the window to briefing-app.desktop
    app.setWindowIcon(app_icon())
    install_translator(app, AppSettings())  # the language: setting or system locale
    return app


ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SMOKE_TIMEOUT_S = 30


def app_icon() -> QIcon:
    """The briefing-folder icon at every rendered size (resources/icons/)."""
    icon = QIcon()
    for size in ICON_SIZES:
        # With its size given, a file is read when that size is first drawn, not now.
        icon.addFile(str(resource_path("icons", f"briefing-app-{size}.png")), QSize(size, size))
    return icon


def start_path(given: str | os.PathLike | None, settings: AppSettings) -> str:
    """The fact base to show at start: the one named, except that the default one (no
    ``--db``, no ``$BRIEFING_APP_DB``) gives way to the file open when the app last
    closed, if it still exists."""
    default = str(default_db_path())
    if given is not None and (str(given) != default or os.environ.get(DB_ENV_VAR)):
        return str(given)
    return settings.last_file() or default


def open_start_library(path: str | os.PathLike) -> Library:
    """The fact base to show at start. The default one is created with the sample on first
    use (as the commands do), so a new user's first window holds a finished briefing."""
    if Path(path) == default_db_path():
        from briefing_app.exchange.sample import open_or_create_default  # first use only

        return Library(open_or_create_default(path))
    return open_library(path)


def run_gui(db_path: str | os.PathLike | None = None, smoke: bool = False) -> int:
    """Open the fact base in the main window and run until it closes; the exit status.

    With ``smoke``, close the window as soon as it is on screen (``briefing-app --smoke``).
    """
    app = application()
    settings = AppSettings()
    db_path = start_path(db_path, settings)
    try:
        library = open_start_library(db_path)
    except FactBaseError as error:
        tell(None, APP_TITLE, str(error), Icon.Critical)
        return 1
    try:
        window = MainWindow(library, db_path, settings=settings, owns_fact_base=True)
        window.show()
        QTimer.singleShot(0, resume_garbage_collection)
        return smoke_check(app, window) if smoke else app.exec()
    finally:
        library.close()  # when the window did not already; interrupts reads in progress
        finish_jobs()  # the shared pool's: the sidebar's counts, the file check, backups


def resume_garbage_collection() -> None:
    """Once the window is up: collect garbage again (``briefing-app`` starts the window
    without), never scanning what start-up built (it stays as long as the app: frozen,
    it no longer lengthens every full collection while the staffer types)."""
    gc.freeze()
    gc.enable()


def smoke_check(app: QApplication, window) -> int:
    """Wait until ``window`` is exposed, then close it: 0, or 1 after SMOKE_TIMEOUT_S.

    Proves without a person watching that an install or a bundle starts: Qt libraries and
    platform plugin, the app's modules and resources, the fact base.
    """
    deadline = time.monotonic() + SMOKE_TIMEOUT_S
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        if time.monotonic() > deadline:
            print(f"smoke test: the window was not shown within {SMOKE_TIMEOUT_S} s",
                  file=sys.stderr)
            window.close()
            return 1
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    window.close()
    app.processEvents()
    print(f"smoke test: the main window opened and closed ({QApplication.platformName()})")
    return 0
