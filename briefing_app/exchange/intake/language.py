"""English or Spanish, from the commonest words: the only two languages the app's
extraction rules know, so nothing heavier is needed to tell them apart."""

from __future__ import annotations

import re

from .lexicon import STOPWORDS

LANGUAGES = ("en", "es")
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "en") -> str:
    """``"en"`` or ``"es"``, whichever language's common words the text uses more;
    ``default`` when it has none of either (a two-word quotation, a name)."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(text[:20000].lower()):
        for language in LANGUAGES:
            if word in STOPWORDS[language]:
                counts[language] += 1
    if counts["en"] == counts["es"]:
        return default
    if abs(counts["en"] - counts["es"]) < 2 and max(counts.values()) < 3:
        return default
    return max(counts, key=counts.get)
