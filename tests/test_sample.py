"""The shipped sample: faithful to its seed article, valid, and the first-run fact base."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing_app.core import dates
from briefing_app.core.paths import resource_path
from briefing_app.exchange.factpack import validate_pack

SAMPLE = resource_path("sample", "petro-trump.factpack.json")
ARTICLE = Path("/work/shared/seed/petro-trump-meeting-article.txt")
QUOTED = re.compile(r"“([^”]*)”")


@pytest.fixture(scope="module")
def pack() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def items_by_id(pack) -> dict:
    return {item["id"]: item for item in pack["items"]}


def test_the_sample_is_a_valid_pack(pack):
    assert validate_pack(pack) == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the seed article is not in this checkout")
def test_every_quoted_string_in_a_quote_item_is_verbatim_from_the_article(pack):
    article = ARTICLE.read_text(encoding="utf-8")
    quotes = [item for item in pack["items"] if item["kind"] == "quote"]
    assert len(quotes) >= 3
    for item in quotes:
        quoted = QUOTED.findall(item["text"]) + QUOTED.findall(item.get("title", ""))
        assert quoted, f"{item['id']} quotes nothing"
        for words in quoted:
            assert f"“{words}" in article, f"{item['id']}: “{words}” is not in the article"


def test_all_dates_are_partial_iso_and_none_has_an_invented_time(pack):
    found = [item["date"] for item in pack["items"] if item.get("date")]
    found += [pack["briefings"][0]["date"], pack["briefings"][0]["meeting"]["date"]]
    assert found
    for value in found:
        assert dates.normalize(value) == value
        assert "T" not in value  # the article gives no time of day


def test_dates_keep_the_precision_the_article_gives(pack):
    items = items_by_id(pack)
    assert items["f-visa-revoked"]["date"] == "2025-09"
    assert items["f-ofac-sanctions"]["date"] == "2025-10"
    assert items["f-state-no-certification"]["date"] == "2025-10"
    assert items["e-phone-call"]["date"] == "2026-01"
    assert items["e-white-house-meeting"]["date"] == "2026-02-03"
    assert items["e-white-house-meeting"]["location"]


def test_sources_follow_the_article_attribution(pack):
    items = items_by_id(pack)
    assert items["q-petro-decisive"]["source"] == "s-efe"
    assert items["q-petro-decisive"]["speaker"] == "p-petro"
    assert items["q-bessent-strong-action"]["speaker"] == "p-bessent"
    assert items["f-state-no-certification"]["source"] == "s-state"
    assert items["f-ofac-sanctions"]["source"] == "s-treasury"
    article_source = next(s for s in pack["sources"] if s["id"] == "s-article")
    assert "url" not in article_source and "published" not in article_source
    assert article_source["title"] == (
        "Petro’s high-stakes Trump meeting tests a strained U.S.–Colombia partnership"
    )


def test_only_the_rejected_cartel_accusation_is_disputed_and_all_is_unclassified(pack):
    statuses = {item["id"]: item["status"] for item in pack["items"]}
    assert [i for i, s in statuses.items() if s != "unverified"] == ["f-bessent-cartel-accusation"]
    assert statuses["f-bessent-cartel-accusation"] == "disputed"
    assert {item.get("marking") for item in pack["items"]} == {"U"}
    assert all(item.get("tags") for item in pack["items"])


def test_the_sample_briefing_has_the_expected_shape(pack):
    [briefing] = pack["briefings"]
    assert briefing["id"] == "b-petro-meeting"
    assert briefing["date"] == "2026-02-02"
    assert briefing["meeting"]["participants"] == ["p-trump", "p-petro"]
    headings = [(s["heading"], s.get("automatic", "")) for s in briefing["sections"]]
    assert headings == [
        ("Purpose", ""), ("Background", ""), ("Key Issues", ""), ("Talking Points", ""),
        ("Participants", "participants"), ("Timeline", "timeline"),
        ("Outcome Scenarios", ""), ("Sources", "sources"),
    ]
    blocks = [b for s in briefing["sections"] for b in s["blocks"]]
    assert any(b.get("note") for b in blocks)
    assert not any("override" in b for b in blocks)
    talking = briefing["sections"][3]["blocks"]
    assert talking and all(b.get("style") == "talking-point" for b in talking)


def test_the_sample_imports_into_a_new_fact_base(sample_fb, pack):
    assert sample_fb.item_count() == len(pack["items"])
    assert sample_fb.get_setting("marking_scheme") == "us"
    briefing = sample_fb.get_briefing("b-petro-meeting")
    assert briefing.from_ == "Western Hemisphere Affairs staff"
    assert sample_fb.get_person("p-bessent").organization == "U.S. Department of the Treasury"


def test_an_empty_fact_base_has_settings_but_no_records(tmp_path):
    from briefing_app.exchange.sample import create_fact_base

    with create_fact_base(tmp_path / "empty.sqlite", empty=True) as fb:
        assert fb.item_count() == 0
        assert fb.list_briefings() == []
        assert fb.get_setting("marking_scheme") == "us"


def test_creating_a_fact_base_never_overwrites_a_file(tmp_path):
    from briefing_app.exchange.sample import create_fact_base
    from briefing_app.store import FactBaseError

    precious = tmp_path / "precious.sqlite"
    precious.write_bytes(b"someone's data")
    with pytest.raises(FactBaseError, match="already exists"):
        create_fact_base(precious)
    assert precious.read_bytes() == b"someone's data"


def test_the_default_fact_base_is_created_with_the_sample_only_once(tmp_path, monkeypatch):
    from briefing_app.core.model import Item
    from briefing_app.exchange.sample import open_or_create_default

    target = tmp_path / "nested" / "folder" / "facts.sqlite"
    monkeypatch.setenv("BRIEFING_APP_DB", str(target))
    with open_or_create_default() as fb:
        count = fb.item_count()
        assert count > 0
        fb.delete_items(["f-visa-revoked"])
        fb.save_item(Item(id="f-mine", kind="fact", text="My own fact"))
    with open_or_create_default() as fb:  # opened, not re-created or re-imported
        assert fb.get_item("f-visa-revoked") is None
        assert fb.get_item("f-mine") is not None
        assert fb.item_count() == count
