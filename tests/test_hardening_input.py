"""Bad input ends in one clear message, never a traceback (issue 15, items 1, 7, 11, 12, 16).

Lone surrogates are refused where they come in, with their place; a key given twice is
refused with its place; messages stay short however big the bad value; every bad file of
an import is reported; a read command never turns an empty file into a fact base.
"""

from __future__ import annotations

import json

import pytest

from briefing_app.cli import main
from briefing_app.core.model import Item
from briefing_app.core.query import parse
from briefing_app.exchange.csv_import import import_csv
from briefing_app.exchange.factpack import FORMAT, PackError, import_pack
from briefing_app.exchange.pack_validate import PERSON_FIELDS, SOURCE_FIELDS
from briefing_app.exchange.safe_read import read_json_object
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase, FactBaseError

LONE = "\ud800"
TEXT_ITEM_FIELDS = ("text", "title", "location", "marking", "notes")


def pack(**lists) -> dict:
    return {"format": FORMAT, "version": 1, **lists}


def write_json(path, data) -> str:
    # json.dumps escapes a lone surrogate as "\ud800", exactly as a hostile file would
    path.write_text(json.dumps(data), encoding="ascii")
    return str(path)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "facts.sqlite"
    create_fact_base(path, empty=True).close()
    return path


def item_count(path) -> int:
    with FactBase.open(path) as fb:
        return fb.item_count()


# ---------------------------------------------------------------- lone surrogates


@pytest.mark.parametrize("field", TEXT_ITEM_FIELDS)
def test_a_lone_surrogate_in_an_item_field_is_named_and_nothing_is_imported(db, tmp_path,
                                                                            field):
    item = {"id": "f-1", "kind": "event", "text": "A good text."}
    item[field] = f"before {LONE} after"
    good = {"id": "f-0", "kind": "fact", "text": "Fine."}
    path = write_json(tmp_path / "bad.json", pack(items=[good, item]))
    with FactBase.open(db) as fb, pytest.raises(PackError) as caught:
        import_pack(fb, path)
    assert caught.value.problems == [f"items[1].{field}: invalid character U+D800 "
                                     "(half of a character pair)"]
    assert item_count(db) == 0


def test_every_text_field_of_a_pack_is_checked_for_lone_surrogates(db, tmp_path):
    source = {key: f"x{LONE}" for key in SOURCE_FIELDS if key not in ("published", "accessed")}
    person = {key: f"x{LONE}" for key in PERSON_FIELDS}
    path = write_json(tmp_path / "bad.json", pack(sources=[source], people=[person]))
    with FactBase.open(db) as fb, pytest.raises(PackError) as caught:
        import_pack(fb, path)
    places = {problem.split(":")[0] for problem in caught.value.problems}
    assert places == {f"sources[0].{key}" for key in source} | {
        f"people[0].{key}" for key in person}


def test_a_lone_surrogate_in_a_briefing_or_block_is_named(db, tmp_path):
    briefing = {"id": "b-1", "title": f"T{LONE}", "from": LONE,
                "sections": [{"heading": "H", "blocks": [{"text": f"talk{LONE}"}]}]}
    path = write_json(tmp_path / "bad.json", pack(briefings=[briefing]))
    with FactBase.open(db) as fb, pytest.raises(PackError) as caught:
        import_pack(fb, path)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "briefings[0].title", "briefings[0].from", "briefings[0].sections[0].blocks[0].text"]


def test_a_lone_surrogate_in_a_csv_cell_is_named_with_its_row(db, tmp_path):
    from briefing_app.exchange.csv_import import parse_csv

    with FactBase.open(db) as fb, pytest.raises(PackError) as caught:
        parse_csv(f"kind,text,speaker\nquote,Hello,Ana{LONE}\n", fb)
    assert caught.value.problems == ["row 2, speaker: invalid character U+D800 "
                                     "(half of a character pair)"]


def test_the_store_refuses_a_lone_surrogate_with_a_message_and_saves_nothing(fb):
    with pytest.raises(FactBaseError, match="invalid character U\\+D800"):
        fb.save_item(Item(id="f-1", kind="fact", text=f"half {LONE} a pair"))
    assert fb.item_count() == 0


