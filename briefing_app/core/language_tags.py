"""Language codes as items record them: ``es``, ``pt-BR``, ``zh-Hant`` (BCP 47 tags)."""

from __future__ import annotations

import re

# A primary language of 2-3 letters, then subtags of 2-8 letters or digits (script,
# region, variant). Loose on purpose: it keeps out typing that landed in the wrong field
# ("estrade-dele"), not rare but valid tags.
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def is_language_code(text: str) -> bool:
    """True for a plausible language tag (``es``, ``pt-BR``); the empty text is no code."""
    return _TAG.fullmatch(text.strip()) is not None


def primary_language(tag: str) -> str:
    """``es-CO`` -> ``es``, ``en_US`` -> ``en``; ``en`` for an empty tag."""
    return (tag or "en").split("-")[0].split("_")[0].strip().lower()
