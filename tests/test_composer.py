"""The composer driven as a staffer would: briefings from templates, items dropped into
sections, blocks moved and written in place, every edit saved at once and undoable."""

from __future__ import annotations

import pytest
from composer_helpers import (
    drag_items,
    layout,
    open_window,
    section_id,
    select_block,
    select_section,
    type_into,
    write_in_place,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from briefing_app.core.model import Block, Briefing, Section
from briefing_app.core.templates import available_templates, load_template
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base
from briefing_app.store import FactBase
from briefing_app.ui.composer.briefings_list import NewBriefingDialog
from briefing_app.ui.composer.tree_model import BLOCK_IDS_MIME
from briefing_app.ui.item_model import ITEM_IDS_MIME, USED_ROLE


@pytest.fixture
def app(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    return window, composer, sample_fb


@pytest.fixture
def fresh(app, monkeypatch):
    """The app with a new, empty meeting brief open."""
    window, composer, fb = app
    monkeypatch.setattr(NewBriefingDialog, "ask",
                        classmethod(lambda cls, parent: ("meeting-brief", "Trade talks")))
    composer.briefings.actions["new"].trigger()
    return window, composer, fb, composer.session.briefing_id


def undo(window):
    window.actions["undo"].trigger()


def redo(window):
    window.actions["redo"].trigger()


# ---------------------------------------------------------------- briefings


def test_the_latest_briefing_opens_and_its_items_are_marked_in_the_fact_base(app):
    window, composer, fb = app
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    assert composer.panel.title.text() == fb.get_briefing(SAMPLE_BRIEFING_ID).title
    used = fb.get_briefing(SAMPLE_BRIEFING_ID).item_ids()
    model = window.item_model
    marked = {model.item_id(r) for r in range(model.rowCount())
              if model.index(r, 0).data(USED_ROLE)}
    assert marked == set(used)


@pytest.mark.parametrize("template_name", available_templates())
def test_a_briefing_is_created_from_each_template_and_undone(app, monkeypatch,
                                                             template_name):
    window, composer, fb = app
    template = load_template(template_name)
    monkeypatch.setattr(NewBriefingDialog, "ask",
                        classmethod(lambda cls, parent: (template_name, "New brief")))
    before = {s.id for s in fb.list_briefings()}

    composer.briefings.actions["new"].trigger()

    new_id = composer.session.briefing_id
    assert new_id not in before
    stored = fb.get_briefing(new_id)
    assert (stored.title, stored.template) == ("New brief", template_name)
    assert [(s.heading, s.automatic) for s in stored.sections] == [
        (s.heading, s.automatic) for s in template.sections]
    assert composer.briefings.list.currentItem().text().startswith("New brief")
    assert composer.panel.model.rowCount() == len(template.sections)

    undo(window)
    assert fb.get_briefing(new_id) is None
    assert composer.session.briefing_id is None
    redo(window)
    assert fb.get_briefing(new_id).sections == stored.sections  # same ids come back
    assert composer.session.briefing_id == new_id


def test_duplicate_rename_and_delete_with_confirmation_and_undo(app, monkeypatch, answers):
    window, composer, fb = app
    composer.briefings.actions["duplicate"].trigger()
    copy_id = composer.session.briefing_id
    assert copy_id != SAMPLE_BRIEFING_ID
    assert layout(fb, copy_id) == layout(fb, SAMPLE_BRIEFING_ID)
    assert fb.get_briefing(copy_id).title.endswith("(copy)")

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText",
                        lambda *a, **k: ("Copy for the deputy", True))
    composer.briefings.actions["rename"].trigger()
    assert fb.get_briefing(copy_id).title == "Copy for the deputy"

    answers.button = QMessageBox.StandardButton.Cancel
    composer.briefings.actions["delete"].trigger()
    assert fb.get_briefing(copy_id) is not None  # not confirmed: kept
    assert "Copy for the deputy" in answers.texts[0]

    answers.button = QMessageBox.StandardButton.Yes
    composer.briefings.actions["delete"].trigger()
    assert fb.get_briefing(copy_id) is None
    assert all(s.id != copy_id for s in fb.list_briefings())

    undo(window)
    assert fb.get_briefing(copy_id).title == "Copy for the deputy"
    assert composer.session.briefing_id == copy_id
    undo(window)
    assert fb.get_briefing(copy_id).title.endswith("(copy)")


def test_save_as_template_keeps_the_sections(app, monkeypatch):
    _window, composer, _fb = app
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText",
                        lambda *a, **k: ("Petro style brief", True))
    composer.briefings.actions["save_template"].trigger()
    template = load_template("petro-style-brief")
    assert [s.heading for s in template.sections] == [
        s.heading for s in composer.session.briefing.sections]


