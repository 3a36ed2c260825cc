"""File ▸ Print… (Ctrl+P): the open memo through the system's print dialog.

What is printed is the memo's PDF, the very pages Export PDF writes (same paper, page
breaks, footnotes and banners), so a printout never differs from the file sent by mail.
The PDF is written in a worker to a temporary folder; its pages are then rasterized with
QPdfDocument at the printer's resolution (at most :data:`MAX_PRINT_DPI`, enough for
text, and a Letter page stays under 35 MB of pixels) and painted onto the QPrinter.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from briefing_app.ui.user_text import tell
from briefing_app.ui.workers import Worker

if TYPE_CHECKING:  # QtPdf, QtPrintSupport and the writers load when printing: a quicker start
    from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72.0
_PAGE_SIZES = {"letter": "Letter", "a4": "A4"}  # QPageSize.PageSizeId names


def write_memo_pdf(fb, briefing, folder: Path, *,
                   leave_out_empty_sections: bool = False) -> Path:
    """The memo as Export PDF writes it, in ``folder`` (runs in a worker)."""
    from briefing_app.document.render import render_document, without_empty_sections
    from briefing_app.document.writers import write_document

    if leave_out_empty_sections:
        briefing = without_empty_sections(briefing)
    path = folder / "memo.pdf"
    write_document(render_document(fb, briefing), path, "pdf")
    return path


def paint_pdf(pdf_path: Path, printer: QPrinter) -> int:
    """Paint the PDF's pages (those of the printer's page range) onto ``printer``, each
    filling the paper as in the PDF; returns how many pages were printed."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    document.load(str(pdf_path))
    if document.status() != QPdfDocument.Status.Ready:
        raise OSError(f"the memo's PDF could not be read ({document.error().name})")
    pages = list(range(document.pageCount()))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = pages[printer.fromPage() - 1:printer.toPage() or None]
    printer.setFullPage(True)  # the PDF pages carry their own margins
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for n, index in enumerate(pages):
            if n and not printer.newPage():
                raise OSError("the printer refused a new page")
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() / POINTS_PER_INCH * dpi),
                           round(points.height() / POINTS_PER_INCH * dpi))
            image = document.render(index, pixels)
            painter.drawImage(_fitted(QRectF(painter.viewport()), pixels), image)
    finally:
        painter.end()
    document.close()
    return len(pages)


def _fitted(paper: QRectF, image: QSize) -> QRectF:
    """The largest rectangle of the image's shape centred on the paper."""
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(paper.x() + (paper.width() - width) / 2,
                  paper.y() + (paper.height() - height) / 2, width, height)


class MemoPrinter(QObject):
    """Prints the session's open briefing; ``finished`` carries the number of pages."""

    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, session, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.session = session
        self.parent_widget = parent_widget
        self._worker: Worker | None = None
        self.leave_out_empty_sections = False  # as the export (empty_sections.py)

    def busy(self) -> bool:
        return self._worker is not None

    def printer_for_memo(self) -> QPrinter:
        """A printer set to the memo's paper and title, as the print dialog starts."""
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        briefing = self.session.briefing
        if briefing is not None:
            size = getattr(QPageSize.PageSizeId, _PAGE_SIZES.get(briefing.page_size, "Letter"))
            printer.setPageSize(QPageSize(size))
            printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            printer.setDocName(briefing.title or self.tr("Briefing"))
        return printer

    def print_memo(self) -> None:
        """Ask for the printer and its settings, then print (nothing when cancelled)."""
        if self.session.briefing is None or self.busy():
            return
        from PySide6.QtPrintSupport import QPrintDialog

        self._printer = self.printer_for_memo()
        dialog = QPrintDialog(self._printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print Briefing"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(self._printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the open memo on ``printer`` (already set up); the PDF is made in a
        worker, the pages are painted when it is ready."""
        briefing = self.session.briefing
        if briefing is None or self.busy():
            return
        fb, leave_out = self.session.fact_base, self.leave_out_empty_sections
        folder = tempfile.TemporaryDirectory(prefix="briefing-print-")
        worker = Worker(lambda _progress, _cancelled: write_memo_pdf(
            fb, briefing, Path(folder.name), leave_out_empty_sections=leave_out))

        def paint(pdf_path: Path) -> None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                pages = paint_pdf(pdf_path, printer)
            except OSError as error:
                self._report(str(error))
                return
            finally:
                QApplication.restoreOverrideCursor()
            self.finished.emit(pages)

        def done() -> None:
            self._worker = None
            folder.cleanup()

        worker.signals.finished.connect(paint)
        worker.signals.failed.connect(lambda error: self._report(str(error)))
        worker.signals.done.connect(done)
        self._worker = worker
        worker.start()

    def _report(self, message: str) -> None:
        self.failed.emit(message)
        tell(self.parent_widget, self.tr("Print Briefing"),
                            self.tr("The briefing was not printed: %1").replace("%1", message))


def install_print(composer) -> QAction:
    """Add File ▸ Print… and Briefing ▸ Print… (Ctrl+P) to the composer's window, enabled
    while a briefing is open; the action is ``composer.actions["print"]``."""
    window = composer.window
    composer.printer = MemoPrinter(composer.session, window)
    action = QAction(QCoreApplication.translate("MemoPrinter", "&Print…"), window)
    action.setObjectName("action_composer_print")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    tip = QCoreApplication.translate("MemoPrinter",
                                 "Print the open briefing: the same pages as its PDF")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(composer.printer.print_memo)
    composer.actions["print"] = action
    for menu_name in ("briefing", "file"):
        menu = window.menus.get(menu_name)
        if menu is None:
            continue
        anchor = composer.actions.get("export_pdf")
        listed = menu.actions()
        if anchor in listed and listed.index(anchor) + 1 < len(listed):
            menu.insertAction(listed[listed.index(anchor) + 1], action)
        else:
            menu.addAction(action)

    def enable() -> None:
        action.setEnabled(composer.session.briefing is not None)

    composer.session.changed.connect(enable)
    enable()
    return action
