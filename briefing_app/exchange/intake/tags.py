"""Tags for a proposal, chosen from the tags the fact base already uses.

A new tag per article would scatter the fact base, so only existing tags are suggested:
one whose words all occur in the text (``counternarcotics``, ``phone-call`` in "an
early-January phone call", ``visa`` in "visas"), letter case, accents and plural endings
ignored.
"""

from __future__ import annotations

import re

from .lexicon import bare

_WORD = re.compile(r"[^\W_]+")


def _stem(word: str) -> str:
    for ending in ("iones", "ion", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


class TagMatcher:
    """Suggests existing tags for texts; built once per article from the tag names."""

    def __init__(self, tags: list[str]) -> None:
        self._tags = []
        for tag in tags:
            words = [_stem(w) for w in _WORD.findall(bare(tag))]
            if words and len("".join(words)) >= 3:
                self._tags.append((tag, words))

    def suggest(self, text: str, limit: int = 5) -> list[str]:
        words = [_stem(w) for w in _WORD.findall(bare(text))]
        present = set(words)
        joined = " " + " ".join(words) + " "
        found = []
        for tag, tag_words in self._tags:
            if len(tag_words) == 1 and tag_words[0] in present or (
                len(tag_words) > 1 and " " + " ".join(tag_words) + " " in joined
            ):
                found.append(tag)
        return found[:limit]
