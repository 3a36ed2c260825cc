"""Work the first frame does not need runs once the window has painted it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from briefing_app.ui.first_paint import after_first_paint


def test_work_waits_for_the_first_paint_and_runs_once(qtbot):
    label = QLabel("The first frame")
    qtbot.addWidget(label)
    ran = []
    after_first_paint(label, lambda: ran.append("done"))
    qtbot.wait(50)
    assert ran == []  # never shown, never painted: nothing ran

    label.show()
    qtbot.waitExposed(label)
    label.repaint()
    qtbot.waitUntil(lambda: ran == ["done"], timeout=2000)
    label.repaint()
    qtbot.wait(50)
    assert ran == ["done"]


def test_work_for_a_window_already_on_screen_runs_soon(qtbot):
    label = QLabel("Already shown")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    ran = []
    after_first_paint(label, lambda: ran.append("done"))
    qtbot.waitUntil(lambda: ran == ["done"], timeout=2000)


def test_the_item_menu_opens_on_the_table_once_the_window_is_painted(qtbot, tmp_path):
    """The composer watches right-clicks on the item table (its viewport) from the first
    frame on, when the table keeps Qt's default context menu."""
    from PySide6.QtWidgets import QWidget

    from briefing_app.store import FactBase
    from briefing_app.ui.main_window import MainWindow
    from briefing_app.ui.settings import AppSettings

    fb = FactBase.open(tmp_path / "f.sqlite")
    window = MainWindow(fb, fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.repaint()
    viewport = window.item_view.findChild(QWidget, "qt_scrollarea_viewport")
    filters = window.composer._context_filter
    qtbot.waitUntil(lambda: _filters_events_of(filters, viewport), timeout=2000)
    fb.close()


def _filters_events_of(event_filter, widget) -> bool:
    """Whether ``event_filter`` is installed on ``widget``: it is asked about an event."""
    from PySide6.QtCore import QCoreApplication, QEvent

    seen = []
    original = event_filter.eventFilter

    def spy(watched, event):
        seen.append(watched)
        return original(watched, event)

    event_filter.eventFilter = spy
    try:
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.User))
    finally:
        event_filter.eventFilter = original
    return widget in seen
