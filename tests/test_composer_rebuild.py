"""The shipped sample briefing, rebuilt from nothing through the GUI only: the header typed,
items dropped, talking points written. Its Word export must read exactly like the CLI's
``render`` of the original."""

from __future__ import annotations

import docx
from composer_helpers import (
    drag_items,
    layout,
    open_window,
    select_block,
    select_section,
    type_into,
    write_in_place,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from briefing_app.cli import main as cli_main
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.ui.composer.briefings_list import NewBriefingDialog

WRITE_BUTTONS = {"paragraph": "add_paragraph", "bullet": "add_bullet",
                 "talking-point": "add_talking_point"}


def memo_texts(path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def test_the_sample_briefing_rebuilt_in_the_gui_exports_like_the_cli(
        qtbot, sample_fb, monkeypatch, tmp_path):
    fb = sample_fb
    original = fb.get_briefing(SAMPLE_BRIEFING_ID)
    window, composer = open_window(qtbot, fb)
    monkeypatch.setattr(NewBriefingDialog, "ask", classmethod(
        lambda cls, parent: (original.template, original.title)))
    composer.briefings.actions["new"].trigger()
    rebuilt_id = composer.session.briefing_id
    assert rebuilt_id != SAMPLE_BRIEFING_ID

    # ---- the memo header, typed
    form = composer.panel.header_form
    composer.panel.tabs.setCurrentIndex(1)
    for name, value in (("subject", original.subject), ("to", original.to),
                        ("from_", original.from_), ("meeting_title", original.meeting.title),
                        ("meeting_location", original.meeting.location)):
        type_into(qtbot, form.fields[name], value)
    for name, value in (("date", original.date), ("meeting_date", original.meeting.date)):
        type_into(qtbot, form.fields[name], value)
        qtbot.keyClick(form.fields[name], Qt.Key.Key_Return)
    people = form.participants_model
    for person_id in original.meeting.participants:  # ticked in the memo's order: Space
        row = people.ids().index(person_id)
        form.participants.setFocus()
        form.participants.setCurrentIndex(people.index(row))
        qtbot.keyClick(form.participants, Qt.Key.Key_Space)
    form.marking.setFocus()
    qtbot.keyClicks(form.marking, original.marking)
    if original.portion_marking:
        qtbot.mouseClick(form.portion_marking, Qt.MouseButton.LeftButton)
    composer.panel.tabs.setCurrentIndex(0)

    # ---- sections: items dropped, free text written in place, notes typed
    for section in original.sections:
        if section.automatic:
            continue
        select_section(composer, section.heading)
        for number, block in enumerate(section.blocks):
            if block.is_item:
                assert drag_items(window, composer, [block.item], section.heading, number)
            else:
                write_in_place(qtbot, composer, WRITE_BUTTONS[block.style], block.text)
            if block.note:
                new_block = composer.session.section(
                    composer.session.current_section_id).blocks[number]
                select_block(composer, new_block.id)
                type_into(qtbot, composer.panel.block_editor.note, block.note)
                qtbot.keyClick(composer.panel.block_editor.note, Qt.Key.Key_Return)

    rebuilt = fb.get_briefing(rebuilt_id)
    assert layout(fb, rebuilt_id) == layout(fb, SAMPLE_BRIEFING_ID)
    assert [[(b.style, b.note, b.override) for b in s.blocks] for s in rebuilt.sections] == [
        [(b.style, b.note, b.override) for b in s.blocks] for s in original.sections]
    assert (rebuilt.subject, rebuilt.to, rebuilt.from_, rebuilt.date, rebuilt.meeting,
            rebuilt.marking, rebuilt.portion_marking, rebuilt.note_style) == (
        original.subject, original.to, original.from_, original.date, original.meeting,
        original.marking, original.portion_marking, original.note_style)

    # ---- exported through the GUI vs. the CLI's render of the original
    gui_file = tmp_path / "gui.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(gui_file), "")))
    with qtbot.waitSignal(composer.exporter.finished, timeout=20000):
        composer.actions["export_docx"].trigger()
    composer.exporter.message_box.close()
    cli_file = tmp_path / "cli.docx"
    assert cli_main(["--db", str(fb.path), "render", SAMPLE_BRIEFING_ID, "-o",
                     str(cli_file)]) == 0

    gui_texts, cli_texts = memo_texts(gui_file), memo_texts(cli_file)
    assert gui_texts == cli_texts
    assert any("Great Honor" in t for t in gui_texts)
