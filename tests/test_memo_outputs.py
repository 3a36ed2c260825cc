"""The memo as real readers see it: the sample and a stress briefing, rendered through the
same path as the CLI, opened by independent tools (qpdf, pdftotext, LibreOffice), and the
Word and PDF files compared with each other: same headings, same paragraphs in the same
order, same notes.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from memo_helpers import FakeFactBase
from pypdf import PdfReader

from briefing_app.core.model import Block, Briefing, Item, Meeting, Person, Section, Source
from briefing_app.document.build import build_document
from briefing_app.document.render import render_briefing
from briefing_app.document.text import clean
from briefing_app.document.writers import get_writer
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBase

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
needs_qpdf = pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf missing")
needs_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice missing")

SECTION_HEADINGS = ["PURPOSE", "BACKGROUND", "KEY ISSUES", "TALKING POINTS", "PARTICIPANTS",
                    "TIMELINE", "OUTCOME SCENARIOS", "SOURCES"]
PAGE_NUMBER = re.compile(r"^Page (\d+) of (\d+)$")

HOSTILE = "<b>not bold</b> & <font color=red>x</font> &amp; <para> \x00\x07\x1b 🇨🇴 😀"


# ------------------------------------------------------------------ helpers


def pdftotext(path: Path, *, layout: bool = False) -> list[str]:
    """The text of each page, as poppler reads it."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    return out.split("\f")[:-1]


def docx_body_texts(path: Path) -> list[str]:
    """Body paragraphs and table cells of a .docx in reading order."""
    document = docx.Document(str(path))
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                texts.extend(cell.text for cell in row.cells)
        else:
            texts.append(block.text)
    return [t for t in texts if t.strip()]


