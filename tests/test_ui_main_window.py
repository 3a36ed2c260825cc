"""The main window, driven as a user would: typing, clicking rows and headers, scrolling."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableView
from window_helpers import show_main_window

from briefing_app.core.model import Item
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase
from briefing_app.ui import app as ui_app
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.item_details import EMPTY, detail_fields
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.status import count_text, display_path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "generate_factbase.py"


@pytest.fixture
def window(qtbot, sample_fb):
    return show_main_window(qtbot, sample_fb)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("generate_factbase", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    module.generate(path, 450, 11)
    return path


def click_row(qtbot, table: QTableView, row: int) -> None:
    index = table.model().index(row, COLUMN_KEYS.index("title"))
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def click_header(qtbot, table: QTableView, key: str) -> None:
    header = table.horizontalHeader()
    column = COLUMN_KEYS.index(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def titles(window: MainWindow) -> list[str]:
    model = window.item_model
    column = COLUMN_KEYS.index("title")
    return [model.index(row, column).data() for row in range(model.rowCount())]


# ---------------------------------------------------------------- search as you type


def test_typing_filters_the_table_after_a_pause(qtbot, window, sample_fb):
    everything = window.item_model.rowCount()
    assert everything == sample_fb.item_count()

    qtbot.keyClicks(window.search_box, "sanctions")
    assert window.item_model.rowCount() == everything  # debounced: no query per keystroke yet
    assert window.debouncer.pending
    qtbot.waitUntil(lambda: window.item_model.query == "sanctions", timeout=2000)

    assert 0 < window.item_model.rowCount() == sample_fb.count("sanctions") < everything
    assert "Showing" in window.count_label.text() and "matching" in window.count_label.text()

    window.search_box.clear()
    qtbot.waitUntil(lambda: window.item_model.rowCount() == everything, timeout=2000)


def test_enter_searches_at_once(qtbot, window):
    qtbot.keyClicks(window.search_box, "kind:event")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.item_model.query == "kind:event"
    model = window.item_model
    assert set(model.index(r, 0).data() for r in range(model.rowCount())) == {
        "Event"
    }


def test_an_ignored_part_of_the_query_is_named_in_the_status_bar(qtbot, window):
    qtbot.keyClicks(window.search_box, "kind:rumour")
    qtbot.waitUntil(lambda: "ignored" in window.count_label.text(), timeout=2000)
    assert "kind:rumour is not one of fact, quote, event" in window.count_label.text()


# ---------------------------------------------------------------- details


def test_clicking_a_row_shows_the_item_in_the_details_pane(qtbot, window):
    assert "Select an item" in window.details.toPlainText()
    row = window.item_model.row_of("q-trump-great-honor")
    click_row(qtbot, window.item_view, row)

    assert window.current_item.item_id == "q-trump-great-honor"
    text = window.details.toPlainText()
    assert "Trump: a “Great Honor” to speak with Petro" in text
    assert "January 2026" in text  # the date as people write it
    assert "Speaker" in text and "Donald Trump (President of the United States)" in text
    assert "Context" in text and "phone-call" in text
    assert "Briefing seed article" in text


def test_keyboard_moves_the_details_along(qtbot, window):
    click_row(qtbot, window.item_view, 0)
    first = window.current_item.item_id
    qtbot.keyClick(window.item_view, Qt.Key.Key_Down)
    assert window.current_item.item_id == window.item_model.item_id(1) != first
    assert window.details.item.id == window.item_model.item_id(1)


def test_the_selection_survives_a_search_that_still_lists_the_item(qtbot, window):
    click_row(qtbot, window.item_view, window.item_model.row_of("e-white-house-meeting"))
    window.search_box.setText("White House")
    window.debouncer.flush()
    assert window.current_item.item_id == "e-white-house-meeting"
    row = window.item_model.row_of("e-white-house-meeting")
    assert window.item_view.currentIndex().row() == row

    window.search_box.setText("kind:quote")
    window.debouncer.flush()
    assert window.current_item.item_id is None
    assert "Select an item" in window.details.toPlainText()


def test_details_list_every_field_of_an_event(sample_fb):
    event = sample_fb.get_item("e-white-house-meeting")
    fields = dict(detail_fields(event, sample_fb))
    assert fields["Kind"] == "Event"
    assert fields["Date"] == "February 3, 2026"
    assert fields["Location"] == event.location == "The White House, Washington"
    assert "End date" in fields and "Speaker" not in fields
    assert fields["ID"] == "e-white-house-meeting"
    assert fields["Status"] == "Unverified" and fields["Marking"] == "U"


def test_details_name_missing_references_and_show_empty_fields_as_a_dash(qtbot, fb):
    item = Item(id="q-1", kind="quote", text="¡Hola!", speaker="p-gone", language="es",
                people=["p-gone"])
    fields = dict(detail_fields(item, fb))
    assert fields["Speaker"] == "(missing person p-gone)"
    assert fields["Language"] == "Spanish"
    assert fields["Source"] == ""

    from briefing_app.ui.item_details import ItemDetailsView

    view = ItemDetailsView(fb)
    qtbot.addWidget(view)
    view.show_item(item)
    assert f"Translation\n{EMPTY}" in view.toPlainText().replace("\t", "\n")


@pytest.fixture
def bogota_time(monkeypatch):
    monkeypatch.setenv("TZ", "America/Bogota")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_details_show_the_update_time_in_local_time(fb, bogota_time):
    item = Item(id="f-1", kind="fact", text="x", updated="2026-02-03T16:30:00+00:00")
    assert dict(detail_fields(item, fb))["Updated"] == "Feb 3, 2026, 11:30"


def test_details_escape_markup_in_user_text(qtbot, fb):
    from briefing_app.ui.item_details import ItemDetailsView

    view = ItemDetailsView(fb)
    qtbot.addWidget(view)
    view.show_item(Item(id="f-1", kind="fact", text="<b>not bold</b> & more"))
    assert "<b>not bold</b> & more" in view.toPlainText()


# ---------------------------------------------------------------- sorting and paging


def test_clicking_a_header_sorts_by_that_column_in_sql(qtbot, window, sample_fb):
    click_header(qtbot, window.item_view, "title")
    assert (window.item_model.sort_key, window.item_model.descending) == ("title", False)
    assert titles(window) == sorted(titles(window), key=str.casefold)
    assert window.item_view.horizontalHeader().sortIndicatorSection() == COLUMN_KEYS.index("title")

    click_header(qtbot, window.item_view, "title")
    assert window.item_model.descending
    assert titles(window) == sorted(titles(window), key=str.casefold, reverse=True)


def test_the_column_titles_keep_their_height_and_follow_a_larger_font(qtbot, window):
    """The header keeps the size of its titles across searches (measuring every title
    at each reset cost a quarter of a search without hits), and measures them again
    when the font changes."""
    table = window.item_view
    header = table.horizontalHeader()
    height = header.height()
    window.search_box.setText("zzyzxq")
    window.debouncer.flush()
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 0, timeout=3000)
    assert header.height() == height and header.isVisible()

    font = header.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    header.setFont(font)
    qtbot.waitUntil(lambda: header.height() > height * 1.5, timeout=3000)
    assert header.sizeHint().height() == header.height()
    window.search_box.clear()
    window.debouncer.flush()
    qtbot.waitUntil(lambda: window.item_model.rowCount() > 0, timeout=3000)
    assert header.height() > height * 1.5
    assert table.viewport().geometry().top() >= header.geometry().bottom()


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, big_db):
    with FactBase.open(big_db) as fb:
        win = MainWindow(fb, big_db)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        assert win.item_model.rowCount() == 200
        assert win.count_label.text() == "Showing 200 of 450 items"

        win.item_view.scrollToBottom()
        qtbot.waitUntil(lambda: win.item_model.rowCount() == 400, timeout=3000)
        qtbot.waitUntil(lambda: win.count_label.text() == "Showing 400 of 450 items",
                        timeout=3000)
        win.item_view.scrollToBottom()
        qtbot.waitUntil(lambda: win.item_model.rowCount() == 450, timeout=3000)
        assert not win.item_model.canFetchMore(win.item_view.rootIndex())
        win.close()


def test_on_a_big_fact_base_a_search_shows_a_screenful_and_scrolling_reads_on_a_worker(
        qtbot, big_db, monkeypatch):
    """Past ``background_from`` items (450 count as big here) a typed search shows its
    first 100 rows, and each page after them is read off the window's thread while the
    view stays where the staffer scrolled it."""
    import threading

    from briefing_app.ui.item_model import ItemTableModel

    monkeypatch.setattr(ItemTableModel, "background_from", 100)
    with FactBase.open(big_db) as fb:
        read_on = []
        real_rows = FactBase.search_rows
        monkeypatch.setattr(FactBase, "search_rows", lambda self, query, **kw: (
            read_on.append(threading.current_thread()), real_rows(self, query, **kw))[1])
        win = MainWindow(fb, big_db)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.keyClicks(win.search_box, "-zzyzxq")  # every item, through a walk
        qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
        model = win.item_model
        qtbot.waitUntil(lambda: not model.searching and not model.counting, timeout=3000)
        assert model.rowCount() == 100
        assert win.count_label.text().startswith("Showing 100 of 450 matching items")

        read_on.clear()
        win.item_view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() == 300, timeout=3000)
        assert read_on and threading.main_thread() not in read_on
        win.item_view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() == 450, timeout=3000)
        qtbot.waitUntil(lambda: win.count_label.text().startswith(
            "Showing 450 of 450 matching items"), timeout=3000)
        expected = [r.id for r in real_rows(fb, "-zzyzxq", sort="date", descending=True,
                                            limit=None)]
        assert [model.item_id(row) for row in range(450)] == expected
        win.close()


def open_scrolled_to_row_400(qtbot, big_db, fb):
    win = MainWindow(fb, big_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.item_view.scrollToBottom()
    qtbot.waitUntil(lambda: win.item_model.rowCount() == 400, timeout=3000)
    win.item_view.scrollToBottom()  # the end of the rows fetched, as a staffer leaves it
    return win


def test_a_new_search_or_order_starts_at_its_first_rows(qtbot, big_db):
    with FactBase.open(big_db) as fb:
        win = open_scrolled_to_row_400(qtbot, big_db, fb)
        bar = win.item_view.verticalScrollBar()
        assert bar.value() > 0
        qtbot.keyClicks(win.search_box, "colombia")
        qtbot.keyClick(win.search_box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.item_model.query == "colombia", timeout=3000)
        qtbot.waitUntil(lambda: bar.value() == 0, timeout=3000)
        assert win.item_view.rowAt(0) == 0  # the best rows are the ones on screen
        win.item_view.scrollToBottom()
        click_header(qtbot, win.item_view, "title")
        qtbot.waitUntil(lambda: win.item_model.sort_key == "title", timeout=3000)
        qtbot.waitUntil(lambda: bar.value() == 0, timeout=3000)
        win.close()


def test_rows_that_arrive_while_the_view_is_at_their_end_go_on_fetching(
        qtbot, big_db, monkeypatch):
    """Scrolled to the end while a worker re-read the rows, the fetch was refused (the
    rows were about to be replaced); the new rows came with the scroll bar already at its
    end, where no scrolling could move it, and the table stopped at 200 rows."""
    from briefing_app.ui.item_model import ItemTableModel

    monkeypatch.setattr(ItemTableModel, "background_from", 100)  # re-read on a worker
    with FactBase.open(big_db) as fb:
        win = MainWindow(fb, big_db)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: not win.item_model.counting, timeout=3000)
        win.item_model.refresh()  # as after a change: a worker reads the first page again
        assert win.item_model.searching
        win.item_view.scrollToBottom()
        assert win.item_model.rowCount() == 200  # not fetched: the rows are being replaced
        qtbot.waitUntil(lambda: win.item_model.rowCount() == 400, timeout=3000)
        win.close()


@pytest.mark.parametrize("on_a_worker", [False, True])
def test_saving_an_item_far_down_keeps_it_under_the_cursor(qtbot, big_db, monkeypatch,
                                                           on_a_worker):
    """A refresh after a change read the first page alone: the item at row 300 was no
    longer among the rows, so the cursor left it and the details pane went blank."""
    from briefing_app.ui.item_model import ItemTableModel

    if on_a_worker:
        monkeypatch.setattr(ItemTableModel, "background_from", 100)
    with FactBase.open(big_db) as fb:
        win = open_scrolled_to_row_400(qtbot, big_db, fb)
        qtbot.waitUntil(lambda: not win.item_model.counting, timeout=3000)
        click_row(qtbot, win.item_view, 300)
        chosen = win.item_model.item_id(300)
        assert win.current_item.item_id == chosen
        item = fb.get_item(chosen)
        item.notes = "Checked against the transcript"
        fb.save_item(item)
        shown = win.item_model.rowCount()
        win.item_model.refresh()  # what every saved change does
        qtbot.waitUntil(lambda: not win.item_model.searching, timeout=3000)
        assert win.item_model.rowCount() == shown > 300
        assert win.item_view.currentIndex().row() == 300
        assert win.current_item.item_id == chosen
        win.close()


# ---------------------------------------------------------------- menus, status, a11y


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.item_view.setFocus()
    assert window.actions["find"].shortcut() == QKeySequence("Ctrl+F")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=2000)


def test_ctrl_q_closes_the_window(qtbot, window):
    assert window.actions["quit"].shortcut() == QKeySequence("Ctrl+Q")
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_the_status_bar_shows_the_count_and_the_fact_base(window, sample_fb):
    count = sample_fb.item_count()
    assert window.count_label.text() == f"Showing {count} of {count} items"
    assert window.path_label.text() == display_path(sample_fb.path)
    assert str(sample_fb.path) in window.path_label.toolTip()
    assert Path(sample_fb.path).name in window.windowTitle()


def test_interactive_widgets_have_accessible_names(window):
    widgets = window.findChildren(QLineEdit) + window.findChildren(QTableView)
    widgets += [window.details, window.count_label, window.path_label]
    for widget in widgets:
        assert widget.accessibleName(), widget.objectName()
    assert all(b.accessibleName() or b.text() or b.toolTip()
               for b in window.findChildren(QAbstractButton) if b.isVisible())


def test_hidden_columns_can_be_shown_from_the_header_menu(window):
    tags = COLUMN_KEYS.index("tags")
    assert window.item_view.isColumnHidden(tags)
    window.column_chooser.actions["tags"].trigger()
    assert not window.item_view.isColumnHidden(tags)


def test_count_text():
    assert count_text(200, 5000, 5000, "") == "Showing 200 of 5,000 items"
    assert count_text(1, 1, 40, "visa") == (
        "Showing 1 of 1 matching item (40 items in the fact base)"
    )
    assert count_text(0, 0, 40, "kind:x", ("kind:x is not one of fact, quote, event",)) == (
        "Showing 0 of 0 matching items (40 items in the fact base)"
        " — ignored: kind:x is not one of fact, quote, event"
    )


def test_display_path_shortens_the_home_folder():
    assert display_path("/home/ana/.local/share/f.sqlite", home="/home/ana") == (
        str(Path("~/.local/share/f.sqlite"))
    )
    assert display_path("/srv/shared/f.sqlite", home="/home/ana") == "/srv/shared/f.sqlite"


# ---------------------------------------------------------------- starting the app


RUN_GUI_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefing_app.ui import app as ui_app
from briefing_app.ui.main_window import MainWindow

def look_and_quit():
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible()]
    print("shown:", *[w.windowTitle() for w in windows], sep="\\n")
    for w in windows:
        w.close()
    QApplication.exit(0)

ui_app.application()
QTimer.singleShot(300, look_and_quit)
sys.exit(ui_app.run_gui(sys.argv[1]))
"""


def test_run_gui_shows_the_window_and_returns_the_exit_status(tmp_path):
    """The real start-up, event loop and exit, in its own process as a user would run it
    (a real ``app.exec()`` inside the test process would disturb the shared test app)."""
    path = tmp_path / "facts.sqlite"
    create_fact_base(path).close()
    result = subprocess.run([sys.executable, "-c", RUN_GUI_AND_QUIT, str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["facts.sqlite — Briefing Builder"]


def test_run_gui_on_a_broken_file_shows_the_error_and_returns_1(qtbot, tmp_path, answers):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database" * 50)
    assert ui_app.run_gui(broken) == 1
    assert answers.shown and "not a Briefing Builder fact base" in answers.texts[0]

