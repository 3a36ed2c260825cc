"""Marking schemes are data: built-in files load, order is respected, unknown codes are named."""

from __future__ import annotations

import json

import pytest

from briefing_app.core.markings import (
    MarkingError,
    UnknownMarkingError,
    available_schemes,
    load_scheme,
    load_scheme_file,
    user_dir,
)


def test_builtin_schemes_are_available():
    assert {"us", "org"} <= set(available_schemes())


def test_us_scheme_is_ordered_with_banners_and_portion_marks():
    us = load_scheme("us")
    assert us.codes == ["U", "CUI", "C", "S", "TS"]
    assert [us.banner(c) for c in us.codes] == [
        "UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET"]
    assert [us.portion_mark(c) for c in us.codes] == ["(U)", "(CUI)", "(C)", "(S)", "(TS)"]
    assert us.lowest == "U"


def test_org_scheme_orders_public_internal_confidential():
    org = load_scheme("org")
    assert org.codes == ["PUBLIC", "INTERNAL", "CONFIDENTIAL"]
    assert org.highest(["PUBLIC", "CONFIDENTIAL", "INTERNAL"]) == "CONFIDENTIAL"
    assert org.lowest == "PUBLIC"


def test_highest_follows_the_scheme_order_not_the_alphabet():
    us = load_scheme("us")
    assert us.highest(["C", "CUI", "U"]) == "C"
    assert us.highest(["S", "TS", "C"]) == "TS"
    assert us.highest(["CUI", "U"]) == "CUI"


def test_highest_ignores_empty_codes_and_is_empty_when_nothing_is_marked():
    us = load_scheme("us")
    assert us.highest(["", "  ", "U"]) == "U"
    assert us.highest(["", ""]) == ""
    assert us.highest([]) == ""
    assert us.banner("") == ""


def test_codes_match_regardless_of_case_and_spaces():
    us = load_scheme("us")
    assert us.is_known(" s ")
    assert us.canonical("cui") == "CUI"
    assert us.highest(["s", "c"]) == "S"


def test_unknown_code_raises_an_error_naming_it_and_the_known_ones():
    us = load_scheme("us")
    assert not us.is_known("FOUO")
    with pytest.raises(UnknownMarkingError, match="'FOUO'.*U, CUI, C, S, TS") as caught:
        us.highest(["S", "FOUO"])
    assert caught.value.code == "FOUO"
    with pytest.raises(UnknownMarkingError):
        us.banner("SBU")


def test_unknown_scheme_lists_the_available_ones():
    with pytest.raises(MarkingError, match="No marking scheme 'nato'.*org, us"):
        load_scheme("nato")


def write(tmp_path, name, data):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("{not json", "not valid JSON"),
        ([], "JSON object"),
        ({"markings": []}, "non-empty list"),
        ({"markings": [{"code": "A"}]}, "marking 1: banner"),
        ({"markings": [{"code": "A", "banner": "A"}, {"code": "a", "banner": "B"}]},
         "marking 2: code 'a' appears twice"),
        ({"markings": [{"code": "A", "banner": "A", "portion": "(A)"}]}, "without parentheses"),
        ({"name": "other", "markings": [{"code": "A", "banner": "A"}]}, "does not match"),
    ],
)
def test_malformed_scheme_files_fail_with_the_file_and_the_problem(tmp_path, data, problem):
    path = write(tmp_path, "mine", data)
    with pytest.raises(MarkingError, match="mine.json") as caught:
        load_scheme_file(path)
    assert problem in str(caught.value)


def test_user_scheme_is_found_and_may_replace_a_builtin():
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "legacy.json").write_text(json.dumps({"title": "Legacy", "markings": [
        {"code": "U", "banner": "UNCLASSIFIED"},
        {"code": "FOUO", "banner": "UNCLASSIFIED//FOR OFFICIAL USE ONLY"}]}))
    (folder / "org.json").write_text(json.dumps({"markings": [
        {"code": "OPEN", "banner": "OPEN"}, {"code": "CLOSED", "banner": "CLOSED"}]}))
    assert "legacy" in available_schemes()
    assert load_scheme("legacy").banner("fouo") == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert load_scheme("org").codes == ["OPEN", "CLOSED"]
