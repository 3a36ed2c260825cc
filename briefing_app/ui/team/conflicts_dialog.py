"""Team ▸ Conflicts…: the fields changed both here and in the team library, both values
side by side, and the staffer's choice for each: keep mine, keep theirs, or edit.

Every choice is an undoable operation (Edit ▸ Undo brings the conflict back). The library
holds theirs until a choice is made; keeping mine (or an edited value) is pushed at the
next sync.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from briefing_app.core.errors import FactBaseError
from briefing_app.team.conflicts import ConflictView, find_conflict, open_conflicts
from briefing_app.team.errors import TeamError
from briefing_app.team.resolve import ResolveConflict
from briefing_app.ui.user_text import tell


class ConflictsDialog(QDialog):
    """The open conflicts of the window's fact base; ``resolved`` after each choice."""

    def __init__(self, window, on_resolved=None) -> None:
        super().__init__(window)
        self.window = window
        self._on_resolved = on_resolved
        self.views: list[ConflictView] = []
        self.setWindowTitle(self.tr("Team Conflicts"))
        self.setObjectName("teamConflicts")
        self.resize(820, 360)
        intro = QLabel(self.tr(
            "These fields were changed both here and in the team library. The library "
            "holds their value; yours is kept here until you choose."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Object"), self.tr("Field"), self.tr("Mine"), self.tr("Theirs")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Conflicts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.keep_mine = QPushButton(self.tr("Keep &Mine"), self)
        self.keep_theirs = QPushButton(self.tr("Keep &Theirs"), self)
        self.edit = QPushButton(self.tr("&Edit…"), self)
        for button in (self.keep_mine, self.keep_theirs, self.edit):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.edit.clicked.connect(self.edit_value)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.views = open_conflicts(self.window.fact_base.target)
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            cells = (view.title, self.field_label(view.field),
                     self._value(view, "mine"), self._value(view, "theirs"))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        if self.views:
            self.table.selectRow(0)
        self._update_buttons()

    def _value(self, view: ConflictView, side: str) -> str:
        value = view.mine if side == "mine" else view.theirs
        if view.is_deletion:
            return self.tr("(deleted)") if value is None else self.tr("(kept, edited)")
        return view.mine_text() if side == "mine" else view.theirs_text()

    def field_label(self, field: str) -> str:
        """The field as the editor names it (the common ones), else its own name."""
        labels = {
            "title": self.tr("Title"), "text": self.tr("Text"), "notes": self.tr("Notes"),
            "date": self.tr("Date"), "status": self.tr("Status"),
            "deleted": self.tr("Deleted"), "name": self.tr("Name"),
        }
        return labels.get(field, field)

    def selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        view = self.selected()
        for button in (self.keep_mine, self.keep_theirs):
            button.setEnabled(view is not None)
        self.edit.setEnabled(view is not None and not view.is_deletion
                             and isinstance(view.mine, str) and isinstance(view.theirs, str))

    def resolve(self, keep: str, value=None) -> bool:
        view = self.selected()
        if view is None:
            return False
        store = self.window.fact_base.target
        try:
            conflict = find_conflict(store, view.id)
            operation = (ResolveConflict(conflict, keep, label=self.tr("Resolve Conflict"))
                         if value is None else
                         ResolveConflict(conflict, keep, value=value,
                                         label=self.tr("Resolve Conflict")))
            self.window.undo_stack.perform(operation)
        except (TeamError, FactBaseError, ValueError) as error:
            tell(self, self.tr("Conflict not resolved"), str(error))
            return False
        self.refresh()
        if self._on_resolved is not None:
            self._on_resolved()
        return True

    def edit_value(self) -> bool:
        view = self.selected()
        if view is None:
            return False
        text, accepted = QInputDialog.getMultiLineText(
            self, self.tr("Edit Value"),
            self.tr("The value to keep for %1:").replace("%1", self.field_label(view.field)),
            view.mine)
        if not accepted:
            return False
        return self.resolve("mine", text)

