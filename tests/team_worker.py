"""One staffer at work, as a separate process: random edits to a replica and syncs.

    python tests/team_worker.py --db PATH --seed N --steps K [--push-batch B] [--prefix P]

Used by the team library tests that kill processes mid-sync. Each edit is one committed
change: just before its commit the worker prints ``begin {json}`` (what it sets, and the
value it overwrites), right after it ``ack {json}`` with the same payload, so the test knows
every edit the staffer saw acknowledged, and which values an edit may have overwritten even
when a kill lands between its commit and its ``ack``. During a
sync it prints ``push N`` / ``pull N`` as objects move, which is when the test may kill
it; ``synced {json}`` after a sync, ``done`` at the end. Every value a worker writes is
a fresh token (``<prefix>-<n>``), so the test can tell each edit apart.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.core.model import Block, Briefing, Item, Person, Section  # noqa: E402
from briefing_app.store import FactBase  # noqa: E402
from briefing_app.team.errors import TeamError  # noqa: E402
from briefing_app.team.sync import Sync  # noqa: E402

FIELDS = ("title", "text", "notes")


def say(kind: str, payload=None) -> None:
    line = kind if payload is None else f"{kind} {json.dumps(payload)}"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Staffer:
    def __init__(self, fb: FactBase, rng: random.Random, prefix: str, push_batch: int):
        self.fb = fb
        self.rng = rng
        self.prefix = prefix
        self.push_batch = push_batch
        self.counter = 0

    def token(self) -> str:
        self.counter += 1
        return f"{self.prefix}-{self.counter}"

    def item_ids(self) -> list[str]:
        return sorted(self.fb.search_ids("", limit=None))

    def step(self) -> None:
        roll = self.rng.random()
        ids = self.item_ids()
        if roll < 0.12 or not ids:
            self.create()
        elif roll < 0.45:
            self.set_field(self.rng.choice(ids))
        elif roll < 0.53:
            self.add_tag(self.rng.choice(ids))
        elif roll < 0.59:
            self.delete(self.rng.choice(ids))
        elif roll < 0.63:
            self.rename_person()
        elif roll < 0.67:
            self.new_person(self.rng.choice(ids))
        elif roll < 0.70:
            self.drop_person()
        elif roll < 0.73:
            self.rename_tag()
        elif roll < 0.80:
            self.edit_briefing()
        else:
            self.sync()

    def commit(self, edit: dict, change) -> None:
        """Run one change, announced before (it may land even if the process dies right
        after) and acknowledged after."""
        say("begin", edit)
        change()
        say("ack", edit)

    def create(self) -> None:
        item = Item(id=self.token(), kind="fact", text=self.token(), title=self.token())
        self.commit({"op": "create", "id": item.id, "values": [item.text, item.title]},
                    lambda: self.fb.save_item(item))

    def set_field(self, item_id: str) -> None:
        item = self.fb.get_item(item_id)
        name = self.rng.choice(FIELDS)
        old, new = getattr(item, name), self.token()
        setattr(item, name, new)
        self.commit({"op": "set", "id": item_id, "field": name, "old": old, "values": [new]},
                    lambda: self.fb.save_item(item))

    def add_tag(self, item_id: str) -> None:
        item = self.fb.get_item(item_id)
        tag = self.token()
        item.tags = [*item.tags, tag]
        self.commit({"op": "tag", "id": item_id, "values": [tag]},
                    lambda: self.fb.save_item(item))

    def delete(self, item_id: str) -> None:
        item = self.fb.get_item(item_id)
        gone = [item.title, item.text, item.notes, *item.tags]
        self.commit({"op": "delete", "id": item_id, "old": gone, "values": []},
                    lambda: self.fb.delete_items([item_id]))

    def rename_person(self) -> None:
        people = self.fb.list_people()
        if not people:
            return
        chosen = self.rng.choice(people)
        new = self.token()
        self.commit({"op": "person", "id": chosen.id, "old": chosen.name, "values": [new]},
                    lambda: self.fb.save_person(Person(id=chosen.id, name=new, role=chosen.role)))

    def new_person(self, item_id: str) -> None:
        person = Person(id=self.token(), name=self.token())
        item = self.fb.get_item(item_id)
        item.people = [*item.people, person.id]

        def change() -> None:
            self.fb.save_person(person)
            self.fb.save_item(item)
        self.commit({"op": "new-person", "id": person.id, "values": [person.name]}, change)

    def drop_person(self) -> None:
        unused = [p for p in self.fb.list_people() if self.fb.person_uses(p.id) == 0]
        if unused:
            gone = self.rng.choice(unused)
            self.commit({"op": "drop-person", "id": gone.id, "old": gone.name, "values": []},
                        lambda: self.fb.delete_person(gone.id))

    def rename_tag(self) -> None:
        tags = [name for name, _ in self.fb.list_tags()]
        if tags:
            old, new = self.rng.choice(tags), self.token()
            self.commit({"op": "rename-tag", "old": old, "values": [new]},
                        lambda: self.fb.rename_tag(old, new))

    def edit_briefing(self) -> None:
        briefings = self.fb.list_briefings()
        if not briefings or self.rng.random() < 0.2:
            title, words = self.token(), self.token()
            briefing = Briefing(id=self.token(), title=title, sections=[
                Section(heading="Background", blocks=[Block(text=words)])])
            self.commit({"op": "new-briefing", "values": [title, words]},
                        lambda: self.fb.save_briefing(briefing))
            return
        briefing = self.fb.get_briefing(self.rng.choice(briefings).id)
        new = self.token()
        if self.rng.random() < 0.5:
            self.commit({"op": "brief-subject", "old": briefing.subject, "values": [new]},
                        lambda: self.fb.update_briefing_header(briefing.id, subject=new))
            return
        blocks = [b for s in briefing.sections for b in s.blocks if b.item is None]
        if blocks:
            block = self.rng.choice(blocks)
            self.commit({"op": "brief-block", "old": block.text, "values": [new]},
                        lambda: self.fb.update_block(block.id, text=new))
        else:
            self.commit({"op": "brief-block", "values": [new]},
                        lambda: self.fb.insert_blocks(briefing.sections[0].id, 0,
                                                      [Block(text=new)]))

    def sync(self) -> None:
        progress = lambda phase, count: say(f"{phase} {count}")  # noqa: E731
        try:
            report = Sync(self.fb, push_batch=self.push_batch, progress=progress).run()
        except TeamError as error:
            say("error", str(error))
            return
        say("synced", {"pushed": report.pushed, "pulled": report.pulled,
                       "conflicts": report.conflicts})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--push-batch", type=int, default=3)
    parser.add_argument("--prefix", default="t")
    parser.add_argument("--sync-at-end", action="store_true")
    args = parser.parse_args()
    with FactBase.open(args.db) as fb:
        staffer = Staffer(fb, random.Random(args.seed), args.prefix, args.push_batch)
        for _ in range(args.steps):
            staffer.step()
        if args.sync_at_end:
            staffer.sync()
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
