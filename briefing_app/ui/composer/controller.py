"""Wires the composer into the main window: docks, menus, tool bar, drag source, marks.

``ComposerController(window)`` needs from the window only what it documents:
``fact_base``, ``undo_stack``, ``menus``, ``toolbar``, ``item_view``, ``item_model``,
``fact_base_changed`` and, when present, ``fact_base_replaced`` and
``selected_item_ids()``. It adds, beside the fact base, a "Briefings" dock and under it a
"Composer" dock holding the composer and the live preview side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMenu, QSplitter, QTabWidget

from briefing_app.store import FactBaseError

from ..first_paint import after_first_paint
from ..window_layout import composer_dock_width, is_compact
from .briefings_list import BriefingsList
from .composer_panel import ADD_BLOCK_KEYS, ComposerPanel
from .empty_sections import install_leave_out_empty_sections
from .export import Exporter
from .keys import NO_MODIFIER, ClaimedKeys
from .preview import PreviewPane
from .printing import install_print
from .session import ComposerSession

ADD_TO_BRIEFING_SHORTCUT = "Ctrl+B"
PREVIEW_MIN_SHOWN = 300  # pixels: a preview shown narrower gets half the dock


class _ItemContextMenu(QObject):
    """Right-click on the item table shows the Item menu, unless another part of the app
    has taken over the table's context menu (it then shows the same menu, which holds
    "Add to Briefing")."""

    def __init__(self, view, menu: QMenu):
        super().__init__(view)
        self._view, self._menu = view, menu

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ContextMenu and \
                self._view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            self._menu.exec(event.globalPos())
            return True
        return False


class ComposerController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = ComposerSession(window.fact_base, window.undo_stack, self)
        self.briefings = BriefingsList(self.session, window)
        self.panel = ComposerPanel(self.session, window)
        self.preview = PreviewPane(self.session, window)
        self.exporter = Exporter(self.session, window)
        self.actions: dict[str, QAction] = {}

        self._install_actions()
        self._install_docks()
        self._install_menus()
        install_print(self)
        install_leave_out_empty_sections(self)
        self._install_drag_source()
        self._wire()
        self.open_latest()

    # ------------------------------------------------------------ layout

    def _install_docks(self) -> None:
        window = self.window
        self.briefings_dock = QDockWidget(self.tr("Briefings"), window)
        self.briefings_dock.setObjectName("briefingsDock")
        self.briefings_dock.setWidget(self.briefings)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.briefings_dock)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("composerSplitterMain")
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 420])
        # Small minimums, so the window still shrinks onto a small screen: the composer's
        # parts are squeezed (the preview folds away) rather than forcing the window wide.
        self.splitter.setMinimumSize(QSize(280, 240))
        self.splitter.setCollapsible(0, False)
        self.briefings.setMinimumSize(QSize(200, 60))
        self.composer_dock = QDockWidget(self.tr("Composer"), window)
        self.composer_dock.setObjectName("composerDock")
        self.composer_dock.setWidget(self.splitter)
        # Delete pressed anywhere in the composer never reaches the fact base's window-wide
        # "delete items" shortcut (the tree and text fields handle it themselves first).
        self._swallow_delete = ClaimedKeys(self.splitter, {
            (Qt.Key.Key_Delete, NO_MODIFIER): lambda: None})
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.composer_dock)
        # Where the staffer left the docks: the window restored its saved layout before
        # these docks existed, so it is applied once more now (restoreDockWidget finds no
        # placeholder for docks created later). Else the briefings list above the
        # composer, both beside the fact base.
        # Else the first layout is laid out when the window is first shown, at the size
        # it has then (a laptop's layout differs from a big screen's).
        self._first_layout_pending = not self._restore_saved_layout()
        self._restore_preview()

    def apply_first_layout(self) -> None:
        """The layout before the staffer made one, for the window's width now: on a
        laptop the briefings list is a tab beside the composer, the item table keeps
        Kind, Date and Title and the preview waits one keystroke away (Ctrl+Shift+3); on
        a big screen the briefings list sits above the composer and the preview beside
        it (see window_layout)."""
        self._first_layout_pending = False
        window = self.window
        compact = is_compact(window.width())
        if compact:
            # A laptop's height is the composer's: the briefings list is a tab beside
            # it, all of its rows one click away.
            window.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea,
                                  QTabWidget.TabPosition.North)
            window.tabifyDockWidget(self.composer_dock, self.briefings_dock)
            self.composer_dock.raise_()
            QTimer.singleShot(0, self.panel.give_blocks_the_height)  # once laid out
        else:  # three briefings in view; the composer takes the rest of the height
            window.resizeDocks([self.briefings_dock, self.composer_dock],
                               [self.briefings.height_for_rows(3), 760],
                               Qt.Orientation.Vertical)
        dock = composer_dock_width(window.width())
        window.resizeDocks([self.composer_dock], [dock], Qt.Orientation.Horizontal)
        self.splitter.setSizes([dock * 52 // 100, dock * 48 // 100])
        self.actions["toggle_preview"].setChecked(not compact)
        fit = getattr(window, "fit_first_layout", None)
        if fit is not None:
            fit(window.width() - dock)

    def _show_preview(self, shown: bool) -> None:
        """Show or hide the preview; shown, it gets half the dock (a preview left at
        a sliver's width is not readable)."""
        self.preview.setVisible(shown)
        sizes = self.splitter.sizes()
        if shown and sizes[1] < PREVIEW_MIN_SHOWN:
            total = sum(sizes)
            self.splitter.setSizes([total - total // 2, total // 2])

    def _restore_preview(self) -> None:
        settings = getattr(self.window, "settings", None)
        if settings is not None and not self._first_layout_pending:
            self.actions["toggle_preview"].setChecked(settings.value("window/preview"))

    def save_layout(self) -> None:
        """What the window's own state does not hold: whether the preview is shown."""
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.set_value("window/preview", self.actions["toggle_preview"].isChecked())

    def _restore_saved_layout(self) -> bool:
        settings = getattr(self.window, "settings", None)
        try:
            state = settings.value("window/state") if settings is not None else None
        except (KeyError, AttributeError):
            return False
        if state is None or state.isEmpty() or not self.window.restoreState(state):
            return False
        # Qt stores dock names as UTF-16: was the composer there when the layout was saved?
        return self.composer_dock.objectName().encode("utf-16-be") in bytes(state)

    # ------------------------------------------------------------ actions and menus

    def _new_action(self, key: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_composer_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions[key] = action
        return action

    def _install_actions(self) -> None:
        self._new_action("export_docx", self.tr("Export Briefing as &Word…"),
                         lambda: self.exporter.export("docx"), "Ctrl+Shift+W",
                         self.tr("Write the open briefing as a Word document"))
        self._new_action("export_pdf", self.tr("Export Briefing as &PDF…"),
                         lambda: self.exporter.export("pdf"), "Ctrl+Shift+P",
                         self.tr("Write the open briefing as a PDF"))
        # The key is shown after a tab; the shortcut itself lives on the table (see
        # _install_drag_source), so it never clashes with the menu's copy of the action.
        self._new_action("add_to_briefing",
                         self.tr("&Selected Section") + "\t" + QKeySequence(
                             ADD_TO_BRIEFING_SHORTCUT).toString(
                             QKeySequence.SequenceFormat.NativeText),
                         lambda: self.add_selected_items(), None,
                         self.tr("Add the selected items to the section selected in the composer"))
        print_preview = self._new_action("print_preview", self.tr("&Print Preview"),
                                         lambda on: self.preview.set_print_mode(on), None,
                                         self.tr("Show the memo's real PDF pages"))
        print_preview.setCheckable(True)
        self.preview.print_button.toggled.connect(print_preview.setChecked)
        # On a laptop the preview starts hidden, one keystroke away (see _install_docks).
        show_preview = self._new_action(
            "toggle_preview", self.tr("Show &Preview"), lambda _checked: None,
            "Ctrl+Shift+3", self.tr("Show or hide the memo preview beside the composer"))
        show_preview.setCheckable(True)
        show_preview.setChecked(True)
        show_preview.toggled.connect(self._show_preview)
        self.actions["export_docx"].setIconText(self.tr("Export Word"))
        self.actions["export_pdf"].setIconText(self.tr("Export PDF"))

    def _install_menus(self) -> None:
        window, menus = self.window, self.window.menus
        briefing_menu = QMenu(self.tr("&Briefing"), window)
        briefing_menu.setObjectName("menu_briefing")
        help_menu = menus.get("help")
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), briefing_menu)
        else:
            window.menuBar().addMenu(briefing_menu)
        menus["briefing"] = briefing_menu
        listed = self.briefings.actions
        composed = self.panel.actions
        briefing_menu.addActions([listed[k] for k in
                                  ("new", "duplicate", "rename", "delete", "save_template")])
        briefing_menu.addSeparator()
        briefing_menu.addActions([composed[k] for k in ("add_section", "rename_section")])
        briefing_menu.addSeparator()
        briefing_menu.addActions([composed[k] for k in
                                  (*ADD_BLOCK_KEYS.values(), "move_up", "move_down",
                                   "remove")])
        briefing_menu.addSeparator()
        briefing_menu.addActions([self.actions["print_preview"], self.actions["export_docx"],
                                  self.actions["export_pdf"]])

        file_menu = menus.get("file")
        if file_menu is not None:
            before = _action_after_exports(window, file_menu)
            file_menu.insertActions(before, [self.actions["export_docx"],
                                             self.actions["export_pdf"]])
            file_menu.insertSeparator(self.actions["export_docx"])

        self.add_menu = QMenu(self.tr("Add to &Briefing"), window)
        self.add_menu.setObjectName("menu_add_to_briefing")
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        item_menu = menus.get("item")
        if item_menu is not None:
            item_menu.addSeparator()
            item_menu.addMenu(self.add_menu)
        view_menu = menus.get("view")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addActions([self.briefings_dock.toggleViewAction(),
                                  self.composer_dock.toggleViewAction(),
                                  self.actions["toggle_preview"]])

        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addActions([listed["new"], self.actions["export_docx"],
                                self.actions["export_pdf"]])

    def _install_drag_source(self) -> None:
        view = self.window.item_view
        view.setDragEnabled(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        view.addAction(self.add_menu.menuAction())  # in an actions context menu
        # Ctrl+B works while the table has focus (typing elsewhere never adds items).
        self.add_shortcut = QShortcut(QKeySequence(ADD_TO_BRIEFING_SHORTCUT), view)
        self.add_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_shortcut.activated.connect(lambda: self.add_selected_items())
        item_menu = self.window.menus.get("item")
        if item_menu is not None:
            self._context_filter = _ItemContextMenu(view, item_menu)
            # After the first frame: see first_paint (a right-click comes later anyway).
            after_first_paint(self.window, lambda: view.viewport().installEventFilter(
                self._context_filter))

    def _wire(self) -> None:
        window, session = self.window, self.session
        session.changed.connect(self._mark_used_items)
        session.changed.connect(self._enable)
        session.failed.connect(self._show_message)
        self.briefings.statusMessage.connect(self._show_message)
        self.preview.updated.connect(lambda result: self.panel.show_length(result.length))
        window.fact_base_changed.connect(self._fact_base_changed)
        replaced = getattr(window, "fact_base_replaced", None)
        if replaced is not None:
            replaced.connect(self._fact_base_replaced)
        window.item_model.modelReset.connect(self._mark_used_items)
        window.installEventFilter(self)
        self._enable()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.Show \
                and self._first_layout_pending:
            self.apply_first_layout()
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.flush()
            self.save_layout()
        return False

    def flush(self) -> None:
        """Save what is still being typed, so closing the window loses nothing."""
        self.panel.block_editor.flush()
        self.panel.header_form.flush()

    # ------------------------------------------------------------ behaviour

    def open_latest(self) -> None:
        """Open the most recently edited briefing, so the composer is never blank."""
        try:
            summaries = self.session.fact_base.list_briefings()
        except FactBaseError:
            summaries = []
        self.session.open(summaries[0].id if summaries else None)
        self.briefings.refresh()

    def selected_item_ids(self) -> list[str]:
        selected = getattr(self.window, "selected_item_ids", None)
        if selected is not None:
            return list(selected())
        view, model = self.window.item_view, self.window.item_model
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        return [model.item_id(row) for row in rows]

    def add_selected_items(self, section_id: int | None = None) -> None:
        """Cite the selected items at the end of a section: the given one, else the one
        selected in the composer, else the first ordinary section."""
        briefing = self.session.briefing
        ids = self.selected_item_ids()
        if briefing is None or not ids:
            return
        if section_id is None:
            section = self.session.section(self.session.current_section_id)
            if section is None or section.automatic:
                section = next((s for s in briefing.sections if not s.automatic), None)
            section_id = section.id if section else None
        if section_id is not None:
            self.session.insert_items(section_id, -1, ids)

    def _fill_add_menu(self) -> None:
        """"Selected Section (Ctrl+B)", then every ordinary section of the open briefing."""
        self.add_menu.clear()
        self.add_menu.addAction(self.actions["add_to_briefing"])
        self.add_menu.addSeparator()
        briefing = self.session.briefing
        if briefing is None:
            return
        for section in briefing.sections:
            if section.automatic:
                continue
            action = self.add_menu.addAction(section.heading)
            action.triggered.connect(
                lambda _checked=False, sid=section.id: self.add_selected_items(sid))

    def _mark_used_items(self) -> None:
        self.window.item_model.set_used_ids(self.session.used_item_ids())

    def _enable(self) -> None:
        has = self.session.briefing is not None
        for key in ("export_docx", "export_pdf", "add_to_briefing", "print_preview"):
            self.actions[key].setEnabled(has)
        self.add_menu.setEnabled(has)

    def _fact_base_changed(self) -> None:
        """Items may have been corrected: the memo shows the fact base as it is now."""
        self.session.reload()
        self.panel.header_form.refresh_choices()
        self.briefings.refresh()

    def _fact_base_replaced(self, *_args) -> None:
        self.session.open(None)
        self.panel.header_form.refresh_choices()
        self.open_latest()

    def _show_message(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)


def _action_after_exports(window, file_menu: QMenu) -> QAction | None:
    """Where the memo exports go in the File menu: after the fact base exports."""
    actions = getattr(window, "actions", {})
    anchor = actions.get("backup") if isinstance(actions, dict) else None
    menu_actions = file_menu.actions()
    if anchor is not None and anchor in menu_actions:
        index = menu_actions.index(anchor)
        # the separator before "Back Up…" stays with it
        if index > 0 and menu_actions[index - 1].isSeparator():
            return menu_actions[index - 1]
        return anchor
    return menu_actions[-1] if menu_actions else None
