"""Starting the desktop app: one QApplication, the fact base, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app import __version__
from briefing_app.store import FactBase, FactBaseError
from briefing_app.ui.main_window import APP_TITLE, MainWindow


def application() -> QApplication:
    """The process's QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("BriefingBuilder")
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    return app


def run_gui(db_path: str | os.PathLike) -> int:
    """Open the fact base in the main window and run until it closes; the exit status."""
    app = application()
    try:
        fact_base = FactBase.open(db_path)
    except FactBaseError as error:
        QMessageBox.critical(None, APP_TITLE, str(error))
        return 1
    try:
        window = MainWindow(fact_base, db_path)
        window.show()
        return app.exec()
    finally:
        fact_base.close()
