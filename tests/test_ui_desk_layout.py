"""The main window on a laptop (1366 x 768) and on a big screen (1920 x 1080), as a new
staffer first sees it: what each part shows, in pixels."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings
from briefing_app.ui.window_layout import TITLE_MIN, details_min_width, layout_report

ROOT = Path(__file__).resolve().parent.parent
LAPTOP, BIG = (1366, 768), (1920, 1080)


def first_start(qtbot, fact_base, tmp_path, size) -> MainWindow:
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_value("welcome/dismissed", True)
    window = MainWindow(fact_base, fact_base.path, settings=settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the composer's first layout is finished once the window is laid out
    return window


def assert_readable_table(report, window) -> None:
    columns = report["columns"]
    assert list(columns)[:3] == ["kind", "date", "title"]
    date_text = window.item_view.fontMetrics().horizontalAdvance("September 2025")
    assert columns["date"] > date_text
    assert columns["title"] >= TITLE_MIN


def test_a_laptop_screen_shows_kind_date_title_and_eight_blocks(qtbot, sample_fb, tmp_path):
    window = first_start(qtbot, sample_fb, tmp_path, LAPTOP)
    report = layout_report(window)
    assert_readable_table(report, window)
    assert report["blocks_in_view"] >= 8
    assert report["sidebar"] >= 200  # tag names are not cut
    assert report["preview"] == 0 and report["details"] == 0  # each one keystroke away

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # View > Show Preview
    qtbot.waitUntil(lambda: window.composer.preview.isVisible())
    assert window.composer.preview.width() >= 250  # the HTML preview reflows to it

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # View > Show Details
    qtbot.waitUntil(lambda: window.details.isVisible())
    assert window.details.width() >= details_min_width(window.details) >= 200
    # the briefings list is a tab beside the composer: every briefing one click away
    assert window.tabifiedDockWidgets(window.composer.composer_dock) == [
        window.composer.briefings_dock]


def test_a_big_screen_shows_table_details_composer_and_preview_at_once(
        qtbot, sample_fb, tmp_path):
    window = first_start(qtbot, sample_fb, tmp_path, BIG)
    report = layout_report(window)
    assert_readable_table(report, window)
    assert report["details"] >= 250
    assert report["composer"] >= 400 and report["preview"] >= 400
    assert report["blocks_in_view"] >= 8
    briefings = window.composer.briefings.list
    assert briefings.viewport().height() >= 3 * briefings.sizeHintForRow(0)


def test_the_shown_preview_is_remembered(qtbot, sample_fb, tmp_path):
    window = first_start(qtbot, sample_fb, tmp_path, LAPTOP)
    window.composer.actions["toggle_preview"].setChecked(True)
    window.close()
    again = first_start(qtbot, sample_fb, tmp_path, LAPTOP)
    assert again.composer.preview.isVisible()


def test_a_composer_dragged_narrow_keeps_its_buttons_readable(qtbot, sample_fb, tmp_path):
    window = first_start(qtbot, sample_fb, tmp_path, LAPTOP)
    bar = window.findChild(QToolBar, "composerAddBar")
    keys = ("add_paragraph", "add_bullet", "add_talking_point", "add_section")
    buttons = [window.findChild(QToolButton, f"button_{key}") for key in keys]
    assert all(b.isVisible() for b in buttons)  # the first layout has room for all four

    window.resizeDocks([window.composer.composer_dock], [150], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not all(b.isVisible() for b in buttons))
    shown = [b for b in buttons if b.isVisible()]
    assert shown and all(b.width() >= b.sizeHint().width() for b in shown)  # "+ Paragraph"
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")  # the rest, whole, in »
    assert more.isVisible()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (apt install xvfb)")
@pytest.mark.parametrize("size", [LAPTOP, BIG], ids=["1366x768", "1920x1080"])
def test_on_a_real_x_screen_of_that_size(size, tmp_path):
    width, height = size
    shot = tmp_path / "main-window.png"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable,
         str(ROOT / "scripts" / "screenshots.py"), "--size", f"{width}x{height}",
         "--report", "--out", str(shot)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["window"] == [width, height]
    assert list(report["columns"])[:3] == ["kind", "date", "title"]
    assert report["columns"]["title"] >= TITLE_MIN
    assert report["blocks_in_view"] >= 8
    assert shot.stat().st_size > 10_000
