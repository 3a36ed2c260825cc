"""Long jobs (import, export, render, backup) off the UI thread, with progress and Cancel.

A job is a plain function ``job(progress, cancelled) -> result``: it calls
``progress(done, total)`` now and then and checks ``cancelled()`` between steps, which is
exactly what ``briefing_app.exchange.factpack`` and ``csv_import`` accept. :class:`Worker` runs it
on the global QThreadPool and reports back through Qt signals, which Qt delivers on the UI
thread. A job may use the window's store as it is: the store gives every thread its own
reader and serialises writes (see ``briefing_app/store/connection.py``); no job opens,
shares or special-cases a connection.

:func:`run_with_progress` adds the modal progress dialog with a Cancel button that every
long job in the app shows.

Usage::

    worker = Worker(lambda progress, cancelled: import_pack(path, progress, cancelled))
    worker.signals.finished.connect(on_done)      # result
    worker.signals.failed.connect(on_error)       # exception
    worker.signals.cancelled.connect(on_cancel)   # job stopped because Cancel was pressed
    worker.start()
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]


class JobCancelled(Exception):  # noqa: N818 - reads as an event, like KeyboardInterrupt
    """A job may raise this when it notices ``cancelled()``; the worker reports a cancel."""


class WorkerSignals(QObject):
    """Signals live on a QObject; a QRunnable cannot carry them itself."""

    progress = Signal(int, int)  # done, total (total 0 = unknown)
    finished = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception (its traceback text is in .traceback_text)
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled: clean up here


_RUNNING: set[Worker] = set()
"""Started workers, kept alive until their ``done`` reaches the UI thread: Python must not
delete a QRunnable (or its signals) while the pool thread still runs it, and callers need
not hold on to a worker they started."""


class Worker(QRunnable):
    """Runs one job on a pool thread. Cancel with :meth:`cancel` from the UI thread."""

    def __init__(self, job: Job):
        super().__init__()
        self._job = job
        self._cancel = threading.Event()
        self.signals = WorkerSignals()
        self.setAutoDelete(False)  # we hold the reference; Qt must not delete it under us

    # --------------------------------------------------------------- UI thread

    def start(self, pool: QThreadPool | None = None) -> None:
        _RUNNING.add(self)
        self.signals.done.connect(self._release)
        (pool or QThreadPool.globalInstance()).start(self)

    def _release(self) -> None:
        _RUNNING.discard(self)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    # --------------------------------------------------------------- pool thread

    def run(self) -> None:
        signals = self.signals
        try:
            result = self._job(self._report, self._cancel.is_set)
        except JobCancelled:
            signals.cancelled.emit()
        except BaseException as error:  # noqa: BLE001 - everything must reach the UI
            error.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            signals.failed.emit(error)
        else:
            if self._cancel.is_set():
                signals.cancelled.emit()
            else:
                signals.finished.emit(result)
        signals.done.emit()

    def _report(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))


class LatestRead(QObject):
    """One read at a time on a worker, and only the latest reaches ``arrived``: a read
    asked for while one runs (changes saved in quick succession) runs once after it, not
    once each, so reads over a big fact base never pile up on the worker threads. A read
    that fails arrives as None (the caller keeps what it had)."""

    def __init__(self, read: Callable[[], Any], arrived: Callable[[Any], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._arrived = read, arrived
        self._worker: Worker | None = None
        self._again = False  # asked for while a read ran
        self._dropped = False  # the read running is no longer wanted
        self.reads_started = 0

    @property
    def running(self) -> bool:
        return self._worker is not None

    def ask(self) -> None:
        """Read now, or once the read running has ended."""
        self._dropped = False
        if self._worker is not None:
            self._again = True
        else:
            self._start()

    def drop(self) -> None:
        """The read running (if any) is no longer wanted: what it finds never arrives."""
        self._again = False
        self._dropped = self._worker is not None

    def _start(self) -> None:
        self._again = False
        self.reads_started += 1
        read = self._read
        worker = Worker(lambda _progress, _cancelled: read())
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(lambda _error: self._done(None))
        self._worker = worker
        worker.start()

    def _done(self, result: Any) -> None:
        self._worker = None
        if self._again:
            self._start()
        elif self._dropped:
            self._dropped = False
        else:
            self._arrived(result)


def finish_jobs(pool: QThreadPool | None = None, wait_ms: int = 10_000) -> bool:
    """Drop the jobs of ``pool`` (default: the shared pool) not yet started and wait for
    those running; whether all ended. For a window or the app that ends: closing the fact
    base has interrupted the jobs' reads, so they end soon, and Python must not tear down
    a job's signals while it still runs (that printed a traceback as the app ended, and a
    backup cut off midway would leave its temporary file behind)."""
    pool = pool or QThreadPool.globalInstance()
    pool.clear()
    return pool.waitForDone(wait_ms)


def run_with_progress(
    parent: QWidget | None,
    job: Job,
    *,
    label: str,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Worker:
    """Start ``job`` in a worker behind a window-modal progress dialog with Cancel.

    The dialog appears only if the job lasts more than half a second (Qt's minimum
    duration), so quick jobs do not flash a window. Pressing Cancel asks the job to stop;
    the dialog closes when the job has really ended. The caller need not keep the returned
    worker; its dialog is ``worker.dialog``.
    """
    translate = QCoreApplication.translate
    dialog = JobDialog(label, parent, modality=Qt.WindowModality.WindowModal, after_ms=500)
    dialog.setValue(0)

    worker = Worker(job)
    worker.dialog = dialog  # type: ignore[attr-defined]

    def show_progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        elif done > 0:  # started, with no count of what is left: a busy bar, not a
            dialog.setMaximum(0)  # bar that stops short of the end for seconds

    def on_cancel_pressed() -> None:
        worker.cancel()
        dialog.setLabelText(translate("Workers", "Cancelling…"))

    def close_dialog(*_outcome: object) -> None:
        dialog.canceled.disconnect(on_cancel_pressed)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    dialog.canceled.connect(on_cancel_pressed)
    worker.signals.progress.connect(show_progress)
    # Signals emitted on the pool thread reach these slots queued, on the UI thread, in
    # connection order: the dialog closes before the result handlers show message boxes.
    for outcome in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
        outcome.connect(close_dialog)
    if on_finished is not None:
        worker.signals.finished.connect(on_finished)
    if on_failed is not None:
        worker.signals.failed.connect(on_failed)
    if on_cancelled is not None:
        worker.signals.cancelled.connect(on_cancelled)
    worker.start(pool)
    return worker


QUIET_MS = 300
"""How long :func:`run_and_wait` waits before it shows its dialog: changes shorter than
this (nearly all) show nothing."""


class JobDialog(QProgressDialog):
    """The progress dialog of a job: busy (or counting, once the job gives a total), shown
    ``after_ms`` into it. One that may not be cancelled has no Cancel button and ignores Esc
    and the window's close button, so it stays up until the job ends."""

    def __init__(self, label: str, parent: QWidget | None, *, modality: Qt.WindowModality,
                 after_ms: int, cancellable: bool = True):
        translate = QCoreApplication.translate
        super().__init__(label, translate("Workers", "Cancel"), 0, 0, parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)
        self.setWindowTitle(translate("Workers", "Working…"))
        self.set_label(label)
        self.setWindowModality(modality)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(after_ms)

    def set_label(self, text: str) -> None:
        """Say ``text``, to screen readers too."""
        self.setLabelText(text)
        self.setAccessibleName(text)

    def reject(self) -> None:
        if self.cancellable:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class _DialogText(QObject):
    """The text a job's dialog shows: the latest one a ``relabel`` signal carried (from
    any thread; Qt delivers it here, on the UI thread), also before the dialog exists."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.dialog: JobDialog | None = None

    @Slot(str)
    def show(self, text: str) -> None:
        self.text = text
        if self.dialog is not None:
            self.dialog.set_label(text)


def run_and_wait(
    job: Job,
    *,
    label: str,
    cancellable: bool = True,
    parent: QWidget | None = None,
    pool: QThreadPool | None = None,
    relabel: SignalInstance | None = None,
) -> Any:
    """Run ``job`` on a worker and return its result, as calling it would, while the UI
    thread keeps painting instead of doing the work.

    For the first :data:`QUIET_MS` the window takes no input (nothing can start another
    change meanwhile); after that an application-modal dialog shows ``label`` and, when
    ``cancellable``, a Cancel button. Raises what the job raised, and :class:`JobCancelled`
    when Cancel stopped it; a job that finished is never reported cancelled, even if
    Cancel came too late to stop it. ``relabel``, a signal the job may emit with a new
    text for the dialog (e.g. while it waits for another program), changes ``label``.
    """
    state: dict[str, Any] = {}
    text = _DialogText(label)
    if relabel is not None:
        relabel.connect(text.show)

    def tracked(progress: Progress, cancelled: Cancelled) -> Any:
        state["result"] = job(progress, cancelled)
        state["completed"] = True  # read on the UI thread only after ``done``
        return state["result"]

    worker = Worker(tracked)
    loop = QEventLoop()
    worker.signals.failed.connect(lambda error: state.setdefault("error", error))

    def ended() -> None:
        state["done"] = True
        loop.quit()

    worker.signals.done.connect(ended)
    worker.start(pool)
    QTimer.singleShot(QUIET_MS, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if not state.get("done"):
        dialog = JobDialog(text.text, parent or QApplication.activeWindow(),
                           modality=Qt.WindowModality.ApplicationModal, after_ms=0,
                           cancellable=cancellable)
        text.dialog = dialog

        def cancel() -> None:
            worker.cancel()
            text.dialog = None  # "Cancelling…" stays, whatever the job says next
            dialog.setLabelText(QCoreApplication.translate("Workers", "Cancelling…"))
            dialog.show()  # stays up until the job has really stopped

        dialog.canceled.connect(cancel)
        dialog.show()
        if not state.get("done"):
            loop.exec()
        dialog.canceled.disconnect(cancel)
        text.dialog = None
        dialog.hide()
        dialog.deleteLater()
    if relabel is not None:
        relabel.disconnect(text.show)
    if state.get("completed"):
        return state["result"]
    error = state.get("error")
    if error is not None:
        raise error
    raise JobCancelled()  # the job stopped itself, seeing the cancel request
