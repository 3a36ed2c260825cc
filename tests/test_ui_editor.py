"""The item editor, driven as a staffer would: shortcuts, typing, pickers, inline creation,
live validation and the possible-duplicate question."""

from __future__ import annotations

from editing_helpers import answer_next_dialog, click_item, pick, row_rect
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QToolButton,
)

from briefing_app.core import dates
from briefing_app.core.markings import load_scheme
from briefing_app.core.model import Item, Source
from briefing_app.ui.editing.duplicates import DuplicateDialog
from briefing_app.ui.editing.item_editor import ItemEditorDialog

# The sample's f-ofac-sanctions, retyped from another report with small differences.
OFAC_RETYPED = (
    "In October 2025 Washington imposed financial sanctions through the US Department of "
    "the Treasury and its OFAC sanction program, alleging links to illicit drug activity."
)



def ok(button_box: QDialogButtonBox):
    return button_box.button(QDialogButtonBox.StandardButton.Ok)


def new_editor(qtbot, window, editing, keys=Qt.Key.Key_N,
               modifiers=Qt.KeyboardModifier.ControlModifier) -> ItemEditorDialog:
    window.activateWindow()
    window.item_view.setFocus()
    qtbot.keyClick(window.item_view, keys, modifiers)
    qtbot.waitUntil(lambda: editing.editor is not None and editing.editor.isVisible())
    return editing.editor


def saved_item(fb, text: str) -> Item:
    [item] = [i for i in fb.search(f'"{text}"', limit=None) if i.text == text]
    return item


# ---------------------------------------------------------------- creating each kind


def test_a_new_fact_refuses_a_bad_date_keeps_the_typing_and_saves_once_fixed(
        qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    assert editor.windowTitle() == "New Fact"
    assert dates.FORMAT_HINT in editor.date.message.text()  # the hint under the field
    assert not editor.save_button.isEnabled()  # nothing typed yet

    qtbot.keyClicks(editor.title, "Visa rules tightened")
    qtbot.keyClicks(editor.text, "The State Department tightened visa rules for officials.")
    qtbot.keyClicks(editor.date.edit, "2026-13-01")
    assert not editor.save_button.isEnabled()
    assert editor.date.message.isVisible()
    assert "No such day, month or time: 2026-13-01" in editor.date.message.text()
    assert editor.date.edit.text() == "2026-13-01"  # the typed text stays as typed
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible()  # Ctrl+Enter cannot save it either
    assert editor.text.toPlainText().startswith("The State Department")

    editor.date.edit.selectAll()
    qtbot.keyClicks(editor.date.edit, "2026-01-15")
    assert editor.save_button.isEnabled()
    assert editor.date.message.text() == "January 15, 2026"  # read back for people
    qtbot.keyClicks(editor.tags, "visa, Travel-Restrictions")
    pick(qtbot, editor.status, "Verified")
    pick(qtbot, editor.marking, "CUI")
    count = sample_fb.item_count()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert not editor.isVisible()
    assert sample_fb.item_count() == count + 1
    item = saved_item(sample_fb, "The State Department tightened visa rules for officials.")
    assert (item.kind, item.title, item.date, item.status, item.marking) == (
        "fact", "Visa rules tightened", "2026-01-15", "verified", "CUI")
    assert item.tags == ["visa", "travel-restrictions"]  # the existing tag's spelling
    assert window.current_item.item_id == item.id  # the new item is selected and shown
    assert "Visa rules tightened" in window.details.toPlainText()


def test_a_new_quote_with_speaker_and_inline_source_and_person(
        qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing, Qt.Key.Key_N,
                        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.kind() == "quote" and editor.windowTitle() == "New Quote"
    assert editor.speaker.isVisible() and editor.translation.isVisible()
    assert not editor.location.isVisible()

    qtbot.keyClicks(editor.text, "Colombia no acepta presiones.")
    pick(qtbot, editor.speaker.box, "Gustavo Petro")
    assert editor.speaker.speaker() == "p-petro"
    qtbot.keyClicks(editor.language, "es")
    qtbot.keyClicks(editor.translation, "Colombia will not accept pressure.")
    qtbot.keyClicks(editor.context, "Speech in Cali")
    qtbot.keyClicks(editor.date.edit, "2026-01-20T18:30")
    assert editor.date.message.text() == "January 20, 2026, 18:30"

    def fill_source(dialog):
        assert dialog.objectName() == "sourceDialog"
        qtbot.keyClicks(dialog.outlet, "Semana")
        qtbot.keyClicks(dialog.title, "Petro en Cali")
        qtbot.keyClicks(dialog.published.edit, "2026-01-21")
        qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, fill_source)
    qtbot.mouseClick(editor.source.new_button, Qt.MouseButton.LeftButton)
    assert seen, "the New Source dialog did not open"
    assert editor.source.box.currentText() == "Semana — “Petro en Cali”, January 21, 2026"
    assert sample_fb.find_source_by_outlet("Semana") is None  # saved with the item only

    def fill_person(dialog):
        assert dialog.name.text() == "Laura Sarabia"  # the typed name is carried over
        qtbot.keyClicks(dialog.role, "Foreign Minister")
        qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, fill_person)
    qtbot.keyClicks(editor.people.entry, "Laura Sarabia")
    qtbot.keyClick(editor.people.entry, Qt.Key.Key_Return)  # unknown name: create her
    assert seen and editor.isVisible()  # Enter added a person, it did not save the item
    qtbot.keyClicks(editor.people.entry, "Donald Trump")
    qtbot.keyClick(editor.people.entry, Qt.Key.Key_Return)  # known name: just added
    assert [editor.people.list.item(r).text() for r in range(editor.people.list.count())] == [
        "Laura Sarabia (Foreign Minister)", "Donald Trump (President of the United States)"]

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    item = saved_item(sample_fb, "Colombia no acepta presiones.")
    laura = sample_fb.find_person_by_name("Laura Sarabia")
    semana = sample_fb.find_source_by_outlet("Semana")
    assert (item.kind, item.speaker, item.language, item.date) == (
        "quote", "p-petro", "es", "2026-01-20T18:30")
    assert item.translation == "Colombia will not accept pressure."
    assert item.context == "Speech in Cali"
    assert item.people == [laura.id, "p-trump"] and laura.role == "Foreign Minister"
    assert item.source == semana.id and semana.published == "2026-01-21"

    window.undo_stack.undo()  # one step takes back the quote, Laura and the source
    assert sample_fb.get_item(item.id) is None
    assert sample_fb.find_person_by_name("Laura Sarabia") is None
    assert sample_fb.find_source_by_outlet("Semana") is None
    window.undo_stack.redo()
    assert sample_fb.get_item(item.id) == item


