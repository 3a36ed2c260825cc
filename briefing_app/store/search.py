"""SQL for a parsed :class:`~.query.Query`: which rows, in which order, one page at a time.

Speed rules, so search stays fast at a million items:

- Only a query with words touches the FTS index; kind:, status:, tag:, after:/before: and
  the empty query use the indexed columns of ``items`` alone.
- A page is chosen by an inner query that carries only row numbers and sort keys;
  display columns are read for that page alone.
- The plan is chosen by the query (:func:`walk`): a rare word gathers its matches and
  sorts them; a common one (or a broad filter) walks the index of the sort column and
  tests each row, which finds the first page without touching every match
  (:mod:`.search_walk` makes the test cheap and estimates how common a query is); a
  word in some items (a few percent) is gathered once as a set of row numbers while an
  index of the items walks the order, so no match is joined to its row unless shown.
- The next page starts after the last row shown (``after``, keyset paging), so page 25
  costs what page 2 does; only relevance ranking counts rows in (``OFFSET``).
- Tags are matched with accents and case folded as the index folds words
  (:func:`.search_tags.tag_spellings`).
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
from typing import NamedTuple

from briefing_app.core.query import RANKED_MAX, RANKED_SAMPLE, Query, TextTerm
from briefing_app.core.records import ItemRow

from . import search_walk
from .items import count as count_items
from .schema import TEXT_SORT_CHARS
from .search_index import FTS_COLUMNS, FTS_TABLE
from .search_keyset import after_condition
from .search_tags import Spellings, has_tag, tag_spellings, tagged

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

Match = str | tuple[str, ...]
"""An FTS5 match expression, or (walking for excluded words alone) one for each word,
tested in turn (:func:`.search_walk.excluded_words`)."""


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
    walk: bool = False  # test each row of items for the match (see search_walk.py)
    gathered: bool = False
    """The items table leads (its indexes find the rows in order) and each row is looked
    up in the set of the words' matches, gathered once (see :func:`walk`)."""
    tests_columns: bool = False
    """Some condition tests a column of the row in items, not just its number."""

    def select(self, columns: str, *, items: bool = False, labels: bool = False) -> str:
        """``SELECT columns FROM ... WHERE ...``; ``items``/``labels`` when the columns or
        the order need those tables. ``rownum`` in ``columns`` is the item's row number."""
        join = "JOIN"
        if self.match is not None and not (self.walk or self.gathered):
            # CROSS JOIN keeps the full-text index as the outer loop: the other way round,
            # SQLite would run the full-text query once per item.
            join = "CROSS JOIN"
            tables = FTS_TABLE
            rownum = f"{FTS_TABLE}.rowid"
            if items or self.conditions:  # labels alone join the index's rows directly
                tables += f" {join} items ON items.num = {FTS_TABLE}.rowid"
            where = [f"{FTS_TABLE} MATCH ?", *self.conditions]
        else:
            if labels and not (items or self.tests_columns) and (self.gathered
                                                              or self.match is None):
                # row numbers alone are tested (tags, words gathered, excluded words): the
                # labels lead, no row of items is read (tag:extradition by tags at 1M
                # items: 151 -> 68 ms)
                tables, rownum, labels = "item_labels AS labels", "labels.item_num", False
                where = [rownum + c.removeprefix("items.num") if c.startswith("items.num ")
                         else c for c in self.conditions]  # (the rest: keyset, own tables)
            else:
                tables, rownum, where = "items", "items.num", list(self.conditions)
            if self.gathered:  # the unary + keeps SQLite from looking the set's rows up
                where.insert(0, f"+{rownum} IN (SELECT rowid FROM {FTS_TABLE}"
                             f" WHERE {FTS_TABLE} MATCH ?)")
            elif self.match is not None:
                where.insert(0, f"EXISTS (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
                             f" AND {FTS_TABLE}.rowid = items.num)")
        if labels:
            tables += f" {join} item_labels AS labels ON labels.item_num = {rownum}"
        sql = f"SELECT {columns.replace('rownum', rownum)} FROM {tables}"
        return sql + (f" WHERE {' AND '.join(where)}" if where else "")

    @property
    def all_params(self) -> list[object]:
        return ([self.match] if self.match is not None else []) + self.params


