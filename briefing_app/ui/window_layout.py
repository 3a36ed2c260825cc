"""The main window's first layout: its size before the staffer chose one, how the first
layout shares a narrow screen, and the Item menu that appears once it has entries."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize

from briefing_app.ui.item_model import COLUMN_KEYS


class ShowWhenFilled(QObject):
    """Shows a menu's title in the menu bar once an action is added to it."""

    def eventFilter(self, menu, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ActionAdded:
            menu.menuAction().setVisible(True)
        return False


NARROW_WORKSPACE = 900  # pixels beside the docks under which the details pane starts hidden
NARROW_HIDDEN_COLUMNS = ("people", "source", "status")


def first_start_size(screen) -> QSize:
    """The window's size before the staffer has chosen one: most of the screen, at most
    1600 x 1000 (memo and items side by side need the room), never less than 1024 x 700
    unless the screen is smaller."""
    size = QSize(1280, 800)
    if screen is not None:
        room = screen.availableGeometry().size()
        width = min(1600, max(int(room.width() * 0.9), min(1024, room.width())))
        height = min(1000, max(int(room.height() * 0.9), min(700, room.height())))
        size = QSize(width, height)
    return size


def fit_first_layout(window, width: int) -> None:
    """Share ``width`` pixels (what the docks leave) among sidebar, table and details
    when nothing was saved yet: in a narrow space the details pane starts hidden and
    the table shows kind, date, title and text, so the Text column stays readable."""
    if not window.settings.value("window/splitter").isEmpty():
        return  # the staffer's own layout wins
    narrow = width < NARROW_WORKSPACE
    if narrow:
        window.actions["toggle_details"].setChecked(False)
        if window.settings.value("window/header").isEmpty():
            for key in NARROW_HIDDEN_COLUMNS:
                window.column_chooser.set_visible(key, False)
    sidebar = min(190, max(165, width // 4))
    details = 0 if narrow else 280
    table = max(width - sidebar - details, 200)
    window.splitter.setSizes([sidebar, table, details])
    if narrow and window.settings.value("window/header").isEmpty():
        # title and text share what kind and date leave
        view = window.item_view
        fixed = sum(view.columnWidth(COLUMN_KEYS.index(k)) for k in ("kind", "date"))
        view.setColumnWidth(COLUMN_KEYS.index("title"), max(120, (table - fixed) * 55 // 100))

