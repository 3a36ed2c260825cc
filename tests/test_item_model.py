"""The item table model: pages of 200 fetched on demand, sorting done by the store's SQL."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing_app.store import FactBase, FactBaseError
from briefing_app.ui.item_columns import COLUMN_KEYS, COLUMNS
from briefing_app.ui.item_model import ITEM_ID_ROLE, ItemTableModel

BENCH = Path(__file__).resolve().parent.parent / "bench" / "generate_factbase.py"
BIG = 450  # more than two pages of 200


def _generate(path: Path, n_items: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location("generate_factbase", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(path, n_items, seed)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    _generate(path, BIG, seed=7)
    return path


@pytest.fixture
def big_fb(big_db):
    with FactBase.open(big_db) as fb:
        yield fb


def column(key: str) -> int:
    return COLUMN_KEYS.index(key)


def shown_ids(model: ItemTableModel) -> list[str]:
    return [model.item_id(row) for row in range(model.rowCount())]


def test_the_sample_model_passes_qt_model_tester(qtmodeltester, sample_fb):
    model = ItemTableModel(sample_fb)
    assert model.rowCount() == sample_fb.item_count()
    qtmodeltester.check(model)


def test_a_big_model_passes_qt_model_tester_while_fetching(qtmodeltester, big_fb):
    model = ItemTableModel(big_fb)
    qtmodeltester.check(model)  # the tester calls fetchMore and checks the inserted rows
    assert model.rowCount() > 200


def test_a_sorted_and_filtered_big_model_passes_qt_model_tester(qtmodeltester, big_fb):
    model = ItemTableModel(big_fb)
    model.sort(column("people"), Qt.SortOrder.AscendingOrder)
    model.set_query("kind:quote")
    qtmodeltester.check(model)


def test_the_tester_follows_the_model_through_sorts_and_queries(qtmodeltester, sample_fb):
    # Qt's tester calls fetchMore from its own modelReset handler, before it marks the reset
    # finished, so a second page fetched there is reported as rows inserted "during" the
    # reset. Views fetch later, from their layout pass. Hence resets are followed here on a
    # fact base that fits one page, and paging is checked above on fresh models.
    model = ItemTableModel(sample_fb)
    qtmodeltester.check(model)
    model.sort(column("people"), Qt.SortOrder.AscendingOrder)
    model.set_query("kind:quote")
    assert 0 < model.rowCount() < sample_fb.item_count()
    model.set_query("")
    model.sort(column("title"), Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == sample_fb.item_count()


def test_only_the_first_page_is_fetched_until_more_is_asked_for(big_fb):
    model = ItemTableModel(big_fb)
    assert (model.rowCount(), model.total) == (200, BIG)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == BIG
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: a no-op
    assert model.rowCount() == BIG
    every_row = big_fb.search_rows("", sort="date", descending=True, limit=None)
    assert shown_ids(model) == [row.id for row in every_row]  # pages neither overlap nor skip


def test_row_of_finds_rows_as_pages_arrive_and_forgets_them_on_a_new_query(big_fb):
    model = ItemTableModel(big_fb)
    first_page = shown_ids(model)
    assert [model.row_of(i) for i in first_page] == list(range(200))
    model.fetchMore(QModelIndex())
    later = model.item_id(350)
    assert model.row_of(later) == 350  # a row of a page fetched after the first lookup
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)  # the rows are replaced
    assert [model.row_of(i) for i in shown_ids(model)] == list(range(model.rowCount()))
    assert model.row_of("no-such-item") is None


def test_no_child_rows(big_fb):
    model = ItemTableModel(big_fb)
    child_parent = model.index(0, 0)
    assert model.rowCount(child_parent) == 0 and model.columnCount(child_parent) == 0
    assert not model.canFetchMore(child_parent)


@pytest.mark.parametrize("key", ["title", "people", "kind", "source"])
def test_sorting_re_queries_every_match_in_sql(big_fb, key):
    model = ItemTableModel(big_fb)
    model.fetchMore(QModelIndex())
    model.sort(column(key), Qt.SortOrder.AscendingOrder)
    assert (model.sort_key, model.descending, model.rowCount()) == (key, False, 200)
    expected = big_fb.search_rows("", sort=key, limit=200)
    assert shown_ids(model) == [row.id for row in expected]

    model.sort(column(key), Qt.SortOrder.DescendingOrder)
    expected = big_fb.search_rows("", sort=key, descending=True, limit=200)
    assert shown_ids(model) == [row.id for row in expected]


def test_the_title_column_sorts_alphabetically_ignoring_case(big_fb):
    model = ItemTableModel(big_fb)
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    titles = [model.index(row, column("title")).data() for row in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_a_query_narrows_the_rows_and_the_total(big_fb):
    model = ItemTableModel(big_fb)
    model.set_query("kind:event")
    assert model.total == big_fb.count("kind:event") < BIG
    kinds = {model.index(row, column("kind")).data() for row in range(model.rowCount())}
    assert kinds == {"Event"}


def test_cells_show_formatted_values_and_carry_the_item_id(sample_fb):
    model = ItemTableModel(sample_fb)
    model.set_query("white house meeting kind:event")
    row = model.row_of("e-white-house-meeting")
    assert row is not None

    def cell(key, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, column(key)).data(role)

    assert cell("kind") == "Event"
    assert cell("date") == "Feb 3, 2026"  # the locale's compact date (local_dates)
    assert cell("status") == "Unverified"
    assert "Gustavo Petro" in cell("people")
    assert cell("text", Qt.ItemDataRole.ToolTipRole) == cell("text")
    assert cell("kind", ITEM_ID_ROLE) == "e-white-house-meeting"
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))] == [
        c.header for c in COLUMNS
    ]


def test_a_page_for_an_outdated_query_is_dropped(big_fb):
    model = ItemTableModel(big_fb)
    old_generation = model.generation
    stale_page = big_fb.search_rows("", sort="date", descending=True, limit=200, offset=200)
    model.set_query("kind:quote")
    shown = shown_ids(model)
    model.receive_page(old_generation, 200, stale_page)
    assert shown_ids(model) == shown


class FailingSource:
    """A fact base whose file went away: every read fails."""

    def count(self, query):
        raise FactBaseError("The fact base cannot be read: disk I/O error.")

    def search_rows(self, query, **kwargs):
        raise FactBaseError("The fact base cannot be read: disk I/O error.")


def test_a_read_failure_empties_the_table_and_reports_it(qtbot):
    model = ItemTableModel(FailingSource())
    assert (model.rowCount(), model.total) == (0, 0)
    with qtbot.waitSignal(model.failed) as signal:
        model.set_query("anything")
    assert signal.args == ["The fact base cannot be read: disk I/O error."]


# ------------------------------------------------------------------ queries on a worker


def ids_of(fb, query: str, limit: int = ItemTableModel.first_page) -> list[str]:
    """The rows a new query's first read on a big fact base shows."""
    return [row.id for row in fb.search_rows(query, sort="date", descending=True,
                                             limit=limit)]


