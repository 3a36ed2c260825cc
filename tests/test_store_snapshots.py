"""Snapshots put deleted items and merged records back exactly, references included."""

from __future__ import annotations

import pytest

from briefing_app.core.model import Block, Item, Person
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBaseError
from briefing_app.store.snapshots import ItemSnapshot


def cited_items(fb) -> list[list[str | None]]:
    briefing = fb.get_briefing(SAMPLE_BRIEFING_ID)
    return [[b.item for b in section.blocks] for section in briefing.sections]


def test_a_deleted_item_comes_back_with_tags_people_and_timestamps(sample_fb):
    before = sample_fb.get_item("q-bessent-strong-action")
    [snapshot] = sample_fb.capture_items(["q-bessent-strong-action"])
    assert [b.block.item for b in snapshot.blocks] == ["q-bessent-strong-action"]

    sample_fb.delete_items(["q-bessent-strong-action"])
    assert sample_fb.get_item("q-bessent-strong-action") is None
    assert sample_fb.count("tag:ofac") == 1

    sample_fb.restore_items([snapshot])
    assert sample_fb.get_item("q-bessent-strong-action") == before
    assert sample_fb.count("tag:ofac") == 2  # the search index knows it again
    assert sample_fb.count("person:bessent strong") == 1


def test_a_block_removed_meanwhile_is_put_back_in_its_place(sample_fb):
    order = cited_items(sample_fb)
    [snapshot] = sample_fb.capture_items(["f-ofac-sanctions"])
    sample_fb.delete_items(["f-ofac-sanctions"])
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    background = briefing.sections[1]
    background.blocks = [b for b in background.blocks if b.item != "f-ofac-sanctions"]
    sample_fb.save_briefing(briefing)
    assert "f-ofac-sanctions" not in cited_items(sample_fb)[1]

    sample_fb.restore_items([snapshot])
    assert cited_items(sample_fb) == order
    restored = sample_fb.get_briefing(SAMPLE_BRIEFING_ID).sections[1].blocks[1]
    assert restored.id == snapshot.blocks[0].block.id


def test_restoring_an_item_whose_block_still_exists_adds_no_second_block(sample_fb):
    order = cited_items(sample_fb)
    snapshots = sample_fb.capture_items(["f-visa-revoked", "e-phone-call", "nonexistent"])
    assert [s.item.id for s in snapshots] == ["f-visa-revoked", "e-phone-call"]
    sample_fb.delete_items(["f-visa-revoked", "e-phone-call"])
    sample_fb.restore_items(snapshots)
    assert cited_items(sample_fb) == order


def test_a_failed_restore_changes_nothing(sample_fb):
    [snapshot] = sample_fb.capture_items(["f-visa-revoked"])
    sample_fb.delete_items(["f-visa-revoked"])
    broken = Item(id="x-new", kind="fact", text="orphan", source="no-such-source")
    with pytest.raises(FactBaseError):
        sample_fb.restore_items([snapshot, ItemSnapshot(broken)])
    assert sample_fb.get_item("f-visa-revoked") is None


def test_undoing_a_person_merge_restores_speaker_people_and_participants(sample_fb):
    bessent_quote = sample_fb.get_item("q-bessent-strong-action")
    accusation = sample_fb.get_item("f-bessent-cartel-accusation")
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    briefing.meeting.participants.append("p-bessent")
    sample_fb.save_briefing(briefing)
    participants = sample_fb.get_briefing(SAMPLE_BRIEFING_ID).meeting.participants
    uses = sample_fb.person_uses("p-bessent")
    assert uses == 4  # speaker once, person of two items, one participant

    merge = sample_fb.capture_person_merge("p-petro", "p-bessent")
    sample_fb.merge_people("p-petro", "p-bessent")
    assert sample_fb.get_item("q-bessent-strong-action").speaker == "p-petro"
    assert sample_fb.get_item("f-bessent-cartel-accusation").people == ["p-petro"]

    sample_fb.undo_person_merge(merge)
    assert sample_fb.get_person("p-bessent").name == "Scott Bessent"
    assert sample_fb.get_item("q-bessent-strong-action").speaker == "p-bessent"
    assert sample_fb.get_item("q-bessent-strong-action").people == bessent_quote.people
    assert sample_fb.get_item("f-bessent-cartel-accusation").people == accusation.people
    assert sample_fb.get_briefing(SAMPLE_BRIEFING_ID).meeting.participants == participants
    assert sample_fb.person_uses("p-bessent") == uses
    assert sample_fb.count("person:bessent") == 2


def test_undoing_a_source_merge_gives_the_items_their_source_back(sample_fb):
    cited = sample_fb.search_ids("source:efe", limit=None)
    assert sample_fb.source_uses("s-efe") == len(cited) == 2
    merge = sample_fb.capture_source_merge("s-article", "s-efe")
    sample_fb.merge_sources("s-article", "s-efe")
    assert sample_fb.get_source("s-efe") is None

    sample_fb.undo_source_merge(merge)
    assert sample_fb.get_source("s-efe").outlet == "EFE"
    assert sorted(sample_fb.search_ids("source:efe", limit=None)) == sorted(cited)


def test_undoing_a_tag_merge_restores_both_tags_on_each_item(sample_fb):
    tagged = {i.id: i.tags for i in sample_fb.search("", limit=None)}
    snapshot = sample_fb.capture_tag("ofac", survivor="sanctions")
    sample_fb.merge_tags("sanctions", "ofac")
    assert "ofac" not in dict(sample_fb.list_tags())

    sample_fb.restore_tag(snapshot)
    assert {i.id: i.tags for i in sample_fb.search("", limit=None)} == tagged
    assert {"ofac", "sanctions"} <= set(tagged["f-ofac-sanctions"])  # had both
    assert sample_fb.count("tag:ofac") == 2


def test_a_deleted_tag_comes_back_on_its_items(sample_fb):
    tagged = {i.id: i.tags for i in sample_fb.search("", limit=None)}
    snapshot = sample_fb.capture_tag("messaging")
    sample_fb.delete_tag("messaging")
    sample_fb.restore_tag(snapshot)
    assert {i.id: i.tags for i in sample_fb.search("", limit=None)} == tagged


def test_capturing_unknown_records_names_them(sample_fb):
    with pytest.raises(FactBaseError, match="nobody"):
        sample_fb.capture_person_merge("p-petro", "nobody")
    with pytest.raises(FactBaseError, match="no-outlet"):
        sample_fb.capture_source_merge("no-outlet", "s-efe")
    with pytest.raises(FactBaseError, match="no-such-tag"):
        sample_fb.capture_tag("no-such-tag")


def test_restoring_items_into_an_empty_base_keeps_a_block_of_a_kept_briefing(fb):
    fb.save_person(Person(id="p1", name="Ana"))
    item = fb.save_item(Item(id="i1", kind="fact", text="A fact", people=["p1"], tags=["t"]))
    from briefing_app.core.model import Briefing, Section

    fb.save_briefing(Briefing(id="b1", title="B", sections=[
        Section("One", [Block(text="free"), Block(item="i1", note="keep")])]))
    snapshots = fb.capture_items(["i1"])
    fb.delete_items(["i1"])
    briefing = fb.get_briefing("b1")
    briefing.sections[0].blocks = briefing.sections[0].blocks[:1]
    fb.save_briefing(briefing)
    fb.restore_items(snapshots)
    blocks = fb.get_briefing("b1").sections[0].blocks
    assert [(b.text, b.item, b.note) for b in blocks] == [("free", None, ""), ("", "i1", "keep")]
    assert fb.get_item("i1") == item
