"""The item table's model: only the rows fetched so far, more on demand, sorted in SQL.

A fact base may hold hundreds of thousands of items, so the model never loads them all: it
asks the store for a page of 200 flat :class:`~briefing_app.core.records.ItemRow` records at
a time (``canFetchMore``/``fetchMore``, driven by the view as the user scrolls) and sorts
by re-querying with ``ORDER BY`` rather than through a QSortFilterProxyModel, which would
need every row in memory.

Pages are requested by :meth:`ItemTableModel.request_page` and accepted by
:meth:`ItemTableModel.receive_page`, tagged with a generation number that changes with
every new query or sort; a page for an outdated query is simply dropped. On a fact base
of :attr:`ItemTableModel.background_from` items or more, typed queries and new orders are
answered by a worker (the store reads on the worker thread's own connection), the old rows
staying on screen until the new ones arrive, and so are the pages after the first
(:mod:`.item_pages`). The first page comes first; counting every
match of a common word over a million items takes longer than finding the first rows, so
the exact count follows from a second worker (:attr:`ItemTableModel.counting` meanwhile),
and a first page that is not full needs no count at all.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    QThreadPool,
    Signal,
)

from briefing_app.core.query import Query, parse
from briefing_app.core.records import ItemRow
from briefing_app.store import FactBaseError
from briefing_app.ui.icons import kind_icon
from briefing_app.ui.item_columns import COLUMN_KEYS, COLUMNS, display_value
from briefing_app.ui.item_pages import AnyIndex, PageFetching, reading_job
from briefing_app.ui.workers import Worker, finish_jobs

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role under which every cell returns its row's item id."""
USED_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role under which every cell says whether the open briefing cites its row's item."""
ITEM_IDS_MIME = "application/x-briefing-item-ids"
"""Mime type of dragged items: a JSON list of item ids (the composer accepts it)."""

SEARCH_THREADS = 2  # the first page of a new query beside the count of the one before
WARM_UP_QUERY = "e"  # a word and a prefix: the plans, the vocabulary, the index's lists


class RowSource(Protocol):
    """What the model needs from the fact base (``FactBase`` provides it)."""

    def count(self, query: Query) -> int: ...

    def surely_no_match(self, query: Query) -> bool: ...

    def search_rows(
        self, query: Query, *, sort: str = ..., descending: bool = ..., limit: int = ...,
        offset: int = ..., after: str | None = ...,
    ) -> list[ItemRow]: ...


