"""Remembered state: window layout, columns, recent files and the last fact base."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, Qt

from briefing_app.exchange.sample import create_fact_base
from briefing_app.ui import app as ui_app
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.settings import MAX_RECENT, AppSettings, settings_file


def test_defaults_are_declared_once(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    assert settings.value("files/recent") == []
    assert settings.value("files/last") == ""
    assert settings.value("window/geometry") == QByteArray()
    with pytest.raises(KeyError):
        settings.value("window/colour")
    with pytest.raises(KeyError):
        settings.set_value("window/colour", "red")


def test_the_default_settings_file_follows_the_user_config_folder(tmp_path):
    # conftest points XDG_CONFIG_HOME at a temporary folder: nothing leaks into $HOME.
    assert str(settings_file()).startswith(str(tmp_path / "xdg-config"))
    assert AppSettings().path == settings_file()


def test_recent_files_newest_first_without_repeats_at_most_eight(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    files = []
    for number in range(10):
        path = tmp_path / f"f{number}.sqlite"
        path.write_bytes(b"")
        files.append(str(path.resolve()))
        settings.add_recent_file(path)
    settings.add_recent_file(files[5])
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[:3] == [files[5], files[9], files[8]]
    assert settings.last_file() == files[5]

    (tmp_path / "f9.sqlite").unlink()
    assert files[9] not in settings.recent_files()
    assert files[9] not in AppSettings(tmp_path / "s.ini").value("files/recent")  # pruned


def test_a_single_recent_file_survives_the_ini_round_trip(tmp_path):
    path = tmp_path / "only.sqlite"
    path.write_bytes(b"")
    AppSettings(tmp_path / "s.ini").add_recent_file(path)
    assert AppSettings(tmp_path / "s.ini").recent_files() == [str(path.resolve())]


def test_layout_columns_and_sort_are_restored_in_a_new_window(qtbot, sample_fb, tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    first = MainWindow(sample_fb, sample_fb.path, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.actions["toggle_sidebar"].setChecked(True)
    first.actions["toggle_details"].setChecked(True)  # hidden at first beside the composer
    first.resize(741, 523)  # within the offscreen screen, which clamps restored sizes
    qtbot.waitUntil(lambda: first.width() == 741)
    left_as = (first.width(), first.height())
    first.composer.composer_dock.close()  # the fact base alone: room for three panes
    first.composer.briefings_dock.close()
    qtbot.waitUntil(lambda: first.splitter.width() > 600)
    first.splitter.setSizes([150, 400, 150])
    sizes = first.splitter.sizes()
    first.column_chooser.set_visible("tags", True)
    first.column_chooser.set_visible("source", False)
    first.item_view.sortByColumn(COLUMN_KEYS.index("title"), Qt.SortOrder.AscendingOrder)
    assert first.item_model.sort_key == "title"
    first.close()

    second = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == left_as
    # as left, give or take the few pixels a splitter handle moves when laid out anew
    assert all(abs(a - b) <= 4 for a, b in zip(second.splitter.sizes(), sizes, strict=True))
    assert second.details.isVisible()
    assert not second.item_view.isColumnHidden(COLUMN_KEYS.index("tags"))
    assert second.item_view.isColumnHidden(COLUMN_KEYS.index("source"))
    assert second.column_chooser.actions["tags"].isChecked()
    assert not second.column_chooser.actions["source"].isChecked()
    assert (second.item_model.sort_key, second.item_model.descending) == ("title", False)
    second.close()


def test_the_last_fact_base_is_opened_on_the_next_start(qtbot, tmp_path, monkeypatch):
    settings = AppSettings()
    last = tmp_path / "last.sqlite"
    create_fact_base(last, empty=True).close()
    settings.add_recent_file(last)
    settings.sync()

    default = tmp_path / "default-factbase.sqlite"
    monkeypatch.delenv("BRIEFING_APP_DB")
    monkeypatch.setattr(ui_app, "default_db_path", lambda: default)
    assert ui_app.start_path(None, AppSettings()) == str(last.resolve())
    assert ui_app.start_path(default, AppSettings()) == str(last.resolve())
    named = tmp_path / "named.sqlite"
    assert ui_app.start_path(named, AppSettings()) == str(named)
    last.unlink()
    assert ui_app.start_path(None, AppSettings()) == str(default)


def test_first_start_beside_the_composer_keeps_the_title_column_readable(qtbot, sample_fb,
                                                                         tmp_path):
    window = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    # the details pane starts hidden in the narrow space the composer leaves ...
    assert not window.details.isVisible()
    assert not window.actions["toggle_details"].isChecked()
    # ... so kind, date and title are the columns shown, the title one wide enough
    hidden = window.item_view.isColumnHidden
    shown = [key for number, key in enumerate(COLUMN_KEYS) if not hidden(number)]
    assert shown == ["kind", "date", "title"]
    assert window.item_view.columnWidth(COLUMN_KEYS.index("title")) >= 200


def test_shown_and_hidden_panes_are_remembered(qtbot, sample_fb, tmp_path):
    first = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(first)
    first.show()
    first.actions["toggle_details"].setChecked(True)
    first.actions["toggle_sidebar"].setChecked(False)
    first.close()

    second = MainWindow(sample_fb, sample_fb.path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.details.isVisible() and not second.sidebar.isVisible()
    assert second.actions["toggle_details"].isChecked()
    assert not second.actions["toggle_sidebar"].isChecked()


def test_the_first_window_takes_most_of_the_screen_within_limits():
    from types import SimpleNamespace

    from PySide6.QtCore import QRect, QSize

    from briefing_app.ui.window_layout import first_start_size

    def screen(width, height):
        return SimpleNamespace(availableGeometry=lambda: QRect(0, 0, width, height))

    assert first_start_size(screen(1920, 1080)) == QSize(1600, 972)
    assert first_start_size(screen(1366, 768)) == QSize(1366, 768)  # a laptop: all of it
    assert first_start_size(screen(800, 600)) == QSize(800, 600)  # never off the screen
    assert first_start_size(screen(3840, 2160)) == QSize(1600, 1000)
    assert first_start_size(None) == QSize(1280, 800)
