"""Dates in article text, resolved against the article's own date with the precision the
text gives: "Tuesday, Feb. 3" is a day, "in September" a month, "in 2018" a year.

Expressions are found by patterns for English and Spanish; dateparser reads each one
(month names and abbreviations in both languages, "yesterday", "hace tres días") against
the publication date. What dateparser cannot know is settled here: the precision to keep,
and which year or week a bare "September" or "on Wednesday" means, from the words around it
("last", "el pasado", "next") or else the tense of the sentence ("will meet" looks ahead,
"said" looks back).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from briefing_app.core.dates import PartialDate

_EN_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|"
              r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|"
              r"Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec")
_ES_MONTHS = (r"[Ee]nero|[Ff]ebrero|[Mm]arzo|[Aa]bril|[Mm]ayo|[Jj]unio|[Jj]ulio|[Aa]gosto|"
              r"[Ss]eptiembre|[Ss]etiembre|[Oo]ctubre|[Nn]oviembre|[Dd]iciembre")
_EN_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ES_DAYS = r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
_WEEKDAY_NUMBER = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lunes": 0, "martes": 1, "miercoles": 2, "miércoles": 2, "jueves": 3,
    "viernes": 4, "sabado": 5, "sábado": 5, "domingo": 6,
}

_PATTERNS = {
    "en": [
        ("day", rf"(?:(?P<wd>{_EN_DAYS}),?\s+)?(?P<mon>{_EN_MONTHS})\s+(?P<day>\d{{1,2}})"
                rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
        ("day", rf"(?:(?P<wd>{_EN_DAYS}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"\s+(?:of\s+)?(?P<mon>{_EN_MONTHS})(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"),
        ("month", rf"(?:(?:early|mid|late)[-\s])?(?P<mon>{_EN_MONTHS})(?:\s+of)?,?\s+"
                  rf"(?P<year>(?:19|20)\d\d)\b"),
        ("month", rf"(?:(?P<dir>last|next|this|past|coming)\s+|"
                  rf"(?:in|since|until|by|during|through|from|of|for|early|mid|late|"
                  rf"end\s+of|start\s+of|beginning\s+of)[\s-]+|(?:early|mid|late)-)"
                  rf"(?P<mon>{_EN_MONTHS})\b(?!\s+\d)"),
        ("year", r"(?:in|since|during|until|by|from|of|early|late)\s+(?P<year>(?:19|20)\d\d)\b"
                 r"(?![-–/]\d)"),
        ("weekday", rf"(?:(?P<dir>last|next|this|coming|past)\s+)?(?P<wd>{_EN_DAYS})"
                    rf"(?:\s+(?:morning|afternoon|evening|night))?"),
        ("relative", r"(?P<rel>\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+morning"
                     r"|this\s+afternoon|(?:earlier|later)\s+this\s+(?:month|year)"
                     r"|(?:last|this|next)\s+(?:month|year)"
                     r"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+days\s+ago)\b)"),
    ],
    "es": [
        ("day", rf"(?:(?:el\s+)?(?P<wd>{_ES_DAYS})\s*,?\s+)?(?:(?P<dir>pasado|próximo)\s+)?"
                rf"(?P<day>\d{{1,2}})\s+de\s+(?P<mon>{_ES_MONTHS})"
                rf"(?:\s+(?:de|del)\s+(?P<year>(?:19|20)\d\d)\b)?(?:\s+(?P<dir2>pasado|próximo))?"),
        ("month", rf"(?P<mon>{_ES_MONTHS})\s+(?:de|del)\s+(?P<year>(?:19|20)\d\d)\b"),
        ("month", rf"(?:(?:en|desde|hasta|durante|para|a\s+(?:principios|mediados|finales|fines"
                  rf"|comienzos)\s+de|(?:el|este)\s+(?P<dir>pasado|próximo)|el\s+mes\s+de)\s+)"
                  rf"(?P<mon>{_ES_MONTHS})\b(?:\s+(?P<dir2>pasado|próximo))?"),
        ("year", r"(?:en|desde|durante|hasta|de|del)\s+(?:año\s+)?(?P<year>(?:19|20)\d\d)\b"
                 r"(?![-–/]\d)"),
        ("weekday", rf"(?:(?:este|el|el\s+(?P<dir>pasado|próximo)|(?P<dir3>próximo|pasado))\s+)"
                    rf"(?P<wd>{_ES_DAYS})\b(?:\s+(?P<dir2>pasado|próximo))?"),
        ("relative", r"(?P<rel>\b(?:hoy|ayer|anteayer|anoche|esta\s+mañana|(?<!la\s)(?<!de\s)"
                     r"(?<!por\s)(?<!una\s)mañana(?!\s+(?:de|por))|el\s+(?:mes|año)\s+pasado"
                     r"|este\s+(?:mes|año)|el\s+(?:próximo|pr[oó]ximo)\s+(?:mes|año)"
                     r"|hace\s+(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+días)"
                     r"\b)"),
    ],
}
_FUTURE_MARK = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|due\s+to|plans?\s+to|"
                          r"expected|scheduled|planned|slated|set\s+for|previst[oa]|"
                          r"\w+(?:rá|rán|remos|ría|rían)|va\s+a|van\s+a)\b|'ll\b",
                          re.IGNORECASE)
_PAST_MARK = re.compile(
    r"\b(?:(?!expected\b|scheduled\b|planned\b|slated\b)\w+ed|said|told|met|wrote|spoke|took|began|came|went|held|made|gave|saw|left|was|"
    r"were|had|did|sent|struck|won|lost|rose|fell|grew|led|hit|cut|set|ran|sought|fought|"
    r"brought|bought|thought|broke|chose|drove|flew|knew|threw|became|kept|felt|found|got|"
    r"paid|spent|stood|meant|\w+(?:ó|aron|ieron|ió)|fue|fueron|dijo|hizo|hubo|tuvo)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: str  # partial ISO; "" when a relative date has no publication date to go by
    relative: bool  # needed the publication date
    text: str


def find_dates(text: str, start: int, end: int, language: str,
               base: _dt.date | None) -> list[DateMention]:
    """The dates in ``text[start:end]`` (a sentence), in order."""
    segment = text[start:end]
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns(language):
        for match in pattern.finditer(segment):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            lead = segment[max(0, match.start() - 60) : match.start()]
            mention = _resolve(kind, match, language, base, _tense(lead, segment))
            if mention is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(start + match.start(), start + match.end(), mention[0],
                                     mention[1], match.group().strip()))
    return sorted(found, key=lambda m: m.start)


def _tense(lead: str, sentence: str) -> str:
    """"past", "future" or "" for a date: the verb just before it decides ("said on
    Wednesday" looks back, "would begin operating in January" ahead), else the sentence
    (a future anywhere in it, else a past), else nothing ("what happens in May")."""
    marks = [(m.end(), "past") for m in _PAST_MARK.finditer(lead)]
    marks += [(m.end(), "future") for m in _FUTURE_MARK.finditer(lead)]
    if marks:
        position, tense = max(marks)
        if len(lead[position:].split()) <= 6:
            return tense
    if _FUTURE_MARK.search(sentence) or re.search(r"\bnext\b|próxim[oa]", sentence, re.I):
        return "future"
    if _PAST_MARK.search(sentence):
        return "past"
    return ""


@functools.cache
def _patterns(language: str) -> list[tuple[str, re.Pattern]]:
    return [(kind, re.compile(r"\b" + pattern, re.IGNORECASE)) for kind, pattern in
            _PATTERNS.get(language, _PATTERNS["en"])]


def _resolve(kind: str, match: re.Match, language: str, base: _dt.date | None,
             tense: str) -> tuple[str, bool] | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    if groups.get("mon", "M")[0].islower() and language == "en":
        return None  # "may", "march": verbs, not months
    direction = _direction(groups, tense)
    if re.match(r"(?:since|desde)\b", match.group(), re.IGNORECASE):
        direction = "past"  # "since December" has begun
    if kind == "relative":
        return _relative(groups["rel"], language, base)
    if kind == "weekday":
        if base is None:
            return "", True
        day = _weekday(base, _WEEKDAY_NUMBER[_fold(groups["wd"])], direction or "past")
        return day.isoformat(), True
    month = _month_number(groups["mon"], language) if "mon" in groups else None
    if kind == "year":
        return groups["year"], False
    if month is None:
        return None
    year = int(groups["year"]) if "year" in groups else None
    if kind == "month":
        if year is not None:
            return PartialDate(year, month).iso(), False
        if base is None:
            return "", True
        return PartialDate(_month_year(base, month, direction), month).iso(), True
    day = int(groups["day"])
    if year is not None:
        return (_valid(year, month, day), False) if _valid(year, month, day) else None
    if base is None:
        return "", True
    weekday = _WEEKDAY_NUMBER[_fold(groups["wd"])] if "wd" in groups else None
    chosen = _day_year(base, month, day, weekday, direction)
    return (chosen, True) if chosen else None


def _direction(groups: dict[str, str], tense: str) -> str:
    words = " ".join(groups.get(k, "") for k in ("dir", "dir2", "dir3")).lower()
    if any(w in words for w in ("next", "próximo", "coming")):
        return "future"
    if any(w in words for w in ("last", "pasado", "past")):
        return "past"
    return tense


def _fold(word: str) -> str:
    return word.lower().replace("é", "e").replace("á", "a")


@functools.cache
def _parser(language: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings={"RETURN_TIME_AS_PERIOD": False})


@functools.cache
def _month_number(name: str, language: str) -> int | None:
    """dateparser reads the month name or abbreviation ("Sept.", "setiembre")."""
    parsed = _parser(language).get_date_data(f"1 {name.rstrip('.')} 2000")
    return parsed.date_obj.month if parsed and parsed.date_obj else None


def _relative(expression: str, language: str, base: _dt.date | None) -> tuple[str, bool] | None:
    if base is None:
        return "", True
    from dateparser.date import DateDataParser

    words = " ".join(expression.lower().split())
    words = {"esta mañana": "hoy", "anoche": "ayer", "tonight": "today", "last night":
             "yesterday", "this morning": "today", "this afternoon": "today"}.get(words, words)
    words = re.sub(r"^(?:earlier|later) this", "this", words)
    parser = DateDataParser(languages=[language], settings={
        "RELATIVE_BASE": _dt.datetime.combine(base, _dt.time(12)), "PREFER_DATES_FROM": "past",
    })
    data = parser.get_date_data(words)
    if data is None or data.date_obj is None:
        return None
    value = data.date_obj.date()
    period = data.period or "day"
    if "mes" in words or "month" in words:
        period = "month"
    elif "año" in words or "year" in words:
        period = "year"
    if period == "year":
        return str(value.year), True
    if period == "month":
        return PartialDate(value.year, value.month).iso(), True
    return value.isoformat(), True


def _weekday(base: _dt.date, weekday: int, direction: str) -> _dt.date:
    if direction == "future":
        return base + _dt.timedelta(days=(weekday - base.weekday()) % 7)
    return base - _dt.timedelta(days=(base.weekday() - weekday) % 7)


def _month_year(base: _dt.date, month: int, direction: str) -> int:
    """The year of a month named alone: looking back or ahead as the tense says, else
    the nearer of the two (May is next May in January, last May in October)."""
    later = base.year if month >= base.month else base.year + 1
    earlier = base.year if month <= base.month else base.year - 1
    if direction == "future":
        return later
    if direction == "past":
        return earlier
    ahead = (later - base.year) * 12 + month - base.month
    behind = (base.year - earlier) * 12 + base.month - month
    return later if ahead < behind else earlier


def _valid(year: int, month: int, day: int) -> str:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _day_year(base: _dt.date, month: int, day: int, weekday: int | None,
              direction: str) -> str:
    """The year of a day written without one: the one whose weekday matches when the text
    names it, else the nearest in the sentence's direction (within a year of the base)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: abs((d - base).days)).isoformat()
    if direction == "future":
        later = [d for d in candidates if d >= base]
        chosen = min(later) if later else None
    elif direction == "past":
        earlier = [d for d in candidates if d <= base]
        chosen = max(earlier) if earlier else None
    else:
        chosen = None
    if chosen is None or abs((chosen - base).days) > 330:
        chosen = min(candidates, key=lambda d: abs((d - base).days), default=None)
    return chosen.isoformat() if chosen else ""
