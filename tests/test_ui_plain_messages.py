"""User text in message boxes and questions is never read as HTML (issue 15, item 10).

Each confirmation, refusal and text question that quotes what someone typed — a
person's name, a source, a tag, a briefing title, a saved search's name or query, a file
name — is shown for real, read from the screen while it waits for an answer, and
answered as a user would. A name such as ``<b>Bold</b> <img src="file:///…">`` must
appear as typed, in a box set to plain text, never as bold type and a loaded image.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from editing_helpers import click_item
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from briefing_app import ui as ui_package
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID

MARKUP = '<b>Bold</b> <img src="file:///nonexistent.png">'
FILE_NAME = "<b>Bold<b> facts.sqlite"  # markup a file name can hold (no slash)
Button = QMessageBox.StandardButton


def choose_row(qtbot, dialog, key: str) -> None:
    """Click the row of ``key`` in a people, sources or tags manager."""
    row = dialog.row_of(key)
    dialog.table.selectionModel().select(
        dialog.table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert dialog.selected_keys() == [key]


def rename_person(fb, person_id: str) -> None:
    """Give the person a name that looks like HTML."""
    fb.save_person(dataclasses.replace(fb.get_person(person_id), name=MARKUP))


# ---------------------------------------------------------------- the questions asked


def deleting_a_person(qtbot, window, fb, answers) -> str:
    rename_person(fb, "p-bessent")
    dialog = window.editing.open_manager("people")
    choose_row(qtbot, dialog, "p-bessent")
    answers.button = Button.No
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    return f"Delete {MARKUP}?"


def deleting_a_source(qtbot, window, fb, answers) -> str:
    fb.save_source(dataclasses.replace(fb.get_source("s-efe"), outlet=MARKUP))
    dialog = window.editing.open_manager("sources")
    choose_row(qtbot, dialog, "s-efe")
    answers.button = Button.No
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    return MARKUP


def deleting_a_tag(qtbot, window, fb, answers) -> str:
    item = fb.get_item("f-visa-revoked")
    fb.save_item(dataclasses.replace(item, tags=[*item.tags, MARKUP]))
    dialog = window.editing.open_manager("tags")
    choose_row(qtbot, dialog, MARKUP)
    answers.button = Button.No
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    return f"Remove the tag “{MARKUP}”"


def deleting_a_briefing(qtbot, window, fb, answers) -> str:
    window.composer.session.rename_briefing(SAMPLE_BRIEFING_ID, MARKUP)
    answers.button = Button.Cancel
    window.composer.briefings.actions["delete"].trigger()
    return f"Delete the briefing “{MARKUP}”?"


def deleting_items_a_briefing_cites(qtbot, window, fb, answers) -> str:
    window.composer.session.rename_briefing(SAMPLE_BRIEFING_ID, MARKUP)
    click_item(qtbot, window, "q-bessent-strong-action")  # the sample briefing cites it
    answers.button = Button.No
    window.editing.actions["delete_items"].trigger()
    return f"• {MARKUP}"


def naming_a_search(qtbot, window, fb, answers) -> str:
    answers.typing = None  # Escape: the question is enough
    window.saved_searches.save(MARKUP)
    return f"Name for the search “{MARKUP}”:"


def replacing_a_saved_search(qtbot, window, fb, answers) -> str:
    fb.save_search(MARKUP, "visa")
    answers.typing = MARKUP
    answers.button = Button.No
    window.saved_searches.save("trade")
    return f"A saved search named “{MARKUP}” exists (visa). Replace it?"


def deleting_a_saved_search(qtbot, window, fb, answers) -> str:
    fb.save_search(MARKUP, "visa")
    answers.button = Button.No
    window.saved_searches.delete(MARKUP)
    return f"Delete the saved search “{MARKUP}”?"


def refusing_to_delete_a_person_still_named(qtbot, window, fb, answers) -> str:
    rename_person(fb, "p-bessent")
    dialog = window.editing.open_manager("people")
    choose_row(qtbot, dialog, "p-bessent")
    answers.button = Button.Yes  # the store then refuses: items name him
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    return f"{MARKUP} cannot be deleted"


def opening_a_file_that_is_gone(qtbot, window, fb, answers) -> str:
    window.file_ops.open_path(Path(fb.path).with_name(FILE_NAME))
    return f"{FILE_NAME} does not exist"


@pytest.mark.parametrize("show", [
    deleting_a_person, deleting_a_source, deleting_a_tag, deleting_a_briefing,
    deleting_items_a_briefing_cites, naming_a_search,
    replacing_a_saved_search, deleting_a_saved_search,
    refusing_to_delete_a_person_still_named, opening_a_file_that_is_gone,
])
def test_text_that_looks_like_html_is_shown_as_typed(qtbot, window, sample_fb, answers, show):
    expected = show(qtbot, window, sample_fb, answers)
    assert answers.shown, "no message or question was shown"
    last = answers.shown[-1]
    assert expected in last.text
    assert last.plain, f"{last.title!r} reads {last.text!r} as HTML"


def test_no_message_box_is_left_to_guess_its_format():
    """Every message box and question of the app is made by ``ui.user_text``: none calls
    QMessageBox's static functions, which read a text that looks like HTML as HTML."""
    ui = Path(ui_package.__file__).parent
    static_call = re.compile(r"QMessageBox\.(question|warning|critical|information)\(")
    guessing = [f"{path.relative_to(ui)}:{number}"
                for path in sorted(ui.rglob("*.py"))
                for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if static_call.search(line)]
    assert guessing == []
