"""The fact base API: items, people, sources, tags, briefings, settings, transactions."""

from __future__ import annotations

import threading

import pytest

from briefing_app.core.dates import DateError
from briefing_app.core.library import Library
from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.core.store_protocol import Store, iter_methods
from briefing_app.store import (
    FactBase,
    FactBaseError,
    SavedSearch,
    open_library,
    readers,
    remove_fact_base,
)


@pytest.fixture
def petro(fb):
    return fb.save_person(Person("", "Gustavo Petro", role="President", country="Colombia"))


@pytest.fixture
def rubio(fb):
    return fb.save_person(Person("", "Marco Rubio", role="Secretary of State"))


@pytest.fixture
def efe(fb):
    return fb.save_source(Source("", "EFE", title="Petro responde", published="2026-01-05"))


def _quote(speaker, source, **changes):
    values = dict(
        id="", kind="quote", text="No aceptaremos sanciones.", title="Petro on sanctions",
        date="2026-01-05", tags=["sanctions", "Colombia"], speaker=speaker.id,
        source=source.id, language="es", translation="We will not accept sanctions.",
        context="Speech in Bogotá", marking="CUI",
    )
    values.update(changes)
    return Item(**values)


# ---------------------------------------------------------------- the store protocol


def test_the_fact_base_meets_the_whole_store_protocol():
    names = list(iter_methods())
    assert {"is_file", "capture_items", "find_similar", "backup", "source_counts"} <= set(names)
    with FactBase.open(":memory:") as fb:
        assert isinstance(fb, Store)
        assert [name for name in names if not hasattr(fb, name)] == []


def test_open_library_wraps_a_fact_base_and_closing_it_closes_the_file(db_path):
    with open_library(db_path) as library:
        assert isinstance(library, Library) and isinstance(library.store, FactBase)
        assert library.path == str(db_path) and library.store.is_file
        library.store.save_item(Item("f-1", "fact", "Kept"))
    with pytest.raises(FactBaseError, match="closed"):
        library.store.item_count()
    with FactBase.open(db_path) as again:
        assert again.get_item("f-1").text == "Kept"


def test_removing_a_fact_base_takes_its_side_files_and_nothing_else(db_path):
    FactBase.open(db_path).close()
    for suffix in ("-wal", "-shm", "-journal"):  # as a crash would leave them
        db_path.with_name(db_path.name + suffix).write_bytes(b"leftover")
    neighbour = db_path.with_name("facts.sqlite.bak")
    neighbour.write_bytes(b"keep me")

    remove_fact_base(db_path)
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["facts.sqlite.bak"]
    remove_fact_base(db_path)  # nothing left to remove is fine
    remove_fact_base(":memory:")


# ---------------------------------------------------------------- items


def test_saved_item_comes_back_equal_with_id_and_timestamps(fb, petro, rubio, efe):
    saved = fb.save_item(_quote(petro, efe, people=[rubio.id]))
    assert saved.id and saved.created and saved.updated
    assert fb.get_item(saved.id) == saved
    assert saved.tags == ["sanctions", "Colombia"]
    assert saved.people == [rubio.id]


def test_event_fields_round_trip(fb):
    event = fb.save_item(Item("", "event", "Meeting at the White House", date="2026-02-03T11:00",
                              end_date="2026-02-03T12:30", location="Washington"))
    again = fb.get_item(event.id)
    assert (again.date, again.end_date, again.location) == (
        "2026-02-03T11:00", "2026-02-03T12:30", "Washington"
    )


def test_update_keeps_created_and_replaces_tags_and_people(fb, petro, rubio, efe):
    first = fb.save_item(_quote(petro, efe, people=[rubio.id]))
    first.created = "2000-01-01T00:00:00+00:00"  # a caller cannot rewrite history
    first.tags = ["aranceles"]
    first.people = []
    first.text = "Otro texto"
    second = fb.save_item(first)
    stored = fb.get_item(first.id)
    assert stored.created != "2000-01-01T00:00:00+00:00"
    assert stored.created == second.created
    assert stored.tags == ["aranceles"] and stored.people == []
    assert stored.text == "Otro texto"
    assert fb.item_count() == 1


