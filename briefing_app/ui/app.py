"""Starting the desktop app: one QApplication, the fact base, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app import __version__
from briefing_app.paths import DB_ENV_VAR, default_db_path
from briefing_app.store import FactBase, FactBaseError
from briefing_app.ui.main_window import APP_TITLE, MainWindow
from briefing_app.ui.none_guard import guard_none_refcount
from briefing_app.ui.settings import AppSettings


def application() -> QApplication:
    """The process's QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    guard_none_refcount()
    app.setApplicationName("BriefingBuilder")
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    return app


def start_path(given: str | os.PathLike | None, settings: AppSettings) -> str:
    """The fact base to show at start: the one named, except that the default one (no
    ``--db``, no ``$BRIEFING_APP_DB``) gives way to the file open when the app last
    closed, if it still exists."""
    default = str(default_db_path())
    if given is not None and (str(given) != default or os.environ.get(DB_ENV_VAR)):
        return str(given)
    return settings.last_file() or default


def run_gui(db_path: str | os.PathLike | None = None) -> int:
    """Open the fact base in the main window and run until it closes; the exit status."""
    app = application()
    settings = AppSettings()
    db_path = start_path(db_path, settings)
    try:
        fact_base = FactBase.open(db_path)
    except FactBaseError as error:
        QMessageBox.critical(None, APP_TITLE, str(error))
        return 1
    try:
        window = MainWindow(fact_base, db_path, settings=settings, owns_fact_base=True)
        window.show()
        return app.exec()
    finally:
        fact_base.close()  # when the window did not already
