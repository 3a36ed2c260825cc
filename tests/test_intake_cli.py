"""``briefing-app extract``: the command line contract, as scripts outside will use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.exchange.pack_validate import validate_pack
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase

CORPUS = Path(__file__).resolve().parent / "intake_corpus"
SEED = CORPUS / "seed-petro-trump.txt"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_db(tmp_path):
    path = tmp_path / "sample.sqlite"
    create_fact_base(path).close()
    return path


@pytest.fixture
def empty_db(tmp_path):
    path = tmp_path / "empty.sqlite"
    create_fact_base(path, empty=True).close()
    return path


def test_the_pack_goes_to_stdout_and_validates(capsys, empty_db):
    code, out, err = run(capsys, "--db", empty_db, "extract", SEED, "--published",
                         "2026-01-30", "--outlet", "Seed Wire", "--url",
                         "https://example.org/petro", "--title", "Petro meets Trump")
    pack = json.loads(out)
    assert code == 0 and validate_pack(pack) == []
    assert pack["sources"] == [{
        "id": pack["sources"][0]["id"], "outlet": "Seed Wire", "title": "Petro meets Trump",
        "url": "https://example.org/petro", "published": "2026-01-30"}]
    quotes = {i["text"]: i for i in pack["items"] if i["kind"] == "quote"}
    names = {p["id"]: p["name"] for p in pack["people"]}
    assert names[quotes["strong action"]["speaker"]] == "Scott Bessent"
    assert names[quotes["Great Honor"]["speaker"]] == "Donald Trump"
    assert quotes["decisive"]["notes"] == "Via EFE"
    dates = {i["date"] for i in pack["items"] if i["kind"] == "event"}
    assert {"2026-02-03", "2025-09", "2025-10"} <= dates
    assert all(i["status"] == "unverified" for i in pack["items"])
    assert "left undated" not in err


def test_the_pack_imports_links_known_people_and_skips_known_items(capsys, tmp_path, sample_db):
    before = sample_db.read_bytes()
    out_path = tmp_path / "pack.json"
    code, out, err = run(capsys, "extract", SEED, "--published", "2026-01-30", "-o",
                         out_path, "--db", sample_db)
    assert code == 0 and out.startswith(f"Wrote {out_path}")
    assert sample_db.read_bytes() == before  # read, never written
    assert "left out: the fact base already has them" in err
    pack = json.loads(out_path.read_text(encoding="utf-8"))
    assert {p["id"] for p in pack["people"]} == {"p-petro", "p-trump", "p-bessent"}
    code, out, _ = run(capsys, "--db", sample_db, "import", out_path)
    assert code == 0 and "people: 0 created, 0 updated, 3 unchanged" in out
    with FactBase.open(sample_db) as fb:
        assert fb.get_item(pack["items"][0]["id"]) is not None


def test_without_a_publication_date_stderr_says_relative_dates_are_undated(capsys, empty_db):
    code, out, err = run(capsys, "--db", empty_db, "extract", SEED)
    assert code == 0 and "relative date(s)" in err and "--published" in err
    events = [i for i in json.loads(out)["items"] if i["kind"] == "event"]
    assert any("date" not in e for e in events)


def test_a_missing_db_is_an_error_and_is_not_created(capsys, tmp_path):
    missing = tmp_path / "none.sqlite"
    code, out, err = run(capsys, "--db", missing, "extract", SEED)
    assert (code, out) == (1, "") and "no fact base at" in err
    assert not missing.exists()


def test_an_empty_db_file_is_read_as_nothing_and_left_empty(capsys, tmp_path):
    empty = tmp_path / "blank.sqlite"
    empty.touch()
    code, out, _ = run(capsys, "--db", empty, "extract", SEED)
    assert code == 0 and json.loads(out)["people"]
    assert empty.stat().st_size == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("binary.txt", b"\x00\x01\x02ELF" * 500),
        ("scripts.html", b"<html><body><script>run();</script></body></html>"),
        ("empty.txt", b""),
        ("old.doc", b"\xd0\xcf\x11\xe0" + bytes(64)),
    ],
)
def test_what_is_not_an_article_exits_1_with_one_line(capsys, tmp_path, empty_db, name,
                                                       content):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "--db", empty_db, "extract", path)
    assert (code, out) == (1, "")
    assert err.startswith("briefing-app: error: ") and err.count("\n") == 1


def test_a_bad_published_date_exits_1(capsys, empty_db):
    code, _, err = run(capsys, "--db", empty_db, "extract", SEED, "--published", "Feb 2026")
    assert code == 1 and "--published" in err


def test_a_50_mb_file_from_a_real_shell_gives_no_traceback(tmp_path, empty_db):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--db", str(empty_db), "extract", str(huge)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "20 MB" in result.stderr and result.stdout == ""
