"""Which way to find the first page of a query with words: gather the matches or walk.

There are three ways (:func:`.search.walk` chooses, by the costs below): filter first
(every match joined to its row and sorted), walk the sort index testing each row, or
gather the matches once as a set of row numbers and walk an index of the items, looking
each row up in the set (:func:`gathering_pays`).

Gathering (the FTS index as the outer loop, every match joined and sorted) costs about the
number of matches: for a rare word that is nothing, for "colombia" in a million items it
is a million rows and a third of a second. Walking the index of the sort column and
testing each row for membership costs about ``rows wanted / share of rows that match``:
for a word in most items, a few hundred tests.

A membership test is one FTS5 lookup by rowid, which seeks in each term's list of rows;
that is cheap for an exact word, a phrase and a prefix of two or three letters (FTS5
keeps those prefixes in an index of their own, ``prefix = '2 3'``). A longer prefix such
as ``colombia*`` has no index: FTS5 merges the lists of every word it starts (tens of
milliseconds for a common one) and would do so again for every row tested. So a walk
first rewrites each longer prefix as the exact words it stands for, read from FTS5's own
vocabulary (``fts5vocab``), and the share of matching rows is estimated by counting the
matches of the rewritten expression among the newest rows (cheap: a seek per term).
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.query import Query, TextTerm

from .search_index import FTS_TABLE, attach_vocabularies, fold_for_search
from .search_probe import indexed_words

INDEXED_PREFIX_CHARS = 3  # the longest prefix with an index of its own (prefix = '2 3')
MAX_EXPANSIONS = 64  # more words for one prefix make every membership test too slow
SAMPLE_ROWS = 2000  # newest rows tested to estimate how common a query is
WALK_FROM_ITEMS = 20_000  # below this, gathering is always fast enough
_KEPT_VERSIONS = 4

# A prefix's words are read from fts5vocab (3 ms for "colombia*" over a million items),
# and kept per version of the index (0.15 ms to find them again): FTS5's structure
# record changes with every write to the index.
_words_by_version: dict[tuple[str, bytes], dict[str, list[str] | None]] = {}


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _index_version(conn: sqlite3.Connection) -> tuple[str, bytes] | None:
    """The file and FTS5 structure record: equal keys, equal vocabulary."""
    path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"),
                "")
    if not path:
        return None  # in memory: nothing identifies it across connections
    row = conn.execute(f"SELECT block FROM {FTS_TABLE}_data WHERE id = 10").fetchone()
    return (path, bytes(row[0])) if row else None


def _words(conn: sqlite3.Connection, prefix: str,
           cache: dict[str, list[str] | None] | None) -> list[str] | None:
    """The indexed words starting with ``prefix``; None when there are too many. Typed
    one letter at a time, a word's longer prefixes are picked out of a shorter one's
    words (a read of the vocabulary costs a seek a word, 0.1-3.5 ms at a million items)."""
    if cache is not None:
        if prefix in cache:
            return cache[prefix]
        for length in range(len(prefix) - 1, INDEXED_PREFIX_CHARS, -1):
            known = cache.get(prefix[:length])
            if known is not None:
                cache[prefix] = [word for word in known if word.startswith(prefix)]
                return cache[prefix]
    attach_vocabularies(conn)
    words: list[str] | None = indexed_words(conn, prefix, MAX_EXPANSIONS + 1)
    if len(words) > MAX_EXPANSIONS:
        words = None
    if cache is not None:
        cache[prefix] = words
    return words


def _spelled_out(term: TextTerm) -> bool:
    """Whether ``term`` is a prefix too long for FTS5's prefix index, which a membership
    test looks up as the words it stands for."""
    return not term.exact and len(term.text) > INDEXED_PREFIX_CHARS


def _alternatives(conn: sqlite3.Connection, term: TextTerm,
                  cache: dict[str, list[str] | None] | None) -> list[str] | None:
    """The FTS5 expressions, one a word, a row matches ``term`` by holding any of (a long
    prefix spelled out as its words); None when it stands for too many words."""
    if not _spelled_out(term):
        expression = _phrase(term.text) + ("" if term.exact else "*")
        return [f"({term.column} : {expression})" if term.column else expression]
    if not term.text.isalnum():  # several words for the index: no single prefix
        return None
    prefix = fold_for_search(term.text)
    words = _words(conn, prefix, cache)
    if words is None:
        return None
    if not words:
        words = [prefix]  # no word starts so: the query has no match
    if term.column:  # a column filter on each word: FTS5 runs that much faster
        return [f"({term.column} : {_phrase(w)})" for w in words]
    return [_phrase(w) for w in words]


def _expanded(conn: sqlite3.Connection, term: TextTerm,
              cache: dict[str, list[str] | None] | None) -> str | None:
    """The FTS5 expression a membership test can afford for ``term``, or None."""
    alternatives = _alternatives(conn, term, cache)
    if alternatives is None:
        return None
    if not _spelled_out(term):
        return alternatives[0]  # the only one
    return "(" + " OR ".join(alternatives) + ")"


def _cache(conn: sqlite3.Connection) -> dict[str, list[str] | None] | None:
    """The prefixes' words known for this version of the index (None in memory)."""
    version = _index_version(conn)
    if version is None:
        return None
    cache = _words_by_version.setdefault(version, {})
    while len(_words_by_version) > _KEPT_VERSIONS:
        del _words_by_version[next(iter(_words_by_version))]
    return cache


