"""Fact packs: strict all-or-nothing import, idempotent upserts, faithful export."""

from __future__ import annotations

import copy
import dataclasses
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.files import WriteError
from briefing_app.core.model import Item
from briefing_app.exchange.factpack import (
    FORMAT,
    ImportCancelled,
    PackError,
    export_pack,
    import_pack,
    pack_dict,
    pack_json,
    validate_pack,
)
from briefing_app.exchange.safe_read import MAX_FILE_BYTES, read_json_object


def small_pack() -> dict:
    return {
        "format": FORMAT,
        "version": 1,
        "sources": [{"id": "s-efe", "outlet": "EFE"}],
        "people": [{"id": "p-petro", "name": "Gustavo Petro", "role": "President of Colombia"}],
        "items": [
            {"id": "f-visa", "kind": "fact", "text": "Washington revoked Petro’s visa.",
             "date": "2025-09", "people": ["p-petro"], "tags": ["visa"]},
            {"id": "q-decisive", "kind": "quote", "text": "“decisive”", "speaker": "p-petro",
             "source": "s-efe", "language": "en"},
            {"id": "e-meeting", "kind": "event", "text": "White House meeting",
             "date": "2026-02-03", "location": "White House"},
        ],
        "briefings": [
            {"id": "b-1", "title": "Meeting with Petro", "from": "WHA staff",
             "meeting": {"date": "2026-02-03T11:00", "participants": ["p-petro"]},
             "sections": [
                 {"heading": "Background",
                  "blocks": [{"item": "f-visa", "note": "lead with this"},
                             {"text": "Be brief.", "style": "talking-point"}]},
                 {"heading": "Timeline", "automatic": "timeline"},
             ]},
        ],
    }


# ---------------------------------------------------------------- validation (no database)


def test_a_good_pack_has_no_problems():
    assert validate_pack(small_pack()) == []


def test_every_problem_is_reported_with_its_place():
    pack = small_pack()
    pack["items"][0]["date"] = "Sept 2025"
    pack["items"][1]["speaker"] = "p-x"
    pack["items"][2]["kind"] = "rumour"
    pack["items"].append({"id": "f-visa", "kind": "fact", "text": "again", "staus": "verified"})
    pack["people"][0]["name"] = 42
    pack["sources"][0] = {"id": "s-efe"}
    pack["items"][0]["status"] = "confirmed"
    pack["briefings"][0]["note_style"] = "sidenotes"
    pack["briefings"][0]["language"] = "fr"
    pack["briefings"][0]["sections"][0]["blocks"][1]["style"] = "shout"
    pack["briefings"][0]["sections"][1]["automatic"] = "weather"

    problems = validate_pack(pack)

    assert sorted(problems) == sorted([
        'items[0].date: "Sept 2025" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or '
        "YYYY-MM-DDTHH:MM)",
        'items[1].speaker: no person "p-x"',
        'items[2].kind: "rumour" is not a kind (use fact, quote or event)',
        'items[3].id: "f-visa" is used twice (first at items[0])',
        'items[3].staus: unknown key; did you mean "status"?',
        "people[0].name: expected text, found a number",
        "sources[0].outlet: required but missing",
        'items[0].status: "confirmed" is not a status (use unverified, verified or disputed)',
        'briefings[0].note_style: "sidenotes" is not a note style (use footnotes or endnotes)',
        'briefings[0].language: "fr" is not a memo language (use en or es)',
        'briefings[0].sections[0].blocks[1].style: "shout" is not a block style '
        "(use paragraph, bullet or talking-point)",
        'briefings[0].sections[1].automatic: "weather" is not an automatic section '
        "(use timeline, participants or sources)",
    ])


def test_a_wrong_format_or_version_is_one_message_not_thousands():
    pack = small_pack()
    pack["format"] = "something-else"
    pack["items"] = [{"nonsense": True}] * 1000
    assert validate_pack(pack) == [
        'format: expected "briefing-factpack", found "something-else"'
    ]
    pack = small_pack()
    pack["version"] = 2
    assert validate_pack(pack) == [
        "version: 2 is not supported (this Briefing Builder reads version 1)"
    ]
    assert validate_pack({"items": []})[0].startswith("format: required but missing")
    assert validate_pack([small_pack()]) == [
        "pack: expected a JSON object {...}, found an array"
    ]


