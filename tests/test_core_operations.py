"""Operations, changes and undo in the core, without Qt, over every store implementation.

Every kind of operation has an example: it returns the changes it made, undo puts every
record back as it was and redo as it was after. The store's clock ticks a second at each
stamp, so a redo that stamps records anew instead of giving them back shows up.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import itertools
import pkgutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import memory_store
import pytest
from memory_store import MemoryStore
from store_implementations import KINDS, open_store

import briefing_app.core.operations as operations
from briefing_app.core.changes import ANY, Changes
from briefing_app.core.errors import ChangeCancelled, FactBaseError
from briefing_app.core.library import Library
from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.core.operations.composer import (
    AddSection,
    ChangeMemoLanguage,
    CreateBriefing,
    DeleteBriefing,
    InsertBlocks,
    MoveBlocks,
    MoveSection,
    RemoveBlocks,
    RemoveSection,
    RenameSection,
    UpdateBlock,
    UpdateHeader,
)
from briefing_app.core.operations.imports import ImportRecords, PackContent
from briefing_app.core.operations.items import (
    DeleteItems,
    DeletePerson,
    DeleteSource,
    DeleteTag,
    EditItems,
    MergePeople,
    MergeSources,
    MergeTags,
    RenameTag,
    SaveItem,
    SavePerson,
    SaveSource,
)
from briefing_app.core.undo import Operation
from briefing_app.store import clock

START = _dt.datetime(2026, 2, 3, 9, 0, tzinfo=_dt.UTC)


@pytest.fixture
def ticking_clock(monkeypatch):
    ticks = itertools.count()

    def now() -> str:
        return (START + _dt.timedelta(seconds=next(ticks))).isoformat()

    monkeypatch.setattr(clock, "now", now)
    monkeypatch.setattr(memory_store, "_now", now)


@pytest.fixture(params=KINDS)
def library(request, tmp_path, ticking_clock):
    with Library(seed(open_store(request.param, tmp_path))) as opened:
        yield opened


def seed(store):
    """People, sources and items with fixed ids, and the briefing b-talks citing two."""
    store.save_people([Person("p-petro", "Gustavo Petro"), Person("p-rubio", "Marco Rubio"),
                       Person("p-ana", "Ana Díaz")])
    store.save_sources([Source("s-efe", "EFE"), Source("s-reuters", "Reuters"),
                        Source("s-ap", "AP")])
    store.save_items([
        Item("coffee", "fact", "Colombia rejects US sanctions on coffee exports",
             tags=["sanctions", "coffee"], people=["p-petro"], source="s-efe"),
        Item("quote", "quote", "No vamos a aceptar sanciones", speaker="p-petro",
             tags=["sanctions"], source="s-reuters"),
        Item("summit", "event", "Meeting at the White House", people=["p-petro", "p-rubio"],
             tags=["summit"]),
    ])
    store.save_briefing(Briefing(
        "b-talks", "Trade talks", meeting=Meeting(participants=["p-rubio"]),
        sections=[Section("Purpose", [Block(text="Why we meet.")]),
                  Section("Background", [Block(item="coffee"), Block(item="quote")]),
                  Section("Talking Points", [Block(text="Say hello.", style="talking-point")])]))
    return store


def records(store) -> dict[str, list]:
    """Everything the store holds, record by record. A briefing's ``updated`` is left out:
    every edit of a memo stamps it, and so does taking an edit back."""
    return {
        "items": store.get_items(sorted(store.search_ids("", limit=None))),
        "people": store.list_people(),
        "sources": store.list_sources(),
        "tags": store.list_tags(),
        "briefings": sorted((replace(store.get_briefing(b.id), updated="")
                             for b in store.list_briefings()), key=lambda b: b.id),
    }


def section(store, heading: str) -> Section:
    return next(s for s in store.get_briefing("b-talks").sections if s.heading == heading)


def untag(name: str):
    return lambda item: replace(item, tags=[t for t in item.tags if t != name])


IMPORTED = PackContent(
    sources=[Source("s-tiempo", "El Tiempo")],
    people=[Person("p-murillo", "Luis Gilberto Murillo")],
    items=[Item("imported", "fact", "Murillo met Rubio", tags=["trade"], people=["p-murillo"],
                source="s-tiempo"),
           Item("summit", "event", "Meeting at the White House, delayed",
                people=["p-petro", "p-rubio"], tags=["summit"])],
    briefings=[Briefing("b-imported", "Imported brief",
                        sections=[Section("Background", [Block(item="imported")])])],
)

# name: (how to make the operation from the store, the changes it must return)
EXAMPLES = {
    "save a new item": (
        lambda s: SaveItem(s, Item("new", "fact", "A new fact", tags=["trade"])),
        lambda op: Changes.of(items=["new"], tags=["trade"])),
    "save a new quote with a new speaker and source": (
        lambda s: SaveItem(s, Item("new", "quote", "Hola", speaker="p-new", source="s-new"),
                           new_people=[Person("p-new", "Luis Murillo")],
                           new_sources=[Source("s-new", "El Tiempo")]),
        lambda op: Changes.of(items=["new"], people=["p-new"], sources=["s-new"])),
    "edit an item, dropping a tag": (
        lambda s: SaveItem(s, replace(s.get_item("coffee"), text="Edited", tags=["sanctions"])),
        lambda op: Changes.of(items=["coffee"], tags=["sanctions", "coffee"])),
    "tag items in bulk": (
        lambda s: EditItems(["coffee", "quote"], lambda i: replace(i, tags=[*i.tags, "trade"])),
        lambda op: Changes.of(items=["coffee", "quote"], tags=["sanctions", "coffee", "trade"])),
    "untag items in bulk": (
        lambda s: EditItems(["coffee", "summit"], untag("coffee")),
        lambda op: Changes.of(items=["coffee"], tags=["sanctions", "coffee"])),
    "delete cited items": (
        lambda s: DeleteItems(["coffee", "summit"]),
        lambda op: Changes.of(items=["coffee", "summit"], tags=[ANY], briefings=[ANY])),
    "save a new person": (
        lambda s: SavePerson(s, Person("p-new", "Luis Murillo")),
        lambda op: Changes.of(people=["p-new"], items=[ANY])),
    "rename a person": (
        lambda s: SavePerson(s, Person("p-petro", "Gustavo Petro Urrego")),
        lambda op: Changes.of(people=["p-petro"], items=[ANY])),
    "save a new source": (
        lambda s: SaveSource(s, Source("s-new", "El Tiempo")),
        lambda op: Changes.of(sources=["s-new"], items=[ANY])),
    "rename a source": (
        lambda s: SaveSource(s, Source("s-efe", "Agencia EFE")),
        lambda op: Changes.of(sources=["s-efe"], items=[ANY])),
    "delete a person nobody names": (
        lambda s: DeletePerson(s.get_person("p-ana")),
        lambda op: Changes.of(people=["p-ana"])),
    "delete a source nobody cites": (
        lambda s: DeleteSource(s.get_source("s-ap")),
        lambda op: Changes.of(sources=["s-ap"])),
    "merge people": (
        lambda s: MergePeople(s.get_person("p-rubio"), s.get_person("p-petro")),
        lambda op: Changes.of(people=["p-rubio", "p-petro"], items=[ANY], briefings=[ANY])),
    "merge sources": (
        lambda s: MergeSources(s.get_source("s-reuters"), s.get_source("s-efe")),
        lambda op: Changes.of(sources=["s-reuters", "s-efe"], items=[ANY])),
    "rename a tag": (
        lambda s: RenameTag("sanctions", " sanciones "),
        lambda op: Changes.of(tags=["sanctions", "sanciones"], items=[ANY])),
    "merge tags": (
        lambda s: MergeTags("sanctions", "coffee"),
        lambda op: Changes.of(tags=["sanctions", "coffee"], items=[ANY])),
    "delete a tag": (
        lambda s: DeleteTag("sanctions"),
        lambda op: Changes.of(tags=["sanctions"], items=[ANY])),
    "import records": (
        lambda s: ImportRecords(IMPORTED),
        lambda op: Changes.of(sources=["s-tiempo"], people=["p-murillo"],
                              items=["imported", "summit"], briefings=["b-imported"],
                              tags=["trade", "summit"])),
    "edit the memo header": (
        lambda s: UpdateHeader("b-talks", {"subject": "Tariffs", "participants": ["p-petro"]},
                               {"subject": "", "participants": ["p-rubio"]}),
        lambda op: Changes.of(briefings=["b-talks"])),
    "change the memo language with its stock headings": (
        lambda s: ChangeMemoLanguage("b-talks", "es", "en",
                                     [(section(s, "Purpose").id, "Propósito", "Purpose")]),
        lambda op: Changes.of(briefings=["b-talks"])),
    "add a section": (
        lambda s: AddSection("b-talks", 1, "Key Issues"),
        lambda op: Changes.of(briefings=["b-talks"])),
    "rename a section": (
        lambda s: RenameSection("b-talks", section(s, "Purpose").id, "Aim", "Purpose"),
        lambda op: Changes.of(briefings=["b-talks"])),
    "move a section": (
        lambda s: MoveSection("b-talks", section(s, "Purpose").id, 2),
        lambda op: Changes.of(briefings=["b-talks"])),
    "remove a section": (
        lambda s: RemoveSection("b-talks", section(s, "Background").id, "Background"),
        lambda op: Changes.of(briefings=["b-talks"])),
    "insert blocks": (
        lambda s: InsertBlocks("b-talks", section(s, "Background").id, 1,
                               [Block(item="summit"), Block(text="Aside.")]),
        lambda op: Changes.of(briefings=["b-talks"])),
    "move blocks to another section": (
        lambda s: MoveBlocks("b-talks", [
            (section(s, "Background").blocks[1].id, section(s, "Talking Points").id, 0),
            (section(s, "Background").blocks[0].id, section(s, "Talking Points").id, 2)]),
        lambda op: Changes.of(briefings=["b-talks"])),
    "edit a block's text": (
        lambda s: UpdateBlock("b-talks", section(s, "Purpose").blocks[0].id,
                              {"text": "Why we meet today."}, {"text": "Why we meet."}),
        lambda op: Changes.of(briefings=["b-talks"])),
    "remove blocks of two sections": (
        lambda s: RemoveBlocks("b-talks", [section(s, "Background").blocks[0].id,
                                           section(s, "Talking Points").blocks[0].id]),
        lambda op: Changes.of(briefings=["b-talks"])),
    "create a briefing": (
        lambda s: CreateBriefing(Briefing("b-new", "New brief", sections=[
            Section("Purpose", [Block(text="Why.")])])),
        lambda op: Changes.of(briefings=["b-new"])),
    "duplicate a briefing": (
        lambda s: CreateBriefing(None, duplicate_of="b-talks", title="Trade talks (copy)"),
        lambda op: Changes.of(briefings=[op.briefing_id])),
    "delete a briefing": (
        lambda s: DeleteBriefing("b-talks", "Trade talks"),
        lambda op: Changes.of(briefings=["b-talks"])),
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_an_operation_returns_its_changes_and_undo_and_redo_restore_every_record(library, name):
    make, expected = EXAMPLES[name]
    store = library.store
    before = records(store)
    operation = make(store)
    changes = library.perform(operation)
    after = records(store)
    assert changes == expected(operation) and after != before
    assert library.undo_stack.undo_label() == operation.label
    assert library.undo() == changes
    assert records(store) == before
    assert library.redo() == changes
    assert records(store) == after
    assert library.undo() == changes  # and again: the operation stays usable
    assert records(store) == before


def test_every_kind_of_operation_has_an_example():
    kinds = set()
    for module_info in pkgutil.iter_modules(operations.__path__):
        module = importlib.import_module(f"{operations.__name__}.{module_info.name}")
        kinds |= {value for value in vars(module).values() if isinstance(value, type)
                  and issubclass(value, Operation) and value.__module__ == module.__name__}
    concrete = {kind for kind in kinds if not any(k is not kind and issubclass(k, kind)
                                                  for k in kinds)}
    examples = {type(make(seed(MemoryStore()))) for make, _ in EXAMPLES.values()}
    assert concrete - examples == set()


# ---------------------------------------------------------------- typing merges into one step


def test_typing_in_a_header_field_is_one_undo_step(library):
    titles = ["Trade talks", "Trade talks!", "Trade talks!!", "Trade deal"]
    for old, new in pairwise(titles):
        library.perform(UpdateHeader("b-talks", {"title": new}, {"title": old}))
    library.perform(UpdateHeader("b-talks", {"subject": "Tariffs"}, {"subject": ""}))
    assert library.undo_stack.count() == 2  # the title, then the subject
    library.undo()
    library.undo()
    assert library.store.get_briefing("b-talks").title == "Trade talks"
    library.redo()
    assert library.store.get_briefing("b-talks").title == "Trade deal"


def test_typing_a_block_back_to_where_it_was_leaves_nothing_to_undo(library):
    block_id = section(library.store, "Purpose").blocks[0].id
    texts = ["Why we meet.", "Why we meet!", "Why we meet."]
    for old, new in pairwise(texts):
        library.perform(UpdateBlock("b-talks", block_id, {"text": new}, {"text": old}))
    assert library.undo_stack.count() == 0 and not library.undo_stack.can_undo()
    assert section(library.store, "Purpose").blocks[0].text == "Why we meet."


def test_each_change_of_a_block_style_is_its_own_step(library):
    block_id = section(library.store, "Purpose").blocks[0].id
    for old, new in pairwise(["paragraph", "bullet", "talking-point"]):
        library.perform(UpdateBlock("b-talks", block_id, {"style": new}, {"style": old}))
    assert library.undo_stack.count() == 2
    library.undo()
    assert section(library.store, "Purpose").blocks[0].style == "bullet"


def test_a_bulk_edit_that_changes_nothing_is_not_kept(library):
    changes = library.perform(EditItems(["coffee", "quote"], untag("no-such-tag")))
    assert not changes and library.undo_stack.count() == 0


# ---------------------------------------------------------------- refusals and failures


def test_an_operation_the_store_refuses_keeps_nothing(library):
    library.perform(AddSection("b-talks", 0, "Summary"))
    before = records(library.store)
    with pytest.raises(FactBaseError, match="cannot be deleted"):
        library.perform(DeletePerson(library.store.get_person("p-petro")))
    with pytest.raises(FactBaseError, match="no section"):
        library.perform(RenameSection("b-talks", 10_000, "Aim", "Purpose"))
    assert records(library.store) == before
    assert library.undo_stack.count() == 1 and library.undo_stack.undo_label().startswith("Add")


def test_an_undo_that_can_no_longer_run_is_dropped_and_says_why(library):
    library.perform(AddSection("b-talks", 0, "Summary"))
    library.perform(RenameSection("b-talks", section(library.store, "Purpose").id, "Aim",
                                  "Purpose"))
    library.store.delete_briefing("b-talks")  # another program, behind the library's back
    with pytest.raises(FactBaseError, match="no section"):
        library.undo()
    assert library.undo_stack.count() == 1 and not library.undo_stack.can_redo()


def test_a_redo_that_can_no_longer_run_is_dropped_and_says_why(library):
    library.perform(AddSection("b-talks", 0, "Summary"))
    library.undo()
    library.store.delete_briefing("b-talks")
    with pytest.raises(FactBaseError, match="no briefing"):
        library.redo()
    assert library.undo_stack.count() == 0


def test_a_cancelled_change_rolls_back_and_keeps_nothing(library):
    store = library.store
    store.save_items([Item(f"f{n}", "fact", f"Fact {n}") for n in range(300)])
    ids = [f"f{n}" for n in range(300)]
    with pytest.raises(ChangeCancelled):
        library.perform(DeleteItems(ids), cancelled=lambda: True)
    assert store.item_count() == 303 and library.undo_stack.count() == 0
    library.perform(DeleteItems(ids), cancelled=lambda: False)
    with pytest.raises(ChangeCancelled):
        library.undo(cancelled=lambda: True)
    assert store.item_count() == 3 and library.undo_stack.can_undo()  # kept for later
    library.undo()
    assert store.item_count() == 303


# ---------------------------------------------------------------- the commit point


def test_commit_hooks_see_do_undo_and_redo_in_order_inside_the_transaction(library):
    seen, told = [], []
    library.add_commit_hook(lambda store, op, changes, direction: seen.append(
        (direction, op.label, store.get_item("coffee") is None, changes)))
    library.add_listener(lambda changes, op: told.append(op.label))
    changes = library.perform(DeleteItems(["coffee"], label="Delete coffee"))
    library.undo()
    library.redo()
    assert seen == [("do", "Delete coffee", True, changes),
                    ("undo", "Delete coffee", False, changes),
                    ("redo", "Delete coffee", True, changes)]
    assert told == ["Delete coffee"] * 3


def test_a_failing_commit_hook_rolls_the_change_back(library):
    told, failing = [], {"do": FactBaseError("The journal is full.")}
    library.add_listener(lambda changes, op: told.append(changes))

    def journal(store, operation, changes, direction):
        if direction in failing:
            raise failing[direction]

    library.add_commit_hook(journal)
    with pytest.raises(FactBaseError, match="journal is full"):
        library.perform(DeleteItems(["coffee"]))
    assert library.store.get_item("coffee") is not None
    assert library.undo_stack.count() == 0 and told == []

    failing.clear()
    library.perform(DeleteItems(["coffee"]))
    failing["undo"] = RuntimeError("The journal went away.")
    with pytest.raises(RuntimeError, match="went away"):
        library.undo()
    assert library.store.get_item("coffee") is None and library.undo_stack.can_undo()


def test_an_operation_runs_whole_without_savepoints(tmp_path, ticking_clock):
    """An operation is all or nothing: its writes take no savepoints of their own (each
    would copy every page it changes), and a failure late in it undoes all of it."""
    with Library(seed(open_store("sqlite-file", tmp_path))) as library:
        conn = library.store.connection
        statements = []
        conn.set_trace_callback(statements.append)
        library.perform(EditItems(["coffee", "quote", "summit"],
                                  lambda i: replace(i, tags=[*i.tags, "trade"])))
        conn.set_trace_callback(None)
        assert not [s for s in statements if s.startswith("SAVEPOINT")]

        def late_failure(store, operation, changes, direction):
            raise FactBaseError("The disk is full.")

        library.add_commit_hook(late_failure)
        with pytest.raises(FactBaseError, match="disk is full"):
            library.perform(DeleteItems(["coffee", "quote"]))
        assert {i.id for i in library.store.search("")} == {"coffee", "quote", "summit"}


# ---------------------------------------------------------------- the command line


def test_the_command_line_can_undo_without_qt(tmp_path):
    script = textwrap.dedent("""
        import sys
        from briefing_app.core.model import Item
        from briefing_app.core.operations.items import SaveItem
        from briefing_app.store import open_library

        with open_library(sys.argv[1]) as library:
            library.perform(SaveItem(library.store, Item("cli", "fact", "Typed at a prompt")))
            assert library.store.get_item("cli") is not None
            library.undo()
            assert library.store.get_item("cli") is None and library.undo_stack.can_redo()
        assert "PySide6" not in sys.modules, sorted(m for m in sys.modules if "PySide" in m)
        print("undone without Qt")
    """)
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "facts.sqlite")], capture_output=True,
        text=True, timeout=120, cwd=Path(__file__).parent.parent, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "undone without Qt"
