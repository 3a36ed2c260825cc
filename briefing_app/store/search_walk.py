"""Which way to find the first page of a query with words: gather the matches or walk.

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

from .search_index import FTS_TABLE, TERMS, attach_vocabularies, fold_for_search
from .text_range import starting_with

INDEXED_PREFIX_CHARS = 3  # the longest prefix with an index of its own (prefix = '2 3')
MAX_EXPANSIONS = 64  # more words for one prefix make every membership test too slow
SAMPLE_ROWS = 2000  # newest rows tested to estimate how common a query is
WALK_FROM_ITEMS = 20_000  # below this, gathering is always fast enough
_KEPT_VERSIONS = 4

# Reading a prefix's words from fts5vocab reads their lists of rows too (47 ms for
# "colombia*" over a million items), so the words are kept per version of the index:
# FTS5's structure record changes with every write to the index.
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
    """The indexed words starting with ``prefix``; None when there are too many."""
    if cache is not None and prefix in cache:
        return cache[prefix]
    attach_vocabularies(conn)
    words: list[str] | None = [row[0] for row in conn.execute(
        f"SELECT term FROM {TERMS} WHERE term >= ? AND term < ? LIMIT ?",
        (*starting_with(prefix), MAX_EXPANSIONS + 1),
    )]
    if len(words) > MAX_EXPANSIONS:
        words = None
    if cache is not None:
        cache[prefix] = words
    return words


def _expanded(conn: sqlite3.Connection, term: TextTerm,
              cache: dict[str, list[str] | None] | None) -> str | None:
    """The FTS5 expression a membership test can afford for ``term``, or None."""
    phrase = _phrase(term.text)
    if term.exact or len(term.text) <= INDEXED_PREFIX_CHARS:
        expression = phrase if term.exact else phrase + "*"
    else:
        if not term.text.isalnum():  # several words for the index: no single prefix
            return None
        prefix = fold_for_search(term.text)
        words = _words(conn, prefix, cache)
        if words is None:
            return None
        if not words:
            words = [prefix]  # no word starts so: the query has no match
        if term.column:  # a column filter on each word: FTS5 runs that much faster
            return "(" + " OR ".join(f"({term.column} : {_phrase(w)})" for w in words) + ")"
        return "(" + " OR ".join(_phrase(w) for w in words) + ")"
    return f"({term.column} : {expression})" if term.column else expression


def walk_expression(conn: sqlite3.Connection, query: Query) -> str | None:
    """The query's match expression with every long prefix spelled out as its words (the
    excluded terms alone, OR-ed, for a query without positive words), or None when a
    prefix stands for too many words."""
    version = _index_version(conn)
    cache = None
    if version is not None:
        cache = _words_by_version.setdefault(version, {})
        while len(_words_by_version) > _KEPT_VERSIONS:
            del _words_by_version[next(iter(_words_by_version))]
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