# ---------------------------------------------------------------- blocks


def test_items_dragged_from_the_table_land_at_the_drop_row(fresh):
    window, composer, fb, briefing_id = fresh
    # two rows dragged together arrive in table order (newest first)
    assert drag_items(window, composer, ["f-visa-revoked", "f-ofac-sanctions"], "Background", 0)
    assert drag_items(window, composer, ["e-phone-call"], "Background", 1)
    assert layout(fb, briefing_id)[1] == (
        "Background", ["f-ofac-sanctions", "e-phone-call", "f-visa-revoked"])

    # what the staffer sees: the tree, and the check marks in the fact base table
    model = composer.panel.model
    background = model.section_index(section_id(composer, "Background"))
    assert model.rowCount(background) == 3
    assert "phone call" in model.index(1, 0, background).data()
    row = window.item_model.row_of("e-phone-call")
    assert window.item_model.index(row, 0).data(USED_ROLE) is True

    undo(window)
    assert layout(fb, briefing_id)[1][1] == ["f-ofac-sanctions", "f-visa-revoked"]
    assert window.item_model.index(row, 0).data(USED_ROLE) is False
    redo(window)
    assert layout(fb, briefing_id)[1][1] == [
        "f-ofac-sanctions", "e-phone-call", "f-visa-revoked"]


def test_the_table_offers_item_ids_as_drag_data(app):
    window, _composer, _fb = app
    model = window.item_model
    index = model.index(0, 2)
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([index, model.index(0, 3)])  # two cells of one row: one id
    assert bytes(mime.data(ITEM_IDS_MIME)).decode() == f'["{model.item_id(0)}"]'
    assert mime.text()


def test_automatic_sections_refuse_drops(fresh):
    window, composer, fb, briefing_id = fresh
    assert not drag_items(window, composer, ["f-visa-revoked"], "Timeline", 0)
    assert all(not blocks for _, blocks in layout(fb, briefing_id))


