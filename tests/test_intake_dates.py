"""Dates resolved against the publication date, with the precision the text gives."""

from __future__ import annotations

import pytest
from intake_helpers import date_of, extract_text

from briefing_app.exchange.intake.dating import find_dates


@pytest.mark.parametrize(
    ("published", "sentence", "phrase", "expected"),
    [
        ("2019-09-12", "Iran said on Wednesday that it seized the tanker.", "on Wednesday",
         "2019-09-11"),
        ("2026-02-10", "Washington revoked the visa in September, officials recalled.",
         "in September", "2025-09"),
        ("2026-02-05", "Petro llegó a Caracas el pasado 3 de enero con su canciller.",
         "el pasado 3 de enero", "2026-01-03"),
        ("2026-01-30", "Petro will meet Trump at the White House on Tuesday, Feb. 3, aides "
         "said.", "Tuesday, Feb. 3", "2026-02-03"),
        ("2026-02-05", "The deal was first signed in May 2018 by both governments.",
         "May 2018", "2018-05"),
        ("2026-02-05", "El ministro explicó este martes la nueva política de fronteras.",
         "este martes", "2026-02-03"),
        ("2026-02-05", "Los cancilleres se reunirán el próximo 20 de febrero en Lima.",
         "20 de febrero", "2026-02-20"),
        ("2025-11-14", "The force would begin operating in January along the border.",
         "in January", "2026-01"),
        ("2026-03-10", "El presidente decretó hoy el estado de excepción en tres provincias.",
         "hoy", "2026-03-10"),
        ("2026-01-28", "Much depends on what happens in May, when Colombians elect a new "
         "president.", "in May", "2026-05"),
    ],
)
def test_relative_dates_count_from_the_publication_date(published, sentence, phrase, expected):
    assert date_of(extract_text(sentence, published=published), phrase) == expected


def test_a_year_alone_is_a_year_and_a_full_date_needs_no_publication_date():
    x = extract_text("Talks began in 2018 and ended on 12 September 2019 in Geneva, aides said.")
    assert (date_of(x, "in 2018"), date_of(x, "12 September 2019")) == ("2018", "2019-09-12")


def test_without_a_publication_date_relative_dates_stay_empty_and_are_counted():
    x = extract_text("Rouhani met the cabinet on Wednesday in Tehran to discuss the tanker.")
    assert date_of(x, "on Wednesday") == ""
    assert x.undated == 1 and "left undated" in x.notices[0]


def test_a_dateline_gives_the_publication_date():
    x = extract_text("Thursday 12 September 2019\n\nIran said on Wednesday that it would "
                     "respond to any attack on its oil tankers.")
    assert x.source.published == "2019-09-12"
    assert date_of(x, "on Wednesday") == "2019-09-11"


def test_may_and_march_as_verbs_are_not_months():
    text = "Officials may decide soon, and the troops will march to the border."
    assert find_dates(text, 0, len(text), "en", None) == []
