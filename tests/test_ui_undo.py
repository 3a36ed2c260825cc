"""Undo and redo of edits and deletes, checked in the window and in the database."""

from __future__ import annotations

from editing_helpers import click_item, select_items
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefing_app.core.model import Item, Person
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.ui import commands


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # back from a dialog the window is active again
    qtbot.keyClick(window.item_view, key, modifiers)


def undo(qtbot, window) -> None:
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def blocks_citing(fb, item_id: str) -> list[tuple[str, int, str]]:
    briefing = fb.get_briefing(SAMPLE_BRIEFING_ID)
    return [(s.heading, n, b.note) for s in briefing.sections
            for n, b in enumerate(s.blocks) if b.item == item_id]


def test_an_edit_is_undone_and_redone(qtbot, window, editing, sample_fb):
    before = sample_fb.get_item("f-visa-revoked")
    click_item(qtbot, window, "f-visa-revoked")
    press(qtbot, window, Qt.Key.Key_Return)
    editor = editing.editor
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Petro's U.S. visa revoked")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    after = sample_fb.get_item("f-visa-revoked")
    assert after.title == "Petro's U.S. visa revoked" and after.tags == before.tags
    assert "Petro's U.S. visa revoked" in window.details.toPlainText()
    assert sample_fb.count('"U.S. visa revoked"') == 1
    assert window.actions["undo"].isEnabled()
    assert window.actions["undo"].text().startswith("&Undo Edit fact")

    undo(qtbot, window)
    assert sample_fb.get_item("f-visa-revoked") == before  # timestamps included
    assert before.title in window.details.toPlainText()  # the pane shows it at once
    assert sample_fb.count('"U.S. visa revoked"') == 0  # the index forgot the new title

    redo(qtbot, window)
    assert sample_fb.get_item("f-visa-revoked") == after


def test_saving_an_unchanged_item_adds_no_undo_step(qtbot, window, editing):
    editor = editing.edit_item("f-visa-revoked")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert window.undo_stack.count() == 0


def test_delete_asks_names_the_briefing_and_undo_restores_everything(
        qtbot, window, editing, sample_fb, answers):
    item_id = "q-bessent-strong-action"
    before = sample_fb.get_item(item_id)
    cited = blocks_citing(sample_fb, item_id)
    assert cited  # the sample briefing cites the quote
    click_item(qtbot, window, item_id)
    press(qtbot, window, Qt.Key.Key_Delete)

    assert "Delete 1 item?" in answers.texts[0]
    assert "Meeting with Colombian President Gustavo Petro" in answers.texts[0]
    assert sample_fb.get_item(item_id) is None
    assert window.item_model.row_of(item_id) is None  # gone from the table
    assert sample_fb.briefings_using([item_id])  # the block waits for undo

    undo(qtbot, window)
    assert sample_fb.get_item(item_id) == before
    assert before.tags == ["sanctions", "ofac"] and before.people == ["p-bessent", "p-petro"]
    assert blocks_citing(sample_fb, item_id) == cited
    assert sample_fb.count("person:bessent tag:ofac") == 1  # searchable again
    assert window.item_model.row_of(item_id) is not None

    redo(qtbot, window)
    assert sample_fb.get_item(item_id) is None


def test_declining_the_delete_question_keeps_the_items(
        qtbot, window, editing, sample_fb, answers):
    answers.button = QMessageBox.StandardButton.No
    select_items(qtbot, window, ["f-visa-revoked", "e-phone-call"])
    count = sample_fb.item_count()
    editing.actions["delete_items"].trigger()
    assert sample_fb.item_count() == count
    assert window.undo_stack.count() == 0


def test_undo_of_a_deleted_item_also_puts_back_a_block_removed_meanwhile(
        qtbot, window, editing, sample_fb, answers):
    cited = blocks_citing(sample_fb, "f-ofac-sanctions")
    click_item(qtbot, window, "f-ofac-sanctions")
    press(qtbot, window, Qt.Key.Key_Delete)
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    for section in briefing.sections:
        section.blocks = [b for b in section.blocks if b.item != "f-ofac-sanctions"]
    sample_fb.save_briefing(briefing)  # e.g. the composer dropped the dangling block

    undo(qtbot, window)
    assert blocks_citing(sample_fb, "f-ofac-sanctions") == cited


def test_an_undo_the_fact_base_refuses_is_reported_and_dropped(
        qtbot, window, editing, sample_fb, answers):
    assert editing.run(commands.save_person(sample_fb, Person(id="p-new", name="Ana Gómez")))
    # Meanwhile another program makes an item name her, so she cannot simply vanish.
    sample_fb.save_item(Item(id="", kind="fact", text="Ana met Petro.", people=["p-new"]))

    undo(qtbot, window)
    assert "Ana Gómez cannot be deleted" in answers.texts[0]
    assert sample_fb.get_person("p-new") is not None
    assert window.undo_stack.count() == 0  # the step that cannot run is gone
    assert not window.actions["undo"].isEnabled()


def test_commands_name_what_they_do(sample_fb):
    new_quote = commands.save_item(sample_fb, Item(id="", kind="quote", text="x" * 60))
    assert new_quote.label == "New quote “" + "x" * 39 + "…”"
    assert commands.edit_items(["a"], lambda i: i, "Add tags x").label == "Add tags x"


def test_delete_and_f2_act_on_items_only_where_items_have_the_focus(
        qtbot, window, editing, sample_fb, answers):
    click_item(qtbot, window, "f-visa-revoked")
    count = sample_fb.item_count()
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Delete)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F2)
    assert sample_fb.item_count() == count and not answers.shown
    assert editing.editor is None

    window.actions["toggle_details"].setChecked(True)  # View > Show Details
    window.details.setFocus()
    qtbot.keyClick(window.details, Qt.Key.Key_F2)  # the details pane shows the item
    assert editing.editor is not None and editing.editor.item().id == "f-visa-revoked"
    editing.editor.reject()
    qtbot.keyClick(window.details, Qt.Key.Key_Delete)
    assert answers.shown and sample_fb.get_item("f-visa-revoked") is None
