"""The ``briefing-app`` command line: every command, its output and its exit status.

Most tests call ``main([...])`` in-process and read stdout/stderr with capsys; a few run
``python -m briefing_app`` for real, as a user's shell would.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from briefing_app import __version__
from briefing_app.cli import build_parser, main, subcommands
from briefing_app.cli import output as cli_output
from briefing_app.core.model import Block, Briefing, Section
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base
from briefing_app.store import SCHEMA_VERSION, FactBase

SAMPLE_TITLE = "Meeting with Colombian President Gustavo Petro"
SEARCH_KEYS = [
    "id", "kind", "date", "title", "text", "tags", "people", "speaker", "source", "status",
    "marking",
]
BRIEFING_KEYS = ["id", "title", "date", "template", "meeting_date"]


@pytest.fixture(autouse=True)
def _fixed_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")


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


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def item_count(path) -> int:
    with FactBase.open(path) as fb:
        return fb.item_count()


def one_error_line(err: str) -> str:
    """The stderr of a failed command: one ``briefing-app: error:`` line, no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("briefing-app: error: ")
    return lines[-1]


# ---------------------------------------------------------------- --version, --db, usage


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefing-app {__version__}"


def test_db_may_come_before_or_after_the_command(capsys, sample_db):
    before = run(capsys, "--db", sample_db, "briefings", "--json")
    after = run(capsys, "briefings", "--json", "--db", sample_db)
    assert before == after
    assert before[0] == 0 and json.loads(before[1])[0]["id"] == SAMPLE_BRIEFING_ID


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["search"],
    ["search", "x", "--limit", "0"],
    ["search", "x", "--limit", "many"],
    ["render", SAMPLE_BRIEFING_ID],  # no -o
    ["render", SAMPLE_BRIEFING_ID, "-o", "m.pdf", "--format", "odt"],
    ["import"],
    ["init", "--sample"],
])
def test_usage_errors_exit_2(capsys, sample_db, args):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(sample_db), *args])
    assert exit_info.value.code == 2
    assert "usage: briefing-app" in capsys.readouterr().err


def test_the_default_fact_base_is_created_with_the_sample_on_first_use(capsys):
    default = os.environ["BRIEFING_APP_DB"]  # set per test by conftest
    assert not os.path.exists(default)
    code, out, _ = run(capsys, "briefings", "--json")
    assert code == 0
    assert [b["id"] for b in json.loads(out)] == [SAMPLE_BRIEFING_ID]
    assert item_count(default) > 0


def test_a_named_fact_base_that_does_not_exist_is_an_error_not_created(capsys, tmp_path):
    missing = tmp_path / "typo.sqlite"
    code, out, err = run(capsys, "--db", missing, "search", "Petro")
    assert code == 1 and out == ""
    assert f"no fact base at {missing}" in one_error_line(err)
    assert not missing.exists()


def test_a_corrupt_fact_base_is_one_line_and_left_untouched(capsys, tmp_path):
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "--db", corrupt, "briefings")
    assert code == 1
    assert "not a Briefing Builder fact base" in one_error_line(err)
    assert corrupt.read_bytes() == b"this is not a database" * 100


