"""The fixed vocabularies are declared once (``core/vocab.py``); whatever names their values
follows them: the writer registry, the command line, the window's words and icons."""

from __future__ import annotations

import pytest

from briefing_app.cli import build_parser
from briefing_app.core import vocab
from briefing_app.document.writers import available_formats
from briefing_app.ui import labels
from briefing_app.ui.composer.export import file_filter
from briefing_app.ui.icons import KIND_STYLES

# Each table of words in ui/labels.py, and the vocabulary whose values it names.
TABLES = {
    "KIND_LABELS": vocab.ITEM_KINDS,
    "KIND_NOUNS": vocab.ITEM_KINDS,
    "KIND_PLURALS": vocab.ITEM_KINDS,
    "NEW_ITEM_ACTIONS": vocab.ITEM_KINDS,
    "NEW_ITEM_TIPS": vocab.ITEM_KINDS,
    "NEW_ITEM_TITLES": vocab.ITEM_KINDS,
    "EDIT_ITEM_TITLES": vocab.ITEM_KINDS,
    "NEW_ITEM_UNDO_TEXTS": vocab.ITEM_KINDS,
    "EDIT_ITEM_UNDO_TEXTS": vocab.ITEM_KINDS,
    "STATUS_LABELS": vocab.STATUSES,
    "STATUS_ACTIONS": vocab.STATUSES,
    "BLOCK_STYLE_LABELS": vocab.BLOCK_STYLES,
    "ADD_BLOCK_ACTIONS": vocab.BLOCK_STYLES,
    "ADD_BLOCK_TIPS": vocab.BLOCK_STYLES,
    "ADD_BLOCK_BUTTONS": vocab.BLOCK_STYLES,
    "AUTOMATIC_SECTION_NOTES": vocab.AUTOMATIC_SECTIONS,
    "NOTE_STYLE_LABELS": vocab.NOTE_STYLES,
    "PAGE_SIZE_LABELS": vocab.PAGE_SIZES,
    "OUTPUT_FORMAT_LABELS": vocab.OUTPUT_FORMATS,
}


def test_the_writer_registry_finds_exactly_the_output_formats():
    assert sorted(available_formats()) == sorted(vocab.OUTPUT_FORMATS)


def test_the_command_line_renders_every_output_format():
    parser = build_parser()
    for fmt in vocab.OUTPUT_FORMATS:
        args = parser.parse_args(["render", "Brief", "-o", f"memo.{fmt}", "--format", fmt])
        assert args.format == fmt


@pytest.mark.parametrize(("table", "vocabulary"), TABLES.items(), ids=list(TABLES))
def test_every_value_of_a_vocabulary_has_its_words_and_nothing_else_does(table, vocabulary):
    assert list(getattr(labels, table)) == list(vocabulary)  # in the vocabulary's order


def test_every_table_of_words_is_checked_against_its_vocabulary():
    tables = {name for name, value in vars(labels).items()
              if name.isupper() and isinstance(value, dict)}
    not_vocabularies = {"BLOCK_KIND_LABELS", "LANGUAGE_NAMES"}  # checked below; languages
    assert tables - not_vocabularies == set(TABLES)


def test_a_composer_row_is_named_and_drawn_for_every_kind_and_style():
    row_kinds = {*vocab.ITEM_KINDS, *vocab.BLOCK_STYLES, "missing"}
    assert set(labels.BLOCK_KIND_LABELS) == row_kinds
    assert row_kinds <= set(KIND_STYLES)


def test_the_export_dialog_names_each_format_with_its_extension():
    assert [file_filter(fmt) for fmt in vocab.OUTPUT_FORMATS] == [
        "Word document (*.docx)", "PDF document (*.pdf)", "Web page (*.html)"]


def test_an_unknown_value_is_shown_as_stored():
    assert labels.kind_label("memo") == "memo"  # a kind from a newer version of the app
    assert labels.automatic_section_note("agenda") == "filled in automatically"
