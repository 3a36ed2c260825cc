"""The sidebar of the main window: counts, and filtering the table with a click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import show_main_window

from briefing_app.core.model import Item
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.settings import AppSettings


@pytest.fixture
def window(qtbot, sample_fb, tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    return show_main_window(qtbot, sample_fb, settings, wait_for_sidebar=True)


def click_entry(qtbot, window, group: str, name: str) -> None:
    sidebar = window.sidebar
    index = sidebar.entry_index(group, name)
    assert index.isValid(), (group, name)
    sidebar.setExpanded(index.parent(), True)
    sidebar.scrollTo(index)
    rect = sidebar.visualRect(index)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def column(window, key: str) -> list[str]:
    model, number = window.item_model, COLUMN_KEYS.index(key)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def counts(window, group: str) -> dict[str, str]:
    return dict(window.sidebar.entries(group))


def test_the_sidebar_lists_kinds_statuses_and_tags_with_their_counts(window, sample_fb):
    kinds = sample_fb.counts_by_kind()
    assert counts(window, "kind") == {
        "Facts": str(kinds["fact"]), "Quotes": str(kinds["quote"]),
        "Events": str(kinds["event"]),
    }
    assert counts(window, "status")["Disputed"] == str(sample_fb.counts_by_status()["disputed"])
    assert counts(window, "tag") == {name: str(n) for name, n in sample_fb.list_tags()}
    petro = next(p for p in sample_fb.people_counts() if p.name == "Gustavo Petro")
    assert counts(window, "person")["Gustavo Petro"] == str(petro.items)
    assert counts(window, "source")["EFE"] == str(sample_fb.count("source:EFE"))


def test_clicking_a_tag_filters_the_table_and_shows_the_count(qtbot, window, sample_fb):
    assert not window.filter_bar.isVisible()
    click_entry(qtbot, window, "tag", "sanctions")

    expected = sample_fb.count("tag:sanctions")
    assert 0 < expected < sample_fb.item_count()
    assert window.item_model.rowCount() == expected
    assert all("sanctions" in tags for tags in
               (i.tags for i in sample_fb.get_items(
                   [window.item_model.item_id(r) for r in range(expected)])))
    assert counts(window, "tag")["sanctions"] == str(expected)
    assert window.count_label.text().startswith(f"Showing {expected} of {expected} matching")
    assert window.filter_bar.isVisible()
    assert window.filter_label.text() == "Showing only: Tag “sanctions”"


def test_the_sidebar_filter_combines_with_the_search_box(qtbot, window, sample_fb):
    click_entry(qtbot, window, "kind", "Quotes")
    assert set(column(window, "kind")) == {"Quote"}
    qtbot.keyClicks(window.search_box, "trump")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert window.item_model.rowCount() == sample_fb.count("kind:quote trump") > 0
    assert window.item_model.rowCount() < sample_fb.count("kind:quote")
    assert window.filter_label.text() == "Showing only: Kind “Quotes” and search “trump”"


def test_a_person_with_a_two_word_name_filters_on_that_person(qtbot, window, sample_fb):
    click_entry(qtbot, window, "person", "Scott Bessent")
    assert window.item_model.query == 'person:"Scott Bessent"'
    assert window.item_model.rowCount() == sample_fb.count('person:"Scott Bessent"') > 0
    assert all("Scott Bessent" in people for people in column(window, "people"))


def test_a_multi_word_source_filters_on_the_whole_outlet(qtbot, window, sample_fb):
    click_entry(qtbot, window, "source", "U.S. Department of the Treasury")
    assert set(column(window, "source")) == {"U.S. Department of the Treasury"}


def test_esc_and_the_clear_button_reset_search_and_filter(qtbot, window, sample_fb):
    everything = sample_fb.item_count()
    click_entry(qtbot, window, "status", "Disputed")
    qtbot.keyClicks(window.search_box, "cartels")
    window.debouncer.flush()
    assert window.item_model.rowCount() < everything

    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert window.item_model.rowCount() == everything
    assert window.sidebar.current_entry().name == "All items"
    assert not window.filter_bar.isVisible()

    click_entry(qtbot, window, "tag", "visa")
    assert window.item_model.rowCount() == 1
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    assert window.item_model.rowCount() == everything


def test_counts_and_rows_refresh_after_a_change(qtbot, window, sample_fb):
    click_entry(qtbot, window, "tag", "sanctions")
    before = window.item_model.rowCount()
    sample_fb.save_item(Item("", "fact", "New OFAC designations", tags=["sanctions"]))
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.fact_base_changed.emit()
    assert counts(window, "tag")["sanctions"] == str(before + 1)
    assert window.item_model.rowCount() == before + 1
    assert window.sidebar.current_entry().name == "sanctions"  # the choice survives


def test_changes_saved_in_quick_succession_count_once_more_not_once_each(
        qtbot, window, sample_fb, monkeypatch):
    """Counting a big fact base takes seconds: counts asked for while one runs are not
    stacked on the worker threads; one more count, after it, shows the latest data."""
    from briefing_app.ui import sidebar as sidebar_module

    counted = []
    real_read_counts = sidebar_module.read_counts
    monkeypatch.setattr(sidebar_module, "read_counts",
                        lambda fb: (counted.append(1), real_read_counts(fb))[1])
    before = int(counts(window, "tag")["sanctions"])
    for n in range(5):
        sample_fb.save_item(Item("", "fact", f"Designation {n}", tags=["sanctions"]))
        window.fact_base_changed.emit()
    qtbot.waitUntil(lambda: not window.sidebar.loading, timeout=5000)
    assert len(counted) <= 2
    assert counts(window, "tag")["sanctions"] == str(before + 5)


def test_a_filter_whose_tag_disappears_falls_back_to_all_items(qtbot, window, sample_fb):
    click_entry(qtbot, window, "tag", "visa")
    sample_fb.delete_tag("visa")
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.fact_base_changed.emit()
    assert "visa" not in counts(window, "tag")
    assert window.item_model.query == ""
    assert window.item_model.rowCount() == sample_fb.item_count()


def test_the_sidebar_is_usable_from_the_keyboard(qtbot, window, sample_fb):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.sidebar.hasFocus, timeout=2000)
    window.sidebar.setCurrentIndex(window.sidebar.entry_index("kind", "Facts"))
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.sidebar.current_entry().name == "Quotes"
    assert window.item_model.rowCount() == sample_fb.count("kind:quote")
    assert window.sidebar.accessibleName() == "Filters"



def test_until_the_counts_are_read_the_sidebar_shows_no_numbers(qtbot, disk_fb, monkeypatch,
                                                                 tmp_path):
    """A million items take a moment to count: the first frame shows blanks, not zeros
    that read as "no facts"."""
    import threading

    from briefing_app.ui import sidebar as sidebar_module

    disk_fb.save_items([Item("a", "fact", "Coffee talks")])
    release = threading.Event()
    real_read = sidebar_module.read_counts
    monkeypatch.setattr(sidebar_module, "read_counts",
                        lambda fb: (release.wait(5), real_read(fb))[1])
    window = show_main_window(qtbot, disk_fb, AppSettings(tmp_path / "s.ini"))
    try:
        assert window.sidebar.loading
        model = window.sidebar.sidebar_model
        assert model.index(0, 1).data() == ""  # All items
        assert set(counts(window, "kind").values()) == {""}
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.sidebar.loading, timeout=5000)
    assert counts(window, "kind")["Facts"] == "1" and counts(window, "kind")["Quotes"] == "0"


def test_a_refresh_reads_only_the_rows_on_screen_of_a_long_open_group(
        qtbot, disk_fb, tmp_path, monkeypatch):
    """With the People group open on 3,000 people, a refresh after each save measured the
    count of every person to size the count column: 100-200 ms a save at a million items.
    Now the column is as wide as the count of "All items", the widest there is."""
    from briefing_app.core.model import Person

    disk_fb.save_people(Person(f"p-{n}", f"Person {n:04}") for n in range(1500))
    disk_fb.save_items([Item(f"i-{n}", "fact", f"Fact {n}") for n in range(12_345)])
    window = show_main_window(qtbot, disk_fb, AppSettings(tmp_path / "s.ini"),
                              wait_for_sidebar=True)
    sidebar = window.sidebar
    sidebar.setExpanded(sidebar.sidebar_model.group_index("person"), True)
    qtbot.wait(50)
    reads = []
    model = sidebar.sidebar_model
    real_data = model.data
    monkeypatch.setattr(model, "data", lambda index, role=0: (
        reads.append(index.row()), real_data(index, role))[1])

    window.fact_base_changed.emit()
    qtbot.waitUntil(lambda: not sidebar.loading, timeout=5000)
    qtbot.wait(50)  # painted

    assert reads and len(set(reads)) < 100  # the rows on screen, not the 1,500 people
    widest = sidebar.fontMetrics().horizontalAdvance("12,345")
    assert sidebar.columnWidth(1) >= widest
    assert sidebar.sidebar_model.index(0, 1).data() == "12,345"
