"""The page size as a staffer meets it: chosen in the Memo Header (stored at once,
undoable, exported), and for new briefings in Preferences, whose own default is the paper
of the staffer's region."""

from __future__ import annotations

import io

import pytest
from composer_helpers import open_window
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from test_ui_preferences import (
    choose,
    click,
    create_briefing_through_the_ui,
    open_preferences,
)
from window_helpers import show_main_window

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBase
from briefing_app.ui.settings import AppSettings, Preferences, locale_page_size

A4 = "A4 (210 × 297 mm)"
LETTER = "US Letter (8.5 × 11 in)"


def test_the_region_chooses_the_paper_of_new_briefings_until_the_staffer_does(tmp_path):
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    united_states = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert locale_page_size(germany) == "a4"
    assert locale_page_size(united_states) == "letter"
    assert Preferences().page_size == locale_page_size()  # the system's region
    settings = AppSettings(tmp_path / "s.ini")
    assert settings.preferences().page_size == locale_page_size()
    other = "letter" if locale_page_size() == "a4" else "a4"
    settings.set_preferences(Preferences(page_size=other))
    assert AppSettings(tmp_path / "s.ini").preferences().page_size == other


def test_the_memo_header_sets_the_page_size_stored_exported_and_undone(
        qtbot, sample_fb, tmp_path, monkeypatch):
    window, composer = open_window(qtbot, sample_fb)
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    composer.panel.tabs.setCurrentIndex(1)  # Memo Header
    combo = composer.panel.header_form.page_size
    assert [combo.itemText(i) for i in range(combo.count())] == [LETTER, A4]
    assert combo.currentText() == LETTER and combo.accessibleName() == "Page size"

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the keyboard on the closed list

    with FactBase.open(sample_fb.path) as other:  # committed, seen from another connection
        assert other.get_briefing(SAMPLE_BRIEFING_ID).page_size == "a4"
    assert "page size" in window.undo_stack.undoText()

    out = tmp_path / "memo.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(out), "PDF (*.pdf)"))
    with qtbot.waitSignal(composer.exporter.finished, timeout=20000):
        composer.actions["export_pdf"].trigger()
    composer.exporter.message_box.close()
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in PdfReader(io.BytesIO(out.read_bytes())).pages}
    assert sizes == {(595, 842)}

    window.undo_stack.undo()
    assert sample_fb.get_briefing(SAMPLE_BRIEFING_ID).page_size == "letter"
    qtbot.waitUntil(lambda: combo.currentText() == LETTER, timeout=3000)


@pytest.mark.parametrize("paper", [A4, LETTER])
def test_preferences_give_new_briefings_their_paper(qtbot, sample_fb, tmp_path, paper):
    settings_path = tmp_path / "settings.ini"
    window = show_main_window(qtbot, sample_fb, AppSettings(settings_path))
    dialog = open_preferences(qtbot, window)
    assert dialog.page_size.currentData() == locale_page_size()
    choose(qtbot, dialog.page_size, paper)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    wanted = "a4" if paper == A4 else "letter"
    assert AppSettings(settings_path).preferences().page_size == wanted

    briefing_id = create_briefing_through_the_ui(qtbot, window, "Trade delegation")
    assert window.fact_base.target.get_briefing(briefing_id).page_size == wanted
    assert window.composer.panel.header_form.page_size.currentData() == wanted
