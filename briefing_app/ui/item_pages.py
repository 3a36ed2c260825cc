"""The item table's pages after the first: fetched as the view scrolls, each starting
after the last row shown, read on a worker on a big fact base.

:class:`PageFetching` is a part of :class:`~briefing_app.ui.item_model.ItemTableModel`,
kept apart for its one job; it uses the model's rows, generation, total, workers and
signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from briefing_app.core.records import ItemRow
from briefing_app.store import FactBaseError

AnyIndex = QModelIndex | QPersistentModelIndex


def reading_job(read: Callable[[], Any], nothing: Any, *tags: Any) -> Callable:
    """A worker job of the item table: its answer is ``(*tags, read(), "")``, or
    ``(*tags, nothing, message)`` when the fact base cannot be read, for the window to
    say why. ``tags`` tell the answer's query (and page) from a newer one's."""

    def job(_progress, _cancelled):
        try:
            return (*tags, read(), "")
        except FactBaseError as error:
            return (*tags, nothing, str(error))

    return job


class PageFetching:
    """``canFetchMore``/``fetchMore`` for the item table model, and the page answers."""

    def _fetch(self, offset: int, limit: int | None = None) -> list[ItemRow]:
        """The page at ``offset`` (``limit`` rows, a page by default)."""
        return self._page_reader(offset, limit)()

    def _page_reader(self, offset: int, limit: int | None = None):
        """A call that reads the page at ``offset`` of the current query and order, on
        whichever thread runs it; the page starts after the last row shown (keyset
        paging: page 25 costs what page 2 does, where counting 5,000 rows in cost more
        with every page)."""
        after = self._rows[offset - 1].id if 0 < offset <= len(self._rows) else None
        query, sort, descending = self._parsed, self._sort, self._descending
        limit, store = limit or self.batch_size, self._source
        return lambda: store.search_rows(query, sort=sort, descending=descending,
                                         limit=limit, offset=offset, after=after)

    def request_page(self, offset: int) -> None:
        """Ask for the page at ``offset``: read at once on a small fact base, on a worker
        on a big one (:meth:`receive_page` takes it either way). A page of ``-colombia``
        at a million items, walked, took 110-140 ms on the window's thread."""
        if self.big_fact_base:
            self._page_in_background(offset)
            return
        generation = self._generation
        try:
            rows = self._fetch(offset)
        except FactBaseError as error:
            self._stop_paging(str(error))
            return
        self.receive_page(generation, offset, rows)

    def _page_in_background(self, offset: int) -> None:
        self._paging = (self._generation, offset)
        self._start(reading_job(self._page_reader(offset), [], *self._paging), self._paged,
                    self._page_failed)

    def _paged(self, answer: tuple) -> None:
        generation, offset, rows, error = answer
        if self._paging != (generation, offset):
            return  # a page asked for later replaced it
        self._paging = None
        if generation != self._generation:
            return  # a newer query or a refresh came first
        if error:
            self._stop_paging(error)
        else:
            self.receive_page(generation, offset, rows)

    def _page_failed(self, error: BaseException) -> None:
        if self._paging is not None:  # a bug in the job, not a fact base error: say so
            self._paged((*self._paging, [], str(error) or repr(error)))

    def _stop_paging(self, error: str) -> None:
        """Show the rows read so far as all there are, and say why no more came."""
        self._total = len(self._rows)  # stop asking for more
        self.failed.emit(error)
        self.rowsLoaded.emit()

    def receive_page(self, generation: int, offset: int, rows: list[ItemRow]) -> None:
        """Append a page; one asked for under an older query or sort is dropped."""
        if generation != self._generation or offset != len(self._rows):
            return  # an answer to an outdated request
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self.batch_size:
            self._total = len(self._rows)  # a short page is the last one
            self._counting = None
        elif self.counting:
            self._total = len(self._rows) + self.batch_size  # at least one more page
        else:
            self._total = max(self._total, len(self._rows))
        self.rowsLoaded.emit()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        # the rows shown belong to the previous query while a worker answers a new one
        return (not parent.isValid() and len(self._rows) < self._total
                and self._pending is None and not self.paging)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.request_page(len(self._rows))
