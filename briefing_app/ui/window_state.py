"""The main window's layout between sessions: geometry, docks, splitter and columns."""

from __future__ import annotations

from briefing_app.ui.item_columns import COLUMN_KEYS


def restore_window_state(window) -> None:
    """Put the window, splitter and columns back as the user left them."""
    s = window.settings
    if not s.value("window/geometry").isEmpty():
        window.restoreGeometry(s.value("window/geometry"))
    if not s.value("window/state").isEmpty():
        window.restoreState(s.value("window/state"))
    if not s.value("window/splitter").isEmpty():
        window.splitter.restoreState(s.value("window/splitter"))
    for key in ("sidebar", "details"):
        window.actions[f"toggle_{key}"].setChecked(bool(s.value(f"window/{key}")))
    if not s.value("window/header").isEmpty():
        window.item_view.horizontalHeader().restoreState(s.value("window/header"))
        for column, key in enumerate(COLUMN_KEYS):
            window.column_chooser.set_visible(key, not window.item_view.isColumnHidden(column))
    if window.fact_base.is_file and window.db_path.is_file():
        s.add_recent_file(window.db_path)


def save_window_state(window) -> None:
    """Keep the window, splitter and columns as they are now."""
    s = window.settings
    s.set_value("window/geometry", window.saveGeometry())
    s.set_value("window/state", window.saveState())
    s.set_value("window/splitter", window.splitter.saveState())
    s.set_value("window/header", window.item_view.horizontalHeader().saveState())
    for key in ("sidebar", "details"):
        s.set_value(f"window/{key}", window.actions[f"toggle_{key}"].isChecked())
    s.sync()

