"""The store's clock: the timestamps it writes (``created``, ``updated``, migrations).

One function, so every module stamps records the same way (UTC, to the second, ISO 8601)
and a test can tell a stored time from any other text.
"""

from __future__ import annotations

import datetime as _dt


def now() -> str:
    """The current time as the store writes it: ``2026-02-03T16:04:05+00:00``."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
