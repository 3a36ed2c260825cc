"""Right-to-left text in visual order, for the PDF (Word and Qt reorder text themselves).

A PDF draws glyphs left to right exactly as given, so Hebrew stored in reading order
(logical order) would print backwards. This is the part of the Unicode Bidirectional
Algorithm (UAX #9) a memo needs, applied to each laid-out line: the paragraph's direction
from its first strong letter (P2, P3), weak types resolved so that numbers, with their
separators and currency or percent signs, stay left to right inside right-to-left text
(W1-W7), neutrals such as spaces and punctuation taking the direction of the letters
around them (N1, N2), then levels (I1, I2), runs reversed (L2) and brackets mirrored at
right-to-left levels (L4). Explicit embeddings and isolates (the invisible U+202A-U+2069
controls) are not supported; the cleaner removes them from user text anyway. Arabic has
no glyphs in the embedded Liberation fonts (it prints as boxes), so it is not shaped.
"""

from __future__ import annotations

import re
import unicodedata

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff]")
_MIRRORS = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def has_rtl(text: str) -> bool:
    """Whether ``text`` has right-to-left letters (the only text that needs reordering)."""
    return _RTL.search(text) is not None


def paragraph_level(text: str) -> int:
    """0 (left to right) or 1 (right to left): the direction of the first strong letter."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def levels(text: str, base: int) -> list[int]:
    """The embedding level of each character of one line of a paragraph at ``base``."""
    kinds = _weak_resolved(text, base)
    kinds = _neutrals_resolved(kinds, base)
    if base == 0:
        return [{"L": 0, "R": 1, "EN": 2}[kind] for kind in kinds]
    return [{"L": 2, "R": 1, "EN": 2}[kind] for kind in kinds]


def visual_order(line_levels: list[int]) -> list[int]:
    """Indexes of the characters in the order to draw them, left to right (rule L2)."""
    order = list(range(len(line_levels)))
    if not line_levels:
        return order
    highest = max(line_levels)
    lowest_odd = min((lv for lv in line_levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and line_levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order


def mirrored(char: str, level: int) -> str:
    """``char`` as drawn at ``level``: brackets face the other way in right-to-left runs."""
    return _MIRRORS.get(char, char) if level % 2 else char


def _weak_resolved(text: str, base: int) -> list[str]:
    """Each character as L, R, EN (a number, left to right inside any run) or N."""
    kinds: list[str] = []
    last_strong = "R" if base else "L"
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "NSM":  # W1: a combining mark goes with its base letter
            kinds.append(kinds[-1] if kinds else last_strong)
            continue
        if kind == "AL":
            kind = "R"
        elif kind == "AN":
            kind = "EN"
        elif kind not in ("L", "R", "EN", "ES", "ET", "CS"):
            kind = "N"
        if kind in ("L", "R"):
            last_strong = kind
        kinds.append(kind)
    for i, kind in enumerate(kinds):  # W4: 1,234.5 and 1+2 are one number
        if kind in ("ES", "CS") and 0 < i < len(kinds) - 1 \
                and kinds[i - 1] == "EN" and kinds[i + 1] == "EN":
            kinds[i] = "EN"
    for i, kind in enumerate(kinds):  # W5: € 5, 50 %, $12 go with their number
        if kind == "ET" and _next_to_number(kinds, i):
            kinds[i] = "EN"
    resolved, last_strong = [], "R" if base else "L"
    for kind in kinds:
        if kind in ("ES", "ET", "CS"):  # W6: other separators are neutral
            kind = "N"
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":  # W7: a number after L is L
            kind = "L"
        resolved.append(kind)
    return resolved


def _next_to_number(kinds: list[str], i: int) -> bool:
    """Whether a run of ET at ``i`` touches a number on either side."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(kinds) and kinds[j] == "ET":
            j += step
        if 0 <= j < len(kinds) and kinds[j] == "EN":
            return True
    return False


def _neutrals_resolved(kinds: list[str], base: int) -> list[str]:
    """N1, N2: a run of neutrals between two of the same direction takes it (numbers count
    as right to left here); any other takes the paragraph's direction."""
    edge = "R" if base else "L"
    out = list(kinds)
    i = 0
    while i < len(out):
        if out[i] != "N":
            i += 1
            continue
        j = i
        while j < len(out) and out[j] == "N":
            j += 1
        before = _direction(out[i - 1]) if i else edge
        after = _direction(out[j]) if j < len(out) else edge
        out[i:j] = [before if before == after else edge] * (j - i)
        i = j
    return out


def _direction(kind: str) -> str:
    return "R" if kind in ("R", "EN") else "L"
