"""SQL for a parsed :class:`~.query.Query`: which rows, in which order, one page at a time.

Speed rules, so search stays fast at hundreds of thousands of items:

- Only a query with words touches the FTS index; kind:, status:, tag:, after:/before: and
  the empty query use the indexed columns of ``items`` alone.
- Every query ends in ``LIMIT``/``OFFSET``, and a page is chosen by an inner query that
  carries only row numbers and sort keys; display columns are read for that page alone.
- Relevance is bm25 with the index's column weights, computed in SQL with the LIMIT, so
  only the page leaves SQLite. (An explicit ``bm25(...)`` sorts faster than FTS5's
  configured ``rank`` column, which gives the same order.)
- Every sort ends in a unique key (the item's row number), so pages never overlap.

User text reaches SQLite only as bound parameters. Inside the FTS MATCH expression every
term is a double-quoted string with inner quotes doubled, so no typed character can act
as FTS syntax (``AND``, ``NEAR(``, ``*``, ``:``, parentheses are just text).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from briefing_app.core.query import Query, TextTerm
from briefing_app.core.records import ItemRow

from .schema import TEXT_SORT_CHARS
from .search_index import FTS_COLUMNS, FTS_TABLE

ORDERS = ("relevance", "date", "date-desc")

# Sort keys of the item table -> ORDER BY terms. Each matches an index (see schema.py).
ROW_SORTS: dict[str, tuple[str, ...]] = {
    "date": ("items.date", "items.num"),
    "kind": ("items.kind", "items.date", "items.num"),
    "status": ("items.status", "items.date", "items.num"),
    "marking": ("items.marking", "items.date", "items.num"),
    "title": ("items.title COLLATE NOCASE", "items.num"),
    "text": (f"substr(items.text, 1, {TEXT_SORT_CHARS}) COLLATE NOCASE", "items.num"),
    "people": ("labels.people COLLATE NOCASE", "labels.item_num"),
    "source": ("labels.source COLLATE NOCASE", "labels.item_num"),
    "tags": ("labels.tags COLLATE NOCASE", "labels.item_num"),
}
ROW_SORT_KEYS = (*ROW_SORTS, "relevance")
SNIPPET_CHARS = 240
SCORE = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in FTS_COLUMNS.values())})"

_ROW_COLUMNS = f"""items.id, items.kind, items.date, items.title,
    substr(items.text, 1, {SNIPPET_CHARS}), labels.people, labels.source, labels.tags,
    items.status, items.marking"""


def _tagged(count: int, every: bool) -> str:
    """Row numbers (not ids: any index on items carries the row number, so the test needs
    no visit to the items table) of the items with any, or ``every``, of ``count`` tags."""
    names = "tags.name = ?" if count == 1 else f"tags.name IN ({', '.join('?' * count)})"
    sql = (
        "(SELECT tagged.num FROM item_tags JOIN tags ON tags.id = item_tags.tag_id"
        f" JOIN items AS tagged ON tagged.id = item_tags.item_id WHERE {names}"
    )
    if every and count > 1:
        sql += f" GROUP BY tagged.num HAVING count(*) = {count}"
    return sql + ")"


def fts_term(term: TextTerm) -> str:
    """One FTS5 phrase for a term, quoted so its text can never be read as syntax."""
    phrase = '"' + term.text.replace('"', '""') + '"'
    if not term.exact:
        phrase += "*"
    if term.column:
        phrase = f"{term.column} : {phrase}"
    return phrase


def match_expression(positive: tuple[TextTerm, ...], negative: tuple[TextTerm, ...]) -> str:
    """``(a AND b) NOT (c OR d)``; with no positive terms, just ``c OR d``."""
    include = " AND ".join(fts_term(t) for t in positive)
    exclude = " OR ".join(fts_term(t) for t in negative)
    if include and exclude:
        return f"({include}) NOT ({exclude})"
    return include or exclude


@dataclass
class Plan:
    """What to select: an FTS match (if the query has words) and conditions on ``items``."""

    match: str | None = None
    conditions: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def select(self, columns: str, *, items: bool = False, labels: bool = False) -> str:
        """``SELECT columns FROM ... WHERE ...``; ``items``/``labels`` when the columns or
        the order need those tables. ``rownum`` in ``columns`` is the item's row number."""
        join = "JOIN"
        if self.match is not None:
            # CROSS JOIN keeps the full-text index as the outer loop: the other way round,
            # SQLite would run the full-text query once per item.
            join = "CROSS JOIN"
            tables = FTS_TABLE
            rownum = f"{FTS_TABLE}.rowid"
            if items or labels or self.conditions:
                tables += f" {join} items ON items.num = {FTS_TABLE}.rowid"
            where = [f"{FTS_TABLE} MATCH ?", *self.conditions]
        else:
            tables, rownum, where = "items", "items.num", list(self.conditions)
        if labels:
            tables += f" {join} item_labels AS labels ON labels.item_num = {rownum}"
        sql = f"SELECT {columns.replace('rownum', rownum)} FROM {tables}"
        return sql + (f" WHERE {' AND '.join(where)}" if where else "")

    @property
    def all_params(self) -> list[object]:
        return ([self.match] if self.match is not None else []) + self.params


