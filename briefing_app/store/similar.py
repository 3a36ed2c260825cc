"""Possible duplicates: stored items whose text is nearly the same as a new one.

Staffers paste the same wire report twice, weeks apart. Before a new item is saved the
editor asks for items with very similar text. Comparing against every item would be slow
on 100,000 of them, so the search index narrows the field first: the new text's rarest
words (fewest items contain them, read from an ``fts5vocab`` view of the index) find at
most :data:`CANDIDATES` items, and only those are compared in Python with
:class:`difflib.SequenceMatcher` over the folded words (letter case, accents,
punctuation and spacing ignored).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from briefing_app.core.records import SimilarItem

from .search_index import FTS_TABLE, TERMS, attach_vocabularies

THRESHOLD = 0.8
CANDIDATES = 50
RARE_WORDS = 4  # any of these may match when few items have them
ALL_WORDS = 8  # all of these must match when the text has only common words
RANKED_MAX = 5_000  # ranking more matches than this by relevance is too slow
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Text as the comparison sees it: no accents, case folded, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def words(text: str) -> list[str]:
    """The folded words of a text, in order (punctuation dropped)."""
    return _WORD.findall(fold(text))


def similarity(a: str, b: str) -> float:
    """How alike two texts are: difflib's ratio over their folded words, so one changed
    word in twenty costs 0.05 whatever its length."""
    return _ratio(words(a), words(b), 0.0)


def _ratio(a: list[str], b: list[str], threshold: float) -> float:
    import difflib  # here: opening a fact base to read it does not need it

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def find_similar(
    conn: sqlite3.Connection, text: str, *, exclude_id: str | None = None,
    threshold: float = THRESHOLD, limit: int = 5,
) -> list[SimilarItem]:
    """Items whose text (or title, for items without text) is at least ``threshold``
    alike to ``text``, most alike first; ``exclude_id`` leaves out the item being edited."""
    wanted = words(text)
    if not wanted:
        return []
    query = _candidate_query(conn, wanted)
    if query is None:
        return []
    match, order = query
    rows = conn.execute(
        f"""SELECT i.id, i.kind, i.title, i.text, i.date FROM {FTS_TABLE} s
        JOIN items i ON i.num = s.rowid
        WHERE {FTS_TABLE} MATCH ? ORDER BY {order} LIMIT {CANDIDATES}""",
        (match,),
    ).fetchall()
    found = []
    for item_id, kind, title, body, date in rows:
        if item_id == exclude_id:
            continue
        ratio = _ratio(wanted, words(body or title), threshold)
        if ratio >= threshold:
            found.append(SimilarItem(item_id, kind, title, body, date, ratio))
    found.sort(key=lambda s: -s.ratio)
    return found[:limit]


def _candidate_query(conn: sqlite3.Connection, wanted: list[str]) -> tuple[str, str] | None:
    """An FTS5 query on the title and text columns and the order to take candidates in.

    Any of the rarest words, best match first, when few items have them. When the text
    has only common words, ranking tens of thousands of matches would take too long, so
    all of them must match, and if that is still too many the newest matches are taken.
    """
    terms = {w for w in wanted if len(w) >= 3 or w.isdigit()} or set(wanted)
    counts = sorted((n, w) for w, n in _document_counts(conn, terms).items() if n > 0)
    if not counts:
        return None
    rare = counts[:RARE_WORDS]
    if sum(n for n, _ in rare) <= RANKED_MAX:
        return _expression(rare, " OR "), "s.rank"
    match = _expression(counts[:ALL_WORDS], " AND ")
    matches = conn.execute(
        f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (match,)
    ).fetchone()[0]
    return match, "s.rank" if matches <= RANKED_MAX else "s.rowid DESC"


def _expression(words: list[tuple[int, str]], joiner: str) -> str:
    terms = joiner.join('"' + w.replace('"', '""') + '"' for _, w in words)
    return "{title text} : (" + terms + ")"


def _document_counts(conn: sqlite3.Connection, terms: set[str]) -> dict[str, int]:
    attach_vocabularies(conn)
    counts = {}
    for word in sorted(terms):
        row = conn.execute(f"SELECT doc FROM {TERMS} WHERE term = ?", (word,)).fetchone()
        counts[word] = row[0] if row else 0
    return counts
