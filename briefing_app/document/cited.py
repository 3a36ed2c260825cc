"""The records a briefing cites, read from the fact base once per memo.

Building the memo (``build``) and checking it (``preflight``) both walk every cited item
and the people and sources those items name. Asking the fact base block by block cost a
query per block and another per citation; here the items come in one batch
(``get_items``), and each person and source is asked for once however many items name
it. :class:`Cited` answers the same look-ups itself, so a caller that checks and then
builds one memo (``render_briefing``) reads the fact base once for both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from briefing_app.core.model import Briefing, Item, Person, Source

Record = TypeVar("Record", Person, Source)


class MemoCatalog(Protocol):
    """What reading a memo's records needs: ``FactBase`` provides it, and so does
    :class:`Cited`."""

    def get_items(self, ids: Sequence[str]) -> list[Item]: ...
    def get_person(self, person_id: str) -> Person | None: ...
    def get_source(self, source_id: str) -> Source | None: ...


@dataclass(frozen=True)
class Cited:
    """The items one briefing cites (by id) and the people and sources they and its
    meeting name; a record that no longer exists is simply absent."""

    items: dict[str, Item]
    people: dict[str, Person]
    sources: dict[str, Source]

    def item(self, item_id: str | None) -> Item | None:
        return self.items.get(item_id) if item_id else None

    def get_items(self, ids: Sequence[str]) -> list[Item]:
        return [self.items[i] for i in dict.fromkeys(ids) if i in self.items]

    def get_person(self, person_id: str | None) -> Person | None:
        return self.people.get(person_id) if person_id else None

    def get_source(self, source_id: str | None) -> Source | None:
        return self.sources.get(source_id) if source_id else None


def read_cited(briefing: Briefing, catalog: MemoCatalog) -> Cited:
    """Everything ``briefing`` cites: its items in one batch, then their speakers, the
    meeting's participants and the items' sources, each once."""
    items = catalog.get_items(briefing.item_ids())
    person_ids = [*briefing.meeting.participants, *(item.speaker for item in items)]
    source_ids = [item.source for item in items]
    return Cited(
        items={item.id: item for item in items},
        people=_found(catalog.get_person, person_ids),
        sources=_found(catalog.get_source, source_ids),
    )


def _found(get: Callable[[str], Record | None], ids: Sequence[str | None]) -> dict[str, Record]:
    """``{id: record}`` for the ids that name a record, each asked for once."""
    records = {record_id: get(record_id) for record_id in dict.fromkeys(ids) if record_id}
    return {record_id: record for record_id, record in records.items() if record is not None}
