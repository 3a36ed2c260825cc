"""The :class:`FactBase`: one SQLite file of items, people, sources and briefings.

It implements :class:`briefing_app.core.store_protocol.Store`, the whole of what the rest
of the app may ask of a fact base. Its methods come in groups, one module each:
:mod:`.factbase_access` (opening, closing, transactions), :mod:`.factbase_catalog`
(people, sources, tags, settings), :mod:`.factbase_briefings` (briefings and the
composer's edits), :mod:`.factbase_snapshots` (what undo needs), and this module (items,
search, maintenance).

Every method is safe to call from any thread: one writer, a reader per thread (the policy
is :mod:`.readers`). Every write method is one transaction; :meth:`FactBase.transaction`
groups several into one. SQLite errors come out as :class:`FactBaseError` with a message
for people; invalid values as ``ValueError`` (``DateError`` for dates) naming the value.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing_app.core.model import Item
from briefing_app.core.query import Query, parse
from briefing_app.core.records import ItemRow, SimilarItem
from briefing_app.core.store_protocol import Cancelled, Progress
from briefing_app.core.vocab import ITEM_KINDS, STATUSES

from . import backup as online_backup
from . import clock, integrity, items, search, search_index, search_probe, similar
from .errors import FactBaseError
from .factbase_briefings import BriefingMethods
from .factbase_catalog import CatalogMethods
from .factbase_snapshots import SnapshotMethods
from .integrity import IntegrityReport
from .readers import Connections


class FactBase(CatalogMethods, BriefingMethods, SnapshotMethods):
    """Open with :meth:`open`; close with :meth:`close` or use it as a context manager."""

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False) -> FactBase:
        """Open (creating if missing) and migrate the fact base at ``path`` or ``":memory:"``.

        Raises :class:`NotAFactBaseError` for a file that is not ours and
        :class:`NewerSchemaError` for one written by a newer app; both leave it untouched.
        A file this process may not change opens read-only (see :attr:`read_only`), as
        does any file with ``read_only=True``.
        """
        return cls(Connections.open(str(path), read_only=read_only))

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
        return self._write(items.save, list(new_items), now=clock.now(), touch=touch,
                           bulk=self._bulk)

    def delete_items(self, ids: Iterable[str]) -> int:
        """Delete items; briefings citing them keep their references (see schema.py)."""
        return self._write(items.delete, list(ids))

    def item_count(self) -> int:
        return self._read(items.count)

    def counts_by_kind(self) -> dict[str, int]:
        return self._read(items.counts_by, "kind", ITEM_KINDS)

    def counts_by_status(self) -> dict[str, int]:
        return self._read(items.counts_by, "status", STATUSES)

    def find_similar(self, text: str, *, exclude_id: str | None = None,
                     threshold: float = similar.THRESHOLD, limit: int = 5) -> list[SimilarItem]:
        """Items whose text (or title) is at least ``threshold`` alike to ``text``, most
        alike first (possible duplicates); ``exclude_id`` leaves out the item being edited."""
        return self._read(similar.find_similar, text, exclude_id=exclude_id,
                          threshold=threshold, limit=limit)

    # ------------------------------------------------------------ search

    def search(
        self, query: str | Query, *, order: str = "relevance", limit: int | None = 50,
        offset: int = 0,
    ) -> list[Item]:
        """One page of matching items. ``order``: ``relevance`` (best first; newest first
        for a query without words, or matched by more than
        :data:`~briefing_app.core.query.RANKED_MAX` items), ``date`` (oldest first) or
        ``date-desc``."""
        return self.get_items(self.search_ids(query, order=order, limit=limit, offset=offset))

    def search_ids(
        self, query: str | Query, *, order: str = "relevance", limit: int | None = 50,
        offset: int = 0,
    ) -> list[str]:
        """Like :meth:`search`, only the ids (``limit=None`` for all of them)."""
        return self._read(search.ids, _parsed(query), order, limit, offset)

    def count(self, query: str | Query) -> int:
        return self._read(search.count, _parsed(query))

    def surely_no_match(self, query: str | Query) -> bool:
        """True when a word ``query`` requires is in no item, told from the index's list
        of words in well under a millisecond; False may still mean no match. Never waits
        for another thread's change (then it cannot tell: False)."""
        return self._connections.read_at_once(search_probe.surely_no_match, _parsed(query),
                                              default=False)

    def ranks_by_relevance(self, query: str | Query) -> bool:
        """Whether :meth:`search` puts ``query``'s best matches first: it has words, in
        not more than :data:`~briefing_app.core.query.RANKED_MAX` items (else newest
        first)."""
        return self._read(search.ranks_by_relevance, _parsed(query))

    def search_rows(
        self, query: str | Query, *, sort: str = "date", descending: bool = False,
        limit: int | None = 200, offset: int = 0, after: str | None = None,
    ) -> list[ItemRow]:
        """One page of flat rows for the item table, sorted in SQL by ``sort``: one of
        date, kind, title, text, people, source, tags, status, marking, relevance.
        ``after``: the id of the last row of the page before; the page then starts right
        after it (as fast deep down as at the top) rather than ``offset`` rows in."""
        return self._read(search.rows, _parsed(query), sort, descending, limit, offset,
                          after)

    # ------------------------------------------------------------ maintenance

    def backup(self, target: str | os.PathLike, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Path:
        """Copy the fact base, as committed, to the file ``target`` (replaced only once the
        copy is complete). Runs on its own connection, so writes go on meanwhile.
        ``progress(done, total)`` counts pages; ``cancelled()`` stops it with
        :class:`~.backup.BackupCancelled` (a ``ChangeCancelled``) and writes nothing."""
        if not self.is_file:
            raise FactBaseError("A fact base in memory has no file to back up.")
        self._connections.require_open()
        return online_backup.backup(self.path, target, progress=progress, cancelled=cancelled)

    def check_integrity(self) -> IntegrityReport:
        """SQLite's integrity and foreign-key checks and the search index's own check, in
        plain words (:mod:`.integrity`); changes nothing. Holds the writer meanwhile (the
        index's check needs it): changes wait, reads go on."""
        if self.read_only:
            return self._read(integrity.check, writable=False)
        with self._connections.holding_writer() as conn:
            return integrity.check(conn)

    def rebuild_search_index(self) -> None:
        """Recompute the whole search index (a repair tool; the triggers keep it right)."""
        self._write(search_index.rebuild)

    def optimize(self) -> None:
        """Merge the search index into one segment and refresh the planner's statistics
        (worth it after a large import)."""
        self._write(search_index.optimize)


def _parsed(query: str | Query) -> Query:
    return query if isinstance(query, Query) else parse(query)


__all__ = ["FactBase", "FactBaseError"]
