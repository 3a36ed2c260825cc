"""The main window's first layout: its size before the staffer chose one, how the first
layout shares a narrow screen, and the Item menu that appears once it has entries."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize

from briefing_app.ui.item_columns import COLUMN_KEYS


class ShowWhenFilled(QObject):
    """Shows a menu's title in the menu bar once an action is added to it."""

    def eventFilter(self, menu, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ActionAdded:
            menu.menuAction().setVisible(True)
        return False


NARROW_WORKSPACE = 900  # pixels beside the docks under which the details pane starts hidden
NARROW_HIDDEN_COLUMNS = ("text", "people", "source", "status")
MEDIUM_WORKSPACE = 1300  # under it, beside the details pane, the table keeps Text
MEDIUM_HIDDEN_COLUMNS = ("people", "source", "status")
COMPOSER_MAX_START = 900  # a big screen's composer and preview: enough for both
COMPACT_BELOW = 1600  # window width under which the first layout is the laptop one
LIBRARY_SIDE = 670  # sidebar and item table in the laptop layout (Kind, Date, Title)
COMPOSER_MIN_START = 560  # pixels of the composer dock on first start
COMPOSER_SHARE = 0.55  # of a big window's width on first start
SIDEBAR_WIDTH = 210
TITLE_MIN = 200  # a readable Title column (about 28 characters)
TEXT_BESIDE_TITLE = 620  # table width under which Text is hidden for a readable Title
DETAILS_MIN_CHARS = 36  # the details pane is never narrower (one letter per line otherwise)


def first_start_size(screen) -> QSize:
    """The window's size before the staffer has chosen one: on a laptop screen (up to
    1440 wide, e.g. 1366 x 768) all of it, the layout is designed for that; on a bigger
    screen most of it, at most 1600 x 1000."""
    size = QSize(1280, 800)
    if screen is not None:
        room = screen.availableGeometry().size()
        if room.width() <= 1440:
            return QSize(room.width(), room.height())
        width = min(1600, int(room.width() * 0.9))
        height = min(1000, max(int(room.height() * 0.9), min(700, room.height())))
        size = QSize(width, height)
    return size


def is_compact(window_width: int) -> bool:
    """The laptop layout: composer and preview cannot both sit beside a full table."""
    return window_width < COMPACT_BELOW


def composer_dock_width(window_width: int) -> int:
    """The composer dock's first width: on a laptop what sidebar, Kind, Date and a
    readable Title leave; on a big screen a bit over half the window, so composer and
    preview stand side by side and the table keeps its Text column."""
    if is_compact(window_width):
        return max(COMPOSER_MIN_START, window_width - LIBRARY_SIDE)
    return max(COMPOSER_MIN_START, min(int(window_width * COMPOSER_SHARE), COMPOSER_MAX_START))


def fit_first_layout(window, width: int) -> None:
    """Share ``width`` pixels (what the docks leave) among sidebar, table and details
    when nothing was saved yet: in a narrow space the details pane starts hidden (one
    keystroke shows it) and the table shows Kind, Date and Title, the Title taking what
    the others leave; in a medium one the table keeps Text beside the details pane."""
    if not window.settings.value("window/splitter").isEmpty():
        return  # the staffer's own layout wins
    narrow = width < NARROW_WORKSPACE
    fresh_columns = window.settings.value("window/header").isEmpty()
    if narrow:
        window.actions["toggle_details"].setChecked(False)
    sidebar = min(SIDEBAR_WIDTH, max(165, width // 3))
    details = 0 if narrow else 280
    table = max(width - sidebar - details, 200)
    # Text beside Title only when both can be read; else Title takes the room (the
    # details pane, or the composer, shows the text of the chosen item).
    hidden = NARROW_HIDDEN_COLUMNS if narrow or table < TEXT_BESIDE_TITLE else \
        MEDIUM_HIDDEN_COLUMNS if width < MEDIUM_WORKSPACE else ()
    if fresh_columns:
        for key in hidden:
            window.column_chooser.set_visible(key, False)
    window.splitter.setSizes([sidebar, table, details])
    if "text" in hidden and fresh_columns:
        view = window.item_view
        fixed = sum(view.columnWidth(COLUMN_KEYS.index(k)) for k in ("kind", "date"))
        scroll_bar = view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
        view.setColumnWidth(COLUMN_KEYS.index("title"),
                            max(TITLE_MIN, table - fixed - scroll_bar - 8))


def details_min_width(details) -> int:
    """The details pane's least width: about 36 characters of its text a line."""
    return details.fontMetrics().averageCharWidth() * DETAILS_MIN_CHARS


def layout_report(window) -> dict:
    """What a staffer sees of each part, in pixels (the layout tests and
    ``scripts/screenshots.py --report`` read it): shown columns and their widths, the
    panes' widths, how many composer blocks are in full view."""
    view = window.item_view
    columns = {key: view.columnWidth(number) for number, key in enumerate(COLUMN_KEYS)
               if not view.isColumnHidden(number)}
    tree = window.composer.panel.tree
    model = tree.model()
    viewport = tree.viewport().rect()
    blocks = 0
    for section_row in range(model.rowCount()):
        section = model.index(section_row, 0)
        for row in range(model.rowCount(section)):
            rect = tree.visualRect(model.index(row, 0, section))
            blocks += rect.isValid() and viewport.contains(rect)
    return {
        "window": [window.width(), window.height()],
        "columns": columns,
        "table": view.viewport().width(),
        "sidebar": window.sidebar.width() if window.sidebar.isVisible() else 0,
        "details": window.details.width() if window.details.isVisible() else 0,
        "composer": window.composer.panel.width(),
        "preview": window.composer.preview.width() if window.composer.preview.isVisible()
        else 0,
        "blocks_in_view": blocks,
    }
