"""The memo language in the composer's header form: chosen from a list, stored in the
fact base at once, shown by the preview (labels and dates), exported, undoable."""

from __future__ import annotations

import pytest
from composer_helpers import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBase

SPANISH_MEETING_DATE = "3 de febrero de 2026"


@pytest.fixture
def app(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    composer.panel.tabs.setCurrentIndex(1)  # Memo Header
    return window, composer, sample_fb


def pick_language(qtbot, combo, name: str) -> None:
    """Choose with the keyboard on the closed list, as a staffer tabbing through does."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findText(name) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentText() != name:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != before, f"{name!r} not offered"


def preview_text(composer) -> str:
    return composer.preview.browser.toPlainText()


def test_the_header_offers_the_memo_languages_in_their_own_names(app):
    _window, composer, _fb = app
    combo = composer.panel.header_form.language
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Español"]
    assert combo.currentData() == "en"
    assert combo.accessibleName() == "Memo language"


def test_spanish_is_stored_shown_in_the_preview_and_undone(qtbot, app):
    window, composer, fb = app
    qtbot.waitUntil(lambda: "Notes" in preview_text(composer), timeout=5000)
    assert SPANISH_MEETING_DATE not in preview_text(composer)
    combo = composer.panel.header_form.language

    pick_language(qtbot, combo, "Español")

    with FactBase.open(fb.path) as other:  # committed, seen from another connection
        assert other.get_briefing(SAMPLE_BRIEFING_ID).language == "es"
    qtbot.waitUntil(lambda: SPANISH_MEETING_DATE in preview_text(composer), timeout=5000)
    assert "Notas" in preview_text(composer)
    assert "Notes" not in preview_text(composer)
    assert "memo language" in window.undo_stack.undoText()

    window.actions["undo"].trigger()

    assert fb.get_briefing(SAMPLE_BRIEFING_ID).language == "en"
    assert combo.currentText() == "English"
    qtbot.waitUntil(lambda: "Notes" in preview_text(composer), timeout=5000)
    assert SPANISH_MEETING_DATE not in preview_text(composer)

    window.actions["redo"].trigger()
    assert combo.currentText() == "Español"
    assert fb.get_briefing(SAMPLE_BRIEFING_ID).language == "es"


def test_another_briefing_shows_its_own_language(qtbot, app):
    window, composer, fb = app
    pick_language(qtbot, composer.panel.header_form.language, "Español")
    composer.session.duplicate_briefing(SAMPLE_BRIEFING_ID)
    copy_id = composer.session.briefing_id
    assert copy_id != SAMPLE_BRIEFING_ID
    assert fb.get_briefing(copy_id).language == "es"  # a copy keeps the language
    composer.session.set_header("language", "en")
    assert composer.panel.header_form.language.currentText() == "English"
    composer.session.open(SAMPLE_BRIEFING_ID)
    assert composer.panel.header_form.language.currentText() == "Español"


def test_the_word_export_is_written_in_the_memo_language(qtbot, app, monkeypatch, tmp_path):
    from docx import Document as WordDocument

    _window, composer, _fb = app
    pick_language(qtbot, composer.panel.header_form.language, "Español")
    target = tmp_path / "memo.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Word document (*.docx)"))
    with qtbot.waitSignal(composer.exporter.finished, timeout=15000):
        composer.actions["export_docx"].trigger()
    composer.exporter.message_box.close()
    text = "\n".join(p.text for p in WordDocument(str(target)).paragraphs)
    assert SPANISH_MEETING_DATE in text
