"""The main window: layout and wiring only.

Sidebar of filters on the left, search box and item table in the centre, the selected
item's details on the right, counts and the fact base's path in the status bar. What each
part does lives in its own small class (:class:`~.sidebar.Sidebar`,
:class:`~.search_box.SearchBox`, :class:`~.item_model.ItemTableModel`,
:class:`~.file_ops.FileOps`, ...); this module only builds and connects them, one
``_install_*`` method per feature area.

For the other parts of the app (editing, composer) the window offers:

- ``window.library``: the :class:`~briefing_app.core.library.Library` open now (the one
  door to the fact base: reads through ``library.store``, changes through operations);
- ``window.fact_base``: a :class:`~.fact_base_handle.FactBaseHandle` that always reaches
  the store of the library open now (``window.fact_base.target`` is the store itself);
- ``window.fact_base_changed``: emit it after changing data; the table, sidebar counts and
  completions reload. ``window.fact_base_replaced`` fires when another file is opened
  (the undo stack is cleared then);
- ``window.menus["file"|"edit"|"view"|"item"|"help"]``, ``window.toolbar``,
  ``window.actions`` (see :mod:`.actions`), ``window.undo_stack`` (a
  :class:`~.library_ops.LibraryOps`: ``perform(operation)``, undo, redo; its ``performed``
  signal tells what each change touched);
- ``window.item_view`` / ``window.item_model`` / ``window.details`` /
  ``window.current_item``, and ``window.selected_item_ids()``.

The Item menu stays hidden until something is added to it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.library import Library, as_library
from briefing_app.ui.actions import create_actions
from briefing_app.ui.composer.controller import ComposerController
from briefing_app.ui.current_item import CurrentItem
from briefing_app.ui.debounce import Debouncer
from briefing_app.ui.editing.controller import EditingController
from briefing_app.ui.elided_label import ElidedLabel
from briefing_app.ui.fact_base_handle import FactBaseHandle
from briefing_app.ui.file_drop import FileDrop
from briefing_app.ui.file_ops import FileOps
from briefing_app.ui.first_paint import after_first_paint
from briefing_app.ui.help_menu import install_help
from briefing_app.ui.intake import install_intake
from briefing_app.ui.item_details import ItemDetailsView
from briefing_app.ui.item_model import ItemTableModel
from briefing_app.ui.item_table import make_item_table
from briefing_app.ui.library_ops import LibraryOps
from briefing_app.ui.maintenance import install_maintenance
from briefing_app.ui.none_guard import guard_none_refcount
from briefing_app.ui.preferences_menu import install_preferences
from briefing_app.ui.qt_messages import quiet_platform_notes
from briefing_app.ui.query_text import combine
from briefing_app.ui.saved_searches import SavedSearches
from briefing_app.ui.search_box import FieldValues, SearchBox
from briefing_app.ui.settings import AppSettings
from briefing_app.ui.sidebar import Sidebar
from briefing_app.ui.status import count_text, display_path
from briefing_app.ui.status import number as grouped_number
from briefing_app.ui.team import install_team
from briefing_app.ui.undo_actions import install_undo_actions
from briefing_app.ui.welcome import install_welcome
from briefing_app.ui.window_layout import (
    ShowWhenFilled,
    details_min_width,
    first_start_size,
    fit_first_layout,
)
from briefing_app.ui.window_read_only import install_read_only_actions
from briefing_app.ui.window_state import restore_window_state, save_window_state

APP_TITLE = "Briefing Builder"
SEARCH_DELAY_MS = 200
SEARCH_HINT = QT_TRANSLATE_NOOP(
    "MainWindow", 'Search: words, "a phrase", kind:quote, tag:…, person:…, after:2025-09')


class MainWindow(QMainWindow):
    fact_base_changed = Signal()  # data changed: views, counts and completions reload
    fact_base_replaced = Signal(object)  # another fact base was opened (its store)

    def __init__(self, library, db_path: str | Path | None = None,
                 parent: QWidget | None = None, *, settings: AppSettings | None = None,
                 owns_fact_base: bool = False):
        """``library``: a :class:`Library` (or a bare store, which gets one).
        ``owns_fact_base``: the window closes it when it opens another file or closes
        (else the caller does)."""
        super().__init__(parent)
        guard_none_refcount()  # see none_guard: the window makes many void Qt calls
        quiet_platform_notes()  # see qt_messages: a clean run prints nothing of Qt's
        self.library: Library = as_library(library)
        self.fact_base = FactBaseHandle(self.library.store)
        self.db_path = Path(db_path if db_path is not None else self.library.path)
        self.settings = settings if settings is not None else AppSettings()
        # The library to close when replaced or when the window closes: one this
        # window opened (or was handed with owns_fact_base).
        self._owned = self.library if owns_fact_base else None
        self._item_total: int | None = None
        self.setObjectName("mainWindow")
        self.resize(first_start_size(self.screen()))
        self.undo_stack = LibraryOps(self.library, self)
        self.actions = create_actions(self)
        self.menus: dict[str, QMenu] = {}

        self._install_workspace()
        self._install_search()
        self._install_sidebar()
        self._install_status_bar()
        self._install_layout()
        self._install_menus()
        self._install_toolbar()
        install_undo_actions(self)
        self._install_saved_searches()
        self._install_files()
        self._install_view_actions()
        self._install_refresh()
        restore_window_state(self)
        self._show_fact_base_name()
        self._update_count()
        self.editing = EditingController(self)  # item editor, bulk actions, undo, manage
        self.composer = ComposerController(self)  # briefings list, composer, preview
        self.help = install_help(self)  # Help: user guide, search syntax, about
        self.preferences = install_preferences(self)  # Edit > Preferences…
        self.welcome = install_welcome(self)  # first-start panel, Help > Show Welcome
        self.intake = install_intake(self)  # File > Add from Article…, dropped articles
        self.team = install_team(self)  # File > Team, sync status, conflicts
        self.maintenance = install_maintenance(self)  # backups, Tools > Check Fact Base
        self.read_only_actions = install_read_only_actions(self)  # changes off if read-only

    # ------------------------------------------------------------ workspace

    def _install_workspace(self) -> None:
        self.item_model = ItemTableModel(self.fact_base, self)
        after_first_paint(self, self.item_model.warm_up)
        self.item_view = make_item_table(self)
        self.details = ItemDetailsView(self.fact_base, self)
        self.details.setMinimumWidth(details_min_width(self.details))
        self.current_item = CurrentItem(self.item_view, self.item_model, self.fact_base, self)
        self.current_item.changed.connect(self.details.show_item)
        self.item_model.failed.connect(self._show_error)

    def selected_item_ids(self) -> list[str]:
        """Ids of the selected rows, in table order."""
        rows = sorted(index.row() for index in self.item_view.selectionModel().selectedRows())
        return [self.item_model.item_id(row) for row in rows]

    def copy_item_ids(self) -> None:
        """Put the selected items' ids on the clipboard, one a line (``briefing-app export
        --item`` takes them, or a unique beginning of six characters or more)."""
        ids = self.selected_item_ids()
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self.statusBar().showMessage(
                self.tr("Copied the item's id: %s") % ids[0] if len(ids) == 1
                else self.tr("Copied %s ids") % len(ids), 5000)

    # ------------------------------------------------------------ search and filters

    def _install_search(self) -> None:
        self.field_values = FieldValues(self.fact_base)
        self.search_box = SearchBox(self.field_values, self)
        box = self.search_box
        box.setObjectName("searchBox")
        box.setAccessibleName(self.tr("Search items"))
        box.setAccessibleDescription(self.tr(
            "Filters the item table as you type. Words, \"a phrase\", kind:quote, tag:…, "
            "person:…, after:2025-09. Esc clears."))
        box.setPlaceholderText(self.tr(SEARCH_HINT))
        box.setToolTip(self.tr(SEARCH_HINT))
        box.setClearButtonEnabled(True)
        self.debouncer = Debouncer(SEARCH_DELAY_MS, self)
        box.textChanged.connect(self.debouncer.push)
        box.returnPressed.connect(self.debouncer.flush)
        box.escape_pressed.connect(self.clear_filters)
        self.debouncer.settled.connect(self._apply_query)

        self.filter_label = ElidedLabel(self)  # a long query must not widen the column
        self.filter_label.setObjectName("activeFilters")
        self.filter_label.setAccessibleName(self.tr("Active filters"))
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear search and filter"))
        self.clear_button.setToolTip(self.tr("Show every item again (Esc in the search box)"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.filter_bar = QWidget(self)
        row = QHBoxLayout(self.filter_bar)
        row.setContentsMargins(2, 0, 0, 0)
        row.addWidget(self.filter_label, 1)
        row.addWidget(self.clear_button)
        self.filter_bar.setVisible(False)
        self._filter_line = ("", False)  # what the filter bar says, and whether it shows
        self.item_model.modelReset.connect(self._show_filter_line)
        # The table lays out its new rows now, not on its next pass through the event
        # loop, where the delayed layout (the scroll bar shown or hidden) painted the
        # window once more (a search without hits: 3 passes -> 2, 2.17 -> 2.07 ms).
        self.item_model.modelReset.connect(self.item_view.doItemsLayout)

    def _install_sidebar(self) -> None:
        self.sidebar = Sidebar(self.fact_base, self)
        self.sidebar.filter_changed.connect(lambda _query, _label: self._apply_query())

    def _apply_query(self, _typed: str = "") -> None:
        """Run the sidebar filter and the typed search together, in SQL."""
        typed = self.search_box.text()
        sidebar_query, sidebar_label = self.sidebar.current_filter
        parts = []
        if sidebar_label:
            parts.append(sidebar_label)
        if typed.strip():
            parts.append(self.tr("search “%s”") % typed.strip())
        self._filter_line = (self.tr("Showing only: %s") % self.tr(" and ").join(parts),
                             bool(parts))
        self.item_model.set_query(combine(sidebar_query, typed))
        if not self.item_model.searching:  # else when the worker's rows arrive
            self._show_filter_line()

    def _show_filter_line(self) -> None:
        """Name the filter of the rows on screen. It changes with the rows, not before
        them: showing the bar while a worker still searches would lay out and repaint the
        previous rows under it, then the new ones again."""
        text, shown = self._filter_line
        if text == self.filter_label.full_text() and shown != self.filter_bar.isHidden():
            return  # the reset already showed it
        self.filter_label.setText(text)
        self.filter_bar.setVisible(shown)

    def clear_filters(self) -> None:
        """Empty the search box and go back to all items."""
        self.debouncer.flush()
        self.search_box.clear()
        self.debouncer.flush()
        self.sidebar.clear_filter()
        self._apply_query()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # ------------------------------------------------------------ layout and status

    def _install_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("itemCount")
        self.count_label.setAccessibleName(self.tr("Item count"))
        self.path_label = QLabel(self)
        self.path_label.setObjectName("factBasePath")
        self.path_label.setAccessibleName(self.tr("Fact base file"))
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.path_label)
        self.item_model.rowsLoaded.connect(self._update_count)

    def _install_layout(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 6, 0, 6)
        column.setSpacing(4)
        column.addWidget(self.search_box)
        column.addWidget(self.filter_bar)
        column.addWidget(self.item_view)

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.details)
        for number, stretch in enumerate((0, 3, 1)):
            self.splitter.setStretchFactor(number, stretch)
        self.splitter.setSizes([220, 900, 280])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        # Tab goes sidebar -> search -> filter bar -> table -> details; typing starts in
        # the search box, so no row is picked before the user picks one.
        QWidget.setTabOrder(self.sidebar, self.search_box)
        QWidget.setTabOrder(self.search_box, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.item_view)
        QWidget.setTabOrder(self.item_view, self.details)
        self.search_box.setFocus()

    def fit_first_layout(self, width: int) -> None:
        """See :func:`~.window_layout.fit_first_layout`."""
        fit_first_layout(self, width)

    def _show_fact_base_name(self) -> None:
        self.setWindowTitle(f"{self.db_path.name} — {APP_TITLE}")
        self.path_label.setText(display_path(self.db_path))
        self.path_label.setToolTip(self.tr("The fact base this window shows: %s") % self.db_path)

    def _update_count(self) -> None:
        query = self.item_model.query
        if self.item_model.counting:  # the rows came first; the exact count follows
            self.count_label.setText(self.tr("Showing %s (counting…)")
                                     % grouped_number(self.item_model.rowCount()))
            return
        if self._item_total is None and not query and not self.item_model.searching:
            self._item_total = self.item_model.total  # the table has just counted them all
        if self._item_total is None:  # read once per change of the data, not per page
            self._item_total = self.fact_base.item_count()
        self.count_label.setText(count_text(
            self.item_model.rowCount(), self.item_model.total, self._item_total, query,
            self.item_model.parsed_query.ignored,
        ))

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    # ------------------------------------------------------------ menus and tool bar

    def _install_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("view", self.tr("&View")), ("item", self.tr("&Item")),
                           ("help", self.tr("&Help"))):
            self.menus[key] = bar.addMenu(title)
            self.menus[key].setObjectName(f"menu_{key}")
        item_menu = self.menus["item"]
        item_menu.menuAction().setVisible(False)  # the editing part fills it
        self._show_when_filled = ShowWhenFilled(self)
        item_menu.installEventFilter(self._show_when_filled)

        a = self.actions
        a["quit"].triggered.connect(self.close)
        a["find"].triggered.connect(self.focus_search)
        a["clear_filters"].triggered.connect(self.clear_filters)

        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("menu_recent")
        file_menu = self.menus["file"]
        file_menu.addActions([a["new_fact_base"], a["open_fact_base"]])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([a["import"], a["export_all"], a["export_selection"]])
        file_menu.addSeparator()
        file_menu.addAction(a["backup"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])

        edit_menu = self.menus["edit"]
        edit_menu.addActions([a["undo"], a["redo"]])
        edit_menu.addSeparator()
        edit_menu.addActions([a["find"], a["clear_filters"], a["save_search"]])

        self.menus["item"].addAction(a["copy_id"])
        a["copy_id"].triggered.connect(self.copy_item_ids)

        view_menu = self.menus["view"]
        view_menu.addActions([a["toggle_sidebar"], a["toggle_details"]])
        view_menu.addSeparator()
        view_menu.addActions([a["focus_sidebar"], a["focus_table"]])
        view_menu.addSeparator()
        view_menu.addAction(a["refresh"])

    def _install_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main tool bar"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setAccessibleName(self.tr("Main tool bar"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        a = self.actions
        self.toolbar.addActions([a["open_fact_base"], a["import"], a["export_all"],
                                 a["backup"]])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a["undo"], a["redo"]])
        self.toolbar.addSeparator()
        self.toolbar.addAction(a["save_search"])
        self.addToolBar(self.toolbar)

    def _install_saved_searches(self) -> None:
        self.saved_searches = SavedSearches(self.fact_base, self)
        self.saved_searches.changed.connect(self.fact_base_changed)
        self.actions["save_search"].triggered.connect(
            lambda: self.saved_searches.save(self.item_model.query))
        self.sidebar.save_search_requested.connect(
            lambda: self.saved_searches.save(self.item_model.query))
        self.sidebar.rename_search_requested.connect(self.saved_searches.rename)
        self.sidebar.delete_search_requested.connect(self.saved_searches.delete)

    def _install_files(self) -> None:
        self.file_ops = FileOps(self)
        a = self.actions
        a["new_fact_base"].triggered.connect(self.file_ops.new_fact_base)
        a["open_fact_base"].triggered.connect(self.file_ops.open_dialog)
        a["import"].triggered.connect(self.file_ops.import_dialog)
        a["export_all"].triggered.connect(lambda: self.file_ops.export_dialog(selection=False))
        a["export_selection"].triggered.connect(
            lambda: self.file_ops.export_dialog(selection=True))
        a["backup"].triggered.connect(self.file_ops.backup_dialog)
        self.file_drop = FileDrop(self, self.file_ops)
        self.recent_menu.aboutToShow.connect(
            lambda: self.file_ops.fill_recent_menu(self.recent_menu))
        self.item_view.selectionModel().selectionChanged.connect(self._update_file_actions)
        self.item_model.modelReset.connect(self._update_file_actions)
        self._update_file_actions()

    def _update_file_actions(self) -> None:
        selected = self.item_view.selectionModel().hasSelection()
        self.actions["export_selection"].setEnabled(selected)
        self.actions["copy_id"].setEnabled(selected)
        self.actions["backup"].setEnabled(self.fact_base.is_file)

    def _install_view_actions(self) -> None:
        a = self.actions
        for key, pane in (("toggle_sidebar", self.sidebar), ("toggle_details", self.details)):
            a[key].setCheckable(True)
            a[key].setChecked(True)
            a[key].toggled.connect(pane.setVisible)
        a["focus_sidebar"].triggered.connect(self._focus_sidebar)
        a["focus_table"].triggered.connect(self.item_view.setFocus)

    def _focus_sidebar(self) -> None:
        self.actions["toggle_sidebar"].setChecked(True)
        self.sidebar.setFocus()

    # ------------------------------------------------------------ data changes

    def _install_refresh(self) -> None:
        self.fact_base_changed.connect(self._reload)
        self.actions["refresh"].triggered.connect(self.fact_base_changed)

    def _reload(self) -> None:
        self.field_values.clear()
        self._item_total = None
        self.item_model.refresh()
        self.sidebar.refresh()

    def replace_fact_base(self, library, db_path: str | Path | None = None) -> None:
        """Show another fact base (a Library, or a bare store); the one this window opened
        before is closed, with its undo history."""
        previous = self._owned
        library = as_library(library)
        self.library = library
        self.fact_base.target = library.store
        self._item_total = None
        self._owned = library
        self.db_path = Path(db_path if db_path is not None else library.path)
        self.undo_stack.set_library(library)  # the old file's undo steps stay with it
        self.item_model.forget_fact_base()
        self.search_box.clear()
        self.debouncer.flush()
        self.sidebar.clear_filter()
        self._show_fact_base_name()
        self._apply_query()
        self.item_model.warm_up()
        self._update_file_actions()
        self.fact_base_replaced.emit(library.store)
        self.fact_base_changed.emit()
        if previous is not None and previous is not library:
            previous.close()

    # ------------------------------------------------------------ settings

    def save_settings(self) -> None:
        save_window_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        super().closeEvent(event)
        if not event.isAccepted():
            return
        # Focus moving around while the widgets are torn down must not read the fact
        # base, which the caller may close as soon as the window is closed.
        self.item_view.selectionModel().blockSignals(True)
        if self._owned is not None:
            self._owned.close()  # interrupts the reads in progress
            self._owned = None
        self.item_model.finish_work()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.item_view.selectionModel().blockSignals(False)
        super().showEvent(event)
