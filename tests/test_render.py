"""render_briefing: find, check, build and write in one call, for the CLI and the GUI."""

from __future__ import annotations

import pytest
from memo_helpers import briefing, section, world

from briefing_app.core.markings import MarkingError, UnknownMarkingError
from briefing_app.core.model import Block, Meeting
from briefing_app.document.render import (
    BriefingNotFoundError,
    PreflightFailed,
    render_briefing,
    render_document,
)


def fact_base(**settings):
    fb = world()
    fb.briefings["b1"] = briefing(section("Background", "f1", "u1", Block(text="Mine.")),
                                  meeting=Meeting(date="2025-09-20"))
    fb.settings.update(settings)
    return fb


def test_render_by_title_writes_the_file_and_returns_the_warnings(tmp_path):
    result = render_briefing(fact_base(), "Petro visit", tmp_path / "memo.html")
    assert result.path == tmp_path / "memo.html" and result.format == "html"
    assert "Colombia is the largest recipient" in result.path.read_text(encoding="utf-8")
    assert [w.code for w in result.warnings] == ["unverified", "unsourced"]


def test_render_by_id_with_an_explicit_format(tmp_path):
    result = render_briefing(fact_base(), "b1", tmp_path / "memo.preview", "HTML")
    assert result.format == "html" and result.path.exists()


def test_strict_render_refuses_to_write_when_preflight_warns(tmp_path):
    with pytest.raises(PreflightFailed) as failed:
        render_briefing(fact_base(), "b1", tmp_path / "memo.html", strict=True)
    assert [w.item_id for w in failed.value.warnings] == ["u1", "u1"]
    assert not (tmp_path / "memo.html").exists()


def test_unknown_briefing_is_a_clear_error(tmp_path):
    with pytest.raises(BriefingNotFoundError, match="'Nope'"):
        render_briefing(fact_base(), "Nope", tmp_path / "memo.html")


def test_the_fact_base_setting_chooses_the_marking_scheme(tmp_path):
    fb = fact_base(marking_scheme="org")
    fb.items["f1"].marking = "INTERNAL"
    html = render_briefing(fb, "b1", tmp_path / "memo.html").path.read_text(encoding="utf-8")
    assert html.count(">INTERNAL<") == 2


def test_an_unknown_marking_stops_the_render_after_preflight_named_it(tmp_path):
    fb = fact_base()
    fb.items["f1"].marking = "SBU"
    with pytest.raises(UnknownMarkingError, match="'SBU'"):
        render_briefing(fb, "b1", tmp_path / "memo.html")
    assert not (tmp_path / "memo.html").exists()


def test_an_unknown_scheme_setting_is_reported(tmp_path):
    with pytest.raises(MarkingError, match="No marking scheme 'nato'"):
        render_briefing(fact_base(marking_scheme="nato"), "b1", tmp_path / "memo.html")


def test_render_document_builds_an_unsaved_briefing_for_the_preview():
    fb = fact_base(author="J. Doe")
    draft = briefing(section("Purpose", Block(text="Draft text.")), title="Unsaved draft")
    document = render_document(fb, draft)
    assert document.metadata.title == "Unsaved draft"
    assert document.metadata.author == "J. Doe"
    assert render_document(fb, "b1").metadata.title == "Petro visit"


def test_the_shipped_sample_renders_from_a_real_fact_base(sample_fb, tmp_path):
    summary = sample_fb.list_briefings()[0]
    result = render_briefing(sample_fb, summary.title, tmp_path / "sample.html")
    page = result.path.read_text(encoding="utf-8")
    assert ">UNCLASSIFIED<" in page and "I. PURPOSE" in page and "Petro" in page
    assert result.warnings and all(w.message for w in result.warnings)
