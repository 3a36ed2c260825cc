"""When things go wrong between a replica and the server: a push cut off half way, a lost
answer, the server stopped mid-sync, a role that may only read, a newer server schema, a
replica of another library. The local fact base is never left halfway, and nothing is
applied twice."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pg_server import running_cluster
from team_helpers import edit_item, fact, local_state, new_library, replica, server_state, sync

from briefing_app.store import FactBase
from briefing_app.store.replica import LocalReplica
from briefing_app.team.errors import (
    NotAllowed,
    OtherLibrary,
    ServerSchemaNewer,
    ServerUnreachable,
)
from briefing_app.team.join import join
from briefing_app.team.server import TeamServer
from briefing_app.team.server_schema import EDITORS, READERS, SCHEMA, init_server
from briefing_app.team.sync import Sync

WORKER = Path(__file__).resolve().parent / "team_worker.py"

AUDIT = f"""
CREATE TABLE {SCHEMA}.audit (kind smallint, object_id text, version bigint);
CREATE FUNCTION {SCHEMA}.audit_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {SCHEMA}.audit VALUES (NEW.kind, NEW.object_id, NEW.version);
    RETURN NEW;
END $$;
CREATE TRIGGER audit_write AFTER INSERT OR UPDATE ON {SCHEMA}.objects
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.audit_write();
"""


@pytest.fixture
def url(pg_cluster):
    return new_library(pg_cluster)


def audited(url: str) -> None:
    """Count every write of an object row on the server, to see nothing is applied twice."""
    with TeamServer.connect(url) as server:
        server.conn.execute(AUDIT)


def writes_per_object(url: str) -> dict[str, int]:
    with TeamServer.connect(url) as server:
        rows = server.conn.execute(
            f"SELECT object_id, count(*) FROM {SCHEMA}.audit GROUP BY object_id").fetchall()
    return dict(rows)


def many_items(count: int) -> list:
    return [fact(f"i-{n:04}", f"Fact {n}") for n in range(count)]


# ---------------------------------------------------------------- cut-off pushes


def test_a_push_whose_answer_was_lost_is_not_applied_again(url, tmp_path):
    audited(url)
    fb = replica(tmp_path, "a", url)
    fb.save_items(many_items(20))
    state = LocalReplica(fb).state()
    pending = LocalReplica(fb).pending(0, 100)
    with TeamServer.connect(url) as server:  # the push lands, its answer never arrives
        server.push(state.replica_id, state.seen_version, [
            {"seq": p.seq, "kind": p.kind, "object_id": p.object_id, "deleted": False,
             "data": p.mine} for p in pending])
        version = server.library().version

    [report] = sync(fb)

    assert report.pushed == 0 and LocalReplica(fb).pending_count() == 0
    assert set(writes_per_object(url).values()) == {1}
    with TeamServer.connect(url) as server:
        assert server.library().version == version


def test_a_push_killed_half_way_is_finished_by_the_next_sync_without_repeats(url, tmp_path):
    audited(url)
    fb = replica(tmp_path, "a", url)
    fb.save_items(many_items(300))
    fb.close()
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), "--db", str(tmp_path / "a.sqlite"), "--seed", "1",
         "--steps", "0", "--push-batch", "10", "--sync-at-end"],
        stdout=subprocess.PIPE, text=True)
    pushes = 0
    for line in worker.stdout:
        if line.startswith("push"):
            pushes += 1
            if pushes == 5:
                worker.send_signal(signal.SIGKILL)
                break
    worker.wait()
    assert worker.returncode == -signal.SIGKILL
    fb = FactBase.open(tmp_path / "a.sqlite")
    assert 0 < LocalReplica(fb).pending_count() < 300  # cut off half way

    sync(fb)

    assert LocalReplica(fb).pending_count() == 0
    assert local_state(fb) == server_state(url)
    assert len(writes_per_object(url)) == 300
    assert set(writes_per_object(url).values()) == {1}
    fb.close()


def test_the_server_stopped_mid_sync_leaves_both_sides_whole(tmp_path):
    with running_cluster() as cluster:
        url = new_library(cluster)
        replica(tmp_path, "a", url, items=many_items(3000))
        b = FactBase.open(tmp_path / "b.sqlite")
        join(b, url, sync=False)
        edit_b = fact("i-b", "Written on B while the server went away")
        b.save_item(edit_b)

        def stop_after_first_page(phase: str, count: int) -> None:
            if phase == "pull" and cluster.is_running():
                cluster.stop("immediate")

        with pytest.raises(ServerUnreachable, match="kept for the next sync"):
            Sync(b, progress=stop_after_first_page).run()

        pulled = b.item_count() - 1
        assert 0 < pulled < 3000  # the first page is in, whole
        assert LocalReplica(b).state().cursor is not None
        assert "team server" in LocalReplica(b).state().last_error
        cluster.start()

        sync(b)

        assert b.item_count() == 3001
        assert local_state(b) == server_state(url)
        b.close()


def test_an_unreachable_server_keeps_local_work(url, tmp_path):
    fb = replica(tmp_path, "a", url)
    fb.save_item(fact("i-1", "Written offline"))
    LocalReplica(fb).set_server("postgresql://nobody@127.0.0.1:1/none?connect_timeout=3")

    with pytest.raises(ServerUnreachable, match="cannot reach the team server 127.0.0.1:1"):
        sync(fb)

    assert LocalReplica(fb).pending_count() == 1
    assert fb.get_item("i-1").text == "Written offline"


# ---------------------------------------------------------------- roles, versions, libraries


def test_a_reader_pulls_but_may_not_push(pg_cluster, url, tmp_path):
    pg_cluster.login_role("reader_rita", READERS)
    pg_cluster.login_role("editor_eve", EDITORS)
    dbname = url.rsplit("/", 1)[1]
    editor = replica(tmp_path, "eve", pg_cluster.url(dbname, "editor_eve"),
                     items=[fact("i-1", "From the editor")])
    reader = replica(tmp_path, "rita", pg_cluster.url(dbname, "reader_rita"))
    assert reader.get_item("i-1").text == "From the editor"

    edit_item(reader, "i-1", text="The reader tried")
    with pytest.raises(NotAllowed, match="'reader_rita' may only read the team library"):
        sync(reader)

    assert LocalReplica(reader).pending_count() == 1  # kept, not lost
    assert server_state(url)[("item", "i-1")]["text"] == "From the editor"
    edit_item(editor, "i-1", title="Editor again")
    sync(editor)
    with pytest.raises(NotAllowed):
        sync(reader)
    assert reader.get_item("i-1").title == "Editor again"  # the pull still happened


def test_a_server_schema_from_a_newer_app_is_refused(pg_cluster, url, tmp_path):
    fb = replica(tmp_path, "a", url)
    pg_cluster.sql(f"UPDATE {SCHEMA}.library SET schema_version = 99",
                   url.rsplit("/", 1)[1])

    with pytest.raises(ServerSchemaNewer, match="newer version of Briefing Builder"):
        sync(fb)
    with pytest.raises(ServerSchemaNewer):
        join(FactBase.open(tmp_path / "b.sqlite"), url)
    with TeamServer.connect(url) as server, pytest.raises(ServerSchemaNewer):
        init_server(server.conn)


def test_a_replica_of_another_library_is_refused(pg_cluster, url, tmp_path):
    fb = replica(tmp_path, "a", url, items=[fact("i-1", "In the first library")])
    other = new_library(pg_cluster)

    with pytest.raises(OtherLibrary, match="already a replica of another team library"):
        join(fb, other)

    LocalReplica(fb).set_server(other)  # the server moved, and is now another library
    with pytest.raises(OtherLibrary, match="replica of another team library"):
        sync(fb)
    assert server_state(other) == {}


def test_joining_the_same_library_again_only_updates_the_address(url, tmp_path):
    fb = replica(tmp_path, "a", url, items=[fact("i-1", "Once")])
    before = LocalReplica(fb).state()

    report = join(fb, url.replace("127.0.0.1", "localhost"))

    assert report.rejoined and LocalReplica(fb).state().replica_id == before.replica_id
    assert "localhost" in LocalReplica(fb).state().server
    assert len(server_state(url)) == 1


def test_the_password_of_a_url_is_not_kept(url, tmp_path):
    fb = FactBase.open(tmp_path / "a.sqlite")
    join(fb, url.replace("postgres@", "postgres:secret@"))

    assert "secret" not in LocalReplica(fb).state().server
    assert "secret" not in (tmp_path / "a.sqlite").read_bytes().decode("latin-1")


def test_a_fact_base_put_back_from_an_older_copy_catches_up_and_loses_nothing(url, tmp_path):
    a = replica(tmp_path, "a", url, items=[fact("i-1", "Original text")])
    b = replica(tmp_path, "b", url)
    a.backup(tmp_path / "a-copy.sqlite")
    edit_item(b, "i-1", title="Title from B")
    sync(b, a)
    edit_item(a, "i-1", text="Text from A")
    sync(a)
    a.close()

    restored = FactBase.open(tmp_path / "a-copy.sqlite")  # as it was before all that
    edit_item(restored, "i-1", notes="Note typed in the old copy")
    sync(restored)

    item = restored.get_item("i-1")
    assert (item.title, item.text, item.notes) == (
        "Title from B", "Text from A", "Note typed in the old copy")
    assert local_state(restored) == server_state(url)
