"""The team commands exactly as the issue's contract writes them, against a real server:
``team init-server``, ``team join``, ``sync``, ``team status``, ``conflicts``, ``resolve``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from team_helpers import edit_item

import briefing_app
from briefing_app.cli import main
from briefing_app.store import FactBase
from briefing_app.team.server_schema import SCHEMA


@pytest.fixture
def url(pg_cluster):
    return pg_cluster.new_database()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two(capsys, url, tmp_path):
    """The library set up, a fact base with the sample joined, an empty one joined."""
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    assert run(capsys, "team", "init-server", url)[0] == 0
    assert run(capsys, "--db", a, "init")[0] == 0
    assert run(capsys, "--db", b, "init", "--empty")[0] == 0
    assert run(capsys, "team", "join", url, "--db", a)[0] == 0
    assert run(capsys, "team", "join", url, "--db", b)[0] == 0
    return a, b


def test_init_server_creates_the_library_and_grants_the_roles(capsys, url):
    code, out, _ = run(capsys, "team", "init-server", url)
    assert code == 0
    assert re.match(r"Created the team library [0-9a-f-]{36} in 127\.0\.0\.1:\d+/team_\d+ "
                    r"\(schema 1\)", out)
    assert "briefing_readers may pull, briefing_editors may also push" in out

    code, out, _ = run(capsys, "team", "init-server", url)
    assert code == 0 and "is up to date" in out


def test_join_pushes_what_the_fact_base_holds_and_the_next_joins_pull_it(capsys, two):
    a, b = two
    code, out, _ = run(capsys, "team", "status", "--json", "--db", b)
    status = json.loads(out)
    assert code == 0 and status["joined"] and status["pending"] == 0
    assert list(status) == ["joined", "server", "library_id", "replica_id", "library_version",
                            "pending", "conflicts", "last_sync", "last_error"]
    with FactBase.open(a) as fa, FactBase.open(b) as fb:
        assert fb.item_count() == fa.item_count() == 16
        assert fb.get_briefing("b-petro-meeting").title == fa.get_briefing(
            "b-petro-meeting").title


def test_sync_prints_what_moved(capsys, two):
    a, b = two
    with FactBase.open(a) as fa:
        edit_item(fa, "q-trump-great-honor", notes="Check the date")
    code, out, _ = run(capsys, "sync", "--db", a)
    assert code == 0 and out.startswith("Pushed 1 change, pulled 0 changes (library version")
    code, out, _ = run(capsys, "sync", "--db", b)
    assert code == 0 and out.startswith("Pushed 0 changes, pulled 1 change")


def test_conflicts_are_listed_and_resolved_both_ways(capsys, two):
    a, b = two
    for path, notes in ((a, "Note from A"), (b, "Note from B")):
        with FactBase.open(path) as fact_base:
            edit_item(fact_base, "q-trump-great-honor", notes=notes, title=f"Title {notes}")
    run(capsys, "sync", "--db", a)
    code, out, err = run(capsys, "sync", "--db", b)
    assert code == 0 and "2 new conflicts" in out and "briefing-app conflicts" in err

    code, out, _ = run(capsys, "conflicts", "--json", "--db", b)
    listed = json.loads(out)
    assert [(c["field"], c["mine"], c["theirs"]) for c in listed] == [
        ("title", "Title Note from B", "Title Note from A"),
        ("notes", "Note from B", "Note from A")]
    assert list(listed[0]) == ["id", "kind", "object_id", "title", "field", "mine", "theirs"]
    code, out, _ = run(capsys, "conflicts", "--db", b)
    assert out.splitlines()[0].split() == ["ID", "KIND", "OBJECT", "FIELD", "MINE", "THEIRS"]

    title_id, notes_id = listed[0]["id"], listed[1]["id"]
    assert run(capsys, "resolve", str(title_id), "--keep", "mine", "--db", b)[0] == 0
    assert run(capsys, "resolve", str(notes_id), "--keep", "theirs", "--db", b)[0] == 0
    run(capsys, "sync", "--db", b)
    run(capsys, "sync", "--db", a)
    with FactBase.open(a) as fa:
        item = fa.get_item("q-trump-great-honor")
    assert (item.title, item.notes) == ("Title Note from B", "Note from A")
    assert run(capsys, "conflicts", "--json", "--db", b)[1].strip() == "[]"

    code, _, err = run(capsys, "resolve", str(title_id), "--keep", "mine", "--db", b)
    assert code == 1 and f"there is no open conflict {title_id}" in err


def test_an_unreachable_server_exits_1_and_keeps_local_work(capsys, two, pg_cluster):
    a, _ = two
    with FactBase.open(a) as fa:
        edit_item(fa, "q-trump-great-honor", notes="offline edit")
    pg_cluster.stop()
    try:
        code, out, err = run(capsys, "sync", "--db", a)
    finally:
        pg_cluster.start()
    assert code == 1 and out == ""
    assert err.startswith("briefing-app: error: cannot reach the team server 127.0.0.1:")
    assert err.rstrip().endswith("1 local change kept for the next sync")
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "sync", "--db", a)
    assert code == 0 and out.startswith("Pushed 1 change")


def test_a_newer_server_schema_exits_1(capsys, two, pg_cluster, url):
    a, _ = two
    pg_cluster.sql(f"UPDATE {SCHEMA}.library SET schema_version = 7", url.rsplit("/", 1)[1])
    code, _, err = run(capsys, "sync", "--db", a)
    assert code == 1 and "upgraded by a newer version of Briefing Builder" in err


def test_a_replica_of_another_library_is_refused_with_exit_1(capsys, two, pg_cluster):
    a, _ = two
    other = pg_cluster.new_database()
    run(capsys, "team", "init-server", other)
    code, _, err = run(capsys, "team", "join", other, "--db", a)
    assert code == 1 and "already a replica of another team library" in err


def test_a_fact_base_that_joined_nothing_says_so(capsys, tmp_path):
    path = str(tmp_path / "alone.sqlite")
    run(capsys, "--db", path, "init", "--empty")
    assert run(capsys, "team", "status", "--db", path)[1].startswith(
        "This fact base has not joined a team library")
    code, _, err = run(capsys, "sync", "--db", path)
    assert code == 1 and "has not joined a team library" in err


def test_only_the_team_package_speaks_to_postgresql():
    package = Path(briefing_app.__file__).resolve().parent
    speaking = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                      if re.search(r"^\s*(import|from)\s+psycopg", p.read_text(), re.M))
    assert speaking and all(name.startswith("team/") for name in speaking), speaking
