"""Where articles come in: File ▸ Add from Article…, Add Article from Clipboard, and an
article file dropped on the window. Each reads and extracts on a worker thread (a long
article or PDF takes a moment) and then opens the review window. The intake engine is
imported on first use, with the review window: start-up does not pay their ~50 ms.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog

from briefing_app.ui.user_text import tell
from briefing_app.ui.workers import Worker, run_with_progress

if TYPE_CHECKING:
    from briefing_app.ui.intake.review_dialog import ArticleReviewDialog

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf", ".eml")


def dropped_article(mime) -> Path | None:
    """The single local article file in a drag, else None (packs and fact bases are left
    to the window's own drop handling)."""
    urls = [u for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in ARTICLE_SUFFIXES else None


class ArticleIntake(QObject):
    """The article actions of one window; ``review_opened(dialog)`` for each review."""

    review_opened = Signal(object)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_worker: Worker | None = None
        self.last_review: ArticleReviewDialog | None = None
        self.from_file = QAction(self.tr("Add from &Article…"), window)
        self.from_file.setObjectName("action_add_from_article")
        self.from_file.setStatusTip(self.tr("Propose facts, quotes and events from a news "
                                            "article, press release or readout"))
        self.from_file.triggered.connect(lambda _checked=False: self.choose_file())
        self.from_clipboard = QAction(self.tr("Add Article from &Clipboard"), window)
        self.from_clipboard.setObjectName("action_add_article_from_clipboard")
        self.from_clipboard.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.from_clipboard.setStatusTip(self.tr("Propose items from the article text you "
                                                 "copied"))
        self.from_clipboard.triggered.connect(lambda _checked=False: self.paste())
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # ------------------------------------------------------------ the ways in

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Add from Article"), "",
            self.tr("Articles (*.txt *.md *.html *.htm *.docx *.pdf *.eml);;All files (*)"))
        if path:
            self.open_file(path)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.statusBar().showMessage(
                self.tr("The clipboard holds no text to read as an article."), 10_000)
            return
        self.open_text(text)

    def open_file(self, path: str | Path) -> Worker:
        path = Path(path)
        from briefing_app.exchange.intake import read_article

        return self._extract(lambda: read_article(path),
                             self.tr("Reading %1…").replace("%1", path.name))

    def open_text(self, text: str) -> Worker:
        from briefing_app.exchange.intake import article_from_text

        return self._extract(lambda: article_from_text(text), self.tr("Reading the article…"))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_article(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            path = dropped_article(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            self.open_file(path)
            return True
        return False

    # ------------------------------------------------------------ extraction

    def _extract(self, read, label: str) -> Worker:
        """Read and extract on a worker; the window's store serves the worker's reads."""
        store = self.window.library.store

        def job(_progress, _cancelled):
            from briefing_app.exchange.intake import extract

            return extract(read(), store=store)

        self.last_worker = run_with_progress(
            self.window, job, label=label, on_finished=self._review,
            on_failed=self._failed)
        return self.last_worker

    def _review(self, extraction) -> None:
        from briefing_app.ui.intake.review_dialog import ArticleReviewDialog

        dialog = ArticleReviewDialog(self.window, extraction)
        self.last_review = dialog
        self.review_opened.emit(dialog)
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        from briefing_app.exchange.intake import ArticleError

        message = str(error) if isinstance(error, ArticleError) else (
            self.tr("The article could not be read: %1").replace("%1", str(error)))
        tell(self.window, self.tr("Add from Article"), message)
