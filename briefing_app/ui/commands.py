"""The window's changes to items, people, sources and tags, named in the window's language.

Each function builds one core operation (:mod:`briefing_app.core.operations.items`) with
its Edit-menu label translated; the window runs it through ``window.undo_stack.perform``
(:class:`~briefing_app.ui.library_ops.LibraryOps`), which keeps it on the core's one undo
stack and runs a long one on a worker with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from briefing_app.core.model import Item, Person, Source
from briefing_app.core.operations import items as ops
from briefing_app.core.undo import LONG_FROM
from briefing_app.ui.labels import EDIT_ITEM_UNDO_TEXTS, NEW_ITEM_UNDO_TEXTS, translated

translate = QCoreApplication.translate  # by this name, so lupdate reads the context

__all__ = [
    "LONG_FROM", "delete_items", "delete_person", "delete_source", "delete_tag", "edit_items",
    "merge_people", "merge_sources", "merge_tags", "rename_tag", "save_item", "save_item_text",
    "save_person", "save_source",
]


def save_item_text(kind: str, is_new: bool) -> str:
    """``New fact “%s”`` / ``Edit quote “%s”``: whole phrases per kind, because Spanish
    needs the kind's gender (Nuevo hecho, Nueva cita). An unknown kind reads as a fact:
    the text is formatted with ``%``, so it must keep its ``%s``."""
    table = NEW_ITEM_UNDO_TEXTS if is_new else EDIT_ITEM_UNDO_TEXTS
    return translated(table, kind if kind in table else "fact")


def save_item(store, item: Item, *, new_people: Sequence[Person] = (),
              new_sources: Sequence[Source] = ()) -> ops.SaveItem:
    """Create or edit one item, with the people and sources created for it on the way."""
    operation = ops.SaveItem(store, item, new_people=new_people, new_sources=new_sources)
    operation.label = save_item_text(item.kind, operation.is_new) % ops.short_label(
        item.title or item.text)
    return operation


def edit_items(ids: Sequence[str], change: Callable[[Item], Item], text: str) -> ops.EditItems:
    """One change applied to many items (bulk tag, status, marking), labelled ``text``."""
    return ops.EditItems(ids, change, label=text)


def delete_items(ids: Sequence[str]) -> ops.DeleteItems:
    count = len(ids)
    return ops.DeleteItems(ids, label=translate("Commands", "Delete 1 item") if count == 1
                           else translate("Commands", "Delete %d items") % count)


def save_person(store, person: Person) -> ops.SavePerson:
    operation = ops.SavePerson(store, person)
    operation.label = (translate("Commands", "New person %s") if operation.is_new
                       else translate("Commands", "Edit person %s")) % person.name
    return operation


def save_source(store, source: Source) -> ops.SaveSource:
    operation = ops.SaveSource(store, source)
    operation.label = (translate("Commands", "New source %s") if operation.is_new
                       else translate("Commands", "Edit source %s")) % source.outlet
    return operation


def delete_person(person: Person) -> ops.DeletePerson:
    return ops.DeletePerson(person, label=translate("Commands", "Delete person %s") % person.name)


def delete_source(source: Source) -> ops.DeleteSource:
    return ops.DeleteSource(
        source, label=translate("Commands", "Delete source %s") % source.outlet)


def merge_people(survivor: Person, other: Person) -> ops.MergePeople:
    return ops.MergePeople(survivor, other, label=translate("Commands", "Merge %s into %s")
                           % (other.name, survivor.name))


def merge_sources(survivor: Source, other: Source) -> ops.MergeSources:
    return ops.MergeSources(survivor, other, label=translate("Commands", "Merge %s into %s")
                            % (other.outlet, survivor.outlet))


def rename_tag(old: str, new: str) -> ops.RenameTag:
    return ops.RenameTag(old, new, label=translate("Commands", "Rename tag %s to %s")
                         % (old, new.strip()))


def merge_tags(survivor: str, other: str) -> ops.MergeTags:
    return ops.MergeTags(survivor, other, label=translate("Commands", "Merge tag %s into %s")
                         % (other, survivor))


def delete_tag(name: str) -> ops.DeleteTag:
    return ops.DeleteTag(name, label=translate("Commands", "Delete tag %s") % name)
