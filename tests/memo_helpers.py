"""A small in-memory fact base for the memo tests, so they need no store.

``FakeFactBase`` has the look-ups of ``Catalog`` and of the memo's ``MemoCatalog``
(``get_items``) plus the few ``FactBase`` methods the render functions call
(``find_briefing``, ``get_setting``).
"""

from __future__ import annotations

from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inline,
    MemoHeader,
    NoteRef,
    Paragraph,
    Table,
)


class FakeFactBase:
    def __init__(self, items=(), people=(), sources=(), briefings=(), settings=None):
        self.items = {item.id: item for item in items}
        self.people = {person.id: person for person in people}
        self.sources = {source.id: source for source in sources}
        self.briefings = {briefing.id: briefing for briefing in briefings}
        self.settings = dict(settings or {})

    def get_item(self, item_id):
        return self.items.get(item_id)

    def get_items(self, ids):
        return [self.items[i] for i in dict.fromkeys(ids) if i in self.items]

    def get_person(self, person_id):
        return self.people.get(person_id)

    def get_source(self, source_id):
        return self.sources.get(source_id)

    def find_briefing(self, ref):
        if ref in self.briefings:
            return self.briefings[ref]
        return next((b for b in self.briefings.values() if b.title == ref), None)

    def get_setting(self, key, default=None):
        return self.settings.get(key, default)


def world() -> FakeFactBase:
    """People, sources and items around a Petro-Trump meeting."""
    people = [
        Person("petro", "Gustavo Petro", role="President of Colombia", organization="Colombia"),
        Person("trump", "Donald Trump", role="President of the United States",
               organization="United States"),
        Person("rubio", "Marco Rubio", role="Secretary of State",
               organization="Department of State"),
    ]
    sources = [
        Source("efe", "EFE", title="Petro viajará a Washington", url="https://efe.com/a",
               published="2026-01-20"),
        Source("reuters", "Reuters", title="Colombia talks", url="https://reuters.com/b",
               published="2026-01"),
        Source("blog", "Some Blog", title="Hot take", url="javascript:alert(1)"),
    ]
    items = [
        Item("f1", "fact", "Colombia is the largest recipient of U.S. security aid in the region.",
             source="reuters", status="verified", date="2025-09-15"),
        Item("f2", "fact", "The visa of President Petro was revoked.", source="efe",
             date="2025-09"),
        Item("f3", "fact", "Coffee exports rose.", source="reuters", date="2024"),
        Item("q1", "quote", "Iré a Washington a hablar de frente.", speaker="petro",
             source="efe", language="es", translation="I will go to Washington to speak frankly.",
             date="2026-01-20"),
        Item("e1", "event", "Petro and Trump meet at the White House.", date="2026-02-03T11:00",
             location="Washington, D.C.", source="efe"),
        Item("u1", "fact", "An unsourced rumour.", date="2026-01-30"),
    ]
    return FakeFactBase(items, people, sources)


def briefing(*sections: Section, **fields) -> Briefing:
    """A briefing with the given sections and fields (sensible meeting defaults)."""
    fields.setdefault("meeting", Meeting(title="Bilateral meeting", date="2026-02-03T11:00",
                                         location="The White House",
                                         participants=["petro", "trump"]))
    fields.setdefault("date", "2026-01-28")
    return Briefing(id=fields.pop("id", "b1"), title=fields.pop("title", "Petro visit"),
                    sections=list(sections), **fields)


def section(heading: str, *blocks: Block | str, automatic: str = "") -> Section:
    """A section; a plain string stands for a block citing that item id."""
    return Section(heading, [Block(item=b) if isinstance(b, str) else b for b in blocks],
                   automatic=automatic)


def text_of(content: list[Inline]) -> str:
    """Visible text with note marks as ``[n]``, to compare content in one assertion."""
    out = []
    for part in content:
        if isinstance(part, NoteRef):
            out.append(f"[{part.number}]")
        else:
            out.append(part.text)
    return "".join(out)


def body(document: Document) -> list:
    """The blocks after the memo header."""
    return [b for b in document.blocks if not isinstance(b, MemoHeader)]


def headings(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading)]


def section_blocks(document: Document, heading_contains: str) -> list:
    """The blocks under the first heading whose text contains ``heading_contains``."""
    out, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading):
            if inside:
                break
            inside = heading_contains.lower() in block.text.lower()
        elif inside:
            out.append(block)
    return out


def all_inline(document: Document) -> list[Inline]:
    """Every inline node in the body, for searches across the memo."""
    out: list[Inline] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            out += block.content
        elif isinstance(block, BulletList):
            for item in block.items:
                out += item.content
        elif isinstance(block, BlockQuote):
            out += block.original + block.translation + block.attribution
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    out += cell
        elif isinstance(block, MemoHeader):
            for _, value in block.fields:
                out += value
    return out

