"""``briefing-app --smoke``: the start check the bundle test and packagers rely on."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from briefing_app.cli import main
from briefing_app.exchange.sample import create_fact_base
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.workers import Worker


@pytest.fixture
def sample_db(tmp_path):
    path = tmp_path / "sample.sqlite"
    create_fact_base(path).close()
    return path


def open_main_windows() -> list:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()]


def test_smoke_opens_the_window_on_the_fact_base_then_closes_it(qapp, sample_db, capsys):
    assert main(["--db", str(sample_db), "--smoke"]) == 0
    assert "main window opened and closed (offscreen)" in capsys.readouterr().out
    assert open_main_windows() == []


def test_smoke_reports_a_missing_fact_base_like_the_commands(qapp, tmp_path, capsys):
    assert main(["--db", str(tmp_path / "missing.sqlite"), "--smoke"]) == 1
    assert "no fact base at" in capsys.readouterr().err


def test_smoke_takes_no_command(sample_db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(sample_db), "--smoke", "briefings"])
    assert exit_info.value.code == 2
    assert "--smoke opens the desktop app" in capsys.readouterr().err


def test_the_app_icon_has_every_rendered_size(qapp):
    from briefing_app.ui.app import ICON_SIZES, app_icon

    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)  # all found through resource_path, as in the bundle


def test_the_app_ends_only_after_the_jobs_still_running_as_its_window_closed(qapp, sample_db):
    """A job on the shared pool (the sidebar's counts, the file check, a backup) still
    running as the window closes ends before the app does: Python tore its signals down
    under it, which printed a traceback as the app ended."""
    ended = []

    def job(_progress, _cancelled):
        time.sleep(1.5)  # longer than a smoke run's window is open
        ended.append(True)

    Worker(job).start()
    assert main(["--db", str(sample_db), "--smoke"]) == 0
    assert ended == [True]
