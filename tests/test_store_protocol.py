"""The store protocol as examples: every implementation must pass every one.

Each test runs against SQLite in memory, SQLite in a file and the dictionary-backed
``MemoryStore`` (see ``store_implementations.py``). The composer's briefing edits are in
``test_store_protocol_briefings.py``; the last test here checks that the two files
together call every method of :class:`~briefing_app.core.store_protocol.Store`.
"""

from __future__ import annotations

import ast
import threading
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from store_implementations import (
    KINDS,
    open_backup,
    open_store,
    store_of_every_kind,  # noqa: F401 - the store fixture
)

from briefing_app.core.errors import ChangeCancelled, FactBaseError
from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.core.query import parse
from briefing_app.core.records import ItemRow, PersonCount, SavedSearch, SourceCount
from briefing_app.core.store_protocol import Store, iter_methods


@pytest.fixture
def facts(store):
    return seed(store)


def seed(store):
    """Three people, three sources, four items and a briefing citing two of them."""
    store.save_people([Person("p-petro", "Gustavo Petro"), Person("p-rubio", "Marco Rubio"),
                       Person("p-ana", "Ana Díaz")])
    store.save_sources([Source("s-efe", "EFE", title="Petro responde", url="https://efe.com/1"),
                        Source("s-efe-bare", "efe"), Source("s-reuters", "Reuters")])
    store.save_items([
        Item("coffee", "fact", "Colombia rejects US sanctions on coffee exports",
             title="Coffee row", date="2025-09-14", tags=["sanctions", "coffee"],
             people=["p-petro"], source="s-efe", status="verified"),
        Item("quote", "quote", "No vamos a aceptar sanciones", speaker="p-petro",
             translation="We will not accept sanctions", date="2026-01-05", tags=["sanctions"],
             source="s-reuters", marking="CUI"),
        Item("summit", "event", "Meeting at the White House", date="2026-02-03T11:00",
             location="Washington", people=["p-petro", "p-rubio"], tags=["summit"],
             status="verified"),
        Item("drugs", "fact", "Drug policy dispute in Bogotá", date="2025-09",
             tags=["drug policy"], status="disputed"),
    ])
    store.save_briefing(Briefing(
        "b-talks", "Trade talks", meeting=Meeting(participants=["p-rubio"]),
        sections=[Section("Purpose", [Block(text="Why we meet.")]),
                  Section("Background", [Block(item="coffee"), Block(item="quote")])]))
    return store


ALL = {"coffee", "quote", "summit", "drugs"}


def test_every_implementation_is_a_store(store, request):
    assert isinstance(store, Store)
    assert isinstance(store.path, str) and store.path
    assert store.is_file == (request.node.callspec.params["store"] == "sqlite-file")
    assert store.read_only == ""  # a new store takes changes


def test_a_sound_store_passes_its_own_check(store):
    store.save_item(Item(id="", kind="fact", text="Coffee exports rose."))
    report = store.check_integrity()
    assert report.ok and report.findings


def test_a_sound_store_can_be_checked_ahead_of_its_first_change(store):
    """The window checks the file on a worker after opening, so the first change does not
    wait for the check; a store with nothing to check is verified from the start."""
    assert store.verify_before_writing() is True
    assert store.verified
    store.save_item(Item(id="", kind="fact", text="Coffee exports rose."))
    assert store.verified


def test_names_in_use_are_what_a_search_can_find(facts):
    """Completions for tag:, person: and source: offer only names some item uses."""
    assert facts.names_in_use("tag") == ["coffee", "drug policy", "sanctions", "summit"]
    facts.save_item(Item("spare", "fact", "Untagged for now", tags=["spare"]))
    facts.save_item(Item("spare", "fact", "Untagged for now"))  # "spare" stays, unused
    assert "spare" in facts.tag_names() and "spare" not in facts.names_in_use("tag")
    assert facts.tag_names() == [name for name, _count in facts.list_tags()]
    assert facts.names_in_use("person") == ["Gustavo Petro", "Marco Rubio"]  # not Ana
    assert facts.names_in_use("source") == ["EFE", "Reuters"]
    with pytest.raises(ValueError):
        facts.names_in_use("kind")