def sample_matches(conn: sqlite3.Connection, match: str, newest: int) -> int:
    """How many rows above ``newest`` the match expression finds (a seek per term)."""
    return conn.execute(
        f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid > ?",
        (match, newest)).fetchone()[0]


def excluded_words(conn: sqlite3.Connection, query: Query,
                   newest: int) -> tuple[str, ...] | None:
    """The excluded terms of ``query`` as their words, the most common among the rows
    above ``newest`` first, for a walk that tests each row for them one at a time: the
    tests stop at the first word the row holds. ``-colombia`` at 1M items (in 98% of
    them): 86 ms to its first rows, against 145 ms for one test of ``("colombia" OR
    "colombiano")``, which looks both up in every row (and 152 ms the rarer first).
    None when a prefix stands for too many words."""
    cache = _cache(conn)
    words: list[str] = []
    for term in query.negative_terms:
        alternatives = _alternatives(conn, term, cache)
        if alternatives is None:
            return None
        words += alternatives
    unique = tuple(dict.fromkeys(words))
    if len(unique) == 1:
        return unique  # nothing to order
    found = {word: sample_matches(conn, word, newest) for word in unique}
    return tuple(sorted(found, key=found.__getitem__, reverse=True))


def walk_expression(conn: sqlite3.Connection, query: Query) -> str | None:
    """The query's match expression with every long prefix spelled out as its words (the
    excluded terms alone, OR-ed, for a query without positive words), or None when a
    prefix stands for too many words."""
    cache = _cache(conn)
    include, exclude = [], []
    for terms, target in ((query.positive_terms, include), (query.negative_terms, exclude)):
        for term in terms:
            expression = _expanded(conn, term, cache)
            if expression is None:
                return None
            target.append(expression)
    if not include:
        return " OR ".join(exclude)
    match = " AND ".join(include)
    return f"({match}) NOT ({' OR '.join(exclude)})" if exclude else match


# What testing one row costs while walking, in matches gathered (measured). A full-text
# membership test takes 6-11 µs a row when the walk's order follows the order rows were
# written in (a million generated items, walked by date or title), up to 30-170 µs when
# it does not (100k items imported from a pack in another order); a gathered match costs
# 0.5-2.4 µs. 8 keeps both sides of every measured case under 100 ms: a person in 4% of
# 100k imported items gathers (19 ms, walking took 545), "bogota" in 13% of a million
# walks (9 ms, gathering took 143). A test of the row's own columns or tags costs about
# two gathered matches.
WORD_TEST_COST = 8
ROW_TEST_COST = 2
# An order by a label (the indexes of item_labels) follows neither the order rows were
# written in nor the index's, so each test seeks afresh in every list of rows: 10-30 µs a
# row at a million generated items (person:petro by source or tags, 5,000 rows walked:
# 110-150 ms, where filtering first took 55-80; bogota by people, 1,500 rows: 15-44 ms).
# Not for excluded words alone: tested most common first, most rows hold the first one
# (-colombia by people: 9,800 rows in 63 ms walked, 172 ms filtered first).
LABEL_SORTS = ("people", "source", "tags")
LABEL_WORD_TEST_COST = 20


def walk_sort_index(limit: int, offset: int, matching: int, total: int, *,
                    word_test: bool = False, only_excluded: bool = False,
                    by_label: bool = False) -> bool:
    """Whether walking the sort index beats filtering first, given the row counts.

    Walking the sort index tests about ``(offset + limit) * total / matching`` rows, each
    at the cost of :data:`WORD_TEST_COST` gathered matches when the test looks words up
    (``word_test``; :data:`LABEL_WORD_TEST_COST` in an order ``by_label``), else
    :data:`ROW_TEST_COST`. Filtering first costs about the number
    of matching rows (all are sorted), or, for a query of excluded words alone
    (``only_excluded``), gathering the excluded rows once as a set and walking the sort
    index past them (:data:`GATHER_COST`, :data:`SET_TEST_COST`): ``-colombia`` at 100k
    items (2% left) 16 ms that way, 830 ms testing each row for the word. SQLite cannot
    weigh this itself (it keeps no statistics on value ranges or words), so :func:`walk`
    estimates ``matching``.
    """
    if matching <= 0:
        return False
    walked = (offset + limit) * total / matching
    filtering = _gathered_cost(total - matching, walked) if only_excluded else matching
    return walked * (_word_test_cost(by_label) if word_test else ROW_TEST_COST) < filtering