def plan(query: Query, *, filter_by_index: bool = True, spellings: Spellings | None = None,
         match: Match | None = None, gathered: bool = False) -> Plan:
    """The FTS match and the conditions of ``query``.

    ``spellings`` (from :func:`tag_spellings`) gives the stored names of each tag of the
    query; without it a tag matches its own name only (case folded). ``match`` (from
    :func:`.search_walk.walk_expression`) replaces the query's own match expression.

    ``filter_by_index=False`` writes every condition as a test of the current row (a
    unary ``+``, ``EXISTS`` with the row's number or id) so that SQLite cannot use an
    index to find the matching rows: it then walks the index of the sort column and tests
    each row, the fast way when many rows match (see :func:`walk`). ``gathered``: see
    :attr:`Plan.gathered` (for a query with words, with ``filter_by_index``).
    """
    result = Plan(tests_columns=not filter_by_index)
    col = "items." if filter_by_index else "+items."
    one_row = f"{FTS_TABLE} MATCH ? AND {FTS_TABLE}.rowid = items.num"
    if query.has_words:
        result.match = match or match_expression(query.positive_terms, query.negative_terms)
        result.walk = not filter_by_index
        result.gathered = gathered and filter_by_index
    elif query.negative_terms:
        excluded = match or match_expression((), query.negative_terms)
        if filter_by_index:
            result.conditions.append(
                f"items.num NOT IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)"
            )
            result.params.append(excluded)
        else:  # one test a word when walk() split them (see search_walk.excluded_words)
            for expression in excluded if isinstance(excluded, tuple) else (excluded,):
                result.conditions.append(f"NOT EXISTS (SELECT 1 FROM {FTS_TABLE} WHERE {one_row})")
                result.params.append(expression)
    for column, values, negated in (
        ("kind", query.kinds, False),
        ("kind", query.not_kinds, True),
        ("status", query.statuses, False),
        ("status", query.not_statuses, True),
    ):
        if values:
            result.tests_columns = True
            marks = ", ".join("?" * len(values))
            result.conditions.append(f"{col}{column} {'NOT IN' if negated else 'IN'} ({marks})")
            result.params.extend(values)
    spellings = spellings or {}
    for tag in query.tags:  # every one of them
        names = spellings.get(tag, (tag,))
        if filter_by_index:
            result.conditions.append(f"{col}num IN {tagged(len(names))}")
        else:
            result.conditions.append(has_tag(len(names)))
        result.params.extend(names)
    if query.not_tags:  # none of them
        names = [n for tag in query.not_tags for n in spellings.get(tag, (tag,))]
        if filter_by_index:
            result.conditions.append(f"{col}num NOT IN {tagged(len(names))}")
        else:
            result.conditions.append(f"NOT {has_tag(len(names))}")
        result.params.extend(names)
    result.tests_columns |= bool(query.after or query.before)
    if query.after:
        result.conditions.append(f"{col}date >= ?")
        result.params.append(query.after)
    if query.before:
        result.conditions.append(f"{col}date > '' AND {col}date < ?")
        result.params.append(query.before)
    return result


class Way(NamedTuple):
    """How to find a page: see :func:`walk`."""

    walk: bool = False
    """Walk the sort index, testing each row (``filter_by_index=False`` for :func:`plan`)."""
    match: Match | None = None
    """The match expression each row is tested with while walking (see :data:`Match`)."""
    gathered: bool = False
    """The words' matches gathered once as a set (:attr:`Plan.gathered`)."""


