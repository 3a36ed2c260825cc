"""Opening a fact base only to read it: nothing is created, migrated or written.

Commands that only look (``briefing-app extract`` links an article's people to those
already stored) must leave the file byte for byte as it was, even one made by an older
version of the app, which opening for writing would migrate.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import FactBaseError
from .factbase import FactBase


def open_read_only(path: str | os.PathLike) -> FactBase:
    """The fact base at ``path`` through a read-only connection.

    Raises :class:`FactBaseError` (with the usual messages for a file that is not a fact
    base or is newer) when the file is missing, blank or from an older version of the
    app: those would need writing to be read.
    """
    file = Path(path).expanduser()
    if not file.is_file():
        raise FactBaseError(f"no fact base at {file}")
    return FactBase.open(file, read_only=True)