def test_a_query_on_a_big_fact_base_is_answered_off_the_ui_thread(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100  # 450 items count as big here
    before = shown_ids(model)
    read_on = []
    real_rows = FactBase.search_rows
    monkeypatch.setattr(FactBase, "search_rows", lambda self, query, **kw: (
        read_on.append(threading.current_thread()), real_rows(self, query, **kw))[1])

    model.set_query("kind:quote")
    assert model.searching
    assert shown_ids(model) == before  # the old rows stay until the answer comes
    assert not model.canFetchMore(QModelIndex())  # and no page of the new query joins them
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)

    assert read_on and threading.main_thread() not in read_on
    assert shown_ids(model) == ids_of(big_fb, "kind:quote")
    assert model.total == big_fb.count("kind:quote")


def test_the_first_rows_come_before_the_count_which_follows(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.batch_size = 20  # a full first page: there are more matches to count
    counted_on = []
    real_count = FactBase.count
    monkeypatch.setattr(FactBase, "count", lambda self, query: (
        counted_on.append(threading.current_thread()), real_count(self, query))[1])

    model.set_query("kind:quote")
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    if model.counting:  # the count may already be in: the rows never wait for it
        assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)

    assert counted_on and threading.main_thread() not in counted_on
    assert model.total == real_count(big_fb, "kind:quote") > 20