def test_touch_false_keeps_given_timestamps_for_imports_and_undo(fb):
    item = Item("fixed-id", "fact", "Old fact", created="2020-01-01T00:00:00+00:00",
                updated="2021-01-01T00:00:00+00:00")
    fb.save_items([item], touch=False)
    stored = fb.get_item("fixed-id")
    assert (stored.created, stored.updated) == (item.created, item.updated)


def test_dates_are_normalised_and_bad_dates_are_rejected_naming_the_value(fb):
    assert fb.save_item(Item("", "fact", "x", date=" 2025-09 ")).date == "2025-09"
    with pytest.raises(DateError, match="'2025-13'"):
        fb.save_item(Item("", "fact", "x", date="2025-13"))
    with pytest.raises(DateError, match="'soon'"):
        fb.save_item(Item("", "event", "x", end_date="soon"))
    assert fb.item_count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "rumour"}, "'rumour' is not an item kind"),
        ({"status": "true"}, "'true' is not a status"),
        ({"text": "  ", "title": ""}, "needs a text"),
    ],
)
def test_invalid_items_are_rejected_with_value_error(fb, changes, message):
    values = {"id": "", "kind": "fact", "text": "Something"} | changes
    with pytest.raises(ValueError, match=message):
        fb.save_item(Item(**values))


def test_references_to_missing_records_are_refused_by_name(fb, petro):
    with pytest.raises(FactBaseError, match="no person with the id 'ghost'"):
        fb.save_item(Item("", "fact", "x", people=[petro.id, "ghost"]))
    with pytest.raises(FactBaseError, match="no source with the id 'nowhere'"):
        fb.save_item(Item("", "fact", "x", source="nowhere"))
    with pytest.raises(FactBaseError, match="no person"):
        fb.save_item(Item("", "quote", "x", speaker="nobody"))
    assert fb.item_count() == 0


def test_a_batch_refused_for_a_missing_reference_leaves_none_of_its_items(fb, petro):
    # The foreign keys refuse the fourth row after three were written: all go.
    good = [Item("", "fact", f"written first {n}", people=[petro.id]) for n in range(3)]
    for bad in (Item("", "fact", "bad", source="nowhere"),
                Item("", "fact", "bad", people=[petro.id, "ghost"])):
        with pytest.raises(FactBaseError, match="There is no (source|person) with the id"):
            fb.save_items([*good, bad])
        assert fb.item_count() == 0
        assert fb.search("written") == []


def test_tags_are_trimmed_and_deduplicated_ignoring_letter_case(fb):
    item = fb.save_item(Item("", "fact", "x", tags=[" Sanctions", "sanctions", "", "Coca"]))
    assert item.tags == ["Sanctions", "Coca"]
    other = fb.save_item(Item("", "fact", "y", tags=["SANCTIONS"]))
    assert fb.get_item(other.id).tags == ["Sanctions"]  # the existing tag, not a new one
    assert fb.list_tags() == [("Coca", 1), ("Sanctions", 2)]


def test_get_items_keeps_the_requested_order_and_skips_unknown_ids(fb):
    a = fb.save_item(Item("", "fact", "a"))
    b = fb.save_item(Item("", "fact", "b"))
    assert [i.id for i in fb.get_items([b.id, "missing", a.id, b.id])] == [b.id, a.id]
    assert fb.get_item("missing") is None


def test_save_items_saves_many_in_one_go(fb):
    saved = fb.save_items(Item("", "fact", f"Fact number {n}", tags=[f"t{n % 3}"])
                          for n in range(1200))
    assert fb.item_count() == 1200
    assert len({i.id for i in saved}) == 1200
    assert dict(fb.list_tags()) == {"t0": 400, "t1": 400, "t2": 400}
    assert fb.count("number") == 1200


