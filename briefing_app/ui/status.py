"""What the status bar says, worded for people (tested without widgets).

The words go through Qt's translation (context ``StatusBar``) and numbers are grouped the
locale's way (5,000 / 5.000).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale


def number(count: int) -> str:
    """``5,000`` in English, ``5.000`` in Spanish (the "C" locale reads as English)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{count:,}"
    return locale.toString(count)


def _items(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("StatusBar", "%1 item").replace("%1", number(count))
    return QCoreApplication.translate("StatusBar", "%1 items").replace("%1", number(count))


def count_text(shown: int, matching: int, in_fact_base: int, query: str,
               ignored: tuple[str, ...] = ()) -> str:
    """``Showing 200 of 5,000 items`` or, while searching,
    ``Showing 3 of 3 matching items (40 items in the fact base)``; parts of the query the
    search ignored are named so a typo like ``kind:qoute`` does not go unnoticed."""
    if not query.strip():
        text = QCoreApplication.translate("StatusBar", "Showing %1 of %2").replace(
            "%1", number(shown)).replace("%2", _items(matching))
    else:
        matching_text = (
            QCoreApplication.translate("StatusBar", "%1 matching item") if matching == 1
            else QCoreApplication.translate("StatusBar", "%1 matching items")
        ).replace("%1", number(matching))
        text = QCoreApplication.translate(
            "StatusBar", "Showing %1 of %2 (%3 in the fact base)").replace(
            "%1", number(shown)).replace("%2", matching_text).replace(
            "%3", _items(in_fact_base))
    if ignored:
        text += QCoreApplication.translate("StatusBar", " — ignored: %1").replace(
            "%1", "; ".join(ignored))
    return text


def display_path(path: str | Path, home: str | Path | None = None) -> str:
    """The path with the home folder shown as ``~``, as people know it."""
    path = Path(path)
    home = Path(home) if home is not None else Path.home()
    try:
        return str(Path("~") / path.relative_to(home))
    except ValueError:
        return str(path)
