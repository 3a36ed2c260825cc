"""Possible duplicates: near-identical texts are found, merely related ones are not."""

from __future__ import annotations

import time

from briefing_app.core.model import Item
from briefing_app.store import similar
from briefing_app.store.similar import similarity

OFAC = (
    "The U.S. Treasury's Office of Foreign Assets Control sanctioned Petro, his wife, "
    "his son and Interior Minister Armando Benedetti."
)


def test_a_near_identical_text_is_found_with_its_similarity(sample_fb):
    stored = sample_fb.get_item("f-ofac-sanctions").text
    retyped = stored.replace("Treasury", "Tresury").upper()  # a typo, shouted
    [hit, *_] = sample_fb.find_similar(retyped)
    assert hit.id == "f-ofac-sanctions"
    assert hit.kind == "fact" and hit.text == stored
    assert 0.8 <= hit.ratio < 1.0


def test_accents_case_and_spacing_do_not_count_as_differences():
    assert similarity("Bogotá  rejects the CLAIMS.", "bogota rejects the claims") == 1.0


def test_a_related_but_different_text_is_not_a_duplicate(sample_fb):
    assert sample_fb.find_similar("Petro criticised the Treasury sanctions on Colombia.") == []
    assert sample_fb.find_similar("") == []
    assert sample_fb.find_similar("zzz qqq") == []  # no word is in the fact base


def test_the_item_being_edited_is_not_its_own_duplicate(sample_fb):
    text = sample_fb.get_item("f-visa-revoked").text
    assert [s.id for s in sample_fb.find_similar(text)][:1] == ["f-visa-revoked"]
    assert sample_fb.find_similar(text, exclude_id="f-visa-revoked") == []


def test_a_title_only_item_is_compared_by_its_title(fb):
    fb.save_item(Item(id="t1", kind="event", text="", title="Summit of the Americas opens"))
    assert [s.id for s in fb.find_similar("The Americas summit was postponed")] == []
    assert [s.id for s in fb.find_similar("summit of the Americas opens.")] == ["t1"]


def test_common_words_only_still_find_the_duplicate_quickly(fb, monkeypatch):
    # Pretend every word is common so the all-words path (and the unranked one) runs.
    monkeypatch.setattr(similar, "RANKED_MAX", 3)
    fb.save_items(
        [Item(id=f"n{n}", kind="fact", text=f"Colombia and the United States talk {n}")
         for n in range(40)]
        + [Item(id="dup", kind="fact", text="Colombia and the United States agree a plan")]
    )
    found = fb.find_similar("Colombia and the United States agree a plan!")
    assert found[0].id == "dup" and found[0].ratio == 1.0


def test_many_candidates_are_compared_in_well_under_a_tenth_of_a_second(fb):
    words = ["sanctions", "visa", "coca", "trade", "cartel", "talks", "meeting", "treasury",
             "decree"]
    fb.save_items(
        [Item(id=f"i{n}", kind="fact",
              text=" ".join(words[(n + k) % len(words)] for k in range(12)) + f" {OFAC}")
         for n in range(2000)]
        + [Item(id="dup", kind="fact", text=OFAC.replace("wife", "wife Verónica Alcocer"))]
    )
    similarity("warm", "up")
    started = time.perf_counter()
    found = fb.find_similar(OFAC)
    assert time.perf_counter() - started < 0.1
    assert [s.id for s in found] == ["dup"]
