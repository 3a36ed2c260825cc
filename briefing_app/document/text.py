"""Cleaning user text before it reaches any writer.

python-docx raises on XML-invalid characters and reportlab's Paragraph would interpret
markup; cleaning happens once here, escaping is each writer's job.
"""

from __future__ import annotations

import re

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Remove characters no XML document may hold (controls, lone surrogates, U+FFFE/F).

    Carriage returns become newlines so every writer sees one kind of line break.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_INVALID.sub("", text)


def one_line(text: str | None) -> str:
    """``clean`` and fold line breaks and runs of spaces into single spaces."""
    return " ".join(clean(text).split())


SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")


def is_safe_link(url: str | None) -> bool:
    """Only http, https and mailto links become clickable in the memo."""
    return bool(url) and url.strip().lower().startswith(SAFE_LINK_SCHEMES)
