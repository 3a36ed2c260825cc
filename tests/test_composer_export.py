"""Exporting from the composer: the save dialog's proposal, the files written, the message
afterwards, and a clear message when the file cannot be written."""

from __future__ import annotations

import threading

import docx
import pytest
from composer_helpers import open_window
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from briefing_app.document import render as render_module
from briefing_app.ui.composer import export as export_module


@pytest.fixture
def app(qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    return window, composer, sample_fb


def choose_file(monkeypatch, path, asked: list):
    def fake(parent, caption, suggested, filters):
        asked.append((caption, suggested, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def test_word_export_writes_the_memo_and_offers_to_open_it(qtbot, app, monkeypatch, tmp_path):
    _window, composer, _fb = app
    asked: list = []
    target = tmp_path / "out" / "memo.docx"
    target.parent.mkdir()
    choose_file(monkeypatch, target, asked)
    opened = []
    monkeypatch.setattr(export_module.QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile())))

    with qtbot.waitSignal(composer.exporter.finished, timeout=15000):
        composer.actions["export_docx"].trigger()

    caption, suggested, filters = asked[0]
    assert suggested.endswith("2026-02-03 Meeting with Colombian President Gustavo Petro.docx")
    assert "*.docx" in filters
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("Washington revoked Petro’s visa" in t for t in texts)
    assert any(t.startswith("PURPOSE") or "PURPOSE" in t for t in texts)

    box = composer.exporter.message_box
    assert box.isVisible() and str(target) in box.text()
    # the sample's stale warnings count a month-dated item from the month's end
    assert "20 pre-flight warnings: see the warnings panel." in box.text()
    folder_button = next(b for b in box.buttons() if b.text() == "Show in Folder")
    folder_button.click()
    assert opened == [str(target.parent)]


def test_pdf_export_from_the_toolbar_button(qtbot, app, monkeypatch, tmp_path):
    window, composer, _fb = app
    target = tmp_path / "brief"  # no extension typed: .pdf is added
    choose_file(monkeypatch, target, [])
    assert composer.actions["export_pdf"] in window.toolbar.actions()
    with qtbot.waitSignal(composer.exporter.finished, timeout=15000) as blocker:
        composer.actions["export_pdf"].trigger()
    written = blocker.args[0].path
    assert written.name == "brief.pdf"
    reader = PdfReader(str(written))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "MEMORANDUM" in text and "Petro" in text
    composer.exporter.message_box.close()


def test_an_unwritable_target_gets_a_clear_message(qtbot, app, monkeypatch, tmp_path, answers):
    _window, composer, _fb = app
    choose_file(monkeypatch, tmp_path / "no-such-folder" / "memo.docx", [])
    with qtbot.waitSignal(composer.exporter.failed, timeout=15000):
        composer.actions["export_docx"].trigger()
    assert "Cannot write" in answers.texts[0] and "memo.docx" in answers.texts[0]
    assert not (tmp_path / "no-such-folder").exists()


def test_cancelling_the_save_dialog_writes_nothing(qtbot, app, monkeypatch, tmp_path):
    _window, composer, _fb = app
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: ("", "")))
    composer.actions["export_docx"].trigger()
    assert composer.exporter.worker is None
    assert composer.exporter.message_box is None
    assert not list(tmp_path.rglob("*.docx"))


def test_cancel_during_writing_reports_the_completed_file(qtbot, app, monkeypatch, tmp_path):
    _window, composer, _fb = app
    target = tmp_path / "memo.docx"
    choose_file(monkeypatch, target, [])
    started, release = threading.Event(), threading.Event()
    real_render = render_module.render_briefing

    def slow_render(*args, **kwargs):
        started.set()
        release.wait(10)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(render_module, "render_briefing", slow_render)
    composer.actions["export_docx"].trigger()
    worker = composer.exporter.worker
    assert started.wait(10)
    worker.cancel()  # what the progress dialog's Cancel button does
    with qtbot.waitSignal(worker.signals.cancelled, timeout=10000):
        release.set()
    qtbot.waitUntil(lambda: composer.exporter.message_box is not None, timeout=5000)
    assert target.exists()
    assert str(target) in composer.exporter.message_box.text()
    composer.exporter.message_box.close()


def test_the_first_export_is_offered_in_documents_or_else_home(monkeypatch, tmp_path):
    """Not in whatever folder the app was started from (a fresh account has no Documents)."""
    from PySide6.QtCore import QStandardPaths

    documents = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(documents))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert export_module.default_export_folder() == tmp_path
    documents.mkdir()
    assert export_module.default_export_folder() == documents