def test_unknown_keys_are_errors_at_every_level():
    pack = small_pack()
    pack["extra"] = 1
    pack["briefings"][0]["meeting"]["place"] = "Oval Office"
    pack["briefings"][0]["sections"][0]["blocks"][0]["notes"] = "typo of note"
    pack["briefings"][0]["sections"][0]["heading_"] = "x"
    problems = validate_pack(pack)
    assert len(problems) == 4
    assert problems[0].startswith("extra: unknown key (known keys: format, version,")
    assert 'briefings[0].meeting.place: unknown key' in problems[1]
    assert 'briefings[0].sections[0].heading_: unknown key; did you mean "heading"?' in problems
    assert ('briefings[0].sections[0].blocks[0].notes: unknown key; did you mean "note"?'
            in problems)


def test_wrong_types_and_missing_required_keys():
    pack = small_pack()
    pack["items"][0]["tags"] = "visa;sanctions"
    pack["items"][1]["text"] = "   "
    pack["items"][2] = "an event"
    pack["people"] = {"p-petro": "Gustavo Petro"}
    pack["briefings"][0]["portion_marking"] = "yes"
    del pack["briefings"][0]["sections"][0]["blocks"]
    assert sorted(validate_pack(pack)) == sorted([
        "items[0].tags: expected an array of names, found a string",
        "items[1].text: must not be empty",
        "items[2]: expected an object {...}, found a string",
        "people: expected an array [...], found an object",
        "briefings[0].portion_marking: expected true or false, found a string",
        "briefings[0].sections[0].blocks: required but missing",
        # the people list was unreadable, so references to its ids fail too
        'items[0].people[0]: no person "p-petro"',
        'items[1].speaker: no person "p-petro"',
        'briefings[0].meeting.participants[0]: no person "p-petro"',
    ])


def test_kind_specific_fields_belong_to_their_kind():
    pack = small_pack()
    pack["items"][0]["speaker"] = "p-petro"
    pack["items"][1]["location"] = "Bogotá"
    pack["items"][2]["end_date"] = "2026-01"
    assert validate_pack(pack) == [
        "items[0].speaker: only a quote has a speaker (this item is a fact)",
        "items[1].location: only an event has a location (this item is a quote)",
        'items[2].end_date: "2026-01" is before the date "2026-02-03"',
    ]


def test_a_block_is_an_item_or_text_never_both_or_neither():
    pack = small_pack()
    blocks = pack["briefings"][0]["sections"][0]["blocks"]
    blocks.append({"item": "f-visa", "text": "both"})
    blocks.append({"note": "neither"})
    blocks.append({"item": "f-missing"})
    assert validate_pack(pack) == [
        'briefings[0].sections[0].blocks[2]: a block has either "item" (an item id) or '
        '"text", not both',
        'briefings[0].sections[0].blocks[3]: a block needs "item" (an item id) or "text"',
        'briefings[0].sections[0].blocks[4].item: no item "f-missing"',
    ]


def test_null_means_absent_for_optional_keys_only():
    pack = small_pack()
    pack["items"][0]["title"] = None
    pack["items"][0]["source"] = None
    assert validate_pack(pack) == []
    pack["items"][0]["text"] = None
    assert validate_pack(pack) == ["items[0].text: expected text, found null"]


# ---------------------------------------------------------------- reading files safely


def problem_of(path) -> str:
    with pytest.raises(PackError) as caught:
        read_json_object(path)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0]


def test_files_that_are_not_packs_give_one_clear_message(tmp_path):
    cases = {
        "latin1.json": ("é".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 0)"),
        "notes.json": (b"Meeting notes, not JSON", "not a JSON file (Expecting value at line 1"),
        "empty.json": (b"", "the file is empty"),
        "blank.json": (b"\xef\xbb\xbf  \n", "the file is empty"),
        "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        "list.json": (b"[1, 2]", "expected a JSON object {...} at the top, found an array"),
        "nan.json": (b'{"version": NaN}', "NaN is not allowed"),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        message = problem_of(path)
        assert message.startswith(f"{path}: ") and expected in message, message


def test_a_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(small_pack()).encode())
    assert read_json_object(path)["format"] == FORMAT


