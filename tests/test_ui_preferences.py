"""Edit ▸ Preferences… driven as a staffer would: typed, chosen, OK / Cancel / Restore
Defaults, and what each preference changes (new briefings, new fact bases, the composer's
stale warnings) without restarting the app."""

from __future__ import annotations

import inspect

import pytest
from composer_helpers import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from window_helpers import show_main_window

from briefing_app.core.templates import load_template, new_briefing
from briefing_app.document.preflight import preflight
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.ui.composer.briefings_list import NewBriefingDialog
from briefing_app.ui.composer.warnings_panel import WARNING_ROLE
from briefing_app.ui.preferences import PreferencesDialog
from briefing_app.ui.settings import DEFAULTS, AppSettings, Preferences


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def window(qtbot, sample_fb, settings_path):
    return show_main_window(qtbot, sample_fb, AppSettings(settings_path))


def open_preferences(qtbot, window) -> PreferencesDialog:
    window.actions["preferences"].trigger()
    dialog = window.preferences.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry the way the keyboard does (arrows on the closed list)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} not offered"


def set_days(qtbot, dialog: PreferencesDialog, days: int) -> None:
    spin = dialog.stale_days
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(days))
    assert spin.value() == days


def stale_entries(window) -> list:
    warnings = window.composer.panel.warnings.list
    found = []
    for row in range(warnings.count()):
        warning = warnings.item(row).data(WARNING_ROLE)
        if warning is not None and warning.code == "stale":
            found.append(warning)
    return found


