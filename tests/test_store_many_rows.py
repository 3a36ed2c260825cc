"""Many rows inserted a statement of many rows at a time: every row lands, in order, and a
refused row raises as it does with ``executemany``."""

from __future__ import annotations

import sqlite3

import pytest

from briefing_app.store.many_rows import MAX_VARIABLES, ROWS_PER_STATEMENT, insert_rows


def table(width: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    columns = ", ".join(f"c{n}" for n in range(width))
    conn.execute(f"CREATE TABLE t (num INTEGER PRIMARY KEY, {columns}, UNIQUE (c0))")
    return conn


@pytest.mark.parametrize("width", [1, 3, 17])
def test_every_row_lands_in_order_whatever_the_count(width):
    per = min(ROWS_PER_STATEMENT, MAX_VARIABLES // width)
    for count in (0, 1, per - 1, per, per + 1, 3 * per + 7):
        conn = table(width)
        rows = [tuple(f"{r}-{c}" for c in range(width)) for r in range(count)]
        head = f"INSERT INTO t({', '.join(f'c{n}' for n in range(width))})"
        insert_rows(conn, head, width, iter(rows))  # any iterable of rows
        stored = conn.execute(f"SELECT {', '.join(f'c{n}' for n in range(width))} FROM t"
                              " ORDER BY num").fetchall()
        assert stored == rows


def test_a_conflict_clause_in_the_head_applies_to_every_row():
    conn = table(1)
    insert_rows(conn, "INSERT OR IGNORE INTO t(c0)", 1, [("a",), ("b",), ("a",)])
    assert conn.execute("SELECT c0 FROM t ORDER BY num").fetchall() == [("a",), ("b",)]


@pytest.mark.parametrize("count", [3, 120])  # in the rows left over, in a full statement
def test_a_refused_row_raises_as_executemany_would_and_the_rollback_keeps_nothing(count):
    conn = table(1)
    conn.execute("BEGIN")
    rows = [(f"r{n}",) for n in range(count)]
    rows[min(75, count - 1)] = ("r1",)  # row 75: in the second statement of fifty
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(conn, "INSERT INTO t(c0)", 1, rows)
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0


def test_a_row_of_the_wrong_width_is_refused_before_anything_is_written():
    conn = table(2)
    with pytest.raises(ValueError, match="2 values"):  # flattened, "c" would shift a row
        insert_rows(conn, "INSERT INTO t(c0, c1)", 2, [("a", "b"), ("c",), ("d", "e", "f")])
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
