"""Writers are found by name; writing is atomic whatever the writer does."""

from __future__ import annotations

import sys

import pytest

from briefing_app.document import writers
from briefing_app.document.model import (
    Document,
    Metadata,
    PageFurniture,
    Paragraph,
    Text,
    UnknownNodeError,
)
from briefing_app.document.writers import (
    UnknownFormatError,
    available_formats,
    format_for_path,
    get_writer,
    write_document,
)


def memo(*blocks) -> Document:
    return Document(Metadata(title="Memo"), PageFurniture(), list(blocks or [
        Paragraph([Text("Hello")])]))


def test_formats_are_the_writer_modules_only():
    formats = available_formats()
    assert "html" in formats
    assert not any(name.endswith(("_parts", "_styles", "_fonts", "_markup")) for name in formats)
    assert formats == sorted(formats)


def test_get_writer_returns_a_module_with_the_writer_api():
    writer = get_writer("HTML")
    assert writer.FORMAT == "html" and writer.EXTENSION == ".html" and callable(writer.write)


@pytest.mark.parametrize("name", ["rtf", "", "../model", "html_writer", "docx_parts"])
def test_unknown_format_lists_the_available_ones(name):
    with pytest.raises(UnknownFormatError, match="available: .*html"):
        get_writer(name)


def test_format_comes_from_the_extension_in_any_case(tmp_path):
    assert format_for_path(tmp_path / "memo.html") == "html"
    assert format_for_path("MEMO.HTML") == "html"


@pytest.mark.parametrize("name", ["memo.txt", "memo", "memo.html.bak"])
def test_unknown_extension_is_explained(name):
    with pytest.raises(UnknownFormatError, match="Cannot tell the format.*known: .*\\.html"):
        format_for_path(name)


def test_write_document_writes_the_file_by_extension(tmp_path):
    path = write_document(memo(), tmp_path / "memo.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_explicit_format_wins_over_the_extension(tmp_path):
    path = write_document(memo(), tmp_path / "memo.out", fmt="html")
    assert "<html" in path.read_text(encoding="utf-8")


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_files(tmp_path):
    target = tmp_path / "memo.html"
    target.write_text("previous version")
    with pytest.raises(UnknownNodeError):
        write_document(memo(Paragraph([Text("ok")]), object()), target)
    assert target.read_text() == "previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.html"]


def test_every_available_writer_has_the_api_and_writes_a_simple_memo(tmp_path):
    for fmt in available_formats():
        writer = get_writer(fmt)
        path = write_document(memo(), tmp_path / f"memo{writer.EXTENSION}")
        assert format_for_path(path) == fmt
        assert path.stat().st_size > 0


def test_registry_finds_a_new_writer_module_dropped_into_the_package(tmp_path, monkeypatch):
    plugin_dir = tmp_path / "plugins"
    plugin_dir.mkdir()
    (plugin_dir / "txt_writer.py").write_text(
        "from briefing_app.document.visitor import NodeVisitor\n"
        "FORMAT = 'txt'\nEXTENSION = '.txt'\n"
        "class Visitor(NodeVisitor):\n"
        "    def visit_document(self, document):\n        return document.metadata.title\n"
        "def write(document, stream):\n    stream.write(Visitor().visit(document).encode())\n"
    )
    monkeypatch.setattr(writers, "__path__", [*writers.__path__, str(plugin_dir)])
    monkeypatch.delitem(sys.modules, f"{writers.__name__}.txt_writer", raising=False)
    try:
        assert "txt" in available_formats()
        assert format_for_path("notes.txt") == "txt"
        path = write_document(memo(), tmp_path / "notes.txt")
        assert path.read_text() == "Memo"
    finally:
        sys.modules.pop(f"{writers.__name__}.txt_writer", None)


def test_a_writer_module_without_a_node_visitor_is_incomplete(tmp_path, monkeypatch):
    plugin_dir = tmp_path / "plugins"
    plugin_dir.mkdir()
    (plugin_dir / "raw_writer.py").write_text(
        "FORMAT = 'raw'\nEXTENSION = '.raw'\n"
        "def write(document, stream):\n    stream.write(b'')\n"
    )
    monkeypatch.setattr(writers, "__path__", [*writers.__path__, str(plugin_dir)])
    monkeypatch.delitem(sys.modules, f"{writers.__name__}.raw_writer", raising=False)
    try:
        with pytest.raises(UnknownFormatError, match="raw writer is incomplete: it lacks Visitor"):
            get_writer("raw")
    finally:
        sys.modules.pop(f"{writers.__name__}.raw_writer", None)
