"""Every change to the fact base as a QUndoCommand, so Edit ▸ Undo can take it back.

A command does its work in :meth:`StoreCommand.apply` and takes it back in
:meth:`StoreCommand.revert`, each one store transaction. What it needs to take a change
back (the item before an edit, a deleted item with its tags, people and citing blocks, a
merged-away person) is captured with :mod:`briefing_app.store.snapshots` the first time
it runs. :func:`execute` runs a command once before pushing it, so a change the store
refuses never lands on the undo stack; a command that fails later (another program
changed the file meanwhile) reports the error and drops itself from the stack. A command
that may take long (many items, or a tag, person or source many items use) runs on a
worker thread behind a progress dialog (:func:`perform`); its first run can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from briefing_app.core.model import Item, Person, Source
from briefing_app.store import ChangeCancelled, FactBaseError
from briefing_app.store import snapshots as snap
from briefing_app.ui.workers import JobCancelled, run_and_wait

Listener = Callable[["StoreCommand"], None]


translate = QCoreApplication.translate  # by this name, so lupdate reads the context


def save_item_text(kind: str, is_new: bool) -> str:
    """``New fact “%s”`` / ``Edit quote “%s”``: whole phrases per kind, because Spanish
    needs the kind's gender (Nuevo hecho, Nueva cita)."""
    texts = {
        "fact": (translate("Commands", "New fact “%s”"), translate("Commands", "Edit fact “%s”")),
        "quote": (translate("Commands", "New quote “%s”"),
                  translate("Commands", "Edit quote “%s”")),
        "event": (translate("Commands", "New event “%s”"),
                  translate("Commands", "Edit event “%s”")),
    }
    new, edit = texts.get(kind, texts["fact"])
    return new if is_new else edit


LONG_FROM = 100
"""Items: a change to this many runs on a worker thread (about 0.06 s and up on a big fact
base, 9 s for 20,000 items), so the window never freezes; smaller ones run at once."""


class StoreCommand(QUndoCommand):
    """Base class: runs :meth:`apply`/:meth:`revert` and tells listeners afterwards."""

    reaches_items = False
    """Set by commands on a tag, person or source: they change (and re-index) every item
    using it, which may be thousands."""

    def __init__(self, fb, text: str):
        super().__init__(text)
        self.fb = fb
        self.on_changed: Listener | None = None
        self.on_error: Callable[[str], None] | None = None
        self._already_applied = False
        self.cancelled = False  # its first run was cancelled (so nothing was pushed)

    # subclasses implement these two, each one transaction
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def item_ids(self) -> list[str]:
        """Items this command changes (for selecting them afterwards)."""
        return []

    def is_noop(self) -> bool:
        """True when applying changed nothing (the command is then not pushed)."""
        return False

    def may_take_long(self) -> bool:
        """Whether :func:`perform` runs this command on a worker."""
        return self.reaches_items or len(self.item_ids()) >= LONG_FROM

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
        elif not self._run(self.apply):
            return
        self._changed()

    def undo(self) -> None:
        if self._run(self.revert):
            self._changed()

    def _run(self, step: Callable[[], None]) -> bool:
        try:
            perform(self, step, cancellable=False)  # undo and redo: no stopping halfway
        except (FactBaseError, ValueError) as error:
            self.setObsolete(True)  # the stack drops a command that cannot run
            if self.on_error is not None:
                self.on_error(str(error))
            return False
        return True

    def _changed(self) -> None:
        if self.on_changed is not None:
            self.on_changed(self)


def execute(stack: QUndoStack, command: StoreCommand) -> bool:
    """Apply ``command`` once and, when that changed something, push it (without applying
    it again); False when there was nothing to change.

    Raises what the store raised (``FactBaseError``, ``ValueError``; ``ChangeCancelled``
    when the person cancelled it) and pushes nothing.
    """
    try:
        perform(command, command.apply, cancellable=True)
    except ChangeCancelled:
        command.cancelled = True
        raise
    if command.is_noop():
        return False
    command._already_applied = True
    stack.push(command)
    return True


