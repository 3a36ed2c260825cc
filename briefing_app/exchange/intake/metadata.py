"""What an article says about itself in its first lines: the publication date of a byline
or dateline ("El Heraldo, 3 de febrero de 2026", "WASHINGTON, Sept. 12, 2019 (Reuters) —",
"Published Thursday 12 September 2019"), the outlet of a dateline's agency ("(EFE)") or
a byline, and a title line.

Only the head of the article is read: a date further down is an event, not the date the
article ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dating import find_dates
from .lexicon import NEWS_AGENCIES
from .sentences import Paragraph

HEAD_PARAGRAPHS = 6
_AGENCY = re.compile(r"\((" + "|".join(re.escape(a) for a in NEWS_AGENCIES) + r")\)")
_DATELINE_END = re.compile(r"\s(?:—|–|--|-)\s|\)\s*\.?-|\.-\s")
_BY = re.compile(r"^\s*(?:by|por|from|de)\s+", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:published|updated|posted|date|fecha|publicado|actualizado)"
                    r"\s*(?:on|el)?\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class HeadInfo:
    published: str = ""
    outlet: str = ""
    title: str = ""
    byline_spans: tuple[tuple[int, int], ...] = ()  # lines that are not article prose


def read_head(text: str, paragraphs: list[Paragraph], language: str) -> HeadInfo:
    """The date, outlet and title the first lines give; empty strings when they give none."""
    published, outlet, title = "", "", ""
    spans: list[tuple[int, int]] = []
    head = paragraphs[:HEAD_PARAGRAPHS]
    if head and head[0].heading and len(text[head[0].start : head[0].end].split()) >= 3:
        title = " ".join(text[head[0].start : head[0].end].split())
    for paragraph in head:
        line = text[paragraph.start : paragraph.end]
        if paragraph.heading:
            dates = [d for d in find_dates(text, paragraph.start, paragraph.end, language, None)
                     if d.date and len(d.date) == 10]
            if dates and (len(line) < 160 or _LABEL.match(line)):
                published = published or dates[0].date
                outlet = outlet or _byline_outlet(text, paragraph, dates[0])
                spans.append((paragraph.start, paragraph.end))
            elif _BY.match(line) and len(line.split()) <= 10:
                outlet = outlet or _byline_outlet_after_author(line)
                spans.append((paragraph.start, paragraph.end))
            continue
        dateline = _dateline(line)
        if dateline is not None:
            end = paragraph.start + dateline
            dates = [d for d in find_dates(text, paragraph.start, end, language, None)
                     if d.date and len(d.date) == 10]
            published = published or (dates[0].date if dates else "")
            agency = _AGENCY.search(line[:dateline])
            outlet = outlet or (agency.group(1) if agency else "")
            spans.append((paragraph.start, end))
        break  # the first paragraph of prose ends the head
    return HeadInfo(published, outlet, title, tuple(spans))


def _dateline(line: str) -> int | None:
    """Length of a dateline such as "BOGOTÁ, 3 feb (EFE).- " at the start of a line."""
    match = _DATELINE_END.search(line[:120])
    if match is None:
        return None
    lead = line[: match.start()]
    if lead[:1].isupper() and (lead.split(",")[0].isupper() or _AGENCY.search(lead)):
        return match.end()
    return None


def _byline_outlet_after_author(line: str) -> str:
    """"By Staff Reporters, Gulf Wire Service" -> "Gulf Wire Service"."""
    parts = [p.strip(" ,|·—–-") for p in re.split(r"[|·,—–]", line)[1:]]
    candidates = [p for p in parts if p[:1].isupper() and len(p.split()) <= 5
                  and not re.search(r"\d", p)]
    return candidates[-1] if candidates else ""


def _byline_outlet(text: str, paragraph: Paragraph, date) -> str:
    """"El Heraldo, 3 de febrero de 2026" -> "El Heraldo"; a "By Ana Pérez" part is the
    author, not the outlet."""
    before = text[paragraph.start : date.start]
    before = _LABEL.sub("", before)
    parts = [p.strip(" ,|·—–-") for p in re.split(r"[|·,—–]", before)]
    parts = [p for p in parts if p and not _BY.match(p + " ") and p[:1].isupper()]
    candidates = [p for p in parts if len(p.split()) <= 5 and not re.search(r"\d", p)]
    return candidates[-1] if candidates else ""
