"""A click away from an open completion list focuses what was clicked (Qt's completer
swallows that click), and a quote's Language must be a language code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_editor import new_editor

from briefing_app.core.language_tags import is_language_code


@pytest.mark.parametrize(("text", "valid"), [
    ("es", True), ("pt-BR", True), ("zh-Hant", True), ("  en ", True), ("spa", True),
    ("estrade-dele", False), ("e", False), ("es_CO", False), ("", False), ("es-", False),
])
def test_what_counts_as_a_language_code(text, valid):
    assert is_language_code(text) is valid


def click_away_from_the_list(qtbot, popup, target) -> None:
    """A click on ``target`` while the list is open: the list has the mouse grabbed, so
    the press reaches the list, outside its own rectangle."""
    at = popup.mapFromGlobal(target.mapToGlobal(target.rect().center()))
    assert not popup.rect().contains(at)
    QTest.mouseClick(popup, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def new_quote(qtbot, window, editing):
    return new_editor(qtbot, window, editing, Qt.Key.Key_N,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_typing_after_clicking_away_from_the_language_list_goes_to_the_clicked_field(
        qtbot, window, editing):
    editor = new_quote(qtbot, window, editing)
    editor.language.setFocus()
    qtbot.keyClicks(editor.language, "e")
    popup = editor.language.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)  # "en", "es" offered

    click_away_from_the_list(qtbot, popup, editor.tags)

    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)
    qtbot.waitUntil(editor.tags.hasFocus, timeout=3000)
    qtbot.keyClicks(editor.tags, "trade-delegation")
    assert editor.language.text() == "e"
    assert editor.tags.text() == "trade-delegation"


def test_a_language_that_is_no_code_keeps_the_quote_from_being_saved(qtbot, window, editing):
    editor = new_quote(qtbot, window, editing)
    qtbot.keyClicks(editor.text, "Colombia no acepta presiones.")
    assert editor.save_button.isEnabled()

    editor.language.setText("estrade-dele")
    assert not editor.save_button.isEnabled()
    assert editor.problem_label.text() == (
        "Language: “estrade-dele” is not a language code (e.g. es, pt-BR).")

    editor.language.setText("es")
    assert editor.save_button.isEnabled() and editor.problem_label.text() == ""
    assert editor.language_name.text() == "Spanish"
