"""A big pack is imported as a stream: the same records written, the same problems listed
and the same all-or-nothing rule as a pack read whole, in memory that does not grow with
the file. The stream is read in tiny chunks here so every record crosses a boundary."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.library import Library
from briefing_app.exchange import json_stream
from briefing_app.exchange.factpack import (
    FORMAT,
    PackError,
    import_pack,
    pack_dict,
    pack_json,
    write_content,
)
from briefing_app.exchange.pack_stream import StreamedPack
from briefing_app.store import FactBase

BASE_PACK = {
    "format": FORMAT,
    "version": 1,
    "sources": [{"id": "s-1", "outlet": "EFE", "published": "2026-02-03"}],
    "people": [{"id": "p-1", "name": "Gustavo Petro", "role": "President"},
               {"id": "p-2", "name": "Laura Sarabia"}],
    "items": [
        {"id": "f-1", "kind": "fact", "text": "A fact.", "date": "2025-09",
         "people": ["p-1"], "tags": ["visa", "Perú"], "source": "s-1"},
        {"id": "q-1", "kind": "quote", "text": "Una cita.", "speaker": "p-1",
         "language": "es", "translation": "A quote."},
        {"id": "e-1", "kind": "event", "text": "An event.", "date": "2026-02-03",
         "end_date": "2026-02-04", "location": "White House"},
    ],
    "briefings": [
        {"id": "b-1", "title": "A briefing", "meeting": {"participants": ["p-2"]},
         "sections": [{"heading": "Background",
                       "blocks": [{"item": "f-1"}, {"text": "Say this."}]},
                      {"heading": "Timeline", "automatic": "timeline"}]},
    ],
}


@pytest.fixture(autouse=True)
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(json_stream, "CHUNK_BYTES", 7)


def both_ways(tmp_path, text: str | bytes, name: str = "pack.json"):
    """Import the same file read whole and streamed, each into a new fact base; returns
    (outcome, fact base as a pack) for each: the ImportResult summary or the problems."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    answers = []
    for streamed in (False, True):
        with FactBase.open(":memory:") as fb:
            try:
                if streamed:
                    result = write_content(fb, StreamedPack(path))
                else:
                    result = import_pack(fb, path)
                outcome = result.summary()
            except PackError as error:
                outcome = error.problems
            answers.append((outcome, pack_dict(fb)))
    return answers


def assert_same(tmp_path, pack_or_text) -> list:
    text = pack_or_text
    if isinstance(pack_or_text, dict):  # escaped: a lone surrogate is only written so
        text = json.dumps(pack_or_text, indent=2)
    whole, streamed = both_ways(tmp_path, text)
    assert streamed == whole
    return whole[0]


def test_a_good_pack_writes_the_same_records(tmp_path):
    outcome = assert_same(tmp_path, BASE_PACK)
    assert "items: 3 created" in outcome


def test_compact_and_pretty_json_read_alike(tmp_path):
    assert_same(tmp_path, json.dumps(BASE_PACK, separators=(",", ":")))
    assert_same(tmp_path, "\ufeff" + json.dumps(BASE_PACK, indent=4))  # a byte order mark


def test_people_listed_after_the_items_that_cite_them(tmp_path):
    reordered = {key: BASE_PACK[key] for key in
                 ("briefings", "items", "people", "format", "sources", "version")}
    outcome = assert_same(tmp_path, reordered)
    assert "items: 3 created" in outcome


def mutated(change) -> dict:
    pack = copy.deepcopy(BASE_PACK)
    change(pack)
    return pack


@pytest.mark.parametrize("change", [
    lambda p: p["items"][0].update(date="Sept 2025"),
    lambda p: p["items"][1].update(speaker="p-x"),
    lambda p: p["items"].append({"id": "f-1", "kind": "fact", "text": "again"}),
    lambda p: p["items"][2].update(kind="rumour", staus="v"),
    lambda p: p["people"][0].update(name=42),
    lambda p: p["briefings"][0]["sections"][0]["blocks"].append({"item": "f-404"}),
    lambda p: p.update(extra=1),
    lambda p: p.update(format="other"),
    lambda p: p.pop("version"),
    lambda p: p.update(items={"id": "f-1"}),
    lambda p: p.update(people=None),
    lambda p: p["items"].insert(0, "not an object"),
    lambda p: p["items"][0].update(text="half \ud800 a character"),
], ids=["date", "ref", "dup-id", "kind", "type", "block-ref", "top-key", "format",
        "version", "not-array", "null-section", "not-object", "surrogate"])
def test_every_problem_is_listed_as_when_read_whole(tmp_path, change):
    outcome = assert_same(tmp_path, mutated(change))
    assert isinstance(outcome, list)


@pytest.mark.parametrize("text", [
    "", "   \n", "[1, 2]", '"pack"', "{", '{"format": 1,}', '{"items": [{"id": 1} {"id": 2}]}',
    '{"items": [1,]}', '{"format" 1}', '{"a": 1} x', '{"a": NaN}', '{"a": 1, "a": 2}',
    '{"format": "briefing-factpack", "version": 1,\n "items": [{"id": "f", "id": "g"}]}',
    '{\n  "items": [\n    {"id": "f-1",\n "text": "tab\tinside"}\n  ]\n}',
])
def test_broken_json_gets_the_same_message(tmp_path, text):
    outcome = assert_same(tmp_path, text)
    assert isinstance(outcome, list)


def test_bytes_that_are_not_utf8_get_the_same_message(tmp_path):
    outcome = assert_same(tmp_path, b'{"format": "caf\xe9"}')
    assert "not UTF-8" in outcome[0]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(1, 400), junk=st.sampled_from(["", "}", "]", ",", '"', "x", "\n"]))
def test_a_cut_or_spoiled_file_gets_the_same_message(tmp_path, cut, junk):
    text = pack_json(BASE_PACK)
    assert_same(tmp_path, text[:cut] + junk + text[cut + 1:])


def test_a_streamed_import_is_one_undo_step_and_redo_reads_the_file_again(tmp_path):
    path = tmp_path / "pack.json"
    path.write_text(pack_json(BASE_PACK), encoding="utf-8")
    with FactBase.open(":memory:") as fb:
        library = Library(fb)
        write_content(library, StreamedPack(path))
        imported = pack_dict(fb)
        library.undo()
        assert fb.item_count() == 0 and fb.list_people() == []
        library.redo()
        assert pack_dict(fb) == imported


def test_redo_refuses_a_pack_that_changed_since(tmp_path):
    path = tmp_path / "pack.json"
    path.write_text(pack_json(BASE_PACK), encoding="utf-8")
    with FactBase.open(":memory:") as fb:
        library = Library(fb)
        write_content(library, StreamedPack(path))
        library.undo()
        path.write_text(pack_json(BASE_PACK) + "\n", encoding="utf-8")
        with pytest.raises(PackError, match="changed since it was imported"):
            library.redo()
        assert fb.item_count() == 0


def test_a_big_file_is_streamed_by_import_pack(tmp_path, monkeypatch):
    from briefing_app.exchange import factpack, pack_stream

    path = tmp_path / "pack.json"
    path.write_text(pack_json(BASE_PACK), encoding="utf-8")
    monkeypatch.setattr(pack_stream, "STREAM_FROM_BYTES", 100)
    monkeypatch.setattr(factpack, "read_pack", None)  # never read whole
    with FactBase.open(":memory:") as fb:
        assert import_pack(fb, path).items.created == 3
