"""The words a memo prints around its content (page, notes, the header's field names), in
each memo language, with English for any other."""

from __future__ import annotations

from briefing_app.core.language_tags import primary_language

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "page": "Page", "of": "of", "notes": "Notes", "sources": "Sources",
        "date": "Date", "event": "Event", "name": "Name", "role": "Role",
        "organization": "Organization", "via": "via", "accessed": "accessed",
    },
    "es": {
        "page": "Página", "of": "de", "notes": "Notas", "sources": "Fuentes",
        "date": "Fecha", "event": "Evento", "name": "Nombre", "role": "Cargo",
        "organization": "Organización", "via": "vía", "accessed": "consultado el",
    },
}

HEADER_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "from": "FROM", "through": "THROUGH", "subject": "SUBJECT", "date": "DATE",
        "meeting": "MEETING", "meeting_date": "DATE/TIME", "location": "LOCATION",
    },
    "es": {
        "from": "DE", "through": "POR CONDUCTO DE", "subject": "ASUNTO", "date": "FECHA",
        "meeting": "REUNIÓN", "meeting_date": "FECHA/HORA", "location": "LUGAR",
    },
}
# The stock English words of the shipped templates, in the other memo languages; a
# template's own words (anything else) are printed as written.
TEMPLATE_WORDS: dict[str, dict[str, str]] = {
    "es": {"MEMORANDUM": "MEMORANDO", "MEMORANDUM FOR": "MEMORANDO PARA"},
}


def labels_for(language: str) -> dict[str, str]:
    """Words the writers print around the content, in the memo language (English fallback)."""
    return dict(LABELS.get(primary_language(language), LABELS["en"]))
