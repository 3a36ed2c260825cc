"""The fact base's people, sources and tags, their counts, settings and saved searches,
and ids named by their start.

Thin methods over :mod:`.catalog`, :mod:`.stats` and :mod:`.settings`: each read runs on
the calling thread's connection, each write in one transaction (see :mod:`.readers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefing_app.core.model import Person, Source
from briefing_app.core.records import PersonCount, SavedSearch, SourceCount

from . import catalog, id_prefix, settings, stats
from .factbase_access import FactBaseAccess


class CatalogMethods(FactBaseAccess):
    """People, sources, tags, settings and saved searches of a fact base."""

    # ------------------------------------------------------------ ids by their start

    def resolve_id_prefix(self, kind: str, prefix: str, *, limit: int = 10) -> list[str]:
        """Ids of items or briefings ``prefix`` may name (see :mod:`.id_prefix`)."""
        return self._read(id_prefix.resolve, kind, prefix, limit)

    # ------------------------------------------------------------ people

    def get_person(self, person_id: str) -> Person | None:
        return self._read(catalog.get_person, person_id)

    def save_person(self, person: Person) -> Person:
        """Insert or update by id (``""`` gets a new id); returns the person as stored."""
        return self.save_people([person])[0]

    def save_people(self, people: Iterable[Person]) -> list[Person]:
        return self._write(catalog.save_people, list(people))

    def list_people(self) -> list[Person]:
        return self._read(catalog.list_people)

    def find_person_by_name(self, name: str) -> Person | None:
        return self._read(catalog.find_person_by_name, name)

    def delete_person(self, person_id: str) -> bool:
        """Delete a person no item or briefing refers to (else :class:`FactBaseError`)."""
        return self._write(catalog.delete_person, person_id)

    def merge_people(self, survivor_id: str, other_id: str) -> Person:
        """Move every reference from ``other`` to ``survivor`` and delete ``other``."""
        return self._write(catalog.merge_people, survivor_id, other_id)

    def person_uses(self, person_id: str) -> int:
        """How many items (as speaker or person) and briefings (as participant) name them."""
        return self._read(catalog.person_uses, person_id)

    def people_counts(self) -> list[PersonCount]:
        """Every person, by name, with the number of items that name them (0 included)."""
        return self._read(stats.people_counts)

    # ------------------------------------------------------------ sources

    def get_source(self, source_id: str) -> Source | None:
        return self._read(catalog.get_source, source_id)

    def save_source(self, source: Source) -> Source:
        """Insert or update by id (``""`` gets a new id); returns the source as stored."""
        return self.save_sources([source])[0]

    def save_sources(self, sources: Iterable[Source]) -> list[Source]:
        return self._write(catalog.save_sources, list(sources))

    def list_sources(self) -> list[Source]:
        return self._read(catalog.list_sources)

    def find_source_by_outlet(self, outlet: str) -> Source | None:
        return self._read(catalog.find_source_by_outlet, outlet)

    def find_source_by_url(self, url: str) -> Source | None:
        return self._read(catalog.find_source_by_url, url)

    def delete_source(self, source_id: str) -> bool:
        """Delete a source no item cites (else :class:`FactBaseError`)."""
        return self._write(catalog.delete_source, source_id)

    def merge_sources(self, survivor_id: str, other_id: str) -> Source:
        """Point every item citing ``other`` at ``survivor`` and delete ``other``."""
        return self._write(catalog.merge_sources, survivor_id, other_id)

    def source_uses(self, source_id: str) -> int:
        """How many items cite the source."""
        return self._read(catalog.source_uses, source_id)

    def source_use_counts(self) -> dict[str, int]:
        """How many items cite each source, by source id (uncited sources left out)."""
        return self._read(stats.source_use_counts)

    def source_counts(self) -> list[SourceCount]:
        """Every outlet, by name, with the number of items citing any of its sources."""
        return self._read(stats.source_counts)

    # ------------------------------------------------------------ tags

    def tag_names(self) -> list[str]:
        """Every tag's name, by name, without counting its items (:meth:`list_tags`
        counts them: a sixth of a second on a million items)."""
        return self._read(catalog.tag_names)

    def names_in_use(self, field: str) -> list[str]:
        """Names of the tags, people or outlets (``tag``, ``person``, ``source``) some item
        uses, by name, without counting their items (search completions)."""
        return self._read(stats.names_in_use, field)

    def list_tags(self) -> list[tuple[str, int]]:
        """``(name, item count)`` of every tag, by name (unused tags count 0)."""
        return self._read(catalog.list_tags)

    def tags_of(self, item_ids: Sequence[str]) -> dict[str, int]:
        """How many of the given items carry each tag (tags none of them carry left out)."""
        return self._read(catalog.tags_of, list(item_ids))

    def rename_tag(self, old: str, new: str) -> None:
        self._write(catalog.rename_tag, old, new)

    def merge_tags(self, survivor: str, other: str) -> int:
        return self._write(catalog.merge_tags, survivor, other)

    def delete_tag(self, name: str) -> int:
        return self._write(catalog.delete_tag, name)

    # ------------------------------------------------------------ settings, saved searches

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self._read(settings.get_setting, key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        self._write(settings.set_setting, key, value)

    def list_saved_searches(self) -> list[SavedSearch]:
        return self._read(settings.list_saved_searches)

    def get_saved_search(self, name: str) -> SavedSearch | None:
        return self._read(settings.get_saved_search, name)

    def save_search(self, name: str, query: str) -> SavedSearch:
        return self._write(settings.save_search, name, query)

    def rename_saved_search(self, old: str, new: str) -> bool:
        return self._write(settings.rename_saved_search, old, new)

    def delete_saved_search(self, name: str) -> bool:
        return self._write(settings.delete_saved_search, name)
