"""The app's fixed vocabularies, declared once.

Everything that names a kind, a status, a block style, an automatic section, a note style
or an output format derives from here: the model's defaults, the store's CHECK
constraints (:func:`sql_check`), the validators of fact packs and CSV, the command line's
choices and the window's menus and labels. Adding a value here and its label in
``ui/labels.py`` is all it takes (a test checks every vocabulary has labels).
"""

from __future__ import annotations

ITEM_KINDS = ("fact", "quote", "event")
STATUSES = ("unverified", "verified", "disputed")
BLOCK_STYLES = ("paragraph", "bullet", "talking-point")
AUTOMATIC_SECTIONS = ("timeline", "participants", "sources")
NOTE_STYLES = ("footnotes", "endnotes")
PAGE_SIZES = ("letter", "a4")
"""A memo's paper: US Letter (8.5 x 11 in) or ISO A4 (210 x 297 mm); the writers size
their pages from it (``document/page_size.py``)."""
OUTPUT_FORMATS = ("docx", "pdf", "html")
"""Memo formats, in menu order; each has a writer ``document/writers/<format>_writer.py``
(a test checks that the writer registry finds exactly these)."""


def sql_check(column: str, values: tuple[str, ...], *, allow_empty: bool = False) -> str:
    """``CHECK (column IN ('a', 'b'))`` for a schema, from a vocabulary."""
    allowed = ("",) + values if allow_empty else values
    listed = ", ".join("'" + value.replace("'", "''") + "'" for value in allowed)
    return f"CHECK ({column} IN ({listed}))"
