"""Right-to-left text in the PDF: the reordering (UAX #9, as much as a memo needs) and the
printed result, read back with pdftotext as a reader would copy it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from briefing_app.document.model import BlockQuote, Paragraph, Text
from briefing_app.document.writers.pdf_bidi import (
    has_rtl,
    levels,
    mirrored,
    paragraph_level,
    visual_order,
)


def drawn(text: str) -> str:
    """``text`` as the PDF draws it, left to right."""
    line_levels = levels(text, paragraph_level(text))
    return "".join(mirrored(text[i], line_levels[i]) for i in visual_order(line_levels))


@pytest.mark.parametrize(("logical", "visual"), [
    ("Petro and Trump met.", "Petro and Trump met."),  # nothing to do
    ("he said שלום עולם today", "he said םלוע םולש today"),  # a Hebrew phrase in English
    ("שלום עולם", "םלוע םולש"),  # a Hebrew paragraph
    ("שנת 2026 היא", "איה 2026 תנש"),  # numbers stay left to right
    ("מחיר € 1,234.56 כאן", "ןאכ 1,234.56 € ריחמ"),  # with their separators
    ("הנחה 50% היום", "םויה 50% החנה"),  # and a percent sign
    ("(שלום)", "(םולש)"),  # brackets mirrored: they still open at the right
    ("שלום, Petro!", "!Petro ,םולש"),  # Latin inside Hebrew keeps its order
    ("א 1 ב 2", "2 ב 1 א"),
])
def test_lines_are_drawn_in_the_order_the_unicode_bidi_algorithm_gives(logical, visual):
    assert drawn(logical) == visual


def test_the_paragraph_direction_is_that_of_its_first_letter():
    assert paragraph_level("2026: שלום and more") == 1
    assert paragraph_level("Petro: שלום") == 0
    assert paragraph_level("2026 — ...") == 0  # no letter: left to right
    assert has_rtl("Petro שלום") and not has_rtl("Łódź Ελλάδα Москва")


# ------------------------------------------------------------------ in the PDF

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
_EMBEDDING_MARKS = dict.fromkeys(range(0x202A, 0x202F))  # pdftotext brackets RTL runs


def pdf_of(blocks, tmp_path):
    from test_pdf_writer import make_doc, render

    path = tmp_path / "rtl.pdf"
    path.write_bytes(render(make_doc(blocks)))
    return path


def copied_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.translate(_EMBEDDING_MARKS).split())


@needs_pdftotext
def test_hebrew_copies_out_of_the_pdf_in_reading_order(tmp_path):
    # pdftotext turns what is drawn back into reading order, as a PDF reader's copy does;
    # before the reordering it gave every Hebrew word backwards
    path = pdf_of([
        Paragraph([Text("President Petro said שלום עולם today.")]),
        BlockQuote([Text("אני הולך לוושינגטון")], [Text("I am going to Washington")],
                   [Text("Gustavo Petro")]),
    ], tmp_path)
    text = copied_text(path)
    assert "President Petro said שלום עולם" in text
    assert "אני הולך לוושינגטון" in text


@needs_pdftotext
def test_words_are_drawn_in_visual_order_and_a_hebrew_paragraph_sits_at_the_right(tmp_path):
    from test_pdf_writer import word_boxes

    mixed = "Petro said שלום עולם (מאוד) in 2026 today."
    path = pdf_of([Paragraph([Text(mixed)]), Paragraph([Text("שנת 2026 היא שנה חשובה.")])],
                  tmp_path)
    boxes = [box for box in word_boxes(path.read_bytes(), tmp_path)
             if box[0] not in ("UNCLASSIFIED//FOR", "OFFICIAL", "USE", "ONLY", "Page", "of", "1")]
    lines: dict[float, list] = {}
    for word, x0, y0, x1, _ in boxes:
        lines.setdefault(round(y0), []).append((x0, x1, word))
    first, second = (sorted(words) for _, words in sorted(lines.items()))
    assert [word for _, _, word in first] == drawn(mixed).split()
    assert [word for _, _, word in second] == drawn("שנת 2026 היא שנה חשובה.").split()
    assert first[0][0] == pytest.approx(72, abs=0.5)  # English: from the left margin
    assert second[-1][1] == pytest.approx(612 - 72, abs=0.5)  # Hebrew: to the right margin
