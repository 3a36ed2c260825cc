"""The fact base: one SQLite file, its schema and migrations, CRUD and full-text search.

All SQL of the application lives in this package. :class:`FactBase` implements the core's
:class:`~briefing_app.core.store_protocol.Store`; :func:`open_library` wraps one in the
core's :class:`~briefing_app.core.library.Library`, which is what the faces hold. See
:mod:`.schema` for the tables, :mod:`.readers` for the connection policy and
:mod:`.search_index` for how search stays in sync.
"""

from __future__ import annotations

import os

from briefing_app.core.library import Library
from briefing_app.core.query import Query, parse
from briefing_app.core.records import ItemRow, SavedSearch

from .backup import BackupCancelled
from .connection import remove_fact_base
from .errors import ChangeCancelled, FactBaseError, NewerSchemaError, NotAFactBaseError
from .factbase import FactBase
from .schema import SCHEMA_VERSION


def open_library(path: str | os.PathLike) -> Library:
    """A :class:`Library` over the fact base at ``path`` (created and migrated if need
    be; ``":memory:"`` for one in memory). Closing the library closes the fact base."""
    return Library(FactBase.open(path))


__all__ = [
    "SCHEMA_VERSION",
    "BackupCancelled",
    "ChangeCancelled",
    "FactBase",
    "FactBaseError",
    "ItemRow",
    "Library",
    "NewerSchemaError",
    "NotAFactBaseError",
    "Query",
    "SavedSearch",
    "open_library",
    "parse",
    "remove_fact_base",
]
