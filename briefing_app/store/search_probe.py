"""Whether a query surely matches nothing, from the search index's list of words.

Every word of every term a query must find has to be in the index, so one word no item
holds (a typo, a name nobody mentions) makes the whole query empty. Looking a word up in
FTS5's vocabulary costs ~0.05 ms whatever the size of the fact base, where running the
query on a worker and bringing its empty answer back to the window costs a round trip:
the item table asks here first and shows "no match" at once.

The ``instance`` kind of ``fts5vocab`` is read, not ``row``: a ``row`` cursor counts every
item of the first word it meets (10 ms and more for a common word at a million items), an
``instance`` cursor stops at the first place the word occurs.

Only terms this module can cut into words exactly as FTS5's ``unicode61`` tokenizer does
are looked at: plain ASCII (letters and digits make words, everything else separates
them, case folds). For any other term the answer is "cannot tell" (False), so a term is
never judged absent by a folding rule that differs from the index's.
"""

from __future__ import annotations

import re
import sqlite3

from briefing_app.core.query import Query, TextTerm

from .search_index import INSTANCES, attach_vocabularies
from .text_range import starting_with

_WORD = re.compile(r"[a-z0-9]+")


def surely_no_match(conn: sqlite3.Connection, query: Query) -> bool:
    """True when some word that ``query`` requires is in no item; False when every such
    word is indexed or when that cannot be told cheaply."""
    checkable = [t for t in query.positive_terms if _checkable(t)]
    if not checkable:
        return False
    attach_vocabularies(conn)
    return any(not _indexed(conn, word, prefix)
               for term in checkable for word, prefix in _words(term))


def _checkable(term: TextTerm) -> bool:
    return not term.column and term.text.isascii() and bool(_WORD.search(term.text.lower()))


def _words(term: TextTerm) -> list[tuple[str, bool]]:
    """The term's words as the index holds them, each with whether it is a prefix (the
    last word of a term that is not exact, as :func:`.search.fts_term` writes it)."""
    words = _WORD.findall(term.text.lower())
    return [(word, not term.exact and n == len(words) - 1) for n, word in enumerate(words)]


def _indexed(conn: sqlite3.Connection, word: str, prefix: bool) -> bool:
    if prefix:
        return bool(indexed_words(conn, word, 1))
    found = conn.execute(f"SELECT 1 FROM {INSTANCES} WHERE term = ? LIMIT 1", (word,))
    return found.fetchone() is not None


def indexed_words(conn: sqlite3.Connection, prefix: str, limit: int) -> list[str]:
    """The first ``limit`` indexed words that start with ``prefix``, in order: a seek a
    word, each stopping at the word's first place (a ``row`` cursor reads every item of
    each word it passes: the words of ``colombia*`` at a million items took 48 ms that
    way, 3 ms this way). Call :func:`.search_index.attach_vocabularies` first."""
    low, high = starting_with(prefix)
    words: list[str] = []
    while len(words) < limit:
        row = conn.execute(f"SELECT term FROM {INSTANCES} WHERE term >= ? AND term < ?"
                           " LIMIT 1", (low, high)).fetchone()
        if row is None:
            break
        words.append(row[0])
        low = row[0] + "\x00"  # the least text after the word
    return words
