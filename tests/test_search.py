"""Search: the query language, ordering and paging, index sync, hostile input."""

from __future__ import annotations

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.model import Item, Person, Source
from briefing_app.core.query import TextTerm
from briefing_app.store import FactBase, ItemRow, parse
from briefing_app.store.search import fts_term, match_expression


def _build(fb: FactBase) -> dict[str, str]:
    """A small fact base; returns letter -> item id."""
    petro = fb.save_person(Person("petro", "Gustavo Petro"))
    trump = fb.save_person(Person("trump", "Donald Trump"))
    efe = fb.save_source(Source("efe", "EFE"))
    semana = fb.save_source(Source("semana", "Semana"))
    reuters = fb.save_source(Source("reuters", "Reuters"))
    items = {
        "A": Item("A", "fact", "Colombia rejects US sanctions on coffee exports",
                  date="2025-09-14", tags=["sanctions", "coffee"], source=efe.id,
                  status="verified", people=[petro.id], title="Coffee row"),
        "B": Item("B", "quote", "No vamos a aceptar sanciones", speaker=petro.id,
                  language="es", translation="We will not accept sanctions",
                  date="2026-01-05", source=semana.id, tags=["sanctions"], marking="CUI"),
        "C": Item("C", "event", "Meeting at the White House", date="2026-02-03T11:00",
                  location="Washington", people=[petro.id, trump.id], tags=["summit"],
                  status="verified"),
        "D": Item("D", "fact", "Drug policy dispute in Bogotá", date="2025-09",
                  tags=["drug policy"], status="disputed", source=reuters.id),
        "E": Item("E", "fact", "Undated note about tariffs", notes="check with the desk"),
        "F": Item("F", "quote", "Los aranceles son una agresión", speaker=petro.id,
                  date="2026-02", context="Speech in Cúcuta", tags=["human rights"]),
    }
    fb.save_items(items.values())
    return {k: k for k in items}


@pytest.fixture
def facts(fb):
    _build(fb)
    return fb


def found(fb: FactBase, query: str) -> set[str]:
    ids = set(fb.search_ids(query, limit=None))
    assert fb.count(query) == len(ids), query
    rows = fb.search_rows(query, limit=1000)
    assert {r.id for r in rows} == ids, query
    return ids


ALL = set("ABCDEF")


# ---------------------------------------------------------------- words and phrases


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("   ", ALL),
        ("bogota", {"D"}),  # accents are ignored
        ("BOGOTÁ", {"D"}),
        ("cucuta", {"F"}),  # context is searched
        ("sanc", {"A", "B"}),  # prefix; B through its translation
        ("accept", {"B"}),  # translation
        ("desk", {"E"}),  # notes
        ("washington", {"C"}),  # event location
        ("coffee row", {"A"}),  # title, every word must match
        ("colombia coffee", {"A"}),
        ("colombia tariffs", set()),
        ('"white house"', {"C"}),
        ('"house white"', set()),
        ('"white hou', {"C"}),  # an unclosed phrase is still being typed
        ('"white hou"', set()),  # a closed one is exact
        ("sanctions -coffee", {"B"}),
        ("-sanctions", {"C", "D", "E", "F"}),
        ('-"white house"', ALL - {"C"}),
        ("zzz", set()),
    ],
)
def test_words_phrases_and_exclusions(facts, query, expected):
    assert found(facts, query) == expected


def test_one_letter_word_is_not_a_prefix(facts):
    assert found(facts, "s") == set()
    facts.save_item(Item("G", "fact", "Plan B was discussed"))
    assert found(facts, "b") == {"G"}