def create_briefing_through_the_ui(qtbot, window, title: str) -> str:
    """New Briefing… in the briefings list, the dialog filled in and accepted."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewBriefingDialog)
        type_text(qtbot, dialog.title_edit, title)
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.composer.briefings.actions["new"].trigger()
    return window.composer.session.briefing_id


# ---------------------------------------------------------------- defaults and the menu


def test_the_stale_default_is_the_one_preflight_uses(tmp_path):
    assert DEFAULTS["prefs/stale_days"] == \
        inspect.signature(preflight).parameters["stale_days"].default
    assert AppSettings(tmp_path / "fresh.ini").preferences() == Preferences()


def test_numbers_and_choices_survive_the_settings_file(tmp_path):
    chosen = Preferences(author="Ana Ruiz", office="WHA", marking_scheme="org",
                         stale_days=45, note_style="endnotes", language="es")
    AppSettings(tmp_path / "s.ini").set_preferences(chosen)
    assert AppSettings(tmp_path / "s.ini").preferences() == chosen  # read back from the file


def test_a_hand_edited_file_with_nonsense_falls_back_to_the_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[prefs]\nstale_days=soon\nnote_style=sidenotes\nlanguage=fr\n")
    assert AppSettings(path).preferences() == Preferences()


def test_edit_menu_has_preferences_with_a_shortcut(qtbot, window):
    action = window.actions["preferences"]
    assert action in window.menus["edit"].actions()
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcuts() == (standard or [QKeySequence("Ctrl+,")])
    dialog = open_preferences(qtbot, window)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.focusWidget() is dialog.author  # typing starts with the author


def test_every_field_has_an_accessible_name_and_tab_goes_down_the_form(qtbot, window):
    dialog = open_preferences(qtbot, window)
    fields = [dialog.author, dialog.office, dialog.note_style, dialog.marking_scheme,
              dialog.stale_days, dialog.language]
    assert all(field.accessibleName() for field in fields)
    reached = []
    widget: QWidget = dialog.author
    for _ in range(40):
        if widget in fields and widget not in reached:
            reached.append(widget)
        widget = widget.nextInFocusChain()
    assert reached == fields


# ---------------------------------------------------------------- OK, Cancel, defaults


def test_ok_stores_what_was_typed_and_new_briefings_use_it(qtbot, window, settings_path):
    dialog = open_preferences(qtbot, window)
    type_text(qtbot, dialog.author, "Ana Ruiz")
    type_text(qtbot, dialog.office, "Western Hemisphere Affairs")
    assert "FROM: Ana Ruiz, Western Hemisphere Affairs" in dialog.from_preview.text()
    choose(qtbot, dialog.note_style, "Endnotes")
    set_days(qtbot, dialog, 45)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    stored = AppSettings(settings_path).preferences()  # what the next start reads
    assert (stored.author, stored.office, stored.note_style, stored.stale_days) == (
        "Ana Ruiz", "Western Hemisphere Affairs", "endnotes", 45)

    fb = window.fact_base.target
    briefing_id = create_briefing_through_the_ui(qtbot, window, "Trade talks")
    saved = fb.get_briefing(briefing_id)
    assert saved.title == "Trade talks"
    assert saved.from_ == "Ana Ruiz, Western Hemisphere Affairs"
    assert saved.note_style == "endnotes"
    form = window.composer.panel.header_form
    assert form.fields["from_"].text() == "Ana Ruiz, Western Hemisphere Affairs"
    assert form.note_style.currentData() == "endnotes"


def test_cancel_changes_nothing(qtbot, window, settings_path):
    dialog = open_preferences(qtbot, window)
    type_text(qtbot, dialog.author, "Somebody Else")
    choose(qtbot, dialog.note_style, "Endnotes")
    set_days(qtbot, dialog, 7)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    assert AppSettings(settings_path).preferences() == Preferences()
    assert window.composer.session.preferences == Preferences()
    briefing_id = create_briefing_through_the_ui(qtbot, window, "Unchanged")
    saved = window.fact_base.target.get_briefing(briefing_id)
    assert (saved.from_, saved.note_style) == ("", "footnotes")
    # the next opening shows the stored values again, not what was typed
    assert open_preferences(qtbot, window).author.text() == ""


def test_restore_defaults_fills_the_defaults_and_ok_stores_them(qtbot, window, settings_path):
    custom = Preferences(author="Ana Ruiz", office="WHA", marking_scheme="org",
                         stale_days=90, note_style="endnotes", language="es")
    window.settings.set_preferences(custom)
    dialog = open_preferences(qtbot, window)
    assert dialog.preferences() == custom  # the dialog shows what is stored

    click(qtbot, dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert dialog.author.text() == "" and dialog.stale_days.value() == 30
    assert dialog.language.currentText() == "System default"
    assert AppSettings(settings_path).preferences() == custom  # nothing stored yet

    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert AppSettings(settings_path).preferences() == Preferences()


def test_the_language_is_stored_for_the_next_start(qtbot, window, settings_path):
    dialog = open_preferences(qtbot, window)
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == [
        "System default", "English", "Español"]
    assert "next time" in dialog.language_note.text()
    choose(qtbot, dialog.language, "Español")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert AppSettings(settings_path).value("prefs/language") == "es"
    assert "next time" in window.statusBar().currentMessage()


# ---------------------------------------------------------------- effects


def test_the_stale_limit_changes_the_warnings_at_once(qtbot, window):
    composer = window.composer
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    stale = stale_entries(window)
    assert stale and all("(limit 30)" in w.message for w in stale)

    dialog = open_preferences(qtbot, window)
    set_days(qtbot, dialog, 3650)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert stale_entries(window) == []

    dialog = open_preferences(qtbot, window)
    set_days(qtbot, dialog, 10)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    tighter = stale_entries(window)
    assert len(tighter) >= len(stale)
    assert all("(limit 10)" in w.message for w in tighter)


@pytest.mark.parametrize(("with_sample", "scheme"), [(False, "org"), (True, "us")])
def test_a_new_fact_base_takes_the_preferred_scheme_unless_it_holds_the_sample(
        qtbot, window, monkeypatch, tmp_path, answers, with_sample, scheme):
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.marking_scheme, "Organizational (public / internal / confidential)")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    target = tmp_path / "office.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Fact bases (*.sqlite *.db)"))
    answers.button = (QMessageBox.StandardButton.Yes if with_sample
                      else QMessageBox.StandardButton.No)

    window.actions["new_fact_base"].trigger()

    assert str(window.fact_base.path) == str(target)
    assert window.fact_base.target.get_setting("marking_scheme") == scheme
    window.composer.panel.tabs.setCurrentIndex(1)  # the header form reads its choices shown
    codes = [window.composer.panel.header_form.marking.itemData(i)
             for i in range(window.composer.panel.header_form.marking.count())]
    assert ("PUBLIC" in codes) == (scheme == "org")


def test_new_briefing_keeps_the_template_note_style_when_none_is_given():
    template = load_template("meeting-brief")
    plain = new_briefing(template, "Plain")
    assert (plain.from_, plain.note_style, plain.template) == ("", template.note_style,
                                                               "meeting-brief")
    assert [s.heading for s in plain.sections] == [s.heading for s in template.sections]
    chosen = new_briefing(template, "Mine", from_="Ana Ruiz, WHA", note_style="endnotes")
    assert (chosen.from_, chosen.note_style) == ("Ana Ruiz, WHA", "endnotes")
    with pytest.raises(ValueError):
        new_briefing(template, "Bad", note_style="sidenotes")


def test_the_dialog_lists_schemes_by_title_and_keeps_a_missing_one(qtbot):
    dialog = PreferencesDialog(Preferences(marking_scheme="gone-scheme"))
    qtbot.addWidget(dialog)
    titles = [dialog.marking_scheme.itemText(i) for i in range(dialog.marking_scheme.count())]
    assert "U.S. classification and CUI" in titles
    assert dialog.marking_scheme.currentData() == "gone-scheme"  # shown, not silently changed


def test_an_export_counts_stale_items_by_the_same_limit(qtbot, window, monkeypatch, tmp_path):
    composer = window.composer
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "memo.docx"), "Word document (*.docx)"))

    def export_warnings() -> list:
        with qtbot.waitSignal(composer.exporter.finished, timeout=15000) as done:
            composer.actions["export_docx"].trigger()
        composer.exporter.message_box.close()
        return [w for w in done.args[0].warnings if w.code == "stale"]

    assert len(export_warnings()) == len(stale_entries(window)) > 0
    dialog = open_preferences(qtbot, window)
    set_days(qtbot, dialog, 3650)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert export_warnings() == []
