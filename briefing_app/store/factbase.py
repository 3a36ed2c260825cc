"""The :class:`FactBase`: one SQLite file of items, people, sources and briefings.

Every public method is safe to call from any thread (one lock serialises access to the
connection). Every write method is one transaction; :meth:`FactBase.transaction` groups
several into one. SQLite errors come out as :class:`FactBaseError` with a message for
people; invalid values as ``ValueError`` (``DateError`` for dates) naming the value.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from briefing_app.core.model import (
    ITEM_KINDS,
    STATUSES,
    Block,
    Briefing,
    BriefingSummary,
    Item,
    Person,
    Section,
    Source,
)
from briefing_app.core.query import Query, parse
from briefing_app.core.records import ItemRow, SavedSearch

from . import (
    briefing_edits,
    briefings,
    catalog,
    connection,
    items,
    search,
    search_index,
    settings,
)
from .errors import ChangeCancelled, FactBaseError, explain

_CANCEL_CHECK_STEPS = 1000  # SQLite VM steps between looks at a cancel request (~0.1 ms)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


class FactBase:
    """Open with :meth:`open`; close with :meth:`close` or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

    # ------------------------------------------------------------ opening and transactions

    @classmethod
    def open(cls, path: str | os.PathLike) -> FactBase:
        """Open (creating if missing) and migrate the fact base at ``path`` or ``":memory:"``.

        Raises :class:`NotAFactBaseError` for a file that is not ours and
        :class:`NewerSchemaError` for one written by a newer app; both leave it untouched.
        """
        return cls(connection.connect(path), str(path))

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            with contextlib.suppress(sqlite3.Error):
                # Refresh planner statistics where needed; the limit keeps it quick.
                self._conn.execute("PRAGMA analysis_limit = 400")
                self._conn.execute("PRAGMA optimize")
            self._conn.close()
            self._conn = None

    def __enter__(self) -> FactBase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for the store's own tests and maintenance tools."""
        if self._conn is None:
            raise FactBaseError("The fact base is closed.")
        return self._conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[FactBase]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on any exception.

        Nested calls join the outer transaction; a nested block that fails is undone on its
        own (a savepoint) and its exception goes on to the caller.
        """
        with self._lock:
            conn = self.connection
            if self._depth:
                name = f"nested_{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield self
                except BaseException:
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise explain(error, "start a change") from error
            self._depth = 1
            try:
                yield self
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise explain(error, "save the change") from error
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def stopping_when(self, cancelled: Callable[[], bool]) -> Iterator[FactBase]:
        """Run the block so that once ``cancelled()`` is true the SQL statement running then
        (or the next one) is interrupted, which rolls its transaction back; the block then
        raises :class:`ChangeCancelled`. For long changes a person may stop midway."""
        with self._lock:
            conn = self.connection
            conn.set_progress_handler(lambda: 1 if cancelled() else 0, _CANCEL_CHECK_STEPS)
            try:
                yield self
            except (FactBaseError, sqlite3.Error) as error:
                if cancelled():
                    raise ChangeCancelled() from error
                raise
            finally:
                conn.set_progress_handler(None, 0)

    def _rollback(self) -> None:
        if self._conn is not None and self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self.connection
            except sqlite3.Error as error:
                raise explain(error, "read the fact base") from error

    def _write(self, function, *args: Any, **kwargs: Any) -> Any:
        with self.transaction():
            return function(self._conn, *args, **kwargs)

    def _read(self, function, *args: Any, **kwargs: Any) -> Any:
        with self._reading() as conn:
            return function(conn, *args, **kwargs)

    # ------------------------------------------------------------ items

    def get_item(self, item_id: str) -> Item | None:
        found = self.get_items([item_id])
        return found[0] if found else None

    def get_items(self, ids: Sequence[str]) -> list[Item]:
        """Items in the order of ``ids``; unknown ids are skipped."""
        return self._read(items.load, list(ids))

    def save_item(self, item: Item) -> Item:
        """Insert or update (by id; ``""`` gets a new id) and return the item as stored."""
        return self.save_items([item])[0]

    def save_items(self, new_items: Iterable[Item], *, touch: bool = True) -> list[Item]:
        """Save many items in one transaction (fast: the index is written once per item).

        ``touch=False`` keeps the items' own ``created``/``updated`` (imports, undo).
        """
        return self._write(items.save, list(new_items), now=_now(), touch=touch)

    def delete_items(self, ids: Iterable[str]) -> int:
        """Delete items; briefings citing them keep their references (see schema.py)."""
        return self._write(items.delete, list(ids))

    def item_count(self) -> int:
        with self._reading() as conn:
            return conn.execute("SELECT count(*) FROM items").fetchone()[0]

    def counts_by_kind(self) -> dict[str, int]:
        return self._counts_by("kind", ITEM_KINDS)

    def counts_by_status(self) -> dict[str, int]:
        return self._counts_by("status", STATUSES)

    def _counts_by(self, column: str, values: Sequence[str]) -> dict[str, int]:
        with self._reading() as conn:
            found = dict(
                conn.execute(f"SELECT {column}, count(*) FROM items GROUP BY {column}").fetchall()
            )
        return {v: found.get(v, 0) for v in values}

    def briefings_using(self, item_ids: Iterable[str]) -> list[BriefingSummary]:
        """Briefings that cite any of these items (to warn before deleting them)."""
        return self._read(briefings.using, list(item_ids))

    # ------------------------------------------------------------ search

    def search(
        self, query: str | Query, *, order: str = "relevance", limit: int | None = 50,
        offset: int = 0,
    ) -> list[Item]:
        """One page of matching items. ``order``: ``relevance`` (best first; newest first
        for a query without words), ``date`` (oldest first) or ``date-desc``."""
        return self.get_items(self.search_ids(query, order=order, limit=limit, offset=offset))

    def search_ids(
        self, query: str | Query, *, order: str = "relevance", limit: int | None = 50,
        offset: int = 0,
    ) -> list[str]:
        """Like :meth:`search`, only the ids (``limit=None`` for all of them)."""
        sql, params = search.ids_sql(_parsed(query), order, limit, offset)
        with self._reading() as conn:
            return [r[0] for r in conn.execute(sql, params)]

    def count(self, query: str | Query) -> int:
        sql, params = search.count_sql(_parsed(query))
        with self._reading() as conn:
            return conn.execute(sql, params).fetchone()[0]

    def search_rows(
        self, query: str | Query, *, sort: str = "date", descending: bool = False,
        limit: int | None = 200, offset: int = 0,
    ) -> list[ItemRow]:
        """One page of flat rows for the item table, sorted in SQL by ``sort``: one of
        date, kind, title, text, people, source, tags, status, marking, relevance."""
        parsed = _parsed(query)
        with self._reading() as conn:
            walk = False
            if search.may_walk_sort_index(parsed, sort, limit):
                total = conn.execute("SELECT count(*) FROM items").fetchone()[0]
                count_sql, count_params = search.count_sql(parsed)
                matching = conn.execute(count_sql, count_params).fetchone()[0]
                walk = search.walk_sort_index(limit, offset, matching, total)
            sql, params = search.rows_sql(
                parsed, sort, descending, limit, offset, filter_by_index=not walk
            )
            return [ItemRow(*r) for r in conn.execute(sql, params)]

    def rebuild_search_index(self) -> None:
        """Recompute the whole search index (a repair tool; the triggers keep it right)."""
        self._write(search_index.rebuild)

    def optimize(self) -> None:
        """Merge the search index into one segment and refresh the planner's statistics
        (worth it after a large import)."""
        def run(conn: sqlite3.Connection) -> None:
            table = search_index.FTS_TABLE
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            conn.execute("ANALYZE")

        self._write(run)

    # ------------------------------------------------------------ people and sources

    def get_person(self, person_id: str) -> Person | None:
        return self._read(catalog.get_person, person_id)

    def save_person(self, person: Person) -> Person:
        """Insert or update by id (``""`` gets a new id); returns the person as stored."""
        return self.save_people([person])[0]

    def save_people(self, people: Iterable[Person]) -> list[Person]:
        return self._write(catalog.save_people, list(people))

    def list_people(self) -> list[Person]:
        return self._read(catalog.list_people)

    def find_person_by_name(self, name: str) -> Person | None:
        return self._read(catalog.find_person_by_name, name)

    def delete_person(self, person_id: str) -> bool:
        """Delete a person no item or briefing refers to (else :class:`FactBaseError`)."""
        return self._write(catalog.delete_person, person_id)

    def merge_people(self, survivor_id: str, other_id: str) -> Person:
        """Move every reference from ``other`` to ``survivor`` and delete ``other``."""
        return self._write(catalog.merge_people, survivor_id, other_id)

    def get_source(self, source_id: str) -> Source | None:
        return self._read(catalog.get_source, source_id)

    def save_source(self, source: Source) -> Source:
        """Insert or update by id (``""`` gets a new id); returns the source as stored."""
        return self.save_sources([source])[0]

    def save_sources(self, sources: Iterable[Source]) -> list[Source]:
        return self._write(catalog.save_sources, list(sources))

    def list_sources(self) -> list[Source]:
        return self._read(catalog.list_sources)

    def find_source_by_outlet(self, outlet: str) -> Source | None:
        return self._read(catalog.find_source_by_outlet, outlet)

    def find_source_by_url(self, url: str) -> Source | None:
        return self._read(catalog.find_source_by_url, url)

    def delete_source(self, source_id: str) -> bool:
        return self._write(catalog.delete_source, source_id)

    def merge_sources(self, survivor_id: str, other_id: str) -> Source:
        return self._write(catalog.merge_sources, survivor_id, other_id)

    # ------------------------------------------------------------ tags

    def list_tags(self) -> list[tuple[str, int]]:
        """``(name, item count)`` of every tag, by name (unused tags count 0)."""
        return self._read(catalog.list_tags)

    def tags_of(self, item_ids: Sequence[str]) -> dict[str, int]:
        """How many of the given items carry each tag (tags none of them carry left out)."""
        return self._read(catalog.tags_of, list(item_ids))

    def rename_tag(self, old: str, new: str) -> None:
        self._write(catalog.rename_tag, old, new)

    def merge_tags(self, survivor: str, other: str) -> int:
        return self._write(catalog.merge_tags, survivor, other)

    def delete_tag(self, name: str) -> int:
        return self._write(catalog.delete_tag, name)

    # ------------------------------------------------------------ briefings

    def list_briefings(self) -> list[BriefingSummary]:
        """Summaries, most recently updated first."""
        return self._read(briefings.summaries)

    def get_briefing(self, briefing_id: str) -> Briefing | None:
        return self._read(briefings.get, briefing_id)

    def find_briefing(self, id_or_exact_title: str) -> Briefing | None:
        return self._read(briefings.find, id_or_exact_title)

    def save_briefing(self, briefing: Briefing) -> Briefing:
        """Save (``""`` id gets a new one) and return it with ids and timestamps filled."""
        return self._write(briefings.save, briefing, now=_now())

    def delete_briefing(self, briefing_id: str) -> bool:
        return self._write(briefings.delete, briefing_id)

    # ------------------------------------------------------------ settings, saved searches

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self._read(settings.get_setting, key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        self._write(settings.set_setting, key, value)

    def list_saved_searches(self) -> list[SavedSearch]:
        return self._read(settings.list_saved_searches)

    def get_saved_search(self, name: str) -> SavedSearch | None:
        return self._read(settings.get_saved_search, name)

    def save_search(self, name: str, query: str) -> SavedSearch:
        return self._write(settings.save_search, name, query)

    def rename_saved_search(self, old: str, new: str) -> bool:
        return self._write(settings.rename_saved_search, old, new)

    def delete_saved_search(self, name: str) -> bool:
        return self._write(settings.delete_saved_search, name)

    # ------------------------------------------------------------ fine-grained briefing edits
    # Thin wrappers over :mod:`.briefing_edits` (the composer's edits, each one transaction;
    # each returns what its undo needs).

    def update_briefing_header(self, briefing_id: str, **changes: object) -> dict[str, object]:
        """Change header fields (``title``, ``to``, ``meeting_date``, ``participants`` ...);
        returns their previous values."""
        return self._write(briefing_edits.update_header, briefing_id, changes, now=_now())

    def add_section(self, briefing_id: str, position: int, heading: str,
                    automatic: str = "", *, section_id: int | None = None) -> int:
        return self._write(briefing_edits.add_section, briefing_id, position, heading,
                           automatic, now=_now(), section_id=section_id)

    def rename_section(self, section_id: int, heading: str) -> str:
        return self._write(briefing_edits.rename_section, section_id, heading, now=_now())

    def move_section(self, section_id: int, position: int) -> int:
        return self._write(briefing_edits.move_section, section_id, position, now=_now())

    def remove_section(self, section_id: int) -> briefing_edits.RemovedSection:
        return self._write(briefing_edits.remove_section, section_id, now=_now())

    def restore_section(self, removed: briefing_edits.RemovedSection) -> Section:
        return self._write(briefing_edits.restore_section, removed, now=_now())

    def insert_blocks(self, section_id: int, position: int, blocks: Iterable[Block]) -> list[Block]:
        return self._write(briefing_edits.insert_blocks, section_id, position, list(blocks),
                           now=_now())

    def move_block(self, block_id: int, section_id: int, position: int) -> tuple[int, int]:
        return self._write(briefing_edits.move_block, block_id, section_id, position,
                           now=_now())

    def update_block(self, block_id: int, **changes: str) -> dict[str, str]:
        return self._write(briefing_edits.update_block, block_id, changes, now=_now())

    def remove_blocks(self, block_ids: Iterable[int]) -> list[briefing_edits.RemovedBlock]:
        return self._write(briefing_edits.remove_blocks, list(block_ids), now=_now())

    def restore_blocks(self, removed: Sequence[briefing_edits.RemovedBlock]) -> list[Block]:
        return self._write(briefing_edits.restore_blocks, list(removed), now=_now())

    def duplicate_briefing(self, briefing_id: str, title: str) -> Briefing:
        return self._write(briefing_edits.duplicate_briefing, briefing_id, title, now=_now())

    def remove_briefing(self, briefing_id: str) -> Briefing | None:
        """Delete a briefing and return it whole, for :meth:`restore_briefing` (undo)."""
        return self._write(briefing_edits.remove_briefing, briefing_id)

    def restore_briefing(self, briefing: Briefing) -> Briefing:
        return self._write(briefing_edits.restore_briefing, briefing, now=_now())


def _parsed(query: str | Query) -> Query:
    return query if isinstance(query, Query) else parse(query)


__all__ = ["FactBase", "FactBaseError"]
