"""The File menu's work: new, open, open recent, import, export, back up.

Dialogs ask the questions; the exchange and store layers do the work. Import, export and
backup run in a :class:`~.workers.Worker` behind a progress dialog with Cancel, on a
connection of their own (the fact base's *path* crosses the thread, never a connection).
Imports are all or nothing: a file with problems lists them in a
:class:`~.problems_dialog.ProblemsDialog` and changes nothing. A new empty fact base takes
the marking scheme chosen in the preferences; one filled with the sample keeps the U.S.
scheme its items are marked in.

The window provides: ``fact_base`` (with ``.path``), ``settings`` (:class:`AppSettings`),
``replace_fact_base(fb, path)``, ``selected_item_ids()``, ``fact_base_changed`` and a
status bar.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from briefing_app.core.errors import FactBaseError
from briefing_app.core.files import WriteError
from briefing_app.core.library import Library
from briefing_app.core.markings import SCHEME_SETTING, available_schemes
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import BackupCancelled, open_library
from briefing_app.ui.problems_dialog import ProblemsDialog
from briefing_app.ui.status import display_path
from briefing_app.ui.user_text import Button, Icon, ask, tell
from briefing_app.ui.workers import JobCancelled, Worker, run_with_progress

FACT_BASE_SUFFIX = ".sqlite"
STATUS_MS = 10_000


def with_suffix_if_missing(path: str, suffix: str) -> str:
    """``memo`` -> ``memo.sqlite``; a name that has an extension is kept as typed."""
    return path if Path(path).suffix else path + suffix


class FileOps(QObject):
    """Owns the file actions' behaviour; the window only connects menu items to it."""

    imported = Signal(object)  # ImportResult, after a successful import
    exported = Signal(str)  # the file written
    backed_up = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_problems: ProblemsDialog | None = None
        self.last_worker: Worker | None = None

    # ------------------------------------------------------------ helpers

    @property
    def _path(self) -> str:
        return str(self.window.fact_base.path)

    def _folder(self) -> str:
        store = self.window.fact_base
        return str(Path(store.path).parent) if store.is_file else str(Path.home())

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)

    def _error(self, title: str, message: str) -> None:
        tell(self.window, title, message, Icon.Critical)

    # ------------------------------------------------------------ new and open

    def new_fact_base(self) -> bool:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New Fact Base"), self._folder(),
            self.tr("Fact bases (*.sqlite *.db);;All files (*)"))
        if not chosen:
            return False
        path = with_suffix_if_missing(chosen, FACT_BASE_SUFFIX)
        answer = ask(
            self.window, self.tr("New Fact Base"),
            self.tr("Fill the new fact base with the sample (the Petro–Trump meeting, "
                    "with its facts, quotes, people, sources and briefing)?\n\n"
                    "Choose No for an empty fact base."),
            Button.Yes | Button.No | Button.Cancel, Button.No)
        if answer == Button.Cancel:
            return False
        empty = answer != Button.Yes
        fact_base = None
        try:
            fact_base = create_fact_base(path, empty=empty)
            if empty:
                self._use_preferred_scheme(fact_base)
        except (FactBaseError, OSError) as error:
            if fact_base is not None:
                fact_base.close()
            self._error(self.tr("Cannot create the fact base"), str(error))
            return False
        self._switch(Library(fact_base), path)
        return True

    def _use_preferred_scheme(self, fact_base: Any) -> None:
        """The marking scheme of the preferences, if it still exists (a user scheme file
        may have been removed since; the default stays then)."""
        scheme = self.window.settings.preferences().marking_scheme
        if scheme in available_schemes():
            fact_base.set_setting(SCHEME_SETTING, scheme)

    def open_dialog(self) -> bool:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Fact Base"), self._folder(),
            self.tr("Fact bases (*.sqlite *.db);;All files (*)"))
        return self.open_path(chosen) if chosen else False

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open an existing fact base in the window; a clear message when it cannot be
        (the store refuses foreign, damaged and newer files without writing to them)."""
        path = str(path)
        if not Path(path).is_file():
            self._error(self.tr("Cannot open the fact base"),
                        self.tr("%s does not exist (any more).") % path)
            self.window.settings.recent_files()  # drops it from the list
            return False
        try:
            library = open_library(path)
        except FactBaseError as error:
            self._error(self.tr("Cannot open the fact base"), str(error))
            return False
        self._switch(library, path)
        return True

    def _switch(self, library: Library, path: str) -> None:
        self.window.replace_fact_base(library, path)
        self.window.settings.add_recent_file(path)
        self._status(self.tr("Opened %s") % display_path(path))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Rebuild "Open Recent" (called when it is about to show)."""
        menu.clear()
        recent = self.window.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = QAction(f"&{number} {Path(path).name} — {display_path(Path(path).parent)}",
                             menu)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not recent:
            empty = QAction(self.tr("No recent fact bases"), menu)
            empty.setEnabled(False)
            menu.addAction(empty)
            return
        menu.addSeparator()
        clear = QAction(self.tr("&Clear Menu"), menu)
        clear.triggered.connect(lambda: self.window.settings.set_value("files/recent", []))
        menu.addAction(clear)

    # ------------------------------------------------------------ import

    def import_dialog(self) -> Worker | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import"), self._folder(),
            self.tr("Fact packs and CSV files (*.json *.csv);;Fact packs (*.json);;"
                    "CSV files (*.csv);;All files (*)"))
        return self.import_file(chosen) if chosen else None

    def import_file(self, file: str | os.PathLike) -> Worker:
        """Import a fact pack (JSON) or CSV file in a worker, as one undoable change; the
        result shows when done."""
        from briefing_app.exchange.csv_import import import_csv  # on first use: quicker start
        from briefing_app.exchange.factpack import ImportCancelled, PackError, import_pack

        file = str(file)
        importer = import_csv if file.lower().endswith(".csv") else import_pack
        library = self.window.library
        label = self.tr("Import %s") % Path(file).name

        def job(progress, cancelled):
            try:
                return importer(library, file, progress=progress, cancelled=cancelled,
                                label=label)
            except ImportCancelled as error:
                raise JobCancelled(str(error)) from error

        def finished(result) -> None:
            self.window.undo_stack.sync()
            self._status(self.tr("Imported %s: %s") % (Path(file).name, result.summary()))
            if result.changed:
                self.window.fact_base_changed.emit()
            self.imported.emit(result)

        def failed(error: BaseException) -> None:
            if isinstance(error, PackError):
                self.show_problems(Path(file).name, error.problems)
            else:
                self._error(self.tr("Import failed"), str(error))

        self.last_worker = run_with_progress(
            self.window, job, label=self.tr("Importing %s…") % Path(file).name,
            on_finished=finished, on_failed=failed,
            on_cancelled=lambda: self._status(self.tr("Import cancelled; nothing was changed.")),
        )
        return self.last_worker

    def show_problems(self, file_name: str, problems: list[str]) -> ProblemsDialog:
        dialog = ProblemsDialog(file_name, problems, self.window)
        self.last_problems = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------ export

    def export_dialog(self, *, selection: bool) -> Worker | None:
        ids = self.window.selected_item_ids() if selection else None
        if selection and not ids:
            tell(self.window, self.tr("Export"), self.tr("Select the items to export first."),
                 Icon.Information)
            return None
        stem = Path(self._path).stem if self.window.fact_base.is_file else "facts"
        suggested = str(Path(self._folder()) / f"{stem}{'-selection' if ids else ''}"
                        ".factpack.json")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Fact Pack"), suggested,
            self.tr("Fact packs (*.json)"))
        if not chosen:
            return None
        return self.export_to(with_suffix_if_missing(chosen, ".json"), ids)

    def export_to(self, target: str, ids: list[str] | None = None) -> Worker:
        from briefing_app.exchange.factpack import export_pack

        store = self.window.fact_base.target

        def job(progress, cancelled):
            return export_pack(store, target, items=ids)

        def finished(counts: dict[str, int]) -> None:
            names = {"sources": self.tr("%1 sources"), "people": self.tr("%1 people"),
                     "items": self.tr("%1 items"), "briefings": self.tr("%1 briefings")}
            parts = ", ".join(names.get(kind, f"%1 {kind}").replace("%1", str(count))
                              for kind, count in counts.items() if count)
            self._status(self.tr("Exported %s to %s") % (parts or self.tr("nothing"),
                                                         display_path(target)))
            self.exported.emit(target)

        self.last_worker = run_with_progress(
            self.window, job, label=self.tr("Exporting to %s…") % Path(target).name,
            on_finished=finished,
            on_failed=lambda error: self._error(self.tr("Export failed"), _message(error)),
        )
        return self.last_worker

    # ------------------------------------------------------------ backup

    def backup_dialog(self) -> Worker | None:
        if not self.window.fact_base.is_file:
            return None
        source = Path(self._path)
        suggested = source.with_name(f"{source.stem}-backup-{_dt.date.today():%Y-%m-%d}"
                                     f"{source.suffix or FACT_BASE_SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Back Up Fact Base"), str(suggested),
            self.tr("Fact bases (*.sqlite *.db);;All files (*)"))
        if not chosen:
            return None
        return self.backup_to(with_suffix_if_missing(chosen, FACT_BASE_SUFFIX))

    def backup_to(self, target: str) -> Worker:
        store = self.window.fact_base.target

        def job(progress, cancelled):
            try:
                return str(store.backup(target, progress=progress, cancelled=cancelled))
            except BackupCancelled as error:
                raise JobCancelled(str(error)) from error

        def finished(written: str) -> None:
            self._status(self.tr("Backed up to %s") % display_path(written))
            self.backed_up.emit(written)

        self.last_worker = run_with_progress(
            self.window, job, label=self.tr("Backing up to %s…") % Path(target).name,
            on_finished=finished,
            on_failed=lambda error: self._error(self.tr("Backup failed"), _message(error)),
            on_cancelled=lambda: self._status(self.tr("Backup cancelled; nothing was written.")),
        )
        return self.last_worker


def _message(error: BaseException) -> str:
    if isinstance(error, (FactBaseError, WriteError, KeyError)):
        return str(error).strip("'\"")
    return f"{type(error).__name__}: {error}"

