"""Exporting the open briefing as a memo file, in any of ``vocab.OUTPUT_FORMATS``.

A save dialog proposes a file name a staffer would type (``2026-02-03 Petro meeting
brief.docx``) in the folder used last; :func:`briefing_app.document.render.render_briefing` writes
the file in a worker behind a progress dialog (the same call the CLI's ``render`` makes, so
both produce the same memo). When it is done a message offers to open the file or show its
folder; a file that cannot be written (open in Word, read-only folder) gets a clear
message and nothing is half-written. Cancel before writing starts writes nothing; a file
already being written is completed (the write is atomic) and reported as saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing_app.core.files import WriteError
from briefing_app.document import composer_ops
from briefing_app.ui.labels import OUTPUT_FORMAT_LABELS, translated
from briefing_app.ui.user_text import Button, Icon, message_box, tell
from briefing_app.ui.workers import JobCancelled, run_with_progress

if TYPE_CHECKING:  # the renderer loads with the first export: a quicker start
    from briefing_app.document.render import RenderResult


def file_filter(fmt: str) -> str:
    """The save dialog's file type for an output format: ``Word document (*.docx)``."""
    from briefing_app.document.writers import extension_of  # with the first export

    return f"{translated(OUTPUT_FORMAT_LABELS, fmt)} (*{extension_of(fmt)})"


def default_export_folder() -> Path:
    """Where the first export of a session is offered: the Documents folder, or the home
    folder when there is none (a fresh account; else the dialog opens wherever the app
    was started from)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class Exporter(QObject):
    finished = Signal(object)  # RenderResult
    failed = Signal(str)

    def __init__(self, session, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.session = session
        self.parent_widget = parent_widget
        self.folder = default_export_folder()
        self.message_box: QMessageBox | None = None
        self.worker = None
        self.leave_out_empty_sections = False  # Briefing > Leave Out Empty Sections

    def export(self, fmt: str) -> None:
        """Ask where, then write the open briefing as ``fmt`` (one of
        ``vocab.OUTPUT_FORMATS``)."""
        briefing = self.session.briefing
        if briefing is None:
            return
        from briefing_app.document.writers import extension_of

        extension = extension_of(fmt)
        suggested = self.folder / composer_ops.default_export_name(briefing, extension)
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export as %1").replace("%1", fmt.upper()),
            str(suggested), file_filter(fmt))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != extension:
            target = target.with_name(target.name + extension)
        self.folder = target.parent
        fb, briefing_id = self.session.fact_base, briefing.id
        stale_days = self.session.preferences.stale_days  # as in the warnings panel
        leave_out = self.leave_out_empty_sections

        written: list[RenderResult] = []

        def job(progress, cancelled) -> RenderResult:
            from briefing_app.document.render import render_briefing

            progress(0, 1)
            if cancelled():
                raise JobCancelled  # nothing written
            written.append(render_briefing(fb, briefing_id, target, fmt,
                                           stale_days=stale_days,
                                           leave_out_empty_sections=leave_out))
            progress(1, 1)
            return written[0]

        def cancelled() -> None:
            # Cancel came while the file was being written: it is complete, say so.
            self.worker = None
            if written:
                self._done(written[0])

        self.worker = run_with_progress(
            self.parent_widget, job,
            label=self.tr("Writing %1…").replace("%1", target.name),
            on_finished=self._done, on_failed=self._failed, on_cancelled=cancelled)

    def _done(self, result: RenderResult) -> None:
        self.worker = None
        text = self.tr("Saved %1").replace("%1", str(result.path))
        count = len(result.warnings)
        if count == 1:
            text += "\n\n" + self.tr("1 pre-flight warning: see the warnings panel.")
        elif count:
            text += "\n\n" + self.tr("%1 pre-flight warnings: see the warnings panel.") \
                .replace("%1", str(count))
        # Plain text: the file's name is the user's.
        box = message_box(self.parent_widget, Icon.Information, self.tr("Export"), text,
                          Button.NoButton)
        box.setObjectName("exportDoneMessage")
        open_button = box.addButton(self.tr("Open File"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(self.tr("Show in Folder"),
                                      QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button) -> None:
            if button is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
            elif button is folder_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))

        box.buttonClicked.connect(clicked)
        self.message_box = box
        box.open()
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.worker = None
        if isinstance(error, WriteError):
            message = str(error) + "\n\n" + self.tr(
                "Close the file if it is open in another program, or choose another folder.")
        else:
            message = self.tr("The memo could not be exported: %1").replace("%1", str(error))
        tell(self.parent_widget, self.tr("Export"), message, Icon.Critical)
        self.failed.emit(message)
