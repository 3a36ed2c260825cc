"""Preflight tells the staffer what to check before the memo leaves their desk."""

from __future__ import annotations

import datetime as dt

from memo_helpers import briefing, section, world

from briefing_app.core.markings import load_scheme
from briefing_app.core.model import Block, Meeting
from briefing_app.document.preflight import PreflightWarning, Warning, preflight

US = load_scheme("us")


def check(b, fb=None, **kwargs):
    return preflight(b, fb or world(), scheme=US, **kwargs)


def codes(warnings):
    return [(w.code, w.item_id) for w in warnings]


def test_a_clean_briefing_has_no_warnings():
    fb = world()
    fb.items["f1"].date = "2026-01-25"
    assert check(briefing(section("Background", "f1", Block(text="Mine.")))) != []  # f1 stale
    assert check(briefing(section("Background", "f1", Block(text="Mine."))), fb) == []


def test_status_and_source_problems_are_reported_per_item():
    fb = world()
    fb.items["f2"].status = "disputed"
    fb.items["f3"].source = "deleted-source"
    b = briefing(section("Background", "f2", "f3", "u1"), meeting=Meeting(date="2026-01-31"))
    assert codes(check(b, fb)) == [
        ("disputed", "f2"), ("stale", "f2"),
        ("unverified", "f3"), ("unsourced", "f3"), ("stale", "f3"),
        ("unverified", "u1"), ("unsourced", "u1"),
    ]


def test_warning_points_at_the_first_block_citing_the_item():
    b = briefing(section("Purpose", Block(text="x")),
                 section("Background", Block(text="y"), "u1", "u1"),
                 meeting=Meeting(date="2026-01-31"))
    warnings = check(b)
    assert {(w.section_index, w.block_index) for w in warnings} == {(1, 1)}
    assert len([w for w in warnings if w.code == "unsourced"]) == 1
    assert "Background" in warnings[0].message and "An unsourced rumour" in warnings[0].message


def test_missing_item_and_missing_participant():
    b = briefing(section("Background", "gone"),
                 meeting=Meeting(participants=["petro", "nobody"]))
    warnings = check(b)
    assert [w.code for w in warnings] == ["missing-item", "missing-item"]
    assert warnings[0].item_id == "gone" and warnings[0].block_index == 0
    assert "nobody" in warnings[1].message


def test_stale_counts_days_before_the_meeting_date():
    # f2 is dated 2025-09 (counted from September 30); the meeting is 2025-11-03: 34 days.
    b = briefing(section("B", "f2"), meeting=Meeting(date="2025-11-03T11:00"))
    assert "stale" in [w.code for w in check(b, stale_days=30)]
    assert "stale" not in [w.code for w in check(b, stale_days=34)]
    message = next(w.message for w in check(b) if w.code == "stale")
    assert "September 2025" in message and "34 days before the meeting" in message


def test_stale_falls_back_to_the_memo_date_then_today():
    b = briefing(section("B", "u1"), meeting=Meeting(), date="2026-03-15")
    assert "stale" in [w.code for w in check(b)]
    b = briefing(section("B", "u1"), meeting=Meeting(), date="")
    assert "stale" not in [w.code for w in check(b, today=dt.date(2026, 2, 1))]
    assert "stale" in [w.code for w in check(b, today="2026-06-01")]


def test_events_are_never_stale():
    b = briefing(section("B", "e1"), meeting=Meeting(date="2027-01-01"))
    assert "stale" not in [w.code for w in check(b)]


def test_unmarked_items_are_reported_only_in_a_marked_memo():
    fb = world()
    b = briefing(section("B", "f1", "f2"))
    assert "unmarked" not in [w.code for w in check(b, fb)]
    fb.items["f1"].marking = "S"
    warnings = [w for w in check(b, fb) if w.code == "unmarked"]
    assert [w.item_id for w in warnings] == ["f2"]
    assert "(U)" in warnings[0].message


def test_briefing_marking_or_portion_marking_makes_the_memo_marked():
    for fields in ({"marking": "CUI"}, {"portion_marking": True}):
        warnings = check(briefing(section("B", "f1"), **fields))
        assert ("unmarked", "f1") in codes(warnings)


def test_unknown_markings_on_briefing_and_items_are_named():
    fb = world()
    fb.items["f1"].marking = "SBU"
    warnings = check(briefing(section("B", "f1", "f2"), marking="FOUO"), fb)
    unknown = [w for w in warnings if w.code == "unknown-marking"]
    assert [w.item_id for w in unknown] == ["", "f1"]
    assert "“FOUO”" in unknown[0].message and "“SBU”" in unknown[1].message
    assert ("unmarked", "f2") in codes(warnings)


def test_items_stored_in_automatic_sections_are_not_checked():
    b = briefing(section("Timeline", "u1", automatic="timeline"))
    assert check(b) == []


def test_warning_is_a_plain_dataclass_under_both_names():
    assert Warning is PreflightWarning
    w = PreflightWarning("stale", "old")
    assert (w.section_index, w.block_index, w.item_id) == (None, None, "")


def test_details_let_a_user_interface_word_each_warning_in_its_own_language():
    fb = world()
    fb.items["f2"].status = "disputed"
    fb.items["f3"].source = "deleted-source"
    b = briefing(section("Background", "f2", "f3", "gone"), marking="ZZ",
                 meeting=Meeting(date="2026-01-31", participants=["nobody"]))
    warnings = check(b, fb)
    details = {(w.code, w.details["case"]): w.details for w in warnings}
    assert details[("unknown-marking", "memo")]["marking"] == "ZZ"
    assert details[("unknown-marking", "memo")]["codes"] == "U, CUI, C, S, TS"
    stale = next(w.details for w in warnings if w.code == "stale" and w.item_id == "f2")
    assert stale["kind"] == "fact" and stale["section"] == "Background"
    assert stale["reference"] == "meeting" and stale["limit"] == "30"
    assert int(stale["age"]) > 30 and stale["date"] == fb.items["f2"].date
    assert details[("disputed", "disputed")]["label"].startswith("\u201c")
    assert ("unsourced", "source-gone") in details
    assert details[("missing-item", "block")]["id"] == "gone"
    assert details[("missing-item", "participant")]["id"] == "nobody"
    assert details[("unmarked", "unmarked")]["mark"] == "(U)"


def test_a_date_is_stale_only_after_the_end_of_the_year_or_month_it_names():
    fb = world()
    fb.items["f3"].date = "2025"  # an annual statistic: current until December 31
    b = briefing(section("B", "f3"), meeting=Meeting(date="2026-01-15"))
    assert "stale" not in [w.code for w in check(b, fb)]  # 15 days after 2025 ended
    fb.items["f3"].date = "2025-11"
    stale = next(w for w in check(b, fb) if w.code == "stale")
    assert stale.details["age"] == "46"  # from November 30


def test_an_item_tagged_background_is_never_stale():
    fb = world()
    b = briefing(section("B", "f3"), meeting=Meeting(date="2026-02-03"))
    assert "stale" in [w.code for w in check(b, fb)]
    fb.items["f3"].tags = ["coffee", "Background"]
    assert "stale" not in [w.code for w in check(b, fb)]


def test_an_empty_section_is_reported_with_its_place():
    b = briefing(section("Purpose", Block(text="Meet.")), section("Talking Points"),
                 meeting=Meeting(date="2026-02-03"))
    empty = [w for w in check(b) if w.code == "empty-section"]
    assert [(w.section_index, w.details["section"]) for w in empty] == [(1, "Talking Points")]
    assert "Talking Points" in empty[0].message
