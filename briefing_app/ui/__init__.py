"""The Qt desktop app. Only this package imports PySide6.

Importing it first protects the process from PySide6 6.12's lost ``None`` references on
Python 3.11 (see :mod:`briefing_app.ui.none_guard`), before any widget makes a void call.
"""

from briefing_app.ui.none_guard import guard_none_refcount

guard_none_refcount()