def test_the_first_rows_of_a_big_fact_base_are_read_at_once_and_counted_after(
        qtbot, big_fb, monkeypatch):
    """The window's first rows: read before the window shows (nothing to wait for), but
    the count of every item comes from a worker."""
    monkeypatch.setattr(ItemTableModel, "background_from", 100)  # 450 items are big here
    monkeypatch.setattr(ItemTableModel, "batch_size", 20)
    counted_on = []
    real_count = FactBase.count
    monkeypatch.setattr(FactBase, "count", lambda self, query: (
        counted_on.append(threading.current_thread()), real_count(self, query))[1])

    model = ItemTableModel(big_fb)
    assert shown_ids(model) == [r.id for r in big_fb.search_rows("", sort="date",
                                                                 descending=True, limit=20)]
    assert not model.searching and model.counting
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    assert model.total == big_fb.item_count() == BIG
    assert counted_on and threading.main_thread() not in counted_on


def test_a_query_typed_before_the_first_count_comes_goes_to_a_worker(qtbot, big_fb,
                                                                    monkeypatch):
    """Counting a million items takes a while on a cold disk: a query typed meanwhile
    must not run on the window's thread because the size is not known yet."""
    monkeypatch.setattr(ItemTableModel, "background_from", 100)  # 450 items are big here
    monkeypatch.setattr(ItemTableModel, "batch_size", 20)
    model = ItemTableModel(big_fb)
    assert model.counting  # the count of every item is still on its way
    model.set_query("kind:quote")
    assert model.searching
    qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
    assert shown_ids(model) == ids_of(big_fb, "kind:quote", limit=20)
    assert model.total == big_fb.count("kind:quote")


def test_a_small_fact_base_is_counted_at_once(big_fb, monkeypatch):
    monkeypatch.setattr(ItemTableModel, "batch_size", 20)  # 450 items are small here
    model = ItemTableModel(big_fb)
    assert not model.counting and model.total == BIG


def test_a_refresh_of_a_big_fact_base_reads_on_a_worker_and_keeps_the_rows(
        qtbot, big_fb, monkeypatch):
    """After a change: the old rows stay on screen until the worker's answer replaces
    them, so a count over a million items never holds up the window."""
    monkeypatch.setattr(ItemTableModel, "background_from", 100)
    model = ItemTableModel(big_fb)
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    before = shown_ids(model)
    newest = big_fb.get_item(before[0])
    title = newest.title
    newest.title = "Renamed while the table was open"
    big_fb.save_item(newest)
    try:
        model.refresh()
        assert model.searching and shown_ids(model) == before
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
        assert shown_ids(model) == before and model.total == BIG
        assert model.data(model.index(0, column("title"))) == "Renamed while the table was open"
    finally:
        newest.title = title
        big_fb.save_item(newest)


def test_a_search_does_not_wait_for_other_work_on_the_worker_threads(qtbot, big_fb):
    """The sidebar's counts and a sync run on the shared worker threads for seconds on a
    big fact base; the table's searches have threads of their own."""
    import threading

    from PySide6.QtCore import QRunnable, QThreadPool

    release = threading.Event()

    class Busy(QRunnable):
        def run(self):
            release.wait(10)

    shared = QThreadPool.globalInstance()
    busy = [Busy() for _ in range(shared.maxThreadCount())]
    for job in busy:
        shared.start(job)
    try:
        model = ItemTableModel(big_fb)
        model.background_from = 100
        model.set_query("kind:quote")
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=3000)
        assert shown_ids(model) == ids_of(big_fb, "kind:quote")
    finally:
        release.set()
        shared.waitForDone(5000)