def perform(command: StoreCommand, step: Callable[[], None], *, cancellable: bool) -> None:
    """Run one step of ``command`` (its apply or revert: one store transaction).

    A step that may take long runs on a worker while the window waits, painted, behind a
    progress dialog once it lasts (see :func:`~briefing_app.ui.workers.run_and_wait`);
    Cancel interrupts the store mid-statement, which rolls the whole step back and raises
    ``ChangeCancelled``. Without a Qt application (scripts, core tests) it runs here.
    """
    if not command.may_take_long() or QApplication.instance() is None:
        step()
        return
    fb = command.fb

    def job(_progress, cancelled) -> None:
        with fb.stopping_when(cancelled):
            step()

    try:
        run_and_wait(job, label=_progress_label(command), cancellable=cancellable)
    except JobCancelled as cancelled:
        raise ChangeCancelled() from cancelled


def _progress_label(command: StoreCommand) -> str:
    count = len(command.item_ids())
    if count > 1:
        return translate("Commands", "%s (%s items)…") % (command.text(),
                                                           QLocale().toString(count))
    return translate("Commands", "%s…") % command.text()


# ---------------------------------------------------------------- items


class SaveItemCommand(StoreCommand):
    """Create or edit one item, with the people and sources created for it on the way."""

    def __init__(self, fb, item: Item, *, new_people: Sequence[Person] = (),
                 new_sources: Sequence[Source] = ()):
        self.is_new = not item.id or fb.get_item(item.id) is None
        label = item.title or item.text
        short = label if len(label) <= 40 else label[:39] + "…"
        text = save_item_text(item.kind, self.is_new) % short
        super().__init__(fb, text)
        self._item = item
        self._people = list(new_people)
        self._sources = list(new_sources)
        self._before: list[snap.ItemSnapshot] = []
        self._stored: Item | None = None

    @property
    def item_id(self) -> str:
        return self._stored.id if self._stored else self._item.id

    def item_ids(self) -> list[str]:
        return [self.item_id]

    def apply(self) -> None:
        fb = self.fb
        with fb.transaction():
            if self._stored is None and not self.is_new:
                self._before = snap.capture_items(fb, [self._item.id])
            if self._people:
                fb.save_people(self._people)
            if self._sources:
                fb.save_sources(self._sources)
            if self._stored is None:
                self._stored = fb.save_item(self._item)
            else:
                fb.save_items([self._stored], touch=False)

    def revert(self) -> None:
        fb = self.fb
        with fb.transaction():
            if self.is_new:
                fb.delete_items([self.item_id])
            else:
                snap.restore_items(fb, self._before)
            for person in self._people:
                fb.delete_person(person.id)
            for source in self._sources:
                fb.delete_source(source.id)


class EditItemsCommand(StoreCommand):
    """One change applied to many items (bulk tag, status, marking)."""

    def __init__(self, fb, ids: Sequence[str], change: Callable[[Item], Item], text: str):
        super().__init__(fb, text)
        self._ids = list(ids)
        self._change = change
        self._before: list[snap.ItemSnapshot] = []
        self._after: list[Item] | None = None

    def item_ids(self) -> list[str]:
        return list(self._ids)

    @property
    def changed_count(self) -> int:
        return len(self._after or [])

    def is_noop(self) -> bool:
        return self._after is not None and not self._after

    def apply(self) -> None:
        fb = self.fb
        with fb.transaction():
            if self._after is None:
                snapshots = snap.capture_items(fb, self._ids)
                changed = []
                for snapshot in snapshots:
                    after = self._change(replace(
                        snapshot.item, tags=list(snapshot.item.tags),
                        people=list(snapshot.item.people)))
                    if after != snapshot.item:
                        changed.append((snapshot, after))
                self._before = [s for s, _ in changed]
                self._after = fb.save_items([a for _, a in changed]) if changed else []
            elif self._after:
                fb.save_items(self._after, touch=False)

    def revert(self) -> None:
        snap.restore_items(self.fb, self._before)


class DeleteItemsCommand(StoreCommand):
    """Delete items; undo brings them back with tags, people and citing blocks."""

    def __init__(self, fb, ids: Sequence[str]):
        count = len(ids)
        super().__init__(fb, translate("Commands", "Delete 1 item") if count == 1
                         else translate("Commands", "Delete %d items") % count)
        self._ids = list(ids)
        self._snapshots: list[snap.ItemSnapshot] | None = None

    def item_ids(self) -> list[str]:
        return list(self._ids)

    def apply(self) -> None:
        with self.fb.transaction():
            if self._snapshots is None:
                self._snapshots = snap.capture_items(self.fb, self._ids)
            self.fb.delete_items(self._ids)

    def revert(self) -> None:
        snap.restore_items(self.fb, self._snapshots or [])