def docx_footnote_texts(path: Path) -> list[str]:
    """The text of each real Word footnote (separators left out)."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert "word/footnotes.xml" in names, "no footnotes part"
        xml = archive.read("word/footnotes.xml").decode("utf-8")
    notes = re.findall(r'<w:footnote (?:(?!w:type=")[^>])*>(.*?)</w:footnote>', xml, re.S)
    return [html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", note)))
            for note in notes]


def letters(text: str) -> str:
    """Only the letters, case-folded: what must match between Word and PDF whatever each
    does with punctuation of list numbers, note marks and line breaks."""
    return "".join(ch for ch in text if ch.isalpha()).casefold()


def docx_table_headers(path: Path) -> list[str]:
    return [" ".join(cell.text for cell in table.rows[0].cells)
            for table in docx.Document(str(path)).tables]


def memo_letters_from_pdf(pages: list[str], banner: str, notes: list[str],
                          table_headers: list[str] = ()) -> str:
    """The PDF's body text as letters: page furniture, footnote lines and table header
    rows repeated at the top of a page removed."""
    note_letters = [letters(n) for n in notes]
    header_letters = {letters(h) for h in table_headers}
    seen_headers: set[str] = set()
    body: list[str] = []
    for page in pages:
        lines = [line.strip() for line in page.splitlines()]
        i, top_of_page = 0, True
        while i < len(lines):
            line = lines[i]
            if line == banner or PAGE_NUMBER.match(line) or not line:
                i += 1
                continue
            if letters(line) in header_letters:
                if top_of_page and letters(line) in seen_headers:
                    i, top_of_page = i + 1, False
                    continue
                seen_headers.add(letters(line))
            top_of_page = False
            footnote = re.match(r"^\d+\.?(?:\s+(.*))?$", line)
            if footnote:
                # "1. Text" (reportlab) or "1" above the text (LibreOffice); a note may
                # wrap, so take following lines while they continue one note.
                taken, j = letters(footnote.group(1) or ""), i + 1
                while taken not in note_letters and j < len(lines):
                    longer = taken + letters(lines[j])
                    if not any(n.startswith(longer) for n in note_letters):
                        break
                    taken, j = longer, j + 1
                if taken and taken in note_letters:
                    i = j
                    continue
            body.append(line)
            i += 1
    return letters(" ".join(body))


def convert_with_libreoffice(docx_path: Path, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
        capture_output=True, check=True, timeout=180,
    )
    converted = outdir / (docx_path.stem + ".pdf")
    assert converted.exists(), "LibreOffice wrote no PDF"
    return converted


# ------------------------------------------------------------------ the briefings


def stress_fact_base(path: Path) -> FactBase:
    """A long briefing with every block kind, both note styles' worth of sources and text
    a staffer could paste from anywhere."""
    fb = FactBase.open(path)
    fb.set_setting("marking_scheme", "us")
    fb.save_person(Person("p-ana", "Ana Łukasz-Núñez", role="Ministra <de> Comercio",
                          organization="Ministerio & Co."))
    fb.save_person(Person("p-ivan", "Иван Петров", role="Посол", organization="МИД"))
    fb.save_source(Source("s-web", "El Tiempo", title="Café & “comercio” — análisis",
                          url="https://example.org/a?x=1&y=<2>", published="2026-01-15"))
    fb.save_source(Source("s-mail", "Desk", title="Note by mail", url="mailto:desk@example.org"))
    fb.save_source(Source("s-bad", "Sketchy", title="Do not click", url="javascript:alert(1)"))
    long_text = ("Los aranceles del café (€ 1.234,56) suben. " * 120).strip()
    items = [
        Item("f-hostile", "fact", f"Hostile text {HOSTILE} ends here.", source="s-web",
             date="2025-09", marking="CUI"),
        Item("f-long", "fact", long_text, source="s-web", date="2025-10-02", marking="U"),
        Item("f-word", "fact", "Unbroken: " + "x" * 600, source="s-bad", marking="U"),
        Item("f-greek", "fact", "Ελλάδα and Москва and Łódź and naïve café.", source="s-mail",
             date="2026", marking="U"),
        Item("q-es", "quote", "“Iré a Washington a hablar de frente” — dijo.", speaker="p-ana",
             language="es", translation="“I will go to Washington to speak frankly,” she said.",
             source="s-web", date="2026-01-20", marking="U"),
        Item("q-ru", "quote", "Мы готовы к диалогу.", speaker="p-ivan", language="ru",
             translation="We are ready for dialogue.", source="s-mail", marking="U"),
        Item("e-talks", "event", "Trade talks in Bogotá.", date="2026-02-03T11:00",
             end_date="2026-02-03T13:00", location="Palacio de Nariño", source="s-web",
             marking="U"),
        Item("e-month", "event", "Ministers meet.", date="2026-01", marking="U"),
    ]
    for item in items:
        fb.save_item(item)
    blocks_a = [Block(item="f-hostile"), Block(item="f-long"), Block(item="f-word"),
                Block(item="q-es"), Block(item="e-talks"), Block(item="e-month")]
    blocks_b = [Block(item="f-greek", style="bullet"), Block(item="q-ru"),
                Block(text="A staffer’s bullet with <i>tags</i> & ampersands.", style="bullet"),
                Block(text="Raise the € 1.234 tariff.", style="talking-point"),
                Block(text="Ask about Łódź.", style="talking-point"),
                Block(item="f-long", override="Override: the tariff story, in short.")]
    fb.save_briefing(Briefing(
        "b-stress", "Stress <memo> & test", subject="Trade — “hard” talks <b>",
        to="The Minister", from_="Desk & Co.", through="Chief of Staff", date="2026-02-01",
        meeting=Meeting("Trade talks", "2026-02-03T11:00", "Bogotá",
                        participants=["p-ana", "p-ivan"]),
        marking="U", template="meeting-brief", portion_marking=True,
        sections=[Section("Purpose", [Block(text="Prepare for the talks. " * 30)]),
                  Section("Background", blocks_a), Section("Key Issues", blocks_b),
                  Section("Participants", automatic="participants"),
                  Section("Timeline", automatic="timeline"),
                  Section("Sources", automatic="sources")],
    ))
    return fb


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The sample and the stress briefing, each as .docx and .pdf via render_briefing."""
    from briefing_app.exchange.sample import create_fact_base

    folder = tmp_path_factory.mktemp("memos")
    out = {}
    with create_fact_base(folder / "sample.sqlite") as fb:
        for fmt in ("docx", "pdf"):
            out[("sample", fmt)] = render_briefing(fb, SAMPLE_BRIEFING_ID,
                                                   folder / f"sample.{fmt}").path
    with stress_fact_base(folder / "stress.sqlite") as fb:
        for fmt in ("docx", "pdf"):
            out[("stress", fmt)] = render_briefing(fb, "b-stress", folder / f"stress.{fmt}").path
    return out