def test_a_new_event_must_not_end_before_it_starts(qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    pick(qtbot, editor.kind_box, "Event")
    assert editor.kind() == "event" and editor.windowTitle() == "New Event"
    assert editor.end_date.isVisible() and editor.location.isVisible()
    assert not editor.speaker.isVisible()
    qtbot.keyClicks(editor.title, "Cartagena summit")
    qtbot.keyClicks(editor.date.edit, "2026-03-10")
    qtbot.keyClicks(editor.end_date.edit, "2026-03-09")
    assert not editor.save_button.isEnabled()
    assert editor.end_date.message.text() == "The event ends before it starts."
    editor.end_date.edit.selectAll()
    qtbot.keyClicks(editor.end_date.edit, "2026-03-12")
    qtbot.keyClicks(editor.location, "Cartagena")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    [item] = sample_fb.search('"Cartagena summit"')
    assert (item.kind, item.date, item.end_date, item.location, item.text) == (
        "event", "2026-03-10", "2026-03-12", "Cartagena", "")


def test_switching_kind_hides_fields_without_losing_them(qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    pick(qtbot, editor.kind_box, "Quote")
    qtbot.keyClicks(editor.text, "We will talk.")
    qtbot.keyClicks(editor.context, "Press conference")
    pick(qtbot, editor.kind_box, "Fact")
    assert not editor.context.isVisible()
    pick(qtbot, editor.kind_box, "Quote")
    assert editor.context.toPlainText() == "Press conference"
    pick(qtbot, editor.kind_box, "Fact")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    item = saved_item(sample_fb, "We will talk.")
    assert item.kind == "fact" and item.context == ""  # a fact keeps no quote fields


def test_cancelling_leaves_no_person_behind(qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    seen = answer_next_dialog(qtbot, lambda d: (qtbot.keyClicks(d.name, "Nobody Saved"),
                                                d.accept()))
    qtbot.mouseClick(editor.people.new_button, Qt.MouseButton.LeftButton)
    assert seen and editor.people.people()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert sample_fb.find_person_by_name("Nobody Saved") is None
    assert window.undo_stack.count() == 0


def test_tags_complete_from_the_fact_base(qtbot, window, editing):
    editor = new_editor(qtbot, window, editing)
    qtbot.keyClicks(editor.text, "Coca cultivation rose again.")
    qtbot.keyClicks(editor.tags, "visa, coun")
    popup = editor.tags.completer_.popup()
    assert popup.isVisible()
    assert popup.model().index(0, 0).data() == "counternarcotics"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.tags.text() == "visa, counternarcotics, "
    assert editor.tags.tags() == ["visa", "counternarcotics"]
    assert editor.isVisible()  # choosing a tag with Enter did not save the item


# ---------------------------------------------------------------- duplicates


def test_a_near_identical_text_offers_the_existing_item(qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    qtbot.keyClicks(editor.text, OFAC_RETYPED)
    shown = []

    def open_existing(dialog):
        assert isinstance(dialog, DuplicateDialog)
        shown.append(dialog.list.item(0).text())
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, open_existing)
    count = sample_fb.item_count()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert seen
    assert "its OFAC sanctions program" in shown[0] and "% · Fact · October 2025" in shown[0]
    assert sample_fb.item_count() == count  # nothing saved
    qtbot.waitUntil(lambda: editing.editor is not None and editing.editor is not editor)
    assert editing.editor.item().id == "f-ofac-sanctions"  # the existing one is open
    assert window.current_item.item_id == "f-ofac-sanctions"


def test_back_to_editing_keeps_the_text_and_save_anyway_saves(qtbot, window, editing, sample_fb):
    editor = new_editor(qtbot, window, editing)
    qtbot.keyClicks(editor.text, OFAC_RETYPED)
    seen = answer_next_dialog(qtbot, lambda d: qtbot.mouseClick(
        d.back_button, Qt.MouseButton.LeftButton))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert seen and editor.isVisible()
    assert editor.text.toPlainText() == OFAC_RETYPED

    seen = answer_next_dialog(qtbot, lambda d: qtbot.mouseClick(
        d.save_button, Qt.MouseButton.LeftButton))
    count = sample_fb.item_count()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert seen and not editor.isVisible()
    assert sample_fb.item_count() == count + 1


def test_editing_an_item_does_not_ask_about_duplicates(qtbot, window, editing, sample_fb):
    editor = editing.edit_item("f-ofac-sanctions")
    qtbot.keyClicks(editor.title, " (2025)")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert sample_fb.get_item("f-ofac-sanctions").title.endswith(" (2025)")


# ---------------------------------------------------------------- ways to open the editor


def test_double_click_enter_f2_and_the_details_button_open_the_editor(
        qtbot, window, editing):
    table = window.item_view
    where = row_rect(table, "q-trump-great-honor").center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: editing.editor is not None)
    assert editing.editor.item().id == "q-trump-great-honor"
    assert editing.editor.windowTitle() == "Edit Quote"
    editing.editor.reject()

    click_item(qtbot, window, "e-phone-call")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert editing.editor.item().id == "e-phone-call"
    editing.editor.reject()

    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert editing.editor.item().id == "e-phone-call"
    editing.editor.reject()

    window.actions["toggle_details"].setChecked(True)  # View > Show Details
    button = window.details.edit_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editing.editor.item().id == "e-phone-call"
    editing.editor.reject()

    assert editing.actions["edit_item"] in window.menus["item"].actions()


def test_the_editor_shows_every_stored_field(qtbot, sample_fb):
    item = sample_fb.get_item("q-bessent-strong-action")
    editor = ItemEditorDialog(sample_fb, load_scheme("us"), item)
    qtbot.addWidget(editor)
    assert editor.item() == item  # nothing lost or changed by loading and reading back


def test_an_unknown_marking_is_kept_not_replaced(qtbot, sample_fb):
    item = sample_fb.save_item(Item(id="", kind="fact", text="From another office",
                                    marking="RESTRICTED"))
    editor = ItemEditorDialog(sample_fb, load_scheme("us"), item)
    qtbot.addWidget(editor)
    assert editor.marking.currentText() == "RESTRICTED (not in the us scheme)"
    assert editor.item().marking == "RESTRICTED"
    codes = [editor.marking.itemData(i) for i in range(editor.marking.count())]
    assert codes == ["", "U", "CUI", "C", "S", "TS", "RESTRICTED"]


def test_every_field_of_the_editor_has_an_accessible_name(qtbot, sample_fb):
    editor = ItemEditorDialog(sample_fb, load_scheme("us"), kind="quote")
    qtbot.addWidget(editor)
    fields = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QListWidget)
              for w in editor.findChildren(kind)]
    assert len(fields) >= 17
    assert [f.objectName() for f in fields if not f.accessibleName()] == []


