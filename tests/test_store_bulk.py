"""Writing very many items at once: the indexes are set aside and built once at the end.

The threshold is lowered so a few dozen items show what a hundred thousand do; every
test compares with the same items written the ordinary way.
"""

from __future__ import annotations

import threading

import pytest
from fts_options import fts_option

from briefing_app.core.model import Item, Person, Source
from briefing_app.core.query import parse
from briefing_app.store import FactBase, bulk, search, search_index
from briefing_app.store.errors import FactBaseError


@pytest.fixture
def low_threshold(monkeypatch):
    monkeypatch.setattr(bulk, "BULK_MIN_ITEMS", 5)


def people_and_sources(fb):
    fb.save_people([Person("p-petro", "Gustavo Petro"), Person("p-rubio", "Marco Rubio"),
                    Person("p-ana", "Ana Díaz")])
    fb.save_sources([Source("s-efe", "EFE"), Source("s-reuters", "Reuters")])


def items(start, count):
    """Items with every kind of label: a speaker who is also among the people, several
    people in order, tags in order, a source or none."""
    return [
        Item(f"item-{n:03d}", "quote" if n % 3 == 0 else "fact", f"Coffee talks number {n}",
             title=f"Title {n}", date=f"2025-{n % 12 + 1:02d}",
             tags=[f"tag {n % 4}", "Coffee", "Ñandú"][: 1 + n % 3],
             people=["p-ana", "p-petro", "p-rubio"][n % 3:],
             speaker="p-petro" if n % 3 == 0 else None,
             source=["s-efe", "s-reuters", None][n % 3])
        for n in range(start, start + count)
    ]


def write_in_batches(fb, batches, *, many):
    with (fb.writing_many() if many else fb.transaction()):
        for batch in batches:
            fb.save_items(batch)