# ---------------------------------------------------------------- people and sources


class SavePersonCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, person: Person):
        self._before = fb.get_person(person.id) if person.id else None
        text = (translate("Commands", "Edit person %s") if self._before
                else translate("Commands", "New person %s"))
        super().__init__(fb, text % person.name)
        self._person = person

    def apply(self) -> None:
        self._person = self.fb.save_person(self._person)

    def revert(self) -> None:
        if self._before is None:
            self.fb.delete_person(self._person.id)
        else:
            self.fb.save_person(self._before)


class SaveSourceCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, source: Source):
        self._before = fb.get_source(source.id) if source.id else None
        text = (translate("Commands", "Edit source %s") if self._before
                else translate("Commands", "New source %s"))
        super().__init__(fb, text % source.outlet)
        self._source = source

    def apply(self) -> None:
        self._source = self.fb.save_source(self._source)

    def revert(self) -> None:
        if self._before is None:
            self.fb.delete_source(self._source.id)
        else:
            self.fb.save_source(self._before)


class DeletePersonCommand(StoreCommand):
    """Delete a person nothing refers to (the store refuses otherwise)."""

    def __init__(self, fb, person: Person):
        super().__init__(fb, translate("Commands", "Delete person %s") % person.name)
        self._person = person

    def apply(self) -> None:
        self.fb.delete_person(self._person.id)

    def revert(self) -> None:
        self.fb.save_person(self._person)


class DeleteSourceCommand(StoreCommand):
    def __init__(self, fb, source: Source):
        super().__init__(fb, translate("Commands", "Delete source %s") % source.outlet)
        self._source = source

    def apply(self) -> None:
        self.fb.delete_source(self._source.id)

    def revert(self) -> None:
        self.fb.save_source(self._source)


class MergePeopleCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, survivor: Person, other: Person):
        super().__init__(fb, translate("Commands", "Merge %s into %s")
                         % (other.name, survivor.name))
        self._ids = (survivor.id, other.id)
        self._merge: snap.PersonMerge | None = None

    def apply(self) -> None:
        with self.fb.transaction():
            self._merge = snap.capture_person_merge(self.fb, *self._ids)
            self.fb.merge_people(*self._ids)

    def revert(self) -> None:
        snap.undo_person_merge(self.fb, self._merge)


class MergeSourcesCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, survivor: Source, other: Source):
        super().__init__(fb, translate("Commands", "Merge %s into %s")
                         % (other.outlet, survivor.outlet))
        self._ids = (survivor.id, other.id)
        self._merge: snap.SourceMerge | None = None

    def apply(self) -> None:
        with self.fb.transaction():
            self._merge = snap.capture_source_merge(self.fb, *self._ids)
            self.fb.merge_sources(*self._ids)

    def revert(self) -> None:
        snap.undo_source_merge(self.fb, self._merge)


# ---------------------------------------------------------------- tags


class RenameTagCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, old: str, new: str):
        super().__init__(fb, translate("Commands", "Rename tag %s to %s") % (old, new))
        self.old, self.new = old, new.strip()

    def apply(self) -> None:
        self.fb.rename_tag(self.old, self.new)

    def revert(self) -> None:
        self.fb.rename_tag(self.new, self.old)


class MergeTagsCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, survivor: str, other: str):
        super().__init__(fb, translate("Commands", "Merge tag %s into %s") % (other, survivor))
        self._survivor, self._other = survivor, other
        self._snapshot: snap.TagSnapshot | None = None

    def apply(self) -> None:
        with self.fb.transaction():
            self._snapshot = snap.capture_tag(self.fb, self._other, survivor=self._survivor)
            self.fb.merge_tags(self._survivor, self._other)

    def revert(self) -> None:
        snap.restore_tag(self.fb, self._snapshot)


class DeleteTagCommand(StoreCommand):
    reaches_items = True

    def __init__(self, fb, name: str):
        super().__init__(fb, translate("Commands", "Delete tag %s") % name)
        self._name = name
        self._snapshot: snap.TagSnapshot | None = None

    def apply(self) -> None:
        with self.fb.transaction():
            self._snapshot = snap.capture_tag(self.fb, self._name)
            self.fb.delete_tag(self._name)

    def revert(self) -> None:
        snap.restore_tag(self.fb, self._snapshot)
