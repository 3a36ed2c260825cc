"""What the status bar says, worded for people (pure Python, tested without widgets)."""

from __future__ import annotations

from pathlib import Path


def _items(count: int) -> str:
    return f"{count:,} item" + ("" if count == 1 else "s")


def count_text(shown: int, matching: int, in_fact_base: int, query: str,
               ignored: tuple[str, ...] = ()) -> str:
    """``Showing 200 of 5,000 items`` or, while searching,
    ``Showing 3 of 3 matching items (40 items in the fact base)``; parts of the query the
    search ignored are named so a typo like ``kind:qoute`` does not go unnoticed."""
    if not query.strip():
        text = f"Showing {shown:,} of {_items(matching)}"
    else:
        matching_text = f"{matching:,} matching item" + ("" if matching == 1 else "s")
        text = f"Showing {shown:,} of {matching_text} ({_items(in_fact_base)} in the fact base)"
    if ignored:
        text += " — ignored: " + "; ".join(ignored)
    return text


def display_path(path: str | Path, home: str | Path | None = None) -> str:
    """The path with the home folder shown as ``~``, as people know it."""
    path = Path(path)
    home = Path(home) if home is not None else Path.home()
    try:
        return str(Path("~") / path.relative_to(home))
    except ValueError:
        return str(path)