BANNERS = {"sample": "UNCLASSIFIED", "stress": "CUI"}


# ------------------------------------------------------------------ PDF


@needs_qpdf
@pytest.mark.parametrize("memo", ["sample", "stress"])
def test_pdf_passes_qpdf_check(rendered, memo):
    result = subprocess.run(["qpdf", "--check", str(rendered[(memo, "pdf")])],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_poppler
@pytest.mark.parametrize("memo", ["sample", "stress"])
def test_every_pdf_page_has_banner_top_and_bottom_and_page_x_of_y(rendered, memo):
    pages = pdftotext(rendered[(memo, "pdf")], layout=True)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == BANNERS[memo] and lines[-1] == BANNERS[memo], lines
        assert f"Page {number} of {len(pages)}" in lines


@needs_poppler
def test_sample_pdf_has_every_heading_and_every_quote_with_its_accents(rendered):
    text = " ".join(" ".join(pdftotext(rendered[("sample", "pdf")])).split())
    for heading in SECTION_HEADINGS:
        assert heading in text
    for quoted in ("“strong action”", "“Great Honor”", "“tone”", "“decisive”",
                   "“for the life of humanity”", "Bogotá’s defense", "U.S.–Colombia"):
        assert quoted in text


@needs_poppler
def test_stress_pdf_prints_markup_literally_and_scripts_exactly(rendered):
    text = " ".join(" ".join(pdftotext(rendered[("stress", "pdf")])).split())
    assert "<b>not bold</b> & <font color=red>x</font> &amp; <para>" in text
    for words in ("Ελλάδα", "Москва", "Łódź", "naïve café", "Мы готовы к диалогу.",
                  "Ana Łukasz-Núñez", "€ 1.234,56", "(CUI)", "(U)"):
        assert words in text
    assert "\x07" not in text and "\x1b" not in text


# ------------------------------------------------------------------ DOCX


@pytest.mark.parametrize("memo", ["sample", "stress"])
def test_docx_opens_with_python_docx_and_has_real_footnotes(rendered, memo):
    path = rendered[(memo, "docx")]
    document = docx.Document(str(path))
    assert document.core_properties.title
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
    assert docx_footnote_texts(path)


@needs_soffice
@needs_poppler
@pytest.mark.slow
@pytest.mark.parametrize("memo", ["sample", "stress"])
def test_libreoffice_converts_the_docx_with_banners_pages_and_footnotes(rendered, memo,
                                                                       tmp_path):
    converted = convert_with_libreoffice(rendered[(memo, "docx")], tmp_path)
    pages = pdftotext(converted, layout=True)
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == BANNERS[memo] and lines[-1] == BANNERS[memo]
        assert f"Page {number} of {len(pages)}" in lines
    text = " ".join(" ".join(pages).split())
    notes = docx_footnote_texts(rendered[(memo, "docx")])
    for note in notes:
        assert " ".join(note.split()) in text
    raw_pages = pdftotext(converted)
    headers = docx_table_headers(rendered[(memo, "docx")])
    assert memo_letters_from_pdf(raw_pages, BANNERS[memo], notes, headers) == letters(
        " ".join(docx_body_texts(rendered[(memo, "docx")])))


# ------------------------------------------------------------------ the same memo


@needs_poppler
@pytest.mark.parametrize("memo", ["sample", "stress"])
def test_docx_and_pdf_are_the_same_memo(rendered, memo):
    """Same headings and paragraphs in the same order, nothing extra on either side, and
    the same notes."""
    notes = docx_footnote_texts(rendered[(memo, "docx")])
    pdf_pages = pdftotext(rendered[(memo, "pdf")])
    headers = docx_table_headers(rendered[(memo, "docx")])
    pdf_body = memo_letters_from_pdf(pdf_pages, BANNERS[memo], notes, headers)
    docx_body = letters(" ".join(docx_body_texts(rendered[(memo, "docx")])))
    assert pdf_body == docx_body
    pdf_text = " ".join(" ".join(pdf_pages).split())
    for note in notes:
        assert " ".join(note.split()) in pdf_text


def test_letters_comparison_would_notice_a_missing_paragraph():
    pages = ["CUI\nFirst paragraph.\nSecond one.1\n1. Note text\nPage 1 of 1\nCUI\n"]
    whole = memo_letters_from_pdf(pages, "CUI", ["Note text"])
    assert whole == letters("First paragraph. Second one.")
    assert whole != letters("First paragraph.")


def test_letters_comparison_knows_libreoffice_footnotes_and_keeps_bare_note_marks():
    pages = ["CUI\nA fact.\n1\n1\nNote\ntext\nPage 1 of 1\nCUI\n"]
    assert memo_letters_from_pdf(pages, "CUI", ["Note text"]) == letters("A fact.")


def test_letters_comparison_skips_only_a_repeated_table_header_at_a_page_top():
    pages = ["Date Event\nMay 2025 Talks\n", "CUI\nDate Event\nJune 2025 Vote\n"]
    assert memo_letters_from_pdf(pages, "CUI", [], ["Date Event"]) == letters(
        "Date Event May Talks June Vote")


# ------------------------------------------------------------------ any text, both writers

# Characters the embedded Liberation fonts draw, plus markup and control characters.
TYPABLE = st.text(
    alphabet=st.sampled_from(list(
        "abcxyzABCXYZ0123 <>&;\"'/=#%\\*_-–—…“”‘’€£©°ÁáÉéÍíÑñÓóÚúÜüÇçŁłŒœßÆæ"
        "ΑαΒβΓγΔδΩω" "АаБбВвГгДдЖжЯя" "\x00\x01\x07\x0b\x1b\t\n"
    )),
    min_size=1, max_size=40,
).filter(lambda s: any(ch.isalnum() for ch in s))


def squash(text: str) -> str:
    return "".join(text.split()).casefold()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item_text=TYPABLE, title=TYPABLE, name=TYPABLE, role=TYPABLE, outlet=TYPABLE,
       source_title=TYPABLE, subject=TYPABLE, to=TYPABLE, heading=TYPABLE, free=TYPABLE,
       quote=TYPABLE, translation=TYPABLE)
