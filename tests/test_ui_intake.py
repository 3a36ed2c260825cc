"""The article review window, used as a staffer would: open an article, untick a
proposal, change a speaker, accept, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing_app.ui.intake import install_intake

CORPUS = Path(__file__).resolve().parent / "intake_corpus"
ARTICLE = CORPUS / "es-efe-petro-caracas.txt"


@pytest.fixture
def intake(window):
    return install_intake(window)


def open_review(qtbot, intake, path=ARTICLE):
    with qtbot.waitSignal(intake.review_opened, timeout=10_000) as opened:
        intake.open_file(path)
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def quote_row(dialog, words: str):
    quotes = dialog.proposals.topLevelItem(0)
    for index in range(quotes.childCount()):
        row = quotes.child(index)
        if dialog.proposals.proposal_of(row).text.startswith(words):
            return row
    raise AssertionError(f"no quote starting {words!r}")


def stored_people(window, name: str) -> int:
    return sum(1 for p in window.library.store.list_people() if p.name == name)


def test_the_file_menu_offers_articles_after_import(window, intake):
    actions = window.menus["file"].actions()
    position = actions.index(window.actions["import"])
    assert actions[position + 1 : position + 3] == [intake.from_file, intake.from_clipboard]


def test_review_untick_change_a_speaker_accept_and_undo(qtbot, window, intake):
    store = window.library.store
    before = store.item_count()
    dialog = open_review(qtbot, intake)
    assert dialog.proposals.topLevelItem(0).text(0).startswith("Quotes (7 of 7")

    # Untick the first quote: it is not added, and its highlight fades.
    unticked = quote_row(dialog, "presiones")
    unticked.setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.proposals.topLevelItem(0).text(0).startswith("Quotes (6 of 7")

    # The speaker of Trump's quote links to the fact base's Donald Trump.
    row = quote_row(dialog, "Petro está jugando")
    dialog.proposals.setCurrentItem(row)
    assert dialog.form.speaker.box.currentText() == "Donald Trump"
    assert dialog.form.speaker.state.text() == "in the fact base"

    # Change the speaker of Villavicencio's quote by typing a name the article has.
    row = quote_row(dialog, "Hay voluntad")
    dialog.proposals.setCurrentItem(row)
    line = dialog.form.speaker.box.lineEdit()
    line.selectAll()
    line.insert("Nicolás Maduro")  # typed (QTest cannot type "á" key by key)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    changed = dialog.proposals.proposal_of(row)
    assert dialog.extraction.person(changed.speaker).name == "Nicolás Maduro"
    assert dialog.form.speaker.state.text() == "new person"
    assert "Nicolás Maduro" in row.text(0)

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = [p for p in dialog.extraction.items if p.accepted]
    assert store.item_count() == before + len(added)
    assert store.get_item(dialog.proposals.proposal_of(unticked).id) is None
    assert store.get_item(changed.id).speaker == changed.speaker
    assert all(store.get_item(p.id).status == "unverified" for p in added)
    assert stored_people(window, "Gustavo Petro") == 1  # linked, not duplicated
    assert stored_people(window, "Nicolás Maduro") == 1
    assert window.undo_stack.undoText() == "Add from Article"

    window.actions["undo"].trigger()
    assert store.item_count() == before
    assert stored_people(window, "Nicolás Maduro") == 0
    assert store.get_source(dialog.extraction.source.id) is None


def test_an_unreadable_file_says_why(qtbot, window, intake, tmp_path, answers):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    intake.open_file(bad)
    # The job fails within milliseconds, sometimes before a waitSignal could connect.
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=10_000)
    assert "scan.pdf" in answers.texts[0]


def test_a_screenshot_of_the_review_window(qtbot, window, intake):
    dialog = open_review(qtbot, intake, CORPUS / "en-wire-iran-tanker.txt")
    dialog.proposals.setCurrentItem(dialog.proposals.topLevelItem(0).child(0))
    qtbot.wait(50)
    assert dialog.grab().save("/tmp/intake-review.png")


def test_typing_the_publication_date_dates_the_relative_dates(qtbot, window, intake):
    dialog = open_review(qtbot, intake)  # "BOGOTÁ, 5 feb (EFE)" gives no year
    assert dialog.extraction.undated and dialog.notice.isVisibleTo(dialog)
    dialog.published.edit.setText("2026-02-05")
    dates = {p.text[:25]: p.date for p in dialog.extraction.items if p.date}
    assert dates["El presidente de Colombia"] == "2026-01-03"  # "el pasado 3 de enero"
    assert dialog.extraction.undated == 0 and not dialog.notice.isVisibleTo(dialog)
