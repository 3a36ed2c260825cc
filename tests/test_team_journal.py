"""The change journal of a replica: every write path records the objects it changed, once,
with the state they had before, in the same transaction (no server needed)."""

from __future__ import annotations

import sqlite3

import pytest

from briefing_app.core.library import Library
from briefing_app.core.model import Block, Briefing, Item, Person, Section
from briefing_app.core.operations.items import SaveItem
from briefing_app.store import FactBase, FactBaseError
from briefing_app.store.replica import LocalReplica


@pytest.fixture
def fb(tmp_path):
    base = FactBase.open(tmp_path / "replica.sqlite")
    base.save_people([Person(id="p-1", name="Ann"), Person(id="p-2", name="Anne")])
    base.save_items([Item(id="i-1", kind="fact", text="Oil rose.", tags=["energy"],
                          people=["p-2"]),
                     Item(id="i-2", kind="fact", text="Gas fell.", tags=["energy"])])
    replica = LocalReplica(base)
    replica.start("postgresql://test@localhost/none", "library", "replica")
    replica.forget("person", ["p-1", "p-2"])  # as if pushed: start from a clean journal
    yield base
    base.close()


def journal(fb) -> dict[tuple[str, str], dict | None]:
    return {(p.kind, p.object_id): p.base for p in LocalReplica(fb).pending(0, 1000)}


def test_a_fact_base_that_is_no_replica_journals_nothing(tmp_path):
    plain = FactBase.open(tmp_path / "plain.sqlite")
    plain.save_items([Item(id="i-1", kind="fact", text="x", tags=["t"])])
    assert LocalReplica(plain).pending_count() == 0
    assert LocalReplica(plain).state() is None
    plain.close()


def test_an_edit_journals_the_item_once_with_its_state_before(fb):
    item = fb.get_item("i-1")
    item.text = "Oil rose 3%."
    fb.save_item(item)
    item.title = "Oil"
    fb.save_item(item)

    [(key, base)] = journal(fb).items()
    assert key == ("item", "i-1")
    assert base["text"] == "Oil rose." and base["tags"] == ["energy"] and base["title"] == ""


def test_a_new_item_has_no_base_and_a_deleted_one_keeps_its_last_state(fb):
    fb.save_item(Item(id="i-new", kind="fact", text="New"))
    fb.delete_items(["i-2"])

    found = journal(fb)
    assert found[("item", "i-new")] is None
    assert found[("item", "i-2")]["text"] == "Gas fell."
    pending = {p.object_id: p.mine for p in LocalReplica(fb).pending(0, 10)}
    assert pending["i-2"] is None  # deleted here


def test_renaming_a_tag_journals_the_tag_and_every_item_carrying_it(fb):
    fb.rename_tag("energy", "Energy")
    assert set(journal(fb)) == {("tag", "energy"), ("item", "i-1"), ("item", "i-2")}


def test_merging_people_journals_both_people_and_the_items_naming_them(fb):
    fb.merge_people("p-1", "p-2")
    assert set(journal(fb)) == {("person", "p-2"), ("item", "i-1")}
    assert journal(fb)[("item", "i-1")]["people"] == ["p-2"]


def test_a_composer_edit_journals_the_briefing(fb):
    saved = fb.save_briefing(Briefing(id="b-1", title="Brief", sections=[
        Section(heading="One", blocks=[Block(text="Old words")])]))
    LocalReplica(fb).forget("briefing", ["b-1"])

    fb.update_block(saved.sections[0].blocks[0].id, text="New words")

    base = journal(fb)[("briefing", "b-1")]
    assert base["sections"][0]["blocks"][0]["text"] == "Old words"


def test_a_write_by_another_program_is_journaled_too(fb, tmp_path):
    other = sqlite3.connect(tmp_path / "replica.sqlite")  # e.g. the sqlite-utils CLI
    other.execute("UPDATE people SET name = 'Ann Lee' WHERE id = 'p-1'")
    other.commit()
    other.close()
    assert journal(fb)[("person", "p-1")]["name"] == "Ann"


def test_a_change_rolled_back_leaves_no_journal_entry(fb):
    with pytest.raises(FactBaseError), fb.transaction():
        fb.save_item(Item(id="i-3", kind="fact", text="Never kept"))
        raise FactBaseError("stop")
    assert journal(fb) == {}


def test_an_operation_of_the_core_is_journaled_in_its_own_transaction(fb):
    library = Library(fb)
    library.perform(SaveItem(fb, Item(id="", kind="quote", text="We will talk.")))
    [key] = journal(fb)
    library.undo()
    assert key[0] == "item" and fb.get_item(key[1]) is None
    assert journal(fb) == {key: None}  # created and deleted here: nothing to push


def test_pulled_writes_are_not_journaled(fb):
    replica = LocalReplica(fb)
    with replica.paused():
        fb.save_person(Person(id="p-3", name="From the server"))
    fb.save_person(Person(id="p-4", name="Typed here"))
    assert set(journal(fb)) == {("person", "p-4")}


def test_joining_marks_everything_already_here(tmp_path):
    plain = FactBase.open(tmp_path / "plain.sqlite")
    plain.save_people([Person(id="p-1", name="Ann")])
    plain.save_items([Item(id=f"i-{n}", kind="fact", text="x", tags=["t"]) for n in range(5)])
    plain.save_search("Mine", "t")
    replica = LocalReplica(plain)
    replica.start("postgresql://test@localhost/none", "library", "replica")

    assert replica.mark_all() == 8
    order = [p.kind for p in replica.pending(0, 100)]
    assert order == ["person", "tag", *["item"] * 5, "saved_search"]
    assert replica.journal_installed()
    plain.close()
