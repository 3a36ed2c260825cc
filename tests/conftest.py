"""Shared fixtures. Tests run headless: Qt uses the offscreen platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


def pytest_configure(config):
    """Guard against PySide6 6.12's None refcount bug on Python 3.11 before any Qt test runs
    (tests build widgets without going through the app's start-up)."""
    import briefing_app.ui  # noqa: F401  (applies the guard on import)


@pytest.fixture
def fb():
    """An empty fact base in memory."""
    from briefing_app.store import FactBase

    base = FactBase.open(":memory:")
    yield base
    base.close()


@pytest.fixture
def db_path(tmp_path):
    """Where an on-disk fact base may be created."""
    return tmp_path / "facts.sqlite"


@pytest.fixture
def disk_fb(db_path):
    """An empty fact base on disk in a temporary folder."""
    from briefing_app.store import FactBase

    base = FactBase.open(db_path)
    yield base
    base.close()


@pytest.fixture
def sample_fb(tmp_path):
    """A fact base on disk holding the shipped sample (the Petro-Trump meeting)."""
    from briefing_app.exchange.sample import create_fact_base

    base = create_fact_base(tmp_path / "sample.sqlite")
    yield base
    base.close()


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Never touch the real user's fact base or settings from a test."""
    monkeypatch.setenv("BRIEFING_APP_DB", str(tmp_path / "default-factbase.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _no_background_job_outlives_its_test(request):
    """Workers run on Qt's global thread pool (two threads on a two-core machine). A job
    left running by one test would starve the next test's workers, so each test must
    leave the pool idle; the test that does not is named here."""
    yield
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    pool = QThreadPool.globalInstance()
    if pool.activeThreadCount() == 0:
        return
    app = QApplication.instance()
    for _ in range(100):  # up to ~5 s, delivering the workers' queued signals meanwhile
        if pool.waitForDone(50):
            break
        if app is not None:
            app.processEvents()
    else:
        pytest.fail(f"{request.node.nodeid} left a background job running", pytrace=False)


@pytest.fixture
def opened(qtbot, sample_fb, tmp_path):
    """The main window on the sample fact base and its editing controller, shown."""
    from editing_helpers import open_window

    return open_window(qtbot, sample_fb, tmp_path)


@pytest.fixture
def window(opened):
    return opened[0]


@pytest.fixture
def editing(opened):
    return opened[1]


@pytest.fixture
def answers(qtbot):
    """Answers the message boxes and text questions the app shows, as a user would: Yes
    unless the test sets ``answers.button``, ``answers.typing`` typed into a text
    question (see :class:`message_helpers.Answers`)."""
    from message_helpers import Answers

    answering = Answers()
    yield answering
    answering.stop()


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster (tests/pg_server.py), started only when a team library
    test asks for it and stopped at the end of the session."""
    from pg_server import running_cluster

    with running_cluster() as cluster:
        yield cluster