def test_an_item_saved_twice_in_one_batch_is_its_last_version(fb):
    stored = fb.save_item(Item("a", "fact", "stored", tags=["old"]))
    saved = fb.save_items([Item("a", "fact", "first", tags=["x"]),
                           Item("b", "fact", "new", tags=["y"]),
                           Item("a", "fact", "last", tags=["z"])])
    assert [i.id for i in saved] == ["a", "b"]
    a = fb.get_item("a")
    assert (a.text, a.tags, a.created) == ("last", ["z"], stored.created)
    fresh = fb.save_items([Item("c", "fact", "first", tags=["x"]),
                           Item("c", "fact", "last", tags=["z"])])
    assert len(fresh) == 1 and fb.get_item("c").tags == ["z"]
    assert fb.count("first") == 0 and fb.count("last") == 2


def test_save_items_is_all_or_nothing(fb):
    good = Item("", "fact", "good")
    bad = Item("", "fact", "bad", date="2025-02-30")
    with pytest.raises(DateError):
        fb.save_items([good, bad])
    assert fb.item_count() == 0


def test_delete_items_counts_and_cascades_links(fb, petro, efe):
    item = fb.save_item(_quote(petro, efe, people=[petro.id]))
    assert fb.delete_items([item.id, "missing"]) == 1
    assert fb.get_item(item.id) is None
    conn = fb.connection
    assert conn.execute("SELECT count(*) FROM item_tags").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM item_people").fetchone()[0] == 0
    assert fb.list_tags() == [("Colombia", 0), ("sanctions", 0)]


def test_counts_by_kind_and_status_include_zeroes(fb):
    fb.save_items([
        Item("", "fact", "a"), Item("", "fact", "b", status="verified"),
        Item("", "event", "c", status="disputed"),
    ])
    assert fb.counts_by_kind() == {"fact": 2, "quote": 0, "event": 1}
    assert fb.counts_by_status() == {"unverified": 1, "verified": 1, "disputed": 1}


# ---------------------------------------------------------------- people and sources


def test_people_round_trip_and_are_found_by_name(fb, petro, rubio):
    assert fb.get_person(petro.id) == petro
    assert [p.name for p in fb.list_people()] == ["Gustavo Petro", "Marco Rubio"]
    assert fb.find_person_by_name("  gustavo PETRO ") == petro
    assert fb.find_person_by_name("Petro") is None
    with pytest.raises(ValueError, match="needs a name"):
        fb.save_person(Person("", "  "))


def test_saving_a_person_again_updates_in_place(fb, petro):
    petro.role = "Former president"
    fb.save_person(petro)
    assert fb.get_person(petro.id).role == "Former president"
    assert len(fb.list_people()) == 1


def test_sources_round_trip_and_are_found_by_outlet_and_url(fb, efe):
    assert fb.get_source(efe.id) == efe
    bare = fb.save_source(Source("", "Reuters"))
    fb.save_source(Source("", "Reuters", title="Article", url="https://example.org/a"))
    assert fb.find_source_by_outlet("reuters") == bare
    assert fb.find_source_by_url("https://example.org/a").title == "Article"
    assert fb.find_source_by_outlet("AP") is None
    with pytest.raises(DateError, match="'last week'"):
        fb.save_source(Source("", "EFE", published="last week"))


def test_a_person_in_use_cannot_be_deleted(fb, petro, efe):
    fb.save_item(_quote(petro, efe))
    with pytest.raises(FactBaseError, match="Gustavo Petro cannot be deleted"):
        fb.delete_person(petro.id)
    lonely = fb.save_person(Person("", "Nobody"))
    assert fb.delete_person(lonely.id) is True
    with pytest.raises(FactBaseError, match="cannot be deleted"):
        fb.delete_source(efe.id)


def test_merge_people_moves_speaker_people_and_participants(fb, petro, rubio, efe):
    duplicate = fb.save_person(Person("", "G. Petro"))
    spoken = fb.save_item(_quote(duplicate, efe))
    both = fb.save_item(Item("", "fact", "Both named", people=[petro.id, duplicate.id]))
    briefing = fb.save_briefing(Briefing("", "Visit", meeting=Meeting(
        participants=[duplicate.id, rubio.id, petro.id])))
    survivor = fb.merge_people(petro.id, duplicate.id)
    assert survivor == petro
    assert fb.get_person(duplicate.id) is None
    assert fb.get_item(spoken.id).speaker == petro.id
    assert fb.get_item(both.id).people == [petro.id]
    assert fb.get_briefing(briefing.id).meeting.participants == [rubio.id, petro.id]
    assert set(fb.search_ids("person:petro")) == {spoken.id, both.id}
    assert fb.search_ids("g") == []  # the duplicate's name is gone from the index


