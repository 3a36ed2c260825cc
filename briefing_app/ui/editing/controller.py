"""Editing in the main window: actions, menus, the editor dialog and undoable commands.

:class:`EditingController` is created once per window (one line in ``main_window.py``).
It adds New/Edit/Delete, tag, status and marking actions to the Item and Edit menus, the
tool bar and the item table's context menu; opens the item editor from the Item menu, a
double-click on a row, Enter in the table and the details pane's Edit button; runs every
change as a core operation through ``window.undo_stack``; and emits
``window.fact_base_changed``
after each change (and each undo or redo) so the views reload.

What the window must offer: ``fact_base``, ``undo_stack``, ``menus["item"|"edit"]``,
``toolbar``, ``item_view``, ``current_item`` (with ``item_id`` and ``select(id)``),
``details`` (an :class:`~briefing_app.ui.item_details.ItemDetailsView`),
``selected_item_ids()`` and the ``fact_base_changed`` signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QToolButton

from briefing_app.core.ids import new_id
from briefing_app.core.markings import (
    DEFAULT_SCHEME,
    MarkingError,
    MarkingScheme,
    load_scheme,
    scheme_for,
)
from briefing_app.core.model import ITEM_KINDS, STATUSES, Item
from briefing_app.core.operations.composer import BriefingOperation
from briefing_app.core.undo import Operation
from briefing_app.store import ChangeCancelled, FactBaseError
from briefing_app.ui import bulk, commands
from briefing_app.ui.fields.choosers import marking_label
from briefing_app.ui.fields.modal import asked
from briefing_app.ui.first_paint import after_first_paint
from briefing_app.ui.labels import (
    NEW_ITEM_ACTIONS,
    NEW_ITEM_TIPS,
    STATUS_ACTIONS,
    status_label,
    translated,
)
from briefing_app.ui.user_text import tell
from briefing_app.ui.window_read_only import takes_changes

if TYPE_CHECKING:  # the editor and the manage dialogs load when first opened: a quicker start
    from briefing_app.ui.editing.editor_choices import EditorChoices
    from briefing_app.ui.editing.item_editor import ItemEditorDialog

STATUS_MESSAGE_MS = 5000
# Keys and icons of the New Item menu (a kind without one is still in the menu): the
# platform's New key makes the commonest kind.
NEW_ITEM_KEYS = {"fact": QKeySequence.StandardKey.New, "quote": "Ctrl+Shift+N"}
NEW_ITEM_ICONS = {"fact": "document-new"}


def load_marking_scheme(fb) -> MarkingScheme:
    """The fact base's marking scheme; the default one if the setting names a missing one."""
    try:
        return scheme_for(fb)
    except MarkingError:
        return load_scheme(DEFAULT_SCHEME)


def _same_marking(scheme: MarkingScheme, stored: str, code: str) -> bool:
    if not stored.strip():
        return not code
    return scheme.is_known(stored) and scheme.canonical(stored) == code


