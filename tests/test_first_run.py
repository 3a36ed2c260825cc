"""The first start of a new user: no fact base, no settings. The default fact base is
created with the sample and the window opens on the sample briefing with its memo shown,
without the user doing anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBase
from briefing_app.ui.app import open_start_library, start_path
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings

REPO = Path(__file__).resolve().parent.parent
SUBJECT = "Your meeting with Colombian President Gustavo Petro"


@pytest.fixture
def fresh_profile(tmp_path, monkeypatch) -> Path:
    """Empty data and config folders and no $BRIEFING_APP_DB: the default fact base is
    the one in the (empty) user data folder. Returns where it will be."""
    monkeypatch.delenv("BRIEFING_APP_DB", raising=False)
    return tmp_path / "xdg-data" / "BriefingBuilder" / "factbase.sqlite"


def start_window(qtbot) -> MainWindow:
    """What run_gui does before app.exec(): the start path, the fact base, the window."""
    settings = AppSettings()
    path = start_path(None, settings)
    window = MainWindow(open_start_library(path), path, settings=settings,
                        owns_fact_base=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def memo_text(window) -> str:
    return window.composer.preview.browser.toPlainText()


def test_the_first_window_shows_the_sample_memo_and_the_welcome(qtbot, fresh_profile):
    assert not fresh_profile.exists()
    window = start_window(qtbot)

    assert fresh_profile.is_file()
    assert window.db_path == fresh_profile
    composer = window.composer
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    assert composer.panel.title.text() == "Meeting with Colombian President Gustavo Petro"
    assert composer.composer_dock.isVisible()
    qtbot.waitUntil(lambda: SUBJECT in memo_text(window), timeout=15000)
    assert "MEMORANDUM" in memo_text(window)
    assert window.item_model.rowCount() == window.fact_base.item_count() > 0
    assert window.welcome.is_shown()


def test_the_second_start_opens_the_same_fact_base_without_adding_the_sample_again(
        qtbot, fresh_profile):
    first = start_window(qtbot)
    items = first.fact_base.item_count()
    qtbot.waitUntil(lambda: SUBJECT in memo_text(first), timeout=15000)
    first.close()

    second = start_window(qtbot)
    assert second.db_path == fresh_profile
    assert second.fact_base.item_count() == items
    assert [b.id for b in second.fact_base.list_briefings()] == [SAMPLE_BRIEFING_ID]
    qtbot.waitUntil(lambda: SUBJECT in memo_text(second), timeout=15000)


def test_a_named_fact_base_is_never_filled_with_the_sample(tmp_path, fresh_profile):
    named = tmp_path / "mine.sqlite"
    with open_start_library(named) as library:
        fb = library.store
        assert fb.item_count() == 0 and fb.list_briefings() == []
    assert not fresh_profile.exists()


def test_briefing_app_without_arguments_creates_the_default_fact_base(tmp_path):
    """The real command in a new process, as a desktop launcher starts it (``--smoke``
    closes the window once it is on screen)."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_APP_DB"}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-m", "briefing_app", "--smoke"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

    created = tmp_path / "data" / "BriefingBuilder" / "factbase.sqlite"
    with FactBase.open(created) as fb:
        assert [b.id for b in fb.list_briefings()] == [SAMPLE_BRIEFING_ID]
        assert fb.item_count() > 0
    settings = AppSettings(tmp_path / "config" / "BriefingBuilder" / "BriefingBuilder.ini")
    assert settings.last_file() == str(created.resolve())
    assert settings.value("welcome/dismissed") is False
