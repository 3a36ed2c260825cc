"""Pre-flight warnings worded in the language of the app.

The core words each warning in English for the command line
(:mod:`briefing_app.document.preflight`); its ``details`` say what the sentence is made
of, so the app can say the same thing in Spanish, with dates the way the locale writes
them. A warning the app has no sentence for falls back to the core's English one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefing_app.ui.labels import KIND_NOUNS, translated
from briefing_app.ui.local_dates import format_partial_date

if TYPE_CHECKING:
    from briefing_app.document.preflight import PreflightWarning

CONTEXT = "Preflight"
_PLACEHOLDER = re.compile(r"%(\d+)")

# (code, case) -> the sentence and the details that fill %1, %2, ...
SENTENCES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("unverified", "unverified"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) is not verified."),
        ("label", "kind", "section")),
    ("disputed", "disputed"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) is disputed."),
        ("label", "kind", "section")),
    ("unsourced", "no-source"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) has no source."),
        ("label", "kind", "section")),
    ("unsourced", "source-gone"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) cites a source that no longer exists."),
        ("label", "kind", "section")),
    ("stale", "stale"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) is dated %4, %5 days before %6 "
                                       "(limit %7)."),
        ("label", "kind", "section", "date", "age", "reference", "limit")),
    ("unknown-marking", "item"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) is marked “%4”, which the “%5” "
                                       "scheme does not know (%6)."),
        ("label", "kind", "section", "marking", "scheme", "codes")),
    ("unknown-marking", "memo"): (
        QT_TRANSLATE_NOOP("Preflight", "The memo's marking “%1” is not in the “%2” scheme "
                                       "(%3)."),
        ("marking", "scheme", "codes")),
    ("unmarked", "unmarked"): (
        QT_TRANSLATE_NOOP("Preflight", "%1 (%2 in %3) has no marking; the memo will show it "
                                       "as %4."),
        ("label", "kind", "section", "mark")),
    ("missing-item", "block"): (
        QT_TRANSLATE_NOOP("Preflight", "A block in %1 cites an item that no longer exists "
                                       "(id %2); it is left out of the memo."),
        ("section", "id")),
    ("missing-item", "participant"): (
        QT_TRANSLATE_NOOP("Preflight", "A meeting participant no longer exists (id %1); the "
                                       "participants table leaves them out."),
        ("id",)),
    ("empty-section", "empty-section"): (
        QT_TRANSLATE_NOOP("Preflight", "The section %1 is empty; the memo prints its "
                                       "heading alone."),
        ("section",)),
}
REFERENCES = {
    "meeting": QT_TRANSLATE_NOOP("Preflight", "the meeting"),
    "memo-date": QT_TRANSLATE_NOOP("Preflight", "the memo date"),
    "today": QT_TRANSLATE_NOOP("Preflight", "today"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def describe(warning: PreflightWarning) -> str:
    """The warning as a sentence in the language of the app."""
    details = warning.details
    sentence = SENTENCES.get((warning.code, details.get("case", "")))
    if sentence is None:
        return warning.message
    template, keys = sentence
    values = dict(details)
    if "kind" in details:
        values["kind"] = translated(KIND_NOUNS, details["kind"])
    if details.get("reference") in REFERENCES:
        values["reference"] = _tr(REFERENCES[details["reference"]])
    values["date"] = format_partial_date(details.get("date", ""), long=True)

    def fill(match: re.Match) -> str:
        number = int(match.group(1))
        return str(values.get(keys[number - 1], "")) if number <= len(keys) else match.group(0)

    # one pass: a label holding "%2" is printed as typed, never filled in itself
    return _PLACEHOLDER.sub(fill, _tr(template))