class EditingController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.editor: ItemEditorDialog | None = None  # the open item editor, if any
        self.manage_dialogs: dict[str, QDialog] = {}
        self.cancelled = False  # the last change run_or_report ran was cancelled
        window.undo_stack.performed.connect(self._performed)
        window.undo_stack.failed.connect(self._command_failed)
        self.choices: EditorChoices | None = None  # the item editor's people and sources,
        after_first_paint(window, self._read_choices_ahead)  # read ahead from then on
        self.actions: dict[str, QAction] = {}
        self._make_actions()
        self._install_menus()
        self._install_toolbar()
        self._install_context_menu()
        self._wire()
        self._update_actions()

    @property
    def fb(self):
        return self.window.fact_base

    def scheme(self) -> MarkingScheme:
        return load_marking_scheme(self.fb)

    # ------------------------------------------------------------ actions

    def _action(self, key: str, text: str, slot, shortcut=None, icon: str = "",
                tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            action.setIcon(QIcon.fromTheme(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[key] = action
        return action

    def _make_actions(self) -> None:
        self.new_menu = QMenu(self.tr("&New Item"), self.window)
        self.new_menu.setObjectName("menu_new_item")
        for kind in ITEM_KINDS:
            self.new_menu.addAction(self._action(
                f"new_{kind}", translated(NEW_ITEM_ACTIONS, kind),
                lambda kind=kind: self.new_item(kind), NEW_ITEM_KEYS.get(kind),
                NEW_ITEM_ICONS.get(kind, ""), translated(NEW_ITEM_TIPS, kind)))
        self._action("edit_item", self.tr("&Edit Item…"), self.edit_current, "F2",
                     "document-properties", self.tr("Edit the selected item (F2, Enter)"))
        self._action("delete_items", self.tr("&Delete…"), self.delete_selected,
                     QKeySequence.StandardKey.Delete, "edit-delete",
                     self.tr("Delete the selected items (undoable)"))
        self._action("add_tags", self.tr("Add &Tags…"), self.add_tags, "Ctrl+T", "",
                     self.tr("Add tags to the selected items"))
        self._action("remove_tags", self.tr("&Remove Tags…"), self.remove_tags, "Ctrl+Shift+T", "",
                     self.tr("Remove tags from the selected items"))
        self.status_menu = QMenu(self.tr("Set &Status"), self.window)
        self.status_menu.setObjectName("menu_set_status")
        for status in STATUSES:
            action = self._action(f"status_{status}", translated(STATUS_ACTIONS, status),
                                  lambda status=status: self.set_status(status))
            action.setCheckable(True)
            self.status_menu.addAction(action)
        self.status_menu.aboutToShow.connect(self._check_status_menu)
        self.marking_menu = QMenu(self.tr("Set &Marking"), self.window)
        self.marking_menu.setObjectName("menu_set_marking")
        self.marking_menu.aboutToShow.connect(self._fill_marking_menu)
        self._fill_marking_menu()
        self._action("manage_people", self.tr("Manage &People…"),
                     lambda: self.open_manager("people"),
                     None, "", self.tr("Edit, merge and delete people"))
        self._action("manage_sources", self.tr("Manage S&ources…"),
                     lambda: self.open_manager("sources"), None, "",
                     self.tr("Edit, merge and delete sources"))
        self._action("manage_tags", self.tr("Manage Ta&gs…"), lambda: self.open_manager("tags"),
                     None, "", self.tr("Rename, merge and delete tags"))

    def _shared_value(self, field: str) -> str | None:
        """The value of ``field`` all target items share, None when they differ."""
        values = {getattr(item, field) for item in self.fb.get_items(self.target_ids())}
        return values.pop() if len(values) == 1 else None

    def _check_status_menu(self) -> None:
        """Tick the status the selected items have (none when they differ)."""
        shared = self._shared_value("status")
        for status in STATUSES:
            self.actions[f"status_{status}"].setChecked(status == shared)

    def _fill_marking_menu(self) -> None:
        """One action per marking of the current fact base's scheme (it may change), the
        selected items' shared marking ticked."""
        self.marking_menu.clear()
        scheme = self.scheme()
        shared = self._shared_value("marking") if self.target_ids() else None
        for code in ["", *scheme.codes]:
            label = marking_label(scheme, code) if code else self.tr("Unmarked")
            action = self.marking_menu.addAction(label)
            action.setObjectName(f"action_marking_{code or 'none'}")
            action.setCheckable(True)
            action.setChecked(shared is not None and _same_marking(scheme, shared, code))
            action.triggered.connect(lambda _checked=False, code=code: self.set_marking(code))

    def _install_menus(self) -> None:
        item_menu = self.window.menus["item"]
        item_menu.addMenu(self.new_menu)
        a = self.actions
        item_menu.addActions([a["edit_item"], a["delete_items"]])
        item_menu.addSeparator()
        item_menu.addActions([a["add_tags"], a["remove_tags"]])
        item_menu.addMenu(self.status_menu)
        item_menu.addMenu(self.marking_menu)
        item_menu.addSeparator()
        item_menu.addActions([a["manage_people"], a["manage_sources"], a["manage_tags"]])
        edit_menu = self.window.menus["edit"]
        edit_menu.addSeparator()
        edit_menu.addAction(a["delete_items"])

    def _install_toolbar(self) -> None:
        toolbar = self.window.toolbar
        toolbar.addSeparator()
        new_button = QToolButton(toolbar)
        new_button.setObjectName("newItemButton")
        new_button.setDefaultAction(self.actions["new_fact"])
        new_button.setMenu(self.new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        new_button.setAccessibleName(self.tr("New item"))
        toolbar.addWidget(new_button)
        toolbar.addActions([self.actions["edit_item"], self.actions["delete_items"]])

    def _install_context_menu(self) -> None:
        view = self.window.item_view
        # Delete and F2 act on items only where items have the focus (the table, the
        # details pane): the sidebar, the composer and text fields keep those keys.
        for key in ("edit_item", "delete_items"):
            action = self.actions[key]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.details.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        a = self.actions
        separator = QAction(view)
        separator.setSeparator(True)
        view.addActions([a["edit_item"], a["delete_items"], separator, a["add_tags"],
                         a["remove_tags"], self.status_menu.menuAction(),
                         self.marking_menu.menuAction()])

    def _wire(self) -> None:
        view = self.window.item_view
        view.doubleClicked.connect(lambda index: self.edit_item(self._id_at(index.row())))
        view.installEventFilter(self)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        self.window.item_model.modelReset.connect(self._update_actions)
        self.window.current_item.changed.connect(self._update_actions)
        details = self.window.details
        details.editRequested.connect(self.edit_item)
        details.enable_editing()
        self.window.fact_base_changed.connect(self._update_actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """Enter on a row of the table opens the editor (a table has no Enter action)."""
        if (event.type() == QEvent.Type.KeyPress and watched is self.window.item_view
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)):
            self.edit_current()
            return True
        return super().eventFilter(watched, event)

    def _id_at(self, row: int) -> str | None:
        model = self.window.item_model
        return model.item_id(row) if 0 <= row < model.rowCount() else None

    def _update_actions(self, *_args) -> None:
        selected = bool(self.target_ids())
        for key in ("edit_item", "delete_items", "add_tags", "remove_tags"):
            self.actions[key].setEnabled(selected)
        self.status_menu.setEnabled(selected)
        self.marking_menu.setEnabled(selected)

    # ------------------------------------------------------------ what to act on

    def target_ids(self) -> list[str]:
        """The selected items, or the current one when none is selected."""
        ids = list(self.window.selected_item_ids())
        if not ids and self.window.current_item.item_id:
            ids = [self.window.current_item.item_id]
        return ids

    def current_id(self) -> str | None:
        return self.window.current_item.item_id or next(iter(self.target_ids()), None)

    # ------------------------------------------------------------ running commands

    def run(self, operation: Operation) -> bool:
        """Perform an operation and keep it for undo; False (and nothing kept) when it
        changed nothing. Raises what the store raised."""
        self.window.undo_stack.perform(operation)
        return not operation.is_noop()

    def run_or_report(self, operation: Operation) -> bool:
        """:meth:`run`, with a refusal shown in a message box and a cancel in the status
        bar (then :attr:`cancelled` is true)."""
        self.cancelled = False
        try:
            return self.run(operation)
        except ChangeCancelled:
            self.cancelled = True
            self._say(self.tr("Cancelled. Nothing was changed."))
            return False
        except (FactBaseError, ValueError) as error:
            tell(self.window, self.tr("Cannot Change the Fact Base"), str(error))
            return False

    def _performed(self, _changes, operation: Operation) -> None:
        if isinstance(operation, BriefingOperation):
            return  # the composer follows its own edits
        self.window.fact_base_changed.emit()
        self.select_items(operation.item_ids())

    def select_items(self, ids: Sequence[str]) -> None:
        """Select the rows of these items that the table lists (the reload after a change
        drops Qt's selection); the first becomes the current item."""
        listed = [i for i in ids if self.window.item_model.row_of(i) is not None]
        if not listed:
            return
        self.window.current_item.select(listed[0])
        model, selection = self.window.item_model, QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in _runs(sorted(model.row_of(item_id) for item_id in listed[1:])):
            selection.select(model.index(first, 0), model.index(last, last_column))
        self.window.item_view.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.Select)

    def _command_failed(self, message: str, operation: Operation) -> None:
        if isinstance(operation, BriefingOperation):
            return  # the composer reports its own
        self.window.fact_base_changed.emit()
        tell(self.window, self.tr("Cannot Undo or Redo"), message)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    # ------------------------------------------------------------ the editor

    def new_item(self, kind: str = "fact") -> ItemEditorDialog | None:
        return self._open_editor(None, kind)

    def edit_current(self) -> ItemEditorDialog | None:
        return self.edit_item(self.current_id())

    def edit_item(self, item_id: str | None) -> ItemEditorDialog | None:
        item = self.fb.get_item(item_id) if item_id else None
        if item is None:
            return None
        return self._open_editor(item, item.kind)

    def _read_choices_ahead(self) -> None:
        from briefing_app.ui.editing.editor_choices import EditorChoices  # after 1st paint

        self.choices = EditorChoices(self.window)

    def _open_editor(self, item: Item | None, kind: str) -> ItemEditorDialog | None:
        """The editor on ``item`` (a new one of ``kind`` when None); none on a read-only
        fact base, however it was asked for (Enter, a double-click, the details pane)."""
        if not takes_changes(self.window):
            self._say(self.tr("The fact base is read-only: %s.") % self.fb.read_only)
            return None
        if self.editor is not None:
            self.editor.close()
        from briefing_app.ui.editing.item_editor import ItemEditorDialog

        dialog = ItemEditorDialog(self.fb, self.scheme(), item, kind=kind, save=self._save,
                                  parent=self.window,
                                  choices=self.choices.current() if self.choices else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result, dialog=dialog: self._editor_closed(dialog, result))
        self.editor = dialog
        dialog.open()
        return dialog

    def _editor_closed(self, dialog: ItemEditorDialog, result: int) -> None:
        if self.editor is dialog:
            self.editor = None
        from briefing_app.ui.editing.item_editor import OPEN_EXISTING

        if result == OPEN_EXISTING and dialog.open_existing_id:
            self.window.current_item.select(dialog.open_existing_id)
            self.edit_item(dialog.open_existing_id)

    def _save(self, dialog: ItemEditorDialog) -> None:
        """Save what the editor holds as one undoable command (raises to the dialog)."""
        item = dialog.item()
        if dialog.is_new:
            item = replace(item, id=new_id())
        elif item == self.fb.get_item(item.id):
            return  # nothing changed: no empty step on the undo stack
        operation = commands.save_item(self.fb, item, new_people=dialog.new_people(),
                                       new_sources=dialog.new_sources())
        self.run(operation)
        if self.window.current_item.item_id != operation.item_id:
            self._say(self.tr("Saved. The current search or filter hides the item."))

    # ------------------------------------------------------------ bulk actions

    def _bulk(self, change: bulk.Change, text: str, ids: Sequence[str] | None = None) -> bool:
        ids = list(ids) if ids is not None else self.target_ids()
        if not ids:
            return False
        operation = commands.edit_items(ids, change, text)
        done = self.run_or_report(operation)
        if done:
            self._say(self.tr("%s changed.") % bulk.count_text(operation.changed_count))
        elif not self.cancelled:
            self._say(self.tr("Nothing to change."))
        return done

    def add_tags(self) -> None:
        ids = self.target_ids()
        if not ids:
            return
        known = self.fb.tag_names()
        dialog = bulk.AddTagsDialog(known, len(ids), self.window)
        with asked(dialog) as accepted:
            tags = dialog.tags()
        if accepted:
            self.add_tags_to(ids, tags)

    def add_tags_to(self, ids: Sequence[str], tags: Sequence[str]) -> bool:
        text = self.tr("Add tags %s") % ", ".join(tags)
        return self._bulk(bulk.adding_tags(list(tags)), text, ids)

    def remove_tags(self) -> None:
        ids = self.target_ids()
        counts = self.fb.tags_of(ids)
        if not counts:
            self._say(self.tr("The selected items have no tags."))
            return
        dialog = bulk.RemoveTagsDialog(counts, len(ids), self.window)
        with asked(dialog) as accepted:
            tags = dialog.tags()
        if accepted:
            self.remove_tags_from(ids, tags)

    def remove_tags_from(self, ids: Sequence[str], tags: Sequence[str]) -> bool:
        text = self.tr("Remove tags %s") % ", ".join(tags)
        return self._bulk(bulk.removing_tags(list(tags)), text, ids)

    def set_status(self, status: str) -> bool:
        return self._bulk(bulk.setting_status(status),
                          self.tr("Set status %s") % status_label(status).lower())

    def set_marking(self, code: str) -> bool:
        label = code or self.tr("unmarked")
        return self._bulk(bulk.setting_marking(code), self.tr("Set marking %s") % label)

    def delete_selected(self) -> bool:
        ids = self.target_ids()
        if not ids or not bulk.confirm_delete(self.window, self.fb, ids):
            return False
        done = self.run_or_report(commands.delete_items(ids))
        if done:
            self._say((self.tr("%s deleted. Edit ▸ Undo brings it back.") if len(ids) == 1
                       else self.tr("%s deleted. Edit ▸ Undo brings them back."))
                      % bulk.count_text(len(ids)))
        return done

    # ------------------------------------------------------------ managing records

    def open_manager(self, what: str) -> QDialog:
        """Show the people, sources or tags dialog (one of each, not modal)."""
        dialog = self.manage_dialogs.get(what)
        if dialog is None:
            from briefing_app.ui.manage import dialogs

            dialog = dialogs.create(what, self)
            self.manage_dialogs[what] = dialog
        if dialog.isVisible():
            dialog.reload()
        dialog.show()  # a hidden dialog reloads as it shows (once: counts take a while)
        dialog.raise_()
        dialog.activateWindow()
        return dialog


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of neighbours: one selection range each."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