def test_the_toolbar_offers_new_edit_and_delete(qtbot, window, editing):
    button = window.toolbar.findChild(QToolButton, "newItemButton")
    assert [a.text() for a in button.menu().actions()] == [
        "New &Fact…", "New &Quote…", "New &Event…"]
    toolbar_actions = window.toolbar.actions()
    assert editing.actions["edit_item"] in toolbar_actions
    assert editing.actions["delete_items"] in toolbar_actions
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editing.editor is not None and editing.editor.windowTitle() == "New Fact"
    editing.editor.reject()
    button.menu().actions()[2].trigger()
    assert editing.editor.windowTitle() == "New Event"


def test_a_save_the_fact_base_refuses_keeps_the_dialog_and_the_typing(
        qtbot, window, editing, sample_fb, answers):
    sample_fb.save_source(Source(id="s-tmp", outlet="Short-lived outlet"))
    editor = new_editor(qtbot, window, editing)
    qtbot.keyClicks(editor.text, "A fact citing a source that is about to vanish.")
    pick(qtbot, editor.source.box, "Short-lived outlet")
    sample_fb.delete_source("s-tmp")  # another program removes it meanwhile

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "There is no source with the id 's-tmp'" in answers.texts[0]
    assert editor.isVisible()
    assert editor.text.toPlainText() == "A fact citing a source that is about to vanish."
    assert window.undo_stack.count() == 0
