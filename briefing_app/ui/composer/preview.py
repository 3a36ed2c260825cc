"""The live memo preview: HTML while composing, real PDF pages in print-preview mode.

After each change the preview waits a moment (typing produces many changes), then builds
the memo in a worker thread: the document tree, its HTML, the word count and page
estimate, and in print-preview mode the PDF itself, written to a temporary file that
QtPdf shows. One render runs at a time; changes made meanwhile trigger one more render
when it ends, and a result for an outdated briefing is dropped.

The worker reads through the window's store, like every other worker: the store gives
the worker's thread its own reader, so rendering never waits for the composer's writes.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.model import Briefing
from briefing_app.core.templates import TemplateError, load_template
from briefing_app.ui.workers import Worker

if TYPE_CHECKING:  # measured on the worker (see build_preview)
    from briefing_app.document.memo_length import LengthReport

PREVIEW_DELAY_MS = 300
ZOOM_STEPS = (0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3)
DEFAULT_ZOOM = 0.8


@dataclass
class PreviewResult:
    briefing_id: str
    html: str
    length: LengthReport
    pdf_path: Path | None = None
    pdf_pages: int | None = None  # counted once the PDF is loaded


def page_target(briefing: Briefing) -> int | None:
    try:
        return load_template(briefing.template).page_target
    except TemplateError:
        return None


def build_preview(fb, briefing: Briefing, pdf_path: Path | None,
                  zoom: float = 1.0) -> PreviewResult:
    """Everything the preview shows, for one briefing snapshot (runs in a worker).

    ``zoom`` scales the HTML's type (a narrow pane shows more of the memo at 80 %); the
    PDF, the word count and the page estimate use the memo's real size."""
    # Loaded here, on the worker, with the first render: a quicker start.
    from briefing_app.document import memo_length
    from briefing_app.document.render import render_document
    from briefing_app.document.writers import html_writer, write_document

    document = render_document(fb, briefing)
    html = html_writer.to_html(replace(document, font_size=round(document.font_size * zoom, 1)))
    length = memo_length.length_report(document, page_target(briefing))
    if pdf_path is not None:
        write_document(document, pdf_path, "pdf")
    return PreviewResult(briefing.id, html, length, pdf_path)