def test_any_typed_text_in_any_field_reaches_both_writers_intact(
    item_text, title, name, role, outlet, source_title, subject, to, heading, free, quote,
    translation,
):
    catalog = FakeFactBase(
        items=[Item("f", "fact", item_text, title=title, source="s", date="2026-01"),
               Item("q", "quote", quote, speaker="p", language="es", translation=translation,
                    source="s")],
        people=[Person("p", name, role=role)],
        sources=[Source("s", outlet, title=source_title, url="https://example.org/")],
    )
    briefing = Briefing(
        "b", title, subject=subject, to=to, from_="Desk", date="2026-02-01",
        meeting=Meeting(participants=["p"]),
        sections=[Section(heading, [Block(item="f"), Block(item="q"),
                                    Block(text=free, style="talking-point")]),
                  Section("Timeline", automatic="timeline")],
    )
    document = build_document(briefing, catalog)
    outputs = {}
    for fmt in ("docx", "pdf"):
        stream = io.BytesIO()
        get_writer(fmt).write(document, stream)
        outputs[fmt] = stream.getvalue()

    word = docx.Document(io.BytesIO(outputs["docx"]))
    word_text = squash(" ".join(docx_body_texts_from(word)))
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as archive:
        word_notes = archive.read("word/footnotes.xml").decode("utf-8")
    pdf_text = squash(" ".join(page.extract_text() for page in
                               PdfReader(io.BytesIO(outputs["pdf"])).pages))

    for field in (item_text, subject, to, heading, free, quote, translation, name):
        expected = squash(clean(field))
        assert expected in word_text, (field, "docx")
        assert expected in pdf_text, (field, "pdf")
    assert squash(clean(outlet)) in pdf_text
    assert squash(clean(outlet)) in squash(html.unescape(word_notes))


def docx_body_texts_from(document) -> list[str]:
    texts = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            texts.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            texts.append(block.text)
    return texts
