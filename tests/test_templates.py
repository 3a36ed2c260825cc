"""Templates are data files: the built-ins follow the memo conventions, bad files say why."""

from __future__ import annotations

import json

import pytest

from briefing_app.core.model import Briefing, Section
from briefing_app.core.templates import (
    Template,
    TemplateError,
    TemplateSection,
    available_templates,
    load_template,
    load_template_file,
    roman,
    save_template,
    slugify,
    template_from_briefing,
    template_to_dict,
    user_templates_dir,
)


def structure(template: Template) -> list[tuple[str, str]]:
    return [(s.heading, s.automatic) for s in template.sections]


def test_the_four_builtin_templates_are_available():
    assert available_templates()[:4] == [
        "action-memo", "meeting-brief", "one-page-brief", "scene-setter"]


def test_meeting_brief_has_numbered_sections_and_automatic_ones():
    t = load_template("meeting-brief")
    assert structure(t) == [
        ("Purpose", ""), ("Background", ""), ("Key Issues", ""), ("Talking Points", ""),
        ("Participants", "participants"), ("Timeline", "timeline"),
        ("Outcome Scenarios", ""), ("Sources", "sources"),
    ]
    assert (t.title_line, t.section_numbering, t.heading_case) == ("MEMORANDUM", "roman", "upper")
    assert t.heading_text("Purpose", 1) == "I. PURPOSE"
    assert t.font_size == 12 and t.page_target is None


def test_scene_setter_numbers_pages_with_dashes():
    t = load_template("scene-setter")
    assert [h for h, _ in structure(t)] == [
        "Purpose", "Scenario", "Participants", "Talking Points", "Background"]
    assert t.page_numbering == "dash"
    assert t.heading_text("Scenario", 2) == "SCENARIO"


def test_action_memo_has_its_title_line_and_a_two_page_target():
    t = load_template("action-memo")
    assert t.title_line == "ACTION MEMO" and t.page_target == 2
    assert [h for h, _ in structure(t)] == ["Recommendation", "Background", "Discussion"]


def test_one_page_brief_targets_one_page():
    t = load_template("one-page-brief")
    assert t.page_target == 1
    assert [h for h, _ in structure(t)] == ["Purpose", "Key Points", "Talking Points"]


def test_new_sections_start_a_briefing_with_the_template_structure():
    sections = load_template("meeting-brief").new_sections()
    assert all(isinstance(s, Section) and s.blocks == [] for s in sections)
    assert sections[5].heading == "Timeline" and sections[5].automatic == "timeline"


def test_missing_template_names_the_available_ones():
    with pytest.raises(TemplateError, match="No template 'memo'.*meeting-brief"):
        load_template("memo")


def valid() -> dict:
    return template_to_dict(load_template("one-page-brief"))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"section_numbering": "arabic"}, "section_numbering must be one of none, roman"),
        ({"heading_case": "lower"}, "heading_case must be one of upper, as-written"),
        ({"page_numbering": "roman"}, "page_numbering must be one of page-x-of-y, dash"),
        ({"note_style": "sidenotes"}, "note_style must be one of footnotes, endnotes"),
        ({"page_target": 0}, "page_target must be a whole number"),
        ({"font_size": "12"}, "font_size must be a number"),
        ({"sections": []}, "sections must be a non-empty list"),
        ({"sections": [{"heading": "T", "automatic": "timelines"}]},
         "section 1: automatic must be one of timeline, participants, sources"),
        ({"sections": [{"heading": " "}]}, "section 1: heading must be non-empty"),
        ({"sectoins": []}, "unknown field 'sectoins'"),
        ({"title": ""}, "title must be non-empty text"),
        ({"name": "Other Name"}, "lower-case words"),
    ],
)
def test_bad_template_files_fail_naming_the_file_and_field(tmp_path, change, problem):
    data = valid() | change
    path = tmp_path / "one-page-brief.json"
    path.write_text(json.dumps(data))
    with pytest.raises(TemplateError, match="one-page-brief.json") as caught:
        load_template_file(path)
    assert problem in str(caught.value)


def test_broken_json_is_reported(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"name": "x",')
    with pytest.raises(TemplateError, match="x.json: not valid JSON"):
        load_template_file(path)


def test_saved_template_goes_to_the_user_folder_and_loads_back():
    template = Template(
        name="trade-brief", title="Trade brief",
        sections=(TemplateSection("Purpose"), TemplateSection("Timeline", "timeline")),
        section_numbering="roman", page_numbering="dash", page_target=3, font_size=14,
    )
    path = save_template(template)
    assert path == user_templates_dir() / "trade-brief.json"
    assert load_template("trade-brief") == template
    assert available_templates()[-1] == "trade-brief"


def test_a_user_template_replaces_a_builtin_of_the_same_name():
    mine = load_template("one-page-brief")
    save_template(Template(name=mine.name, title="Our one-pager",
                           sections=(TemplateSection("Bottom line"),), font_size=14))
    loaded = load_template("one-page-brief")
    assert loaded.title == "Our one-pager" and loaded.font_size == 14
    assert available_templates().count("one-page-brief") == 1


def test_save_refuses_an_invalid_template(tmp_path):
    with pytest.raises(TemplateError, match="heading_case"):
        save_template(Template(name="x", title="X", sections=(TemplateSection("A"),),
                               heading_case="shout"), tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_template_from_briefing_keeps_the_structure_and_the_base_look():
    briefing = Briefing(
        id="b1", title="Petro visit", template="scene-setter", note_style="endnotes",
        sections=[Section("Purpose"), Section("Our objectives"), Section("Press line"),
                  Section("Participants", automatic="participants"), Section("  ")],
    )
    template = template_from_briefing(briefing, "Visit brief (UK style)")
    assert template.name == "visit-brief-uk-style"
    assert template.title == "Visit brief (UK style)"
    assert structure(template) == [("Purpose", ""), ("Our objectives", ""), ("Press line", ""),
                                   ("Participants", "participants")]
    assert template.page_numbering == "dash" and template.note_style == "endnotes"
    save_template(template)
    assert load_template("visit-brief-uk-style") == template


def test_template_from_briefing_needs_a_usable_name():
    with pytest.raises(TemplateError, match="cannot name a template"):
        template_from_briefing(Briefing(id="b", title="t", sections=[Section("A")]), "!!!")


def test_roman_numerals_and_slugs():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 2026)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "MMXXVI"]
    assert slugify("Propósito clave") == "proposito-clave"
    assert slugify("  ") == ""