def test_a_fact_base_from_a_newer_version_is_refused(capsys, sample_db):
    with sqlite3.connect(sample_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, _, err = run(capsys, "--db", sample_db, "search", "Petro")
    assert code == 1
    assert "newer version of Briefing Builder" in one_error_line(err)


# ---------------------------------------------------------------- init


def test_init_creates_the_sample_fact_base(capsys, tmp_path):
    path = tmp_path / "new" / "facts.sqlite"  # the folder is created too
    code, out, err = run(capsys, "--db", path, "init")
    assert code == 0 and err == ""
    assert f"at {path}" in out and "sample data" in out
    with FactBase.open(path) as fb:
        assert fb.find_briefing(SAMPLE_TITLE) is not None
        assert f"({fb.item_count()} items, 1 briefing)" in out


def test_init_empty_creates_a_fact_base_without_records(capsys, tmp_path):
    path = tmp_path / "facts.sqlite"
    code, out, _ = run(capsys, "init", "--empty", "--db", path)
    assert code == 0
    assert "empty fact base" in out and "(0 items, 0 briefings)" in out
    assert item_count(path) == 0


def test_init_refuses_to_overwrite_an_existing_fact_base(capsys, sample_db):
    before = sample_db.read_bytes()
    code, out, err = run(capsys, "--db", sample_db, "init", "--empty")
    assert code == 1 and out == ""
    assert "already exists" in one_error_line(err)
    assert sample_db.read_bytes() == before


def test_init_without_db_creates_the_default_fact_base(capsys):
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert os.environ["BRIEFING_APP_DB"] in out
    code, _, err = run(capsys, "init")
    assert code == 1 and "already exists" in one_error_line(err)


# ---------------------------------------------------------------- search


def test_search_prints_aligned_columns_cut_to_the_terminal_width(capsys, sample_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    code, out, err = run(capsys, "--db", sample_db, "search", "Petro")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "KIND", "DATE", "STATUS", "TEXT"]
    assert len(lines) > 2
    assert all(len(line) <= 72 for line in lines)
    assert any(line.endswith("…") for line in lines[1:])
    text_column = lines[0].index("TEXT")
    assert all(line[text_column - 2 : text_column] == "  " for line in lines[1:])
    assert "f-visa-revoked" in out
    assert err == ""


def test_search_json_has_the_documented_keys_and_resolves_names(capsys, sample_db):
    code, out, _ = run(capsys, "--db", sample_db, "search", "kind:quote", "--json")
    assert code == 0
    results = json.loads(out)
    assert results and all(list(r) == SEARCH_KEYS for r in results)
    honor = next(r for r in results if r["id"] == "q-trump-great-honor")
    assert honor["kind"] == "quote"
    assert honor["speaker"] == "Donald Trump"
    assert "Gustavo Petro" in honor["people"]
    assert isinstance(honor["tags"], list) and "phone-call" in honor["tags"]
    assert honor["source"] == "Briefing seed article"
    assert honor["marking"] == "U"


def test_search_limit_shows_fewer_and_says_how_many_match(capsys, sample_db):
    code, out, err = run(capsys, "--db", sample_db, "search", "Petro", "--limit", "2")
    assert code == 0
    assert len(out.splitlines()) == 3  # header and two items
    assert err.startswith("2 of ") and "matching items shown" in err


def test_search_says_when_too_many_match_to_rank(capsys, sample_db, monkeypatch):
    monkeypatch.setattr("briefing_app.core.query.RANKED_MAX", 3)
    monkeypatch.setattr("briefing_app.store.search.RANKED_MAX", 3)
    code, out, err = run(capsys, "--db", sample_db, "search", "Petro", "--json")
    dates = [item["date"] for item in json.loads(out)]
    assert code == 0 and len(dates) > 3 and dates == sorted(dates, reverse=True)
    code, _, err = run(capsys, "--db", sample_db, "search", "Petro")
    assert "newest first: its words are in more than 3 items, too many to rank" in err
    _, _, err = run(capsys, "--db", sample_db, "search", "Petro kind:event")
    assert "newest first" in err  # the words decide, whatever the other terms
    _, _, err = run(capsys, "--db", sample_db, "search", "Bessent")
    assert "newest first" not in err


def test_search_without_matches_is_not_an_error(capsys, sample_db):
    assert run(capsys, "--db", sample_db, "search", "zzzyzx")[:2] == (0, "")
    code, out, _ = run(capsys, "--db", sample_db, "search", "zzzyzx", "--json")
    assert code == 0 and json.loads(out) == []


def test_search_names_the_parts_of_the_query_it_ignored(capsys, sample_db):
    code, out, err = run(capsys, "--db", sample_db, "search", "visa kind:rumour", "--json")
    assert code == 0
    assert err == "ignored: kind:rumour is not one of fact, quote, event\n"
    assert [r["id"] for r in json.loads(out)] == ["f-visa-revoked"]


# ---------------------------------------------------------------- briefings


def test_briefings_lists_the_sample_briefing(capsys, sample_db):
    code, out, _ = run(capsys, "--db", sample_db, "briefings")
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["ID", "DATE", "MEETING", "TEMPLATE", "TITLE"]
    assert row.startswith(SAMPLE_BRIEFING_ID) and "2026-02-03" in row


def test_briefings_json_has_the_documented_keys(capsys, sample_db):
    code, out, _ = run(capsys, "--db", sample_db, "briefings", "--json")
    assert code == 0
    [briefing] = json.loads(out)
    assert list(briefing) == BRIEFING_KEYS
    assert briefing["title"] == SAMPLE_TITLE
    assert briefing["meeting_date"] == "2026-02-03"
    assert briefing["template"] == "meeting-brief"


def test_briefings_of_an_empty_fact_base(capsys, empty_db):
    assert json.loads(run(capsys, "--db", empty_db, "briefings", "--json")[1]) == []
    code, out, err = run(capsys, "--db", empty_db, "briefings")
    assert code == 0 and out == "" and "no briefings" in err


# ---------------------------------------------------------------- render


def test_render_by_id_writes_the_file_and_prints_each_warning(capsys, sample_db, tmp_path):
    out_path = tmp_path / "memo.docx"
    code, out, err = run(capsys, "--db", sample_db, "render", SAMPLE_BRIEFING_ID, "-o", out_path)
    assert code == 0
    assert out.strip() == f"Wrote {out_path} (docx)"
    assert out_path.read_bytes()[:2] == b"PK"
    warnings = err.strip().splitlines()
    assert warnings and all(line.startswith("warning: ") for line in warnings)
    assert any("is disputed" in line for line in warnings)


def test_render_by_exact_title_with_an_explicit_format(capsys, sample_db, tmp_path):
    out_path = tmp_path / "memo.out"
    code, out, _ = run(capsys, "--db", sample_db, "render", SAMPLE_TITLE, "-o", out_path,
                       "--format", "html")
    assert code == 0 and "(html)" in out
    assert "Gustavo Petro" in out_path.read_text(encoding="utf-8")


def test_render_strict_with_warnings_fails_and_writes_nothing(capsys, sample_db, tmp_path):
    out_path = tmp_path / "memo.pdf"
    code, out, err = run(capsys, "--db", sample_db, "render", SAMPLE_BRIEFING_ID,
                         "-o", out_path, "--strict")
    assert code == 1 and out == ""
    assert "was not written" in one_error_line(err)
    assert err.count("warning: ") >= 1
    assert not out_path.exists()


def test_render_strict_without_warnings_succeeds(capsys, empty_db, tmp_path):
    with FactBase.open(empty_db) as fb:
        fb.save_briefing(Briefing(id="b-note", title="A short note", sections=[
            Section("Purpose", [Block(text="Agree the next steps.")])]))
    out_path = tmp_path / "note.html"
    code, out, err = run(capsys, "--db", empty_db, "render", "b-note", "-o", out_path,
                         "--strict")
    assert (code, err) == (0, "")
    assert "Agree the next steps." in out_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("briefing", "out_name", "message"), [
    ("no-such-briefing", "memo.pdf", "No briefing with the id or title 'no-such-briefing'"),
    (SAMPLE_BRIEFING_ID, "memo.txt", "Cannot tell the format of 'memo.txt'"),
    (SAMPLE_BRIEFING_ID, "missing-folder/memo.pdf", "the folder does not exist"),
])
def test_render_failures_are_one_line(capsys, sample_db, tmp_path, briefing, out_name, message):
    out_path = tmp_path / out_name
    code, _, err = run(capsys, "--db", sample_db, "render", briefing, "-o", out_path)
    assert code == 1
    assert message in one_error_line(err)
    assert not out_path.exists()