def test_merge_errors_are_clear(fb, petro):
    with pytest.raises(FactBaseError, match="into itself"):
        fb.merge_people(petro.id, petro.id)
    with pytest.raises(FactBaseError, match="no person with the id 'x'"):
        fb.merge_people(petro.id, "x")


def test_merge_sources_moves_items(fb, efe):
    copy = fb.save_source(Source("", "Agencia EFE"))
    item = fb.save_item(Item("", "fact", "x", source=copy.id))
    fb.merge_sources(efe.id, copy.id)
    assert fb.get_item(item.id).source == efe.id
    assert fb.get_source(copy.id) is None


# ---------------------------------------------------------------- tags


def test_rename_tag_changes_every_item_and_allows_a_case_change(fb):
    item = fb.save_item(Item("", "fact", "x", tags=["sanction"]))
    fb.rename_tag("sanction", "sanctions")
    fb.rename_tag("SANCTIONS", "Sanctions")
    assert fb.get_item(item.id).tags == ["Sanctions"]
    fb.save_item(Item("", "fact", "y", tags=["coca"]))
    with pytest.raises(FactBaseError, match="already exists"):
        fb.rename_tag("coca", "sanctions")
    with pytest.raises(FactBaseError, match="no tag 'nope'"):
        fb.rename_tag("nope", "x")


def test_merge_tags_retags_without_duplicates(fb):
    one = fb.save_item(Item("", "fact", "x", tags=["drugs", "narcotráfico"]))
    two = fb.save_item(Item("", "fact", "y", tags=["narcotráfico"]))
    assert fb.merge_tags("drugs", "narcotráfico") == 1
    assert fb.get_item(one.id).tags == ["drugs"]
    assert fb.get_item(two.id).tags == ["drugs"]
    assert fb.list_tags() == [("drugs", 2)]


def test_delete_tag_removes_it_from_items(fb):
    item = fb.save_item(Item("", "fact", "x", tags=["a", "b"]))
    assert fb.delete_tag("A") == 1
    assert fb.get_item(item.id).tags == ["b"]


# ---------------------------------------------------------------- briefings


def _briefing(item_id: str, participants: list[str]) -> Briefing:
    return Briefing(
        id="", title="Petro–Trump meeting", subject="Scene-setter", to="The Secretary",
        from_="WHA", through="P", date="2026-02-01",
        meeting=Meeting("Bilateral", "2026-02-03T11:00", "White House", participants),
        marking="CUI", template="scene-setter", portion_marking=True, note_style="endnotes",
        language="es",
        sections=[
            Section("Purpose", [Block(text="Set the scene.", style="bullet")]),
            Section("Background", [Block(item=item_id, note="check", override="Shorter.")]),
            Section("Timeline", automatic="timeline"),
        ],
    )


def test_briefing_round_trips_with_ids_filled(fb, petro, rubio, efe):
    item = fb.save_item(_quote(petro, efe))
    saved = fb.save_briefing(_briefing(item.id, [petro.id, rubio.id]))
    assert saved.id and saved.created and saved.updated
    assert all(s.id is not None for s in saved.sections)
    assert all(b.id is not None for s in saved.sections for b in s.blocks)
    assert fb.get_briefing(saved.id) == saved
    assert fb.find_briefing("Petro–Trump meeting") == saved
    assert fb.find_briefing(saved.id) == saved
    assert fb.find_briefing("Other") is None
    assert saved.item_ids() == [item.id]


