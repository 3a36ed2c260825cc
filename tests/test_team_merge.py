"""The three-way merge of one object, field by field (no server needed)."""

from __future__ import annotations

from briefing_app.team.merge import DELETED, merge, merge_members

BASE = {"title": "T", "text": "x", "notes": "", "tags": ["a"], "people": [],
        "created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00"}


def changed(**fields) -> dict:
    return {**BASE, **fields}


def test_a_field_changed_on_one_side_takes_that_side():
    result = merge("item", BASE, changed(title="mine"), changed(text="theirs"))
    assert result.data == changed(title="mine", text="theirs")
    assert result.conflicts == []


def test_the_same_change_on_both_sides_is_no_conflict():
    assert merge("item", BASE, changed(title="same"), changed(title="same")).conflicts == []


def test_a_field_changed_differently_on_both_sides_keeps_theirs_and_records_mine():
    result = merge("item", BASE, changed(title="mine", notes="n"), changed(title="theirs"))
    assert result.data == changed(title="theirs", notes="n")
    assert result.conflicts == [("title", "mine", "theirs")]


def test_tags_merge_by_members_ignoring_ascii_case():
    result = merge("item", BASE, changed(tags=["a", "mine"]), changed(tags=["A", "theirs"]))
    assert result.data["tags"] == ["A", "theirs", "mine"]
    assert merge_members(["a", "b"], ["b"], ["a", "b", "c"], str) == ["b", "c"]


def test_times_take_the_earlier_creation_and_the_later_update():
    result = merge("item", BASE, changed(updated="2026-03-01", created="2026-01-02"),
                   changed(updated="2026-02-01", created="2025-12-31"))
    assert (result.data["created"], result.data["updated"]) == ("2025-12-31", "2026-03-01")
    assert result.conflicts == []


def test_deleted_here_and_changed_there_is_a_conflict_keeping_their_edit():
    theirs = changed(text="edited")
    result = merge("item", BASE, None, theirs)
    assert result.data == theirs
    assert result.conflicts == [(DELETED, None, theirs)]


def test_changed_here_and_deleted_there_is_a_conflict_keeping_my_edit_aside():
    mine = changed(text="edited")
    result = merge("item", BASE, mine, None)
    assert result.data is None
    assert result.conflicts == [(DELETED, mine, None)]


def test_deleted_on_one_side_and_untouched_on_the_other_is_deleted():
    assert merge("item", BASE, None, BASE).data is None
    assert merge("item", BASE, BASE, None).data is None
    assert merge("item", BASE, None, None).data is None


def test_without_a_base_every_difference_is_a_conflict():
    result = merge("item", None, changed(text="here"), changed(text="there"))
    assert result.conflicts == [("text", "here", "there")]
    assert merge("item", None, changed(), None).data == changed()  # created here only
