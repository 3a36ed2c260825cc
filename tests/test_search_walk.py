"""Choosing the plan by the query: walking the sort order (testing each row, with long
prefixes spelled out as their words) and keyset paging find exactly the rows that
gathering every match and counting rows in finds."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.query import parse
from briefing_app.store import search, search_walk
from briefing_app.store.search_index import INSTANCES, TERMS, attach_vocabularies
from briefing_app.store.search_probe import indexed_words
from briefing_app.store.search_walk import may_walk_sort_index, walk_sort_index
from briefing_app.store.text_range import starting_with

BENCH = Path(__file__).resolve().parent.parent / "bench" / "generate_factbase.py"
QUERIES = ("colombia", "sanc", "pe", "colombia petro", '"estados unidos"', "-colombia",
           "person:petro", "source:efe", "tag:coca", "status:disputed -tag:coca",
           "kind:quote person:marquez after:2025", "colombia -petro kind:fact", "zzyzxq",
           'petro sanc "estados unidos" -trump')


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate_factbase", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("walk") / "walk.sqlite"
    module.generate(path, 3000, 3)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


@pytest.fixture(autouse=True)
def small_fact_bases_walk_too(monkeypatch):
    monkeypatch.setattr(search_walk, "WALK_FROM_ITEMS", 0)
    monkeypatch.setattr(search_walk, "SAMPLE_ROWS", 500)


def gathered(conn, query, sort, descending, offset):
    """The page the plain plan finds: every match, sorted, ``offset`` rows in."""
    sql, params = search.rows_sql(query, sort, descending, 50, offset, True,
                                  search.tag_spellings(conn, query))
    return [row[0] for row in conn.execute(sql, params)]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("sort", ["date", "title", "people", "source", "tags"])
def test_every_plan_finds_the_same_pages(conn, text, sort):
    query = parse(text)
    for descending in (True, False):
        first = search.rows(conn, query, sort, descending, 50, 0)
        assert [r.id for r in first] == gathered(conn, query, sort, descending, 0)
        if len(first) == 50:
            second = search.rows(conn, query, sort, descending, 50, 0, after=first[-1].id)
            assert [r.id for r in second] == gathered(conn, query, sort, descending, 50)


@pytest.mark.parametrize("text", ["", "status:disputed", "colombia", "-colombia"])
@pytest.mark.parametrize("sort", ["date", "kind", "title", "text", "people", "tags"])
def test_paging_after_the_last_row_reads_every_row_once_in_order(conn, text, sort):
    """Page after page, each starting after the last row of the one before, gives the
    rows counting rows in gives: across groups of equal keys (a page ends inside a group
    of items without people, or of one kind and date, and the next goes on in it, then
    past it) and in both directions."""
    query = parse(text)
    spellings = search.tag_spellings(conn, query)
    for descending in (False, True):
        sql, params = search.rows_sql(query, sort, descending, None, 0, True, spellings)
        everything = [row[0] for row in conn.execute(sql, params)]
        paged, after = [], None
        while True:
            page = search.rows(conn, query, sort, descending, 97, 0, after=after)
            if not page:
                break
            paged += [row.id for row in page]
            after = page[-1].id
        assert paged == everything


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("order", ["relevance", "date", "date-desc"])
def test_the_ids_of_a_search_are_those_gathering_finds(conn, text, order):
    query = parse(text)
    spellings = search.tag_spellings(conn, query)
    for offset in (0, 50):
        sql, params = search.ids_sql(query, order, 50, offset, spellings)
        plain = [row[0] for row in conn.execute(sql, params)]
        assert search.ids(conn, query, order, 50, offset) == plain


def ways_taken(conn, text: str, sort: str) -> list[bool]:
    """Whether each page :func:`search.ids` read for ``text`` walked the sort index."""
    walked: list[bool] = []
    original = search.walk

    def noted(*args):
        answer = original(*args)
        walked.append(answer[0])
        return answer

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "walk", noted)
        search.ids(conn, parse(text), sort, 50, 0)
    return walked


def test_a_search_in_date_order_walks_when_most_rows_match(conn):
    assert ways_taken(conn, "colombia -zzyzxq", "date") == [True]  # (no gathering: -word)


def test_a_word_excluded_from_few_rows_gathers_them_instead_of_testing_each_row(conn):
    # the excluded rows (none) make a set at once; a test per row looks the word up
    assert ways_taken(conn, "-zzyzxq", "date") == [False]


def test_a_common_word_walks_and_a_rare_one_is_gathered(conn):
    spellings: search.Spellings = {}
    common = search.walk(conn, parse("colombia"), "date", 200, 0, spellings)
    assert common.walk or common.gathered  # either way, not every match joined and sorted
    rare = search.walk(conn, parse('"estados unidos"'), "date", 200, 0, spellings)
    assert not (rare.walk or rare.gathered)
    # ranking needs every score
    assert search.walk(conn, parse("colombia"), "relevance", 200, 0, spellings) == search.Way()


@pytest.mark.parametrize("text", [q for q in QUERIES if parse(q).has_words])
@pytest.mark.parametrize("sort", search_walk.GATHERED_SORTS + search_walk.LABEL_SORTS)
def test_the_gathered_plan_finds_the_same_pages(conn, text, sort):
    query = parse(text)
    spellings = search.tag_spellings(conn, query)
    for descending in (True, False):
        sql, params = search.rows_sql(query, sort, descending, 50, 0, spellings=spellings,
                                      gathered=True)
        by_labels = sort in search_walk.LABEL_SORTS and not search.plan(query).tests_columns
        leading = "labels.item_num" if by_labels else "items.num"
        assert f"+{leading} IN (SELECT rowid FROM items_search" in sql
        first = [row[0] for row in conn.execute(sql, params)]
        assert first == gathered(conn, query, sort, descending, 0)
        if len(first) == 50:
            second = search.page_rows(conn, query, sort, descending, 50, 0, spellings,
                                      search.Way(gathered=True), after=first[-1])
            assert [row.id for row in second] == gathered(conn, query, sort, descending, 50)


def test_excluded_words_alone_are_tested_one_at_a_time_most_common_first(conn):
    query = parse("-sanc")  # a prefix: sanchez, sanciones, sanctions (in that order)
    newest = conn.execute("SELECT max(num) FROM items").fetchone()[0] - 500
    words = search_walk.excluded_words(conn, query, newest)
    found = [search_walk.sample_matches(conn, word, newest) for word in words]
    assert len(words) > 1 and found == sorted(found, reverse=True) and found[0] > 0
    assert words[0] == '"sanciones"'
    with pytest.MonkeyPatch.context() as patch:  # when walking is the cheaper way
        patch.setattr(search_walk, "walk_sort_index", lambda *args, **options: True)
        way = search.walk(conn, query, "title", 50, 0, {})
    assert way.walk and set(way.match) == set(words)
    for sort in ("date", "title", "people"):
        sql, params = search.rows_sql(query, sort, True, 50, 0, False, {}, words)
        assert sql.count("NOT EXISTS") == len(words)
        walked = [row[0] for row in conn.execute(sql, params)]
        assert walked == gathered(conn, query, sort, True, 0)


def test_a_word_in_some_items_is_gathered_once_as_a_set():
    """The figures measured at a million items (see search_walk.GATHER_COST)."""
    pays = search_walk.gathering_pays
    total = 1_000_000
    # person:marquez: 47,000 matches; with kind:quote after:2025, 9,129 of them
    assert pays(200, 0, 47_000, 47_000, total, walking=True)
    assert pays(200, 0, 9_129, 47_000, total, walking=False)
    # colombia, in 98% of the items: a few hundred rows walked find the page
    assert not pays(200, 0, 979_614, 979_614, total, walking=True)
    # "estados unidos", in 1,360: joining those few beats walking the whole index
    assert not pays(200, 0, 1_360, 1_360, total, walking=False)
    assert not pays(200, 0, 0, 0, total, walking=False)
    # sanc, in a third of the items, by source: at 100,000 items 8 ms gathered, 91 ms
    # walked (each test seeks afresh in an order by a label); at a million, walked
    assert pays(200, 0, 34_600, 34_600, 100_000, walking=True, by_label=True)
    assert not pays(200, 0, 346_190, 346_190, total, walking=True, by_label=True)


def test_sorted_by_a_label_the_matches_of_words_are_joined_to_their_labels_alone(conn):
    """Filtering first in an order by a label needs no row of items (person:petro by
    people at a million items: 137 ms joined to items as well, 55 ms without)."""
    query = parse("person:petro")
    sql, params = search.rows_sql(query, "people", False, 50, 0)
    inner = sql.split("AS page")[0]
    assert "JOIN items" not in inner and "JOIN item_labels" in inner
    by_hand = """SELECT i.id FROM items i JOIN item_labels l ON l.item_num = i.num
        WHERE i.num IN (SELECT rowid FROM items_search WHERE items_search MATCH ?)
        ORDER BY l.people COLLATE NOCASE, i.num LIMIT 50"""
    expected = [row[0] for row in conn.execute(by_hand, ('people : "petro"*',))]
    assert len(expected) == 50
    assert [row[0] for row in conn.execute(sql, params)] == expected


def test_sorted_by_a_label_tags_and_excluded_words_are_tested_on_the_labels_alone(conn):
    """No row of items is read to find the page (tag:extradition by tags at a million
    items: 151 ms with each tagged row looked up in items as well, 68 ms without)."""
    query = parse("tag:coca -sanc")
    spellings = search.tag_spellings(conn, query)
    sql, params = search.rows_sql(query, "tags", False, 50, 0, spellings=spellings)
    inner = sql.split("AS page")[0]
    assert "FROM item_labels AS labels WHERE" in inner and "items.num" not in inner
    by_hand = """SELECT i.id FROM items i JOIN item_labels l ON l.item_num = i.num
        WHERE i.id IN (SELECT it.item_id FROM item_tags it JOIN tags t ON t.id = it.tag_id
            WHERE t.name = 'coca')
        AND i.num NOT IN (SELECT rowid FROM items_search WHERE items_search MATCH 'sanc*')
        ORDER BY l.tags COLLATE NOCASE, i.num LIMIT 50 OFFSET ?"""
    expected = [row[0] for row in conn.execute(by_hand, (0,))]
    assert len(expected) == 50
    assert [row[0] for row in conn.execute(sql, params)] == expected
    following = search.rows(conn, query, "tags", False, 50, 0, after=expected[-1])
    assert [r.id for r in following] == [row[0] for row in conn.execute(by_hand, (50,))]


def test_in_an_order_by_a_label_a_word_test_costs_more_than_in_the_date_order():
    """person:petro in 4% of a million items: walked by date, 5,000 tests find a page;
    walked by source they took 110-150 ms where filtering first took 55-80 ms. "bogota",
    in 13%, still walks (10-22 ms walked, 55 ms filtered)."""
    walk = search_walk.walk_sort_index
    assert walk(200, 0, matching=41_144, total=1_000_000, word_test=True)
    assert not walk(200, 0, matching=41_144, total=1_000_000, word_test=True, by_label=True)
    assert walk(200, 0, matching=133_882, total=1_000_000, word_test=True, by_label=True)
    assert walk(200, 0, matching=41_144, total=1_000_000, by_label=True)  # no words


def test_only_a_test_for_words_a_row_must_hold_costs_more_in_an_order_by_a_label(conn):
    """Excluded words alone are tested most common first, and most rows hold the first
    (-colombia by people at a million items: 63 ms walked, 172 ms filtered first)."""
    asked: list[bool] = []

    def noting(*args, **options):
        asked.append(options["by_label"])
        return False

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_walk, "walk_sort_index", noting)
        for text in ("colombia", "-colombia"):
            search.walk(conn, parse(text), "people", 50, 0, {})
    assert asked == [True, False]


def test_in_an_order_by_a_label_the_filters_lead_when_they_keep_few_rows():
    """kind:quote person:marquez after:2025 by people at a million items: 68-72 ms with
    the words gathered as a set and the kind and date index leading, 100 ms filtering
    first (every one of 47,000 matches joined to its item)."""
    pays = search_walk.gathering_by_filters_pays
    assert pays(9_129, 47_000, 1_000_000)
    assert not pays(41_000, 41_144, 1_000_000)  # person:petro after:1990: no filter at all
    assert not pays(0, 0, 1_000_000)
    may = search_walk.may_gather_by_filters
    assert may(parse("kind:quote person:marquez after:2025"), "people")
    assert may(parse("sanc status:disputed"), "source")
    assert not may(parse("kind:quote person:marquez"), "date")  # an index keeps that order
    assert not may(parse("person:marquez"), "people")  # no filter to lead
    assert not may(parse("kind:quote marquez -petro"), "people")
    assert not may(parse("kind:quote marquez tag:coca"), "tags")
    assert not may(parse("kind:quote"), "people")  # no words to gather


def test_in_an_order_by_a_label_words_are_gathered_unless_the_order_groups_them(conn):
    assert search.walk(conn, parse("person:petro"), "source", 50, 0, {}).gathered
    by_people = search.walk(conn, parse("person:petro"), "people", 50, 0, {})
    assert not (by_people.walk or by_people.gathered)  # Petro's items in one stretch
    assert search.walk(conn, parse("status:disputed sanc"), "people", 50, 0, {}).gathered
    assert not search_walk.may_gather(parse("source:efe"), "source")
    assert not search_walk.may_gather(parse("sanc kind:quote"), "people")  # kind leads
    assert search_walk.may_gather(parse("sanc"), "tags")


def test_excluded_words_and_tags_are_never_gathered(conn):
    for text in ("colombia -petro", "colombia tag:coca", "petro -tag:coca"):
        assert not search.walk(conn, parse(text), "date", 200, 0, {}).gathered


def test_typing_on_picks_a_longer_prefix_out_of_the_words_of_a_shorter_one(conn):
    search_walk._words_by_version.clear()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        search_walk.walk_expression(conn, parse("colo"))
        first = len(statements)
        typed_on = search_walk.walk_expression(conn, parse("colomb"))
    finally:
        conn.set_trace_callback(None)
    reads = [s.startswith(f"SELECT term FROM {INSTANCES}") for s in statements]
    assert any(reads[:first]) and not any(reads[first:])  # "colomb" read none
    assert "colombia" in typed_on
    search_walk._words_by_version.clear()
    assert search_walk.walk_expression(conn, parse("colomb")) == typed_on  # as read


@pytest.mark.parametrize("text", [*QUERIES, "colomb", "sanc -sanciones", "-sanc", "p"])
def test_counted_with_its_prefixes_spelled_out_a_query_finds_what_its_prefixes_find(
        conn, text):
    query = parse(text)
    sql, params = search.count_sql(query, search.tag_spellings(conn, query))
    assert search.count(conn, query) == conn.execute(sql, params).fetchone()[0]


def test_a_count_seeks_the_words_a_long_prefix_stands_for(conn):
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        counted = search.count(conn, parse("colomb kind:fact"))
    finally:
        conn.set_trace_callback(None)
    (sql,) = [s for s in statements if s.startswith("SELECT count(*)")]
    assert '"colombia"' in sql and '"colomb"*' not in sql and counted > 0


@pytest.mark.parametrize("prefix", ["colo", "sanc", "pe", "p", "bogo", "zzyzxq", "é", ""])
def test_the_words_of_a_prefix_are_those_the_vocabulary_counts(conn, prefix):
    attach_vocabularies(conn)
    counted = [row[0] for row in conn.execute(
        f"SELECT term FROM {TERMS} WHERE term >= ? AND term < ? LIMIT 40",
        starting_with(prefix))]
    assert indexed_words(conn, prefix, 40) == counted
    assert indexed_words(conn, prefix, 2) == counted[:2]


def test_a_long_prefix_is_spelled_out_as_its_words(conn):
    expression = search_walk.walk_expression(conn, parse("colombia -trump"))
    assert expression.startswith('(("colombia"') and "NOT" in expression
    assert '"*' not in expression.split("NOT")[0]  # no prefix left to merge per row
    assert search_walk.walk_expression(conn, parse("pe")) == '"pe"*'  # has its own index


PIECES = st.sampled_from([
    "colombia", "col", "colombi", "petro", "pe", "sanc", "marquez", "bogota", "trump",
    '"estados unidos"', "-trump", "-petro", "kind:quote", "kind:fact", "-kind:event",
    "status:disputed", "status:v", "tag:coca", "-tag:coca", "person:marquez",
    "source:efe", "after:2025", "before:2026-02", "zzyzxq", '"', "-", "é", "🙂",
])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(PIECES, min_size=1, max_size=5),
       sort=st.sampled_from(["date", "title", "kind", "people"]),
       descending=st.booleans())
def test_whichever_plan_is_chosen_a_random_query_finds_the_rows_gathering_finds(
        conn, pieces, sort, descending):
    query = parse(" ".join(pieces))
    rows = search.rows(conn, query, sort, descending, 50, 0)
    assert [r.id for r in rows] == gathered(conn, query, sort, descending, 0)


def test_sort_index_is_walked_only_when_most_rows_match():
    assert walk_sort_index(200, 0, matching=24_000, total=100_000)
    assert not walk_sort_index(200, 0, matching=500, total=100_000)
    assert not walk_sort_index(200, 50_000, matching=24_000, total=100_000)
    assert not walk_sort_index(200, 0, matching=0, total=100_000)
    # Testing a row for words costs far more than testing its columns: a word in most
    # items walks, a person named in 4% of them is gathered.
    assert walk_sort_index(200, 0, matching=78_000, total=100_000, word_test=True)
    assert walk_sort_index(200, 0, matching=134_000, total=1_000_000, word_test=True)
    assert not walk_sort_index(200, 0, matching=8_000, total=100_000, word_test=True)
    assert walk_sort_index(200, 0, matching=8_000, total=100_000)  # a test without words
    assert may_walk_sort_index(parse("kind:quote"), "title", 200)
    assert not may_walk_sort_index(parse("kind:quote"), "date", 200)  # (kind, date) index
    assert may_walk_sort_index(parse("tag:coffee"), "date", 200)
    assert may_walk_sort_index(parse("sanctions kind:quote"), "date", 200)
    assert not may_walk_sort_index(parse("sanctions"), "relevance", 200)  # needs every score
    assert not may_walk_sort_index(parse(""), "title", 200)
    # Excluded words alone: filtering first gathers every excluded row as a set, so a
    # word left out of 98% of a million items is still found faster by walking, but of
    # 98% of 100,000 items is not (16 ms gathered, 830 ms walked).
    assert walk_sort_index(200, 0, matching=20_000, total=1_000_000, word_test=True,
                           only_excluded=True)
    assert not walk_sort_index(200, 0, matching=2_080, total=100_000, word_test=True,
                               only_excluded=True)
    assert not walk_sort_index(200, 0, matching=20_000, total=1_000_000, word_test=True)
    # A filter on the sorted column puts its matches in one stretch of the order.
    assert not may_walk_sort_index(parse("person:petro"), "people", 200)
    assert may_walk_sort_index(parse("person:petro"), "title", 200)
    assert not may_walk_sort_index(parse("source:reuters"), "source", 200)
    assert not may_walk_sort_index(parse("tag:coffee"), "tags", 200)
    assert may_walk_sort_index(parse("tag:coffee"), "people", 200)
