"""The store protocol's briefings as examples, for every implementation: whole briefings
and the composer's fine-grained edits, each returning what its undo needs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_implementations import store_of_every_kind  # noqa: F401 - the store fixture

from briefing_app.core.errors import FactBaseError
from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section


@pytest.fixture
def facts(store):
    """Four items, two people and the briefing b1 citing three of the items."""
    store.save_items([Item(f"i{n}", "fact", f"Fact {n}") for n in range(1, 5)])
    store.save_people([Person("p1", "Ana"), Person("p2", "Ben")])
    store.save_briefing(Briefing("b1", "Trade talks", sections=[
        Section("Purpose", [Block(text="Why we meet.")]),
        Section("Background", [Block(item="i1"), Block(item="i2"), Block(item="i3")]),
        Section("Talking Points", [Block(text="Say hello.", style="talking-point")]),
    ]))
    return store


def layout(store, briefing_id: str = "b1") -> list[tuple[str, list[str]]]:
    """Each section as (heading, [the item id or the text of each block])."""
    return [(s.heading, [b.item or b.text for b in s.blocks])
            for s in store.get_briefing(briefing_id).sections]


def sections(store, briefing_id: str = "b1") -> list[Section]:
    return store.get_briefing(briefing_id).sections


# ---------------------------------------------------------------- whole briefings


def test_a_briefing_comes_back_as_saved_with_ids_and_timestamps(store):
    store.save_people([Person("p1", "Ana")])
    saved = store.save_briefing(Briefing(
        "", "Trade talks", date="2026-2-3".replace("2-3", "02-03"),
        meeting=Meeting("Talks", "2026-02-03T11:00", "Washington", ["p1"]),
        sections=[Section("Timeline", automatic="timeline"),
                  Section("Points", [Block(text="Say hello.", style="bullet")])]))
    assert saved.id and saved.created and saved.updated
    assert all(s.id for s in saved.sections) and saved.sections[1].blocks[0].id
    assert store.get_briefing(saved.id) == saved
    assert store.find_briefing(saved.id) == store.find_briefing("Trade talks") == saved
    assert store.find_briefing("trade talks") is None  # an exact title
    [summary] = store.list_briefings()
    assert (summary.id, summary.title, summary.meeting_date) == (
        saved.id, "Trade talks", "2026-02-03T11:00")
    assert store.delete_briefing(saved.id) is True
    assert store.delete_briefing(saved.id) is False and store.get_briefing(saved.id) is None


def test_saving_again_keeps_the_ids_of_known_sections_and_blocks(facts):
    briefing = facts.get_briefing("b1")
    briefing.sections.reverse()
    briefing.sections[0].blocks.append(replace(briefing.sections[2].blocks[0], id=None))
    saved = facts.save_briefing(briefing)
    assert [s.id for s in saved.sections] == [s.id for s in briefing.sections]
    assert saved.sections[0].blocks[0].id == briefing.sections[0].blocks[0].id
    assert saved.sections[0].blocks[1].id not in (None, saved.sections[2].blocks[0].id)
    assert facts.get_briefing("b1") == saved


def test_a_new_section_may_go_before_the_known_ones(facts):
    briefing = facts.get_briefing("b1")
    kept = [s.id for s in briefing.sections]
    briefing.sections.insert(0, Section("Summary", [Block(text="In short.")]))
    saved = facts.save_briefing(briefing)
    assert [s.id for s in saved.sections[1:]] == kept
    assert layout(facts)[0] == ("Summary", ["In short."])


@pytest.mark.parametrize(("change", "error", "message"), [
    ({"note_style": "sidenotes"}, ValueError, "note style"),
    ({"sections": [Section("A", automatic="weather")]}, ValueError, "automatic section"),
    ({"sections": [Section("A", [Block(text="x", style="heading")])]}, ValueError, "block style"),
    ({"meeting": Meeting(participants=["ghost"])}, FactBaseError, "no person"),
    ({"date": "soon"}, ValueError, "'soon'"),
])
def test_a_bad_briefing_is_refused_and_nothing_is_written(facts, change, error, message):
    before = facts.get_briefing("b1")
    with pytest.raises(error, match=message):
        facts.save_briefing(replace(before, title="Changed", **change))
    assert facts.get_briefing("b1") == before


def test_a_duplicate_is_independent_of_the_original(facts):
    copy = facts.duplicate_briefing("b1", "Trade talks (copy)")
    assert copy.id != "b1" and copy.title == "Trade talks (copy)"
    assert layout(facts, copy.id) == layout(facts)
    assert not {s.id for s in copy.sections} & {s.id for s in sections(facts)}
    facts.rename_section(copy.sections[0].id, "Changed")
    assert layout(facts)[0][0] == "Purpose"
    with pytest.raises(FactBaseError, match="no briefing"):
        facts.duplicate_briefing("missing", "x")


def test_a_removed_briefing_is_restored_whole(facts):
    facts.update_briefing_header("b1", participants=["p1"], meeting_title="Talks")
    before = facts.get_briefing("b1")
    removed = facts.remove_briefing("b1")
    assert facts.get_briefing("b1") is None and facts.remove_briefing("b1") is None
    facts.restore_briefing(removed)
    assert facts.get_briefing("b1") == before  # same ids, blocks and timestamps


def test_a_deleted_item_stays_cited(facts):
    facts.delete_items(["i2"])
    assert layout(facts)[1] == ("Background", ["i1", "i2", "i3"])
    assert [b.id for b in facts.briefings_using(["i2"])] == ["b1"]


# ---------------------------------------------------------------- the memo header


def test_header_fields_change_and_return_their_old_values(facts):
    old = facts.update_briefing_header("b1", subject="Tariffs", meeting_date="2026-02-03",
                                       participants=["p2", "p1", "p2"], portion_marking=True)
    assert old == {"subject": "", "meeting_date": "", "participants": [],
                   "portion_marking": False}
    got = facts.get_briefing("b1")
    assert (got.subject, got.meeting.date, got.meeting.participants, got.portion_marking) == (
        "Tariffs", "2026-02-03", ["p2", "p1"], True)
    facts.update_briefing_header("b1", **old)
    got = facts.get_briefing("b1")
    assert (got.subject, got.meeting.date, got.meeting.participants) == ("", "", [])


@pytest.mark.parametrize(("changes", "error", "message"), [
    ({"title": "New", "date": "yesterday"}, ValueError, "'yesterday'"),
    ({"note_style": "sidenotes"}, ValueError, "note style"),
    ({"colour": "red"}, ValueError, "'colour' is not a briefing header field"),
    ({"title": "New", "participants": ["ghost"]}, FactBaseError, "no person"),
])
def test_a_bad_header_value_is_refused_without_writing(facts, changes, error, message):
    with pytest.raises(error, match=message):
        facts.update_briefing_header("b1", **changes)
    assert facts.get_briefing("b1").title == "Trade talks"
    with pytest.raises(FactBaseError, match="no briefing"):
        facts.update_briefing_header("missing", title="x")


def test_every_edit_stamps_the_briefing_updated_time(facts):
    old = "2000-01-01T00:00:00+00:00"
    facts.restore_briefing(replace(facts.remove_briefing("b1"), updated=old))
    assert facts.get_briefing("b1").updated == old
    facts.rename_section(sections(facts)[0].id, "Aim")
    assert facts.get_briefing("b1").updated > old
    assert facts.list_briefings()[0].updated > old


# ---------------------------------------------------------------- sections


def test_sections_are_added_moved_renamed_removed_and_restored_in_place(facts):
    new_id = facts.add_section("b1", 1, "Key Issues")
    assert [h for h, _ in layout(facts)] == ["Purpose", "Key Issues", "Background",
                                             "Talking Points"]
    assert facts.move_section(new_id, 3) == 1
    assert [h for h, _ in layout(facts)][2:] == ["Talking Points", "Key Issues"]
    assert facts.rename_section(new_id, "Issues") == "Key Issues"
    background = sections(facts)[1]
    removed = facts.remove_section(background.id)
    assert [h for h, _ in layout(facts)] == ["Purpose", "Talking Points", "Issues"]
    restored = facts.restore_section(removed)
    assert restored == background and sections(facts)[1] == background
    with pytest.raises(FactBaseError, match="no section"):
        facts.rename_section(10_000, "x")


def test_a_section_is_added_with_a_given_id_while_it_is_free(facts):
    new_id = facts.add_section("b1", 99, "Annex", "sources")  # the position is clamped
    facts.remove_section(new_id)
    assert facts.add_section("b1", 0, "Again", section_id=new_id) == new_id
    taken = sections(facts)[1].id
    assert facts.add_section("b1", 0, "Fresh", section_id=taken) != taken
    with pytest.raises(ValueError, match="automatic section"):
        facts.add_section("b1", 0, "x", "weather")


# ---------------------------------------------------------------- blocks


def test_blocks_are_inserted_at_the_drop_position(facts):
    background = sections(facts)[1]
    stored = facts.insert_blocks(background.id, 1, [Block(item="i4"), Block(text="Aside.")])
    assert all(b.id for b in stored) and [b.item for b in stored] == ["i4", None]
    assert layout(facts)[1] == ("Background", ["i1", "i4", "Aside.", "i2", "i3"])
    with pytest.raises(ValueError, match="block style"):
        facts.insert_blocks(background.id, 0, [Block(item="i4"), Block(text="x", style="h")])
    assert layout(facts)[1] == ("Background", ["i1", "i4", "Aside.", "i2", "i3"])


def test_a_block_moves_within_and_between_sections_of_one_briefing(facts):
    background, points = sections(facts)[1:]
    i3 = background.blocks[2].id
    assert facts.move_block(i3, background.id, 0) == (background.id, 2)
    assert layout(facts)[1][1] == ["i3", "i1", "i2"]
    assert facts.move_block(i3, points.id, 1) == (background.id, 0)
    assert layout(facts)[1:] == [("Background", ["i1", "i2"]),
                                 ("Talking Points", ["Say hello.", "i3"])]
    facts.move_block(i3, background.id, 2)
    assert layout(facts)[1][1] == ["i1", "i2", "i3"]
    other = facts.save_briefing(Briefing("b2", "Other", sections=[Section("A")]))
    with pytest.raises(FactBaseError, match="own briefing"):
        facts.move_block(i3, other.sections[0].id, 0)


def test_block_fields_change_and_return_their_old_values(facts):
    block = sections(facts)[1].blocks[0]
    old = facts.update_block(block.id, note="Check with Treasury", override="Corrected")
    assert old == {"note": "", "override": ""}
    stored = sections(facts)[1].blocks[0]
    assert (stored.item, stored.note, stored.override) == ("i1", "Check with Treasury",
                                                          "Corrected")
    with pytest.raises(ValueError, match="block style"):
        facts.update_block(block.id, style="heading")
    with pytest.raises(ValueError, match="'colour' is not a block field"):
        facts.update_block(block.id, colour="red")
    with pytest.raises(FactBaseError, match="no block"):
        facts.update_block(10_000, text="x")


def test_removed_blocks_come_back_with_their_ids_and_places(facts):
    before = sections(facts)
    ids = [before[1].blocks[0].id, before[1].blocks[2].id, before[2].blocks[0].id]
    removed = facts.remove_blocks(ids)
    assert layout(facts)[1:] == [("Background", ["i2"]), ("Talking Points", [])]
    assert sorted(b.id for b in facts.restore_blocks(removed)) == sorted(ids)
    assert sections(facts) == before


# ---------------------------------------------------------------- ids by their start


def test_an_id_is_named_by_itself_or_by_a_start_of_six_characters_or_more(store):
    store.save_items([Item("3f9c1a2e-aaaa", "fact", "One"), Item("3f9c1a2e-bbbb", "fact", "Two"),
                      Item("3f9c1b00-cccc", "fact", "Three"), Item("short", "fact", "Four")])
    store.save_briefing(Briefing("7d41e0c2-1111", "Trade talks"))

    assert store.resolve_id_prefix("item", "3f9c1b") == ["3f9c1b00-cccc"]
    assert store.resolve_id_prefix("item", "3f9c1a") == ["3f9c1a2e-aaaa", "3f9c1a2e-bbbb"]
    assert store.resolve_id_prefix("item", "3f9c1a", limit=1) == ["3f9c1a2e-aaaa"]
    assert store.resolve_id_prefix("item", "short") == ["short"]  # a whole id, however short
    assert store.resolve_id_prefix("item", "3f9c1") == []  # too short to be a start
    assert store.resolve_id_prefix("item", "3F9C1B") == []  # letter case counts, as in ids
    assert store.resolve_id_prefix("item", "7d41e0") == []  # a briefing's, not an item's
    assert store.resolve_id_prefix("briefing", "7d41e0") == ["7d41e0c2-1111"]
    with pytest.raises(ValueError, match="'person' has no ids to resolve"):
        store.resolve_id_prefix("person", "p-petro")
