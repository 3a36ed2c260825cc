"""Fine-grained briefing edits: each changes only its target, keeps positions tidy and
returns what undo needs to put things back exactly."""

from __future__ import annotations

import pytest

from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section
from briefing_app.store import FactBaseError


@pytest.fixture
def briefing(fb):
    fb.save_items([Item(id=f"i{n}", kind="fact", text=f"Fact {n}") for n in range(1, 5)])
    fb.save_people([Person(id="p1", name="Ana"), Person(id="p2", name="Ben")])
    return fb.save_briefing(Briefing(
        id="b1", title="Trade talks",
        sections=[
            Section("Purpose", [Block(text="Why we meet.")]),
            Section("Background", [Block(item="i1"), Block(item="i2"), Block(item="i3")]),
            Section("Talking Points", [Block(text="Say hello.", style="talking-point")]),
        ],
    ))


def layout(fb, briefing_id="b1"):
    """Each section as (heading, [item id or text of each block])."""
    return [
        (s.heading, [b.item or b.text for b in s.blocks])
        for s in fb.get_briefing(briefing_id).sections
    ]


def positions(fb):
    rows = fb.connection.execute(
        "SELECT section_id, position FROM blocks ORDER BY section_id, position").fetchall()
    by_section: dict[int, list[int]] = {}
    for section_id, position in rows:
        by_section.setdefault(section_id, []).append(position)
    return by_section


def test_header_fields_change_one_by_one_and_return_their_old_values(fb, briefing):
    old = fb.update_briefing_header("b1", subject="Tariffs", meeting_date="2026-2-3".replace(
        "2-3", "02-03"), participants=["p2", "p1"])
    assert old == {"subject": "", "meeting_date": "", "participants": []}
    got = fb.get_briefing("b1")
    assert (got.subject, got.meeting.date, got.meeting.participants) == (
        "Tariffs", "2026-02-03", ["p2", "p1"])
    assert got.title == "Trade talks" and len(got.sections) == 3  # nothing else touched

    fb.update_briefing_header("b1", **old)
    got = fb.get_briefing("b1")
    assert (got.subject, got.meeting.date, got.meeting.participants) == ("", "", [])


def test_header_rejects_bad_values_without_writing(fb, briefing):
    with pytest.raises(ValueError, match="not a date"):
        fb.update_briefing_header("b1", title="New", date="yesterday")
    with pytest.raises(ValueError, match="note style"):
        fb.update_briefing_header("b1", note_style="sidenotes")
    with pytest.raises(FactBaseError, match="no person"):
        fb.update_briefing_header("b1", participants=["ghost"])
    assert fb.get_briefing("b1").title == "Trade talks"


def test_every_edit_stamps_the_briefing_updated_time(fb, briefing):
    fb.connection.execute("UPDATE briefings SET updated = '2000-01-01'")
    section_id = fb.get_briefing("b1").sections[0].id
    fb.rename_section(section_id, "Aim")
    assert fb.get_briefing("b1").updated > "2000-01-01"


def test_sections_are_added_moved_renamed_and_removed_in_place(fb, briefing):
    new_id = fb.add_section("b1", 1, "Key Issues")
    assert [h for h, _ in layout(fb)] == ["Purpose", "Key Issues", "Background", "Talking Points"]
    assert fb.move_section(new_id, 3) == 1
    assert [h for h, _ in layout(fb)] == ["Purpose", "Background", "Talking Points", "Key Issues"]
    assert fb.rename_section(new_id, "Issues") == "Key Issues"

    background_id = fb.get_briefing("b1").sections[1].id
    removed = fb.remove_section(background_id)
    assert [h for h, _ in layout(fb)] == ["Purpose", "Talking Points", "Issues"]
    fb.restore_section(removed)
    restored = fb.get_briefing("b1").sections[1]
    assert restored.heading == "Background" and restored.id == background_id
    assert [b.item for b in restored.blocks] == ["i1", "i2", "i3"]
    assert [b.id for b in restored.blocks] == [b.id for b in removed.section.blocks]


