"""The window's door to the core: runs operations on the Library and shows its undo stack.

The core keeps the one undo stack (:class:`~briefing_app.core.undo.UndoStack`); this
adapter only gives it Qt's face: signals for the Undo and Redo actions, and a worker with
a progress dialog and Cancel for operations that may take long. After every operation,
undo and redo that committed it emits :attr:`LibraryOps.performed` with the
:class:`~briefing_app.core.changes.Changes` and the operation, on the UI thread; parts of
the window refresh only what the change touches.

The window may open another file: :meth:`LibraryOps.set_library` switches every caller to
it at once (the old file's undo steps go with the old library).

The UI thread never sits waiting for another program's write lock. A short change is
tried here first; when the store says another writer holds the fact base (after one
slice, a tenth of a second), nothing has been changed, and the change runs again on a
worker behind a dialog that says it is waiting, with Cancel. Long changes on a worker
show the same words while they wait. Any other write of the UI thread gives up at once
with a message (see :meth:`LibraryOps.set_library`).

Nor does it sit through the store's check of the file before the first change of a
session (SQLite's quick check reads the whole file: two seconds at a million items, more
from disk): a worker runs it once a fact base is open and the window shows it (half a
second later), and a change that comes before it is done runs on a worker too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from briefing_app.core.changes import Changes
from briefing_app.core.errors import ChangeCancelled, FactBaseError
from briefing_app.core.library import Library
from briefing_app.core.undo import Operation
from briefing_app.ui.workers import Cancelled, JobCancelled, Worker, run_and_wait

VERIFY_AFTER_MS = 500  # the file check starts once the window is up (see below)

translate = QCoreApplication.translate  # by this name, so lupdate reads the context


class LibraryOps(QObject):
    """``window.undo_stack``: perform, undo and redo through the window's Library."""

    canUndoChanged = Signal(bool)  # noqa: N815 - named like QUndoStack's, which it replaces
    canRedoChanged = Signal(bool)  # noqa: N815
    undoTextChanged = Signal(str)  # noqa: N815
    redoTextChanged = Signal(str)  # noqa: N815
    performed = Signal(object, object)  # Changes, Operation (after do, undo and redo)
    failed = Signal(str, object)  # message, Operation: an undo or redo that could not run
    _dialog_text = Signal(str)  # from a change's worker: what its progress dialog says


    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self._library: Library | None = None
        self._shown: tuple = ()
        self._ui_thread_waits = contextlib.ExitStack()
        self.set_library(library)

    # ------------------------------------------------------------ the library

    @property
    def library(self) -> Library:
        return self._library

    def set_library(self, library: Library) -> None:
        """Work on ``library`` from now on (another file was opened). A write of the UI
        thread that does not come through here (a saved search) and finds another writer
        fails at once with a message rather than freezing the window."""
        self._ui_thread_waits.close()
        self._library = library
        self._ui_thread_waits.enter_context(library.store.waiting_for_writer(_refuse))
        self._verify_in_background(library.store)
        self.sync()

    def _verify_in_background(self, store) -> None:
        """Check the file on a worker soon rather than in the first change (see the module
        docstring); a damaged file stays unverified, and its first change says so. The
        check waits until the window has shown its first rows: it reads the whole file,
        and reading beside it made the first page three times slower (15 ms, not 5)."""
        if store.verified or store.read_only or QApplication.instance() is None:
            return

        def start() -> None:
            if self._library.store is store and not store.verified:
                Worker(lambda _progress, _cancelled: store.verify_before_writing()).start()

        QTimer.singleShot(VERIFY_AFTER_MS, self, start)

    # ------------------------------------------------------------ changing

    def perform(self, operation: Operation, *, cancellable: bool = True) -> Changes:
        """Run ``operation`` and keep it for undo. One that may take long runs on a worker
        behind a progress dialog (Cancel raises ``ChangeCancelled``, nothing kept). Raises
        what the store raised; nothing is kept then."""
        library = self._library
        try:
            changes = self._run(
                operation, lambda cancelled: library.perform(operation, cancelled=cancelled),
                cancellable=cancellable)
        finally:
            self.sync()
        self.performed.emit(changes, operation)
        return changes

    def undo(self) -> None:
        self._step(self._library.undo_stack.next_undo(), self._library.undo)

    def redo(self) -> None:
        self._step(self._library.undo_stack.next_redo(), self._library.redo)

    def _step(self, operation: Operation | None, step: Callable[..., Changes]) -> None:
        if operation is None:
            return
        try:  # undo and redo: no stopping halfway
            changes = self._run(operation, lambda cancelled: step(cancelled=cancelled),
                                cancellable=False)
        except (FactBaseError, ValueError) as error:
            self.failed.emit(str(error), operation)
            return
        finally:
            self.sync()
        self.performed.emit(changes, operation)

    def _run(self, operation: Operation, run: Callable[[Cancelled | None], Changes], *,
             cancellable: bool) -> Changes:
        """``run(cancelled)`` here, or on a worker when the operation may take long or
        another program is writing to the fact base."""
        if QApplication.instance() is None:
            return run(None)
        if not operation.may_take_long() and self._library.store.verified:
            try:
                with self._library.store.waiting_for_writer(_hand_over):
                    return run(None)
            except _WriterTaken:
                pass  # nothing was changed: wait on a worker, the window goes on painting
            return self._on_worker(operation, run, cancellable=cancellable, waiting=True)
        return self._on_worker(operation, run, cancellable=cancellable, waiting=False)

    def _on_worker(self, operation: Operation, run: Callable[[Cancelled | None], Changes],
                   *, cancellable: bool, waiting: bool) -> Changes:
        """``run`` on a worker behind a progress dialog that says so while the change
        waits for another writer. Cancel stops a wait always (nothing is changed), and
        the change itself when ``cancellable``."""
        store, label, dialog_text = self._library.store, _progress_label(operation), \
            self._dialog_text

        def job(_progress, cancelled: Cancelled) -> Changes:
            def waited(_seconds: float, over: bool) -> None:
                dialog_text.emit(label if over else waiting_text())
                if not over and cancelled():
                    raise ChangeCancelled(translate(
                        "Commands", "You stopped waiting for the other program: the change "
                        "was not saved."))

            with store.waiting_for_writer(waited):
                return run(cancelled if cancellable else None)

        try:
            return run_and_wait(job, label=waiting_text() if waiting else label,
                                cancellable=cancellable or waiting, relabel=dialog_text)
        except JobCancelled as cancelled:
            raise ChangeCancelled() from cancelled

    # ------------------------------------------------------------ QUndoStack's face

    def count(self) -> int:
        return self._library.undo_stack.count()

    def index(self) -> int:
        return self._library.undo_stack.index()

    def canUndo(self) -> bool:  # noqa: N802 - QUndoStack's name
        return self._library.undo_stack.can_undo()

    def canRedo(self) -> bool:  # noqa: N802
        return self._library.undo_stack.can_redo()

    def undoText(self) -> str:  # noqa: N802
        return self._library.undo_stack.undo_label()

    def redoText(self) -> str:  # noqa: N802
        return self._library.undo_stack.redo_label()

    def clear(self) -> None:
        self._library.undo_stack.clear()
        self.sync()

    def sync(self) -> None:
        """Show the stack as it is now (called after every change made through this
        adapter; call it after running an operation on the library some other way, e.g.
        an import on a worker)."""
        shown = (self.canUndo(), self.canRedo(), self.undoText(), self.redoText())
        if shown == self._shown:
            return
        before = self._shown or (None, None, None, None)
        self._shown = shown
        for signal, old, new in zip(
                (self.canUndoChanged, self.canRedoChanged, self.undoTextChanged,
                 self.redoTextChanged), before, shown, strict=True):
            if old != new:
                signal.emit(new)


def waiting_text() -> str:
    """What a change's progress dialog says while another writer holds the fact base."""
    return translate("Commands",
                     "Waiting for another program to finish changing this fact base…")


class _WriterTaken(Exception):  # noqa: N818 - an event, not an error: the change moves
    """The UI thread's try found the writer taken; the change runs again on a worker."""


def _hand_over(_seconds: float, over: bool) -> None:
    if not over:
        raise _WriterTaken()


def _refuse(_seconds: float, over: bool) -> None:
    if not over:
        raise FactBaseError(translate(
            "Commands", "Could not save the change: another program is changing this fact "
            "base. Try again when it has finished."))


def _progress_label(operation: Operation) -> str:
    count = len(operation.item_ids())
    if count > 1:
        return translate("Commands", "%s (%s items)…") % (operation.label,
                                                           QLocale().toString(count))
    return translate("Commands", "%s…") % operation.label

