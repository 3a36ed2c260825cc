"""The fact base: one SQLite file, its schema and migrations, CRUD and full-text search.

All SQL of the application lives in this package. See :mod:`.schema` for the tables,
:mod:`.query` for the search language and :mod:`.search_index` for how search stays in
sync.
"""

from .errors import ChangeCancelled, FactBaseError, NewerSchemaError, NotAFactBaseError
from .factbase import FactBase
from .query import Query, parse
from .rows import ItemRow, SavedSearch
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
