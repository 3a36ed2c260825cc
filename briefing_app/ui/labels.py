"""Names of the core's fixed values (kinds, statuses, block styles, languages) for people.

The core keeps English identifiers and labels and no Qt; the UI shows them through these
functions, whose texts are marked for lupdate under the ``Labels`` context, so the Spanish
translation covers them wherever they appear (table, sidebar, details, composer).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KIND_LABELS = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "Event"),
}
STATUS_LABELS = {
    "unverified": QT_TRANSLATE_NOOP("Labels", "Unverified"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "disputed": QT_TRANSLATE_NOOP("Labels", "Disputed"),
}
BLOCK_KIND_LABELS = {
    **KIND_LABELS,
    "paragraph": QT_TRANSLATE_NOOP("Labels", "Paragraph"),
    "bullet": QT_TRANSLATE_NOOP("Labels", "Bullet"),
    "talking-point": QT_TRANSLATE_NOOP("Labels", "Talking point"),
    "missing": QT_TRANSLATE_NOOP("Labels", "Missing item"),
}
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "es": QT_TRANSLATE_NOOP("Labels", "Spanish"),
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "pt": QT_TRANSLATE_NOOP("Labels", "Portuguese"),
    "de": QT_TRANSLATE_NOOP("Labels", "German"),
    "it": QT_TRANSLATE_NOOP("Labels", "Italian"),
}


def _label(table: dict[str, str], value: str) -> str:
    """The translated name of ``value``; an unknown value is shown as stored."""
    if value in table:
        return QCoreApplication.translate("Labels", table[value])
    return value


def kind_label(kind: str) -> str:
    return _label(KIND_LABELS, kind)


def status_label(status: str) -> str:
    return _label(STATUS_LABELS, status)


def block_kind_label(kind: str) -> str:
    return _label(BLOCK_KIND_LABELS, kind)


def language_name(code: str) -> str:
    return _label(LANGUAGE_NAMES, code)
