"""Every writer handles every node type of the document model, and meets an unknown node
with UnknownNodeError (the visitor base, document/visitor.py)."""

from __future__ import annotations

import io
import typing
from dataclasses import dataclass

import pytest

from briefing_app.document import model
from briefing_app.document.model import (
    BulletList,
    Document,
    ListItem,
    Metadata,
    NoteList,
    PageFurniture,
    Paragraph,
    Text,
)
from briefing_app.document.visitor import NodeVisitor, method_name, node_types
from briefing_app.document.writers import UnknownNodeError, available_formats, get_writer

FORMATS = available_formats()


def missing_handlers(types) -> list[tuple[str, str]]:
    """(format, node type) for each node type a writer's visitor has no method for."""
    return [
        (fmt, node_type.__name__)
        for fmt in FORMATS
        for node_type in types
        if not callable(getattr(get_writer(fmt).Visitor, method_name(node_type), None))
    ]


def memo(*blocks) -> Document:
    return Document(Metadata(title="Memo"), PageFurniture(banner="UNCLASSIFIED"), list(blocks))


class Sidebar:
    """A block no writer knows."""


# ------------------------------------------------------------------ the node types


def test_node_types_are_found_in_the_model_module():
    found = set(node_types())
    blocks_and_inlines = set(typing.get_args(model.Block)) | set(typing.get_args(model.Inline))
    assert blocks_and_inlines <= found
    assert {Document, Metadata, PageFurniture, ListItem, model.Note} <= found
    assert model.UnknownNodeError not in found  # a class, but not a node


def test_method_names_are_the_class_names_in_snake_case():
    assert method_name(model.BulletList) == "visit_bullet_list"
    assert method_name(model.NoteRef) == "visit_note_ref"
    assert method_name(model.PageFurniture) == "visit_page_furniture"
    assert method_name(str) == "visit_str"


# ------------------------------------------------------------------ every writer


def test_the_three_writers_are_checked():
    assert {"docx", "html", "pdf"} <= set(FORMATS)


def test_every_writer_has_a_handler_for_every_node_type():
    assert missing_handlers(node_types()) == []


def test_a_node_type_added_to_the_model_is_missing_from_every_writer(monkeypatch):
    @dataclass
    class Chart:
        caption: str

    Chart.__module__ = model.__name__
    monkeypatch.setattr(model, "Chart", Chart, raising=False)
    assert Chart in node_types()
    assert missing_handlers(node_types()) == [(fmt, "Chart") for fmt in FORMATS]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("document", "unknown"),
    [
        (memo(Paragraph([Text("ok")]), Sidebar()), "Sidebar"),
        (memo(Paragraph([Text("ok"), Sidebar()])), "Sidebar"),
        (memo(BulletList([ListItem([Text("ok")]), "a bare string"])), "str"),
        (memo(NoteList(["not a note"])), "str"),
        ("not a document", "str"),
    ],
    ids=["block", "inline", "list item", "note", "document"],
)
def test_an_unknown_node_raises_in_every_writer(fmt, document, unknown):
    writer = get_writer(fmt)
    with pytest.raises(UnknownNodeError, match=f"cannot render {unknown}$"):
        writer.write(document, io.BytesIO())


# ------------------------------------------------------------------ the visitor base


class Outline(NodeVisitor):
    writer_name = "outline"

    def visit_paragraph(self, node, depth):
        return "  " * depth + "".join(self.visit(part) for part in node.content)

    def visit_text(self, node):
        return node.text.upper() if node.bold else node.text


def test_visit_passes_extra_arguments_and_returns_the_result():
    paragraph = Paragraph([Text("Bottom "), Text("line", bold=True)])
    assert Outline().visit(paragraph, 2) == "    Bottom LINE"


def test_a_subclass_of_a_known_node_is_unknown():
    class LoudText(Text):
        pass

    with pytest.raises(UnknownNodeError, match="outline writer cannot render LoudText"):
        Outline().visit(Paragraph([LoudText("hey")]), 0)
