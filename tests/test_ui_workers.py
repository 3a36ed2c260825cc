"""The background worker: results, errors, progress and Cancel reach the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from briefing_app.store import FactBase
from briefing_app.ui.workers import JobCancelled, LatestRead, Worker, run_with_progress


def test_the_job_runs_off_the_ui_thread_and_its_result_arrives_on_it(qtbot):
    ran_on: list[object] = []
    received_on: list[object] = []

    def job(progress, cancelled):
        ran_on.append(threading.get_ident())
        return 6 * 7

    worker = Worker(job)
    worker.signals.finished.connect(lambda _r: received_on.append(QThread.currentThread()))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [42]
    assert ran_on and ran_on[0] != threading.get_ident()
    assert received_on == [QApplication.instance().thread()]


def test_an_exception_is_reported_with_its_traceback(qtbot):
    def job(progress, cancelled):
        raise ValueError("row 3: no text")

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        worker.start()
    error = blocker.args[0]
    assert isinstance(error, ValueError) and str(error) == "row 3: no text"
    assert "ValueError: row 3: no text" in error.traceback_text


def test_progress_is_reported_in_order(qtbot):
    seen: list[tuple[int, int]] = []

    def job(progress, cancelled):
        for done in range(1, 4):
            progress(done, 3)
        return None

    worker = Worker(job)
    worker.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.signals.done, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cancel_stops_a_job_that_checks_cancelled(qtbot):
    started = threading.Event()

    def job(progress, cancelled):
        started.set()
        while not cancelled():
            QThread.msleep(5)
        raise JobCancelled

    worker = Worker(job)
    finished: list[object] = []
    worker.signals.finished.connect(finished.append)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start()
        assert started.wait(5)
        worker.cancel()
    assert finished == []


def test_a_job_that_returns_after_cancel_counts_as_cancelled(qtbot):
    def job(progress, cancelled):
        while not cancelled():
            QThread.msleep(5)
        return "partial"

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start()
        worker.cancel()


def test_the_worker_uses_its_own_fact_base_connection(qtbot, sample_fb):
    """The documented pattern: pass the path, open a FactBase in the job."""
    path = sample_fb.path

    def job(progress, cancelled):
        with FactBase.open(path) as own:
            return own.item_count()

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [sample_fb.item_count()]


def test_progress_dialog_cancel_button_cancels_the_job(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    outcomes: list[str] = []

    def job(progress, cancelled):
        started.set()
        progress(1, 10)
        while not cancelled():
            QThread.msleep(5)
        raise JobCancelled

    worker = run_with_progress(
        parent, job, label="Importing…",
        on_finished=lambda _r: outcomes.append("finished"),
        on_cancelled=lambda: outcomes.append("cancelled"),
    )
    dialog = worker.dialog
    assert isinstance(dialog, QProgressDialog)
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 10, timeout=2000)  # progress reached it
    dialog.show()
    cancel_button = dialog.findChildren(QPushButton)[0]
    assert cancel_button.text() == "Cancel"
    cancel_button.click()
    qtbot.waitUntil(lambda: outcomes == ["cancelled"], timeout=5000)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and soon deleted)


def test_a_job_with_no_count_of_what_is_left_shows_a_busy_bar(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    counted, finishing, release = threading.Event(), threading.Event(), threading.Event()

    def job(progress, cancelled):
        progress(40, 50)
        counted.wait(5)
        progress(50, 0)  # read everything; now the part it cannot count
        finishing.set()
        release.wait(5)
        return "ok"

    worker = run_with_progress(parent, job, label="Importing…")
    dialog = worker.dialog
    qtbot.waitUntil(lambda: dialog.maximum() == 50 and dialog.value() == 40, timeout=2000)
    counted.set()
    assert finishing.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 0, timeout=2000)  # Qt's busy indicator
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        release.set()


def test_progress_dialog_closes_before_the_result_handler_runs(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    visible_when_done: list[bool] = []
    holder: dict[str, Worker] = {}

    def job(progress, cancelled):
        return "ok"

    def on_finished(result):
        visible_when_done.append(holder["worker"].dialog.isVisible())

    holder["worker"] = run_with_progress(parent, job, label="Exporting…",
                                         on_finished=on_finished)
    holder["worker"].dialog.show()
    qtbot.waitUntil(lambda: visible_when_done == [False], timeout=5000)


def test_progress_dialog_reports_a_failure(qtbot):
    errors: list[BaseException] = []

    def job(progress, cancelled):
        raise OSError("disk full")

    run_with_progress(None, job, label="Backing up…", on_failed=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert str(errors[0]) == "disk full"


def test_a_started_worker_needs_no_reference_from_the_caller(qtbot):
    import gc

    results: list[object] = []

    def start() -> None:
        worker = Worker(lambda progress, cancelled: "kept alive")
        worker.signals.finished.connect(results.append)
        worker.start()

    start()
    gc.collect()
    qtbot.waitUntil(lambda: results == ["kept alive"], timeout=5000)


def latest_read(qtbot):
    """A LatestRead whose reads wait for the test to let them go, and what arrived."""
    go, reads, arrived = threading.Semaphore(0), [], []

    def read():
        reads.append(len(reads) + 1)
        go.acquire()
        return f"read {len(reads)}"

    return LatestRead(read, arrived.append), go, reads, arrived


def test_asked_while_it_reads_it_reads_once_more_and_only_the_last_arrives(qtbot):
    reader, go, reads, arrived = latest_read(qtbot)
    for _ in range(3):  # three changes in quick succession
        reader.ask()
    assert reader.running and reader.reads_started == 1
    go.release()
    qtbot.waitUntil(lambda: reader.reads_started == 2)
    assert arrived == []  # the first read was already out of date
    go.release()
    qtbot.waitUntil(lambda: not reader.running)
    assert arrived == ["read 2"] and reads == [1, 2]


def test_a_dropped_read_never_arrives_and_a_failed_one_arrives_as_none(qtbot):
    reader, go, _reads, arrived = latest_read(qtbot)
    reader.ask()
    reader.drop()
    go.release()
    qtbot.waitUntil(lambda: not reader.running)
    assert arrived == []

    failing = LatestRead(lambda: 1 / 0, arrived.append)
    failing.ask()
    qtbot.waitUntil(lambda: not failing.running)
    assert arrived == [None]