# ---------------------------------------------------------------- field operators


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind:quote", {"B", "F"}),
        ("kind:q", {"B", "F"}),
        ("Kind:Quotes", {"B", "F"}),
        ("kind:event kind:fact", {"A", "C", "D", "E"}),
        ("-kind:fact", {"B", "C", "F"}),
        ("status:verified", {"A", "C"}),
        ("status:v", {"A", "C"}),
        ("status:d", {"D"}),
        ("-status:verified", {"B", "D", "E", "F"}),
        ("tag:sanctions", {"A", "B"}),
        ("tag:SANCTIONS", {"A", "B"}),
        ("tag:sanc", set()),  # a tag is matched by its whole name
        ('tag:"human rights"', {"F"}),
        ('tag:"drug policy" tag:sanctions', set()),  # several tags: all of them
        ("tag:sanctions tag:coffee", {"A"}),
        ("-tag:sanctions", {"C", "D", "E", "F"}),
        ("person:petro", {"A", "B", "C", "F"}),  # speaker or people
        ("person:gus", {"A", "B", "C", "F"}),
        ("person:trump", {"C"}),
        ('person:"donald trump"', {"C"}),
        ("-person:petro", {"D", "E"}),
        ("source:efe", {"A"}),
        ("source:reuters", {"D"}),
        ("-source:efe", ALL - {"A"}),
        ("after:2025-09", {"A", "B", "C", "D", "F"}),  # date >= 2025-09; undated never
        ("after:2025-09-15", {"B", "C", "F"}),
        ("after:2026", {"B", "C", "F"}),
        ("before:2026-02", {"A", "B", "D"}),  # date < 2026-02: not 2026-02 nor 2026-02-03
        ("before:2025-09-14", {"D"}),  # the month sorts before its days
        ("after:2026 before:2026-02", {"B"}),
        ("-after:2026", {"A", "D"}),  # = before:2026
        ("-before:2026", {"B", "C", "F"}),  # = after:2026
        ("after:2025-09 after:2026", {"B", "C", "F"}),  # the later bound wins
        ("kind:quote person:petro after:2026 -tag:sanctions", {"F"}),
        ("sanc kind:fact status:verified source:efe", {"A"}),
    ],
)
def test_field_operators(facts, query, expected):
    assert found(facts, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag:peru", {"P", "Q"}),  # the tag "Perú", and "peru", a second spelling
        ("tag:PERÚ", {"P", "Q"}),
        ("peru", {"P", "Q"}),  # a word folds the same way
        ("tag:peru tag:cafe", {"Q"}),  # every tag, each in any spelling
        ("-tag:peru", ALL),
        ("tag:perus", set()),
        ("person:martin", {"P"}),  # the speaker "Martín Núñez"
        ("person:NUNEZ", {"P"}),
    ],
)
def test_every_field_filter_folds_accents_and_case(facts, query, expected):
    martin = facts.save_person(Person("martin", "Martín Núñez"))
    facts.save_items([
        Item("P", "quote", "Lima responde", speaker=martin.id, tags=["Perú"]),
        Item("Q", "fact", "Exportaciones", tags=["peru", "Café"]),
    ])
    assert found(facts, query) == expected


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("kind:bogus", "kind:bogus is not one of"),
        ("status:maybe", "status:maybe is not one of"),
        ("after:notadate", "after:notadate is not a date"),
        ("before:2025-13", "before:2025-13 is not a date"),
        ("tag:", "tag: needs a value"),
        ("person:!!!", "has no words"),
    ],
)
def test_unusable_operators_are_ignored_and_reported(facts, query, note):
    parsed = parse(query)
    assert any(note in message for message in parsed.ignored)
    assert found(facts, query) == ALL


def test_a_pasted_wall_of_terms_is_cut_and_reported():
    parsed = parse(" ".join(f"tag:t{n}" for n in range(500)) + " colombia " * 100)
    assert len(parsed.tags) == 64
    assert parsed.ignored == ("only the first 64 terms are used",)
    assert parse("colombia " * 500).terms == (TextTerm("colombia"),)


@pytest.mark.parametrize(("query", "filters"), [
    ("colombia -trump", False), ("", False), ("kind:quote", True), ("visa tag:ofac", True),
    ("-status:disputed", True), ("petro after:2025", True), ("-kind:event -colombia", True),
])
def test_a_query_has_filters_when_it_keeps_more_than_words_out(query, filters):
    assert parse(query).has_filters is filters