def test_the_contract_tests_call_every_method_of_the_protocol():
    called = set()
    for path in sorted(Path(__file__).parent.glob("test_store_protocol*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in ("store", "facts", "copy")):
                called.add(node.attr)
    assert set(iter_methods()) - called == set()


# ---------------------------------------------------------------- items


def test_a_new_item_gets_an_id_and_timestamps_and_comes_back_equal(store):
    saved = store.save_item(Item("", "fact", "A fact", date=" 2025-09 ", tags=["t"]))
    assert uuid.UUID(saved.id) and saved.created and saved.updated == saved.created
    assert saved.date == "2025-09"
    assert store.get_item(saved.id) == saved
    assert store.get_item("missing") is None
    assert store.item_count() == 1


def test_get_items_keeps_the_asked_order_and_skips_unknown_ids(facts):
    found = facts.get_items(["summit", "missing", "coffee", "summit"])
    assert [i.id for i in found] == ["summit", "coffee"]


def test_saving_again_keeps_created_unless_told_to_keep_the_given_timestamps(store):
    first = store.save_item(Item("a", "fact", "First"))
    again = store.save_item(replace(first, text="Second", created="2000-01-01T00:00:00+00:00"))
    assert again.created == first.created and store.get_item("a").text == "Second"
    kept = Item("b", "fact", "Imported", created="2020-01-01T00:00:00+00:00",
                updated="2021-01-01T00:00:00+00:00")
    [stored] = store.save_items([kept], touch=False)
    assert store.get_item("b") == stored == kept


def test_tags_are_trimmed_unique_and_keep_their_first_spelling(store):
    item = store.save_item(Item("", "fact", "x", tags=[" Sanctions", "sanctions", "", "Coca"]))
    assert item.tags == ["Sanctions", "Coca"]
    other = store.save_item(Item("", "fact", "y", tags=["SANCTIONS"]))
    assert store.get_item(other.id).tags == ["Sanctions"]
    assert store.list_tags() == [("Coca", 1), ("Sanctions", 2)]


@pytest.mark.parametrize(("item", "error", "message"), [
    (Item("", "rumour", "x"), ValueError, "'rumour' is not an item kind"),
    (Item("", "fact", "x", status="true"), ValueError, "'true' is not a status"),
    (Item("", "fact", "  "), ValueError, "needs a text"),
    (Item("", "fact", "x", date="2025-13"), ValueError, "'2025-13'"),
    (Item("", "fact", "x", people=["ghost"]), FactBaseError, "no person with the id 'ghost'"),
    (Item("", "quote", "x", speaker="nobody"), FactBaseError, "no person with the id"),
    (Item("", "fact", "x", source="nowhere"), FactBaseError, "no source with the id 'nowhere'"),
])
def test_a_bad_item_is_refused_and_nothing_of_its_batch_is_saved(store, item, error, message):
    with pytest.raises(error, match=message):
        store.save_items([Item("good", "fact", "Fine"), item])
    assert store.item_count() == 0


def test_deleting_items_counts_them_and_the_counts_follow(facts):
    assert facts.counts_by_kind() == {"fact": 2, "quote": 1, "event": 1}
    assert facts.counts_by_status() == {"unverified": 1, "verified": 2, "disputed": 1}
    assert facts.delete_items(["coffee", "missing", "coffee"]) == 1
    assert facts.counts_by_kind() == {"fact": 1, "quote": 1, "event": 1}
    assert dict(facts.list_tags())["coffee"] == 0  # the tag stays, unused


def test_briefings_using_items_name_the_citing_briefings(facts):
    [summary] = facts.briefings_using(["quote", "summit"])
    assert (summary.id, summary.title) == ("b-talks", "Trade talks")
    assert facts.briefings_using(["summit"]) == []


def test_a_near_identical_text_is_a_possible_duplicate(facts):
    [hit] = facts.find_similar("Colombia REJECTS U.S. sanctions on coffee exports!")
    assert (hit.id, hit.kind, hit.title) == ("coffee", "fact", "Coffee row")
    assert 0.8 <= hit.ratio < 1.0
    assert facts.find_similar("Colombia rejects US sanctions on coffee exports",
                              exclude_id="coffee") == []
    assert facts.find_similar("Petro spoke about coffee") == []
    assert facts.find_similar("") == []


# ---------------------------------------------------------------- search


def found(store, query: str) -> set[str]:
    """The ids a query finds, checked to agree across search, count and rows."""
    ids = set(store.search_ids(query, limit=None))
    assert store.count(query) == store.count(parse(query)) == len(ids), query
    assert {r.id for r in store.search_rows(query, limit=1000)} == ids, query
    assert {i.id for i in store.search(query, limit=None)} == ids, query
    return ids


@pytest.mark.parametrize(("query", "expected"), [
    ("", ALL),
    ("bogota", {"drugs"}),  # accents and letter case are ignored
    ("BOGOTÁ", {"drugs"}),
    ("sanc", {"coffee", "quote"}),  # a prefix; quote through its translation
    ("s", set()),  # a one-letter word is not a prefix
    ("washington", {"summit"}),
    ("colombia tariffs", set()),  # every word must match
    ('"white house"', {"summit"}),
    ('"house white"', set()),
    ('"white hou', {"summit"}),  # an unclosed phrase is still being typed
    ('"white hou"', set()),
    ("sanctions -coffee", {"quote"}),
    ("-sanctions", {"summit", "drugs"}),
    ("kind:quote", {"quote"}),
    ("-kind:fact", {"quote", "summit"}),
    ("status:v", {"coffee", "summit"}),
    ("tag:SANCTIONS", {"coffee", "quote"}),
    ('tag:"drug policy"', {"drugs"}),
    ("tag:sanctions tag:coffee", {"coffee"}),
    ("-tag:sanctions", {"summit", "drugs"}),
    ("person:petro", {"coffee", "quote", "summit"}),  # speaker or people
    ("person:rubio", {"summit"}),
    ("-person:petro", {"drugs"}),
    ("source:efe", {"coffee"}),
    ("after:2025-09-15", {"quote", "summit"}),
    ("before:2026", {"coffee", "drugs"}),
    ("-after:2026", {"coffee", "drugs"}),
    ("kind:quote person:petro after:2026 -tag:coffee", {"quote"}),
])
def test_the_query_language_finds_the_same_items_everywhere(facts, query, expected):
    assert found(facts, query) == expected


def test_search_orders_and_pages(facts):
    assert facts.search_ids("") == ["summit", "quote", "coffee", "drugs"]  # newest first
    assert facts.search_ids("", order="date") == ["drugs", "coffee", "quote", "summit"]
    assert facts.search_ids("", order="date-desc") == ["summit", "quote", "coffee", "drugs"]
    assert facts.search_ids("", order="date", limit=2, offset=2) == ["quote", "summit"]
    assert [i.id for i in facts.search("sanctions", order="date")] == ["coffee", "quote"]
    with pytest.raises(ValueError, match="'random' is not a search order"):
        facts.search("", order="random")


def test_relevance_puts_a_title_match_first(store):
    store.save_items([
        Item("body", "fact", "Long text that mentions cocaine once among many other words"),
        Item("title", "fact", "Something else", title="Cocaine seizures"),
    ])
    assert store.search_ids("cocaine") == ["title", "body"]


def test_words_found_in_too_many_items_to_rank_come_newest_first(store, monkeypatch):
    for module in ("briefing_app.store.search", "memory_store_search"):
        monkeypatch.setattr(f"{module}.RANKED_MAX", 2)
    store.save_items([
        Item("old-title", "fact", "Other words", title="Sanctions on coffee", date="2024-01"),
        Item("new-body", "fact", "A text that mentions sanctions once", date="2026-01"),
        Item("mid-body", "fact", "Sanctions, sanctions and tariffs", date="2025-01"),
        Item("other", "quote", "Coffee exports", date="2025-06"),
    ])
    # "sanctions" is in three items, more than 2: newest first, whatever the filters
    assert store.search_ids("sanctions") == ["new-body", "mid-body", "old-title"]
    assert store.search_ids("sanctions kind:fact", limit=2) == ["new-body", "mid-body"]
    assert store.search_ids("sanctions", order="date") == ["old-title", "mid-body", "new-body"]
    assert not store.ranks_by_relevance("sanctions")
    # the item table, asked for relevance, shows them newest first too (and pages on)
    by_relevance = store.search_rows("sanctions", sort="relevance", limit=2)
    assert [r.id for r in by_relevance] == ["new-body", "mid-body"]
    after = store.search_rows("sanctions", sort="relevance", limit=2, after="mid-body")
    assert [r.id for r in after] == ["old-title"]
    # "sanctions -tariffs" is in two: ranked as ever, the title match first
    assert store.search_ids("sanctions -tariffs") == ["old-title", "new-body"]
    assert store.ranks_by_relevance("sanctions -tariffs")
    assert not store.ranks_by_relevance("kind:fact")  # no words: newest first
    # how many hold the words is estimated from the newest rows: one of the newest two
    # (mid-body, other) holds "sanctions", so about two of the four: ranked
    for module in ("briefing_app.store.search", "memory_store_search"):
        monkeypatch.setattr(f"{module}.RANKED_SAMPLE", 2)
    assert store.search_ids("sanctions")[0] == "old-title"


@pytest.mark.parametrize(("sort", "expected"), [
    ("date", ["drugs", "coffee", "quote", "summit"]),
    ("title", ["quote", "summit", "drugs", "coffee"]),  # untitled first, by row
    ("people", ["drugs", "coffee", "quote", "summit"]),
    ("tags", ["drugs", "quote", "coffee", "summit"]),
    ("relevance", ["summit", "quote", "coffee", "drugs"]),  # no words: newest first
])
def test_search_rows_sort_by_a_column_either_way(facts, sort, expected):
    assert [r.id for r in facts.search_rows("", sort=sort)] == expected
    if sort != "relevance":
        assert [r.id for r in facts.search_rows("", sort=sort, descending=True)] == expected[::-1]


@pytest.mark.parametrize("sort", ["date", "kind", "title", "text", "people", "source",
                                  "tags", "status", "relevance"])
@pytest.mark.parametrize("query", ["", "kind:fact", "-kind:event"])
def test_the_page_after_a_row_is_the_page_at_its_offset(facts, sort, query):
    """Keyset paging (``after``) gives what counting rows (``offset``) gives."""
    for descending in (False, True):
        everything = [r.id for r in facts.search_rows(query, sort=sort,
                                                      descending=descending)]
        for cut in range(1, len(everything)):
            after = facts.search_rows(query, sort=sort, descending=descending, limit=2,
                                      after=everything[cut - 1])
            assert [r.id for r in after] == everything[cut : cut + 2], (cut, descending)


def test_a_row_holds_the_values_the_table_shows(facts):
    assert facts.search_rows("kind:quote") == [ItemRow(
        id="quote", kind="quote", date="2026-01-05", title="", text="No vamos a aceptar sanciones",
        people="Gustavo Petro", source="Reuters", tags="sanctions", status="unverified",
        marking="CUI")]
    assert facts.search_rows("kind:event")[0].people == "Gustavo Petro, Marco Rubio"
    with pytest.raises(ValueError, match="'colour' is not a column"):
        facts.search_rows("", sort="colour")


def test_maintenance_keeps_every_answer(facts):
    before = [facts.search_rows(q) for q in ("", "sanc", "person:rubio")]
    facts.rebuild_search_index()
    facts.optimize()
    assert [facts.search_rows(q) for q in ("", "sanc", "person:rubio")] == before


# ---------------------------------------------------------------- people and sources


def test_people_are_listed_by_name_and_found_ignoring_case(facts):
    assert [p.name for p in facts.list_people()] == ["Ana Díaz", "Gustavo Petro", "Marco Rubio"]
    assert facts.find_person_by_name("  gustavo PETRO ").id == "p-petro"
    assert facts.find_person_by_name("Nobody") is None
    new = facts.save_person(Person("", "  Luis Gilberto Murillo "))
    assert facts.get_person(new.id) == new and new.name == "Luis Gilberto Murillo"
    with pytest.raises(ValueError, match="needs a name"):
        facts.save_person(Person("", " "))


def test_a_person_something_names_cannot_be_deleted(facts):
    assert facts.person_uses("p-petro") == 3  # speaker once, among people twice
    assert facts.person_uses("p-rubio") == 2  # among people, and a participant
    with pytest.raises(FactBaseError, match="Marco Rubio cannot be deleted"):
        facts.delete_person("p-rubio")
    assert facts.delete_person("p-ana") is True
    assert facts.get_person("p-ana") is None and facts.delete_person("p-ana") is False


def test_people_counts_count_each_item_once(facts):
    assert facts.people_counts() == [PersonCount("p-ana", "Ana Díaz", 0),
                                     PersonCount("p-petro", "Gustavo Petro", 3),
                                     PersonCount("p-rubio", "Marco Rubio", 1)]


def test_merging_people_moves_speaker_people_and_participants(facts):
    facts.save_item(Item("both", "fact", "Both named", people=["p-rubio", "p-ana"]))
    assert facts.merge_people("p-ana", "p-rubio").id == "p-ana"
    assert facts.get_person("p-rubio") is None
    assert facts.get_item("summit").people == ["p-petro", "p-ana"]
    assert facts.get_item("both").people == ["p-ana"]
    assert facts.get_briefing("b-talks").meeting.participants == ["p-ana"]
    facts.merge_people("p-ana", "p-petro")
    assert facts.get_item("quote").speaker == "p-ana"
    with pytest.raises(FactBaseError, match="into itself"):
        facts.merge_people("p-ana", "p-ana")
    with pytest.raises(FactBaseError, match="no person with the id 'ghost'"):
        facts.merge_people("p-ana", "ghost")


def test_sources_are_listed_by_outlet_and_found_by_outlet_or_url(facts):
    assert [s.id for s in facts.list_sources()] == ["s-efe-bare", "s-efe", "s-reuters"]
    assert facts.find_source_by_outlet("EFE").id == "s-efe-bare"  # the bare one first
    assert facts.find_source_by_url(" https://efe.com/1 ").id == "s-efe"
    assert facts.find_source_by_url("") is None
    new = facts.save_source(Source("", " AP ", published="2026-2-3".replace("2-3", "02-03")))
    assert facts.get_source(new.id) == new and new.outlet == "AP"
    with pytest.raises(ValueError, match="needs an outlet"):
        facts.save_source(Source("", ""))


def test_source_uses_and_counts_group_the_articles_of_an_outlet(facts):
    assert facts.source_uses("s-efe") == 1 and facts.source_uses("s-efe-bare") == 0
    assert facts.source_use_counts() == {"s-efe": 1, "s-reuters": 1}
    counts = facts.source_counts()
    assert [(c.outlet.casefold(), c.items, c.sources) for c in counts] == [
        ("efe", 1, 2), ("reuters", 1, 1)]
    assert isinstance(counts[0], SourceCount)


def test_a_cited_source_cannot_be_deleted_but_can_be_merged(facts):
    with pytest.raises(FactBaseError, match="1 item"):
        facts.delete_source("s-efe")
    assert facts.merge_sources("s-efe-bare", "s-efe").id == "s-efe-bare"
    assert facts.get_item("coffee").source == "s-efe-bare" and facts.get_source("s-efe") is None
    facts.delete_items(["quote"])
    assert facts.delete_source("s-reuters") is True and facts.delete_source("s-reuters") is False


# ---------------------------------------------------------------- tags


def test_tags_are_counted_per_selection(facts):
    assert facts.list_tags() == [("coffee", 1), ("drug policy", 1), ("sanctions", 2),
                                 ("summit", 1)]
    assert facts.tags_of(["coffee", "quote", "coffee", "missing"]) == {"sanctions": 2,
                                                                        "coffee": 1}


def test_renaming_a_tag_reaches_every_item_and_refuses_a_clash(facts):
    facts.rename_tag("SANCTIONS", "Sanciones")
    assert facts.get_item("quote").tags == ["Sanciones"]
    assert found(facts, "tag:sanciones") == {"coffee", "quote"}
    facts.rename_tag("Sanciones", "sanciones")  # a change of letter case is fine
    with pytest.raises(FactBaseError, match="already exists"):
        facts.rename_tag("sanciones", "Coffee")
    with pytest.raises(FactBaseError, match="no tag"):
        facts.rename_tag("nothing", "x")


def test_merging_tags_retags_without_duplicates_and_deleting_untags(facts):
    assert facts.merge_tags("sanctions", "coffee") == 0  # its only item had both
    assert facts.get_item("coffee").tags == ["sanctions"]
    assert facts.merge_tags("sanctions", "summit") == 1
    assert facts.get_item("summit").tags == ["sanctions"]
    assert facts.delete_tag("sanctions") == 3
    assert facts.list_tags() == [("drug policy", 1)]
    assert found(facts, "summit") == set()  # only its tag said so
    assert found(facts, "tag:sanctions") == set()


# ---------------------------------------------------------------- snapshots for undo


def test_a_deleted_item_comes_back_with_its_links_and_its_citing_block(facts):
    before, briefing = facts.get_item("coffee"), facts.get_briefing("b-talks")
    snapshots = facts.capture_items(["coffee", "missing"])
    facts.delete_items(["coffee"])
    facts.remove_blocks([briefing.sections[1].blocks[0].id])
    facts.restore_items(snapshots)
    assert facts.get_item("coffee") == before
    assert facts.get_briefing("b-talks").sections == briefing.sections
    assert found(facts, "tag:coffee person:petro") == {"coffee"}
    facts.restore_items([])


def test_an_undone_person_merge_gives_every_reference_back(facts):
    items, briefing = facts.get_items(sorted(ALL)), facts.get_briefing("b-talks")
    merge = facts.capture_person_merge("p-ana", "p-petro")
    facts.merge_people("p-ana", "p-petro")
    facts.undo_person_merge(merge)
    assert facts.get_items(sorted(ALL)) == items
    assert facts.get_briefing("b-talks").meeting == briefing.meeting
    assert facts.person_uses("p-petro") == 3
    with pytest.raises(FactBaseError, match="nobody"):
        facts.capture_person_merge("p-ana", "nobody")


def test_an_undone_source_merge_gives_the_items_their_source_back(facts):
    merge = facts.capture_source_merge("s-reuters", "s-efe")
    facts.merge_sources("s-reuters", "s-efe")
    facts.undo_source_merge(merge)
    assert facts.get_source("s-efe").title == "Petro responde"
    assert found(facts, "source:efe") == {"coffee"}
    with pytest.raises(FactBaseError, match="nowhere"):
        facts.capture_source_merge("nowhere", "s-efe")


@pytest.mark.parametrize("survivor", ["", "summit"])
def test_a_deleted_or_merged_tag_comes_back_where_it_was(facts, survivor):
    tags, items = facts.list_tags(), facts.get_items(sorted(ALL))
    snapshot = facts.capture_tag("sanctions", survivor=survivor)
    if survivor:
        facts.merge_tags(survivor, "sanctions")
    else:
        facts.delete_tag("sanctions")
    facts.restore_tag(snapshot)
    assert facts.list_tags() == tags and facts.get_items(sorted(ALL)) == items
    with pytest.raises(FactBaseError, match="no-such-tag"):
        facts.capture_tag("no-such-tag")


# ---------------------------------------------------------------- settings and saved searches


def test_settings_are_text_and_none_removes_them(store):
    assert store.get_setting("marking", "U") == "U"
    store.set_setting("marking", "CUI")
    assert store.get_setting("marking") == "CUI"
    store.set_setting("marking", None)
    assert store.get_setting("marking") is None
    with pytest.raises(TypeError):
        store.set_setting("count", 3)


def test_saved_searches_keep_their_order_and_names_ignore_case(store):
    store.save_search("Quotes", "kind:quote")
    assert store.save_search(" visas ", "visa") == SavedSearch("visas", "visa")
    store.save_search("QUOTES", "kind:quote -tag:x")  # changes the query, keeps the name
    assert store.list_saved_searches() == [SavedSearch("Quotes", "kind:quote -tag:x"),
                                           SavedSearch("visas", "visa")]
    assert store.rename_saved_search("visas", "Visas") is True
    with pytest.raises(FactBaseError, match="already exists"):
        store.rename_saved_search("Visas", "quotes")
    assert store.get_saved_search("visas") == SavedSearch("Visas", "visa")
    assert store.delete_saved_search("QUOTES") is True
    assert store.delete_saved_search("QUOTES") is False
    assert store.rename_saved_search("gone", "x") is False


# ---------------------------------------------------------------- transactions


def test_a_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.save_item(Item("a", "fact", "A"))
        store.set_setting("k", "v")
        raise RuntimeError("stop")
    assert store.item_count() == 0 and store.get_setting("k") is None


def test_writing_many_items_is_one_transaction_too(store):
    with store.writing_many():
        store.save_items([Item(f"a{n}", "fact", f"Coffee {n}") for n in range(30)])
        store.save_items([Item(f"b{n}", "fact", f"Tea {n}") for n in range(30)])
    assert store.count("coffee") == 30 and store.count("tea") == 30
    with pytest.raises(RuntimeError), store.writing_many():
        store.save_items([Item(f"c{n}", "fact", f"Cocoa {n}") for n in range(30)])
        raise RuntimeError("stop")
    assert store.item_count() == 60 and store.count("cocoa") == 0


def test_a_failed_nested_block_is_undone_alone(store):
    with store.transaction():
        store.save_item(Item("outer", "fact", "Kept"))
        with pytest.raises(ValueError), store.transaction():
            store.save_item(Item("inner", "fact", "Undone"))
            store.save_item(Item("bad", "rumour", "x"))
    assert [i.id for i in store.search("", limit=None)] == ["outer"]


def test_a_change_cancelled_midway_rolls_back_whole(store):
    store.save_items([Item(f"f{n}", "fact", f"Fact {n}") for n in range(300)])
    asks = []

    def cancelled() -> bool:
        asks.append(1)
        return len(asks) > 3  # some way into the change, not at its start

    with pytest.raises(ChangeCancelled, match="nothing was saved"), store.stopping_when(cancelled):
        store.save_items([replace(i, status="verified") for i in store.search("", limit=None)])
    assert store.counts_by_status()["verified"] == 0
    with store.stopping_when(lambda: False):
        store.save_item(Item("after", "fact", "The store still takes changes."))
    assert store.item_count() == 301


def test_calls_from_several_threads_are_serialised(store):
    errors = []

    def save(n: int) -> None:
        try:
            store.save_items([Item(f"t{n}-{k}", "fact", f"Thread {n}") for k in range(20)])
            store.search_rows("thread")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count("thread") == 80


@pytest.mark.parametrize("kind", KINDS)
def test_a_closed_store_says_so(kind, tmp_path):
    store = open_store(kind, tmp_path)
    store.close()
    with pytest.raises(FactBaseError, match="closed"):
        store.get_item("x")


# ---------------------------------------------------------------- backup
# A store in a file backs up to a copy the same kind of store opens; so does the dictionary
# store (to JSON). SQLite in memory has no file (``is_file`` is false) and refuses.

BACKS_UP = ("sqlite-file", "dictionaries")


@pytest.mark.parametrize("kind", BACKS_UP)
def test_a_backup_is_a_complete_copy_the_same_kind_of_store_opens(kind, tmp_path):
    store = seed(open_store(kind, tmp_path))
    target, seen = tmp_path / "backup-copy", []
    assert store.backup(target, progress=lambda done, total: seen.append((done, total))) \
        == target
    assert seen and seen[-1][0] == seen[-1][1]
    copy = open_backup(kind, target)
    try:
        assert copy.get_items(sorted(ALL)) == store.get_items(sorted(ALL))
        assert copy.get_briefing("b-talks") == store.get_briefing("b-talks")
        assert copy.list_people() == store.list_people()
        assert copy.list_tags() == store.list_tags()
    finally:
        copy.close()
        store.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("kind", BACKS_UP)
def test_a_cancelled_backup_leaves_the_old_file_alone(kind, tmp_path):
    store = seed(open_store(kind, tmp_path))
    target = tmp_path / "backup-copy"
    target.write_bytes(b"yesterday's backup")
    with pytest.raises(ChangeCancelled):
        store.backup(target, cancelled=lambda: True)
    store.close()
    assert target.read_bytes() == b"yesterday's backup"