# ---------------------------------------------------------------- import and export


def test_export_then_import_moves_everything(capsys, sample_db, empty_db, tmp_path):
    pack = tmp_path / "all.json"
    code, out, _ = run(capsys, "--db", sample_db, "export", pack)
    assert code == 0 and out.startswith(f"Wrote {pack} (")
    assert json.loads(pack.read_text(encoding="utf-8"))["format"] == "briefing-factpack"

    code, out, err = run(capsys, "--db", empty_db, "import", pack)
    assert code == 0 and err == ""
    assert out.startswith(f"{pack}: ") and "items: " in out and " created" in out
    assert item_count(empty_db) == item_count(sample_db)


def test_export_of_chosen_items_and_a_briefing_by_title(capsys, sample_db, tmp_path):
    only_item = tmp_path / "one.json"
    assert run(capsys, "--db", sample_db, "export", only_item, "--item", "f-visa-revoked")[0] == 0
    data = json.loads(only_item.read_text(encoding="utf-8"))
    assert [i["id"] for i in data["items"]] == ["f-visa-revoked"]
    assert data["briefings"] == []

    with_briefing = tmp_path / "briefing.json"
    code, out, _ = run(capsys, "--db", sample_db, "export", with_briefing,
                       "--briefing", SAMPLE_TITLE)
    assert code == 0 and "1 briefing)" in out
    data = json.loads(with_briefing.read_text(encoding="utf-8"))
    assert [b["id"] for b in data["briefings"]] == [SAMPLE_BRIEFING_ID]
    assert data["items"]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--item", "no-such-item", "no item 'no-such-item'"),
    ("--briefing", "no-such-briefing", "no briefing with the id or title 'no-such-briefing'"),
])
def test_export_of_unknown_records_fails_without_a_file(capsys, sample_db, tmp_path,
                                                        option, value, message):
    pack = tmp_path / "out.json"
    code, _, err = run(capsys, "--db", sample_db, "export", pack, option, value)
    assert code == 1 and message in one_error_line(err)
    assert not pack.exists()


def test_import_csv(capsys, empty_db, tmp_path):
    csv_file = tmp_path / "facts.csv"
    csv_file.write_text("id,kind,text,date\nf-1,fact,Bogotá recalls its ambassador.,2025-10\n",
                        encoding="utf-8")
    code, out, _ = run(capsys, "--db", empty_db, "import", csv_file)
    assert code == 0 and "items: 1 created" in out
    code, out, _ = run(capsys, "--db", empty_db, "search", "ambassador", "--json")
    assert [r["id"] for r in json.loads(out)] == ["f-1"]