def test_unknown_field_is_plain_text(facts):
    facts.save_item(Item("G", "fact", "Call at 10:30 about http://efe.com"))
    assert found(facts, "10:30") == {"G"}
    assert found(facts, "http://efe.com") == {"G"}
    assert found(facts, "foo:bar") == set()


# ---------------------------------------------------------------- hostile input


JUNK = [
    '"', '""', '"unbalanced', 'a"b', "*", "**", "sanc*", "NEAR(", "NEAR(a b)", "AND", "OR",
    "NOT", "a AND b", "a OR b", "NOT a", "(", ")", "()", "-", "--", "- -", ":", "::",
    "tag:", "kind:", "person:", "source:", "after:", "-tag:", "kind:bogus", "after:notadate",
    "'; DROP TABLE items; --", "1; DELETE FROM items", "' OR 1=1 --", "\\", "%", "_",
    "^sanc", "{title}: x", "title:sanctions", "sanctions:", "🙂", "🇨🇴 colombia", "\x00",
    "\x07\x1b[31m", "a\tb\nc", "\u200b", "\ufeff", "ñ", "ß", "İ", "x" * 5000,
    '"' * 101, "-" * 50, "colombia " * 200,
    " ".join(f"w{n}" for n in range(3000)), " ".join(f"tag:t{n}" for n in range(1200)),
    " ".join(f"-tag:t{n} -w{n}" for n in range(1200)),
]


@pytest.mark.parametrize("query", JUNK)
def test_no_typed_input_raises(facts, query):
    facts.search(query)
    facts.search(query, order="date")
    facts.count(query)
    for sort in ("date", "people", "relevance"):
        facts.search_rows(query, sort=sort)
    assert facts.item_count() == 6  # and nothing was executed


def test_sql_fragments_are_just_words(facts):
    facts.save_item(Item("G", "fact", "Officials said DROP TABLE would be funny"))
    assert found(facts, "'; DROP TABLE items; --") == set()  # "items" is not in G
    assert found(facts, "DROP TABLE") == {"G"}


def test_fts_syntax_words_are_searched_literally(facts):
    facts.save_item(Item("G", "fact", "Trade and migration or not"))
    assert found(facts, "AND") == {"G"}
    assert found(facts, "NOT OR") == {"G"}
    assert found(facts, "NEAR(") == set()
    assert found(facts, "(trade)") == {"G"}


def test_every_fts_term_is_a_quoted_string():
    term = TextTerm('he said "no" NEAR(x)*', exact=False, column="people", negated=True)
    assert fts_term(term) == 'people : "he said ""no"" NEAR(x)*"*'
    expression = match_expression(
        (TextTerm("a"), TextTerm("b c", exact=True)), (TextTerm("d"),)
    )
    assert expression == '("a"* AND "b c") NOT ("d"*)'


ALPHABET = st.sampled_from(
    list('"\'*:-()^{}[]+~\\/;,.!?@#$%&|<>=_ `') + list("abcñéAND ORNOT") + ["tag:", "kind:",
    "person:", "after:", "before:", "source:", "status:", "NEAR", "🙂", "\x00", "\n", "é"]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(st.text(), st.lists(ALPHABET, max_size=30).map("".join)))
def test_random_strings_never_raise(facts, text):
    ids = facts.search_ids(text, limit=None)
    assert facts.count(text) == len(ids)
    facts.search(text, order="date-desc", limit=5)
    rows = facts.search_rows(text, sort="tags", descending=True, limit=3)
    assert len(rows) <= 3


# ---------------------------------------------------------------- order and pages


def test_relevance_puts_title_matches_first(fb):
    fb.save_items([
        Item("body", "fact", "Long text that mentions cocaine once among many other words"),
        Item("title", "fact", "Something else", title="Cocaine seizures"),
    ])
    assert fb.search_ids("cocaine") == ["title", "body"]


