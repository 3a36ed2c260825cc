"""The people and sources the item editor offers, read ahead on a worker.

A fact base of a million items may hold 3,000 people and 5,000 sources: reading them and
labelling them took 50-140 ms of each opening of the item editor, on the window's thread.
:class:`EditorChoices` keeps them from one change to the next: every change of the fact
base (and another file opened) drops them and a worker reads them again, so the editor
opens on lists already read. Until a read arrives, the editor reads them itself, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, QTimer

from briefing_app.core.errors import FactBaseError
from briefing_app.ui.fields.draft_catalog import StoredChoices, read_stored_choices
from briefing_app.ui.workers import LatestRead

# After the window's first frame, once its own first reads (rows, counts, the file
# check) are under way: on two cores the editor's lists must not slow them down.
FIRST_READ_AFTER_MS = 1500


def _read_or_none(fb) -> StoredChoices | None:
    try:
        return read_stored_choices(fb)
    except FactBaseError:
        return None  # the editor reads them itself, and says what went wrong


class EditorChoices(QObject):
    """The choices of the next item editor, read again after each change."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._stored: StoredChoices | None = None
        self._reads = LatestRead(lambda: _read_or_none(window.fact_base), self._arrived, self)
        window.fact_base_changed.connect(self.read_again)
        QTimer.singleShot(FIRST_READ_AFTER_MS, self, self._first_read)  # made after the
        # window's first frame (see EditingController)

    @property
    def reads_started(self) -> int:
        return self._reads.reads_started

    def _first_read(self) -> None:
        if self._reads.reads_started == 0:  # no change has read them already
            self.read_again()

    def read_again(self) -> None:
        """Forget the choices read so far and read them on a worker (one read at a time:
        changes made while it runs read once more after it, not once each)."""
        self._stored = None
        self._reads.ask()

    def _arrived(self, stored: StoredChoices | None) -> None:
        self._stored = stored

    def current(self) -> StoredChoices | None:
        """The choices read ahead, if no change came since and the language is the same;
        else None (the editor reads them)."""
        stored = self._stored
        if stored is None or stored.locale_name != QLocale().name():
            return None
        return stored
