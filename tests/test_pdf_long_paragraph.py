"""A paragraph many pages long is laid out once, not once per page (issue 15, item 3).

Writing one paragraph of N characters used to cost time growing with N squared: each page
split laid out the rest of the paragraph again. Rather than timing (which flakes), these
tests count the words handed to the line breaker while a whole memo is written, and check
that a paragraph four times longer costs about four times as many, with and without
spaces, and with note marks (whose page the footnotes need) spread through it.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from briefing_app.document.model import (
    Document,
    Metadata,
    Note,
    NoteRef,
    PageFurniture,
    Paragraph,
    Text,
)
from briefing_app.document.writers import pdf_text
from briefing_app.document.writers.pdf_writer import write


def one_paragraph_memo(characters: int, *, spaces: bool, notes: bool = False) -> Document:
    unit = "abcdef " if spaces else "abcdefg"
    text = (unit * (characters // len(unit) + 1))[:characters]
    if not notes:
        return Document(Metadata(title="Long"), PageFurniture(), [Paragraph([Text(text)])])
    pieces = [text[i:i + 5000] for i in range(0, len(text), 5000)]
    content = [part for number, piece in enumerate(pieces, 1)
               for part in (Text(piece), NoteRef(number))]
    footnotes = [Note(number, [Text(f"Source {number}.")])
                 for number in range(1, len(pieces) + 1)]
    return Document(Metadata(title="Long"), PageFurniture(), [Paragraph(content)],
                    footnotes=footnotes)


def words_laid_out(document: Document, monkeypatch) -> tuple[int, int]:
    """The words given to the line breaker while ``document`` is written, and its pages."""
    counted = []
    real_break_lines = pdf_text.break_lines

    def counting_break_lines(words, first, later):
        counted.append(len(words))
        return real_break_lines(words, first, later)

    with monkeypatch.context() as patch:
        patch.setattr(pdf_text, "break_lines", counting_break_lines)
        out = io.BytesIO()
        write(document, out)
    return sum(counted), len(PdfReader(out).pages)


@pytest.mark.parametrize("spaces, notes", [(True, False), (False, False), (True, True)])
def test_a_paragraph_four_times_longer_is_laid_out_with_four_times_the_work(
        spaces, notes, monkeypatch):
    short, short_pages = words_laid_out(one_paragraph_memo(30_000, spaces=spaces, notes=notes),
                                        monkeypatch)
    long, long_pages = words_laid_out(one_paragraph_memo(120_000, spaces=spaces, notes=notes),
                                      monkeypatch)
    assert long_pages > 3 * short_pages > 20  # long enough to be split over many pages
    assert long <= 4.5 * short


def test_every_part_of_a_split_paragraph_keeps_its_own_text_and_notes():
    document = one_paragraph_memo(60_000, spaces=True, notes=True)
    written = "".join(part.text if isinstance(part, Text) else str(part.number)
                      for part in document.blocks[0].content)
    out = io.BytesIO()
    write(document, out)
    pages = PdfReader(out).pages
    assert len(pages) > 10
    text = "".join(page.extract_text() for page in pages)
    assert text.count("abcdef") == written.count("abcdef")
    # 12 notes, each cited once and spread over the pages: each at the foot of its own
    # page, in order, so every part of the split knew which notes it cites
    assert [part.number for part in document.blocks[0].content
            if isinstance(part, NoteRef)] == list(range(1, 13))
    page_of_note = {number: index for index, page in enumerate(pages)
                    for number in range(1, 13) if f"Source {number}." in page.extract_text()}
    assert sorted(page_of_note) == list(range(1, 13))
    pages_in_note_order = [page_of_note[number] for number in range(1, 13)]
    assert pages_in_note_order == sorted(pages_in_note_order)
    assert len(set(page_of_note.values())) >= 8