def test_without_words_relevance_means_newest_first(facts):
    assert facts.search_ids("kind:quote") == ["F", "B"]
    assert [r.id for r in facts.search_rows("", sort="relevance")][:2] == ["C", "F"]


def test_date_orders(facts):
    assert facts.search_ids("", order="date") == ["E", "D", "A", "B", "F", "C"]
    assert facts.search_ids("", order="date-desc") == ["C", "F", "B", "A", "D", "E"]
    assert [i.id for i in facts.search("sanctions", order="date")] == ["A", "B"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["E", "D", "A", "B", "F", "C"]),
        ("kind", ["C", "E", "D", "A", "B", "F"]),  # event, fact, quote; then by date
        ("status", ["D", "E", "B", "F", "A", "C"]),  # disputed, unverified, verified
        ("title", ["B", "C", "D", "E", "F", "A"]),  # untitled first, then "Coffee row"
        ("people", ["D", "E", "A", "B", "F", "C"]),  # "", "Gustavo Petro", "..., Donald Trump"
        ("source", ["C", "E", "F", "A", "D", "B"]),
        ("tags", ["E", "D", "F", "B", "A", "C"]),  # drug.., human.., sanctions, sanctions, c..
        ("marking", ["E", "D", "A", "F", "C", "B"]),
        ("text", ["A", "D", "F", "C", "B", "E"]),
    ],
)
def test_search_rows_sorts_by_every_column(facts, sort, expected):
    assert [r.id for r in facts.search_rows("", sort=sort)] == expected
    assert [r.id for r in facts.search_rows("", sort=sort, descending=True)] == expected[::-1]


def test_rows_pages_cover_everything_once(facts):
    for sort in ("date", "title", "people", "tags", "relevance"):
        pages = [facts.search_rows("", sort=sort, limit=4, offset=o) for o in (0, 4, 8)]
        ids = [r.id for page in pages for r in page]
        assert sorted(ids) == sorted(ALL), sort


def test_search_pages(facts):
    first = facts.search_ids("", order="date", limit=2)
    second = facts.search_ids("", order="date", limit=2, offset=2)
    assert first + second == ["E", "D", "A", "B"]


def test_item_row_holds_display_values(facts):
    (row,) = facts.search_rows("kind:quote after:2026-01 before:2026-02")
    assert row == ItemRow(
        id="B", kind="quote", date="2026-01-05", title="", text="No vamos a aceptar sanciones",
        people="Gustavo Petro", source="Semana", tags="sanctions", status="unverified",
        marking="CUI",
    )
    (event,) = facts.search_rows("kind:event")
    assert event.people == "Gustavo Petro, Donald Trump"


def test_row_text_is_a_short_snippet(fb):
    fb.save_item(Item("long", "fact", "word " * 1000))
    assert len(fb.search_rows("")[0].text) <= 240


def test_bad_sort_or_order_is_a_programming_error(facts):
    with pytest.raises(ValueError, match="'colour' is not a column"):
        facts.search_rows("", sort="colour")
    with pytest.raises(ValueError, match="'random' is not a search order"):
        facts.search("", order="random")


# ---------------------------------------------------------------- index sync paths


def _index_state(fb: FactBase):
    conn = fb.connection
    fts = conn.execute("SELECT rowid, * FROM items_search ORDER BY rowid").fetchall()
    labels = conn.execute("SELECT * FROM item_labels ORDER BY item_num").fetchall()
    return [tuple(r) for r in fts], [tuple(r) for r in labels]


def assert_index_in_sync(fb: FactBase) -> None:
    before = _index_state(fb)
    fb.rebuild_search_index()
    assert _index_state(fb) == before


def test_bulk_save_builds_the_same_index_as_a_rebuild(facts):
    assert_index_in_sync(facts)


@pytest.fixture
def external(disk_fb, db_path):
    """The fact base file opened by another program (sqlite-utils), as a user might."""
    _build(disk_fb)
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    yield db
    db.close()


