"""Small helpers for the article intake tests: extract from a string, find proposals."""

from __future__ import annotations

from briefing_app.exchange.intake import Extraction, ItemProposal, article_from_text, extract


def extract_text(text: str, published: str = "", store=None, **options) -> Extraction:
    return extract(article_from_text(text), published=published, store=store, **options)


def quotes(extraction: Extraction) -> list[ItemProposal]:
    return [i for i in extraction.items if i.kind == "quote"]


def quote_texts(extraction: Extraction) -> list[str]:
    return [q.text for q in quotes(extraction)]


def speaker_of(extraction: Extraction, words: str) -> str | None:
    """The name of the speaker of the quotation whose text starts with ``words``."""
    quote = next(q for q in quotes(extraction) if q.text.startswith(words))
    person = extraction.person(quote.speaker)
    return person.name if person else None


def date_of(extraction: Extraction, phrase: str) -> str:
    """The date given to the proposal whose date span covers ``phrase`` in the text."""
    start = extraction.text.index(phrase)
    end = start + len(phrase)
    for item in extraction.items:
        if item.date_span and item.date_span[0] < end and start < item.date_span[1]:
            return item.date
    raise AssertionError(f"no proposal is dated by {phrase!r}")