def test_saving_a_briefing_again_replaces_sections_and_keeps_known_ids(fb, petro, efe):
    item = fb.save_item(_quote(petro, efe))
    saved = fb.save_briefing(_briefing(item.id, [petro.id]))
    kept_section = saved.sections[1]
    saved.sections = [kept_section, Section("New", [Block(text="Fresh")])]
    again = fb.save_briefing(saved)
    assert [s.heading for s in again.sections] == ["Background", "New"]
    assert again.sections[0].id == kept_section.id
    assert again.sections[0].blocks[0].id == kept_section.blocks[0].id
    assert fb.get_briefing(saved.id) == again
    counts = fb.connection.execute("SELECT count(*) FROM sections").fetchone()[0]
    assert counts == 2


def test_copied_sections_get_fresh_ids(fb):
    saved = fb.save_briefing(Briefing("", "Copy test", sections=[Section("A")]))
    saved.sections.append(saved.sections[0])
    again = fb.save_briefing(saved)
    assert len({s.id for s in again.sections}) == 2


def test_a_new_block_may_go_before_the_blocks_it_keeps(fb):
    saved = fb.save_briefing(Briefing(id="b1", title="B", sections=[
        Section("One", [Block(text="a"), Block(text="b")])]))
    briefing = fb.get_briefing("b1")
    briefing.sections[0].blocks.insert(0, Block(text="new"))  # would take a kept id first
    again = fb.save_briefing(briefing)
    assert [b.text for b in fb.get_briefing("b1").sections[0].blocks] == ["new", "a", "b"]
    assert [b.id for b in again.sections[0].blocks[1:]] == [
        b.id for b in saved.sections[0].blocks]


def test_invalid_briefing_values_are_rejected(fb):
    with pytest.raises(ValueError, match="'sidenotes' is not a note style"):
        fb.save_briefing(Briefing("", "x", note_style="sidenotes"))
    with pytest.raises(ValueError, match="'shout' is not a block style"):
        shouting = Section("s", [Block(text="t", style="shout")])
        fb.save_briefing(Briefing("", "x", sections=[shouting]))
    with pytest.raises(ValueError, match="'summary' is not an automatic section"):
        fb.save_briefing(Briefing("", "x", sections=[Section("s", automatic="summary")]))
    with pytest.raises(DateError, match="'tomorrow'"):
        fb.save_briefing(Briefing("", "x", meeting=Meeting(date="tomorrow")))
    with pytest.raises(FactBaseError, match="no person with the id 'ghost'"):
        fb.save_briefing(Briefing("", "x", meeting=Meeting(participants=["ghost"])))
    assert fb.list_briefings() == []


def test_deleting_a_cited_item_keeps_the_reference_and_undo_restores_it(fb, petro, efe):
    item = fb.save_item(_quote(petro, efe))
    briefing = fb.save_briefing(_briefing(item.id, []))
    assert [s.id for s in fb.briefings_using([item.id, "other"])] == [briefing.id]
    removed = fb.get_items([item.id])
    fb.delete_items([item.id])
    assert fb.get_briefing(briefing.id).item_ids() == [item.id]  # dangling, not lost
    assert fb.get_item(item.id) is None
    fb.save_items(removed, touch=False)  # undo
    assert fb.get_item(item.id) == removed[0]
    assert fb.briefings_using([item.id])[0].title == "Petro–Trump meeting"


def test_list_and_delete_briefings(fb):
    a = fb.save_briefing(Briefing("", "A", date="2026-01"))
    b = fb.save_briefing(Briefing("", "B"))
    assert {s.id for s in fb.list_briefings()} == {a.id, b.id}
    assert fb.list_briefings()[0].title in ("A", "B")
    assert fb.delete_briefing(a.id) is True
    assert fb.delete_briefing(a.id) is False
    assert [s.title for s in fb.list_briefings()] == ["B"]
    assert fb.connection.execute("SELECT count(*) FROM sections").fetchone()[0] == 0


# ---------------------------------------------------------------- settings, saved searches


def test_settings_are_text_and_none_removes(fb):
    assert fb.get_setting("marking_scheme", "us-cui") == "us-cui"
    fb.set_setting("marking_scheme", "corporate")
    assert fb.get_setting("marking_scheme") == "corporate"
    fb.set_setting("marking_scheme", None)
    assert fb.get_setting("marking_scheme") is None
    with pytest.raises(TypeError):
        fb.set_setting("count", 3)


