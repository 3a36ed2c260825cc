"""The fact base: one SQLite file, its schema and migrations, CRUD and full-text search.

All SQL of the application lives in this package. See :mod:`.schema` for the tables,
:mod:`.query` for the search language and :mod:`.search_index` for how search stays in
sync.
"""

from briefing_app.core.query import Query, parse
from briefing_app.core.records import ItemRow, SavedSearch

from .errors import ChangeCancelled, FactBaseError, NewerSchemaError, NotAFactBaseError
from .factbase import FactBase
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "ChangeCancelled",
    "FactBase",
    "FactBaseError",
    "ItemRow",
    "NewerSchemaError",
    "NotAFactBaseError",
    "Query",
    "SavedSearch",
    "parse",
]
