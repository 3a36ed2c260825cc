"""Partial ISO dates: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` and ``YYYY-MM-DDTHH:MM``.

A staffer often knows only the month of an event ("in September"), so a date keeps the
precision it was given. The canonical strings are zero-padded, which makes plain string
order chronological with a month sorting before the days in it: ``2025-09`` <
``2025-09-01`` < ``2025-09-01T08:00``. SQL ``ORDER BY date`` therefore just works.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?)?)?$"
)

FORMAT_HINT = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM"

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}


class DateError(ValueError):
    """A value that is not a partial ISO date; the message names the value."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def precision(self) -> str:
        if self.hour is not None:
            return "minute"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        return text

    def first_day(self) -> _dt.date:
        """The earliest calendar day the date can mean (for age calculations)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)


def parse(value: str) -> PartialDate:
    """Parse a partial ISO date, raising :class:`DateError` that names the bad value."""
    text = value.strip() if isinstance(value, str) else value
    match = _PATTERN.match(text) if isinstance(text, str) else None
    if match is None:
        raise DateError(f"{value!r} is not a date (use {FORMAT_HINT})")
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    year, month, day = parts["year"], parts.get("month"), parts.get("day")
    hour, minute = parts.get("hour"), parts.get("minute")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{value!r} is not a date: month {month} does not exist")
    if day is not None:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise DateError(f"{value!r} is not a date: day {day} does not exist") from None
    if hour is not None and (hour > 23 or minute > 59):
        raise DateError(f"{value!r} is not a date: {hour:02d}:{minute:02d} is not a time")
    if year < 1:
        raise DateError(f"{value!r} is not a date: year 0 does not exist")
    return PartialDate(year, month, day, hour, minute)


def normalize(value: str | None) -> str:
    """Canonical text of a date, ``""`` for empty input; raises :class:`DateError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, str):
        return _normalized_text(value)
    return parse(value).iso()


@functools.lru_cache(maxsize=8192)
def _normalized_text(value: str) -> str:
    # An import checks, reads and saves each date: a few thousand distinct dates, parsed once.
    return parse(value).iso()


def is_valid(value: str) -> bool:
    try:
        normalize(value)
    except DateError:
        return False
    return True


def sort_key(value: str) -> str:
    """Chronological sort key; empty dates sort last."""
    return normalize(value) or "\uffff"


def format_date(value: str, language: str = "en") -> str:
    """A date for people, by its precision: ``2025``, ``September 2025``,
    ``February 3, 2026``, ``February 3, 2026, 11:00`` (Spanish: ``3 de febrero de 2026``)."""
    if not value:
        return ""
    date = parse(value)
    months = _MONTHS.get(language, _MONTHS["en"])
    if date.month is None:
        return str(date.year)
    month = months[date.month - 1]
    if language == "es":
        if date.day is None:
            return f"{month} de {date.year}"
        text = f"{date.day} de {month} de {date.year}"
    else:
        if date.day is None:
            return f"{month} {date.year}"
        text = f"{month} {date.day}, {date.year}"
    if date.hour is not None:
        text += f", {date.hour:02d}:{date.minute:02d}"
    return text


def age_in_days(value: str, reference: str | _dt.date) -> int | None:
    """Days from the date to the reference date (positive when the date is earlier).

    A partial date counts from its last possible day would be too lenient for staleness,
    so it counts from its first day; ``None`` when either date is empty.
    """
    if not value or not reference:
        return None
    ref = reference if isinstance(reference, _dt.date) else parse(reference).first_day()
    return (ref - parse(value).first_day()).days
