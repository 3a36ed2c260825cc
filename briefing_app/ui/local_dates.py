"""Dates shown in the user's locale (``QLocale()``, set by :mod:`briefing_app.ui.i18n`).

Stored dates stay partial ISO strings (:mod:`briefing_app.core.dates`) and sorting stays by
them; only the text people read changes, by the date's precision: ``2026``,
``February 2026`` / ``febrero de 2026``, and a full date compact in table cells
(``Feb 3, 2026`` / ``3 feb 2026``) or long where there is room (``February 3, 2026`` /
``3 de febrero de 2026``). Times are on the 24-hour clock, as in the memos. The "C" locale
(no locale configured) reads as American English.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from PySide6.QtCore import QDate, QLocale

from briefing_app.core.dates import DateError, parse

_WITH_DE = (QLocale.Language.Spanish, QLocale.Language.Portuguese)


def effective_locale(locale: QLocale | None = None) -> QLocale:
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale("en_US")
    return locale


def _day_first(locale: QLocale) -> bool:
    """Whether the locale writes the day before the month (3 Feb, not Feb 3)."""
    long_format = re.sub(r"d{3,}", "", locale.dateFormat(QLocale.FormatType.LongFormat))
    day, month = long_format.find("d"), long_format.find("M")
    return day != -1 and (month == -1 or day < month)


def month_pattern(locale: QLocale) -> str:
    return "MMMM 'de' yyyy" if locale.language() in _WITH_DE else "MMMM yyyy"


def day_pattern(locale: QLocale, long: bool = False) -> str:
    if long and locale.language() in _WITH_DE:
        return "d 'de' MMMM 'de' yyyy"
    month = "MMMM" if long else "MMM"
    return f"d {month} yyyy" if _day_first(locale) else f"{month} d, yyyy"


def format_partial_date(value: str, locale: QLocale | None = None, *,
                        long: bool = False) -> str:
    """A partial ISO date by its precision in ``locale`` (default: the app's locale).

    A value that is not a date is returned as stored rather than hidden.
    """
    if not value:
        return ""
    return _formatted(value, effective_locale(locale).name(), long)


@functools.lru_cache(maxsize=4096)
def _formatted(value: str, locale_name: str, long: bool) -> str:
    """Kept per value and locale: the table paints a date cell at every repaint, and the
    source chooser labels thousands of sources with few distinct dates (a fifth of the
    item editor's opening time went to formatting the same dates again)."""
    locale = QLocale(locale_name)
    try:
        date = parse(value)
    except DateError:
        return value
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return locale.toString(QDate(date.year, date.month, 1), month_pattern(locale))
    text = locale.toString(QDate(date.year, date.month, date.day), day_pattern(locale, long))
    if date.hour is not None:
        text += f", {date.hour:02d}:{date.minute:02d}"
    return text


def format_timestamp(value: str, locale: QLocale | None = None) -> str:
    """A stored ISO timestamp (UTC when it says so) in local time, to the minute."""
    try:
        moment = _dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_partial_date(moment.strftime("%Y-%m-%dT%H:%M"), locale)
