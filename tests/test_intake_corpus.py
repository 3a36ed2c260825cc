"""The quality targets, measured on the hand-made corpus (``bench/bench_intake.py``
prints the same figures per article)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "intake_corpus"))

from scoring import Score, expectations, run, score  # noqa: E402

from briefing_app.exchange.intake import extraction_pack  # noqa: E402
from briefing_app.exchange.pack_validate import validate_pack  # noqa: E402

EXPECTED = expectations()


def test_the_corpus_has_every_kind_of_input_in_both_languages():
    suffixes = {e["path"].suffix for e in EXPECTED}
    assert {".txt", ".html", ".eml", ".docx", ".pdf"} <= suffixes
    assert {e["language"] for e in EXPECTED} == {"en", "es"}
    assert len(EXPECTED) >= 15


@pytest.fixture(scope="module")
def total() -> Score:
    result = Score()
    for expected in EXPECTED:
        result.add(score(expected, run(expected)))
    return result


def test_quote_recall_and_speakers_meet_the_targets(total):
    figures = total.figures()
    assert figures["quote recall"] >= 0.95, total.misses
    assert figures["speaker accuracy"] >= 0.90, total.misses


def test_no_name_title_or_scare_quote_is_taken_for_a_quote(total):
    assert total.scare_taken == 0, total.misses


def test_dates_and_people_meet_the_targets(total):
    figures = total.figures()
    assert figures["date accuracy"] >= 0.90, total.misses
    assert figures["people recall"] >= 0.90, total.misses


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["name"] for e in EXPECTED])
def test_each_article_gives_a_valid_pack_with_its_source(expected):
    extraction = run(expected)
    pack = extraction_pack(extraction)
    assert validate_pack(pack) == []
    source = extraction.source
    if "expected_published" in expected:
        assert source.published == expected["expected_published"]
    if "expected_outlet" in expected:
        assert source.outlet == expected["expected_outlet"]
