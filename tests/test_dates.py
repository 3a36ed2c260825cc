"""Partial ISO dates: parsing, rejection, chronological order and display."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_app.core import dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", dates.PartialDate(2025)),
        ("2025-09", dates.PartialDate(2025, 9)),
        ("2026-02-03", dates.PartialDate(2026, 2, 3)),
        ("2026-02-03T11:00", dates.PartialDate(2026, 2, 3, 11, 0)),
        ("  2024-02-29 ", dates.PartialDate(2024, 2, 29)),
    ],
)
def test_parse_accepts_every_precision(text, expected):
    assert dates.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2025", "year"), ("2025-09", "month"), ("2025-09-14", "day"), ("2025-09-14T08:30", "minute")],
)
def test_precision_follows_the_given_parts(text, precision):
    assert dates.parse(text).precision == precision


@pytest.mark.parametrize(
    "bad",
    ["2025-13", "2025-02-30", "2023-02-29", "2025-9", "25-09-01", "September 2025",
     "2025-09-01T24:00", "2025-09-01T10:60", "0000", "2025/09/01", "yesterday"],
)
def test_rejection_names_the_value(bad):
    with pytest.raises(dates.DateError) as caught:
        dates.parse(bad)
    assert repr(bad) in str(caught.value)


def test_date_error_is_a_value_error_so_callers_can_catch_either():
    with pytest.raises(ValueError):
        dates.normalize("2025-00")


def test_normalize_trims_and_keeps_empty_empty():
    assert dates.normalize(" 2025-09-01 ") == "2025-09-01"
    assert dates.normalize("") == ""
    assert dates.normalize(None) == ""
    assert dates.normalize("   ") == ""


def test_is_valid():
    assert dates.is_valid("2026-02")
    assert not dates.is_valid("2026-02-31")


def test_plain_string_order_is_chronological_with_a_month_before_its_days():
    values = ["2026-02-03T11:00", "2025-09-14", "2026", "2025-09", "2025", "2026-02-03",
              "2025-10-01", "2025-09-01"]
    assert sorted(values) == [
        "2025", "2025-09", "2025-09-01", "2025-09-14", "2025-10-01", "2026", "2026-02-03",
        "2026-02-03T11:00",
    ]
    assert sorted(values, key=dates.sort_key) == sorted(values)


def test_sort_key_puts_undated_last():
    assert sorted(["", "2025-09", "2024"], key=dates.sort_key) == ["2024", "2025-09", ""]


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        ("2025", "en", "2025"),
        ("2025-09", "en", "September 2025"),
        ("2026-02-03", "en", "February 3, 2026"),
        ("2026-02-03T11:00", "en", "February 3, 2026, 11:00"),
        ("2025-09", "es", "septiembre de 2025"),
        ("2026-02-03", "es", "3 de febrero de 2026"),
        ("2026-02-03T09:05", "es", "3 de febrero de 2026, 09:05"),
        ("2026-02-03", "fr", "February 3, 2026"),  # unknown languages fall back to English
        ("", "en", ""),
    ],
)
def test_format_date_by_precision_and_language(value, language, text):
    assert dates.format_date(value, language) == text


def test_age_in_days_counts_from_the_first_possible_day():
    assert dates.age_in_days("2026-01", "2026-01-31") == 30
    assert dates.age_in_days("2026-01-31", dt.date(2026, 2, 2)) == 2
    assert dates.age_in_days("", "2026-01-01") is None
