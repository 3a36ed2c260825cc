"""Possible duplicates: stored items whose text is nearly the same as a new one.

Staffers paste the same wire report twice, weeks apart. Before a new item is saved the
editor asks for items with very similar text. Comparing against every item would be slow
on 100,000 of them, so the search index narrows the field first: the new text's rarest
words (fewest items contain them, read from an ``fts5vocab`` view of the index) find at
most :data:`CANDIDATES` items, and only those are compared in Python with
:class:`difflib.SequenceMatcher` on folded text (letter case, accents and spacing ignored).
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from .search_index import FTS_TABLE

THRESHOLD = 0.8
CANDIDATES = 50
RARE_WORDS = 4
COMMON = 20_000  # above this many matches for the rare words together, require them all
_VOCAB = "similar_terms"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SimilarItem:
    id: str
    kind: str
    title: str
    text: str
    date: str
    ratio: float  # 0..1, 1 = the same text after folding


def fold(text: str) -> str:
    """Text as the comparison sees it: no accents, case folded, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def similarity(a: str, b: str) -> float:
    """How alike two texts are (difflib ratio of the folded texts)."""
    return _ratio(fold(a), fold(b), 0.0)


def _ratio(a: str, b: str, threshold: float) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def find_similar(
    fb, text: str, *, exclude_id: str | None = None, threshold: float = THRESHOLD,
    limit: int = 5,
) -> list[SimilarItem]:
    """Items whose text (or title, for items without text) is at least ``threshold``
    alike to ``text``, most alike first; ``exclude_id`` leaves out the item being edited."""
    wanted = fold(text)
    if not wanted:
        return []
    return fb._read(_find, wanted, exclude_id, threshold, limit)


def _find(conn: sqlite3.Connection, wanted: str, exclude_id: str | None, threshold: float,
          limit: int) -> list[SimilarItem]:
    match = _match_expression(conn, wanted)
    if match is None:
        return []
    rows = conn.execute(
        f"""SELECT i.id, i.kind, i.title, i.text, i.date FROM {FTS_TABLE} s
        JOIN items i ON i.num = s.rowid
        WHERE {FTS_TABLE} MATCH ? ORDER BY s.rank LIMIT {CANDIDATES}""",
        (match,),
    ).fetchall()
    found = []
    for item_id, kind, title, body, date in rows:
        if item_id == exclude_id:
            continue
        ratio = _ratio(wanted, fold(body or title), threshold)
        if ratio >= threshold:
            found.append(SimilarItem(item_id, kind, title, body, date, ratio))
    found.sort(key=lambda s: -s.ratio)
    return found[:limit]


def _match_expression(conn: sqlite3.Connection, wanted: str) -> str | None:
    """An FTS5 query for the rarest words of the text, in the title and text columns."""
    words = {w for w in _WORD.findall(wanted) if len(w) >= 3 or w.isdigit()}
    if not words:
        words = set(_WORD.findall(wanted))
    counts = _document_counts(conn, words)
    rare = sorted((n, w) for w, n in counts.items() if n > 0)[:RARE_WORDS]
    if not rare:
        return None
    joiner = " AND " if sum(n for n, _ in rare) > COMMON else " OR "
    if joiner == " AND ":
        rare = rare[:2]
    terms = joiner.join('"' + w.replace('"', '""') + '"' for _, w in rare)
    return "{title text} : (" + terms + ")"


def _document_counts(conn: sqlite3.Connection, words: set[str]) -> dict[str, int]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_VOCAB} "
        f"USING fts5vocab(main, {FTS_TABLE}, 'row')"
    )
    counts = {}
    for word in sorted(words):
        row = conn.execute(f"SELECT doc FROM temp.{_VOCAB} WHERE term = ?", (word,)).fetchone()
        counts[word] = row[0] if row else 0
    return counts