def test_missing_files_folders_and_pipes_are_refused(tmp_path):
    assert problem_of(tmp_path / "nope.json").endswith("the file does not exist")
    assert problem_of(tmp_path).endswith("this is a folder, not a file")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert problem_of(fifo).endswith("not a regular file")  # reading it would block forever


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:  # sparse: 100 MB on paper, nothing on disk
        stream.truncate(100 * 1024 * 1024)
    assert problem_of(path) == (
        f"{path}: the file is 100 MB, more than the {MAX_FILE_BYTES // 2**20} MB an import accepts"
    )


def test_import_pack_reports_file_problems_as_pack_errors(fb, tmp_path):
    path = tmp_path / "pack.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(PackError, match="found an array"):
        import_pack(fb, path)


# ---------------------------------------------------------------- importing


def test_import_creates_everything_and_reports_counts(fb):
    result = import_pack(fb, small_pack())
    assert (result.items.created, result.people.created, result.sources.created,
            result.briefings.created) == (3, 1, 1, 1)
    quote = fb.get_item("q-decisive")
    assert (quote.speaker, quote.source, quote.language) == ("p-petro", "s-efe", "en")
    briefing = fb.get_briefing("b-1")
    assert briefing.from_ == "WHA staff"
    assert briefing.meeting.date == "2026-02-03T11:00"
    assert briefing.sections[0].blocks[0].note == "lead with this"
    assert briefing.sections[1].automatic == "timeline"
    assert result.summary().startswith("sources: 1 created, 0 updated, 0 unchanged;")


def test_importing_the_same_pack_twice_changes_nothing(fb):
    import_pack(fb, small_pack())
    before = fb.get_item("f-visa"), fb.get_briefing("b-1")
    writes_before = fb.connection.total_changes
    again = import_pack(fb, small_pack())
    assert fb.connection.total_changes == writes_before  # not a single row written
    assert not again.changed
    assert again.items.unchanged == 3 and again.briefings.unchanged == 1
    after = fb.get_item("f-visa"), fb.get_briefing("b-1")
    assert after[0].updated == before[0].updated
    assert after[1].updated == before[1].updated


def test_a_changed_record_is_updated_and_the_rest_left_alone(fb):
    import_pack(fb, small_pack())
    pack = small_pack()
    pack["items"][0]["status"] = "verified"
    pack["briefings"][0]["sections"][0]["blocks"][0]["override"] = "Visa revoked."
    result = import_pack(fb, pack)
    assert (result.items.updated, result.items.unchanged) == (1, 2)
    assert result.briefings.updated == 1
    assert fb.get_item("f-visa").status == "verified"
    assert fb.get_briefing("b-1").sections[0].blocks[0].override == "Visa revoked."


def test_a_pack_with_any_error_imports_nothing(fb):
    pack = small_pack()
    pack["items"][2]["date"] = "2026-02-30"
    with pytest.raises(PackError) as caught:
        import_pack(fb, pack)
    assert caught.value.problems == [
        'items[2].date: "2026-02-30" is not a date: day 30 does not exist'
    ]
    assert fb.item_count() == 0
    assert fb.list_people() == [] and fb.list_sources() == [] and fb.list_briefings() == []


def test_references_may_point_at_records_already_in_the_fact_base(fb):
    import_pack(fb, small_pack())
    follow_up = {
        "format": FORMAT,
        "version": 1,
        "items": [{"id": "f-new", "kind": "fact", "text": "New fact", "people": ["p-petro"],
                   "source": "s-efe"}],
    }
    assert validate_pack(follow_up) == [
        'items[0].source: no source "s-efe"',
        'items[0].people[0]: no person "p-petro"',
    ]
    assert validate_pack(follow_up, fb) == []
    assert import_pack(fb, follow_up).items.created == 1


def big_pack(n: int) -> dict:
    pack = small_pack()
    pack["items"] += [{"id": f"f-{i}", "kind": "fact", "text": f"Fact {i}"} for i in range(n)]
    return pack


def test_progress_is_reported_up_to_the_total(fb):
    calls = []
    import_pack(fb, big_pack(1200), progress=lambda done, total: calls.append((done, total)))
    total = 1200 + 6
    assert calls[-2:] == [(total, 0), (total, total)]  # finishing (no count), then done
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) >= 3


