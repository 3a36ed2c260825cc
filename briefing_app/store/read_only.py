"""Opening a fact base only to read it: nothing is created, migrated or written.

Commands that only look (``briefing-app extract`` links an article's people to those
already stored) must leave the file byte for byte as it was, even one made by an older
version of the app, which opening for writing would migrate.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import schema
from .connection import _inspect, connect_reader
from .errors import FactBaseError, explain
from .factbase import FactBase
from .readers import Connections


def open_read_only(path: str | os.PathLike) -> FactBase:
    """The fact base at ``path`` through a read-only connection.

    Raises :class:`FactBaseError` (with the usual messages for a file that is not a fact
    base or is newer) when the file is missing, blank or from an older version of the
    app: those would need writing to be read.
    """
    file = Path(path).expanduser()
    if not file.is_file():
        raise FactBaseError(f"no fact base at {file}")
    _inspect(file)  # refuses files of other programs and of newer versions
    try:
        conn = connect_reader(file)
        blank = schema.is_blank(conn)
        version = schema.user_version(conn)
    except sqlite3.Error as error:
        raise explain(error, f"open {file}") from error
    if blank or version < schema.SCHEMA_VERSION:
        conn.close()
        state = "empty" if blank else "from an older version of the app"
        raise FactBaseError(
            f"{file} is {state}; open it once with the app (or any command that changes "
            "it) before reading it here"
        )
    # The read-only connection serves as the "writer": every call reads through it, and
    # anything that tried to write would fail rather than change the file.
    return FactBase(Connections(conn, str(file), readers=False))
