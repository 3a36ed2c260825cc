"""The Word memo is accessible: header rows that repeat, real lists, no empty paragraphs
for spacing, the language in the styles, links with their text, this application in the
document properties -- and LibreOffice's own tagged PDF (PDF/UA) of it passes the same
checker as our PDF, which shows the structure is in the Word file itself.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_docx_writer import memo, render
from test_memo_outputs import stress_fact_base

from briefing_app import __version__
from briefing_app.document.model import Paragraph, Table, Text
from briefing_app.document.render import render_briefing
from briefing_app.document.writers.docx_properties import app_version
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base

needs_office = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice missing")
PDFUA_EXPORT = 'pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}}'
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@pytest.fixture(scope="module")
def memos(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("word")
    with create_fact_base(folder / "sample.sqlite") as fb:
        sample = render_briefing(fb, SAMPLE_BRIEFING_ID, folder / "sample.docx").path
    with stress_fact_base(folder / "stress.sqlite") as fb:
        stress = render_briefing(fb, "b-stress", folder / "stress.docx").path
    return {"sample": sample, "stress": stress}


def body_paragraphs(word) -> list:
    """The paragraphs directly in the body, not in tables."""
    return word.element.body.findall(qn("w:p"))


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def body_words(word) -> int:
    """Words of the body as python-docx reads it: paragraphs and table cells."""
    texts = []
    for block in word.iter_inner_content():
        if isinstance(block, docx.table.Table):
            texts += [cell.text for row in block.rows for cell in row.cells]
        else:
            texts.append(block.text)
    return sum(len(text.split()) for text in texts)


def app_properties(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/app.xml"))
    return {child.tag.removeprefix(EXTENDED): child.text for child in root}


# ------------------------------------------------------------------ the Word file


@pytest.mark.parametrize("name", ["sample", "stress"])
def test_document_properties_name_this_application_and_count_the_memo(memos, name):
    data = memos[name].read_bytes()
    properties = app_properties(data)
    assert properties["Application"] == "Briefing Builder"
    assert properties["AppVersion"] == app_version(__version__)
    assert "Pages" not in properties and "Template" not in properties  # nothing made up
    assert int(properties["Words"]) == body_words(docx.Document(io.BytesIO(data))) > 100
    assert int(properties["Paragraphs"]) > 20
    assert int(properties["CharactersWithSpaces"]) > int(properties["Characters"]) > 0


def test_the_app_version_has_office_form():
    assert app_version("0.1.0") == "00.0100"
    assert app_version("2.13.4") == "02.1304"
    assert app_version("3") == "03.0000"


@pytest.mark.parametrize("name", ["sample", "stress"])
def test_no_empty_paragraph_stands_in_for_spacing(memos, name):
    word = docx.Document(str(memos[name]))
    for paragraph in body_paragraphs(word):
        text = text_of(paragraph).strip()
        page_break = paragraph.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is not None
        assert text or page_break, etree.tostring(paragraph)[:200]


def test_the_paragraph_after_a_table_takes_the_space_the_spacer_gave():
    document = memo()
    document.blocks = [Table(["When", "What"], [[[Text("10:00")], [Text("Arrival")]]]),
                       Paragraph([Text("After the table.")])]
    word = docx.Document(io.BytesIO(render(document)))
    after = body_paragraphs(word)[0]
    assert text_of(after) == "After the table."
    spacing = after.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:before")) == "140"  # 7 pt, plus the style's own (none)


def test_two_tables_in_a_row_keep_the_one_paragraph_word_needs_between_them():
    document = memo()
    table = Table(["When", "What"], [[[Text("10:00")], [Text("Arrival")]]])
    document.blocks = [table, table]
    body = docx.Document(io.BytesIO(render(document))).element.body
    kinds = [child.tag for child in body if child.tag != qn("w:sectPr")]
    assert kinds == [qn("w:tbl"), qn("w:p"), qn("w:tbl")]


@pytest.mark.parametrize(("language", "expected"), [("en", "en"), ("es", "es")])
def test_the_memo_language_is_in_the_styles(language, expected):
    document = memo()
    document.metadata.language = language
    word = docx.Document(io.BytesIO(render(document)))
    defaults = word.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == expected


def test_tables_lists_and_links_carry_their_structure(memos):
    data = memos["stress"].read_bytes()
    word = docx.Document(io.BytesIO(data))
    for table in word.tables:  # the header row is marked as one, and repeats
        first = table.rows[0]._tr
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    numbered = [p for p in word.paragraphs if p._p.find(f".//{qn('w:numPr')}") is not None]
    assert len(numbered) >= 4  # bullets and numbered talking points
    hyperlinks = word.element.body.findall(f".//{qn('w:hyperlink')}")
    rels = word.part.rels
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footnotes = etree.fromstring(archive.read("word/footnotes.xml"))
    note_links = footnotes.findall(f".//{qn('w:hyperlink')}")
    assert note_links  # the sources' addresses, in the footnotes
    for link in hyperlinks:
        assert text_of(link).strip()
        assert rels[link.get(qn("r:id"))].is_external
    for link in note_links:
        assert re.match(r"(https?|mailto):", text_of(link))


# ------------------------------------------------------------------ LibreOffice's tagged PDF


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("name", ["sample", "stress"])
def test_libreoffice_tagged_export_passes_the_pdfua_checker(memos, name, tmp_path):
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", PDFUA_EXPORT, "--outdir", str(tmp_path), str(memos[name])],
                   capture_output=True, check=True, timeout=180)  # fmt: skip
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", str(pdf)],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "errors=0 warnings=0 info=0" in result.stdout