def test_cancelling_rolls_everything_back(fb):
    import_pack(fb, small_pack())
    pack = big_pack(1200)
    pack["items"][0]["text"] = "Changed before the cancel"
    reports = []

    def cancelled():
        return len(reports) >= 1  # cancel after the first progress report

    with pytest.raises(ImportCancelled):
        import_pack(fb, pack, progress=lambda d, t: reports.append(d), cancelled=cancelled)
    assert fb.item_count() == 3
    assert fb.get_item("f-visa").text == "Washington revoked Petro’s visa."


# ---------------------------------------------------------------- exporting


def all_records(fb) -> dict:
    """Every record of a fact base without store-made timestamps and row ids."""
    data = pack_dict(fb)
    items = [dataclasses.replace(i, created="", updated="")
             for i in fb.get_items([d["id"] for d in data["items"]])]
    briefings = []
    for summary in fb.list_briefings():
        briefing = fb.get_briefing(summary.id)
        for section in briefing.sections:
            section.id = None
            for block in section.blocks:
                block.id = None
        briefings.append(dataclasses.replace(briefing, created="", updated=""))
    return {
        "items": sorted(items, key=lambda i: i.id),
        "people": sorted(fb.list_people(), key=lambda p: p.id),
        "sources": sorted(fb.list_sources(), key=lambda s: s.id),
        "briefings": sorted(briefings, key=lambda b: b.id),
    }


def every_field_pack() -> dict:
    """Every optional key of the format set once, on top of the sample's records."""
    return {
        "format": FORMAT,
        "version": 1,
        "sources": [{"id": "s-full", "outlet": "El Tiempo", "title": "Título", "notes": "n",
                     "url": "https://example.org/a", "published": "2026-01-30",
                     "accessed": "2026-02-01T09:30"}],
        "people": [{"id": "p-full", "name": "Ana Núñez", "role": "Ambassador",
                    "organization": "Cancillería", "country": "Colombia", "notes": "n"}],
        "items": [
            {"id": "q-full", "kind": "quote", "text": "“Texto”", "title": "T", "date": "2026",
             "speaker": "p-full", "language": "es", "translation": "“Text”",
             "context": "Interview", "source": "s-full", "people": ["p-full", "p-petro"],
             "tags": ["Trade", "aranceles"], "status": "verified", "marking": "CUI",
             "notes": "two\nlines"},
            {"id": "e-full", "kind": "event", "text": "Summit", "date": "2026-03-01",
             "end_date": "2026-03-02", "location": "Cartagena"},
        ],
        "briefings": [
            {"id": "b-full", "title": "Full", "subject": "S", "to": "A", "from": "B",
             "through": "C", "date": "2026-02-01",
             "meeting": {"title": "M", "date": "2026-02-03T11:00", "location": "L",
                         "participants": ["p-full", "p-petro"]},
             "marking": "CUI", "template": "scene-setter", "portion_marking": True,
             "note_style": "endnotes", "language": "es",
             "sections": [
                 {"heading": "Uno", "blocks": [
                     {"item": "q-full", "note": "n", "override": "o"},
                     {"item": "f-visa-revoked"},
                     {"text": "Punto", "style": "bullet"},
                 ]},
                 {"heading": "Fuentes", "automatic": "sources", "blocks": []},
             ]},
        ],
    }


def test_export_then_import_gives_the_same_fact_base(sample_fb, tmp_path):
    from briefing_app.store import FactBase

    import_pack(sample_fb, every_field_pack())
    path = tmp_path / "all.factpack.json"
    counts = export_pack(sample_fb, path)
    assert counts["items"] == sample_fb.item_count()
    with FactBase.open(tmp_path / "copy.sqlite") as copy_fb:
        import_pack(copy_fb, path)
        copied = all_records(copy_fb)
        assert copied == all_records(sample_fb)
        assert len(copied["items"]) >= 18 and len(copied["briefings"]) == 2
        assert copy_fb.get_item("q-full").translation == "“Text”"
        assert copy_fb.get_briefing("b-full").portion_marking is True


def test_exporting_the_sample_gives_back_the_shipped_file_byte_for_byte(sample_fb, tmp_path):
    from briefing_app.exchange.sample import SAMPLE_PACK

    path = tmp_path / "again.json"
    export_pack(sample_fb, path)
    assert path.read_bytes() == SAMPLE_PACK.read_bytes()


