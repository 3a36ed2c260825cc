"""File ▸ Print… (Ctrl+P) prints the memo's own PDF pages. A QPrinter writing a PDF file
stands in for a real printer: the printout has the pages of the exported PDF, on the
memo's paper."""

from __future__ import annotations

import io

import pytest
from composer_helpers import open_window
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from briefing_app.document.render import render_document
from briefing_app.document.writers import write_document
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID


@pytest.fixture
def app(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    assert composer.session.briefing_id == SAMPLE_BRIEFING_ID
    return window, composer, sample_fb


def pages_of(path) -> list[tuple[int, int]]:
    """Each page's size in points, rounded."""
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_print_is_in_the_file_and_briefing_menus_with_ctrl_p(app):
    window, composer, _fb = app
    action = composer.actions["print"]
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert action.isEnabled()
    assert action in window.menus["file"].actions()
    assert action in window.menus["briefing"].actions()
    composer.session.open(None)
    assert not action.isEnabled()  # nothing to print


def test_the_printout_has_the_pages_of_the_exported_pdf(qtbot, app, tmp_path):
    _window, composer, fb = app
    exported = tmp_path / "exported.pdf"
    write_document(render_document(fb, fb.get_briefing(SAMPLE_BRIEFING_ID)), exported, "pdf")
    printed = tmp_path / "printed.pdf"
    printer = composer.printer.printer_for_memo()  # the memo's paper and title
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))

    with qtbot.waitSignal(composer.printer.finished, timeout=30000) as done:
        composer.printer.print_to(printer)

    assert done.args == [len(pages_of(exported))] and done.args[0] > 1
    assert len(pages_of(printed)) == len(pages_of(exported))
    assert set(pages_of(printed)) == {(612, 792)}  # US Letter, like the export
    qtbot.waitUntil(lambda: not composer.printer.busy(), timeout=3000)  # ready for the next


def test_an_a4_memo_prints_on_a4_and_a_page_range_prints_those_pages(qtbot, app, tmp_path):
    _window, composer, fb = app
    fb.update_briefing_header(SAMPLE_BRIEFING_ID, page_size="a4")
    composer.session.reload()
    printed = tmp_path / "printed.pdf"
    printer = composer.printer.printer_for_memo()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)

    with qtbot.waitSignal(composer.printer.finished, timeout=30000) as done:
        composer.printer.print_to(printer)

    assert done.args == [1]
    assert pages_of(printed) == [(595, 842)]


def test_cancelling_the_print_dialog_prints_nothing(qtbot, app):
    _window, composer, _fb = app
    seen = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    with qtbot.assertNotEmitted(composer.printer.finished, wait=300):
        composer.actions["print"].trigger()
    assert isinstance(seen[0], QPrintDialog)
    assert seen[0].windowTitle() == "Print Briefing"
    assert not composer.printer.busy()
