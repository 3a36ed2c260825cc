"""The Qt desktop app. Only this package imports PySide6.

Importing it first spares PySide reading the source of every module imported after it
(see :mod:`briefing_app.ui.pyside_source_scan`), and protects the process from PySide6
6.12's lost ``None`` references on Python 3.11 (see :mod:`briefing_app.ui.none_guard`)
before any widget makes a void call.
"""

from briefing_app.ui.pyside_source_scan import answer_source_scan

answer_source_scan()

from briefing_app.ui.none_guard import guard_none_refcount  # noqa: E402

guard_none_refcount()