def walk(conn: sqlite3.Connection, query: Query, sort: str, limit: int | None, offset: int,
         spellings: Spellings) -> Way:
    """How to find this page: filter first (the plain plan), walk the sort index testing
    each row, or walk the items' own indexes looking each row up in the gathered matches
    of the words. The share of matching rows is estimated by testing the newest
    :data:`~.search_walk.SAMPLE_ROWS` rows, a few milliseconds at any size; counting
    every match would cost as much as gathering them."""
    walkable = search_walk.may_walk_sort_index(query, sort, limit)
    by_filters = limit is not None and search_walk.may_gather_by_filters(query, sort)
    if not (walkable or by_filters):
        return Way()
    total = _size(conn)
    if total < search_walk.WALK_FROM_ITEMS:
        return Way()
    match = None
    if query.terms:
        match = search_walk.walk_expression(conn, query)
        if match is None:
            return Way()
    sampled = min(search_walk.SAMPLE_ROWS, total)
    newest = total - sampled
    only_excluded = bool(query.terms) and not query.has_words
    if only_excluded:  # count the excluded words
        found = sampled - search_walk.sample_matches(conn, match, newest)
        # (other filters ignored: the estimate is an upper bound)
    else:
        sample = plan(query, filter_by_index=False, spellings=spellings, match=match)
        sample.walk = False  # words: the index finds the sampled matches, no test per row
        row = f"{FTS_TABLE}.rowid > ?" if sample.match is not None else "items.num > ?"
        sample.conditions.append(row)
        sample.params.append(newest)
        found = conn.execute(sample.select("count(*)"), sample.all_params).fetchone()[0]
    estimate = found * total // sampled
    by_label = sort in search_walk.LABEL_SORTS
    walking = walkable and search_walk.walk_sort_index(
        limit, offset, estimate, total, word_test=match is not None,
        only_excluded=only_excluded, by_label=by_label and not only_excluded)
    if walking and only_excluded:
        match = search_walk.excluded_words(conn, query, newest) or match
    sort_leads = search_walk.may_gather(query, sort)  # else the filters' indexes do
    if sort_leads or (by_filters and not walking):
        sampled_words = (search_walk.sample_matches(conn, match, newest) if query.has_filters
                         else found)
        words = sampled_words * total // sampled
        if sort_leads:
            pays = search_walk.gathering_pays(limit, offset, estimate, words, total,
                                              walking=walking, by_label=by_label)
        else:
            pays = search_walk.gathering_by_filters_pays(estimate, words, total)
        if pays:
            return Way(gathered=True)
    return Way(walking, match)


def _size(conn: sqlite3.Connection) -> int:
    """The newest row number, which stands for the number of rows: counting them costs as
    much as a gathered page, and numbers of deleted rows are not reused (an upper bound)."""
    return conn.execute("SELECT max(num) FROM items").fetchone()[0] or 0