def plan(query: Query, *, filter_by_index: bool = True) -> Plan:
    """The FTS match and the conditions of ``query``.

    ``filter_by_index=False`` writes the conditions so that SQLite cannot use an index to
    find the matching rows (a unary ``+``): it then walks the index of the sort column and
    tests each row, the fast way when most rows match (see :func:`walk_sort_index`).
    """
    result = Plan()
    col = "items." if filter_by_index else "+items."
    if query.has_words:
        result.match = match_expression(query.positive_terms, query.negative_terms)
    elif query.negative_terms:
        result.conditions.append(
            f"{col}num NOT IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)"
        )
        result.params.append(match_expression((), query.negative_terms))
    for column, values, negated in (
        ("kind", query.kinds, False),
        ("kind", query.not_kinds, True),
        ("status", query.statuses, False),
        ("status", query.not_statuses, True),
    ):
        if values:
            marks = ", ".join("?" * len(values))
            result.conditions.append(f"{col}{column} {'NOT IN' if negated else 'IN'} ({marks})")
            result.params.extend(values)
    if query.tags:
        result.conditions.append(f"{col}num IN {_tagged(len(query.tags), every=True)}")
        result.params.extend(query.tags)
    if query.not_tags:
        result.conditions.append(f"{col}num NOT IN {_tagged(len(query.not_tags), every=False)}")
        result.params.extend(query.not_tags)
    if query.after:
        result.conditions.append(f"{col}date >= ?")
        result.params.append(query.after)
    if query.before:
        result.conditions.append(f"{col}date > '' AND {col}date < ?")
        result.params.append(query.before)
    return result


def may_walk_sort_index(query: Query, sort: str, limit: int | None) -> bool:
    """Whether a page of a filter-only query might be found faster by walking the index of
    the sort column and testing each row (see :func:`walk_sort_index`)."""
    if query.has_words or sort in ("date", "relevance") or limit is None:
        return False
    if query.negative_terms:
        return False  # counting their rows costs as much as the page itself
    return bool(plan(query).conditions)


def walk_sort_index(limit: int, offset: int, matching: int, total: int) -> bool:
    """Whether walking the sort index beats filtering first, given the row counts.

    Filtering first costs about the number of matching rows (all are sorted); walking the
    sort index costs about ``(offset + limit) * total / matching`` rows. SQLite cannot
    weigh this itself (it keeps no statistics on value ranges), so the caller counts.
    """
    return matching > 0 and (offset + limit) * total < 2 * matching * matching


