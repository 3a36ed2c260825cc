"""The composer: the open briefing's sections and blocks, its header, its warnings.

A tree of sections and blocks (drop items from the fact base into it, drag blocks to
reorder, double-click to write in place), the selected block's full editor under it, the
pre-flight warnings, and the memo header on a second tab. Length (words, estimated pages
against the template's target) is shown above, from the preview's last render.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.vocab import BLOCK_STYLES
from briefing_app.ui.labels import ADD_BLOCK_ACTIONS, ADD_BLOCK_BUTTONS, ADD_BLOCK_TIPS, translated
from briefing_app.ui.user_text import user_text_label

from .block_editor import BlockEditor
from .commands import Focus
from .header_form import HeaderForm
from .keys import NO_MODIFIER, ClaimedKeys
from .session import ComposerSession
from .tree_model import BLOCK_ID_ROLE, SECTION_ID_ROLE, BriefingTreeModel
from .warnings_panel import WarningsPanel
from .wrap_delegate import WrappingDelegate

if TYPE_CHECKING:  # the memo's length is measured by the preview's worker
    from briefing_app.document.memo_length import LengthReport

_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect \
    | QItemSelectionModel.SelectionFlag.Rows
# The "write a block" actions, one per block style: their keys in ``actions`` (the menus
# list them in this order) and shortcuts (a style without one is still in the menus).
ADD_BLOCK_KEYS = {style: "add_" + style.replace("-", "_") for style in BLOCK_STYLES}
ADD_BLOCK_SHORTCUTS = {"paragraph": "Ctrl+Alt+P", "bullet": "Ctrl+Alt+B",
                       "talking-point": "Ctrl+Alt+T"}


class ComposerPanel(QWidget):
    def __init__(self, session: ComposerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("composerPanel")
        self.setAccessibleName(self.tr("Briefing composer"))

        self.title = user_text_label(self)
        self.title.setObjectName("composerTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setWordWrap(True)
        self.length_label = QLabel(self)
        self.length_label.setObjectName("lengthLabel")
        self.length_label.setAccessibleName(self.tr("Length of the memo"))

        self.model = BriefingTreeModel(session, self)
        self.tree = self._make_tree()
        self.block_editor = BlockEditor(session, self)
        self.warnings = WarningsPanel(session, self)
        self.header_form = HeaderForm(session, self)
        self.actions = self._make_actions()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("composerTabs")
        self.tabs.setDocumentMode(True)
        sections_page = QWidget(self)
        page_layout = QVBoxLayout(sections_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addLayout(self._button_row())
        splitter = QSplitter(Qt.Orientation.Vertical, sections_page)
        splitter.setObjectName("composerSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.block_editor)
        splitter.addWidget(self.warnings)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 0)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([420, 150, 130])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        page_layout.addWidget(splitter)
        self.tabs.addTab(sections_page, self.tr("&Sections"))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.header_form)
        self.tabs.addTab(scroll, self.tr("Memo &Header"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.length_label)
        layout.addWidget(self.tabs)

        session.changed.connect(self._briefing_changed)
        session.focusChanged.connect(self.select_focus)
        self.model.modelReset.connect(self._after_reset)
        self.warnings.blockRequested.connect(self.select_block)
        self.warnings.sectionRequested.connect(self.select_section)
        self.warnings.headerRequested.connect(lambda: self.tabs.setCurrentIndex(1))
        self._briefing_changed()

    # ------------------------------------------------------------ parts

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("sectionTree")
        tree.setAccessibleName(self.tr("Sections and blocks"))
        tree.setModel(self.model)
        tree.setHeaderHidden(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        tree.setAlternatingRowColors(True)
        tree.setAnimated(False)
        tree.setItemDelegate(WrappingDelegate(tree))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 120)
        tree.selectionModel().currentChanged.connect(self._current_changed)
        alt = Qt.KeyboardModifier.AltModifier
        self._keys = ClaimedKeys(tree, {
            (Qt.Key.Key_Up, alt): lambda: self.nudge(-1),
            (Qt.Key.Key_Down, alt): lambda: self.nudge(1),
            (Qt.Key.Key_Delete, NO_MODIFIER): self.remove_selected,
            (Qt.Key.Key_F2, NO_MODIFIER): lambda: tree.edit(tree.currentIndex()),
        })
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def _context_menu(self, position) -> None:
        menu = QMenu(self.tree)
        groups = (tuple(ADD_BLOCK_KEYS.values()),
                  ("add_section", "rename_section"), ("move_up", "move_down", "remove"))
        for number, keys in enumerate(groups):
            if number:
                menu.addSeparator()
            menu.addActions([self.actions[key] for key in keys])
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def _action(self, text: str, slot, shortcut=None, tip: str = "", *,
                tree_only: bool = False) -> QAction:
        """An action whose shortcut works in the composer (``tree_only``: keys the tree
        handles itself, see :class:`.keys.ClaimedKeys`; shown in menus for people)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if tree_only
                                      else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        (self.tree if tree_only else self).addAction(action)
        return action

    def _make_actions(self) -> dict[str, QAction]:
        add_block = {
            key: self._action(translated(ADD_BLOCK_ACTIONS, style),
                              lambda _checked=False, style=style: self.add_text(style),
                              ADD_BLOCK_SHORTCUTS.get(style), translated(ADD_BLOCK_TIPS, style))
            for style, key in ADD_BLOCK_KEYS.items()
        }
        return {
            "add_section": self._action(self.tr("Add &Section…"), self.add_section_dialog, None,
                                        self.tr("Add a section after the selected one")),
            **add_block,
            "move_up": self._action(self.tr("Move &Up"), lambda: self.nudge(-1), "Alt+Up",
                                    self.tr("Move the selected block or section up"),
                                    tree_only=True),
            "move_down": self._action(self.tr("Move &Down"), lambda: self.nudge(1), "Alt+Down",
                                      self.tr("Move the selected block or section down"),
                                      tree_only=True),
            "remove": self._action(self.tr("&Remove"), self.remove_selected,
                                   QKeySequence.StandardKey.Delete,
                                   self.tr("Remove the selected blocks or section"),
                                   tree_only=True),
            "rename_section": self._action(self.tr("Re&name Section"), self.rename_current, None,
                                           self.tr("Edit the selected section's heading")),
        }

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        labels = [(key, translated(ADD_BLOCK_BUTTONS, style))
                  for style, key in ADD_BLOCK_KEYS.items()]
        # A tool bar: squeezed into a narrow dock, the buttons that do not fit move into
        # its » menu, whole (a row of buttons would cut "+ Paragraph" down to "+…h").
        adding = QToolBar(self)
        adding.setObjectName("composerAddBar")
        adding.setMovable(False)
        adding.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        adding.setStyleSheet("QToolBar { border: none; padding: 0; spacing: 4px; }")
        for key, label in (*labels, ("add_section", self.tr("+ Section"))):
            self.actions[key].setIconText(label)
            adding.addAction(self.actions[key])
            button = adding.widgetForAction(self.actions[key])
            button.setObjectName(f"button_{key}")
            button.setAutoRaise(False)
        row.addWidget(adding, 1)
        for key, label in (("move_up", "↑"), ("move_down", "↓"), ("remove", "✕")):
            self.actions[key].setIconText(label)
            button = QToolButton(self)
            button.setDefaultAction(self.actions[key])
            button.setObjectName(f"button_{key}")
            button.setAccessibleName(self.actions[key].text().replace("&", "").rstrip("…"))
            button.setAutoRaise(True)
            row.addWidget(button)
        return row

    # ------------------------------------------------------------ selection

    def selected_block_ids(self) -> list[int]:
        rows = self.tree.selectionModel().selectedRows(0)
        ids = [index.data(BLOCK_ID_ROLE) for index in rows]
        return [i for i in ids if i is not None]

    def current_section_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        if index.data(SECTION_ID_ROLE) is not None:
            return index.data(SECTION_ID_ROLE)
        return index.parent().data(SECTION_ID_ROLE)

    def select_block(self, block_id: int) -> None:
        index = self.model.block_index(block_id)
        if index.isValid():
            self.tabs.setCurrentIndex(0)
            self._select([index])

    def give_blocks_the_height(self) -> None:
        """The block editor and the warnings at their least height, the blocks the rest
        (a laptop's first layout)."""
        total = sum(self.splitter.sizes())
        editor = self.block_editor.minimumSizeHint().height()
        warnings = self.warnings.title.sizeHint().height() + 4 * self.fontMetrics().height() + 12
        self.splitter.setSizes([max(total - editor - warnings, 0), editor, warnings])

    def select_section(self, section_id: int) -> None:
        index = self.model.section_index(section_id)
        if index.isValid():
            self.tabs.setCurrentIndex(0)
            self._select([index])

    def select_focus(self, focus: Focus) -> None:
        if focus.header_field:
            return  # typing in the header: leave the tree as it is
        indexes = [self.model.block_index(b) for b in focus.blocks]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes and focus.section is not None:
            indexes = [self.model.section_index(focus.section)]
        if indexes and indexes[0].isValid():
            self._select(indexes)

    def _select(self, indexes: list[QModelIndex]) -> None:
        selection = self.tree.selectionModel()
        selection.setCurrentIndex(indexes[0], _SELECT)
        for index in indexes[1:]:
            selection.select(index, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(indexes[0])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.session.current_section_id = self.current_section_id()
        self.block_editor.show_block(current.data(BLOCK_ID_ROLE) if current.isValid() else None)

    def _after_reset(self) -> None:
        for row in range(self.model.rowCount()):  # headings and hints use the full width
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.block_editor.show_block(self.block_editor.block_id)

    def _briefing_changed(self) -> None:
        briefing = self.session.briefing
        self.setEnabled(briefing is not None)
        self.title.setText(briefing.title if briefing else self.tr(
            "No briefing open — create or open one in the Briefings list."))
        for action in self.actions.values():
            action.setEnabled(briefing is not None)

    def show_length(self, length: LengthReport) -> None:
        """Words and pages; over the template's page target the line turns red."""
        if length.exact:
            pages = self.tr("1 page") if length.pages == 1 else \
                self.tr("%1 pages").replace("%1", str(length.pages))
        else:
            pages = self.tr("about 1 page") if length.pages == 1 else \
                self.tr("about %1 pages").replace("%1", str(length.pages))
        text = self.tr("%1 words · %2").replace("%1", f"{length.words:,}").replace("%2", pages)
        if length.target is not None:
            target = self.tr("target %1").replace("%1", str(length.target))
            text += f" · {target}"
        if length.over_target:
            text = "⚠ " + text + " — " + self.tr("over the page target: cut or move to annexes")
            self.length_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.length_label.setStyleSheet("color: #444;")
        self.length_label.setText(text)

    # ------------------------------------------------------------ actions

    def _insert_point(self) -> tuple[int, int] | None:
        """(section id, row) after the current block, or the end of the current section,
        else the end of the first ordinary section."""
        index = self.tree.currentIndex()
        briefing = self.session.briefing
        if briefing is None:
            return None
        if index.isValid() and index.data(BLOCK_ID_ROLE) is not None:
            section = self.session.section(index.parent().data(SECTION_ID_ROLE))
            if section is not None and not section.automatic:
                return section.id, index.row() + 1
        section = self.session.section(self.current_section_id())
        if section is None or section.automatic:
            ordinary = [s for s in briefing.sections if not s.automatic]
            section = ordinary[0] if ordinary else None
        return (section.id, len(section.blocks)) if section else None

    def add_text(self, style: str) -> None:
        """A new free-text block after the selection, opened for writing in place."""
        point = self._insert_point()
        if point is None:
            return
        self.session.add_text_block(point[0], point[1], style)
        index = self.tree.currentIndex()
        block = self.session.block(index.data(BLOCK_ID_ROLE))
        if block is not None and not block.is_item and not block.text:  # the new block
            self.tree.setFocus()
            self.tree.edit(index)

    def add_section_dialog(self) -> None:
        heading, ok = QInputDialog.getText(self, self.tr("Add Section"),
                                           self.tr("Heading of the new section:"))
        if ok and heading.strip():
            self.add_section(heading.strip())

    def add_section(self, heading: str) -> None:
        briefing = self.session.briefing
        if briefing is None:
            return
        section = self.session.section(self.current_section_id())
        position = briefing.sections.index(section) + 1 if section else len(briefing.sections)
        self.session.add_section(position, heading)

    def rename_current(self) -> None:
        section_id = self.current_section_id()
        if section_id is not None:
            index = self.model.section_index(section_id)
            self.tree.setCurrentIndex(index)
            self.tree.edit(index)

    def nudge(self, delta: int) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        block_id = index.data(BLOCK_ID_ROLE)
        if block_id is not None:
            self.session.nudge_block(block_id, delta)
        else:
            self.session.move_section(index.data(SECTION_ID_ROLE), index.row() + delta)

    def remove_selected(self) -> None:
        blocks = self.selected_block_ids()
        if blocks:
            self.session.remove_blocks(blocks)
            return
        section_id = self.current_section_id()
        if section_id is not None:
            self.session.remove_section(section_id)
