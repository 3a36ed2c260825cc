"""Search of :class:`~memory_store.MemoryStore`: the query language over plain records.

Words are found as FactBase's full-text index finds them (SQLite FTS5 with ``unicode61
remove_diacritics 2``): a word is a run of letters, digits or private-use characters,
compared without letter case or accents; a phrase is consecutive words within one field,
its last word a prefix unless the phrase is exact. Besides its own texts an item is found
by its people's names, its tag names and its source's outlet. Relevance is FTS5's bm25
with the index's column weights, so the best match comes first here as there.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from memory_store_tables import Tables, in_order, nocase

from briefing_app.core.query import RANKED_MAX, RANKED_SAMPLE, Query, TextTerm
from briefing_app.core.records import ItemRow, SimilarItem

WEIGHTS = {"title": 4.0, "text": 1.0, "context": 0.5, "translation": 1.0, "notes": 0.5,
           "location": 1.0, "people": 2.0, "tags": 2.0, "source": 1.0}
K1, B = 1.2, 0.75  # FTS5's bm25 constants
ORDERS = ("relevance", "date", "date-desc")
TEXT_SORT_CHARS, SNIPPET_CHARS = 60, 240
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")

SORTS: dict[str, Callable[[dict], tuple]] = {
    "date": lambda r: (r["date"],),
    "kind": lambda r: (r["kind"], r["date"]),
    "status": lambda r: (r["status"], r["date"]),
    "marking": lambda r: (r["marking"], r["date"]),
    "title": lambda r: (nocase(r["title"]),),
    "text": lambda r: (nocase(r["text"][:TEXT_SORT_CHARS]),),
    "people": lambda r: (nocase(r["people"]),),
    "source": lambda r: (nocase(r["source"]),),
    "tags": lambda r: (nocase(r["tags"]),),
}
SORT_KEYS = (*SORTS, "relevance")


# ---------------------------------------------------------------- words


@lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.lower())
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def words(text: str) -> list[str]:
    """The index's words of ``text``: folded runs of letters, digits, private-use chars."""
    found, word = [], []
    for char in text or "":
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            word.append(_fold(char))
        elif category[0] != "M" and word:
            found.append("".join(word))
            word = []
    if word:
        found.append("".join(word))
    return found


def labels(t: Tables, item_id: str) -> dict[str, str]:
    """People (speaker first), tags and source outlet of an item, as the table shows them."""
    item = t.items[item_id]
    people = [item.speaker] if item.speaker else []
    people += [p for p in in_order(t.item_people[item_id]) if p != item.speaker]
    return {
        "people": ", ".join(t.people[p].name for p in people if p in t.people),
        "tags": ", ".join(t.tags[tag] for tag in in_order(t.item_tags[item_id])),
        "source": t.sources[item.source].outlet if item.source in t.sources else "",
    }


def _document(t: Tables, item_id: str) -> dict[str, list[str]]:
    item, named = t.items[item_id], labels(t, item_id)
    return {column: words(named[column] if column in named else getattr(item, column))
            for column in WEIGHTS}


def _weighted_hits(term: TextTerm, document: dict[str, list[str]]) -> float:
    """How often the term's phrase stands in the document, each time by its column's
    weight (0 when it is nowhere)."""
    wanted = words(term.text)
    head, last, size = wanted[:-1], wanted[-1], len(wanted)
    total = 0.0
    for column, tokens in document.items():
        if term.column and column != term.column:
            continue
        for start in range(len(tokens) - size + 1):
            end = tokens[start + size - 1]
            if tokens[start:start + size - 1] == head and (
                    end == last if term.exact else end.startswith(last)):
                total += WEIGHTS[column]
    return total


# ---------------------------------------------------------------- selecting and ranking


def _passes_filters(t: Tables, item_id: str, q: Query) -> bool:
    item = t.items[item_id]
    tags = {nocase(t.tags[tag]) for tag in t.item_tags[item_id]}
    return ((not q.kinds or item.kind in q.kinds) and item.kind not in q.not_kinds
            and (not q.statuses or item.status in q.statuses)
            and item.status not in q.not_statuses
            and all(nocase(tag) in tags for tag in q.tags)
            and not any(nocase(tag) in tags for tag in q.not_tags)
            and (not q.after or item.date >= q.after)
            and (not q.before or "" < item.date < q.before))


