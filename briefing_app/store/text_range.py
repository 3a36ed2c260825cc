"""Texts that start with a prefix, as a range an index can seek: ``col >= ? AND col < ?``."""

from __future__ import annotations

LAST_CHARACTER = "\U0010ffff"  # sorts after every character that can follow the start


def starting_with(prefix: str) -> tuple[str, str]:
    """``(low, high)``: every text that starts with ``prefix`` is ``>= low`` and ``< high``."""
    return prefix, prefix + LAST_CHARACTER