def test_sync_item_inserted_elsewhere(disk_fb, external):
    external["items"].insert({"id": "X", "kind": "fact", "text": "Inserted by hand in Pasto"})
    assert found(disk_fb, "pasto") == {"X"}
    assert_index_in_sync(disk_fb)


def test_sync_item_text_changed(disk_fb, external):
    external.execute("UPDATE items SET text = 'Coca eradication in Nariño' WHERE id = 'D'")
    external.conn.commit()
    assert found(disk_fb, "narino") == {"D"}
    assert found(disk_fb, "bogota") == set()
    external.execute("UPDATE items SET title = 'Kinetic' WHERE id = 'E'")
    external.conn.commit()
    assert found(disk_fb, "kinetic") == {"E"}
    assert_index_in_sync(disk_fb)


def test_sync_item_speaker_and_source_changed(disk_fb, external):
    external.execute("UPDATE items SET speaker_id = 'trump', source_id = 'efe' WHERE id = 'F'")
    external.conn.commit()
    assert found(disk_fb, "person:trump") == {"C", "F"}
    assert found(disk_fb, "source:efe") == {"A", "F"}
    assert_index_in_sync(disk_fb)


def test_sync_item_deleted(disk_fb, external):
    external.execute("DELETE FROM items WHERE id = 'C'")
    external.conn.commit()
    assert found(disk_fb, "washington") == set()
    assert disk_fb.connection.execute(
        "SELECT count(*) FROM item_labels").fetchone()[0] == 5
    assert_index_in_sync(disk_fb)


def test_sync_item_tags_inserted_deleted_updated(disk_fb, external):
    tag_id = external["tags"].insert({"name": "cumbre"}).last_pk
    external["item_tags"].insert({"item_id": "E", "tag_id": tag_id, "position": 0})
    assert found(disk_fb, "cumbre") == {"E"}
    assert disk_fb.search_rows("cumbre")[0].tags == "cumbre"
    external.execute("UPDATE item_tags SET item_id = 'D' WHERE item_id = 'E'")
    external.conn.commit()
    assert found(disk_fb, "cumbre") == {"D"}
    external.execute("DELETE FROM item_tags WHERE tag_id = ?", [tag_id])
    external.conn.commit()
    assert found(disk_fb, "cumbre") == set()
    assert_index_in_sync(disk_fb)


def test_sync_item_people_inserted_and_deleted(disk_fb, external):
    external["item_people"].insert({"item_id": "D", "person_id": "trump", "position": 0})
    assert found(disk_fb, "person:trump") == {"C", "D"}
    external.execute("DELETE FROM item_people WHERE item_id = 'C' AND person_id = 'trump'")
    external.conn.commit()
    assert found(disk_fb, "person:trump") == {"D"}
    assert_index_in_sync(disk_fb)


def test_sync_person_renamed(facts):
    facts.save_person(Person("petro", "Gustavo Francisco Petro Urrego"))
    assert found(facts, "urrego") == {"A", "B", "C", "F"}
    assert facts.search_rows("kind:event")[0].people.startswith("Gustavo Francisco")
    assert_index_in_sync(facts)


def test_sync_source_renamed(facts):
    facts.save_source(Source("efe", "Agencia EFE"))
    assert found(facts, "source:agencia") == {"A"}
    assert facts.search_rows("source:agencia")[0].source == "Agencia EFE"
    assert_index_in_sync(facts)


def test_sync_tag_renamed_merged_and_deleted(facts):
    facts.rename_tag("sanctions", "sanciones")
    assert found(facts, "tag:sanciones") == {"A", "B"}
    assert found(facts, "sanciones") == {"A", "B"}
    facts.merge_tags("sanciones", "coffee")
    assert facts.search_rows("tag:sanciones", sort="date")[0].tags == "sanciones"
    facts.delete_tag("summit")
    assert found(facts, "summit") == set()
    assert_index_in_sync(facts)