def test_saved_searches_crud(fb):
    fb.save_search("Petro quotes", "kind:quote person:petro")
    fb.save_search("Recent", "after:2026")
    fb.save_search("petro quotes", "kind:quote person:petro -status:disputed")
    assert fb.list_saved_searches() == [
        SavedSearch("Petro quotes", "kind:quote person:petro -status:disputed"),
        SavedSearch("Recent", "after:2026"),
    ]
    assert fb.rename_saved_search("Recent", "This year") is True
    with pytest.raises(FactBaseError, match="already exists"):
        fb.rename_saved_search("This year", "Petro quotes")
    assert fb.delete_saved_search("this year") is True
    assert fb.get_saved_search("This year") is None
    with pytest.raises(ValueError):
        fb.save_search(" ", "x")


# ---------------------------------------------------------------- transactions


def test_transaction_rolls_back_everything_on_error(fb):
    with pytest.raises(RuntimeError), fb.transaction():
        fb.save_item(Item("", "fact", "first"))
        fb.save_person(Person("", "Someone"))
        raise RuntimeError("stop")
    assert fb.item_count() == 0 and fb.list_people() == []


def test_nested_transactions_join_the_outer_one(fb):
    with fb.transaction():
        with fb.transaction():
            fb.save_item(Item("", "fact", "inner"))
        assert fb.connection.in_transaction
        fb.save_item(Item("", "fact", "outer"))
    assert fb.item_count() == 2
    assert not fb.connection.in_transaction


def test_failed_nested_block_is_undone_alone(fb):
    with fb.transaction():
        fb.save_item(Item("", "fact", "kept"))
        with pytest.raises(ValueError), fb.transaction():
            fb.save_item(Item("", "fact", "dropped"))
            raise ValueError("inner problem")
    assert [i.text for i in fb.search("")] == ["kept"]


def savepoints_taken(fb, block) -> list[str]:
    statements = []
    fb.connection.set_trace_callback(statements.append)
    try:
        block()
    finally:
        fb.connection.set_trace_callback(None)
    return [s for s in statements if s.startswith("SAVEPOINT")]


def test_an_all_or_nothing_transaction_takes_no_savepoints(fb):
    def block():
        with fb.transaction(all_or_nothing=True):
            fb.save_item(Item("", "fact", "first"))
            with fb.transaction():
                fb.save_item(Item("", "fact", "second"))

    assert savepoints_taken(fb, block) == []
    assert fb.item_count() == 2
    assert savepoints_taken(fb, lambda: fb.save_item(Item("", "fact", "third"))) == []
    with fb.transaction():  # an ordinary one afterwards: its blocks have savepoints again
        assert savepoints_taken(fb, lambda: fb.save_item(Item("", "fact", "fourth")))


def test_a_failure_inside_an_all_or_nothing_transaction_undoes_all_of_it(fb):
    fb.save_item(Item("", "fact", "before"))
    with pytest.raises(ValueError), fb.transaction(all_or_nothing=True):
        fb.save_item(Item("", "fact", "dropped"))
        with fb.transaction():
            fb.save_item(Item("", "fact", "dropped too"))
            raise ValueError("inner problem")
    assert [i.text for i in fb.search("")] == ["before"]
    assert not fb.connection.in_transaction


def test_an_all_or_nothing_block_inside_a_transaction_is_undone_alone(fb):
    with fb.transaction():
        fb.save_item(Item("", "fact", "kept"))

        def failing_block():
            with pytest.raises(ValueError), fb.transaction(all_or_nothing=True):
                fb.save_item(Item("", "fact", "dropped"))
                raise ValueError("inner problem")

        assert len(savepoints_taken(fb, failing_block)) == 1  # its own, none inside it
        fb.save_item(Item("", "fact", "kept too"))
    assert sorted(i.text for i in fb.search("")) == ["kept", "kept too"]


