"""What extraction proposes: a source, people and items, each pointing at the characters
of the article it came from.

The review window shows and edits these objects; :mod:`.pack` turns the chosen ones into
a fact pack, and the window into records for one undoable import. Spans stay here (a
fact pack has no place for them: its validator refuses unknown keys).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.core.model import Item, Person, Source

Span = tuple[int, int]


@dataclass
class SourceProposal:
    id: str
    outlet: str
    title: str = ""
    url: str = ""
    published: str = ""
    existing: Source | None = None  # the fact base's record when it is already there

    def to_source(self) -> Source:
        if self.existing is not None:
            return self.existing
        return Source(id=self.id, outlet=self.outlet, title=self.title, url=self.url,
                      published=self.published)


@dataclass
class PersonProposal:
    id: str
    name: str
    role: str = ""
    organization: str = ""
    country: str = ""
    existing: Person | None = None  # the fact base's record: the pack links to it
    spans: list[Span] = field(default_factory=list)  # every mention in the article

    def to_person(self) -> Person:
        if self.existing is not None:
            return self.existing
        return Person(id=self.id, name=self.name, role=self.role,
                      organization=self.organization, country=self.country)


@dataclass
class ItemProposal:
    id: str
    kind: str  # "quote", "event" or "fact"
    text: str
    span: Span  # where it is in the article
    date: str = ""
    speaker: str | None = None  # a PersonProposal id
    language: str = ""
    context: str = ""
    people: list[str] = field(default_factory=list)  # PersonProposal ids
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    status: str = "unverified"
    accepted: bool = True  # ticked in the review window; facts start unticked
    date_span: Span | None = None
    speaker_span: Span | None = None
    undated: bool = False  # a relative date left empty for want of a publication date
    relative_date: bool = False  # the date counts from the publication date (redate it)

    def to_item(self, source_id: str) -> Item:
        quote = self.kind == "quote"
        return Item(
            id=self.id, kind=self.kind, text=self.text, date=self.date,
            tags=list(self.tags), people=list(dict.fromkeys(self.people)),
            source=source_id or None, status=self.status, notes=self.notes,
            speaker=self.speaker if quote else None,
            language=self.language if quote else "",
            context=self.context if quote else "",
        )


@dataclass
class Extraction:
    """Everything proposed for one article, over the article's text."""

    text: str
    language: str
    source: SourceProposal
    people: list[PersonProposal] = field(default_factory=list)
    items: list[ItemProposal] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # for stderr or the window's banner
    undated: int = 0  # relative dates left empty: no publication date
    duplicates: int = 0  # proposals left out because the fact base already has them

    def person(self, person_id: str | None) -> PersonProposal | None:
        return next((p for p in self.people if p.id == person_id), None)

    def chosen(self, items: list[ItemProposal] | None = None
               ) -> tuple[Source, list[Person], list[Item]]:
        """The records to import for ``items`` (default: the accepted ones): the source,
        the people they name (fact-base people as they are stored) and the items."""
        chosen = [i for i in self.items if i.accepted] if items is None else items
        wanted: dict[str, None] = {}
        for item in chosen:
            for person_id in ([item.speaker] if item.speaker else []) + item.people:
                wanted.setdefault(person_id, None)
        people = [p.to_person() for p in self.people if p.id in wanted]
        source = self.source.to_source()
        return source, people, [i.to_item(source.id) for i in chosen]
