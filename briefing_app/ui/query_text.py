"""Building search text: sidebar filters become ordinary query terms (pure Python).

The sidebar does not filter in Python: a click adds a term such as ``tag:"human rights"``
to what the user typed, and the store's SQL search does the rest. Names go in quotes when
they contain spaces; the query language has no escape for a double quote inside quotes,
so such a quote is dropped (for person:/source: a quote is punctuation to the search index
anyway; a tag name containing one cannot be filtered exactly).
"""

from __future__ import annotations

QUOTABLE_FIELDS = ("tag", "person", "source", "kind", "status")


def field_term(field: str, value: str) -> str:
    """``tag:sanctions``, ``tag:"human rights"``, ``person:"Gustavo Petro"``."""
    if field not in QUOTABLE_FIELDS:
        raise ValueError(f"unknown field {field!r}")
    value = " ".join(value.replace('"', " ").split())
    if not value:
        raise ValueError(f"{field}: needs a value")
    if " " in value or value.startswith("-"):
        return f'{field}:"{value}"'
    return f"{field}:{value}"


def closed(text: str) -> str:
    """``text`` with an unclosed quote closed, so text after it is read on its own."""
    text = text.strip()
    return text + '"' if text.count('"') % 2 else text


def combine(filter_text: str, typed: str) -> str:
    """The query the table runs: the sidebar filter first (its quotes closed), then what
    the user typed, which may end in an open quote while they type."""
    parts = [closed(filter_text), typed.strip()]
    return " ".join(part for part in parts if part)
