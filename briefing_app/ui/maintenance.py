"""Keeping a fact base safe from the window: automatic backups, restoring one, checking
the file for damage, and saying when it is open read-only.

:func:`install_maintenance` adds File ▸ Restore from Backup… and Tools ▸ Check Fact Base,
backs the open fact base up when the window closes and at most every 30 minutes while
changes are made (:mod:`briefing_app.store.auto_backup`; the copy runs on a worker
thread), and shows a lasting note in the status bar while the fact base is read-only.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from briefing_app.store import FactBaseError
from briefing_app.store.auto_backup import AutoBackups, BackupInfo, list_backups, restore

from .user_text import Icon, tell
from .workers import Worker, run_with_progress

CHECK_EVERY_MS = 60_000  # how often the timer asks whether a backup is due


def install_maintenance(window) -> Maintenance:
    """Add the maintenance actions and automatic backups to ``window`` (a MainWindow)."""
    maintenance = Maintenance(window)
    window.maintenance = maintenance
    return maintenance


class Maintenance(QObject):
    """The window's backups, restore, check and read-only note (see the module)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.auto: AutoBackups | None = None
        self.last_worker: Worker | None = None
        self.restore_action = QAction(self.tr("&Restore from Backup…"), window)
        self.restore_action.setObjectName("action_restore_backup")
        self.restore_action.setStatusTip(
            self.tr("Put an automatic backup in place of this fact base"))
        self.restore_action.triggered.connect(self.restore_dialog)
        self.check_action = QAction(self.tr("&Check Fact Base"), window)
        self.check_action.setObjectName("action_check_fact_base")
        self.check_action.setStatusTip(self.tr("Check the fact base file for damage"))
        self.check_action.triggered.connect(self.check)
        self._add_to_menus()
        self.read_only_label = QLabel(window)
        self.read_only_label.setObjectName("read_only_note")
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.read_only_label)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.backup_if_due)
        self.timer.start()
        window.undo_stack.performed.connect(self._changed)
        window.fact_base_replaced.connect(lambda _store: self._follow_fact_base())
        window.installEventFilter(self)
        self._follow_fact_base()

    # ------------------------------------------------------------ menus

    def _add_to_menus(self) -> None:
        file_menu = self.window.menus["file"]
        backup = self.window.actions["backup"]
        actions = file_menu.actions()
        after = actions.index(backup) + 1 if backup in actions else len(actions)
        before = actions[after] if after < len(actions) else None
        file_menu.insertAction(before, self.restore_action)
        tools = self.window.menus.get("tools")
        if tools is None:
            tools = QMenu(self.tr("&Tools"), self.window)
            tools.setObjectName("menu_tools")
            help_menu = self.window.menus.get("help")
            bar = self.window.menuBar()
            if help_menu is not None:
                bar.insertMenu(help_menu.menuAction(), tools)
            else:
                bar.addMenu(tools)
            self.window.menus["tools"] = tools
        tools.addAction(self.check_action)

    # ------------------------------------------------------------ the open fact base

    @property
    def _store(self):
        return self.window.fact_base.target

    def _follow_fact_base(self) -> None:
        store = self._store
        on_file = bool(store.is_file)
        read_only = getattr(store, "read_only", "")
        self.auto = AutoBackups(store.path) if on_file and not read_only else None
        self.restore_action.setEnabled(on_file)
        self.check_action.setEnabled(True)
        if read_only:
            self.read_only_label.setText(self.tr("Read-only: %s. Search, export and print "
                                                 "work; changes cannot be saved.") % read_only)
            self.read_only_label.show()
        else:
            self.read_only_label.clear()
            self.read_only_label.hide()

    def _changed(self, *_args) -> None:
        if self.auto is not None:
            self.auto.changed()

    # ------------------------------------------------------------ automatic backups

    def backup_if_due(self) -> Worker | None:
        """Back up on a worker thread when changes were made and the last backup is 30
        minutes old."""
        auto = self.auto
        if auto is None or not auto.due():
            return None
        worker = Worker(lambda _progress, _cancelled: str(auto.backup_now()))
        worker.signals.failed.connect(lambda error: self.window.statusBar().showMessage(
            self.tr("Automatic backup failed: %s") % error))
        self.last_worker = worker
        worker.start()
        return worker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.backup_at_close()
        return False

    def backup_at_close(self) -> None:
        """The backup when the window closes (only if something changed); a failure is
        never a reason to keep the window open."""
        if self.auto is not None:
            with contextlib.suppress(FactBaseError):
                self.auto.at_close()

    # ------------------------------------------------------------ restore

    def restore_dialog(self) -> bool:
        if not self._store.is_file:
            return False
        path = Path(self._store.path)
        dialog = RestoreDialog(list_backups(path), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        return self.restore(dialog.chosen)

    def restore(self, chosen: BackupInfo) -> bool:
        """Close the fact base, put ``chosen`` in its place (the current file becomes
        another backup) and open it again."""
        path = Path(self._store.path)
        # Closed for the copy (a copy under an open connection would be replayed over);
        # open_path then shows the restored file in its place.
        self.window.library.close()
        try:
            kept = restore(chosen.path, path)
        except FactBaseError as error:
            tell(self.window, self.tr("Restore failed"), str(error))
            self.window.file_ops.open_path(path)
            return False
        opened = self.window.file_ops.open_path(path)
        if opened and kept is not None:
            self.window.statusBar().showMessage(
                self.tr("Restored the backup of %1; the replaced file is kept as %2")
                .replace("%1", chosen.taken.strftime("%Y-%m-%d %H:%M"))
                .replace("%2", kept.name))
        return opened

    # ------------------------------------------------------------ check

    def check(self) -> Worker:
        store = self._store

        def finished(report) -> None:
            tell(self.window, self.tr("Check Fact Base"), "\n".join(report.lines()),
                 Icon.Information if report.ok else Icon.Warning)

        self.last_worker = run_with_progress(
            self.window, lambda _progress, _cancelled: store.check_integrity(),
            label=self.tr("Checking the fact base…"), on_finished=finished,
            on_failed=lambda error: tell(self.window, self.tr("Check Fact Base"), str(error)))
        return self.last_worker


class RestoreDialog(QDialog):
    """The automatic backups, newest first, with their time and counts; pick one."""

    def __init__(self, backups: list[BackupInfo], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.backups = backups
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The fact base is replaced by the backup you choose. The "
                              "current file is kept as another backup, so a restore can "
                              "be undone by restoring that one."), self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(note)
        self.table = QTableWidget(len(backups), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Items"), self.tr("Briefings")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(backups):
            cells = (info.taken.strftime("%Y-%m-%d %H:%M:%S"), _count(info.items),
                     _count(info.briefings))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.table)
        if not backups:
            layout.addWidget(QLabel(self.tr("There are no automatic backups of this fact "
                                            "base yet."), self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectedItems())))
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.buttons)
        if backups:
            self.table.selectRow(0)

    def accept(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if rows:
            self.chosen = self.backups[min(rows)]
            super().accept()


def _count(number: int | None) -> str:
    return "?" if number is None else str(number)
