"""The guard against PySide6 6.12 dropping references to None on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.none_guard import HEADROOM, guard_none_refcount, none_refs_lost_per_call


def test_the_window_guards_none_when_void_qt_calls_leak_it(qtbot, fb):
    window = MainWindow(fb, ":memory:")
    qtbot.addWidget(window)
    assert guard_none_refcount() is False  # the window applied it already, or not needed
    leaking = sys.version_info < (3, 12) and none_refs_lost_per_call() >= 0.5
    if leaking:
        assert sys.getrefcount(None) > HEADROOM // 2
    widget = QWidget()
    qtbot.addWidget(widget)
    for _ in range(50_000):  # would abort an unguarded small program on 3.11 + 6.12
        widget.update()
    assert sys.getrefcount(None) > 0
