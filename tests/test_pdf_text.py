"""The PDF writer's own paragraph layout (pdf_text.TextBlock) against reportlab's Paragraph:
the same lines for the same text, so the memo's pages did not move when it replaced it."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from briefing_app.document.model import Link, NoteRef, Text
from briefing_app.document.writers.pdf_spans import inline_spans, plain_spans
from briefing_app.document.writers.pdf_styles import memo_styles
from briefing_app.document.writers.pdf_text import NOTE_CALLBACK, TextBlock

STYLES = memo_styles(12)
WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéñ.,;“”—0123456789", min_size=1, max_size=14),
    min_size=1, max_size=90,
)


def reportlab_lines(text: str, style, width: float) -> list[str]:
    paragraph = RLParagraph(text.replace("&", "&amp;").replace("<", "&lt;"), style)
    paragraph.wrap(width, 1e6)
    return [" ".join(words) for _, words in paragraph.blPara.lines]


def our_lines(block: TextBlock, width: float) -> list[str]:
    block.wrap(width, 1e6)
    return [" ".join("".join(text for _, text, _ in word[1]) for word in line.words)
            for line in block.lines]


@settings(max_examples=150, deadline=None)
@given(words=WORDS, width=st.floats(min_value=28, max_value=468))
def test_plain_text_breaks_into_the_lines_reportlab_gives(words, width):
    """Widths from the narrowest table cell to the full text width (indented styles only
    where they have room for text: they are never put in a cell)."""
    text = " ".join(words)
    for style in (STYLES.cell, STYLES.body, STYLES.quote, STYLES.event):
        if width - style.leftIndent - style.rightIndent < 28:
            continue
        assert our_lines(TextBlock(plain_spans(text, style), style), width) == \
            reportlab_lines(text, style, width)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="ab .\n\t", max_size=60))
def test_words_keep_the_text_with_spaces_collapsed_and_line_breaks(text):
    block = TextBlock(plain_spans(text, STYLES.body), STYLES.body)
    block.wrap(468, 1e6)
    printed = "\n".join(
        " ".join("".join(t for _, t, _ in word[1]) for word in line.words) for line in block.lines
    )
    expected = "\n".join(" ".join(line.split()) for line in text.replace("\t", " ").split("\n"))
    assert printed.strip("\n") == expected.strip("\n").replace("\n\n", "\n\n")


def test_a_note_mark_sticks_to_its_word_and_reports_itself_when_drawn():
    block = TextBlock(inline_spans([Text("Washington revoked the visa."), NoteRef(3)],
                                   STYLES.body), STYLES.body)
    assert block.note_numbers == frozenset({3})
    block.wrap(90, 1e6)  # narrow: the mark must not start a line of its own
    last = block.lines[-1].words[-1][1]
    assert [text for _, text, _ in last] == ["visa.", "3"]

    drawn = []
    canvas = Canvas(io.BytesIO())
    canvas.setNamedCB(NOTE_CALLBACK, lambda _canvas, _kind, label: drawn.append(label))
    block.drawOn(canvas, 72, 600)
    assert drawn == ["3"]


def test_a_link_is_one_clickable_area_per_line():
    content = [Text("See "), Link("the full report of the delegation", "https://example.org/r")]
    block = TextBlock(inline_spans(content, STYLES.body), STYLES.body)
    stream = io.BytesIO()
    canvas = Canvas(stream)
    block.wrap(120, 1e6)
    lines = len(block.lines)
    block.drawOn(canvas, 72, 600)
    canvas.save()
    annotations = PdfReader(io.BytesIO(stream.getvalue())).pages[0]["/Annots"]
    assert lines > 1 and len(annotations) == lines
    assert {a.get_object()["/A"]["/URI"] for a in annotations} == {"https://example.org/r"}


def test_split_parts_hold_every_word_once_and_cite_only_their_own_notes():
    content = []
    for n in range(1, 41):
        content += [Text(f" Sentence number {n} of a long paragraph."), NoteRef(n)]
    block = TextBlock(inline_spans(content, STYLES.body), STYLES.body)
    block.wrap(300, 1e6)
    first, rest = block.split(300, STYLES.body.leading * 6 + 1)
    assert len(first.lines) == 6
    rest.wrap(300, 1e6)
    assert len(first.lines) + len(rest.lines) == len(block.lines)
    assert first.note_numbers | rest.note_numbers == block.note_numbers
    assert not first.note_numbers & rest.note_numbers
    assert first.getPlainText() + " " + rest.getPlainText() == block.getPlainText().strip()


def test_no_room_for_two_lines_moves_the_whole_paragraph():
    block = TextBlock(plain_spans("word " * 100, STYLES.body), STYLES.body)
    assert block.split(300, STYLES.body.leading * 1.5) == []
