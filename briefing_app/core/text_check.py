"""The one check every text passes before it is stored, searched or written out.

Python strings may hold lone surrogates (U+D800 to U+DFFF): a JSON escape such as
``"\\ud800"``, a file read with ``surrogateescape`` or a clipboard with half a character
makes one. No file format can store them: SQLite, UTF-8, XML and PDF all refuse, each with
its own traceback. So every way in (packs, CSV, editors, the search box, article intake)
asks :func:`invalid_character` once and names the place; the store refuses whatever slips
past with :func:`describe_unencodable`.

Messages quote values through :func:`shorten`, so a 5 MB value is never echoed in full.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
QUOTE_LIMIT = 80
"""How many characters of a value a message quotes at most."""


def invalid_character(text: str) -> str | None:
    """``"invalid character U+D800"`` for the first character no file can hold, else None."""
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return None
    return f"invalid character U+{ord(found.group()):04X} (half of a character pair)"


def without_invalid_characters(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every character no file can hold replaced (by U+FFFD)."""
    return _LONE_SURROGATE.sub(replacement, text)


def describe_unencodable(error: UnicodeEncodeError) -> str:
    """The :func:`invalid_character` message for an encoder's complaint about a text."""
    text = error.object if isinstance(error.object, str) else ""
    problem = invalid_character(text) if text else None
    if problem is None:
        return "the text holds a character that cannot be saved"
    return f"the text holds an {problem}"


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to about ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"
