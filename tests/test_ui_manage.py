"""Managing people, sources and tags: edit, merge (references move), rename everywhere."""

from __future__ import annotations

import pytest
from editing_helpers import answer_next_dialog
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from briefing_app.core.model import Briefing, Item, Meeting, Person, Source
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID


def select_rows(qtbot, dialog, keys: list[str]) -> None:
    """Click the first row, Ctrl+click the others."""
    table = dialog.table
    for number, key in enumerate(keys):
        cell = dialog.records.index(dialog.row_of(key), 0)
        table.scrollTo(cell)
        modifier = Qt.KeyboardModifier.ControlModifier if number else \
            Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                         table.visualRect(cell).center())
    assert dialog.selected_keys() == sorted(keys, key=dialog.row_of)


def click_radio(qtbot, radio) -> None:
    """Click the round indicator (a radio button ignores clicks beyond its label)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def column(dialog, number: int) -> list[str]:
    records = dialog.records
    return [records.index(row, number).data() for row in range(records.rowCount())]


# ---------------------------------------------------------------- people


@pytest.fixture
def duplicate_petro(sample_fb):
    """A second record for Petro, as an import from another office would bring."""
    sample_fb.save_person(Person(id="p-petro-2", name="G. Petro", country="Colombia"))
    sample_fb.save_item(Item(id="q-dup", kind="quote", text="Colombia is sovereign.",
                             speaker="p-petro-2", people=["p-petro-2", "p-trump"]))
    briefing = sample_fb.save_briefing(Briefing(
        id="b-other", title="Other", meeting=Meeting(participants=["p-petro-2", "p-petro"])))
    return briefing


def test_merging_two_people_moves_every_reference_and_can_be_undone(
        qtbot, window, editing, sample_fb, duplicate_petro):
    dialog = editing.open_manager("people")
    assert dialog.isVisible() and dialog.windowTitle() == "People"
    assert column(dialog, 0) == ["Donald Trump", "G. Petro", "Gustavo Petro", "Scott Bessent"]
    assert column(dialog, 4)[1] == "1"  # items naming G. Petro
    select_rows(qtbot, dialog, ["p-petro-2", "p-petro"])
    asked = []

    def keep_gustavo(merge):
        asked.append(merge.question.text())
        assert merge.keep_second.isChecked()  # the one named more often is proposed
        click_radio(qtbot, merge.keep_first)
        click_radio(qtbot, merge.keep_second)
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, keep_gustavo)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert seen
    assert asked == ["Merge “G. Petro” and “Gustavo Petro”? Keep:"]
    assert sample_fb.get_person("p-petro-2") is None
    quote = sample_fb.get_item("q-dup")
    assert quote.speaker == "p-petro" and quote.people == ["p-petro", "p-trump"]
    assert sample_fb.get_briefing("b-other").meeting.participants == ["p-petro"]
    assert column(dialog, 0) == ["Donald Trump", "Gustavo Petro", "Scott Bessent"]
    assert sample_fb.count('person:"G. Petro"') == 0

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo there
    assert sample_fb.get_person("p-petro-2").name == "G. Petro"
    quote = sample_fb.get_item("q-dup")
    assert quote.speaker == "p-petro-2" and quote.people == ["p-petro-2", "p-trump"]
    assert sample_fb.get_briefing("b-other").meeting.participants == ["p-petro-2", "p-petro"]
    assert "G. Petro" in column(dialog, 0)


def test_editing_a_person_in_the_manager(qtbot, window, editing, sample_fb):
    dialog = editing.open_manager("people")
    select_rows(qtbot, dialog, ["p-bessent"])

    def retitle(person_dialog):
        person_dialog.role.selectAll()
        qtbot.keyClicks(person_dialog.role, "Secretary of the Treasury")
        qtbot.mouseClick(person_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, retitle)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert seen
    assert sample_fb.get_person("p-bessent").role == "Secretary of the Treasury"
    assert column(dialog, 1)[dialog.row_of("p-bessent")] == "Secretary of the Treasury"
    window.undo_stack.undo()
    assert sample_fb.get_person("p-bessent").role == "Treasury Secretary"


def test_a_person_still_named_cannot_be_deleted(qtbot, window, editing, sample_fb, answers):
    sample_fb.save_person(Person(id="p-unused", name="Nobody Yet"))
    dialog = editing.open_manager("people")
    select_rows(qtbot, dialog, ["p-bessent"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert answers.texts[0] == "Delete Scott Bessent?"
    assert "Scott Bessent cannot be deleted" in answers.texts[1]
    assert sample_fb.get_person("p-bessent") is not None

    select_rows(qtbot, dialog, ["p-unused"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert sample_fb.get_person("p-unused") is None
    window.undo_stack.undo()
    assert sample_fb.get_person("p-unused").name == "Nobody Yet"


# ---------------------------------------------------------------- sources


def test_merging_two_sources_moves_the_items(qtbot, window, editing, sample_fb):
    sample_fb.save_source(Source(id="s-efe-2", outlet="Agencia EFE"))
    sample_fb.save_item(Item(id="f-efe", kind="fact", text="Reported by EFE.",
                             source="s-efe-2"))
    efe_items = set(sample_fb.search_ids("source:efe", limit=None))
    dialog = editing.open_manager("sources")
    assert column(dialog, 0)[:2] == ["Agencia EFE", "Briefing seed article"]
    select_rows(qtbot, dialog, ["s-efe-2", "s-efe"])

    def keep_efe(merge):
        assert merge.question.text() == "Merge “Agencia EFE” and “EFE”? Keep:"
        click_radio(qtbot, merge.keep_second)
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)

    seen = answer_next_dialog(qtbot, keep_efe)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert seen
    assert sample_fb.get_source("s-efe-2") is None
    assert sample_fb.get_item("f-efe").source == "s-efe"
    assert set(sample_fb.search_ids("source:efe", limit=None)) == efe_items
    window.undo_stack.undo()
    assert sample_fb.get_item("f-efe").source == "s-efe-2"


# ---------------------------------------------------------------- tags


def rename_in_place(qtbot, dialog, old: str, new: str) -> None:
    """Select the tag, press F2 (or the Rename button), type the new name, press Enter."""
    select_rows(qtbot, dialog, [old])
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    editor = dialog.table.viewport().findChild(QLineEdit)  # the cell's editor
    assert editor is not None and editor.text() == old
    editor.selectAll()
    qtbot.keyClicks(editor, new)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_renaming_a_tag_renames_it_on_every_item(qtbot, window, editing, sample_fb):
    tagged = sample_fb.search_ids("tag:ofac", limit=None)
    assert len(tagged) == 2
    dialog = editing.open_manager("tags")
    dialog.activateWindow()
    rename_in_place(qtbot, dialog, "ofac", "OFAC designations")
    # the cell shows the typed name at once; the rename runs once the editor has closed
    qtbot.waitUntil(lambda: "ofac" not in dict(sample_fb.list_tags()))
    assert "OFAC designations" in column(dialog, 0)
    assert sorted(sample_fb.search_ids('tag:"OFAC designations"', limit=None)) == sorted(tagged)
    assert all("OFAC designations" in item.tags for item in sample_fb.get_items(tagged))
    assert dialog.selected_keys() == ["OFAC designations"]

    window.undo_stack.undo()
    assert sorted(sample_fb.search_ids("tag:ofac", limit=None)) == sorted(tagged)
    assert "ofac" in column(dialog, 0)


def test_renaming_onto_an_existing_tag_is_refused_and_points_to_merge(
        qtbot, window, editing, sample_fb, answers):
    dialog = editing.open_manager("tags")
    dialog.activateWindow()
    rename_in_place(qtbot, dialog, "ofac", "sanctions")
    qtbot.waitUntil(lambda: bool(answers.shown))
    assert "merge the two tags instead" in answers.texts[0]
    assert "ofac" in column(dialog, 0)  # the old name is shown again
    assert sample_fb.count("tag:ofac") == 2


def test_merging_two_tags_and_deleting_one(qtbot, window, editing, sample_fb, answers):
    dialog = editing.open_manager("tags")
    select_rows(qtbot, dialog, ["phone-call", "meeting"])

    def keep_meeting(merge):
        assert merge.question.text() == "Merge “meeting” and “phone-call”? Keep:"
        assert "1 item" in merge.detail.text() or "items" in merge.detail.text()
        qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)  # keeps the first

    seen = answer_next_dialog(qtbot, keep_meeting)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert seen
    assert sample_fb.count("tag:phone-call") == 0
    assert sample_fb.count("tag:meeting") == 5
    window.undo_stack.undo()
    assert sample_fb.count("tag:phone-call") == 2 and sample_fb.count("tag:meeting") == 3

    select_rows(qtbot, dialog, ["coca"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert sample_fb.count("tag:coca") == 0
    window.undo_stack.undo()
    assert sample_fb.count("tag:coca") == 1


def test_the_managers_are_in_the_item_menu_and_reload_after_changes(
        qtbot, window, editing, sample_fb):
    texts = [a.text() for a in window.menus["item"].actions()]
    assert {"Manage &People…", "Manage S&ources…", "Manage Ta&gs…"} <= set(texts)
    dialog = editing.open_manager("tags")
    sample_fb.save_item(Item(id="", kind="fact", text="x", tags=["brand-new"]))
    window.fact_base_changed.emit()
    assert "brand-new" in column(dialog, 0)
    assert sample_fb.get_briefing(SAMPLE_BRIEFING_ID) is not None


def test_an_open_manager_refills_every_row_after_a_change(qtbot, window, editing, sample_fb):
    """The manager hands its rows to the view, which sizes its columns on the first rows
    (a table widget sized to its contents cell by cell took 155 s for 3,000 people in the
    window of a million-item fact base); what it shows after a change is still every
    record."""
    dialog = editing.open_manager("people")
    sample_fb.save_people([Person(f"p-bulk-{n:04d}", f"Staffer {n:04d}", role="Analyst")
                           for n in range(1500)])
    window.fact_base_changed.emit()
    assert dialog.records.rowCount() == len(sample_fb.list_people()) > 1500
    assert "Staffer 1499" in column(dialog, 0)
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(1) >= dialog.table.fontMetrics().horizontalAdvance("Analyst")
    dialog.close()


def test_on_a_big_fact_base_the_manager_reads_its_records_on_a_worker(
        qtbot, window, editing, sample_fb, monkeypatch):
    """Counting the items of each of 3,000 people over a million items takes a second:
    the window goes on meanwhile, and the rows come when the worker has them."""
    import threading

    from briefing_app.store import FactBase
    from briefing_app.ui.item_model import ItemTableModel

    monkeypatch.setattr(ItemTableModel, "background_from", 10)  # the sample counts as big
    read_on = []
    real_counts = FactBase.people_counts
    monkeypatch.setattr(FactBase, "people_counts", lambda self: (
        read_on.append(threading.current_thread()), real_counts(self))[1])
    dialog = editing.open_manager("people")
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert read_on and threading.main_thread() not in read_on
    assert sorted(column(dialog, 0)) == sorted(p.name for p in sample_fb.list_people())
    dialog.close()


def test_a_manager_of_thousands_reads_only_the_rows_it_shows_and_measures(
        qtbot, window, editing, sample_fb, monkeypatch):
    """5,000 sources (a million-item fact base has them): the rows go to the view as
    read, and the view asks for the cells it paints and the first rows it sizes its
    columns on, not for every cell of every row (a table widget made 25,000 cells:
    160-210 ms each time the dialog filled)."""
    from briefing_app.ui.manage.base import ROWS_MEASURED

    sample_fb.save_sources(Source(f"s-bulk-{n:04d}", f"Outlet {n:04d}", title=f"Report {n}")
                           for n in range(5000))
    dialog = editing.open_manager("sources")
    qtbot.waitUntil(lambda: not dialog.loading)
    records, read = dialog.records, set()
    real_data = records.data
    monkeypatch.setattr(records, "data", lambda index, role=0: (
        read.add(index.row()), real_data(index, role))[1])

    window.fact_base_changed.emit()  # a change: the dialog fills again
    qtbot.waitUntil(lambda: not dialog.loading)
    qtbot.wait(50)  # painted

    assert 0 < len(read) <= ROWS_MEASURED + 100
    assert records.rowCount() == len(sample_fb.list_sources()) > 5000
    assert "Outlet 4999" in column(dialog, 0)
    dialog.close()


def test_a_column_the_staffer_widened_stays_wide_after_a_change(qtbot, window, editing):
    dialog = editing.open_manager("sources")
    header = dialog.table.horizontalHeader()
    header.resizeSection(1, header.sectionSize(1) + 150)  # as a drag of its edge does
    widened = header.sectionSize(1)

    window.fact_base_changed.emit()
    qtbot.waitUntil(lambda: not dialog.loading)

    assert header.sectionSize(1) == widened
    dialog.close()