def _page(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None:
        return " LIMIT -1 OFFSET ?", [max(0, int(offset))]
    return " LIMIT ? OFFSET ?", [max(0, int(limit)), max(0, int(offset))]


def _order(terms: tuple[str, ...], descending: bool) -> str:
    direction = " DESC" if descending else ""
    return " ORDER BY " + ", ".join(t + direction for t in terms)


def _page_sql(
    query: Query, terms: tuple[str, ...] | None, descending: bool, limit, offset,
    filter_by_index: bool = True,
) -> tuple[str, list[object], str]:
    """Inner query of one page: ``num`` (and ``score`` when ranking) of the rows in order.

    ``terms`` None means relevance. Returns the SQL, its parameters and the ORDER BY that
    puts the page in order again once joined to the display tables.
    """
    p = plan(query, filter_by_index=filter_by_index)
    page, page_params = _page(limit, offset)
    if terms is None:
        sql = p.select(f"rownum AS num, {SCORE} AS score") + " ORDER BY score, num" + page
        return sql, [*p.all_params, *page_params], " ORDER BY page.score, page.num"
    order = _order(terms, descending)
    sql = p.select(
        "rownum AS num", items=any(t.startswith("items.") for t in terms),
        labels=any(t.startswith("labels.") for t in terms),
    )
    return sql + order + page, [*p.all_params, *page_params], order


def ids_sql(
    query: Query, order: str = "relevance", limit: int | None = 50, offset: int = 0
) -> tuple[str, list[object]]:
    """SQL selecting the ids of one page of matching items.

    ``relevance`` is best first, or newest first for a query without words.
    """
    if order not in ORDERS:
        raise ValueError(f"{order!r} is not a search order (use {', '.join(ORDERS)})")
    by_date = ROW_SORTS["date"]
    if order == "relevance" and query.has_words:
        inner, params, outer_order = _page_sql(query, None, False, limit, offset)
    else:
        descending = order != "date"
        inner, params, outer_order = _page_sql(query, by_date, descending, limit, offset)
    sql = f"SELECT items.id FROM ({inner}) AS page JOIN items ON items.num = page.num"
    return sql + outer_order, params


def count_sql(query: Query) -> tuple[str, list[object]]:
    p = plan(query)
    return p.select("count(*)"), p.all_params


def rows_sql(
    query: Query,
    sort: str = "date",
    descending: bool = False,
    limit: int | None = 200,
    offset: int = 0,
    filter_by_index: bool = True,
) -> tuple[str, list[object]]:
    """SQL for one page of flat display rows (see :class:`~briefing_app.core.records.ItemRow`).

    ``relevance`` is best first whatever ``descending`` says; without words it is the
    date, newest first. ``filter_by_index``: see :func:`plan`.
    """
    if sort not in ROW_SORT_KEYS:
        raise ValueError(f"{sort!r} is not a column to sort by (use {', '.join(ROW_SORT_KEYS)})")
    if sort == "relevance":
        terms = None if query.has_words else ROW_SORTS["date"]
        descending = True
    else:
        terms = ROW_SORTS[sort]
    inner, params, outer_order = _page_sql(
        query, terms, descending, limit, offset, filter_by_index
    )
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM ({inner}) AS page"
        " JOIN items ON items.num = page.num"
        " JOIN item_labels AS labels ON labels.item_num = items.num"
    )
    return sql + outer_order, params


# ---------------------------------------------------------------- running them


def ids(conn: sqlite3.Connection, query: Query, order: str, limit: int | None,
        offset: int) -> list[str]:
    sql, params = ids_sql(query, order, limit, offset)
    return [r[0] for r in conn.execute(sql, params)]


def count(conn: sqlite3.Connection, query: Query) -> int:
    sql, params = count_sql(query)
    return conn.execute(sql, params).fetchone()[0]


def rows(conn: sqlite3.Connection, query: Query, sort: str, descending: bool,
         limit: int | None, offset: int) -> list[ItemRow]:
    """One page of :class:`ItemRow`; for a broad query, walks the sort index instead of
    filtering first when that is faster (see :func:`walk_sort_index`)."""
    walk = False
    if may_walk_sort_index(query, sort, limit):
        total = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        walk = walk_sort_index(limit, offset, count(conn, query), total)
    sql, params = rows_sql(query, sort, descending, limit, offset, filter_by_index=not walk)
    return [ItemRow(*r) for r in conn.execute(sql, params)]
