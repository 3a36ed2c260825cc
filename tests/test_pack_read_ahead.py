"""A big pack is read and checked by a child process while this one writes: the same
records written and the same problems listed as reading it here, and the child never
outlives the import (done, cancelled, failed or killed)."""

from __future__ import annotations

import json
import subprocess

import pytest
import test_pack_stream as streamed

from briefing_app.core.model import Person
from briefing_app.core.operations.imports import ImportCancelled
from briefing_app.exchange import pack_read_ahead
from briefing_app.exchange.factpack import PackError, pack_dict, pack_json, write_content
from briefing_app.exchange.pack_stream import StreamedPack
from briefing_app.store import FactBase


@pytest.fixture
def readers(monkeypatch):
    """Every pack is read ahead; the child processes started are listed."""
    started: list[subprocess.Popen] = []
    real_popen = subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(pack_read_ahead, "READ_AHEAD_FROM_BYTES", 0)
    monkeypatch.setattr(pack_read_ahead.subprocess, "Popen", popen)
    return started


def imported(path, *, ahead: bool, monkeypatch, people=(), **options):
    """(outcome, the fact base as a pack) of importing ``path`` into a new fact base."""
    with monkeypatch.context() as patch:
        if not ahead:
            patch.setattr(pack_read_ahead, "READ_AHEAD_FROM_BYTES", 1 << 62)
        with FactBase.open(":memory:") as fb:
            fb.save_people(list(people))
            try:
                outcome = write_content(fb, StreamedPack(path), **options).summary()
            except PackError as error:
                outcome = error.problems
            return outcome, pack_dict(fb)


def test_a_pack_read_ahead_writes_what_reading_here_writes(tmp_path, readers, monkeypatch):
    path = tmp_path / "pack.json"
    path.write_text(pack_json(streamed.BASE_PACK), encoding="utf-8")
    here = imported(path, ahead=False, monkeypatch=monkeypatch)
    ahead = imported(path, ahead=True, monkeypatch=monkeypatch)
    assert ahead == here and "items: 3 created" in ahead[0]
    assert len(readers) == 1 and readers[0].returncode == 0


def test_the_reader_is_this_package_whatever_folder_the_app_started_in(
        tmp_path, readers, monkeypatch):
    """Started from a folder holding another copy of the package (a source checkout),
    the child still runs this one: ``python -m`` would put that folder first."""
    other = tmp_path / "checkout" / "briefing_app"
    other.mkdir(parents=True)
    (other / "__init__.py").write_text("raise ImportError('the other copy')\n")
    path = tmp_path / "pack.json"
    path.write_text(pack_json(streamed.BASE_PACK), encoding="utf-8")
    monkeypatch.chdir(other.parent)
    outcome, _pack = imported(path, ahead=True, monkeypatch=monkeypatch)
    assert "items: 3 created" in outcome
    assert len(readers) == 1 and readers[0].returncode == 0


@pytest.mark.parametrize("change", [
    lambda p: p["items"][0].update(date="Sept 2025"),
    lambda p: p["items"][1].update(speaker="p-x"),
    lambda p: p["items"].append({"id": "f-1", "kind": "fact", "text": "again"}),
    lambda p: p.update(format="other"),
    lambda p: p["items"][0].update(text="half \ud800 a character"),
], ids=["date", "ref", "dup-id", "format", "surrogate"])
def test_a_pack_read_ahead_lists_the_same_problems(tmp_path, readers, monkeypatch, change):
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(streamed.mutated(change), indent=2), encoding="utf-8")
    here = imported(path, ahead=False, monkeypatch=monkeypatch)
    ahead = imported(path, ahead=True, monkeypatch=monkeypatch)
    assert isinstance(ahead[0], list) and ahead == here
    assert ahead[1]["items"] == []  # nothing written


def test_the_child_asks_the_fact_base_for_a_person_the_pack_does_not_list(
        tmp_path, readers, monkeypatch):
    pack = streamed.mutated(lambda p: p["items"][1].update(speaker="p-stored"))
    path = tmp_path / "pack.json"
    path.write_text(pack_json(pack), encoding="utf-8")
    stored = [Person("p-stored", "Ana Díaz")]
    outcome, written = imported(path, ahead=True, monkeypatch=monkeypatch, people=stored)
    assert "items: 3 created" in outcome
    assert {i["id"]: i.get("speaker") for i in written["items"]}["q-1"] == "p-stored"
    outcome, _ = imported(path, ahead=True, monkeypatch=monkeypatch)  # not stored: a problem
    assert any("p-stored" in problem for problem in outcome)


def big_pack(tmp_path, items: int = 3000):
    """A pack much larger than a pipe's buffer, so the child is still reading when the
    first batches arrive."""
    pack = {"format": streamed.FORMAT, "version": 1, "items": [
        {"id": f"f-{n}", "kind": "fact", "text": f"Fact number {n} " + "words " * 40}
        for n in range(items)]}
    path = tmp_path / "big.json"
    path.write_text(pack_json(pack), encoding="utf-8")
    return path


def test_cancelling_stops_the_child_and_writes_nothing(tmp_path, readers):
    path = big_pack(tmp_path)
    seen = []
    with FactBase.open(tmp_path / "f.sqlite") as fb:
        with pytest.raises(ImportCancelled):
            write_content(fb, StreamedPack(path), progress=lambda done, total: seen.append(done),
                          cancelled=lambda: len(seen) > 1)
        assert fb.item_count() == 0
    assert readers[0].returncode is not None  # ended, not left running


def test_a_child_that_dies_midway_is_a_clear_problem_and_nothing_is_written(tmp_path, readers):
    path = big_pack(tmp_path)

    def kill_the_reader(done, total):
        readers[0].kill()

    with FactBase.open(tmp_path / "f.sqlite") as fb:
        with pytest.raises(PackError, match="reading the pack stopped unexpectedly"):
            write_content(fb, StreamedPack(path), progress=kill_the_reader)
        assert fb.item_count() == 0
    assert readers[0].returncode is not None
