"""An empty section is warned about; Briefing ▸ Leave Out Empty Sections (and
``render --leave-out-empty-sections``) writes the memo without it, the briefing unchanged."""

from __future__ import annotations

import docx
from composer_helpers import open_window
from PySide6.QtWidgets import QFileDialog

from briefing_app.cli import main
from briefing_app.core.model import Block, Briefing, Section
from briefing_app.document.render import render_briefing, without_empty_sections
from briefing_app.store import FactBase

HEADINGS = ["Purpose", "Background", "Key Issues", "Sources"]


def briefing() -> Briefing:
    return Briefing("b-trade", "Trade delegation", sections=[
        Section("Purpose", [Block(text="Meet the trade delegation.")]),
        Section("Background", [Block(text="Tariffs rose in March.")]),
        Section("Key Issues"),  # empty: nothing written yet
        Section("Sources", automatic="sources"),  # generated, never "empty"
    ])


def word_headings(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style.name.startswith("Heading")]


def test_only_ordinary_sections_without_blocks_are_left_out():
    kept = without_empty_sections(briefing())
    assert [s.heading for s in kept.sections] == ["Purpose", "Background", "Sources"]


def test_render_leaves_empty_sections_out_only_when_asked(tmp_path):
    path = tmp_path / "fb.sqlite"
    with FactBase.open(path) as fb:
        fb.save_briefing(briefing())
        full = render_briefing(fb, "b-trade", tmp_path / "full.docx")
        assert any(w.code == "empty-section" for w in full.warnings)
        assert any("KEY ISSUES" in h.upper() for h in word_headings(tmp_path / "full.docx"))

        short = render_briefing(fb, "b-trade", tmp_path / "short.docx",
                                leave_out_empty_sections=True)
        assert not any(w.code == "empty-section" for w in short.warnings)
        assert not any("KEY ISSUES" in h.upper() for h in word_headings(tmp_path / "short.docx"))
        assert [s.heading for s in fb.get_briefing("b-trade").sections] == HEADINGS

    assert main(["--db", str(path), "render", "b-trade", "-o", str(tmp_path / "cli.docx"),
                 "--leave-out-empty-sections"]) == 0
    assert not any("KEY ISSUES" in h.upper() for h in word_headings(tmp_path / "cli.docx"))


def test_the_briefing_menu_choice_leaves_them_out_of_the_export(qtbot, tmp_path,
                                                                monkeypatch):
    path = tmp_path / "fb.sqlite"
    fb = FactBase.open(path)
    fb.save_briefing(briefing())
    window, composer = open_window(qtbot, fb)
    composer.session.open("b-trade")
    action = composer.actions["leave_out_empty"]
    assert action in window.menus["briefing"].actions() and not action.isChecked()

    action.trigger()  # on
    target = tmp_path / "memo.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Word document (*.docx)"))
    with qtbot.waitSignal(composer.exporter.finished, timeout=15000):
        composer.actions["export_docx"].trigger()
    composer.exporter.message_box.close()
    headings = [h.upper() for h in word_headings(target)]
    assert any("BACKGROUND" in h for h in headings)
    assert not any("KEY ISSUES" in h for h in headings)
    assert composer.printer.leave_out_empty_sections  # the printout follows the choice
    assert [s.heading for s in fb.get_briefing("b-trade").sections] == HEADINGS
    window.close()
    fb.close()