class PreviewPane(QWidget):
    updated = Signal(object)  # PreviewResult, after it is shown
    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("previewPane")
        self.setAccessibleName(self.tr("Memo preview"))
        self._worker: Worker | None = None
        self._dirty = False
        self._serial = 0
        self._folder = folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))

        def remove_folder(*_args) -> None:
            shutil.rmtree(folder, ignore_errors=True)

        self.destroyed.connect(remove_folder)
        QCoreApplication.instance().aboutToQuit.connect(remove_folder)
        self.last_result: PreviewResult | None = None

        self.html_button = QToolButton(self)
        self.html_button.setText(self.tr("Preview"))
        self.html_button.setObjectName("previewModeHtml")
        self.html_button.setToolTip(self.tr("The memo as it takes shape"))
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("Print Preview"))
        self.print_button.setObjectName("previewModePrint")
        self.print_button.setToolTip(self.tr("The real PDF pages"))
        group = QButtonGroup(self)
        for button in (self.html_button, self.print_button):
            button.setCheckable(True)
            button.setAutoRaise(True)
            group.addButton(button)
        self.html_button.setChecked(True)
        group.buttonClicked.connect(lambda _button: self._mode_changed())
        self.zoom = DEFAULT_ZOOM
        self.zoom_out_button = self._zoom_button("−", self.tr("Smaller type in the preview"),
                                                 -1, "previewZoomOut")
        self.zoom_in_button = self._zoom_button("+", self.tr("Larger type in the preview"),
                                                1, "previewZoomIn")
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setStyleSheet("color: #666;")

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("previewBrowser")
        self.browser.setAccessibleName(self.tr("Memo preview"))
        self.browser.setOpenExternalLinks(True)
        self._pdf_view = self._pdf_document = None  # see pdf_view
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.browser)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.html_button)
        bar.addWidget(self.print_button)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_now)
        session.changed.connect(self.schedule)
        self.schedule()

    def _zoom_button(self, text: str, tip: str, step: int, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_zoom(step))
        return button

    @property
    def pdf_view(self):
        """The print preview's pages (a QPdfView), made when first asked for: QtPdf loads
        then, not at every start."""
        if self._pdf_view is None:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._pdf_document = QPdfDocument(self)
            view = QPdfView(self)
            view.setObjectName("printPreview")
            view.setAccessibleName(self.tr("Print preview"))
            view.setDocument(self._pdf_document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(12)
            view.setStyleSheet("background-color: #8a8f96;")
            self.stack.addWidget(view)
            self._pdf_view = view
        return self._pdf_view

    @property
    def pdf_document(self):
        """The PDF the print preview shows (a QPdfDocument), made with :attr:`pdf_view`."""
        self.pdf_view  # noqa: B018 - made together
        return self._pdf_document

    def step_zoom(self, step: int) -> None:
        """Larger (+1) or smaller (-1) type in the HTML preview; the PDF fits the width."""
        if self.print_mode:
            view = self.pdf_view
            view.setZoomMode(type(view).ZoomMode.Custom)
            view.setZoomFactor(max(0.25, min(4.0, view.zoomFactor() * (1.2 ** step))))
            return
        steps = list(ZOOM_STEPS)
        nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom))
        self.zoom = steps[max(0, min(len(steps) - 1, nearest + step))]
        self.render_now()

    # ------------------------------------------------------------ mode

    @property
    def print_mode(self) -> bool:
        return self.print_button.isChecked()

    def set_print_mode(self, on: bool) -> None:
        (self.print_button if on else self.html_button).setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        self.stack.setCurrentWidget(self.pdf_view if self.print_mode else self.browser)
        self.render_now()

    # ------------------------------------------------------------ rendering

    @property
    def busy(self) -> bool:
        return self._worker is not None or self._timer.isActive()

    def schedule(self) -> None:
        self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._dirty = True  # one more render when this one ends
            return
        briefing = self.session.briefing
        if briefing is None:
            self.browser.setHtml(f"<p style='color:#777'>{self.tr('No briefing is open.')}</p>")
            if self._pdf_document is not None:
                self._pdf_document.close()
            self.status.setText("")
            return
        fb = self.session.fact_base
        pdf_path = None
        if self.print_mode:
            self._serial += 1
            pdf_path = self._folder / f"preview-{self._serial}.pdf"
        self.status.setText(self.tr("Updating…"))
        zoom = self.zoom
        worker = Worker(
            lambda _progress, _cancelled: build_preview(fb, briefing, pdf_path, zoom))
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._failed)
        worker.signals.done.connect(self._done)
        self._worker = worker
        worker.start()

    def _done(self) -> None:
        self._worker = None
        if self._dirty:
            self._dirty = False
            self.render_now()

    def _failed(self, error: BaseException) -> None:
        if self._dirty:
            return  # the briefing changed meanwhile (or another file was opened): retried
        self.status.setText(self.tr("Preview failed"))
        self.browser.setHtml(f"<p style='color:#b00020'>{_escape(str(error))}</p>")
        self.failed.emit(str(error))

    def _show(self, result: PreviewResult) -> None:
        if self._dirty or result.briefing_id != self.session.briefing_id:
            return  # outdated: the next render is coming
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(result.html)
        bar.setValue(position)  # keep the staffer's place in the memo
        if result.pdf_path is not None:
            self._show_pdf(result.pdf_path)
            pages = self.pdf_document.pageCount()
            result.pdf_pages = pages
            result.length = replace(result.length, pages=pages, exact=True)
            self.status.setText(self.tr("1 page") if pages == 1
                                else self.tr("%1 pages").replace("%1", str(pages)))
        else:
            self.status.setText("")
        self.last_result = result
        self.updated.emit(result)

    def _show_pdf(self, path: Path) -> None:
        navigator = self.pdf_view.pageNavigator()
        page = navigator.currentPage()
        self.pdf_document.load(str(path))
        if 0 < page < self.pdf_document.pageCount():
            navigator.jump(page, QPointF(), navigator.currentZoom())
        for old in self._folder.glob("preview-*.pdf"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
