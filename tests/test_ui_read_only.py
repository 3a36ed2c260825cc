"""A fact base open read-only: the menus offer what still works and grey out every change
(issue 15), and they come back when a writable file is opened."""

from __future__ import annotations

import pytest
from editing_helpers import click_item
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from window_helpers import show_main_window

from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase
from briefing_app.ui.settings import AppSettings

CHANGES = (
    "File ▸ Import…", "File ▸ Add from Article…", "File ▸ Add Article from Clipboard",
    "File ▸ Team ▸ Join Team Library…",
    "Edit ▸ Save Search…", "Edit ▸ Delete…",
    "Item ▸ New Item", "Item ▸ New Item ▸ New Fact…", "Item ▸ Edit Item…", "Item ▸ Delete…",
    "Item ▸ Add Tags…", "Item ▸ Remove Tags…", "Item ▸ Set Status", "Item ▸ Set Marking",
    "Item ▸ Manage People…", "Item ▸ Manage Sources…", "Item ▸ Manage Tags…",
    "Item ▸ Add to Briefing",
    "Briefing ▸ New Briefing…", "Briefing ▸ Duplicate Briefing", "Briefing ▸ Rename Briefing…",
    "Briefing ▸ Delete Briefing…", "Briefing ▸ Add Section…", "Briefing ▸ Rename Section",
    "Briefing ▸ Remove",
)
STILL_WORKING = (
    "File ▸ Open Fact Base…", "File ▸ Export Whole Fact Base…", "File ▸ Export Selected Items…",
    "File ▸ Back Up…", "Edit ▸ Find", "Edit ▸ Clear Search and Filter", "Item ▸ Copy ID",
    "Briefing ▸ Export Briefing as Word…", "Briefing ▸ Export Briefing as PDF…",
    "Briefing ▸ Print…", "Briefing ▸ Save as Template…", "Tools ▸ Check Fact Base",
)


def menu_entries(window) -> dict[str, bool]:
    """Every entry of the menu bar, "Menu ▸ Entry" (▸ Entry in a submenu), and whether it
    is enabled, as the menus show them."""
    entries: dict[str, bool] = {}

    def walk(menu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            name = f"{path} ▸ {action.text().replace('&', '').split(chr(9))[0]}"
            entries[name] = action.isEnabled()
            if action.menu() is not None:
                walk(action.menu(), name)

    for top in window.menuBar().actions():
        walk(top.menu(), top.text().replace("&", ""))
    return entries


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "shared.sqlite"
    create_fact_base(path).close()
    return path


def opened_read_only(path) -> FactBase:
    """The way a file this process may not change opens (root may write to any file, so
    the tests ask for read-only instead of taking the permission away)."""
    return FactBase.open(path, read_only=True)


def show_with_an_item_chosen(qtbot, store, tmp_path):
    window = show_main_window(qtbot, store, AppSettings(tmp_path / "settings.ini"))
    click_item(qtbot, window, "f-visa-revoked")  # so the item actions have something
    return window


def test_a_read_only_fact_base_greys_out_every_change_and_keeps_the_rest(
        qtbot, sample_path, tmp_path):
    with opened_read_only(sample_path) as store:
        window = show_with_an_item_chosen(qtbot, store, tmp_path)
        entries = menu_entries(window)
        assert {name: entries.get(name) for name in CHANGES} == dict.fromkeys(CHANGES, False)
        assert {name: entries.get(name) for name in STILL_WORKING} == dict.fromkeys(
            STILL_WORKING, True)
        buttons = {name: window.findChild(QToolButton, name).isEnabled()
                   for name in ("briefing_button_new", "button_add_section", "newItemButton")}
        assert buttons == dict.fromkeys(buttons, False)  # the buttons show the same
        window.close()


def test_the_changes_come_back_with_a_writable_file_and_go_with_a_read_only_one(
        qtbot, sample_path, tmp_path):
    with FactBase.open(sample_path) as store:
        window = show_with_an_item_chosen(qtbot, store, tmp_path)
        entries = menu_entries(window)
        assert {name: entries.get(name) for name in CHANGES} == dict.fromkeys(CHANGES, True)

        window.replace_fact_base(opened_read_only(sample_path), sample_path)
        click_item(qtbot, window, "f-visa-revoked")
        assert not any(menu_entries(window)[name] for name in CHANGES)

        assert window.file_ops.open_path(sample_path)  # writable again
        click_item(qtbot, window, "f-visa-revoked")
        assert all(menu_entries(window)[name] for name in CHANGES)
        # Each action keeps its own rule: Sync Now waits for the file to join a library.
        assert not menu_entries(window)["File ▸ Team ▸ Sync Now"]
        window.close()


def test_enter_on_a_row_of_a_read_only_fact_base_says_why_no_editor_opens(
        qtbot, sample_path, tmp_path):
    with opened_read_only(sample_path) as store:
        window = show_with_an_item_chosen(qtbot, store, tmp_path)
        qtbot.keyClick(window.item_view, Qt.Key.Key_Return)
        assert window.editing.editor is None
        assert window.statusBar().currentMessage() == (
            "The fact base is read-only: it was opened read-only.")
        window.close()