def matching(t: Tables, q: Query) -> dict[str, float]:
    """The ids of the items the query selects, with their bm25 score (lower is better;
    0 for a query without words)."""
    documents = {i: _document(t, i) for i in t.items} if q.terms else {}
    hits = {i: [_weighted_hits(term, d) for term in q.terms] for i, d in documents.items()}
    selected = [
        i for i in t.items if _passes_filters(t, i, q) and (not q.terms or all(
            (h > 0) != term.negated for term, h in zip(q.terms, hits[i], strict=True)))
    ]
    if not q.has_words:
        return dict.fromkeys(selected, 0.0)
    rows = len(documents)
    average = sum(len(w) for d in documents.values() for w in d.values()) / rows
    idf = []
    for n in range(len(q.terms)):
        having = sum(1 for h in hits.values() if h[n] > 0)
        idf.append(max(math.log((rows - having + 0.5) / (having + 0.5)), 1e-6))
    scores = {}
    for i in selected:
        length = sum(len(w) for w in documents[i].values())
        scale = K1 * (1 - B + B * length / average)
        scores[i] = -sum(idf[n] * f * (K1 + 1) / (f + scale) for n, f in enumerate(hits[i]))
    return scores


def _page(ordered: list, limit: int | None, offset: int) -> list:
    start = max(0, int(offset))
    return ordered[start:] if limit is None else ordered[start:start + max(0, int(limit))]


def ids(t: Tables, q: Query, order: str, limit: int | None, offset: int) -> list[str]:
    if order not in ORDERS:
        raise ValueError(f"{order!r} is not a search order (use {', '.join(ORDERS)})")
    found = matching(t, q)
    if order == "relevance" and q.has_words and not too_many_to_rank(t, q):
        ordered = sorted(found, key=lambda i: (found[i], t.nums[i]))
    else:
        ordered = sorted(found, key=lambda i: (t.items[i].date, t.nums[i]),
                         reverse=order != "date")
    return _page(ordered, limit, offset)


def too_many_to_rank(t: Tables, q: Query) -> bool:
    """Whether the query's words (its other terms aside) are in more than RANKED_MAX items,
    estimated from the newest RANKED_SAMPLE row numbers as SQLite's store does."""
    if not q.has_words:
        return False
    total = max((t.nums[i] for i in t.items), default=0)
    if total <= RANKED_MAX:
        return False
    sampled = min(RANKED_SAMPLE, total)
    found = sum(t.nums[i] > total - sampled for i in matching(t, Query(terms=q.terms)))
    return found * total // sampled > RANKED_MAX


def ranks_by_relevance(t: Tables, q: Query) -> bool:
    return q.has_words and not too_many_to_rank(t, q)


def rows(t: Tables, q: Query, sort: str, descending: bool, limit: int | None,
         offset: int, after: str | None = None) -> list[ItemRow]:
    """One page of display rows sorted by a column of the item table (see ``SORTS``);
    ``after`` (an item id): the rows after that item in the order instead of ``offset``
    rows in (not for relevance ranking, nor for an item that is gone). Relevance is
    newest first for words in too many items, as for ``ids``."""
    if sort not in SORT_KEYS:
        raise ValueError(f"{sort!r} is not a column to sort by (use {', '.join(SORT_KEYS)})")
    found = matching(t, q)

    def shown_of(i: str) -> dict:
        item = t.items[i]
        return {"id": i, "kind": item.kind, "date": item.date, "title": item.title,
                "text": item.text[:SNIPPET_CHARS], **labels(t, i), "status": item.status,
                "marking": item.marking}

    shown = {i: shown_of(i) for i in found}
    if sort == "relevance" and q.has_words and not too_many_to_rank(t, q):
        ordered = sorted(found, key=lambda i: (found[i], t.nums[i]))
        after = None
    else:
        if sort == "relevance":
            key, descending = (lambda row: (row["date"],)), True
        else:
            key = SORTS[sort]
        ordered = sorted(found, key=lambda i: (*key(shown[i]), t.nums[i]), reverse=descending)
        if after in t.items:
            start = (*key(shown_of(after)), t.nums[after])
            ordered = [i for i in ordered
                       if ((*key(shown[i]), t.nums[i]) < start) == descending
                       and (*key(shown[i]), t.nums[i]) != start]
            offset = 0
    return [ItemRow(**shown[i]) for i in _page(ordered, limit, offset)]


# ---------------------------------------------------------------- possible duplicates


def _folded_words(text: str) -> list[str]:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text or "")
                   if not unicodedata.combining(c))
    return _WORD.findall(bare.casefold())


def similar(t: Tables, text: str, exclude_id: str | None, threshold: float,
            limit: int) -> list[SimilarItem]:
    """Items whose text (or title, without text) is at least ``threshold`` alike, word by
    word, most alike first."""
    wanted = _folded_words(text)
    if not wanted:
        return []
    found = []
    for item in t.items.values():
        if item.id == exclude_id:
            continue
        theirs = _folded_words(item.text or item.title)
        ratio = difflib.SequenceMatcher(None, wanted, theirs, autojunk=False).ratio()
        if ratio >= threshold:
            found.append(SimilarItem(item.id, item.kind, item.title, item.text, item.date, ratio))
    return sorted(found, key=lambda s: -s.ratio)[:limit]
