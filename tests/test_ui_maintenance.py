"""File ▸ Restore from Backup…, Tools ▸ Check Fact Base, automatic backups at close and
the read-only note, driven on a real window (issue 15, items 4, 5 and 6)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from window_helpers import show_main_window

from briefing_app.core.model import Item
from briefing_app.core.operations.items import SaveItem
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase
from briefing_app.store.auto_backup import list_backups, take_backup
from briefing_app.ui.settings import AppSettings


@pytest.fixture
def settings(tmp_path):
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, sample_fb, settings):
    return show_main_window(qtbot, sample_fb, settings)  # the window installs maintenance


@pytest.fixture
def shown_messages(monkeypatch):
    texts: list[str] = []

    def record(box):
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def titles(menu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_the_menus_offer_restore_and_check(window):
    file_titles = titles(window.menus["file"])
    backup_at = file_titles.index(window.actions["backup"].text())
    assert file_titles[backup_at + 1] == "&Restore from Backup…"
    assert titles(window.menus["tools"]) == ["&Check Fact Base"]
    bar = [action.menu() for action in window.menuBar().actions()]
    assert bar.index(window.menus["tools"]) == bar.index(window.menus["help"]) - 1


def test_check_fact_base_reports_in_plain_words(qtbot, window, shown_messages):
    worker = window.maintenance.check()
    qtbot.waitUntil(lambda: bool(shown_messages), timeout=10_000)
    assert worker is not None
    assert shown_messages[0].splitlines()[-1] == "The fact base is sound."


def test_a_change_is_backed_up_when_the_window_closes(qtbot, window, sample_fb):
    assert list_backups(sample_fb.path) == []
    window.close()  # nothing changed: no backup
    assert list_backups(sample_fb.path) == []
    window.show()
    window.undo_stack.perform(SaveItem(sample_fb, Item(id="f-new", kind="fact", text="new")))
    window.close()
    (backup,) = list_backups(sample_fb.path)
    with FactBase.open(backup.path, read_only=True) as copy:
        assert copy.get_item("f-new") is not None


def test_restoring_a_backup_reopens_it_and_keeps_the_current_file(qtbot, window, sample_fb):
    before = sample_fb.item_count()
    (old,) = [take_backup(sample_fb.path)]
    window.undo_stack.perform(SaveItem(sample_fb, Item(id="f-new", kind="fact", text="new")))
    (chosen,) = [b for b in list_backups(sample_fb.path) if b.path == old]
    assert window.maintenance.restore(chosen)
    store = window.fact_base.target
    assert store.path == sample_fb.path and store.item_count() == before
    assert len(list_backups(sample_fb.path)) == 2  # the replaced file is one of them


def test_a_read_only_fact_base_says_so_in_the_status_bar(qtbot, tmp_path, settings):
    path = tmp_path / "shared.sqlite"
    create_fact_base(path).close()
    with FactBase.open(path, read_only=True) as store:
        window = show_main_window(qtbot, store, settings)
        maintenance = window.maintenance
        label = maintenance.read_only_label
        assert label.isVisible()
        assert label.text().startswith("Read-only: it was opened read-only.")
        assert not window.actions["import"].isEnabled()
        window.close()