def indexes(fb):
    """The indexes and triggers of the file (a bulk write sets some aside for a while)."""
    return sorted(tuple(r) for r in fb.connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND sql IS NOT NULL"))


def derived_tables(fb):
    conn = fb.connection
    labels = conn.execute(
        "SELECT i.id, l.people, l.tags, l.source FROM item_labels l "
        "JOIN items i ON i.num = l.item_num ORDER BY i.id")
    words = conn.execute(
        f"SELECT i.id, s.* FROM {search_index.FTS_TABLE} s JOIN items i ON i.num = s.rowid "
        "ORDER BY i.id")
    return [tuple(r) for r in labels], [tuple(r) for r in words]


def searches(fb):
    return {query: sorted(fb.search_ids(query, limit=None))
            for query in ("coffee", "petro", "tag:ñandú", "person:rubio", "kind:quote efe",
                          "talks 17", "díaz")}


@pytest.fixture
def two_fact_bases(tmp_path):
    plain, many = FactBase.open(tmp_path / "plain.sqlite"), FactBase.open(tmp_path / "many.sqlite")
    for fb in (plain, many):
        people_and_sources(fb)
        fb.save_items(items(0, 3))
    yield plain, many
    plain.close()
    many.close()


def test_a_bulk_write_ends_with_the_same_indexes_labels_and_search(low_threshold,
                                                                 two_fact_bases):
    plain, many = two_fact_bases
    batches = [items(3 + 10 * n, 10) for n in range(4)]
    indexes_before = indexes(many)
    statements = []
    many.connection.set_trace_callback(statements.append)
    write_in_batches(plain, batches, many=False)
    write_in_batches(many, batches, many=True)
    many.connection.set_trace_callback(None)

    assert any(s.startswith("DROP INDEX") for s in statements)  # the bulk path was taken
    assert any(s.startswith('DROP TRIGGER "items_search') for s in statements)
    assert indexes(many) == indexes_before
    assert derived_tables(many) == derived_tables(plain)
    assert searches(many) == searches(plain)
    assert searches(many)["tag:ñandú"]  # the queries find something
    assert many.check_integrity().ok


def test_the_labels_written_at_once_read_as_the_per_item_triggers_write_them(low_threshold,
                                                                             tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        write_in_batches(fb, [items(0, 40)], many=True)
        conn = fb.connection
        per_item = conn.execute(
            f"""SELECT target.num, {search_index.people_label("target.num")},
            {search_index.tags_label("target.num")}, {search_index.source_label("target.num")}
            FROM items AS target ORDER BY target.num""").fetchall()
        stored = conn.execute("SELECT * FROM item_labels ORDER BY item_num").fetchall()
    assert [tuple(r) for r in stored] == [tuple(r) for r in per_item]
    assert ("Gustavo Petro, Ana Díaz, Marco Rubio") in {r[1] for r in per_item}


def test_a_replica_keeps_its_journal_triggers_and_records_every_item_of_a_bulk_write(
        low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        fb.connection.execute("INSERT INTO sync_recording(active) VALUES (1)")  # a replica
        statements = []
        fb.connection.set_trace_callback(statements.append)
        write_in_batches(fb, [items(0, 20), items(20, 20)], many=True)
        fb.connection.set_trace_callback(None)
        pending = {r[0] for r in fb.connection.execute(
            "SELECT object_id FROM sync_pending WHERE kind = 'item'")}
    assert any(s.startswith('DROP TRIGGER "items_search') for s in statements)
    assert not any(s.startswith('DROP TRIGGER "sync_') for s in statements)
    assert pending == {f"item-{n:03d}" for n in range(40)}


def test_a_bulk_write_that_fails_leaves_the_file_as_it_was(low_threshold, two_fact_bases):
    _plain, fb = two_fact_bases
    before = indexes(fb), derived_tables(fb), searches(fb)
    with pytest.raises(RuntimeError), fb.writing_many():
        fb.save_items(items(3, 20))
        fb.save_items(items(23, 20))
        raise RuntimeError("the import was cancelled")
    assert (indexes(fb), derived_tables(fb), searches(fb)) == before
    assert fb.item_count() == 3


def test_a_missing_reference_past_the_threshold_is_named_and_leaves_the_file_as_it_was(
        low_threshold, two_fact_bases):
    _plain, fb = two_fact_bases
    before = indexes(fb), derived_tables(fb), searches(fb)
    refused = items(43, 5)
    refused[-1].people = ["p-ana", "p-ghost"]
    with pytest.raises(FactBaseError, match="There is no person with the id 'p-ghost'"), \
            fb.writing_many():
        fb.save_items(items(3, 40))  # the indexes are set aside by now
        fb.save_items(refused)
    assert (indexes(fb), derived_tables(fb), searches(fb)) == before
    assert fb.item_count() == 3


def test_a_few_items_into_a_larger_fact_base_keep_the_indexes(low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        fb.save_items(items(0, 50))
        statements = []
        fb.connection.set_trace_callback(statements.append)
        write_in_batches(fb, [items(50, 10), items(60, 10)], many=True)
        fb.connection.set_trace_callback(None)
        assert not any(("DROP INDEX" in s or "CREATE INDEX" in s) for s in statements)
        assert fb.item_count() == 70 and fb.count("coffee") == 70


def test_an_update_of_existing_items_in_bulk_replaces_their_words_and_links(low_threshold,
                                                                            two_fact_bases):
    plain, many = two_fact_bases
    first = items(3, 30)
    changed = [Item(i.id, "fact", f"Renamed {i.id}", tags=["fresh"], people=["p-rubio"])
               for i in first]
    for fb, bulk_write in ((plain, False), (many, True)):
        fb.save_items(first)
        write_in_batches(fb, [changed[:15], changed[15:]], many=bulk_write)
    assert derived_tables(many) == derived_tables(plain)
    assert many.count("renamed tag:fresh person:rubio") == 30
    assert many.count("coffee talks number 5") == 0


def test_another_thread_writing_meanwhile_waits_and_keeps_its_own_indexing(low_threshold,
                                                                           two_fact_bases):
    _plain, fb = two_fact_bases
    before = indexes(fb)
    deferring, other_done = threading.Event(), threading.Event()

    def other_thread():
        deferring.wait()
        fb.save_items([Item("late", "fact", "Saved by another thread meanwhile")])
        other_done.set()

    thread = threading.Thread(target=other_thread)
    thread.start()
    with fb.writing_many():
        fb.save_items(items(3, 30))
        deferring.set()
        assert not other_done.wait(0.2)  # it waits for the writer
    thread.join()
    assert indexes(fb) == before
    assert fb.search_ids("meanwhile") == ["late"] and fb.count("coffee") == 33


def test_after_a_bulk_write_the_planner_reads_the_sort_index(low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        fb.save_items(items(0, 3))
        fb.connection.execute("ANALYZE")  # statistics of a nearly empty fact base
        write_in_batches(fb, [items(3, 400), items(403, 400)], many=True)
        sql, params = search.rows_sql(parse(""), "people", False, 200, 0, True, None)[:2]
        plan = " | ".join(r[3] for r in fb.connection.execute(f"EXPLAIN QUERY PLAN {sql}",
                                                                params))
    assert "item_labels_by_people" in plan


def kind_statistics(fb):
    """What the planner believes of ``items_by_kind``: rows, and rows per kind."""
    stat = fb.connection.execute(
        "SELECT stat FROM sqlite_stat1 WHERE idx = 'items_by_kind'").fetchone()[0]
    return [int(n) for n in stat.split()[:2]]


def test_the_statistics_after_a_bulk_write_count_every_row_and_survive_closing(tmp_path):
    path = tmp_path / "f.sqlite"
    with FactBase.open(path) as fb:
        people_and_sources(fb)
        write_in_batches(fb, [items(0, 1500), items(1500, 1500)], many=True)
        # 2,000 facts then 1,000 quotes in the index: a sample of its first rows saw
        # one kind only and told the planner 1,001 items a kind
        assert kind_statistics(fb) == [3000, 1500]
    with FactBase.open(path) as fb:  # closing ran PRAGMA optimize (it sampled 400 rows)
        assert kind_statistics(fb) == [3000, 1500]


def test_closing_a_fact_base_grown_by_ordinary_saves_counts_every_row(tmp_path):
    path = tmp_path / "f.sqlite"
    with FactBase.open(path) as fb:
        people_and_sources(fb)
        fb.save_items(items(0, 30))
    with FactBase.open(path) as fb:  # grown a hundredfold, a thousand items at a time
        for start in range(30, 3030, 1000):
            fb.save_items(items(start, 1000))
    with FactBase.open(path) as fb:
        assert kind_statistics(fb) == [3030, 1515]  # a sample had said [2639, 401]


def fts_hashsize(fb):
    return fts_option(fb, "hashsize")


def forty_items_written_in_bulk(fb):
    """The SQL of a bulk write of 40 items (past the lowered threshold), as run."""
    people_and_sources(fb)
    statements = []
    fb.connection.set_trace_callback(statements.append)
    write_in_batches(fb, [items(0, 40)], many=True)
    fb.connection.set_trace_callback(None)
    return statements


def test_the_bulk_fill_holds_more_words_merges_wider_and_gives_fts5_its_defaults_back(
        low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        statements = forty_items_written_in_bulk(fb)
        assert any("'hashsize'" in s for s in statements)
        merges = [s for s in statements if "automerge" in s or "crisismerge" in s]
        assert len(merges) == 4  # set for the fill, then set back
        assert fts_hashsize(fb) == search_index.PENDING_BYTES
        assert fts_option(fb, "automerge") == search_index.MERGE_SEGMENTS == 4
        assert fts_option(fb, "crisismerge") == search_index.CRISIS_SEGMENTS == 16
        assert fb.count("coffee") == 40


def test_a_bulk_fill_left_in_many_segments_ends_merged_into_one(low_threshold, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(search_index, "BULK_PENDING_BYTES", 512)  # a segment a few items
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        write_in_batches(fb, [items(0, 10), items(10, 190)], many=True)  # the second
        assert search_index.segment_count(fb.connection) == 1  # indexed at the end
        assert fb.count("ñandú") == len(range(2, 200, 3))  # the items tagged Ñandú
        fb.connection.execute(  # FTS5 raises if the index and its rows disagree
            "INSERT INTO items_search(items_search) VALUES ('integrity-check')")


def test_a_bulk_fill_in_few_segments_is_left_as_it_is(low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        statements = []
        fb.connection.set_trace_callback(statements.append)
        # the first batch is indexed as it is written, the second at the end
        write_in_batches(fb, [items(0, 10), items(10, 30)], many=True)
        fb.connection.set_trace_callback(None)
        assert search_index.segment_count(fb.connection) == 2
    assert not [s for s in statements if "'optimize'" in s]


def test_a_bulk_fill_that_fails_leaves_fts5_as_it_was(low_threshold, two_fact_bases,
                                                      monkeypatch):
    _plain, fb = two_fact_bases

    def failing_fill(conn):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_index, "_fill_chosen", failing_fill)
    with pytest.raises(RuntimeError), fb.writing_many():
        fb.save_items(items(3, 20))
    monkeypatch.undo()
    assert fts_hashsize(fb) is None
    fb.save_items(items(3, 20))
    assert fb.count("coffee") == 23


def test_statistics_taken_when_the_fact_base_was_small_never_make_a_batch_read_it_all(
        tmp_path):
    # A new fact base with a few items is analysed when it closes; those statistics once
    # made each batch's labels read every link of every item (a join: 54 s instead of 6).
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        people_and_sources(fb)
        fb.save_items(items(0, 5))
        conn = fb.connection
        conn.execute("ANALYZE")
        fb.save_items(items(5, 3))  # a batch after the analysis: its labels are written
        assert fb.search_ids("tag:ñandú")
        plans = [row[3] for sql in (search_index._LABELS_OF_CHOSEN,
                                    search_index._FTS_ROWS_OF_CHOSEN)
                 for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    whole_tables = [p for p in plans if p.startswith("SCAN ")
                    and p.split()[1] not in ("n", "c", "(subquery-3)", "(subquery-5)")]
    assert whole_tables == []
    assert "SEARCH ip USING PRIMARY KEY (item_id=?)" in plans


def test_the_indexes_are_sorted_with_helper_threads_then_the_connection_has_none_again(
        low_threshold, tmp_path):
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        statements = forty_items_written_in_bulk(fb)
        threads_set = statements.index(f"PRAGMA threads = {bulk.SORTING_THREADS}")
        created = [n for n, s in enumerate(statements) if s.startswith("CREATE INDEX")]
        threads_back = statements.index("PRAGMA threads = 0")
        assert created and threads_set < min(created) and max(created) < threads_back
        assert fb.connection.execute("PRAGMA threads").fetchone()[0] == 0
        assert fb.count("coffee") == 40