def test_blocks_are_dragged_within_and_between_sections(fresh):
    window, composer, fb, briefing_id = fresh
    for item_id in ("f-visa-revoked", "f-ofac-sanctions", "e-phone-call"):
        drag_items(window, composer, [item_id], "Background", -1)
    model = composer.panel.model
    blocks = composer.session.briefing.sections[1].blocks
    mime = model.mimeData([model.block_index(blocks[2].id)])
    assert mime.hasFormat(BLOCK_IDS_MIME)
    key_issues = model.section_index(section_id(composer, "Key Issues"))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, key_issues)
    assert layout(fb, briefing_id)[1:3] == [
        ("Background", ["f-visa-revoked", "f-ofac-sanctions"]),
        ("Key Issues", ["e-phone-call"]),
    ]
    assert model.removeRows(0, 1, key_issues) is False  # a finished move drag deletes nothing

    background = model.section_index(section_id(composer, "Background"))
    mime = model.mimeData([model.block_index(blocks[0].id)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, background)
    assert layout(fb, briefing_id)[1][1] == ["f-ofac-sanctions", "f-visa-revoked"]
    undo(window)
    undo(window)
    assert layout(fb, briefing_id)[1][1] == ["f-visa-revoked", "f-ofac-sanctions",
                                             "e-phone-call"]
    redo(window)
    assert layout(fb, briefing_id)[2][1] == ["e-phone-call"]


def test_alt_up_moves_the_selected_block_and_undo_puts_it_back(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    for item_id in ("f-visa-revoked", "f-ofac-sanctions"):
        drag_items(window, composer, [item_id], "Background", -1)
    moved = composer.session.briefing.sections[1].blocks[1].id
    select_block(composer, moved)
    tree = composer.panel.tree
    tree.setFocus()

    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert layout(fb, briefing_id)[1][1] == ["f-ofac-sanctions", "f-visa-revoked"]
    assert tree.currentIndex().data(Qt.ItemDataRole.UserRole + 12) == moved  # still selected

    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # into Purpose
    assert layout(fb, briefing_id)[0] == ("Purpose", ["f-ofac-sanctions"])

    undo(window)
    undo(window)
    assert layout(fb, briefing_id)[1][1] == ["f-visa-revoked", "f-ofac-sanctions"]
    redo(window)
    assert layout(fb, briefing_id)[1][1] == ["f-ofac-sanctions", "f-visa-revoked"]


def test_a_talking_point_is_written_in_place(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    select_section(composer, "Talking Points")
    write_in_place(qtbot, composer, "add_talking_point", "Thank him for the call.")

    points = fb.get_briefing(briefing_id).sections[3]
    assert [(b.style, b.text) for b in points.blocks] == [
        ("talking-point", "Thank him for the call.")]
    index = composer.panel.model.block_index(points.blocks[0].id)
    assert index.data() == "Thank him for the call."

    undo(window)  # the words
    assert fb.get_briefing(briefing_id).sections[3].blocks[0].text == ""
    undo(window)  # the block
    assert fb.get_briefing(briefing_id).sections[3].blocks == []
    redo(window)
    redo(window)
    assert fb.get_briefing(briefing_id).sections[3].blocks[0].text == "Thank him for the call."


def test_note_and_override_keep_the_item_linked(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    drag_items(window, composer, ["f-visa-revoked"], "Background", 0)
    block_id = composer.session.briefing.sections[1].blocks[0].id
    select_block(composer, block_id)
    editor = composer.panel.block_editor
    assert "revoked" in editor.item_text.text()

    type_into(qtbot, editor.note, "Confirm with consular affairs")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    editor.text.setFocus()
    qtbot.keyClicks(editor.text, "His visa was withdrawn.")
    qtbot.waitUntil(lambda: not editor.pending, timeout=3000)

    stored = fb.get_briefing(briefing_id).sections[1].blocks[0]
    assert (stored.item, stored.note, stored.override) == (
        "f-visa-revoked", "Confirm with consular affairs", "His visa was withdrawn.")
    assert composer.panel.model.block_index(block_id).data() == "His visa was withdrawn."
    undo(window)
    assert fb.get_briefing(briefing_id).sections[1].blocks[0].override == ""
    assert editor.text.toPlainText() == ""  # the editor follows undo


def test_sections_are_added_renamed_moved_and_removed(qtbot, fresh, monkeypatch):
    window, composer, fb, briefing_id = fresh
    select_section(composer, "Purpose")
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText",
                        lambda *a, **k: ("Bottom Line", True))
    composer.panel.actions["add_section"].trigger()
    headings = [h for h, _ in layout(fb, briefing_id)]
    assert headings[:3] == ["Purpose", "Bottom Line", "Background"]

    model = composer.panel.model
    index = model.section_index(section_id(composer, "Bottom Line"))
    assert model.setData(index, "BLUF")
    tree = composer.panel.tree
    tree.setCurrentIndex(model.section_index(section_id(composer, "BLUF")))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [h for h, _ in layout(fb, briefing_id)][:2] == ["BLUF", "Purpose"]

    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert "BLUF" not in [h for h, _ in layout(fb, briefing_id)]
    for _ in range(4):
        undo(window)
    assert [h for h, _ in layout(fb, briefing_id)] == [
        s.heading for s in load_template("meeting-brief").sections]


def test_removing_blocks_is_undoable(qtbot, app):
    window, composer, fb = app
    before = layout(fb, SAMPLE_BRIEFING_ID)
    background = composer.session.briefing.sections[1]
    select_block(composer, background.blocks[0].id)
    composer.panel.tree.setFocus()
    qtbot.keyClick(composer.panel.tree, Qt.Key.Key_Delete)
    assert layout(fb, SAMPLE_BRIEFING_ID)[1][1] == before[1][1][1:]
    undo(window)
    assert layout(fb, SAMPLE_BRIEFING_ID) == before


def test_header_typing_is_saved_as_it_happens_and_undone_in_one_step(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    form = composer.panel.header_form
    type_into(qtbot, form.fields["subject"], "Tariffs and visas")
    assert fb.get_briefing(briefing_id).subject == "Tariffs and visas"

    type_into(qtbot, form.fields["meeting_date"], "2026-02-3")
    qtbot.keyClick(form.fields["meeting_date"], Qt.Key.Key_Return)
    assert fb.get_briefing(briefing_id).meeting.date == ""  # not a date: not saved
    assert "not a date" in form.date_problem.text()
    type_into(qtbot, form.fields["meeting_date"], "2026-02-03T11:00")
    qtbot.keyClick(form.fields["meeting_date"], Qt.Key.Key_Return)
    assert fb.get_briefing(briefing_id).meeting.date == "2026-02-03T11:00"
    assert form.date_problem.isHidden()

    undo(window)
    assert fb.get_briefing(briefing_id).meeting.date == ""
    undo(window)
    assert fb.get_briefing(briefing_id).subject == ""
    assert form.fields["subject"].text() == ""


def test_every_edit_is_in_the_file_without_saving(qtbot, fresh, tmp_path):
    window, composer, fb, briefing_id = fresh
    drag_items(window, composer, ["f-visa-revoked"], "Background", 0)
    type_into(qtbot, composer.panel.header_form.fields["to"], "The Secretary")
    with FactBase.open(fb.path) as other:  # another connection sees it all, committed
        stored = other.get_briefing(briefing_id)
    assert stored.to == "The Secretary"
    assert stored.sections[1].blocks[0].item == "f-visa-revoked"


# ---------------------------------------------------------------- preview, warnings, length


def test_a_correction_in_the_fact_base_shows_in_the_preview(qtbot, app):
    window, composer, fb = app
    browser = composer.preview.browser
    qtbot.waitUntil(lambda: "revoked Petro" in browser.toPlainText(), timeout=5000)
    item = fb.get_item("f-visa-revoked")
    item.text = "Washington cancelled Petro’s visa in late September 2025."
    fb.save_item(item)
    window.fact_base_changed.emit()
    qtbot.waitUntil(lambda: "cancelled Petro" in browser.toPlainText(), timeout=5000)
    assert "revoked Petro" not in browser.toPlainText()


def test_the_preview_follows_each_edit(qtbot, fresh):
    _window, composer, _fb, _briefing_id = fresh
    select_section(composer, "Purpose")
    write_in_place(qtbot, composer, "add_paragraph", "To agree on a counternarcotics plan.")
    browser = composer.preview.browser
    qtbot.waitUntil(lambda: "counternarcotics plan" in browser.toPlainText(), timeout=5000)


def test_print_preview_shows_the_pdf_pages(qtbot, app):
    _window, composer, _fb = app
    composer.actions["print_preview"].trigger()
    preview = composer.preview
    assert preview.stack.currentWidget() is preview.pdf_view
    qtbot.waitUntil(lambda: preview.pdf_document.pageCount() >= 2, timeout=15000)
    assert "pages" in preview.status.text()


def test_the_warnings_panel_lists_an_unverified_item_and_selects_its_block(qtbot, app):
    _window, composer, fb = app
    panel = composer.panel.warnings
    texts = [panel.list.item(r).text() for r in range(panel.list.count())]
    visa = [r for r, t in enumerate(texts) if t.startswith("Unverified") and "visa" in t]
    assert visa, texts
    entry = panel.list.item(visa[0])
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(entry).center())
    current = composer.panel.tree.currentIndex()
    block = composer.session.block(current.data(Qt.ItemDataRole.UserRole + 12))
    assert block is not None and block.item == "f-visa-revoked"

    item = fb.get_item("f-visa-revoked")
    item.status = "verified"
    fb.save_item(item)
    _window.fact_base_changed.emit()
    texts = [panel.list.item(r).text() for r in range(panel.list.count())]
    assert not any(t.startswith("Unverified") and "visa" in t for t in texts)


def test_length_shows_words_pages_and_a_warning_over_the_page_target(qtbot, app, monkeypatch):
    window, composer, fb = app
    monkeypatch.setattr(NewBriefingDialog, "ask",
                        classmethod(lambda cls, parent: ("one-page-brief", "Short one")))
    composer.briefings.actions["new"].trigger()
    label = composer.panel.length_label
    qtbot.waitUntil(lambda: "words" in label.text() and "target 1" in label.text(),
                    timeout=5000)
    assert "over the page target" not in label.text()

    long_text = "A long paragraph that a staffer should cut before the meeting. " * 12
    purpose = section_id(composer, "Purpose")
    for _ in range(12):
        composer.session.add_text_block(purpose, 0, "paragraph", long_text)
    qtbot.waitUntil(lambda: "over the page target" in label.text(), timeout=5000)
    assert "⚠" in label.text()


def test_a_briefing_citing_a_deleted_item_shows_it_as_missing(qtbot, app):
    window, composer, fb = app
    fb.save_briefing(Briefing(id="b-x", title="Gone", sections=[
        Section("Background", [Block(item="no-such-item")])]))
    composer.session.open("b-x")
    model = composer.panel.model
    index = model.index(0, 0, model.index(0, 0))
    assert "missing" in index.data()
    assert any("no longer exists" in w.message for w in composer.panel.warnings.warnings)


def test_add_to_briefing_from_the_item_menu_and_by_shortcut(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    table, model = window.item_view, window.item_model
    table.selectRow(model.row_of("q-petro-decisive"))

    composer.add_menu.aboutToShow.emit()  # the submenu lists the ordinary sections
    entries = {a.text(): a for a in composer.add_menu.actions() if not a.isSeparator()}
    assert list(entries) == ["&Selected Section\tCtrl+B", "Purpose", "Background", "Key Issues",
                             "Talking Points", "Outcome Scenarios"]
    assert composer.add_menu.menuAction() in window.menus["item"].actions()
    entries["Key Issues"].trigger()
    assert layout(fb, briefing_id)[2] == ("Key Issues", ["q-petro-decisive"])

    select_section(composer, "Outcome Scenarios")  # the shortcut uses the composer's section
    table.selectRow(model.row_of("f-outcome-range"))
    window.activateWindow()
    qtbot.waitActive(window)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert composer.add_shortcut.key().toString() == "Ctrl+B"
    qtbot.keyClick(table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert layout(fb, briefing_id)[6] == ("Outcome Scenarios", ["f-outcome-range"])


def test_delete_in_the_tree_removes_blocks_never_fact_base_items(qtbot, app):
    window, composer, fb = app
    deleted = []
    delete_items = QAction("Delete items", window)  # like the fact base's window-wide Delete
    delete_items.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete_items.triggered.connect(lambda: deleted.append(True))
    window.addAction(delete_items)
    window.item_view.selectRow(0)
    window.activateWindow()
    qtbot.waitActive(window)

    first = composer.session.briefing.sections[1].blocks[0]
    select_block(composer, first.id)
    tree = composer.panel.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert deleted == []
    assert composer.session.block(first.id) is None
    assert fb.get_item(first.item) is not None


def test_delete_elsewhere_in_the_composer_does_not_delete_items(qtbot, app):
    window, composer, _fb = app
    for action in window.findChildren(QAction):  # the window's own Delete, if wired in,
        if action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete):  # stands
            action.setShortcut(QKeySequence())  # aside for the one this test counts
    deleted = []
    delete_items = QAction("Delete items", window)
    delete_items.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete_items.triggered.connect(lambda: deleted.append(True))
    window.addAction(delete_items)
    window.activateWindow()
    qtbot.waitActive(window)
    warnings = composer.panel.warnings.list
    warnings.setCurrentRow(0)
    warnings.setFocus()
    qtbot.waitUntil(warnings.hasFocus)
    qtbot.keyClick(warnings, Qt.Key.Key_Delete)
    assert deleted == []
    window.item_view.setFocus()  # in the table the same key is the table's again
    qtbot.waitUntil(window.item_view.hasFocus)
    qtbot.keyClick(window.item_view, Qt.Key.Key_Delete)
    assert deleted == [True]


def test_an_item_is_overridden_in_place_and_back(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    drag_items(window, composer, ["f-visa-revoked"], "Background", 0)
    block_id = composer.session.briefing.sections[1].blocks[0].id
    model = composer.panel.model
    index = model.block_index(block_id)
    assert index.data(Qt.ItemDataRole.EditRole) == fb.get_item("f-visa-revoked").text
    assert model.setData(index, "Washington withdrew Petro’s visa.")
    assert fb.get_briefing(briefing_id).sections[1].blocks[0].override == (
        "Washington withdrew Petro’s visa.")
    # typing the fact base's words back removes the override: the link is live again
    index = model.block_index(block_id)
    assert model.setData(index, fb.get_item("f-visa-revoked").text)
    assert fb.get_briefing(briefing_id).sections[1].blocks[0].override == ""


def test_the_preview_type_can_be_made_larger_and_smaller(qtbot, app):
    _window, composer, _fb = app
    preview = composer.preview
    qtbot.waitUntil(lambda: preview.last_result is not None, timeout=5000)
    assert "9.6pt" in preview.last_result.html  # 80 % of the memo's 12 pt: more fits
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "10.8pt" in preview.last_result.html, timeout=5000)
    assert preview.last_result.length.words > 0  # counts use the real memo, not the zoom


def test_closing_the_window_right_after_typing_loses_nothing(qtbot, fresh):
    window, composer, fb, briefing_id = fresh
    drag_items(window, composer, ["f-visa-revoked"], "Background", 0)
    select_block(composer, composer.session.briefing.sections[1].blocks[0].id)
    editor = composer.panel.block_editor
    qtbot.keyClicks(editor.text, "Visa withdrawn")
    assert editor.pending  # not saved yet: the pause has not come
    form = composer.panel.header_form
    type_into(qtbot, form.fields["date"], "2026-02-02")  # a date is saved when left
    window.close()
    stored = fb.get_briefing(briefing_id)
    assert stored.sections[1].blocks[0].override == "Visa withdrawn"
    assert stored.date == "2026-02-02"


def test_a_section_is_dragged_to_another_place(fresh):
    window, composer, fb, briefing_id = fresh
    model = composer.panel.model
    mime = model.mimeData([model.section_index(section_id(composer, "Talking Points"))])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert [h for h, _ in layout(fb, briefing_id)][:3] == [
        "Purpose", "Talking Points", "Background"]
    mime = model.mimeData([model.section_index(section_id(composer, "Purpose"))])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert [h for h, _ in layout(fb, briefing_id)][-1] == "Purpose"
    undo(window)
    undo(window)
    assert [h for h, _ in layout(fb, briefing_id)][:3] == [
        "Purpose", "Background", "Key Issues"]


def test_opening_another_fact_base_shows_its_briefings(qtbot, app, tmp_path):
    window, composer, _fb = app
    other_path = tmp_path / "other.sqlite"
    other = create_fact_base(other_path, empty=True)
    other.save_briefing(Briefing(id="b-other", title="Other office brief",
                                 sections=[Section("Purpose")]))
    other.close()
    window.replace_fact_base(FactBase.open(other_path), other_path)

    assert composer.session.briefing_id == "b-other"
    assert composer.briefings.list.count() == 1
    assert "Other office brief" in composer.briefings.list.item(0).text()
    assert composer.panel.model.rowCount() == 1
    qtbot.waitUntil(lambda: composer.preview.last_result is not None
                    and composer.preview.last_result.briefing_id == "b-other", timeout=5000)


def test_the_docks_come_back_where_the_staffer_left_them(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, composer.composer_dock)
    window.close()

    again, composer_again = open_window(qtbot, sample_fb)
    assert again.dockWidgetArea(composer_again.composer_dock) == \
        Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.dockWidgetArea(composer_again.briefings_dock) == \
        Qt.DockWidgetArea.RightDockWidgetArea


def test_the_participants_list_follows_people_and_keeps_still_for_other_changes(
        qtbot, sample_fb):
    from dataclasses import replace

    from briefing_app.core.model import Person

    window, composer = open_window(qtbot, sample_fb)
    composer.session.open(SAMPLE_BRIEFING_ID)
    composer.panel.tabs.setCurrentIndex(1)  # the header form: its choices load when shown
    people = composer.panel.header_form.participants_model

    def labels():
        return [people.index(row).data() for row in range(people.rowCount())]

    def ticked_labels():
        return [people.index(row).data() for row in range(people.rowCount())
                if people.index(row).data(Qt.ItemDataRole.CheckStateRole)
                == Qt.CheckState.Checked]

    shown, ticked = labels(), ticked_labels()
    assert ticked
    item = sample_fb.get_item("f-visa-revoked")
    sample_fb.save_item(replace(item, text=item.text + " (edited)"))
    resets = []
    people.modelReset.connect(lambda: resets.append(True))
    window.fact_base_changed.emit()
    assert labels() == shown and resets == []  # an item edit does not rebuild the list
    assert ticked_labels() == ticked

    sample_fb.save_person(Person("p-new", "Marco Rubio", role="Secretary of State"))
    window.fact_base_changed.emit()
    assert "Marco Rubio — Secretary of State" in labels()
    assert ticked_labels() == ticked


def test_the_header_choices_are_read_when_the_header_form_first_shows(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    composer.session.open(SAMPLE_BRIEFING_ID)
    form = composer.panel.header_form
    people = form.participants_model
    assert not form.isVisible() and people.rowCount() == 0  # not before it shows
    composer.panel.tabs.setCurrentIndex(1)
    assert people.rowCount() == len(sample_fb.list_people())


def test_long_header_fields_show_their_beginning(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    composer.session.open(SAMPLE_BRIEFING_ID)
    composer.panel.tabs.setCurrentIndex(1)
    subject = composer.panel.header_form.fields["subject"]
    assert subject.text().startswith("Your meeting with Colombian President")
    assert subject.cursorPosition() == 0  # so the field shows "Your meeting…", not its tail


def test_a_click_on_a_participants_box_adds_them_to_the_memo_and_a_second_removes_them(
        qtbot, sample_fb):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    window, composer = open_window(qtbot, sample_fb)
    composer.session.open(SAMPLE_BRIEFING_ID)
    composer.panel.tabs.setCurrentIndex(1)
    form = composer.panel.header_form
    view, people = form.participants, form.participants_model
    before = list(composer.session.briefing.meeting.participants)
    row = next(r for r, person_id in enumerate(people.ids()) if person_id not in before)
    index = people.index(row)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                      option, view)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert composer.session.briefing.meeting.participants == [*before, people.ids()[row]]
    assert sample_fb.get_briefing(SAMPLE_BRIEFING_ID).meeting.participants == [
        *before, people.ids()[row]]

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert composer.session.briefing.meeting.participants == before