def test_a_first_page_that_is_not_full_needs_no_count(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    monkeypatch.setattr(FactBase, "count", lambda self, query: pytest.fail("counted"))
    model.set_query("kind:quote")
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    assert not model.counting and model.total == model.rowCount() > 0


def test_only_the_answer_to_the_latest_query_is_shown(qtbot, big_fb):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.set_query("kind:quote")
    model.set_query("kind:event")  # typed on before the first answer came
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    qtbot.wait(300)  # time for the older answer to arrive too, and be dropped
    assert shown_ids(model) == ids_of(big_fb, "kind:event")


def test_a_small_fact_base_answers_at_once(fb):
    model = ItemTableModel(fb)
    model.set_query("kind:quote")
    assert not model.searching


def test_an_in_memory_fact_base_is_searched_by_a_worker_like_a_file(qtbot, fb):
    """The store gives any thread a way to read (in memory: the one connection, under its
    lock), so the model never special-cases where the fact base lives."""
    model = ItemTableModel(fb)
    model.background_from = 0
    model.set_query("kind:quote")
    assert model.searching
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    assert shown_ids(model) == ids_of(fb, "kind:quote")


def test_a_new_order_on_a_big_fact_base_comes_from_a_worker_too(qtbot, big_fb):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    assert model.searching
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    expected = big_fb.search_rows("", sort="title", descending=False,
                                  limit=model.first_page)
    assert shown_ids(model) == [row.id for row in expected]


def test_a_new_order_on_a_big_fact_base_shows_a_screenful_first_then_the_rest(qtbot, big_fb):
    """The first read asks fewer rows than a page (a walk of the sort index costs about
    the rows it finds); scrolling brings the rest in order, and a refresh after a change
    reads every row shown again."""
    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
    assert model.rowCount() == model.first_page < model.batch_size
    assert model.total == BIG

    scroll_to_the_end(qtbot, model)
    every_row = [row.id for row in big_fb.search_rows("", sort="title", limit=BIG)]
    assert shown_ids(model) == every_row

    model.refresh()
    qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
    assert shown_ids(model) == every_row


def scroll_to_the_end(qtbot, model) -> None:
    """Fetch pages as a view scrolled to the end would, each waited for."""
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.paging, timeout=5000)


def test_the_next_page_of_a_big_fact_base_is_read_on_a_worker(qtbot, big_fb, monkeypatch):
    """A page of a walked query takes a tenth of a second at a million items: the view
    keeps scrolling meanwhile, and asks for no other page until it comes."""
    model = ItemTableModel(big_fb)
    model.background_from = 100
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    first = shown_ids(model)
    read_on = []
    real_rows = FactBase.search_rows
    monkeypatch.setattr(FactBase, "search_rows", lambda self, query, **kw: (
        read_on.append(threading.current_thread()), real_rows(self, query, **kw))[1])

    model.fetchMore(QModelIndex())
    assert model.paging and not model.canFetchMore(QModelIndex())
    assert shown_ids(model) == first  # nothing added until the page comes
    qtbot.waitUntil(lambda: not model.paging, timeout=5000)

    assert read_on and threading.main_thread() not in read_on
    newest = big_fb.search_rows("", sort="date", descending=True, limit=2 * model.batch_size)
    assert shown_ids(model) == [row.id for row in newest]
    scroll_to_the_end(qtbot, model)
    assert model.rowCount() == model.total == BIG


def test_a_page_read_for_the_query_before_is_dropped(qtbot, big_fb):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    model.fetchMore(QModelIndex())  # a page of every item...
    model.set_query("kind:quote")  # ...whose answer comes after the new query started
    assert not model.paging
    qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=5000)
    scroll_to_the_end(qtbot, model)
    assert shown_ids(model) == ids_of(big_fb, "kind:quote", limit=BIG)


