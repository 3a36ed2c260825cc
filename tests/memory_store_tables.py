"""The tables of :class:`~memory_store.MemoryStore`, shaped like the SQLite schema's.

Records are kept without their links; links live in their own tables as
``{target: position}`` per owner (an item's tags and people, a briefing's participants),
so merging or deleting a tag, person or source moves links the way the SQL does, and
reading puts them back in position order. Row ids of tags, sections and blocks are handed
out like SQLite's: one more than the largest in use.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

from briefing_app.core.errors import FactBaseError
from briefing_app.core.model import Block, Briefing, Item, Person, Source
from briefing_app.core.tags import fold_tag


def nocase(text: str) -> str:
    """Names, outlets and tags compare as FactBase compares them (SQLite's NOCASE): only
    ASCII letters fold, the rule the core writes down for tags."""
    return fold_tag(text)


def next_id(table: dict[int, object]) -> int:
    return max(table, default=0) + 1


def in_order(links: dict) -> list:
    """Link targets by position (ties by target, as SQLite's primary key orders them)."""
    return [target for target, _ in sorted(links.items(), key=lambda pair: (pair[1], pair[0]))]


@dataclass(frozen=True)
class RemovedBlock:
    """A block as it stood (section and position), for putting it back; also what
    ``capture_items`` keeps of the blocks that cite an item."""

    section_id: int
    position: int
    block: Block


@dataclass(frozen=True)
class ItemSnapshot:
    item: Item
    blocks: tuple[RemovedBlock, ...] = ()


@dataclass
class SectionRow:
    briefing_id: str
    position: int
    heading: str
    automatic: str = ""


@dataclass
class BlockRow:
    section_id: int
    position: int
    block: Block  # carries the row id


@dataclass
class Tables:
    items: dict[str, Item] = field(default_factory=dict)  # without tags and people
    nums: dict[str, int] = field(default_factory=dict)  # item id -> row number (tie-breaker)
    item_tags: dict[str, dict[int, int]] = field(default_factory=dict)
    item_people: dict[str, dict[str, int]] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)  # in insertion (rowid) order
    sources: dict[str, Source] = field(default_factory=dict)
    briefings: dict[str, Briefing] = field(default_factory=dict)  # headers only
    participants: dict[str, dict[str, int]] = field(default_factory=dict)
    sections: dict[int, SectionRow] = field(default_factory=dict)
    blocks: dict[int, BlockRow] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    saved_searches: list = field(default_factory=list)

    # ------------------------------------------------------------ items

    def item(self, item_id: str) -> Item:
        return replace(self.items[item_id],
                       tags=[self.tags[t] for t in in_order(self.item_tags[item_id])],
                       people=in_order(self.item_people[item_id]))

    def put_item(self, item: Item) -> None:
        if item.id not in self.nums:
            self.nums[item.id] = max(self.nums.values(), default=0) + 1
        self.items[item.id] = replace(item, tags=[], people=[])
        self.item_tags[item.id] = {self.tag_id(name): n for n, name in enumerate(item.tags)}
        self.item_people[item.id] = {person: n for n, person in enumerate(item.people)}

    def drop_item(self, item_id: str) -> bool:
        for table in (self.nums, self.item_tags, self.item_people):
            table.pop(item_id, None)
        return self.items.pop(item_id, None) is not None

    def person_uses(self, person_id: str) -> int:
        return (sum(i.speaker == person_id for i in self.items.values())
                + sum(person_id in links for links in self.item_people.values())
                + sum(person_id in links for links in self.participants.values()))

    # ------------------------------------------------------------ tags

    def find_tag(self, name: str) -> int | None:
        wanted = nocase((name or "").strip())
        return next((i for i, n in self.tags.items() if nocase(n) == wanted), None)

    def require_tag(self, name: str) -> int:
        found = self.find_tag(name)
        if found is None:
            raise FactBaseError(f"There is no tag {name!r}.")
        return found

    def tag_id(self, name: str) -> int:
        """The tag's id, creating it with this spelling if no tag has the name."""
        found = self.find_tag(name)
        if found is None:
            found = next_id(self.tags)
            self.tags[found] = name
        return found

    # ------------------------------------------------------------ sections and blocks

    def section_ids(self, briefing_id: str) -> list[int]:
        return sorted((i for i, s in self.sections.items() if s.briefing_id == briefing_id),
                      key=lambda i: self.sections[i].position)

    def block_ids(self, section_id: int) -> list[int]:
        return sorted((i for i, b in self.blocks.items() if b.section_id == section_id),
                      key=lambda i: self.blocks[i].position)

    def renumber(self, table: dict, ids: list[int]) -> None:
        for position, row_id in enumerate(ids):
            table[row_id].position = position

    def removed_block(self, block_id: int) -> RemovedBlock:
        row = self.blocks[block_id]
        return RemovedBlock(row.section_id, row.position, copy.copy(row.block))

    def insert_block_rows(self, section_id: int, position: int, blocks: list[Block]) -> list[Block]:
        """Insert blocks from ``position`` on, shifting the later ones; a block keeps its id
        when no other block has it."""
        for row in self.blocks.values():
            if row.section_id == section_id and row.position >= position:
                row.position += len(blocks)
        stored = []
        for offset, block in enumerate(blocks):
            block_id = block.id if block.id is not None and block.id not in self.blocks \
                else next_id(self.blocks)
            stored.append(replace(block, item=block.item or None, id=block_id))
            self.blocks[block_id] = BlockRow(section_id, position + offset, copy.copy(stored[-1]))
        return stored

    def drop_section(self, section_id: int) -> None:
        for block_id in self.block_ids(section_id):
            del self.blocks[block_id]
        del self.sections[section_id]

    def drop_briefing(self, briefing_id: str) -> bool:
        for section_id in self.section_ids(briefing_id):
            self.drop_section(section_id)
        self.participants.pop(briefing_id, None)
        return self.briefings.pop(briefing_id, None) is not None