def _page(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None:
        return " LIMIT -1 OFFSET ?", [max(0, int(offset))]
    return " LIMIT ? OFFSET ?", [max(0, int(limit)), max(0, int(offset))]


def _order(terms: tuple[str, ...], descending: bool) -> str:
    direction = " DESC" if descending else ""
    return " ORDER BY " + ", ".join(t + direction for t in terms)


def _page_sql(
    query: Query, terms: tuple[str, ...] | None, descending: bool, limit, offset,
    filter_by_index: bool = True, spellings: Spellings | None = None,
    match: Match | None = None, after: str | None = None, gathered: bool = False,
    after_part: int = 0,
) -> tuple[str, list[object], str]:
    """Inner query of one page: ``num`` (and ``score`` when ranking) of the rows in order.

    ``terms`` None means relevance; ``match`` and ``gathered``: see :func:`plan`;
    ``after`` and ``after_part``: see :func:`rows_sql`. Returns the SQL, its parameters
    and the ORDER BY that puts the page in order again once joined to the display tables.
    """
    p = plan(query, filter_by_index=filter_by_index, spellings=spellings,
             match=match, gathered=gathered and terms is not None)
    if after is not None and terms is not None:
        condition, marks = after_condition(terms, descending, after_part)
        p.conditions.append(condition)
        p.params += [after] * marks
        offset = 0
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
    query: Query, order: str = "relevance", limit: int | None = 50, offset: int = 0,
    spellings: Spellings | None = None, filter_by_index: bool = True,
    match: Match | None = None, gathered: bool = False,
) -> tuple[str, list[object]]:
    """SQL selecting the ids of one page of matching items.

    ``relevance`` is best first, or newest first for a query without words.
    ``filter_by_index``, ``match`` and ``gathered``: see :func:`plan` (a date order may
    be walked).
    """
    if order not in ORDERS:
        raise ValueError(f"{order!r} is not a search order (use {', '.join(ORDERS)})")
    by_date = ROW_SORTS["date"]
    if order == "relevance" and query.has_words:
        inner, params, outer_order = _page_sql(query, None, False, limit, offset,
                                               spellings=spellings)
    else:
        descending = order != "date"
        inner, params, outer_order = _page_sql(query, by_date, descending, limit, offset,
                                               filter_by_index, spellings, match,
                                               gathered=gathered)
    sql = f"SELECT items.id FROM ({inner}) AS page JOIN items ON items.num = page.num"
    return sql + outer_order, params


def count_sql(query: Query, spellings: Spellings | None = None,
              match: Match | None = None) -> tuple[str, list[object]]:
    p = plan(query, spellings=spellings, match=match)
    return p.select("count(*)"), p.all_params


def rows_sql(
    query: Query,
    sort: str = "date",
    descending: bool = False,
    limit: int | None = 200,
    offset: int = 0,
    filter_by_index: bool = True,
    spellings: Spellings | None = None,
    match: Match | None = None,
    after: str | None = None,
    gathered: bool = False,
    after_part: int = 0,
) -> tuple[str, list[object]]:
    """SQL for one page of flat display rows (see :class:`~briefing_app.core.records.ItemRow`).

    ``after`` (an item id) starts the page right after that item in the order, instead
    of ``offset`` rows in (relevance always counts rows); the caller makes sure that item
    still exists. The rows after it come in :func:`keyset_parts` parts, in order:
    ``after_part`` chooses one (see :func:`.search_keyset.after_condition`).

    ``relevance`` is best first whatever ``descending`` says; without words it is the
    date, newest first. ``filter_by_index``, ``match``, ``gathered``: see :func:`plan`.
    """
    if sort not in ROW_SORT_KEYS:
        raise ValueError(f"{sort!r} is not a column to sort by (use {', '.join(ROW_SORT_KEYS)})")
    if sort == "relevance":
        terms = None if query.has_words else ROW_SORTS["date"]
        descending = True
    else:
        terms = ROW_SORTS[sort]
    inner, params, outer_order = _page_sql(
        query, terms, descending, limit, offset, filter_by_index, spellings, match, after,
        gathered, after_part,
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
    spellings = tag_spellings(conn, query)
    if order == "relevance" and too_many_to_rank(conn, query):
        order = "date-desc"
    sort = "relevance" if order == "relevance" else "date"  # without words: newest first
    way = walk(conn, query, sort, limit, offset, spellings)
    sql, params = ids_sql(query, order, limit, offset, spellings, not way.walk, way.match,
                          way.gathered)
    return [r[0] for r in conn.execute(sql, params)]


def too_many_to_rank(conn: sqlite3.Connection, query: Query) -> bool:
    """Whether the words of ``query`` (its other terms aside) are in more than
    :data:`~briefing_app.core.query.RANKED_MAX` items, as the newest rows tell: relevance
    then gives way to newest first. A fact base holding fewer items is never sampled."""
    if not query.has_words:
        return False
    total = _size(conn)
    if total <= RANKED_MAX:
        return False
    sampled = min(RANKED_SAMPLE, total)
    # long prefixes spelled out as their words: FTS5 then seeks to the newest rows
    words = search_walk.walk_expression(conn, query) or match_expression(
        query.positive_terms, query.negative_terms)
    found = search_walk.sample_matches(conn, words, total - sampled)
    return found * total // sampled > RANKED_MAX


def ranks_by_relevance(conn: sqlite3.Connection, query: Query) -> bool:
    return query.has_words and not too_many_to_rank(conn, query)


def count(conn: sqlite3.Connection, query: Query) -> int:
    """How many items match. In a large fact base each long prefix is counted as the
    words it stands for (:func:`.search_walk.walk_expression`): FTS5 then seeks in each
    word's list of rows instead of merging every list the prefix starts (at a million
    items, ``petro sanc "estados unidos" -trump kind:fact status:v`` 169 -> 59 ms,
    ``colomb`` 160 -> 53 ms; reading the words, once per version of the index, 0.1-3.5 ms)."""
    match = None
    if query.terms and _size(conn) >= search_walk.WALK_FROM_ITEMS:
        match = search_walk.walk_expression(conn, query)
    if query.terms and not query.has_words and not query.has_filters:
        return _count_without(conn, match or match_expression((), query.negative_terms))
    sql, params = count_sql(query, tag_spellings(conn, query), match)
    return conn.execute(sql, params).fetchone()[0]


def _count_without(conn: sqlite3.Connection, excluded: str) -> int:
    """How many items hold none of the excluded words: all of them less those the index
    finds (it has one row per item). At a million items ``-colombia`` 1.5 s -> 0.1 s:
    testing each item against the 980,000 that hold it cost a look-up a row."""
    holding = conn.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                           (excluded,)).fetchone()[0]
    return count_items(conn) - holding


