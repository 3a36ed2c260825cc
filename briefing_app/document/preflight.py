"""Checks before export: what a careful staffer would want to know about a memo.

Computed once here; the CLI prints the list and the GUI shows it next to the blocks
(``section_index``/``block_index`` point at the first block citing the item). Each item is
reported once per kind of problem even when several blocks cite it.

Rules, and why:

* ``missing-item``: a block cites an item no longer in the fact base (the builder skips
  it) or a meeting participant is gone (the participants table skips them).
* ``unverified`` / ``disputed``: the item's status.
* ``unsourced``: no source, or its source record is gone; such an item prints without a
  note mark.
* ``stale``: a fact or quote dated more than ``stale_days`` before the meeting date (the
  memo date when there is no meeting date, today when neither is set), counted from the
  last day the date names: "2025" is the end of 2025 and "2025-09" the end of September,
  so an annual statistic is not stale the day after New Year. Events are not checked
  (an event's date is when it happened, not how old the information is), nor an item
  tagged ``background`` (:data:`BACKGROUND_TAG`: background, not news).
* ``empty-section``: an ordinary section without a block prints as a bare heading.
* ``unmarked``: an item without a marking in a marked memo, i.e. the briefing has a
  marking, any included item has one, or portion marking is on. The memo prints it with
  the scheme's lowest mark, which a person should confirm.
* ``unknown-marking``: a code the scheme does not know, on the briefing or an item; the
  builder refuses to render until it is fixed.

Only items in ordinary sections count: blocks stored inside automatic sections are not
printed (see ``build``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field

from briefing_app.core import dates
from briefing_app.core.markings import MarkingScheme
from briefing_app.core.model import Briefing, Item
from briefing_app.document.cited import MemoCatalog, read_cited
from briefing_app.document.text import one_line

CODES = (
    "unverified", "disputed", "unsourced", "stale", "unmarked", "missing-item",
    "unknown-marking", "empty-section",
)
BACKGROUND_TAG = "background"  # an item so tagged is never stale (letter case ignored)


@dataclass(frozen=True)
class PreflightWarning:
    code: str  # one of CODES
    message: str  # a sentence for people, in English (the CLI prints it)
    section_index: int | None = None
    block_index: int | None = None
    item_id: str = ""
    # What the sentence is made of, for a UI that words it in its own language: always
    # "case" (which sentence of the code), then e.g. label, kind, section, date (ISO),
    # age, reference ("meeting", "memo-date" or "today"), limit, marking, scheme, codes.
    details: dict[str, str] = field(default_factory=dict, compare=False)


Warning = PreflightWarning  # the name the architecture notes use


def preflight(
    briefing: Briefing,
    catalog: MemoCatalog,
    *,
    scheme: MarkingScheme,
    stale_days: int = 30,
    today: _dt.date | str | None = None,
) -> list[PreflightWarning]:
    """Warnings for ``briefing`` in memo order; briefing-level ones first."""
    warnings: list[PreflightWarning] = []
    codes = ", ".join(scheme.codes)
    if briefing.marking and not scheme.is_known(briefing.marking):
        warnings.append(PreflightWarning(
            "unknown-marking",
            f"The memo's marking \u201c{briefing.marking}\u201d is not in the"
            f" \u201c{scheme.name}\u201d scheme ({codes}).",
            details={"case": "memo", "marking": briefing.marking, "scheme": scheme.name,
                     "codes": codes},
        ))

    for s_index, section in enumerate(briefing.sections):
        if not section.automatic and not section.blocks:
            heading = one_line(section.heading) or f"section {s_index + 1}"
            warnings.append(PreflightWarning(
                "empty-section",
                f"The section {heading} is empty; the memo prints its heading alone.",
                s_index, None, details={"case": "empty-section", "section": heading},
            ))

    records = read_cited(briefing, catalog)
    cited: list[tuple[int, int, str, Item | None]] = []
    seen: set[str] = set()
    for s_index, section in enumerate(briefing.sections):
        if section.automatic:
            continue
        for b_index, block in enumerate(section.blocks):
            if block.item is None or block.item in seen:
                continue
            seen.add(block.item)
            cited.append((s_index, b_index, block.item, records.item(block.item)))

    marked = bool(briefing.marking) or briefing.portion_marking or any(
        item is not None and item.marking for *_, item in cited
    )
    reference, reference_key = _reference_date(briefing, today)
    reference_name = REFERENCE_NAMES[reference_key]

    for s_index, b_index, item_id, item in cited:
        heading = one_line(briefing.sections[s_index].heading) or f"section {s_index + 1}"

        about = {"section": heading}
        if item is not None:
            about.update(label=_label(item), kind=item.kind)

        def warn(code: str, message: str, case: str = "", s=s_index, b=b_index, i=item_id,
                 about=about, **facts: str) -> None:
            details = {"case": case or code, **about, **facts}
            warnings.append(PreflightWarning(code, message, s, b, i, details))

        if item is None:
            warn("missing-item", f"A block in {heading} cites an item that no longer exists"
                                 f" (id {item_id}); it is left out of the memo.",
                 "block", id=item_id)
            continue
        name = f"{_label(item)} ({item.kind} in {heading})"
        if item.status == "unverified":
            warn("unverified", f"{name} is not verified.")
        elif item.status == "disputed":
            warn("disputed", f"{name} is disputed.")
        if not item.source:
            warn("unsourced", f"{name} has no source.", "no-source")
        elif records.get_source(item.source) is None:
            warn("unsourced", f"{name} cites a source that no longer exists.", "source-gone")
        if item.kind != "event" and item.date and reference is not None \
                and not is_background(item):
            age = _age_at_precision(item.date, reference)
            if age is not None and age > stale_days:
                warn("stale", f"{name} is dated {_format(item.date, briefing.language)}, {age}"
                              f" days before {reference_name} (limit {stale_days}).",
                     date=item.date, age=str(age), reference=reference_key,
                     limit=str(stale_days))
        if item.marking and not scheme.is_known(item.marking):
            warn("unknown-marking", f"{name} is marked \u201c{item.marking}\u201d, which the"
                                    f" \u201c{scheme.name}\u201d scheme does not know"
                                    f" ({codes}).",
                 "item", marking=item.marking, scheme=scheme.name, codes=codes)
        elif marked and not item.marking:
            mark = scheme.portion_mark(scheme.lowest)
            warn("unmarked", f"{name} has no marking; the memo will show it as {mark}.",
                 mark=mark)

    for person_id in briefing.meeting.participants:
        if records.get_person(person_id) is None:
            warnings.append(PreflightWarning(
                "missing-item",
                f"A meeting participant no longer exists (id {person_id});"
                " the participants table leaves them out.",
                details={"case": "participant", "id": person_id},
            ))
    return warnings


REFERENCE_NAMES = {"meeting": "the meeting", "memo-date": "the memo date", "today": "today"}


def _reference_date(briefing: Briefing, today) -> tuple[_dt.date | None, str]:
    """The date staleness is measured from, and which one it is (a REFERENCE_NAMES key)."""
    for value, key in ((briefing.meeting.date, "meeting"), (briefing.date, "memo-date")):
        if value and dates.is_valid(value):
            return dates.parse(value).first_day(), key
    if today is None:
        return _dt.date.today(), "today"
    if isinstance(today, str):
        return dates.parse(today).first_day(), "today"
    return today, "today"


def is_background(item: Item) -> bool:
    """Background, not news: the staffer turned the stale check off for this item."""
    return any(tag.casefold() == BACKGROUND_TAG for tag in item.tags)


def _age_at_precision(value: str, reference: _dt.date) -> int | None:
    """Days from the last day ``value`` names (the end of its year or month) to
    ``reference``; None for a date that cannot be read."""
    try:
        date = dates.parse(value)
    except dates.DateError:
        return None
    if date.month is None:
        last = _dt.date(date.year, 12, 31)
    elif date.day is None:
        last = _dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    else:
        last = _dt.date(date.year, date.month, date.day)
    return (reference - last).days


def _label(item: Item) -> str:
    text = one_line(item.title) or one_line(item.text) or item.id
    return f"\u201c{text[:57]}\u2026\u201d" if len(text) > 60 else f"\u201c{text}\u201d"


def _format(value: str, language: str) -> str:
    try:
        return dates.format_date(value, language)
    except dates.DateError:
        return value