def write_pack(path, items):
    path.write_text(json.dumps({"format": "briefing-factpack", "version": 1, "items": items}),
                    encoding="utf-8")
    return path


def test_a_bad_pack_prints_every_problem_and_imports_nothing(capsys, empty_db, tmp_path):
    good = write_pack(tmp_path / "good.json", [{"id": "f-ok", "kind": "fact", "text": "Fine"}])
    bad = write_pack(tmp_path / "bad.json", [
        {"id": "f-1", "kind": "fact", "text": "A", "date": "Sept 2025"},
        {"id": "f-2", "kind": "rumour", "text": "B"},
    ])
    code, out, err = run(capsys, "--db", empty_db, "import", good, bad)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"{bad}: items[0].date") and "Sept 2025" in lines[0]
    assert lines[1].startswith(f"{bad}: items[1].kind")
    assert one_error_line(err) == f"briefing-app: error: {bad}: 2 problems; nothing was imported"
    assert item_count(empty_db) == 0  # the good file before it was rolled back too


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.json", None, "missing.json: the file does not exist; nothing was imported"),
    ("notes.txt", "hello", "notes.txt: not a fact pack (.json) or a CSV file (.csv)"),
    ("broken.json", "{not json", "broken.json: not a JSON file"),
])
def test_import_of_an_unusable_file_is_one_line(capsys, empty_db, tmp_path, name, content,
                                               message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--db", empty_db, "import", path)
    assert code == 1
    assert message in one_error_line(err)
    assert len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- the GUI branch


def test_no_command_starts_the_gui_on_the_fact_base(capsys, sample_db, monkeypatch):
    import briefing_app.ui.app as app

    started = []
    monkeypatch.setattr(app, "run_gui", lambda path: started.append(path) or 0)
    assert main(["--db", str(sample_db)]) == 0
    assert started == [sample_db]


def test_the_gui_is_not_started_on_a_missing_fact_base(capsys, tmp_path, monkeypatch):
    import briefing_app.ui.app as app

    monkeypatch.setattr(app, "run_gui", lambda path: pytest.fail("GUI started"))
    code, _, err = run(capsys, "--db", tmp_path / "missing.sqlite")
    assert code == 1 and "no fact base" in one_error_line(err)


# ---------------------------------------------------------------- output helpers


def test_format_columns_pads_all_but_the_last_column_and_cuts_the_last():
    lines = cli_output.format_columns(
        ("ID", "TEXT"), [("a", "short"), ("longer-id", "x" * 50)], width=30
    )
    assert lines == [
        "ID         TEXT",
        "a          short",
        "longer-id  " + "x" * 18 + "…",
    ]


def test_format_columns_folds_line_breaks():
    [_, row] = cli_output.format_columns(("A", "B"), [("1", "two\nlines")], width=80)
    assert row == "1  two lines"


def test_the_parser_knows_every_command():
    commands = subcommands(build_parser())
    assert set(commands) == {"init", "import", "export", "search", "briefings", "render",
                             "check", "backups", "extract", "team", "sync", "conflicts",
                             "resolve"}


# ---------------------------------------------------------------- a real process


def run_process(*args, env_db=None):
    env = dict(os.environ)
    if env_db is not None:
        env["BRIEFING_APP_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "briefing_app", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=120, env=env,
    )


def test_python_m_briefing_app_searches_and_fails_cleanly(sample_db, tmp_path):
    ok = run_process("--db", sample_db, "search", "sanctions", "--json")
    assert ok.returncode == 0, ok.stderr
    assert "f-ofac-sanctions" in [r["id"] for r in json.loads(ok.stdout)]

    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"\x00" * 4096)
    failed = run_process("--db", corrupt, "briefings")
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.startswith("briefing-app: error: ")
    assert len(failed.stderr.strip().splitlines()) == 1


def test_python_m_briefing_app_uses_the_environment_variable(tmp_path):
    default = tmp_path / "env" / "facts.sqlite"
    result = run_process("briefings", "--json", env_db=default)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == SAMPLE_BRIEFING_ID
    assert default.exists()


def test_the_desktop_app_leaves_garbage_collection_on_whatever_happens(
        sample_db, monkeypatch):
    """``briefing-app`` starts the window without garbage collection (a quicker start);
    the collector is on again afterwards, even when no window came up."""
    import gc

    from briefing_app.ui import app

    seen = []
    monkeypatch.setattr(app, "run_gui", lambda path: seen.append(gc.isenabled()) or 0)
    assert main(["--db", str(sample_db)]) == 0
    assert seen == [False] and gc.isenabled()

    def failing(path):
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(app, "run_gui", failing)
    with pytest.raises(RuntimeError):
        main(["--db", str(sample_db)])
    assert gc.isenabled()
