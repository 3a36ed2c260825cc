"""Composer logic without Qt on the briefing itself: naming files, copies and blocks, moving
blocks. (The memo's length, which needs the document tree, is :mod:`.memo_length`.)
"""

from __future__ import annotations

import re

from briefing_app.core import dates
from briefing_app.core.model import Block, Briefing, Item
from briefing_app.document.text import one_line

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_export_name(briefing: Briefing, extension: str) -> str:
    """A file name a staffer would type: ``2026-02-03 Petro meeting brief.docx``.

    The meeting date (else the memo date) leads so files sort by date in a folder; then the
    briefing's title as the staffer named it (else the meeting title); characters no file
    system allows are dropped.
    """
    extension = "." + extension.lstrip(".")
    when = briefing.meeting.date or briefing.date
    day = ""
    if when and dates.is_valid(when):
        parsed = dates.parse(when)
        day = parsed.iso()[:10]
    title = one_line(briefing.title) or one_line(briefing.meeting.title) or "Briefing"
    title = _UNSAFE_FILE_CHARS.sub(" ", title)
    title = " ".join(title.split()).strip(" .")[:80] or "Briefing"
    return f"{day} {title}{extension}" if day else f"{title}{extension}"


def copy_title(title: str, existing: set[str]) -> str:
    """``"X (copy)"``, ``"X (copy 2)"``... the first that no briefing has yet."""
    base = f"{title} (copy)"
    if base not in existing:
        return base
    number = 2
    while f"{title} (copy {number})" in existing:
        number += 1
    return f"{title} (copy {number})"


def block_kind(block: Block, item: Item | None) -> str:
    """``fact``/``quote``/``event`` for an item block (``missing`` when the item is gone),
    else the free-text style."""
    if block.is_item:
        return item.kind if item is not None else "missing"
    return block.style


def block_text(block: Block, item: Item | None) -> str:
    """What the memo prints for the block, on one line: the override, the item's text (a
    quote's words, an event's title and text) or the free text."""
    if not block.is_item:
        return one_line(block.text)
    if block.override:
        return one_line(block.override)
    if item is None:
        return ""
    return one_line(item.text) or one_line(item.title)


# ---------------------------------------------------------------- moving blocks


def move_steps(
    briefing: Briefing, block_ids: list[int], section_id: int, row: int
) -> list[tuple[int, int, int]]:
    """How to move blocks to drop row ``row`` of a section, as (block id, section id, index
    after that move) steps to replay in order.

    ``row`` counts in the section as it is now (the blocks being moved included), like a
    drop position in a view. The blocks keep their memo order and land together, after the
    last block before ``row`` that is not moving. Returns ``[]`` when nothing would change.
    """
    layout = {s.id: [b.id for b in s.blocks] for s in briefing.sections}
    if section_id not in layout:
        return []
    order = [b.id for s in briefing.sections for b in s.blocks]
    moving = [bid for bid in order if bid in set(block_ids)]
    target = layout[section_id]
    before = {key: list(ids) for key, ids in layout.items()}
    anchor = None
    for bid in target[:max(0, row)]:
        if bid not in moving:
            anchor = bid
    steps = []
    previous = anchor
    for bid in moving:
        for ids in layout.values():
            if bid in ids:
                ids.remove(bid)
        index = target.index(previous) + 1 if previous is not None else 0
        target.insert(index, bid)
        steps.append((bid, section_id, index))
        previous = bid
    return [] if layout == before else steps


def nudge_target(briefing: Briefing, block_id: int, delta: int) -> tuple[int, int] | None:
    """Where Alt+Up (``delta`` -1) or Alt+Down (+1) takes a block, as (section id, drop row):
    one place up or down, across into the neighbouring ordinary section at an end.
    ``None`` at the very top or bottom."""
    sections = [s for s in briefing.sections if not s.automatic]
    for number, section in enumerate(sections):
        ids = [b.id for b in section.blocks]
        if block_id not in ids:
            continue
        index = ids.index(block_id)
        if delta < 0:
            if index > 0:
                return section.id, index - 1
            return (sections[number - 1].id, len(sections[number - 1].blocks)) if number else None
        if index < len(ids) - 1:
            return section.id, index + 2
        return (sections[number + 1].id, 0) if number + 1 < len(sections) else None
    return None
