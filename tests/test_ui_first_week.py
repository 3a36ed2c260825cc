"""What a staffer meets in the first week, driven as they would drive it: settings that
stick across a restart, a steady tool bar, dialogs sized for their content, Copy ID,
Esc in the guide, tags without items, counts in words, a clean start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from editing_helpers import select_items
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefing_app.core.operations.items import EditItems
from briefing_app.ui import bulk
from briefing_app.ui.composer.briefings_list import NewBriefingDialog
from briefing_app.ui.preferences import PreferencesDialog
from briefing_app.ui.settings import AppSettings, Preferences

READ_BACK = textwrap.dedent("""
    import json, sys
    from briefing_app.exchange.sample import create_fact_base
    from briefing_app.ui.app import application
    from briefing_app.ui.main_window import MainWindow
    from briefing_app.ui.settings import AppSettings, DEFAULTS
    app = application()
    settings = AppSettings(sys.argv[1])
    window = MainWindow(create_fact_base(sys.argv[2]), sys.argv[2], settings=settings)
    window.show()
    app.processEvents()
    print(json.dumps({
        "values": {key: settings.value(key) for key in DEFAULTS
                   if not key.startswith("window/") or key in (
                       "window/sidebar", "window/details", "window/preview")},
        "sidebar": window.sidebar.isVisible(), "details": window.details.isVisible(),
        "details_width": window.details.width(), "welcome": window.welcome.dock.isVisible(),
        "preview": window.composer.preview.isVisible(),
    }))
""")


def test_every_setting_reads_back_typed_in_a_new_process(qtbot, window, tmp_path):
    window.actions["toggle_sidebar"].setChecked(False)  # View > Show Sidebar
    window.actions["toggle_details"].setChecked(True)  # View > Show Details
    window.composer.actions["toggle_preview"].setChecked(False)
    window.welcome.panel.dont_show.setChecked(True)  # "Don't show again"
    window.close()

    result = subprocess.run(
        [sys.executable, "-c", READ_BACK, str(window.settings.path),
         str(tmp_path / "again.sqlite")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["values"]["window/sidebar"] is False
    assert state["values"]["window/details"] is True
    assert state["values"]["window/preview"] is False
    assert state["values"]["welcome/dismissed"] is True
    assert state["values"]["prefs/stale_days"] == 30
    assert not state["sidebar"] and state["details"] and not state["welcome"]
    assert not state["preview"]
    assert state["details_width"] >= 200  # never one letter a line


def test_true_and_false_written_as_text_read_back_as_booleans(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[window]\nsidebar=false\ndetails=true\n[welcome]\ndismissed=true\n")
    settings = AppSettings(path)
    assert settings.value("window/sidebar") is False
    assert settings.value("window/details") is True
    assert settings.value("welcome/dismissed") is True


def test_undo_and_redo_keep_their_width_and_the_full_label_goes_to_tooltip_and_menu(
        qtbot, window, sample_fb):
    toolbar = window.toolbar
    undo_button = toolbar.widgetForAction(window.actions["undo"])
    export_pdf = window.composer.actions["export_pdf"]
    width_before = undo_button.width()
    item = sample_fb.search("", limit=None)[0]
    long_title = "A very long change name " * 4
    window.undo_stack.perform(EditItems([item.id], bulk.adding_tags(["new-tag"]),
                                        label=long_title))
    assert undo_button.width() == width_before
    assert undo_button.text() == "Undo"
    assert long_title.strip() in window.actions["undo"].toolTip()
    assert window.actions["undo"].text().startswith("&Undo A very long")
    assert toolbar.widgetForAction(export_pdf).isVisible()  # not pushed into the overflow


def test_the_new_briefing_dialog_is_sized_for_a_real_title(qtbot, window):
    dialog = NewBriefingDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = "Minister Ruiz and the trade delegation: market access talks"
    dialog.title_edit.setText(title)
    metrics = dialog.title_edit.fontMetrics()
    assert dialog.title_edit.width() > metrics.horizontalAdvance(title)
    assert dialog.width() >= 400
    dialog.reject()


def test_copy_id_puts_the_selected_items_ids_on_the_clipboard(qtbot, window, sample_fb):
    ids = [item.id for item in sample_fb.search("", limit=None)[:2]]
    select_items(qtbot, window, ids)
    assert window.actions["copy_id"] in window.menus["item"].actions()
    window.actions["copy_id"].trigger()
    assert sorted(QGuiApplication.clipboard().text().splitlines()) == sorted(ids)


def test_the_guide_closes_with_esc(qtbot, window):
    guide = window.help.show_guide()
    qtbot.waitExposed(guide)
    guide.find_field.setFocus()
    qtbot.keyClicks(guide.find_field, "visa")
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Escape)  # first Esc empties the field
    assert guide.isVisible() and guide.find_field.text() == ""
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())


def test_a_tag_without_items_leaves_the_sidebar(qtbot, window, sample_fb):
    tagged = [i for i in sample_fb.search("", limit=None) if "visa" in i.tags]
    assert "visa" in [name for name, _count in window.sidebar.entries("tag")]
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.undo_stack.perform(EditItems(
            [i.id for i in tagged], bulk.removing_tags(["visa"]), label="Remove visa"))
    assert "visa" not in [name for name, _count in window.sidebar.entries("tag")]


def test_one_item_is_it_and_several_are_them():
    assert "No briefing cites it." in bulk.delete_question(1, [])
    assert "Delete 1 item?" in bulk.delete_question(1, [])
    assert "No briefing cites them." in bulk.delete_question(2, [])
    assert "These briefings cite it and" in bulk.delete_question(1, ["Memo"])


def test_preferences_spell_organization_one_way(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    titles = [dialog.marking_scheme.itemText(i) for i in range(dialog.marking_scheme.count())]
    assert "Organizational (public / internal / confidential)" in titles
    assert not any("Organis" in title for title in titles)


def test_a_clean_smoke_run_prints_only_its_result(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--smoke"],  # the default fact base, new
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip().splitlines() == [
        "smoke test: the main window opened and closed (offscreen)"]