def rows(conn: sqlite3.Connection, query: Query, sort: str, descending: bool,
         limit: int | None, offset: int, after: str | None = None) -> list[ItemRow]:
    """One page of :class:`ItemRow`; for a broad query, walks the sort index instead of
    filtering first when that is faster (see :func:`walk`). ``after``: the id of the
    last row of the previous page, so the page starts there (keyset paging); an id that
    is no longer there, and relevance ranking, fall back to ``offset``. Relevance gives
    way to newest first for words in too many items (:func:`too_many_to_rank`)."""
    if sort == "relevance" and too_many_to_rank(conn, query):
        sort, descending = "date", True  # newest first, as ids() gives them
    if after is not None:
        by_score = sort == "relevance" and query.has_words  # no key to start from
        if by_score or not conn.execute("SELECT 1 FROM items WHERE id = ?",
                                        (after,)).fetchone():
            after = None
        else:
            offset = 0
    spellings = tag_spellings(conn, query)
    way = walk(conn, query, sort, limit, offset, spellings)
    return page_rows(conn, query, sort, descending, limit, offset, spellings, way, after)


def page_rows(conn: sqlite3.Connection, query: Query, sort: str, descending: bool,
              limit: int | None, offset: int, spellings: Spellings, way: Way,
              after: str | None = None) -> list[ItemRow]:
    """One page found ``way`` (see :func:`walk`); after a row, read part by part
    (:func:`keyset_parts`) until the page is full."""
    found: list[ItemRow] = []
    for part in range(keyset_parts(sort) if after is not None else 1):
        wanted = None if limit is None else limit - len(found)
        sql, params = rows_sql(query, sort, descending, wanted, offset, not way.walk,
                               spellings, way.match, after, way.gathered, part)
        found += [ItemRow(*r) for r in conn.execute(sql, params)]
        if limit is not None and len(found) >= limit:
            break
    return found


def keyset_parts(sort: str) -> int:
    """In how many parts the rows after a given row are read: one per key of the order
    (relevance without words is newest first)."""
    return len(ROW_SORTS.get(sort, ROW_SORTS["date"]))
