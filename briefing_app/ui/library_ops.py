"""The window's door to the core: runs operations on the Library and shows its undo stack.

The core keeps the one undo stack (:class:`~briefing_app.core.undo.UndoStack`); this
adapter only gives it Qt's face: signals for the Undo and Redo actions, and a worker with
a progress dialog and Cancel for operations that may take long. After every operation,
undo and redo that committed it emits :attr:`LibraryOps.performed` with the
:class:`~briefing_app.core.changes.Changes` and the operation, on the UI thread; parts of
the window refresh only what the change touches.

The window may open another file: :meth:`LibraryOps.set_library` switches every caller to
it at once (the old file's undo steps go with the old library).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication

from briefing_app.core.changes import Changes
from briefing_app.core.errors import ChangeCancelled, FactBaseError
from briefing_app.core.library import Library
from briefing_app.core.undo import Operation
from briefing_app.ui.workers import Cancelled, JobCancelled, run_and_wait

translate = QCoreApplication.translate  # by this name, so lupdate reads the context


class LibraryOps(QObject):
    """``window.undo_stack``: perform, undo and redo through the window's Library."""

    canUndoChanged = Signal(bool)  # noqa: N815 - named like QUndoStack's, which it replaces
    canRedoChanged = Signal(bool)  # noqa: N815
    undoTextChanged = Signal(str)  # noqa: N815
    redoTextChanged = Signal(str)  # noqa: N815
    performed = Signal(object, object)  # Changes, Operation (after do, undo and redo)
    failed = Signal(str, object)  # message, Operation: an undo or redo that could not run

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self._library: Library | None = None
        self._shown: tuple = ()
        self.set_library(library)

    # ------------------------------------------------------------ the library

    @property
    def library(self) -> Library:
        return self._library

    def set_library(self, library: Library) -> None:
        """Work on ``library`` from now on (another file was opened)."""
        self._library = library
        self.sync()

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
        """``run(cancelled)`` here, or on a worker when the operation may take long."""
        if not operation.may_take_long() or QApplication.instance() is None:
            return run(None)

        def job(_progress, cancelled: Cancelled) -> Changes:
            return run(cancelled)

        try:
            return run_and_wait(job, label=_progress_label(operation), cancellable=cancellable)
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


def _progress_label(operation: Operation) -> str:
    count = len(operation.item_ids())
    if count > 1:
        return translate("Commands", "%s (%s items)…") % (operation.label,
                                                           QLocale().toString(count))
    return translate("Commands", "%s…") % operation.label

