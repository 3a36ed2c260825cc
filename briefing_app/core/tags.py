"""When two tag names are the same tag: one rule for every store and every validator.

A tag keeps the first spelling a fact base saw, and ``Visa`` and ``visa`` are one tag,
while ``Ávila`` and ``ávila`` are two: only ASCII letters fold. (That is the rule SQLite's
NOCASE collation follows, which the SQLite store uses for its index; the rule is written
here so another backend and the fact-pack validator give the same answer.)
"""

from __future__ import annotations

import string

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold_tag(name: str) -> str:
    """The key under which a tag is kept: ASCII letters lower-cased, nothing else."""
    if name.isascii():  # most names: str.lower is 10x faster than a translation table
        return name.lower()
    return name.translate(_ASCII_LOWER)
