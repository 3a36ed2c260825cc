"""User text is never read as HTML (issue 15, item 10): with HTML-looking text in every
field the composer shows, every label showing it is plain text."""

from __future__ import annotations

import dataclasses

from composer_helpers import open_window, select_block
from editing_helpers import answer_next_dialog, click_item
from editing_helpers import open_window as editing_window
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLabel

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.ui.intake import install_intake

HTML = '<img src="file:///etc/hostname"><b>bold?</b>'


def test_every_label_showing_user_text_is_plain_text(qtbot, sample_fb):
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    block = next(b for s in briefing.sections for b in s.blocks if b.item)
    item = sample_fb.get_item(block.item)
    sample_fb.save_item(dataclasses.replace(item, text=f"text {HTML}",
                                            title=f"title {HTML}"))
    sample_fb.save_briefing(dataclasses.replace(briefing, title=f"briefing {HTML}",
                                                subject=f"subject {HTML}"))
    window, composer = open_window(qtbot, sample_fb)
    select_block(composer, block.id)
    showing = [label for label in window.findChildren(QLabel) if "<b>bold?</b>" in label.text()]
    assert {label.objectName() for label in showing} >= {"composerTitle", "blockItemText"}
    assert [label.objectName() for label in showing
            if label.textFormat() != Qt.TextFormat.PlainText] == []


MARK = "<b>bold</b>"
LOOKS_LIKE_HTML = f'<img src="file:///etc/passwd">{MARK}'


def marked(text: str) -> str:
    return f"{text} {LOOKS_LIKE_HTML}"


def fill_every_user_field(fb) -> None:
    """HTML-looking text in every field a person types: items, people, sources, tags and
    the sample briefing down to each block."""
    for person in fb.list_people():
        fb.save_person(dataclasses.replace(person, name=marked(person.name),
                                           role=marked(person.role),
                                           organization=marked(person.organization)))
    for source in fb.list_sources():
        fb.save_source(dataclasses.replace(source, outlet=marked(source.outlet),
                                           title=marked(source.title)))
    for item in fb.search(""):
        fb.save_item(dataclasses.replace(item, title=marked(item.title), text=marked(item.text),
                                         notes=marked(item.notes), context=marked(item.context),
                                         tags=[*item.tags, LOOKS_LIKE_HTML]))
    briefing = fb.get_briefing(SAMPLE_BRIEFING_ID)
    sections = [dataclasses.replace(section, heading=marked(section.heading), blocks=[
        dataclasses.replace(block, text=marked(block.text) if block.text else "",
                            note=marked(block.note))
        for block in section.blocks]) for section in briefing.sections]
    meeting = dataclasses.replace(briefing.meeting, title=marked(briefing.meeting.title),
                                  location=marked(briefing.meeting.location))
    fb.save_briefing(dataclasses.replace(
        briefing, title=marked(briefing.title), subject=marked(briefing.subject),
        to=marked(briefing.to), from_=marked(briefing.from_), through=marked(briefing.through),
        meeting=meeting, sections=sections))


def labels_guessing_the_format() -> set[str]:
    """Each label now showing the marked text that would read it as HTML, named by its
    window and object name."""
    return {f"{top.objectName() or type(top).__name__}/{label.objectName() or label.text()}"
            for top in QApplication.topLevelWidgets()
            for label in top.findChildren(QLabel)
            if MARK in label.text() and label.textFormat() != Qt.TextFormat.PlainText}


def select_two_rows(dialog) -> None:
    """The first two rows of a people, sources or tags manager, ready to merge."""
    table, flags = dialog.table, QItemSelectionModel.SelectionFlag
    table.clearSelection()
    for row in (0, 1):
        table.selectionModel().select(table.model().index(row, 0), flags.Select | flags.Rows)


def test_no_label_anywhere_reads_user_text_as_html(qtbot, sample_fb, tmp_path):
    fill_every_user_field(sample_fb)
    window, editing = editing_window(qtbot, sample_fb, tmp_path)
    composer = window.composer
    guessing: set[str] = set()
    seen = 0

    def look() -> None:
        nonlocal seen
        QApplication.processEvents()
        guessing.update(labels_guessing_the_format())
        seen += sum(MARK in label.text() for top in QApplication.topLevelWidgets()
                    for label in top.findChildren(QLabel))

    item = sample_fb.search("")[0]
    click_item(qtbot, window, item.id)  # the details pane shows it
    look()
    editor = editing.edit_item(item.id)
    qtbot.waitUntil(editor.isVisible)
    look()
    editor.close()
    for what in ("people", "sources", "tags"):
        dialog = editing.open_manager(what)
        look()
        select_two_rows(dialog)
        seen_merge = answer_next_dialog(qtbot, lambda merge: (look(), merge.reject()))
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        assert seen_merge, f"no merge dialog for {what}"
        dialog.close()
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    for block in (b for s in briefing.sections for b in s.blocks):
        select_block(composer, block.id)
        look()
    composer.panel.tabs.setCurrentIndex(1)
    look()
    composer.panel.warnings.show()
    look()
    intake = getattr(window, "intake", None) or install_intake(window)
    article = tmp_path / "article.txt"
    article.write_text(f"{marked('Petro visits')}\n\nBOGOTÁ, 5 Feb.- \"We seek peace "
                       f"{LOOKS_LIKE_HTML}\", said President Gustavo Petro on Tuesday.\n",
                       encoding="utf-8")
    with qtbot.waitSignal(intake.review_opened, timeout=10_000) as opened:
        intake.open_file(article)
    review = opened.args[0]
    qtbot.addWidget(review)
    qtbot.waitExposed(review)
    look()
    review.close()
    assert seen, "no label showed the marked text: the walk looked at nothing"
    assert guessing == set()
