"""Bulk actions on a multi-selection: tags, status, marking and delete, each undoable."""

from __future__ import annotations

from editing_helpers import answer_next_dialog, select_items
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from briefing_app.core.model import Item
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.ui import bulk

PICKED = ["f-visa-revoked", "e-phone-call", "q-petro-decisive"]



def tags_of(fb, ids):
    return {item.id: item.tags for item in fb.get_items(ids)}


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_bulk_tagging_a_selection_and_undoing_it(qtbot, window, editing, sample_fb):
    before = tags_of(sample_fb, PICKED)
    select_items(qtbot, window, PICKED)

    def type_tags(dialog):
        assert dialog.label.text() == "Tags to add to 3 items (comma-separated):"
        qtbot.keyClicks(dialog.editor, "priority, Meeting")
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, type_tags)
    qtbot.keyClick(window.item_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert seen
    after = tags_of(sample_fb, PICKED)
    for item_id in PICKED:
        assert "priority" in after[item_id]
        assert [t.casefold() for t in after[item_id]].count("meeting") == 1  # no doubles
    assert sample_fb.count("tag:priority") == 3
    assert sorted(window.selected_item_ids()) == sorted(PICKED)  # the selection stays
    assert window.undo_stack.undoText() == "Add tags priority, Meeting"

    window.undo_stack.undo()
    assert tags_of(sample_fb, PICKED) == before
    assert sample_fb.count("tag:priority") == 0
    window.undo_stack.redo()
    assert tags_of(sample_fb, PICKED) == after


def test_removing_a_tag_from_a_selection(qtbot, window, editing, sample_fb):
    select_items(qtbot, window, PICKED)

    def untick(dialog):
        labels = [dialog.list.item(r).text() for r in range(dialog.list.count())]
        assert labels[:4] == ["bilateral-relations (1 item)", "de-escalation (1 item)",
                              "meeting (1 item)", "messaging (1 item)"]
        assert not ok(dialog).isEnabled()  # nothing ticked yet
        dialog.set_checked("messaging")
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, untick)
    editing.actions["remove_tags"].trigger()
    assert seen
    assert all("messaging" not in tags for tags in tags_of(sample_fb, PICKED).values())
    assert sample_fb.count("tag:messaging") == 3  # items not selected keep it
    window.undo_stack.undo()
    assert sample_fb.count("tag:messaging") == 4


def test_setting_status_and_marking_from_the_item_menu(qtbot, window, editing, sample_fb):
    select_items(qtbot, window, PICKED)
    editing.actions["status_verified"].trigger()
    assert {i.status for i in sample_fb.get_items(PICKED)} == {"verified"}
    assert window.statusBar().currentMessage() == "3 items changed."

    editing.marking_menu.aboutToShow.emit()
    labels = [a.text() for a in editing.marking_menu.actions()]
    assert labels == ["Unmarked", "U — UNCLASSIFIED", "CUI", "C — CONFIDENTIAL", "S — SECRET",
                      "TS — TOP SECRET"]
    editing.marking_menu.actions()[4].trigger()
    assert {i.marking for i in sample_fb.get_items(PICKED)} == {"S"}

    window.undo_stack.undo()
    assert {i.marking for i in sample_fb.get_items(PICKED)} == {"U"}
    window.undo_stack.undo()
    assert {i.status for i in sample_fb.get_items(PICKED)} == {"unverified"}


def test_a_change_that_changes_nothing_adds_no_undo_step(qtbot, window, editing, sample_fb):
    select_items(qtbot, window, PICKED)
    assert not editing.set_status("unverified")  # they all are already
    assert window.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "Nothing to change."


def test_bulk_delete_names_count_and_briefing_and_undo_restores_both(
        qtbot, window, editing, sample_fb, answers):
    before = sample_fb.get_items(PICKED)
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    select_items(qtbot, window, PICKED)
    qtbot.keyClick(window.item_view, Qt.Key.Key_Delete)

    assert answers.texts[0].startswith("Delete 3 items?")
    assert "• Meeting with Colombian President Gustavo Petro" in answers.texts[0]
    assert sample_fb.get_items(PICKED) == []
    window.undo_stack.undo()
    assert sample_fb.get_items(PICKED) == before
    restored = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    assert restored.sections == briefing.sections


def test_the_context_menu_offers_the_bulk_actions(window, editing):
    texts = [a.text() for a in window.item_view.actions()]
    for expected in ("&Edit Item…", "&Delete…", "Add &Tags…", "&Remove Tags…", "Set &Status",
                     "Set &Marking"):
        assert expected in texts
    assert window.item_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_actions_need_a_selection(qtbot, window, editing):
    window.item_view.clearSelection()
    window.item_view.selectionModel().clearCurrentIndex()
    assert not editing.actions["delete_items"].isEnabled()
    assert not editing.actions["add_tags"].isEnabled()
    select_items(qtbot, window, PICKED[:1])
    assert editing.actions["delete_items"].isEnabled()


def test_the_pure_changes():
    item = Item(id="i", kind="fact", text="t", tags=["Visa", "trade"], status="unverified")
    assert bulk.adding_tags(["visa", "new"])(item).tags == ["Visa", "trade", "new"]
    assert bulk.adding_tags(["VISA"])(item) is item  # unchanged: nothing to save
    assert bulk.removing_tags(["VISA"])(item).tags == ["trade"]
    assert bulk.setting_status("verified")(item).status == "verified"
    assert bulk.setting_marking("")(item) is item
    assert "No briefing cites them." in bulk.delete_question(2, [])


def test_the_menus_tick_what_the_selection_shares(qtbot, window, editing, sample_fb):
    select_items(qtbot, window, PICKED)
    editing.status_menu.aboutToShow.emit()
    ticked = [a.text() for a in editing.status_menu.actions() if a.isChecked()]
    assert ticked == ["&Unverified"]
    editing.marking_menu.aboutToShow.emit()
    assert [a.text() for a in editing.marking_menu.actions() if a.isChecked()] == [
        "U — UNCLASSIFIED"]

    sample_fb.save_item(Item(**{**sample_fb.get_item(PICKED[0]).__dict__, "marking": "S",
                                "status": "verified"}))
    editing.status_menu.aboutToShow.emit()
    editing.marking_menu.aboutToShow.emit()
    assert not any(a.isChecked() for a in editing.status_menu.actions())  # they differ
    assert not any(a.isChecked() for a in editing.marking_menu.actions())