def _word_test_cost(by_label: bool) -> int:
    return LABEL_WORD_TEST_COST if by_label else WORD_TEST_COST


# Gathering the words' matches as a set (FTS5 reading its lists of rows, the set kept by
# SQLite) costs about a tenth of a match gathered and joined to its row (0.13-0.19 µs
# against 1.6 µs), and so does walking an index of the items and looking each row up in
# that set (0.12-0.18 µs a row). Measured at a million items: person:marquez (47,000
# matches) 8 ms gathered as a set, 87 ms filtered first, 27 ms walked with a test per
# row; filtered by kind and date as well, 8 ms against 75.
GATHER_COST = 0.1
SET_TEST_COST = 0.1


def gathering_pays(limit: int, offset: int, matching: int, word_matches: int, total: int,
                   *, walking: bool, by_label: bool = False) -> bool:
    """Whether gathering the ``word_matches`` rows the words find, then walking an index
    of the items (``(offset + limit) * total / matching`` rows) and looking each row up
    among them, beats the other plan: walking with a test per row (``walking``), else
    filtering first, which joins every match of the words to its row. ``by_label``: in
    an order by a label (see :data:`LABEL_WORD_TEST_COST`)."""
    if matching <= 0:
        return False
    walked = (offset + limit) * total / matching
    return (_gathered_cost(word_matches, walked)
            < (walked * _word_test_cost(by_label) if walking else word_matches))


def _gathered_cost(gathered: int, walked: float) -> float:
    """Gathering ``gathered`` rows as a set, then walking ``walked`` rows of an index and
    looking each up in it, in gathered matches."""
    return gathered * GATHER_COST + walked * SET_TEST_COST


# Sorts kept by an index of the items table, which the gathered plan walks.
GATHERED_SORTS = ("date", "kind", "status", "marking", "title", "text")


def may_gather(query: Query, sort: str) -> bool:
    """Whether the gathered plan may serve ``query``: words, an order an index keeps, no
    tags (their own subquery may lead instead) and no excluded words (gathered,
    ``marquez -petro`` reads every row "petro" is in: 57 ms against 34 walking, which
    tests each row for it). In an order by a label the index of the labels leads: only
    when no filter of the items' own needs their rows (those lead instead, see
    :func:`may_gather_by_filters`) and none puts the matches in one stretch of the order
    (source:efe by source, 91 ms gathered, 21 filtered first)."""
    if not _gatherable(query):
        return False
    if sort in LABEL_SORTS:
        return not (_narrows_items(query) or query.not_kinds or query.not_statuses
                    or _filters_sorted_column(query, sort))
    return sort in GATHERED_SORTS


def _gatherable(query: Query) -> bool:
    return query.has_words and not (query.negative_terms or query.tags or query.not_tags)


def _narrows_items(query: Query) -> bool:
    """Whether ``query`` keeps only some kinds, statuses or dates (an index finds them)."""
    return bool(query.kinds or query.statuses or query.after or query.before)


def may_gather_by_filters(query: Query, sort: str) -> bool:
    """Whether the gathered plan may serve ``query`` led by the indexes of its own filters
    (kind, status, dates) in an order by a label, which no index of the items keeps: the
    rows the filters keep are looked up in the words' matches, then sorted."""
    return _gatherable(query) and sort in LABEL_SORTS and _narrows_items(query)


def gathering_by_filters_pays(matching: int, word_matches: int, total: int) -> bool:
    """Whether gathering the ``word_matches`` rows the words find, then walking the rows
    the filters keep (``total * matching / word_matches`` of them, the words and the
    filters taken as independent) and looking each up among them, beats filtering first,
    which joins every match of the words to its row to test the filters. At a million
    items, ``kind:quote person:marquez after:2025`` (47,000 matches of the words, 9,100
    of the query) by people: 68 ms gathered, 100-126 ms filtered first."""
    if word_matches <= 0:
        return False
    return _gathered_cost(word_matches, total * matching / word_matches) < word_matches


def may_walk_sort_index(query: Query, sort: str, limit: int | None) -> bool:
    """Whether a page of ``query`` might be found faster by walking the index of the sort
    column and testing each row (see :func:`.search.walk`)."""
    if limit is None or query.is_empty or sort == "relevance" and query.has_words:
        return False
    if _filters_sorted_column(query, sort):
        return False
    # kind, status and dates have indexes that keep the date order: no walk needed
    return sort not in ("date", "relevance") or bool(query.terms or query.tags
                                                     or query.not_tags)


def _filters_sorted_column(query: Query, sort: str) -> bool:
    """Whether ``query`` filters on the column it is sorted by, so that its matches sit
    together in one stretch of the order: person:petro sorted by people finds Petro's
    items only past every item of the people named before him (3.3 s walking at a
    million items, 92 ms gathering). The sample that estimates how common a query is
    cannot see that."""
    if sort in ("people", "source"):
        return any(term.column == sort for term in query.positive_terms)
    return sort == "tags" and bool(query.tags)
