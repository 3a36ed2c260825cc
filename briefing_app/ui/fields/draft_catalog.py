"""The people and sources an editor can choose from, including ones created in it.

A person or source created inline ("New person…" in the speaker picker) is not written at
once: it joins the item's save (one undoable command), so cancelling the editor leaves
nothing behind. Until then the draft lists it beside the stored ones, and every picker in
the dialog offers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Signal

from briefing_app.core.ids import new_id
from briefing_app.core.model import Person, Source
from briefing_app.ui.fields.record_labels import person_label, source_label


@dataclass(frozen=True)
class StoredChoices:
    """The stored people and sources with their labels in one locale."""

    people: list[Person]
    sources: list[Source]
    person_labels: dict[str, str]  # id -> label
    source_labels: dict[str, str]
    locale_name: str


def read_stored_choices(fb) -> StoredChoices:
    """Read and label every person and source (on any thread)."""
    people, sources = fb.list_people(), fb.list_sources()
    return StoredChoices(people, sources, {p.id: person_label(p) for p in people},
                         {s.id: source_label(s) for s in sources}, QLocale().name())


class DraftCatalog(QObject):
    """Stored people and sources plus the ones created in this dialog."""

    peopleChanged = Signal()
    sourcesChanged = Signal()

    def __init__(self, fb, parent: QObject | None = None, *,
                 stored: StoredChoices | None = None):
        """``stored``: the people and sources read ahead, with their labels; without it
        they are read from ``fb`` now."""
        super().__init__(parent)
        stored = stored if stored is not None else read_stored_choices(fb)
        self._person_labels, self._source_labels = stored.person_labels, stored.source_labels
        self._people = {p.id: p for p in stored.people}
        self._sources = {s.id: s for s in stored.sources}
        self.new_people: list[Person] = []
        self.new_sources: list[Source] = []

    def person_label(self, person: Person) -> str:
        """The label read with a stored person, else made now (one new in this dialog)."""
        return self._person_labels.get(person.id) or person_label(person)

    def source_label(self, source: Source) -> str:
        return self._source_labels.get(source.id) or source_label(source)

    def people(self) -> list[Person]:
        return sorted(self._people.values(), key=lambda p: (p.name.casefold(), p.id))

    def sources(self) -> list[Source]:
        return sorted(self._sources.values(),
                      key=lambda s: (s.outlet.casefold(), s.published, s.title, s.id))

    def get_person(self, person_id: str | None) -> Person | None:
        return self._people.get(person_id) if person_id else None

    def get_source(self, source_id: str | None) -> Source | None:
        return self._sources.get(source_id) if source_id else None

    def find_person(self, name: str) -> Person | None:
        wanted = name.strip().casefold()
        return next((p for p in self.people() if p.name.casefold() == wanted), None)

    def add_person(self, person: Person) -> Person:
        """Add a new person (given a fresh id) to the draft; they are saved with the item."""
        person.id = person.id or new_id()
        person.name = person.name.strip()
        self._people[person.id] = person
        self.new_people.append(person)
        self.peopleChanged.emit()
        return person

    def add_source(self, source: Source) -> Source:
        source.id = source.id or new_id()
        source.outlet = source.outlet.strip()
        self._sources[source.id] = source
        self.new_sources.append(source)
        self.sourcesChanged.emit()
        return source

    def used_new_people(self, person_ids: set[str]) -> list[Person]:
        """The new people the item really refers to (an abandoned one is not saved)."""
        return [p for p in self.new_people if p.id in person_ids]

    def used_new_sources(self, source_ids: set[str]) -> list[Source]:
        return [s for s in self.new_sources if s.id in source_ids]
