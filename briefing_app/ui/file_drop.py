"""Dropping files on the window: a fact pack or CSV file is imported, a fact base opened.

Installed as an event filter on the main window, so the window's own code stays layout
and wiring. Only local files with a known extension are accepted; anything else is
refused at drag time, so the cursor shows that it cannot be dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

IMPORT_SUFFIXES = (".json", ".csv")
OPEN_SUFFIXES = (".sqlite", ".db", ".sqlite3")


def dropped_file(mime) -> Path | None:
    """The single local file with a usable extension in the drag's data, else None."""
    urls = [url for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORT_SUFFIXES + OPEN_SUFFIXES else None


class FileDrop(QObject):
    def __init__(self, window, file_ops):
        super().__init__(window)
        self._file_ops = file_ops
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_file(event.mimeData()) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            path = dropped_file(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            if path.suffix.lower() in OPEN_SUFFIXES:
                self._file_ops.open_path(path)
            else:
                self._file_ops.import_file(path)
            return True
        return False