def test_transaction_takes_the_write_lock_at_once(disk_fb, db_path, monkeypatch):
    other = FactBase.open(db_path)
    monkeypatch.setattr(readers, "WRITE_WAIT_LIMIT_SECONDS", 0.05)  # give up after a slice
    try:
        busy = pytest.raises(FactBaseError, match="another program")
        with disk_fb.transaction(), busy, other.transaction():
            pass
    finally:
        other.close()


def test_changes_are_visible_to_another_connection_after_commit(disk_fb, db_path):
    disk_fb.save_item(Item("", "fact", "Shared"))
    with FactBase.open(db_path) as other:
        assert other.count("shared") == 1


def test_calls_from_several_threads_are_serialised(disk_fb):
    errors = []

    def work(n):
        try:
            for k in range(20):
                disk_fb.save_item(Item("", "fact", f"thread {n} fact {k}"))
                disk_fb.count("thread")
        except Exception as error:  # pragma: no cover - the assertion shows it
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert disk_fb.item_count() == 80


def test_closed_fact_base_says_so(db_path):
    fb = FactBase.open(db_path)
    fb.close()
    fb.close()  # twice is fine
    with pytest.raises(FactBaseError, match="closed"):
        fb.item_count()


def test_context_manager_closes(db_path):
    with FactBase.open(db_path) as fb:
        fb.save_item(Item("", "fact", "x"))
    with pytest.raises(FactBaseError):
        fb.get_item("x")


# ------------------------------------------------------------------ stopping a long change


def many_facts(count: int, status: str = "unverified") -> list[Item]:
    return [Item(f"fact-{n}", "fact", f"Fact {n} on coca indicators.", status=status)
            for n in range(count)]


def test_a_change_cancelled_midway_rolls_back_whole(fb):
    from dataclasses import replace

    from briefing_app.store import ChangeCancelled

    fb.save_items(many_facts(2000))
    asked = threading.Event()
    statements = []

    def cancelled() -> bool:
        statements.append(1)
        if len(statements) > 50:  # some way into the change, not at its start
            asked.set()
        return asked.is_set()

    with pytest.raises(ChangeCancelled, match="cancelled; nothing was saved"), \
            fb.stopping_when(cancelled):
        fb.save_items([replace(item, status="verified") for item in fb.get_items(
            [f"fact-{n}" for n in range(2000)])])
    assert fb.counts_by_status()["verified"] == 0
    assert fb.count("status:verified") == 0  # the search index rolled back too
    fb.save_item(Item("after", "fact", "The fact base still takes changes."))


def test_a_change_never_cancelled_is_untouched_by_the_watch(fb):
    with fb.stopping_when(lambda: False):
        fb.save_items(many_facts(300, status="disputed"))
    assert fb.counts_by_status()["disputed"] == 300


def test_an_inner_watch_ending_leaves_the_outer_one_watching(fb):
    from briefing_app.store import ChangeCancelled

    fb.save_items(many_facts(2000))
    stop = threading.Event()
    with pytest.raises(ChangeCancelled), fb.stopping_when(stop.is_set):
        with fb.stopping_when(lambda: False):
            fb.save_item(Item("inner", "fact", "Saved under both watches."))
        stop.set()
        fb.delete_items([f"fact-{n}" for n in range(2000)])
    assert fb.item_count() == 2001


def test_a_real_error_under_the_watch_stays_itself(fb):
    with pytest.raises(ValueError), fb.stopping_when(lambda: False):
        fb.save_item(Item("bad", "no-such-kind", "text"))


def test_tags_of_counts_the_tags_a_selection_carries(fb):
    fb.save_items([Item("a", "fact", "A.", tags=["coca", "Visa"]),
                   Item("b", "fact", "B.", tags=["coca"]),
                   Item("c", "fact", "C.", tags=["trade"])])
    assert fb.tags_of(["a", "b"]) == {"coca": 2, "Visa": 1}
    assert fb.tags_of(["a", "a", "missing"]) == {"coca": 1, "Visa": 1}
    assert fb.tags_of([]) == {}
    many = [f"x{n}" for n in range(1500)] + ["c"]  # more ids than one SQL statement takes
    assert fb.tags_of(many) == {"trade": 1}
