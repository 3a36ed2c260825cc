"""The section headings the shipped templates start a briefing with, in each memo language.

A new briefing gets its template's headings in English. When its memo language changes,
the headings that are still a template's stock words in the old language become the stock
words of the new one; headings the staffer typed (or changed) are left as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from .language_tags import primary_language
from .model import Section

# English stock heading -> the same heading in another memo language. English is the
# language of the template files (resources/templates/*.json).
STOCK_HEADINGS: dict[str, dict[str, str]] = {
    "es": {
        "Purpose": "Propósito",
        "Background": "Antecedentes",
        "Key Issues": "Cuestiones clave",
        "Key Points": "Puntos clave",
        "Talking Points": "Puntos de conversación",
        "Participants": "Participantes",
        "Timeline": "Cronología",
        "Outcome Scenarios": "Escenarios posibles",
        "Scenario": "Escenario",
        "Sources": "Fuentes",
        "Recommendation": "Recomendación",
        "Discussion": "Análisis",
    },
}


def _words(language: str) -> dict[str, str] | None:
    """English stock heading -> its words in ``language``; None for a language without
    stock headings."""
    language = primary_language(language)
    if language == "en":
        return {english: english for english in STOCK_HEADINGS["es"]}
    return STOCK_HEADINGS.get(language)


def translate_heading(heading: str, old_language: str, new_language: str) -> str | None:
    """``heading`` in ``new_language`` when it is a stock heading in ``old_language``
    (letter case and outer spaces ignored), else None (the staffer's own words)."""
    old_words, new_words = _words(old_language), _words(new_language)
    if old_words is None or new_words is None:
        return None
    wanted = heading.strip().casefold()
    for english, word in old_words.items():
        if word.casefold() == wanted:
            translated = new_words[english]
            return translated if translated != heading else None
    return None


def heading_changes(sections: Iterable[Section], old_language: str,
                    new_language: str) -> list[tuple[int, str, str]]:
    """(section id, new heading, old heading) for each stock heading to translate."""
    changes = []
    for section in sections:
        translated = translate_heading(section.heading, old_language, new_language)
        if translated is not None and section.id is not None:
            changes.append((section.id, translated, section.heading))
    return changes
