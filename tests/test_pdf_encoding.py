"""The fast subset encoding gives exactly what reportlab's own would, in any order of text."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen.canvas import Canvas

from briefing_app.document.writers.pdf_encoding import SubsetEncoder, encoder_for, show_text
from briefing_app.document.writers.pdf_fonts import SERIF, register_fonts

register_fonts()
FONT = pdfmetrics.getFont(SERIF)
COVERED = sorted(chr(code) for code in FONT.face.charToGlyph if code > 32)
# text a memo meets: Latin, accents, Greek, Cyrillic, typography, nbsp, and a character the
# font has no glyph for (reportlab's notdef)
ALPHABET = st.sampled_from(
    list("abc XYZ 019 .,;()<>&\\") + list("áéíóúñÑçŁłżœ€—–“”‘’…\u00a0") + list("Ελλάδα")
    + list("Москва") + ["\U0001f600", "\u0645"]
)


def reportlab_and_ours(texts: list[str]) -> tuple[list, list]:
    """Each text split by reportlab for one document and by the encoder for another."""
    theirs_doc, ours_doc = PDFDocument(), PDFDocument()
    encoder = SubsetEncoder(FONT, ours_doc)
    theirs = [FONT.splitString(text, theirs_doc) for text in texts]
    ours = [encoder.split(text) for text in texts]
    return theirs, ours


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=12))
def test_split_matches_reportlab_for_any_sequence_of_texts(texts):
    theirs, ours = reportlab_and_ours(texts)
    assert ours == theirs


def test_more_characters_than_one_subset_holds_go_to_the_next_subset_the_same_way():
    many = COVERED[:600]  # past 256 codes: subsets 1 and 2 come into use
    texts = ["".join(many[i:i + 50]) for i in range(0, 600, 50)]
    texts += [text[::-1] for text in texts]  # and again, every character known by now
    theirs, ours = reportlab_and_ours(texts)
    assert ours == theirs
    assert {subset for chunks in ours for subset, _ in chunks} >= {0, 1, 2}


def test_text_made_of_known_characters_does_not_go_to_reportlab(monkeypatch):
    texts = ["Petro met Trump at the White House.", "The White House met Petro."]
    expected, _ = reportlab_and_ours(texts)
    encoder = SubsetEncoder(FONT, PDFDocument())
    encoder.split(texts[0])

    def refuse(*args):
        raise AssertionError("reportlab was asked to encode known characters")

    monkeypatch.setattr(FONT, "splitString", refuse)
    assert encoder.split(texts[1]) == expected[1]


def test_show_text_writes_the_operators_reportlab_writes():
    def drawn(write) -> str:
        canvas = Canvas(io.BytesIO())
        text = canvas.beginText(10, 20)
        text.setFont(SERIF, 12, 14)
        write(canvas, text, "Café “Łódź” — 3 €")
        text.setFont(SERIF, 9, 11)
        write(canvas, text, "Москва")
        return text.getCode()

    theirs = drawn(lambda canvas, text, s: text._textOut(s))
    ours = drawn(lambda canvas, text, s: show_text(text, s, encoder_for(canvas, SERIF)))
    assert ours == theirs


def test_fonts_that_are_not_truetype_have_no_encoder_and_still_draw():
    canvas = Canvas(io.BytesIO())
    assert encoder_for(canvas, "Helvetica") is None
    text = canvas.beginText(0, 0)
    text.setFont("Helvetica", 10)
    show_text(text, "plain (text)", None)
    assert "(plain \\(text\\)) Tj" in text.getCode()
