"""Composer logic without Qt: the memo's length, file names, where moved blocks land."""

from __future__ import annotations

import typing

import pytest

from briefing_app.core.model import Block, Briefing, Item, Meeting, Section
from briefing_app.document import composer_ops as ops
from briefing_app.document import memo_length as length
from briefing_app.document import model as memo
from briefing_app.document.model import (
    Document,
    Heading,
    Metadata,
    PageFurniture,
    Paragraph,
    Text,
    UnknownNodeError,
)


def document(*paragraphs: str, font_size: float = 12.0) -> Document:
    blocks = [Heading("PURPOSE")] + [Paragraph([Text(p)]) for p in paragraphs]
    return Document(Metadata(), PageFurniture(), blocks, font_size=font_size)


def test_words_are_counted_as_people_count_them():
    assert length.count_words("U.S. sanctions — again, in 2025; Petro’s visa") == 7
    assert length.word_count(document("One two three.", "Four")) == 5  # with the heading


def test_page_estimate_grows_with_text_and_font_size():
    short = document("A short purpose.")
    long = document(*["A paragraph of some length that fills most of a line. " * 3] * 60)
    assert length.estimate_pages(short) == 1
    assert length.estimate_pages(long) >= 3
    bigger = document(*["A paragraph of some length that fills most of a line. " * 3] * 60,
                      font_size=14)
    assert length.estimate_pages(bigger) > length.estimate_pages(long)


ONE_OF_EACH_NODE = [
    memo.MemoHeader("MEMORANDUM", [("SUBJECT", [Text("Visit of the delegation")])]),
    memo.Heading("PURPOSE"),
    memo.Paragraph([Text("The minister arrives on Monday."), memo.NoteRef(1)]),
    memo.BulletList([memo.ListItem([Text("Trade")]), memo.ListItem([Text("Migration")])]),
    memo.BlockQuote([Text("Iré a Washington.")], [Text("Gustavo Petro")],
                    [Text("I will go to Washington.")], language="es"),
    memo.Table(["Date", "Event"], [[[Text("3 February")], [Text("Meeting")]]]),
    memo.PageBreak(),
    memo.NoteList([memo.Note(1, [Text("EFE, 20 January 2026")])]),
]


def test_every_node_type_of_the_memo_is_counted_and_measured():
    assert {type(node) for node in ONE_OF_EACH_NODE} == set(typing.get_args(memo.Block))

    def words(node):
        return length.word_count(Document(Metadata(), PageFurniture(), [node]))

    assert {type(node).__name__: words(node) for node in ONE_OF_EACH_NODE} == {
        "MemoHeader": 6, "Heading": 1, "Paragraph": 5, "BulletList": 2, "BlockQuote": 10,
        "Table": 5, "PageBreak": 0, "NoteList": 4,
    }
    document = Document(Metadata(), PageFurniture(), ONE_OF_EACH_NODE)
    assert length.estimate_pages(document) == 2  # the page break starts a second page


def test_an_unknown_node_raises_instead_of_being_skipped():
    class Sidebar:  # a node type the composer has never heard of
        pass

    document = Document(Metadata(), PageFurniture(), [Heading("PURPOSE"), Sidebar()])
    with pytest.raises(UnknownNodeError, match="Sidebar"):
        length.word_count(document)
    with pytest.raises(UnknownNodeError, match="Sidebar"):
        length.estimate_pages(document)


def test_length_report_flags_a_memo_over_its_page_target():
    long = document(*["Words words words words words words words words. " * 4] * 40)
    assert length.length_report(long, 1).over_target
    assert not length.length_report(long, None).over_target
    assert not length.length_report(document("Short."), 1).over_target


def test_export_name_leads_with_the_meeting_date_and_drops_unsafe_characters():
    briefing = Briefing(id="b", title="Petro meeting brief", date="2026-02-02",
                        meeting=Meeting(title="", date="2026-02-03T11:00"))
    assert ops.default_export_name(briefing, "docx") == "2026-02-03 Petro meeting brief.docx"
    briefing.title = 'Talks: "Petro/Trump"?'
    assert ops.default_export_name(briefing, ".pdf") == "2026-02-03 Talks Petro Trump.pdf"
    briefing.title, briefing.meeting.date = "", ""
    briefing.meeting.title = "Petro visit"
    assert ops.default_export_name(briefing, "pdf") == "2026-02-02 Petro visit.pdf"
    assert ops.default_export_name(Briefing(id="b", title=""), "pdf") == "Briefing.pdf"


def test_copy_titles_do_not_collide():
    assert ops.copy_title("Brief", set()) == "Brief (copy)"
    assert ops.copy_title("Brief", {"Brief (copy)", "Brief (copy 2)"}) == "Brief (copy 3)"


def test_block_text_prefers_the_override_and_shows_the_item_otherwise():
    item = Item(id="i", kind="fact", text="Fact  text\nwrapped")
    assert ops.block_text(Block(item="i"), item) == "Fact text wrapped"
    assert ops.block_text(Block(item="i", override="Better"), item) == "Better"
    assert ops.block_kind(Block(item="i"), None) == "missing"
    assert ops.block_kind(Block(text="x", style="talking-point"), None) == "talking-point"


@pytest.fixture
def briefing():
    def blocks(*ids):
        return [Block(text=str(i), id=i) for i in ids]

    return Briefing(id="b", title="T", sections=[
        Section("A", blocks(1, 2, 3, 4), id=10),
        Section("Timeline", [], automatic="timeline", id=20),
        Section("B", blocks(5, 6), id=30),
    ])


def replay(briefing, steps):
    layout = {s.id: [b.id for b in s.blocks] for s in briefing.sections}
    for block_id, section_id, index in steps:
        for ids in layout.values():
            if block_id in ids:
                ids.remove(block_id)
        layout[section_id].insert(index, block_id)
    return layout


@pytest.mark.parametrize(("ids", "section", "row", "expected"), [
    ([1, 2], 10, 4, [3, 4, 1, 2]),  # to the end of their own section
    ([4], 10, 0, [4, 1, 2, 3]),
    ([3], 10, 1, [1, 3, 2, 4]),
    ([1, 3], 10, 3, [2, 1, 3, 4]),  # the drop row counts the moving blocks too
])
def test_moved_blocks_land_together_at_the_drop_row(briefing, ids, section, row, expected):
    assert replay(briefing, ops.move_steps(briefing, ids, section, row))[section] == expected


def test_blocks_move_between_sections_in_memo_order(briefing):
    layout = replay(briefing, ops.move_steps(briefing, [5, 2], 10, 1))
    assert layout[10] == [1, 2, 5, 3, 4] and layout[30] == [6]
    assert ops.move_steps(briefing, [2], 10, 2) == []  # dropped where it is: no step


def test_alt_arrows_step_over_automatic_sections(briefing):
    assert ops.nudge_target(briefing, 2, -1) == (10, 0)
    assert ops.nudge_target(briefing, 4, +1) == (30, 0)  # past the Timeline section
    assert ops.nudge_target(briefing, 5, -1) == (10, 4)
    assert ops.nudge_target(briefing, 1, -1) is None
    assert ops.nudge_target(briefing, 6, +1) is None