def test_an_exported_pack_is_pretty_utf8_json(sample_fb):
    text = pack_json(pack_dict(sample_fb))
    assert "Petro’s" in text and "\\u2019" not in text
    assert text.startswith('{\n  "format": "briefing-factpack",\n  "version": 1,')


def test_exporting_a_briefing_brings_what_it_needs_and_nothing_else(fb):
    pack = small_pack()
    pack["items"].append({"id": "f-unrelated", "kind": "fact", "text": "Not in the memo"})
    pack["people"].append({"id": "p-other", "name": "Someone Else"})
    import_pack(fb, pack)
    data = pack_dict(fb, briefings=["b-1"])
    assert [i["id"] for i in data["items"]] == ["f-visa"]
    assert [p["id"] for p in data["people"]] == ["p-petro"]
    assert data["sources"] == []
    assert validate_pack(data) == []  # a subset pack imports on its own


def test_exporting_chosen_items_brings_their_people_and_sources(fb):
    import_pack(fb, small_pack())
    data = pack_dict(fb, items=["q-decisive"])
    assert [i["id"] for i in data["items"]] == ["q-decisive"]
    assert [p["id"] for p in data["people"]] == ["p-petro"]
    assert [s["id"] for s in data["sources"]] == ["s-efe"]
    assert data["briefings"] == []
    with pytest.raises(KeyError, match="f-missing"):
        pack_dict(fb, items=["f-missing"])


def test_export_into_a_folder_fails_cleanly_and_leaves_no_temp_file(fb, tmp_path):
    import_pack(fb, small_pack())
    (tmp_path / "out").mkdir()
    with pytest.raises(WriteError):
        export_pack(fb, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_round_trip_keeps_unicode_and_multiline_text(fb, tmp_path):
    pack = small_pack()
    pack["items"][0]["text"] = "Línea uno\nLínea dos — “citas” 🇨🇴"
    import_pack(fb, copy.deepcopy(pack))
    export_pack(fb, tmp_path / "p.json")
    again = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert again["items"][1]["text"] == pack["items"][0]["text"]
    assert isinstance(fb.get_item("f-visa"), Item)


def test_a_tag_spelt_in_another_case_does_not_count_as_a_change(fb):
    import_pack(fb, small_pack())  # creates the tag "visa"
    pack = small_pack()
    pack["items"][1]["tags"] = ["VISA"]
    assert import_pack(fb, pack).items.updated == 1
    assert fb.get_item("q-decisive").tags == ["visa"]  # the store keeps its spelling
    assert not import_pack(fb, pack).changed


def test_a_briefing_citing_a_deleted_item_still_exports(fb):
    import_pack(fb, small_pack())
    fb.delete_items(["f-visa"])
    data = pack_dict(fb, briefings=["b-1"])
    assert data["items"] == []
    assert data["briefings"][0]["sections"][0]["blocks"][0]["item"] == "f-visa"
    assert validate_pack(data) == ['briefings[0].sections[0].blocks[0].item: no item "f-visa"']
    with pytest.raises(KeyError, match="no briefing 'b-missing'"):
        pack_dict(fb, briefings=["b-missing"])


_words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_names = st.lists(st.text("abcXYZ -é", min_size=1, max_size=6).map(str.strip).filter(bool),
                  max_size=4, unique_by=lambda t: t.lower())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_words.filter(str.strip), title=_words, notes=_words, tags=_names,
       date=st.sampled_from(["", "2025", "2025-09", "2026-02-03", "2026-02-03T11:00"]))
def test_any_item_survives_a_round_trip_and_reimports_unchanged(fb, text, title, notes, tags,
                                                                 date):
    pack = {"format": FORMAT, "version": 1, "items": [
        {"id": "f-any", "kind": "fact", "text": text, "title": title, "notes": notes,
         "tags": tags, "date": date}]}
    fb.delete_items(["f-any"])
    import_pack(fb, pack)
    exported = pack_dict(fb, items=["f-any"])
    assert validate_pack(exported) == []
    assert exported["items"][0]["text"] == text
    assert not import_pack(fb, exported).changed
    assert not import_pack(fb, pack).changed