def test_sync_after_replace_by_another_tool(disk_fb, external):
    external["items"].insert(
        {"id": "A", "kind": "fact", "text": "Replaced wholesale"}, pk="id", replace=True
    )
    assert found(disk_fb, "wholesale") == {"A"}
    assert found(disk_fb, "coffee") == set()
    assert_index_in_sync(disk_fb)


def test_index_stays_in_sync_through_a_mixed_session(facts):
    facts.save_item(Item("G", "fact", "Nuevo hecho", tags=["coffee", "nuevo"], people=["trump"]))
    facts.merge_people("petro", facts.save_person(Person("", "Petro bis")).id)
    facts.delete_items(["B"])
    item = facts.get_item("A")
    item.tags = ["nuevo"]
    item.speaker = "trump"
    facts.save_item(item)
    assert_index_in_sync(facts)


@pytest.mark.parametrize(
    "query", ["kind:quote", "after:2025-09 before:2026-02", "-tag:sanctions", "status:v -x"]
)
@pytest.mark.parametrize("sort", ["title", "people", "tags", "kind", "text"])
def test_walking_the_sort_index_finds_the_same_page(facts, query, sort):
    from briefing_app.store import search

    parsed = parse(query)
    results = []
    for filter_by_index in (True, False):
        sql, params = search.rows_sql(parsed, sort, False, 2, 1, filter_by_index)
        results.append(facts.connection.execute(sql, params).fetchall())
    assert [tuple(r) for r in results[0]] == [tuple(r) for r in results[1]]
    walking_sql = search.rows_sql(parsed, sort, filter_by_index=False)[0]
    assert "+items." in walking_sql or "NOT EXISTS (SELECT 1 FROM item_tags" in walking_sql


@pytest.mark.parametrize("sort", ["date", "title", "text", "kind", "status", "people", "tags"])
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_after_a_row_enters_the_sort_index_at_that_row(facts, sort, descending):
    """Keyset paging seeks into the index instead of reading it from its start on every
    page (the title index was read from its start: page 26 cost 155 ms at 1M items)."""
    from briefing_app.store import search

    sql, params = search.rows_sql(parse(""), sort, descending, 2, 0, after="A")
    plan = [r[3] for r in facts.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
    loops = [step for step in plan if step.startswith(("SCAN", "SEARCH"))]
    assert loops[0].startswith("SEARCH") and ("<" in loops[0] or ">" in loops[0]), plan


@pytest.mark.parametrize("sort", ["date", "title", "text", "kind", "status", "people", "tags"])
def test_the_page_after_a_row_starts_at_that_row_inside_its_group(facts, sort):
    """The rows that share the row's first key (a quarter of a million items without
    people, at a million) are entered at the row itself: for ``people``, the index at
    ``people = ? AND rowid > ?``, not at the group's start, stepping over the rows before
    it (page 1,000 of all items by people cost 15.8 ms that way, where page 1 took 1.6)."""
    from briefing_app.store import search

    sql, params = search.rows_sql(parse(""), sort, False, 2, 0, after="A", after_part=0)
    plan = [r[3] for r in facts.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
    entered = next(step for step in plan if step.startswith(("SCAN", "SEARCH")))
    keys = len(search.ROW_SORTS[sort])
    assert entered.startswith("SEARCH") and entered.count("=?") == keys - 1, plan
    assert entered.endswith(">?)"), plan


@pytest.mark.parametrize(
    "query", ["kind:quote person:petro after:2025", "sanctions tag:coffee", "white -x status:v"]
)
def test_the_full_text_index_is_always_the_outer_loop(facts, query):
    """Else SQLite may run the full-text query once per item (seconds at 100,000 items)."""
    from briefing_app.store import search

    facts.connection.execute("ANALYZE")  # statistics must not change the plan's shape
    parsed = parse(query)
    for sql, params in (
        search.count_sql(parsed),
        search.ids_sql(parsed, "date"),
        search.rows_sql(parsed, "people"),
    ):
        plan = [r[3] for r in facts.connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
        loops = [step for step in plan if step.startswith(("SCAN", "SEARCH"))]
        assert "items_search" in loops[0], plan
