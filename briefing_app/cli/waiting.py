"""A command that must wait for another program's write says so, and Ctrl+C stops it.

The store waits for the write lock in short slices and tells a hook (see
``Store.waiting_for_writer``); here the hook prints one line on stderr the first time, so a
person at the terminal knows why nothing happens, and a script's log shows the delay.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def said_when_waiting(store: Any, path: str) -> Iterator[None]:
    """In the block, a change that waits for another writer says so once on stderr; Ctrl+C
    during the wait ends in a ``KeyboardInterrupt`` that says nothing was changed."""
    notice = _WaitingNotice(path)
    with store.waiting_for_writer(notice):
        try:
            yield
        except KeyboardInterrupt:
            if notice.waiting:
                raise KeyboardInterrupt(
                    "stopped waiting for the other program; nothing was changed") from None
            raise


class _WaitingNotice:
    def __init__(self, path: str) -> None:
        self.path = path
        self.said = False
        self.waiting = False

    def __call__(self, _seconds: float, over: bool) -> None:
        self.waiting = not over
        if not over and not self.said:
            self.said = True
            print(f"waiting for another program to finish writing to {self.path}… "
                  "(Ctrl+C to stop)", file=sys.stderr, flush=True)
