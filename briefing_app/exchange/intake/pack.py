"""Proposals as a fact pack (format v1, the same as ``export``), checked before it leaves.

People and the source already in the fact base go into the pack as they are stored, so
importing it links to them (and counts them unchanged) instead of creating duplicates.
"""

from __future__ import annotations

from typing import Any

from briefing_app.exchange.factpack import (
    FORMAT,
    VERSION,
    item_to_dict,
    person_to_dict,
    source_to_dict,
)
from briefing_app.exchange.pack_validate import validate_pack

from .proposals import Extraction, ItemProposal


def extraction_pack(extraction: Extraction,
                    items: list[ItemProposal] | None = None) -> dict[str, Any]:
    """The pack of ``items`` (default: every proposal) with their source and people.

    Raises ``ValueError`` if the pack would not import; that is a bug, never the
    article's fault, so it must not pass silently.
    """
    chosen = list(extraction.items) if items is None else items
    source, people, records = extraction.chosen(chosen)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "sources": [source_to_dict(source)],
        "people": [person_to_dict(p) for p in people],
        "items": [item_to_dict(i) for i in records],
    }
    problems = validate_pack(data)
    if problems:
        raise ValueError("the extracted pack does not validate: " + "; ".join(problems))
    return data
