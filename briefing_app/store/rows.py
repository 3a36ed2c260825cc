"""Small records the store returns besides the model classes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemRow:
    """One line of the item table: flat display values, cheap to fetch 200 at a time.

    ``text`` is the start of the item's text (at most a few hundred characters); ``people``
    names the speaker first, then the item's people; ``tags`` are joined with ", ".
    """

    id: str
    kind: str
    date: str
    title: str
    text: str
    people: str
    source: str
    tags: str
    status: str
    marking: str


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
