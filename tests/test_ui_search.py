"""Searching: typing, completion of field values, the filter terms, saved searches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import show_main_window

from briefing_app.store import parse
from briefing_app.ui.query_text import closed, combine, field_term
from briefing_app.ui.search_box import field_at_cursor
from briefing_app.ui.settings import AppSettings


@pytest.fixture
def window(qtbot, sample_fb, tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    return show_main_window(qtbot, sample_fb, settings, wait_for_sidebar=True)


def saved_names(window) -> list[str]:
    return [name for name, _count in window.sidebar.entries("saved")]


# ---------------------------------------------------------------- typing


def test_typing_a_search_shows_the_matching_rows(qtbot, window, sample_fb):
    qtbot.keyClicks(window.search_box, "visa")
    qtbot.waitUntil(lambda: window.item_model.query == "visa", timeout=2000)
    ids = {window.item_model.item_id(row) for row in range(window.item_model.rowCount())}
    assert ids == set(sample_fb.search_ids("visa", limit=None))
    assert ids and all("visa" in (i.text + i.title + " ".join(i.tags)).lower()
                       for i in sample_fb.get_items(sorted(ids)))
    assert window.filter_label.text() == "Showing only: search “visa”"


def test_a_long_search_is_cut_short_in_the_filter_bar_and_the_panes_keep_their_width(
        qtbot, window):
    """The filter bar once asked for the width of the whole query: the splitter gave the
    sidebar and details new widths, and the whole window was painted again."""
    widths = window.splitter.sizes()
    typed = " ".join(["petro sanciones"] * 15)
    window.search_box.setText(typed)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.filter_bar.isVisible(), timeout=2000)
    label = window.filter_label
    assert label.full_text() == f"Showing only: search “{typed}”"
    assert label.text().endswith("…") and len(label.text()) < len(label.full_text())
    assert label.toolTip() == label.full_text()
    assert window.splitter.sizes() == widths
    window.resize(window.width() + 4000, window.height())  # room for all of it
    qtbot.waitUntil(lambda: label.text() == label.full_text(), timeout=2000)


def test_on_a_big_fact_base_typing_is_answered_by_a_worker(qtbot, sample_fb, tmp_path,
                                                           monkeypatch):
    from briefing_app.ui.item_model import ItemTableModel

    monkeypatch.setattr(ItemTableModel, "background_from", 10)  # the sample counts as big
    window = show_main_window(qtbot, sample_fb, AppSettings(tmp_path / "s.ini"),
                              wait_for_sidebar=True)
    qtbot.keyClicks(window.search_box, "visa")
    qtbot.waitUntil(lambda: window.item_model.query == "visa" and not window.item_model.searching,
                    timeout=5000)
    ids = {window.item_model.item_id(row) for row in range(window.item_model.rowCount())}
    assert ids == set(sample_fb.search_ids("visa", limit=None))
    assert window.count_label.text().startswith(f"Showing {len(ids)} ")  # counts followed


def test_opening_another_fact_base_shows_its_rows_at_once(qtbot, sample_fb, tmp_path,
                                                         monkeypatch):
    """After a big fact base, the next file's rows replace the old ones at once: no row
    of the closed file stays on screen while a worker reads the new one."""
    from briefing_app.core.model import Item
    from briefing_app.exchange.sample import create_fact_base
    from briefing_app.store import FactBase
    from briefing_app.ui.item_model import ItemTableModel

    monkeypatch.setattr(ItemTableModel, "background_from", 10)  # the sample counts as big
    window = show_main_window(qtbot, sample_fb, AppSettings(tmp_path / "s.ini"),
                              wait_for_sidebar=True)
    qtbot.waitUntil(lambda: not window.item_model.counting, timeout=5000)
    other_path = tmp_path / "other.sqlite"
    other = create_fact_base(other_path, empty=True)
    other.save_item(Item(id="i-other", kind="fact", title="Only in the other file",
                         text="A fact of the other office."))
    other.close()

    window.replace_fact_base(FactBase.open(other_path), other_path)
    assert [window.item_model.item_id(r) for r in range(window.item_model.rowCount())] == [
        "i-other"]
    assert window.count_label.text().startswith("Showing 1 ")


# ---------------------------------------------------------------- completion


def test_typing_tag_colon_offers_the_tag_names(qtbot, window, sample_fb):
    qtbot.keyClicks(window.search_box, "tag:")
    assert window.search_box.completion_field == "tag"
    assert window.search_box.suggestions() == [name for name, _n in sample_fb.list_tags()]
    assert window.search_box.completer_.popup().isVisible()

    qtbot.keyClicks(window.search_box, "sanc")
    assert window.search_box.suggestions() == ["sanctions"]


def test_choosing_a_suggestion_completes_the_term_and_searches(qtbot, window, sample_fb):
    box = window.search_box
    qtbot.keyClicks(box, "petro tag:sanc")
    popup = box.completer_.popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.text() == "petro tag:sanctions "
    assert not popup.isVisible()
    window.debouncer.flush()
    assert window.item_model.rowCount() == sample_fb.count("petro tag:sanctions") > 0


def test_person_names_with_spaces_are_completed_in_quotes(qtbot, window):
    box = window.search_box
    qtbot.keyClicks(box, "person:gus")
    assert box.suggestions() == ["Gustavo Petro"]
    box.completer_.activated[str].emit("Gustavo Petro")
    assert box.text() == 'person:"Gustavo Petro" '


def test_kind_and_status_complete_from_the_fixed_lists(qtbot, window):
    qtbot.keyClicks(window.search_box, "-kind:")
    assert window.search_box.suggestions() == ["fact", "quote", "event"]
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "status:v")
    assert window.search_box.suggestions() == ["unverified", "verified"]


def test_enter_with_the_popup_open_and_nothing_picked_searches(qtbot, window):
    qtbot.keyClicks(window.search_box, "kind:event")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.item_model.query == "kind:event"
    assert not window.search_box.completer_.popup().isVisible()


def test_completions_follow_changes_to_the_fact_base(qtbot, window, sample_fb):
    sample_fb.rename_tag("visa", "visas-revoked")
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.fact_base_changed.emit()
    qtbot.keyClicks(window.search_box, "tag:vis")
    assert window.search_box.suggestions() == ["visas-revoked"]


def test_field_at_cursor():
    assert field_at_cursor("petro tag:sa") == (6, "tag", "sa")
    assert field_at_cursor("-Tag:") == (0, "tag", "")
    assert field_at_cursor('person:"Gustavo P') == (0, "person", "Gustavo P")
    assert field_at_cursor("after:2025") is None
    assert field_at_cursor("tag:visa petro") is None
    assert field_at_cursor("hashtag:x") is None


# ---------------------------------------------------------------- filter terms


def test_field_terms_parse_back_to_the_same_filter():
    assert field_term("tag", "sanctions") == "tag:sanctions"
    assert field_term("tag", "human rights") == 'tag:"human rights"'
    assert parse(field_term("tag", "human rights")).tags == ("human rights",)
    term = parse(field_term("person", "Gustavo Petro")).terms[0]
    assert (term.text, term.exact, term.column) == ("Gustavo Petro", True, "people")
    assert field_term("source", 'The "Times"') == 'source:"The Times"'
    with pytest.raises(ValueError):
        field_term("tag", '  "" ')


def test_the_filter_goes_first_so_an_open_quote_being_typed_cannot_swallow_it():
    query = combine(field_term("tag", "human rights"), '"white hou')
    assert query == 'tag:"human rights" "white hou'
    parsed = parse(query)
    assert parsed.tags == ("human rights",)
    assert parsed.terms[0].text == "white hou" and not parsed.terms[0].exact
    assert closed('"unfinished') == '"unfinished"'
    assert combine("", "  visa ") == "visa"


# ---------------------------------------------------------------- saved searches


def test_save_rename_and_delete_a_saved_search(qtbot, window, sample_fb, answers):
    qtbot.keyClicks(window.search_box, "cartels")
    window.debouncer.flush()
    window.sidebar.select("kind", "Facts")
    assert window.item_model.query == "kind:fact cartels"

    answers.typing = "Cartel facts"
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.actions["save_search"].trigger()
    assert answers.texts == ["Name for the search “kind:fact cartels”:"]
    assert sample_fb.get_saved_search("Cartel facts").query == "kind:fact cartels"
    assert window.sidebar.entries("saved") == [
        ("Cartel facts", str(sample_fb.count("kind:fact cartels")))]

    window.clear_filters()
    assert window.sidebar.select("saved", "Cartel facts")
    assert window.item_model.rowCount() == sample_fb.count("kind:fact cartels") > 0

    # Rename from the sidebar's context menu
    window.sidebar._show_menu(window.sidebar.visualRect(
        window.sidebar.entry_index("saved", "Cartel facts")).center())
    menu_texts = [a.text() for a in window.sidebar.context_menu.actions()]
    assert menu_texts == ["Save Current Search…", "Rename “Cartel facts”…",
                          "Delete “Cartel facts”"]
    answers.typing = "Cartels"
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.sidebar.context_menu.actions()[1].trigger()
    window.sidebar.context_menu.close()
    assert [s.name for s in sample_fb.list_saved_searches()] == ["Cartels"]
    assert saved_names(window) == ["Cartels"]

    # Delete with the Delete key, confirmed
    window.sidebar.setFocus()
    window.sidebar.setCurrentIndex(window.sidebar.entry_index("saved", "Cartels"))
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Delete)
    assert "Cartels" in answers.texts[-1]
    assert sample_fb.list_saved_searches() == []
    assert saved_names(window) == []
    assert window.item_model.query == ""  # the deleted filter no longer applies


def test_nothing_is_saved_when_the_dialog_is_cancelled(qtbot, window, sample_fb, answers):
    qtbot.keyClicks(window.search_box, "visa")
    window.debouncer.flush()
    answers.typing = None  # Escape
    window.actions["save_search"].trigger()
    assert answers.shown and sample_fb.list_saved_searches() == []


def test_renaming_onto_an_existing_name_shows_why_it_failed(qtbot, window, sample_fb,
                                                           answers):
    sample_fb.save_search("A", "visa")
    sample_fb.save_search("B", "trade")
    answers.typing = "B"
    assert window.saved_searches.rename("A") == ""
    assert answers.texts[0] == "New name:"
    assert "already exists" in answers.texts[1]
    assert {s.name: s.query for s in sample_fb.list_saved_searches()} == {
        "A": "visa", "B": "trade"}
