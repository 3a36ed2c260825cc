"""The team library in the window: File ▸ Team, joining, the status bar line, syncs on a
worker, and the Conflicts view (keep mine, keep theirs, edit, undo), on a real server."""

from __future__ import annotations

import os
import re

import pytest
from team_helpers import edit_item, fact, new_library, person, replica, sync

from briefing_app.store import FactBase
from briefing_app.store.replica import LocalReplica
from briefing_app.team import first_pull
from briefing_app.team.status import TeamStatus
from briefing_app.ui.i18n import install_translator, remove_translators
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import AppSettings
from briefing_app.ui.team.join_dialog import JoinDialog
from briefing_app.ui.team.status_text import status_text

WAIT_MS = 20_000


@pytest.fixture
def team_window(qtbot, sample_fb, tmp_path):
    window = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    controller = window.team
    window.show()
    qtbot.waitExposed(window)
    yield window, controller
    controller.stop_syncing()


def wait_for_sync(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: controller.worker is None, timeout=WAIT_MS)


def test_the_team_menu_is_in_the_file_menu_and_waits_for_a_join(team_window):
    window, controller = team_window
    titles = [a.text() for a in window.menus["file"].actions()]
    assert "&Team" in titles
    assert controller.join_action.isEnabled()
    assert not controller.sync_action.isEnabled() and not controller.conflicts_action.isEnabled()
    assert not controller.label.isVisible()
    assert controller.sync_now() is None  # nothing to sync with


def test_joining_syncs_on_a_worker_and_the_status_bar_says_so(qtbot, team_window, pg_cluster):
    window, controller = team_window
    url = new_library(pg_cluster)

    controller.join(url)
    wait_for_sync(qtbot, controller)

    assert controller.label.isVisible()
    assert controller.label.text().startswith("Team: synced ")
    assert controller.sync_action.isEnabled() and controller.timer.isActive()
    assert LocalReplica(window.fact_base.target).pending_count() == 0


def test_a_sync_that_brings_a_conflict_shows_it_and_the_view_resolves_it(
        qtbot, team_window, pg_cluster, tmp_path):
    window, controller = team_window
    url = new_library(pg_cluster)
    controller.join(url)
    wait_for_sync(qtbot, controller)
    other = replica(tmp_path, "other", url)
    edit_item(other, "q-trump-great-honor", notes="From the other desk")
    sync(other)
    edit_item(window.fact_base.target, "q-trump-great-honor", notes="From this desk")

    controller.sync_now()
    wait_for_sync(qtbot, controller)

    assert controller.label.text().endswith("1 conflict")
    dialog = controller.show_conflicts()
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (1, 2, 3)] == [
        "Notes", "From this desk", "From the other desk"]
    assert dialog.resolve("mine")
    assert dialog.table.rowCount() == 0
    assert window.fact_base.target.get_item("q-trump-great-honor").notes == "From this desk"

    window.undo_stack.undo()  # the conflict comes back, with theirs in the library
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    assert window.fact_base.target.get_item("q-trump-great-honor").notes == (
        "From the other desk")
    assert dialog.resolve("theirs")
    controller.sync_now()
    wait_for_sync(qtbot, controller)
    sync(other)
    assert other.get_item("q-trump-great-honor").notes == "From the other desk"
    dialog.close()
    other.close()


def test_an_unreachable_server_is_said_in_the_status_bar(qtbot, team_window, pg_cluster):
    window, controller = team_window
    controller.join(new_library(pg_cluster))
    wait_for_sync(qtbot, controller)
    LocalReplica(window.fact_base.target).set_server(
        "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    edit_item(window.fact_base.target, "q-trump-great-honor", notes="offline")

    controller.sync_now()
    wait_for_sync(qtbot, controller)

    assert controller.label.text() == "Team server unreachable · 1 change waiting"
    assert "cannot reach the team server" in controller.label.toolTip()


def test_status_lines_name_what_waits():
    joined = TeamStatus(joined=True, last_sync="", pending=3, conflicts=2)
    assert status_text(joined) == "Team: not synced yet · 3 changes waiting · 2 conflicts"
    assert status_text(joined, syncing=True).startswith("Team: syncing…")
    assert status_text(TeamStatus(joined=False)) == ""


def test_a_second_window_fact_base_that_is_no_replica_turns_syncing_off(
        qtbot, team_window, pg_cluster, tmp_path):
    window, controller = team_window
    controller.join(new_library(pg_cluster))
    wait_for_sync(qtbot, controller)

    window.replace_fact_base(FactBase.open(tmp_path / "plain.sqlite"))

    assert not controller.timer.isActive() and not controller.label.isVisible()


@pytest.fixture
def in_spanish(qapp):
    assert install_translator(qapp, language="es") == "es"
    yield
    remove_translators(qapp)


def test_the_team_menu_and_dialogs_speak_spanish(qtbot, in_spanish, sample_fb, tmp_path):
    window = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    controller = window.team
    texts = [a.text() for a in controller.menu.actions()]
    assert texts == ["&Unirse a la biblioteca del equipo…", "&Sincronizar ahora",
                     "&Conflictos…"]
    others = [re.search(r"&(\w)", a.text()).group(1).lower()
              for a in window.menus["file"].actions()
              if "&" in a.text() and a is not controller.menu.menuAction()]
    assert controller.menu.title() == "E&quipo" and "q" not in others
    dialog = JoinDialog(window)
    assert dialog.windowTitle() == "Unirse a la biblioteca del equipo"
    assert status_text(TeamStatus(joined=True, pending=2)) == (
        "Equipo: aún sin sincronizar · 2 cambios pendientes")


def test_a_new_fact_base_joins_a_big_library_through_a_new_file_and_shows_it(
        qtbot, tmp_path, pg_cluster, monkeypatch):
    monkeypatch.setattr(first_pull, "MIN_OBJECTS", 1)  # every library counts as big
    url = new_library(pg_cluster)
    writer = replica(tmp_path, "writer", url, people=[person("p-1", "Gustavo Petro")],
                     items=[fact(f"i-{n}", f"Coffee note {n}.", people=["p-1"])
                            for n in range(12)])
    writer.close()
    path = tmp_path / "new.sqlite"
    fb = FactBase.open(path)
    window = MainWindow(fb, fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    before = os.stat(path).st_ino
    assert window.item_model.rowCount() == 0

    window.team.join(url)
    wait_for_sync(qtbot, window.team)

    assert os.stat(path).st_ino != before  # the replica was built apart and took the name
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 12, timeout=WAIT_MS)
    assert window.team.label.text().startswith("Team: synced ")
    edit_item(fb, "i-3", title="Edited in the window")  # the journal runs in the new file
    assert LocalReplica(fb).pending_count() == 1
    window.team.stop_syncing()


def test_cancel_stops_a_join_and_the_new_fact_base_stays_as_it_was(
        qtbot, tmp_path, pg_cluster, monkeypatch):
    monkeypatch.setattr(first_pull, "MIN_OBJECTS", 1)
    url = new_library(pg_cluster)
    replica(tmp_path, "writer", url, items=[fact("i-1", "Coffee.")]).close()
    fb = FactBase.open(tmp_path / "new.sqlite")
    window = MainWindow(fb, fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    worker = window.team.join(url)
    worker.dialog.canceled.emit()  # Cancel, pressed before the first page is written
    wait_for_sync(qtbot, window.team)

    assert "as it was" in window.statusBar().currentMessage()
    assert LocalReplica(fb).state() is None and fb.item_count() == 0
    assert not window.team.label.isVisible()