def test_a_lone_surrogate_typed_in_the_search_is_named_and_the_rest_searched(fb):
    fb.save_item(Item(id="f-1", kind="fact", text="Sanctions on coffee"))
    query = parse(f"sanc{LONE}")
    assert query.ignored == ("invalid character U+D800 (half of a character pair)",)
    assert [item.id for item in fb.search(query)] == ["f-1"]
    assert [item.id for item in fb.search(f"{LONE}coffee")] == ["f-1"]


# ---------------------------------------------------------------- duplicate keys


def test_a_key_given_twice_is_refused_with_its_place(tmp_path):
    text = (f'{{"format": "{FORMAT}", "version": 1, "items": [{{"id": "f-1", '
            '"kind": "fact", "text": "kept?", "text": "or this?"}]}')
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        read_json_object(path)
    assert caught.value.problems == [
        "items[0].text: the key appears more than once in one object"]


def test_a_repeated_top_level_key_is_refused_too(db, tmp_path):
    path = tmp_path / "twice.json"
    path.write_text(f'{{"format": "{FORMAT}", "version": 1, "items": [], "items": []}}',
                    encoding="utf-8")
    with FactBase.open(db) as fb, pytest.raises(PackError, match="^items: the key appears"):
        import_pack(fb, path)


# ---------------------------------------------------------------- short messages


def test_a_huge_bad_value_is_quoted_in_about_eighty_characters(db, tmp_path):
    item = {"id": "f-1", "kind": "x" * 5_000_000, "text": "t"}
    path = write_json(tmp_path / "huge.json", pack(items=[item]))
    with FactBase.open(db) as fb, pytest.raises(PackError) as caught:
        import_pack(fb, path)
    (problem,) = caught.value.problems
    assert len(problem) < 250
    assert "5,000,000 characters" in problem


def test_a_hundred_thousand_unknown_keys_print_fifty_lines_and_a_count(db, tmp_path,
                                                                     capsys):
    item = {"id": "f-1", "kind": "fact", "text": "t",
            **{f"unknown-{n}-{'k' * 200}": n for n in range(100_000)}}
    path = write_json(tmp_path / "keys.json", pack(items=[item]))
    assert main(["--db", str(db), "import", path]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 52  # 50 problems, the count of the rest, the error line
    assert "... and 99,950 more problems" in err
    assert len(err) < 20_000


# ---------------------------------------------------------------- several files


def test_every_bad_file_of_an_import_is_reported(db, tmp_path, capsys):
    good = write_json(tmp_path / "good.json",
                      pack(items=[{"id": "f-ok", "kind": "fact", "text": "fine"}]))
    bad1 = write_json(tmp_path / "bad1.json", pack(items=[{"id": "f-1", "kind": "rumour",
                                                           "text": "t"}]))
    bad2 = write_json(tmp_path / "bad2.json", pack(items=[{"id": "f-2", "kind": "fact"}]))
    bad3 = tmp_path / "bad3.csv"
    bad3.write_text("kind,text,date\nfact,t,soon\n", encoding="utf-8")
    assert main(["--db", str(db), "import", good, bad1, bad2, str(bad3)]) == 1
    err = capsys.readouterr().err
    assert f"{bad1}: items[0].kind:" in err
    assert f"{bad2}: items[0].text: required but missing" in err
    assert f"{bad3}: row 2, date:" in err
    assert "3 problems in 3 files; nothing was imported" in err
    assert item_count(db) == 0


def test_a_good_csv_still_imports_alone(db, tmp_path):
    path = tmp_path / "good.csv"
    path.write_text("kind,text\nfact,Plain\n", encoding="utf-8")
    with FactBase.open(db) as fb:
        import_csv(fb, path)
    assert item_count(db) == 1


# ---------------------------------------------------------------- empty --db


@pytest.mark.parametrize("command", [["search", "x"], ["briefings"], ["export", "out.json"]])
def test_a_read_command_refuses_an_empty_file_and_leaves_it_empty(tmp_path, capsys, command):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), *command]) == 1
    err = capsys.readouterr().err
    assert "is an empty file, not a fact base" in err and "init" in err
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite"]


def test_a_missing_db_is_an_error_with_a_hint(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "nope.sqlite"), "search", "x"]) == 1
    assert "create one with: briefing-app --db" in capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite").exists()

