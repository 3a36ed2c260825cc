"""The team library in the window: File ▸ Team, the status bar line, and syncing.

A fact base that joined a team library syncs every few minutes while the window is open,
soon after each change, and on Team ▸ Sync Now, always on a worker thread (the sync writes
what it pulled in short transactions; the window goes on meanwhile). The status bar says
when the last sync was, what waits to be pushed and how many conflicts are open, and when
the server cannot be reached; nothing blocks. Join Team Library… asks for the server and
runs the first sync behind a progress dialog.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from briefing_app.store import FactBase, FactBaseError
from briefing_app.ui.user_text import tell
from briefing_app.ui.workers import JobCancelled, Worker, run_with_progress

if TYPE_CHECKING:  # the dialogs are imported when opened: a quicker start
    from briefing_app.team.status import TeamStatus
    from briefing_app.ui.team.conflicts_dialog import ConflictsDialog

SYNC_EVERY_MS = 3 * 60_000
AFTER_CHANGE_MS = 20_000
CLOSING_WAIT_MS = 5_000


class TeamController(QObject):
    """Owns the team menu, the status line and the sync worker of one window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.worker: Worker | None = None
        self.last_outcome = ""  # "", "unreachable" or "failed"
        self.last_error = ""
        self._build_menu()
        self.label = QLabel(window)
        self.label.setObjectName("teamStatus")
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_EVERY_MS)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.sync_now)
        window.undo_stack.performed.connect(self._changed_here)
        window.fact_base_replaced.connect(lambda _store: self.follow_fact_base())
        window.installEventFilter(self)
        # What the fact base says of its library is read once the window is up (a fact
        # base that joined none, the most, shows just this): a quicker start.
        self.sync_action.setEnabled(False)
        self.conflicts_action.setEnabled(False)
        self.label.setVisible(False)
        QTimer.singleShot(0, self, self._follow_first_fact_base)

    # ------------------------------------------------------------ building

    def _build_menu(self) -> None:
        window = self.window
        self.menu = QMenu(self.tr("&Team"), window)
        self.menu.setObjectName("menu_team")
        self.join_action = QAction(self.tr("&Join Team Library…"), window)
        self.sync_action = QAction(self.tr("&Sync Now"), window)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), window)
        self.join_action.setStatusTip(self.tr("Make this fact base a replica of the "
                                              "office's team library"))
        self.sync_action.setStatusTip(self.tr("Push your changes and pull everyone else's"))
        self.conflicts_action.setStatusTip(self.tr("Fields changed both here and in the "
                                                   "team library"))
        self.join_action.triggered.connect(self.join_dialog)
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.menu.addActions([self.join_action, self.sync_action, self.conflicts_action])
        file_menu = window.menus["file"]
        quit_action = window.actions["quit"]
        file_menu.insertMenu(quit_action, self.menu)
        file_menu.insertSeparator(quit_action)

    # ------------------------------------------------------------ state

    @property
    def store(self):
        target = self.window.fact_base.target
        return target if isinstance(target, FactBase) else None

    def team_status(self) -> TeamStatus:
        from briefing_app.team.status import TeamStatus, status

        return status(self.store) if self.store is not None else TeamStatus(joined=False)

    def _follow_first_fact_base(self) -> None:
        # Closed already (with the window), or a damaged file, which says so elsewhere.
        with contextlib.suppress(FactBaseError):
            self.follow_fact_base()

    def follow_fact_base(self) -> None:
        """Another fact base is shown: sync it if it joined a library."""
        self.last_outcome = ""
        found = self.team_status()
        joined = found.joined
        self.join_action.setEnabled(self.store is not None and self.store.is_file)
        self.sync_action.setEnabled(joined)
        self.conflicts_action.setEnabled(joined)
        if joined:
            self.timer.start()
        else:
            self.timer.stop()
        self.update_status(found)

    def update_status(self, found: TeamStatus | None = None) -> None:
        """The status line, from ``found`` when the caller just read it."""
        from briefing_app.ui.team.status_text import status_text

        found = found or self.team_status()
        self.label.setVisible(found.joined)
        self.label.setText(status_text(
            found, syncing=self.worker is not None,
            unreachable=self.last_outcome == "unreachable",
            failed=self.last_outcome == "failed"))
        self.label.setToolTip(self.last_error or found.server)

    def _changed_here(self, *_args) -> None:
        if self.timer.isActive():
            self.soon.start()
        self.update_status()

    # ------------------------------------------------------------ syncing

    def sync_now(self) -> Worker | None:
        """Start a sync on a worker unless one runs or the fact base joined nothing."""
        if self.worker is not None or not self.team_status().joined:
            return None
        self.soon.stop()
        store = self.store

        def job(_progress, cancelled):
            from briefing_app.team.sync import Sync  # the PostgreSQL driver, when needed

            return Sync(store, cancelled=cancelled).run()

        self.worker = Worker(job)
        self.worker.signals.finished.connect(self._synced)
        self.worker.signals.failed.connect(self._sync_failed)
        self.worker.signals.done.connect(self._sync_ended)
        self.worker.start()
        self.update_status()
        return self.worker

    def _synced(self, report) -> None:
        self.last_outcome, self.last_error = "", ""
        if report.pulled:
            self.window.fact_base_changed.emit()

    def _sync_failed(self, error: BaseException) -> None:
        from briefing_app.team.errors import ServerUnreachable, SyncBusy, SyncStopped

        if isinstance(error, SyncBusy | SyncStopped):
            return
        self.last_outcome = "unreachable" if isinstance(error, ServerUnreachable) else "failed"
        self.last_error = str(error)

    def _sync_ended(self) -> None:
        self.worker = None
        self.update_status()

    def stop_syncing(self) -> None:
        """Ask a running sync to stop and wait a little for it (the window is closing)."""
        self.timer.stop()
        self.soon.stop()
        if self.worker is not None:
            self.worker.cancel()
            QThreadPool.globalInstance().waitForDone(CLOSING_WAIT_MS)
            QCoreApplication.processEvents()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop_syncing()
        return False

    # ------------------------------------------------------------ joining and conflicts

    def join_dialog(self) -> Worker | None:
        from briefing_app.ui.team.join_dialog import ask_server

        url = ask_server(self.window)
        return self.join(url) if url else None

    def join(self, url: str) -> Worker | None:
        store = self.store
        if store is None or self.worker is not None:
            return None

        def job(progress, cancelled):
            from briefing_app.team.errors import SyncStopped
            from briefing_app.team.join import join

            try:  # a count without a total: the dialog's busy bar
                return join(store, url, progress=lambda _phase, count: progress(count, 0),
                            cancelled=cancelled)
            except SyncStopped:
                raise JobCancelled() from None

        def finished(report) -> None:
            self.window.fact_base_changed.emit()
            self.follow_fact_base()
            self.window.statusBar().showMessage(self.tr(
                "Joined the team library: %1 changes pushed, %2 pulled").replace(
                "%1", str(report.sync.pushed)).replace("%2", str(report.sync.pulled)), 10_000)

        def failed(error: BaseException) -> None:
            from briefing_app.team.errors import TeamError

            self.follow_fact_base()
            message = str(error) if isinstance(error, TeamError) else repr(error)
            tell(self.window, self.tr("Could not join the team library"),
                                message)

        def cancelled() -> None:
            self.window.fact_base_changed.emit()  # a join page by page kept what it pulled
            self.follow_fact_base()
            joined = self.team_status().joined
            self.window.statusBar().showMessage(self.tr(
                "Stopped joining: the next sync goes on from there") if joined else self.tr(
                "Stopped joining: this fact base is as it was"), 10_000)

        self.worker = run_with_progress(
            self.window, job, label=self.tr("Joining the team library…"),
            on_finished=finished, on_failed=failed, on_cancelled=cancelled)
        self.worker.signals.done.connect(self._sync_ended)
        return self.worker

    def show_conflicts(self) -> ConflictsDialog:
        from briefing_app.ui.team.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.window, on_resolved=self._resolved)
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _resolved(self) -> None:
        self.window.fact_base_changed.emit()
        self._changed_here()