class ItemTableModel(PageFetching, QAbstractTableModel):
    """Rows of the items matching :attr:`query`, fetched in pages of :attr:`batch_size`."""

    batch_size = 200
    # A new query's or order's first read on a big fact base: more rows than a screen
    # holds, and half a page. A walk of the sort index costs about the rows it finds
    # (-colombia at a million items, newest first: 108 ms for 200 rows, 51 ms for 100).
    first_page = 100
    kept_pages = 25  # a refresh after a change reads again at most this many pages
    background_from = 20_000  # items in the fact base: typed queries go to a worker

    failed = Signal(str)  # a message for people when the fact base could not be read
    rowsLoaded = Signal()  # after a reset or a fetched page: the shown/total counts changed
    startingOver = Signal()  # the first rows of a new query or order come (not a refresh)

    def __init__(self, source: RowSource, parent=None):
        super().__init__(parent)
        self._source = source
        self._query = ""
        self._parsed: Query = parse("")  # the query, parsed once per change of the text
        self._sort = "date"
        self._descending = True  # newest first: what a briefing usually needs
        self._rows: list[ItemRow] = []
        self._row_numbers: dict[str, int] = {}  # item id -> row, see row_of
        self._rows_indexed = 0
        self._total = 0
        self._generation = 0
        # Threads of the table's own: a search never queues behind the sidebar's counts or
        # a sync, which take seconds on a big fact base (the global pool has as many
        # threads as the machine has cores, two on many laptops).
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(SEARCH_THREADS)
        self._pool.setExpiryTimeout(-1)  # threads kept, and with them their warm readers
        self._size = 0  # items in the fact base, as last counted (the empty query)
        self._pending: int | None = None  # generation a worker is answering
        self._counting: int | None = None  # generation whose matches a worker counts
        self._paging: tuple[int, int] | None = None  # generation and offset of a page read
        self._used: frozenset[str] = frozenset()
        self._starting_over = False  # the next rows shown are a new query's or order's
        self._asked = self.batch_size  # rows the last first read asked for
        self.refresh()

    # ------------------------------------------------------------ state

    @property
    def query(self) -> str:
        return self._query

    @property
    def parsed_query(self) -> Query:
        """The query as the store reads it (parsed once when it was set)."""
        return self._parsed

    @property
    def total(self) -> int:
        """How many items match the query, fetched or not."""
        return self._total

    @property
    def generation(self) -> int:
        """Changes with every new query, sort or refresh; tags page requests."""
        return self._generation

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def sort_column(self) -> int:
        return COLUMN_KEYS.index(self._sort)

    def item_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, item_id: str) -> int | None:
        """Row of a fetched item, ``None`` when it is not (yet) fetched. The rows are
        indexed by id when first asked (selecting thousands of changed items asks
        thousands of times), and the index grows as pages arrive."""
        index = self._row_numbers
        for number in range(self._rows_indexed, len(self._rows)):
            index.setdefault(self._rows[number].id, number)
        self._rows_indexed = len(self._rows)
        return index.get(item_id)

    @property
    def big_fact_base(self) -> bool:
        """Whether the fact base has :attr:`background_from` items or more (as last
        counted): big enough that reading it goes to a worker."""
        return self._size >= self.background_from

    @property
    def searching(self) -> bool:
        """Whether a worker is still answering the latest query."""
        return self._pending is not None

    @property
    def paging(self) -> bool:
        """Whether a worker is still reading the next page of the rows shown."""
        return self._paging is not None and self._paging[0] == self._generation

    def set_query(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._parsed = parse(query)
            self._starting_over = True
            self._requery()

    def _requery(self) -> None:
        """Show the rows of a new query or order: from a worker on a big fact base (see the
        module docstring), else at once."""
        if self.big_fact_base:
            self._search_in_background()
        else:
            self.refresh()

    def refresh(self) -> None:
        """Start over: fetch the first page and count the matches (after a query, a sort or
        a change in the fact base). The first page arrives inside the reset, so views and
        the selection never see an empty table in between. On a big fact base the page
        comes from a worker (the old rows stay meanwhile) once its size is known; until
        then (the window's first rows) it is read at once, and the count follows from a
        worker (counting a million items costs three first pages)."""
        if self.big_fact_base:
            self._search_in_background()
            return
        self._generation += 1
        self._pending = self._counting = None
        limit = self._asked = self._reading_limit()
        try:
            rows = self._fetch(0, limit)
            full = len(rows) == limit
            count_later = full and not self._size and self._holds_more_than(self.background_from)
            total = self._source.count(self._parsed) if full and not count_later else 0
        except FactBaseError as failure:
            self._show(0, [], str(failure))
            return
        if count_later:
            # big already: a query typed before the count comes goes to a worker too
            self._size = max(self._size, self.background_from)
            self._counting = self._generation
            self._show(len(rows) + self.batch_size, rows)
            self._count_in_background(self._generation)
        else:
            self._show(total, rows)

    def _reading_limit(self, first: int | None = None) -> int:
        """How many rows to read: a new query or order its first page (``first`` rows, a
        page by default); a refresh after a change as many whole pages as are shown (at
        most :attr:`kept_pages`; ``first`` rows when no more are), so the rows the
        staffer scrolled to, and the item under the cursor, are still there. Reading the
        first page alone, saving item 300 emptied the details pane and took the cursor
        away."""
        first = min(first or self.batch_size, self.batch_size)
        if self._starting_over or not self._rows or len(self._rows) <= first:
            return first
        pages = -(-len(self._rows) // self.batch_size)
        return self.batch_size * min(pages, self.kept_pages)

    def forget_fact_base(self) -> None:
        """Another fact base is open: its size is unknown until counted, so the next
        refresh reads its first rows at once instead of leaving the old file's rows on
        screen while a worker reads."""
        self._size = 0
        self._starting_over = True  # the new file's first rows, from the top

    def _holds_more_than(self, items: int) -> bool:
        """Whether the fact base holds more than ``items`` items: one row looked up at that
        position of the date index, a small fraction of counting them all."""
        return bool(self._source.search_rows(parse(""), sort="date", limit=1, offset=items))

    @property
    def counting(self) -> bool:
        """Whether the exact number of matches is still being counted (the rows are in)."""
        return self._counting is not None

    def _show(self, total: int, rows: list[ItemRow], error: str = "") -> None:
        """Replace the rows; fewer than were asked for means they are all of them."""
        if self._starting_over:  # before the reset: a view moved after it fetches more
            self._starting_over = False
            self.startingOver.emit()
        self.beginResetModel()
        self._row_numbers, self._rows_indexed = {}, 0
        self._rows, self._total = rows, total
        if len(rows) < self._asked:
            self._total = len(rows)  # the whole result is here
        if not self._query and not error and not self.counting:
            self._size = self._total
        self.endResetModel()
        if error:
            self.failed.emit(error)
        self.rowsLoaded.emit()

    def _search_in_background(self) -> None:
        """Fetch the first page of the query on a worker, then count its matches on another
        (only when the first page is full); what they find replaces the rows unless
        another query or a refresh came meanwhile. Until the count arrives, :attr:`total`
        is the rows fetched plus one more page and :attr:`counting` is true. A query with
        a word no item holds is answered at once, without a worker."""
        if self._surely_no_match():
            self._generation += 1
            self._pending = self._counting = None
            self._show(0, [])
            return
        self._generation += 1
        generation = self._pending = self._generation
        self._counting = None
        limit = self._asked = self._reading_limit(self.first_page)
        # the store reads on a connection of the worker's thread
        self._start(reading_job(self._page_reader(0, limit), [], generation), self._answered)

    def _surely_no_match(self) -> bool:
        """Ask the index's list of words (~0.05 ms); a failure to read leaves the answer
        to the worker, which reports it."""
        if not self._parsed.has_words:
            return False
        try:
            return self._source.surely_no_match(self._parsed)
        except FactBaseError:
            return False

    def _start(self, job, answered, failed=None) -> None:
        worker = Worker(job)
        # bound methods, not lambdas: Qt drops the connection if the model goes first
        worker.signals.finished.connect(answered)
        worker.signals.failed.connect(failed or self._search_failed)
        worker.start(self._pool)

    def _answered(self, answer: tuple) -> None:
        generation, rows, error = answer
        if generation != self._generation:
            return  # a newer query or a refresh came first
        self._pending = None
        full = len(rows) == self._asked and not error
        self._counting = generation if full else None
        self._show(len(rows) + self.batch_size if full else len(rows), rows, error)
        if full:
            self._count_in_background(generation)

    def _count_in_background(self, generation: int) -> None:
        """Count the matches of the query on a worker; :meth:`_counted` takes the answer."""
        query, store = self._parsed, self._source
        self._start(reading_job(lambda: store.count(query), 0, generation), self._counted)

    def _counted(self, answer: tuple) -> None:
        generation, total, error = answer
        if generation != self._generation or self._counting != generation:
            return
        self._counting = None
        if error:
            self.failed.emit(error)
        self._total = max(total, len(self._rows))
        if not self._query and not error:
            self._size = self._total
        self.rowsLoaded.emit()

    def warm_up(self) -> None:
        """Give each search thread its reader, and read the search index once on it, in
        the background: on a fact base of a million items the first search after
        opening took 25-35 ms more than the next, opening what the warm-up opens."""
        store = self._source

        def job(_progress, _cancelled):
            with contextlib.suppress(FactBaseError):  # the first search will say it
                store.search_rows(parse(WARM_UP_QUERY), sort="date", descending=True,
                                  limit=1)

        for _ in range(SEARCH_THREADS):  # started together: one on each thread
            Worker(job).start(self._pool)

    def finish_work(self, wait_ms: int = 2000) -> None:
        """Drop the searches not yet started and wait for those running (the window is
        closing): a worker still running as the app ends reports to signals Python has
        already deleted (a warm-up did, now and then, in a smoke run)."""
        finish_jobs(self._pool, wait_ms)

    def _search_failed(self, error: BaseException) -> None:
        if self._pending is not None:  # a bug in the job, not a fact base error: say so
            self._answered((self._pending, [], str(error) or repr(error)))
        elif self._counting is not None:
            self._counted((self._counting, 0, str(error) or repr(error)))

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(row, column.key)
        if column.key == "title" and row.id in self._used and role in (
                Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            return self._used_mark(row, role)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return display_value(row, column.key) or None
        if role == ITEM_ID_ROLE:
            return row.id
        if role == USED_ROLE:
            return row.id in self._used
        return None

    # ------------------------------------------------------------ the composer's hooks

    def _used_mark(self, row: ItemRow, role: int):
        """A check mark before the title of an item the open briefing cites."""
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon("used", 12)
        used = QCoreApplication.translate("ItemTableModel", "Used in the open briefing")
        return f"{display_value(row, 'title')}\n({used})"

    def set_used_ids(self, ids: Iterable[str]) -> None:
        """Mark the items the open briefing cites (a check mark before the title)."""
        used = frozenset(ids)
        if used != self._used:
            self._used = used
            if self._rows:
                title = COLUMN_KEYS.index("title")
                self.dataChanged.emit(self.index(0, title),
                                      self.index(len(self._rows) - 1, title))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [ITEM_IDS_MIME, "text/plain"]

    def mimeData(self, indexes) -> QMimeData:
        """The dragged rows' item ids (once each, in table order) and their texts."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(ITEM_IDS_MIME, json.dumps([self._rows[r].id for r in rows]).encode())
        data.setText("\n\n".join(display_value(self._rows[r], "text") for r in rows))
        return data

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the new order (the store sorts in SQL, over every match)."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self._starting_over = True
        self._requery()