def test_blocks_are_inserted_at_the_drop_position(fb, briefing):
    section_id = fb.get_briefing("b1").sections[1].id
    stored = fb.insert_blocks(section_id, 1, [Block(item="i4"), Block(text="Aside.")])
    assert all(b.id for b in stored)
    assert layout(fb)[1] == ("Background", ["i1", "i4", "Aside.", "i2", "i3"])
    assert positions(fb)[section_id] == [0, 1, 2, 3, 4]


def test_a_block_moves_within_and_between_sections(fb, briefing):
    sections = fb.get_briefing("b1").sections
    background, points = sections[1], sections[2]
    i3 = background.blocks[2].id
    assert fb.move_block(i3, background.id, 0) == (background.id, 2)
    assert layout(fb)[1][1] == ["i3", "i1", "i2"]

    assert fb.move_block(i3, points.id, 1) == (background.id, 0)
    assert layout(fb)[1][1] == ["i1", "i2"]
    assert layout(fb)[2][1] == ["Say hello.", "i3"]
    assert positions(fb)[background.id] == [0, 1] and positions(fb)[points.id] == [0, 1]

    fb.move_block(i3, background.id, 2)  # undo: back where it was
    assert layout(fb)[1][1] == ["i1", "i2", "i3"]


def test_blocks_cannot_move_to_another_briefing(fb, briefing):
    other = fb.save_briefing(Briefing(id="b2", title="Other", sections=[Section("A")]))
    block_id = fb.get_briefing("b1").sections[1].blocks[0].id
    with pytest.raises(FactBaseError, match="own briefing"):
        fb.move_block(block_id, other.sections[0].id, 0)


def test_block_fields_update_and_return_old_values(fb, briefing):
    block = fb.get_briefing("b1").sections[1].blocks[0]
    old = fb.update_block(block.id, note="Check with Treasury", override="Fact one, corrected")
    assert old == {"note": "", "override": ""}
    stored = fb.get_briefing("b1").sections[1].blocks[0]
    assert (stored.item, stored.note, stored.override) == (
        "i1", "Check with Treasury", "Fact one, corrected")
    with pytest.raises(ValueError, match="block style"):
        fb.update_block(block.id, style="heading")


def test_removed_blocks_come_back_with_their_ids_and_places(fb, briefing):
    sections = fb.get_briefing("b1").sections
    ids = [sections[1].blocks[0].id, sections[1].blocks[2].id, sections[2].blocks[0].id]
    before = layout(fb)
    removed = fb.remove_blocks(ids)
    assert layout(fb)[1][1] == ["i2"] and layout(fb)[2][1] == []
    assert positions(fb)[sections[1].id] == [0]

    fb.restore_blocks(removed)
    assert layout(fb) == before
    after = fb.get_briefing("b1").sections
    assert [after[1].blocks[0].id, after[1].blocks[2].id, after[2].blocks[0].id] == ids


def test_duplicate_is_independent_of_the_original(fb, briefing):
    copy = fb.duplicate_briefing("b1", "Trade talks (copy)")
    assert copy.id != "b1" and copy.title == "Trade talks (copy)"
    assert layout(fb, copy.id) == layout(fb)
    fb.rename_section(copy.sections[0].id, "Changed")
    assert layout(fb)[0][0] == "Purpose"


def test_a_removed_briefing_is_restored_whole(fb, briefing):
    fb.update_briefing_header("b1", participants=["p1"], meeting_title="Talks")
    before = fb.get_briefing("b1")
    removed = fb.remove_briefing("b1")
    assert fb.get_briefing("b1") is None
    fb.restore_briefing(removed)
    again = fb.get_briefing("b1")
    assert again == before  # same ids, same blocks, same timestamps


def test_a_failed_edit_changes_nothing(fb, briefing):
    section_id = fb.get_briefing("b1").sections[1].id
    before = layout(fb)
    with pytest.raises(ValueError):
        fb.insert_blocks(section_id, 0, [Block(item="i4"), Block(text="x", style="bogus")])
    assert layout(fb) == before


def test_meeting_participants_round_trip_through_briefing_objects(fb, briefing):
    fb.update_briefing_header("b1", participants=["p1", "p2", "p1"])
    assert fb.get_briefing("b1").meeting == Meeting(participants=["p1", "p2"])
