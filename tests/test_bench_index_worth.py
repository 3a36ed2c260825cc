"""The index benchmark accounts for every secondary index of the item tables, so an index
added later has to say what it pays for; and it runs, restoring each index it drops."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from briefing_app.store import FactBase

BENCH = Path(__file__).resolve().parent.parent / "bench"
ITEM_TABLES = ("items", "item_labels", "item_people", "item_tags")


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fact_base(tmp_path_factory):
    path = tmp_path_factory.mktemp("worth") / "worth.sqlite"
    load("generate_factbase").generate(path, 2000, 5)
    return path


def secondary_indexes(conn: sqlite3.Connection) -> set[str]:
    marks = ", ".join("?" * len(ITEM_TABLES))
    return {name for (name,) in conn.execute(
        f"SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks})", ITEM_TABLES)}


def test_every_secondary_index_of_the_item_tables_has_a_read_it_serves(fact_base):
    worth = load("bench_index_worth")
    conn = sqlite3.connect(fact_base)
    with FactBase.open(fact_base) as fb:
        served = worth.reads(fb, conn)
    assert set(served) == secondary_indexes(conn)
    conn.close()


def test_the_report_names_each_index_and_puts_every_one_back(fact_base, capsys):
    worth = load("bench_index_worth")
    conn = sqlite3.connect(fact_base)
    before = secondary_indexes(conn)
    worth.report(fact_base, runs=1)
    printed = capsys.readouterr().out
    assert all(name in printed for name in before)
    assert secondary_indexes(conn) == before
    conn.close()
