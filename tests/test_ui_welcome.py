"""The Welcome panel: the three steps on a fresh profile, buttons that do what they say,
"Don't show again" that holds for the next window, and Help > Show Welcome."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings
from briefing_app.ui.welcome import DISMISSED_KEY

SUBJECT = "Your meeting with Colombian President Gustavo Petro"


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "config" / "BriefingBuilder.ini"


@pytest.fixture
def open_window(qtbot, sample_fb, settings_path):
    """A main window on the sample, with the settings file the test names (a new
    AppSettings each time, as a new start of the app reads it)."""

    def open_() -> MainWindow:
        window = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(settings_path))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        # the first preview render runs in a worker: let it end inside the test
        qtbot.waitUntil(lambda: window.composer.preview.last_result is not None, timeout=15000)
        return window

    return open_


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_fresh_profile_shows_the_three_steps(open_window):
    window = open_window()
    welcome, panel = window.welcome, window.welcome.panel
    assert welcome.is_shown() and panel.isVisible()
    assert [step.accessibleName() for step in panel.steps] == [
        "Step 1: Find", "Step 2: Compose", "Step 3: Export"]
    assert [b.text() for b in (panel.find_button, panel.compose_button)] == [
        "Go to Search", "Show Composer"]
    assert [b.text() for b in panel.export_buttons] == ["Export Word", "Export PDF"]
    assert not panel.dont_show.isChecked()
    help_menu = window.menus["help"]
    assert help_menu.actions()[0] is welcome.show_action
    assert welcome.show_action.text() == "Show &Welcome"


def test_every_control_of_the_panel_has_an_accessible_name(open_window):
    panel = open_window().welcome.panel
    controls = [panel.find_button, panel.compose_button, *panel.export_buttons,
                panel.close_button, panel.dont_show]
    assert all(control.accessibleName() for control in controls)
    assert panel.accessibleName() == "Welcome"


def test_go_to_search_moves_the_focus_to_the_search_box(qtbot, open_window):
    window = open_window()
    window.activateWindow()
    window.item_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.item_view)
    click(qtbot, window.welcome.panel.find_button)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box)


def test_show_composer_brings_back_a_closed_composer(qtbot, open_window):
    window = open_window()
    window.activateWindow()
    dock = window.composer.composer_dock
    dock.close()
    assert not dock.isVisible()
    click(qtbot, window.welcome.panel.compose_button)
    assert dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.composer.panel.tree)


def test_export_word_writes_the_open_briefing(qtbot, open_window, monkeypatch, tmp_path):
    window = open_window()
    target = tmp_path / "memo.docx"
    asked = []

    def choose(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    word_button = window.welcome.panel.export_buttons[0]
    with qtbot.waitSignal(window.composer.exporter.finished, timeout=15000):
        click(qtbot, word_button)
    assert asked[0].endswith(".docx")
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("Washington revoked Petro’s visa" in text for text in paragraphs)
    window.composer.exporter.message_box.close()


def test_export_buttons_follow_the_composer_actions(open_window):
    window = open_window()
    buttons = window.welcome.panel.export_buttons
    assert [b.defaultAction() for b in buttons] == [
        window.composer.actions["export_docx"], window.composer.actions["export_pdf"]]
    window.composer.session.open(None)  # no briefing open: nothing to export
    assert not any(button.isEnabled() for button in buttons)


def test_dont_show_again_holds_for_the_next_window(qtbot, open_window, settings_path):
    window = open_window()
    panel = window.welcome.panel
    height = window.welcome.dock.height()
    click(qtbot, panel.dont_show)
    assert panel.dont_show.isChecked()
    click(qtbot, panel.close_button)
    assert not window.welcome.is_shown()
    window.close()

    assert AppSettings(settings_path).value(DISMISSED_KEY) is True
    again = open_window()
    assert not again.welcome.is_shown()

    again.welcome.show_action.trigger()  # Help > Show Welcome
    assert again.welcome.is_shown() and again.welcome.panel.isVisible()
    qtbot.waitUntil(lambda: again.welcome.dock.height() == height)  # no empty band
    assert again.welcome.panel.dont_show.isChecked()  # still dismissed for the next start


def test_closing_without_dont_show_again_shows_it_at_the_next_start(qtbot, open_window):
    window = open_window()
    click(qtbot, window.welcome.panel.close_button)
    assert not window.welcome.is_shown()
    window.close()
    assert open_window().welcome.is_shown()


def test_unticking_dont_show_again_brings_it_back_at_start(qtbot, open_window, settings_path):
    settings = AppSettings(settings_path)
    settings.set_value(DISMISSED_KEY, True)
    settings.sync()
    window = open_window()
    assert not window.welcome.is_shown()
    window.welcome.show_action.trigger()
    click(qtbot, window.welcome.panel.dont_show)
    window.close()
    assert open_window().welcome.is_shown()


def test_the_item_table_keeps_most_of_its_height(qtbot, open_window):
    window = open_window()
    dock = window.welcome.dock
    with_panel = window.item_view.height()
    assert dock.height() <= 120
    dock.hide()
    qtbot.waitUntil(lambda: window.item_view.height() > with_panel)
    without_panel = window.item_view.height()
    assert with_panel >= 0.8 * without_panel


def test_the_greeting_points_at_the_open_briefing_only_when_one_is_open(open_window):
    window = open_window()
    intro = window.welcome.panel.intro
    assert "briefing on the right" in intro.text()
    window.composer.session.open(None)
    assert "briefing on the right" not in intro.text()
    assert "three steps" in intro.text()


def test_a_narrow_window_keeps_its_width_and_shows_just_the_steps(qtbot, open_window):
    window = open_window()
    panel = window.welcome.panel
    assert panel.greeting.isVisible()  # 1280 wide
    window.resize(760, 600)
    qtbot.waitUntil(lambda: window.width() == 760)
    qtbot.waitUntil(lambda: not panel.greeting.isVisible())
    texts = [panel.findChild(QLabel, f"welcomeStep{n}Text") for n in (1, 2, 3)]
    # every wrapped line in view: the panel grew to the height the texts need now
    qtbot.waitUntil(lambda: all(t.height() >= t.heightForWidth(t.width()) for t in texts))
    assert all(step.isVisible() for step in panel.steps)
