"""How far a long sync or join got, on one line of stderr, for a person at a terminal.

A join of a big library runs for a minute or more; without a word the command looks hung.
When stderr is a terminal the line is rewritten at most twice a second; in a script's log
(not a terminal) nothing is printed, so the output stays what the README shows.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

EVERY_SECONDS = 0.5
_SAYS = {
    "pull": "pulled {:,} objects…",
    "push": "pushed {:,} changes…",
    "index": "pulled {:,} objects; building the indexes and the search index…",
}


class SyncProgress:
    """A ``progress(phase, count)`` for :class:`~briefing_app.team.sync.Sync` and
    :func:`~briefing_app.team.join.join`; :meth:`clear` (or leaving its ``with`` block)
    wipes the line at the end."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown_at = 0.0
        self._width = 0

    def __call__(self, phase: str, count: int) -> None:
        if not self.live:
            return
        now = time.monotonic()
        if phase in ("pull", "push") and now - self._shown_at < EVERY_SECONDS:
            return
        self._shown_at = now
        text = _SAYS.get(phase, "{:,}…").format(count)
        self._write(text.ljust(self._width))
        self._width = len(text)

    def __enter__(self) -> SyncProgress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.clear()

    def clear(self) -> None:
        if self.live and self._width:
            self._write(" " * self._width)
            self.stream.write("\r")
            self.stream.flush()
            self._width = 0

    def _write(self, text: str) -> None:
        self.stream.write("\r" + text)
        self.stream.flush()
