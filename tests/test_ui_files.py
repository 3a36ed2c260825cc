"""The File menu, driven as a user would with the file dialogs answered by the test:
new, open, recent, import (in a worker), export, back up, and refusing bad files."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from window_helpers import show_main_window

from briefing_app.exchange.factpack import pack_json
from briefing_app.store import FactBase
from briefing_app.store.schema import SCHEMA_VERSION
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.settings import AppSettings


@pytest.fixture
def settings(tmp_path):
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, sample_fb, settings):
    return show_main_window(qtbot, sample_fb, settings, wait_for_sidebar=True)


def pack(*items: dict, people=(), sources=()) -> dict:
    return {"format": "briefing-factpack", "version": 1, "sources": list(sources),
            "people": list(people), "items": list(items), "briefings": []}


GOOD_PACK = pack(
    {"id": "f-ports", "kind": "fact", "title": "Port inspections doubled",
     "text": "Inspections at Buenaventura doubled in 2025.", "date": "2025-11",
     "tags": ["ports", "counternarcotics"], "source": "s-dian"},
    {"id": "q-minister", "kind": "quote", "text": "Vamos a cumplir.", "speaker": "p-min",
     "language": "es", "translation": "We will deliver."},
    people=[{"id": "p-min", "name": "Ana Ministra"}],
    sources=[{"id": "s-dian", "outlet": "DIAN"}],
)


def answer_open(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(path), "All files (*)"))


def answer_save(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(path), "All files (*)"))


def titles(window) -> list[str]:
    model, column = window.item_model, COLUMN_KEYS.index("title")
    return [model.index(row, column).data() for row in range(model.rowCount())]


# ---------------------------------------------------------------- import


def test_importing_a_good_pack_runs_in_a_worker_and_shows_the_rows(
        qtbot, window, sample_fb, tmp_path, monkeypatch):
    file = tmp_path / "ports.factpack.json"
    file.write_text(json.dumps(GOOD_PACK), encoding="utf-8")
    before = sample_fb.item_count()
    answer_open(monkeypatch, file)

    with qtbot.waitSignal(window.file_ops.imported, timeout=10_000) as done:
        window.actions["import"].trigger()
    assert done.args[0].items.created == 2
    assert sample_fb.item_count() == before + 2
    assert sample_fb.get_item("q-minister").translation == "We will deliver."
    assert "Port inspections doubled" in titles(window)
    assert window.count_label.text() == f"Showing {before + 2} of {before + 2} items"
    assert "items: 2 created" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: dict(window.sidebar.entries("tag")).get("ports") == "1",
                    timeout=5000)


def test_a_pack_with_errors_lists_the_problems_and_changes_nothing(
        qtbot, window, sample_fb, tmp_path, monkeypatch):
    bad = pack({"id": "f-1", "kind": "rumour", "text": "x"},
               {"id": "f-2", "kind": "fact", "text": "y", "date": "2025-13-45"})
    file = tmp_path / "bad.factpack.json"
    file.write_text(json.dumps(bad), encoding="utf-8")
    data_before = sample_fb.item_count()
    bytes_before = (tmp_path / "sample.sqlite").read_bytes()
    answer_open(monkeypatch, file)

    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: window.file_ops.last_problems is not None, timeout=10_000)
    dialog = window.file_ops.last_problems
    assert dialog.isVisible()
    shown = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert len(shown) == 2
    assert any("items[0].kind" in line and "rumour" in line for line in shown)
    assert any("items[1].date" in line for line in shown)
    assert "Nothing in the fact base was changed" in dialog.summary.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "\n".join(shown) + "\n"
    assert sample_fb.item_count() == data_before
    assert sample_fb.get_item("f-2") is None
    assert (tmp_path / "sample.sqlite").read_bytes() == bytes_before


def test_a_cancelled_import_changes_nothing_and_says_so(qtbot, window, sample_fb, tmp_path,
                                                       monkeypatch):
    import briefing_app.exchange.factpack as factpack

    import_pack = factpack.import_pack

    def import_cancelled_at_once(library, path, *, progress, cancelled, **options):
        return import_pack(library, path, progress=progress, cancelled=lambda: True, **options)

    monkeypatch.setattr(factpack, "import_pack", import_cancelled_at_once)
    file = tmp_path / "ports.factpack.json"
    file.write_text(json.dumps(GOOD_PACK), encoding="utf-8")
    before = sample_fb.item_count()
    answer_open(monkeypatch, file)
    imported: list[object] = []
    window.file_ops.imported.connect(imported.append)

    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was changed."
    assert imported == []
    assert sample_fb.item_count() == before and sample_fb.get_item("f-ports") is None


def test_importing_a_csv_file(qtbot, window, sample_fb, tmp_path, monkeypatch):
    file = tmp_path / "items.csv"
    file.write_text("kind,title,text,tags\nfact,Coffee exports,Exports rose 8%.,trade\n",
                    encoding="utf-8")
    answer_open(monkeypatch, file)
    with qtbot.waitSignal(window.file_ops.imported, timeout=10_000):
        window.actions["import"].trigger()
    assert sample_fb.count('"Coffee exports"') == 1
    assert "Coffee exports" in titles(window)


# ---------------------------------------------------------------- export and new


def test_export_then_reimport_into_a_new_fact_base(qtbot, window, sample_fb, tmp_path,
                                                   monkeypatch, answers):
    exported = tmp_path / "everything.factpack.json"
    answer_save(monkeypatch, exported)
    with qtbot.waitSignal(window.file_ops.exported, timeout=10_000):
        window.actions["export_all"].trigger()
    assert len(json.loads(exported.read_text("utf-8"))["items"]) == sample_fb.item_count()

    # File > New Fact Base..., empty (No to the sample)
    new_path = tmp_path / "fresh.sqlite"
    answer_save(monkeypatch, tmp_path / "fresh")  # the suffix is added
    answers.button = QMessageBox.StandardButton.No
    with qtbot.waitSignal(window.fact_base_replaced, timeout=5000):
        window.actions["new_fact_base"].trigger()
    assert new_path.is_file()
    assert window.fact_base.path == str(new_path)
    assert window.item_model.rowCount() == 0
    assert window.windowTitle().startswith("fresh.sqlite")

    answer_open(monkeypatch, exported)
    with qtbot.waitSignal(window.file_ops.imported, timeout=10_000):
        window.actions["import"].trigger()
    assert window.item_model.rowCount() == sample_fb.item_count()
    with FactBase.open(new_path) as fresh:
        assert sorted(fresh.search_ids("", limit=None)) == sorted(
            sample_fb.search_ids("", limit=None))
        assert [p.name for p in fresh.list_people()] == [
            p.name for p in sample_fb.list_people()]


def test_export_selection_writes_only_the_selected_items(qtbot, window, tmp_path,
                                                         monkeypatch):
    table = window.item_view
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier),
                          (2, Qt.KeyboardModifier.ControlModifier)):
        index = window.item_model.index(row, COLUMN_KEYS.index("title"))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                         table.visualRect(index).center())
    chosen = window.selected_item_ids()
    assert len(chosen) == 2
    assert window.actions["export_selection"].isEnabled()

    target = tmp_path / "two.factpack.json"
    answer_save(monkeypatch, target)
    with qtbot.waitSignal(window.file_ops.exported, timeout=10_000):
        window.actions["export_selection"].trigger()
    assert sorted(i["id"] for i in json.loads(target.read_text("utf-8"))["items"]) == sorted(
        chosen)


def test_new_fact_base_with_the_sample(qtbot, window, tmp_path, monkeypatch, answers):
    answer_save(monkeypatch, tmp_path / "demo.sqlite")
    answers.button = QMessageBox.StandardButton.Yes  # fill it with the sample
    window.actions["new_fact_base"].trigger()
    assert window.item_model.rowCount() > 0
    assert window.fact_base.path == str(tmp_path / "demo.sqlite")


# ---------------------------------------------------------------- backup and open


def test_back_up_and_open_the_copy(qtbot, window, sample_fb, tmp_path, monkeypatch, settings):
    sample_fb.save_search("Visas", "visa")  # a change still in the WAL file
    copy = tmp_path / "backups" / "copy.sqlite"
    copy.parent.mkdir()
    answer_save(monkeypatch, copy)
    with qtbot.waitSignal(window.file_ops.backed_up, timeout=10_000):
        window.actions["backup"].trigger()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]

    answer_open(monkeypatch, copy)
    with qtbot.waitSignal(window.sidebar.refreshed, timeout=5000):
        window.actions["open_fact_base"].trigger()
    assert window.fact_base.path == str(copy)
    assert window.path_label.text().endswith("copy.sqlite")
    assert window.item_model.rowCount() == sample_fb.item_count()
    assert [name for name, _n in window.sidebar.entries("saved")] == ["Visas"]
    assert settings.recent_files()[:2] == [str(copy.resolve()), str(
        (tmp_path / "sample.sqlite").resolve())]


def test_open_recent_lists_the_files_and_drops_missing_ones(qtbot, window, tmp_path,
                                                            monkeypatch, settings):
    from briefing_app.exchange.sample import create_fact_base

    other = tmp_path / "other.sqlite"
    create_fact_base(other, empty=True).close()
    gone = tmp_path / "gone.sqlite"
    create_fact_base(gone, empty=True).close()
    settings.add_recent_file(gone)
    settings.add_recent_file(other)
    gone.unlink()

    window.file_ops.fill_recent_menu(window.recent_menu)
    entries = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    assert [a.text().split(" — ")[0] for a in entries[:2]] == ["&1 other.sqlite",
                                                                "&2 sample.sqlite"]
    assert all("gone" not in a.text() for a in entries)

    entries[0].trigger()
    assert window.fact_base.path == str(other.resolve())
    assert window.item_model.rowCount() == 0


def test_a_corrupt_file_is_refused_and_left_untouched(qtbot, window, sample_fb, tmp_path,
                                                      monkeypatch, answers):
    corrupt = tmp_path / "corrupt.sqlite"
    good = (tmp_path / "sample.sqlite").read_bytes()
    corrupt.write_bytes(good[:100] + b"\x00garbage" * 500)
    before = corrupt.read_bytes()
    answer_open(monkeypatch, corrupt)

    window.actions["open_fact_base"].trigger()
    assert answers.shown and "corrupt.sqlite" in answers.texts[0]
    assert corrupt.read_bytes() == before
    assert window.fact_base.target is sample_fb  # still showing the old one
    assert window.item_model.rowCount() == sample_fb.item_count()


def test_a_file_of_another_program_is_refused(qtbot, window, tmp_path, monkeypatch, answers):
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list")
    answer_open(monkeypatch, notes)
    window.actions["open_fact_base"].trigger()
    assert "not a Briefing Builder fact base" in answers.texts[0]
    assert notes.read_text() == "my shopping list"


def test_a_fact_base_from_a_newer_version_is_refused_and_left_untouched(
        qtbot, window, sample_fb, tmp_path, monkeypatch, answers):
    from briefing_app.exchange.sample import create_fact_base

    newer = tmp_path / "newer.sqlite"
    create_fact_base(newer, empty=True).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = newer.read_bytes()
    answer_open(monkeypatch, newer)

    window.actions["open_fact_base"].trigger()
    assert answers.shown and "newer" in answers.texts[0].lower()
    assert newer.read_bytes() == before
    assert window.fact_base.target is sample_fb


def test_switching_fact_base_clears_the_undo_stack_and_the_filters(qtbot, window, tmp_path,
                                                                  monkeypatch):
    from briefing_app.core.model import Person
    from briefing_app.exchange.sample import create_fact_base
    from briefing_app.ui import commands

    window.undo_stack.perform(commands.save_person(window.fact_base, Person("", "Ana")))
    assert window.actions["undo"].isEnabled()
    assert window.actions["undo"].text() == "&Undo New person Ana"
    window.sidebar.select("tag", "visa")
    other = tmp_path / "other.sqlite"
    create_fact_base(other).close()
    assert window.file_ops.open_path(other)
    assert window.undo_stack.count() == 0 and not window.actions["undo"].isEnabled()
    assert window.item_model.query == ""
    assert not window.filter_bar.isVisible()


def test_exported_json_is_a_canonical_pack(qtbot, window, sample_fb, tmp_path, monkeypatch):
    from briefing_app.exchange.factpack import pack_dict

    target = tmp_path / "all"
    answer_save(monkeypatch, target)
    with qtbot.waitSignal(window.file_ops.exported, timeout=10_000):
        window.actions["export_all"].trigger()
    written = tmp_path / "all.json"
    assert written.read_text("utf-8") == pack_json(pack_dict(sample_fb))


# ---------------------------------------------------------------- drag and drop


def drop(window, path) -> bool:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = window.rect().center()
    enter = QDragEnterEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, dropped)
    return dropped.isAccepted()


def test_dropping_a_pack_imports_it_and_a_fact_base_opens_it(qtbot, window, sample_fb,
                                                            tmp_path):
    from briefing_app.exchange.sample import create_fact_base

    file = tmp_path / "ports.factpack.json"
    file.write_text(json.dumps(GOOD_PACK), encoding="utf-8")
    with qtbot.waitSignal(window.file_ops.imported, timeout=10_000):
        assert drop(window, file)
    assert sample_fb.get_item("f-ports") is not None

    other = tmp_path / "other.sqlite"
    create_fact_base(other, empty=True).close()
    assert drop(window, other)
    assert window.fact_base.path == str(other)

    spreadsheet = tmp_path / "budget.xlsx"  # neither a pack, a fact base nor an article
    spreadsheet.write_bytes(b"PK")
    assert not drop(window, spreadsheet)