def test_a_failed_page_read_keeps_the_rows_and_says_why(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    qtbot.waitUntil(lambda: not model.counting, timeout=5000)
    first = shown_ids(model)

    def broken(self, query, **kw):
        raise FactBaseError("Could not read the fact base: the fact base file is damaged.")

    monkeypatch.setattr(FactBase, "search_rows", broken)
    with qtbot.waitSignal(model.failed, timeout=5000) as failure:
        model.fetchMore(QModelIndex())
    assert failure.args == ["Could not read the fact base: the fact base file is damaged."]
    assert shown_ids(model) == first and model.total == len(first)
    assert not model.paging and not model.canFetchMore(QModelIndex())


def test_a_failed_background_search_empties_the_table_and_says_why(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100

    def broken(self, query, **_order):
        raise FactBaseError("Could not read the fact base: the fact base file is damaged.")

    monkeypatch.setattr(FactBase, "search_rows", broken)
    with qtbot.waitSignal(model.failed, timeout=5000) as failure:
        model.set_query("kind:quote")
    assert failure.args == ["Could not read the fact base: the fact base file is damaged."]
    assert model.rowCount() == 0 and not model.searching


def test_a_failed_count_keeps_the_rows_and_says_why(qtbot, big_fb, monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.batch_size = 20

    def broken(self, query):
        raise FactBaseError("Could not read the fact base: the fact base file is damaged.")

    monkeypatch.setattr(FactBase, "count", broken)
    with qtbot.waitSignal(model.failed, timeout=5000) as failure:
        model.set_query("kind:quote")
    assert failure.args == ["Could not read the fact base: the fact base file is damaged."]
    assert model.rowCount() == 20 and not model.searching and not model.counting


def test_a_model_closed_before_its_answer_comes_is_left_alone(qtbot, big_fb):
    from PySide6.QtCore import QThreadPool

    model = ItemTableModel(big_fb)
    model.background_from = 100
    model.set_query("kind:quote")
    model.deleteLater()  # the window closed while the worker still searches
    qtbot.wait(50)
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(100)  # the answer is delivered to no one, and nothing raises


def test_a_word_no_item_holds_is_answered_at_once_without_a_worker(qtbot, big_fb,
                                                                     monkeypatch):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    monkeypatch.setattr(FactBase, "search_rows", lambda *a, **kw: pytest.fail("searched"))
    model.set_query("kind:quote zzyzxq")  # no item holds a word starting so
    assert not model.searching and not model.counting
    assert model.rowCount() == 0 and model.total == 0


def test_a_word_some_item_holds_still_goes_to_the_worker(qtbot, big_fb):
    model = ItemTableModel(big_fb)
    model.background_from = 100
    word = next(w for w in big_fb.search_rows("", limit=1)[0].text.split() if w.isascii())
    word = word[:4].lower()  # the start of a word the first item holds
    model.set_query(word)
    assert model.searching
    qtbot.waitUntil(lambda: not model.searching, timeout=5000)
    assert model.rowCount() > 0


def test_warming_up_gives_each_search_thread_a_reader_that_has_read_the_index(
        qtbot, big_fb):
    """The first search after opening pays no more than the next: the table's threads
    opened their readers and read the search index before it."""
    model = ItemTableModel(big_fb)
    searched: list[int] = []
    real = big_fb.search_rows

    def search_rows(*args, **kwargs):
        searched.append(threading.get_ident())
        return real(*args, **kwargs)

    big_fb.search_rows = search_rows
    readers_before = set(big_fb._connections._readers)
    model.warm_up()
    qtbot.waitUntil(lambda: len(searched) == 2 and model._pool.activeThreadCount() == 0)
    assert len(set(searched)) == 2 and threading.get_ident() not in searched
    assert set(searched) <= set(big_fb._connections._readers) - readers_before

