"""The main window as most GUI tests want it: on a fact base, at a desk-sized size, shown."""

from __future__ import annotations

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings


def show_main_window(qtbot, fact_base, settings: AppSettings | None = None, *,
                     wait_for_sidebar: bool = False) -> MainWindow:
    """A shown 1300 x 800 window; ``wait_for_sidebar`` waits until the sidebar's counts
    are in (they are read in a worker)."""
    window = MainWindow(fact_base, fact_base.path, settings=settings)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    if wait_for_sidebar:
        with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
            window.show()
    else:
        window.show()
    qtbot.waitExposed(window)
    return window
