"""The command line names items and briefings by a unique start of their id (at least six
characters), as git names commits; a start that fits several ids is an error naming them."""

from __future__ import annotations

import json

import pytest

from briefing_app.cli import main
from briefing_app.core.model import Block, Briefing, Item, Section
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase

COFFEE = "3f9c1b00-5d2e-4c1a-9b7e-0a1b2c3d4e5f"
VISA = "3f9c1a2e-1111-4c1a-9b7e-0a1b2c3d4e5f"
TARIFF = "3f9c1a2e-2222-4c1a-9b7e-0a1b2c3d4e5f"
TRADE = "7d41e0c2-8c55-4a0e-b6a9-5f1e2d3c4b5a"
TRADE_TOO = "7d41e0c2-9999-4a0e-b6a9-5f1e2d3c4b5a"
MINISTER = "b0b0b0b0-0000-4a0e-b6a9-5f1e2d3c4b5a"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "fb.sqlite"
    create_fact_base(path, empty=True).close()
    with FactBase.open(path) as fb:
        fb.save_items([Item(COFFEE, "fact", "Coffee exports rose."),
                       Item(VISA, "fact", "Visas were revoked."),
                       Item(TARIFF, "fact", "Tariffs were raised.")])
        for briefing_id, title in ((TRADE, "Trade delegation"), (TRADE_TOO, "Trade, again"),
                                   (MINISTER, "The minister")):
            fb.save_briefing(Briefing(briefing_id, title, sections=[
                Section("Background", [Block(item=COFFEE)])]))
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_takes_unique_starts_of_item_and_briefing_ids(capsys, db, tmp_path):
    pack = tmp_path / "pack.json"
    code, _, err = run(capsys, "--db", db, "export", pack, "--item", "3f9c1b",
                       "--item", "3f9c1a2e-2")
    assert code == 0, err
    data = json.loads(pack.read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in data["items"]) == sorted([COFFEE, TARIFF])

    code, _, err = run(capsys, "--db", db, "export", pack, "--briefing", "b0b0b0")
    assert code == 0, err
    assert [b["id"] for b in json.loads(pack.read_text(encoding="utf-8"))["briefings"]] == [
        MINISTER]


def test_render_takes_a_unique_start_of_the_briefing_id(capsys, db, tmp_path):
    out = tmp_path / "memo.html"
    code, printed, err = run(capsys, "--db", db, "render", "b0b0b0b0-0", "-o", out)
    assert code == 0, err
    assert printed.strip() == f"Wrote {out} (html)"
    assert "The minister" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (("export", "{pack}", "--item", "3f9c1a"),
     f"error: the id start '3f9c1a' names more than one item: {VISA}, {TARIFF}; "
     "type more of the id; nothing was exported"),
    (("export", "{pack}", "--item", "3f9c"),
     "error: no item '3f9c' (an id start needs at least 6 characters); nothing was exported"),
    (("export", "{pack}", "--briefing", "7d41e0"),
     f"error: the id start '7d41e0' names more than one briefing: {TRADE}, {TRADE_TOO}"),
    (("render", "7d41e0c2", "-o", "{memo}"),
     f"error: the id start '7d41e0c2' names more than one briefing: {TRADE}, {TRADE_TOO}"),
    (("render", "ffffff", "-o", "{memo}"), "No briefing with the id or title 'ffffff'"),
])
def test_a_start_that_fits_several_ids_or_none_is_a_one_line_error(capsys, db, tmp_path,
                                                                    args, message):
    pack, memo = tmp_path / "pack.json", tmp_path / "memo.pdf"
    code, out, err = run(capsys, "--db", db,
                         *(a.format(pack=pack, memo=memo) for a in args))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not pack.exists() and not memo.exists()
