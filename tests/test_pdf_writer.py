"""The PDF writer: document trees built by hand, PDFs checked with qpdf, pypdf, pdftotext."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Link,
    ListItem,
    MemoHeader,
    Metadata,
    Note,
    NoteList,
    NoteRef,
    PageBreak,
    PageFurniture,
    Paragraph,
    Table,
    Text,
    UnknownNodeError,
)
from briefing_app.document.writers import pdf_writer
from briefing_app.document.writers.pdf_fonts import has_glyph

BANNER = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


# ------------------------------------------------------------------ helpers


def make_doc(blocks, **kwargs) -> Document:
    kwargs.setdefault("metadata", Metadata(title="Meeting with Petro", author="WHA"))
    kwargs.setdefault("furniture", PageFurniture(banner=BANNER))
    return Document(blocks=blocks, **kwargs)


def render(document: Document) -> bytes:
    stream = io.BytesIO()
    pdf_writer.write(document, stream)
    return stream.getvalue()


def page_texts(pdf: bytes, tmp_path) -> list[str]:
    """``pdftotext -layout`` of each page."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def body(words: int, tag: str = "word") -> Text:
    return Text(" ".join(f"{tag}{i % 7}" for i in range(words)) + " ")


def long_memo(sections: int = 6) -> Document:
    blocks = []
    for s in range(1, sections + 1):
        blocks.append(Heading(text=f"Section {s} Heading", level=1, anchor=f"sec-{s}", mark="U"))
        for _ in range(4):
            blocks.append(Paragraph([body(90)], mark="U"))
    return make_doc(blocks)


def cited_paragraphs(count: int, words) -> tuple[list, list[Note]]:
    """Paragraphs each ending in ``KiteNK`` + note mark N; note N reads ``SourceN ...``."""
    blocks, notes = [], []
    for n in range(1, count + 1):
        blocks.append(Paragraph([body(words(n)), Text(f"Kite{n}K"), NoteRef(n), Text(" done.")]))
        notes.append(Note(n, [Text(f"Source{n} Reuters, “Report,” January {n % 28 + 1}, 2026.")]))
    return blocks, notes


def pages_with(pages: list[str], needle: str) -> list[int]:
    return [i + 1 for i, text in enumerate(pages) if needle in text]


# ------------------------------------------------------------------ validity and metadata


def test_module_declares_its_format():
    assert pdf_writer.FORMAT == "pdf"
    assert pdf_writer.EXTENSION == ".pdf"


def test_the_registry_writes_pdf_files_through_this_writer(tmp_path):
    from briefing_app.document.writers import get_writer, write_document

    assert get_writer("pdf") is pdf_writer
    path = write_document(make_doc([Paragraph([Text("Hello")])]), tmp_path / "memo.PDF")
    assert path.read_bytes().startswith(b"%PDF-")
    assert "Hello" in PdfReader(path).pages[0].extract_text()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="no qpdf")
def test_qpdf_finds_no_errors(tmp_path):
    blocks, notes = cited_paragraphs(12, lambda n: 60)
    path = tmp_path / "memo.pdf"
    path.write_bytes(render(make_doc(blocks, footnotes=notes)))
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_metadata_language_and_outline_mode_are_set():
    document = make_doc(
        [Heading(text="Purpose", anchor="purpose"), Paragraph([Text("Body.")])],
        metadata=Metadata(
            title="Meeting with Petro",
            subject="Bilateral meeting",
            author="WHA/AND",
            language="es",
            keywords=["Colombia", "Petro"],
        ),
    )
    reader = PdfReader(io.BytesIO(render(document)))
    meta = reader.metadata
    assert meta.title == "Meeting with Petro"
    assert meta.author == "WHA/AND"
    assert meta.subject == "Bilateral meeting"
    assert "Colombia" in meta["/Keywords"] and "Petro" in meta["/Keywords"]
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "es"
    assert catalog["/PageMode"] == "/UseOutlines"


def test_outline_lists_each_section_at_its_page(tmp_path):
    document = long_memo(sections=6)
    pdf = render(document)
    reader = PdfReader(io.BytesIO(pdf))
    entries = [item for item in reader.outline if not isinstance(item, list)]
    assert [entry.title for entry in entries] == [f"(U) Section {s} Heading" for s in range(1, 7)]
    if shutil.which("pdftotext"):
        pages = page_texts(pdf, tmp_path)
        for s, entry in enumerate(entries, start=1):
            page = reader.get_destination_page_number(entry) + 1
            assert pages_with(pages, f"Section {s} Heading") == [page]


def test_level_two_headings_nest_under_their_section():
    document = make_doc(
        [
            Heading(text="Background", level=1),
            Heading(text="Economy", level=2),
            Heading(text="Security", level=2),
            Heading(text="Talking Points", level=1),
        ]
    )
    outline = PdfReader(io.BytesIO(render(document))).outline
    titles = [
        item.title if not isinstance(item, list) else [i.title for i in item] for item in outline
    ]
    assert titles == ["Background", ["Economy", "Security"], "Talking Points"]


def test_a_level_two_heading_before_any_section_does_not_break_the_outline():
    document = make_doc([Heading(text="Orphan", level=2), Heading(text="Main", level=1)])
    outline = PdfReader(io.BytesIO(render(document))).outline
    assert [item.title for item in outline] == ["Orphan", "Main"]


def test_fonts_are_embedded_liberation_never_base14():
    document = make_doc(
        [
            MemoHeader(title="MEMORANDUM", fields=[("TO", [Text("The Secretary")])]),
            Heading(text="Привет"),
            Paragraph([Text("Plain "), Text("bold", bold=True), Text("italic", italic=True)]),
            Paragraph([Text("both", bold=True, italic=True)]),
            Table(header=["A"], rows=[[[Text("cell")]]]),
            BulletList(items=[ListItem([Text("item")])]),
        ]
    )
    reader = PdfReader(io.BytesIO(render(document)))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
    assert names, "no fonts found"
    assert all("LiberationSerif" in name for name in names), names
    assert any(name.endswith("LiberationSerif-BoldItalic") for name in names)


def test_body_font_size_follows_the_document():
    small = long_memo()
    small.font_size = 10
    large = long_memo()
    large.font_size = 14
    small_pages = len(PdfReader(io.BytesIO(render(small))).pages)
    large_pages = len(PdfReader(io.BytesIO(render(large))).pages)
    assert large_pages > small_pages


# ------------------------------------------------------------------ page furniture


@needs_pdftotext
def test_banner_top_and_bottom_and_page_x_of_y_on_every_page(tmp_path):
    pages = page_texts(render(long_memo(sections=8)), tmp_path)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == BANNER
        assert lines[-1] == BANNER
        assert f"Page {number} of {len(pages)}" in lines[-2]


@needs_pdftotext
def test_dash_numbering_and_translated_labels(tmp_path):
    dashed = long_memo()
    dashed.furniture = PageFurniture(banner="", page_numbering="dash")
    pages = page_texts(render(dashed), tmp_path)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"^\s*-{number}-\s*$", text, re.MULTILINE)
        assert "Page" not in text

    spanish = long_memo()
    spanish.labels = {"page": "Página", "of": "de"}
    pages = page_texts(render(spanish), tmp_path)
    assert f"Página 1 de {len(pages)}" in pages[0]


@needs_pdftotext
def test_footer_text_on_every_page(tmp_path):
    document = long_memo()
    document.furniture = PageFurniture(banner=BANNER, footer_text="Prepared by: J. Smith, WHA/AND")
    pages = page_texts(render(document), tmp_path)
    assert all("Prepared by: J. Smith, WHA/AND" in text for text in pages)


# ------------------------------------------------------------------ footnotes


@needs_pdftotext
def test_each_footnote_sits_at_the_foot_of_the_page_citing_it(tmp_path):
    # Paragraph lengths vary so that citations fall at every height of the page,
    # including the last lines before a page break.
    blocks, notes = cited_paragraphs(40, lambda n: 25 + (n * 37) % 140)
    pages = page_texts(render(make_doc(blocks, footnotes=notes)), tmp_path)
    assert len(pages) >= 5
    for n in range(1, 41):
        cited_on = pages_with(pages, f"Kite{n}K")
        assert len(cited_on) == 1, n
        assert pages_with(pages, f"Source{n} ") == cited_on, f"note {n}"
    assert not any("Notes" in text for text in pages)  # no fallback list was needed


@needs_pdftotext
def test_footnotes_sit_below_the_text_above_the_page_number(tmp_path):
    blocks, notes = cited_paragraphs(30, lambda n: 40 + (n * 53) % 120)
    pages = page_texts(render(make_doc(blocks, footnotes=notes)), tmp_path)
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        sources = [i for i, line in enumerate(lines) if re.match(r"\d+\.\s+Source\d+", line)]
        kites = [i for i, line in enumerate(lines) if "Kite" in line or "word" in line]
        if sources:
            assert max(kites) < min(sources)  # all body text above the notes
            assert max(sources) < len(lines) - 2  # then page number, then banner
            assert re.search(r"Page \d+ of \d+", lines[-2])


@needs_pdftotext
@pytest.mark.parametrize("words", [560, 600, 640, 680])
def test_a_page_long_paragraph_citing_early_keeps_its_note_on_that_page(words, tmp_path):
    # Nearly a page of text starting at the top of page 2: it fits without its note but
    # not with it, so it must split above the note rather than push the note elsewhere.
    blocks = [
        PageBreak(),
        Paragraph([Text("KiteK"), NoteRef(1), Text(" "), body(words)]),
        Paragraph([Text("AfterIt")]),
    ]
    notes = [Note(1, [Text("SourceOne " + "detail " * 40)])]
    pages = page_texts(render(make_doc(blocks, footnotes=notes)), tmp_path)
    assert pages_with(pages, "KiteK") == [2]
    assert pages_with(pages, "SourceOne") == [2]
    assert not any("Notes" in text for text in pages)


@needs_pdftotext
def test_a_note_cited_twice_is_printed_once_on_the_first_page(tmp_path):
    blocks = [
        Paragraph([Text("First KiteA"), NoteRef(1)]),
        PageBreak(),
        Paragraph([Text("Again KiteB"), NoteRef(1), Text(" and KiteC"), NoteRef(2)]),
    ]
    notes = [Note(1, [Text("SourceOne text")]), Note(2, [Text("SourceTwo text")])]
    pages = page_texts(render(make_doc(blocks, footnotes=notes)), tmp_path)
    assert pages_with(pages, "SourceOne") == [1]
    assert pages_with(pages, "SourceTwo") == [2]
    assert sum(text.count("SourceOne") for text in pages) == 1


@needs_pdftotext
def test_uncited_and_huge_notes_go_to_a_trailing_list_never_dropped(tmp_path):
    huge = Note(2, [Text("SourceHuge " + "very long note text " * 600)])
    blocks = [Paragraph([Text("Cites KiteA"), NoteRef(1), Text(" and KiteB"), NoteRef(2)])]
    notes = [Note(1, [Text("SourceOne text")]), huge, Note(3, [Text("SourceUncited text")])]
    document = make_doc(blocks, footnotes=notes, labels={"notes": "Endnotes"})
    pages = page_texts(render(document), tmp_path)
    assert pages_with(pages, "SourceOne") == [1]
    text = "\n".join(pages)
    assert "Endnotes" in text
    assert text.index("Endnotes") < text.index("SourceHuge") < text.index("SourceUncited")


@needs_pdftotext
def test_endnotes_mode_prints_the_note_list_where_it_stands(tmp_path):
    blocks = [
        Paragraph([Text("Claim"), NoteRef(1)]),
        Heading(text="Sources"),
        NoteList([Note(1, [Text("EFE, “Petro habla,” 2026")]), Note(2, [Text("Reuters, 2026")])]),
    ]
    text = "\n".join(page_texts(render(make_doc(blocks, note_style="endnotes")), tmp_path))
    assert re.search(r"1\.\s+EFE, “Petro habla,” 2026", text)
    assert re.search(r"2\.\s+Reuters, 2026", text)


def test_footnote_links_stay_clickable():
    blocks = [Paragraph([Text("Claim"), NoteRef(1)])]
    notes = [Note(1, [Text("Reuters, "), Link("reuters.com", "https://www.reuters.com/a?b=1&c=2")])]
    reader = PdfReader(io.BytesIO(render(make_doc(blocks, footnotes=notes))))
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert "https://www.reuters.com/a?b=1&c=2" in uris


# ------------------------------------------------------------------ text and safety


@needs_pdftotext
def test_accents_scripts_and_typography_come_out_exactly(tmp_path):
    samples = [
        "Привет",
        "Ελλάδα",
        "€",
        "Ł",
        "“quoted” and ‘single’",
        "Bogotá – Ciudad de México — Zürich, naïve, façade, São Paulo",
    ]
    blocks = [Paragraph([Text(sample)]) for sample in samples]
    blocks.append(
        BlockQuote(
            original=[Text("«No aceptamos», dijo Petro.")],
            attribution=[Text("Gustavo Petro, President of Colombia")],
            translation=[Text("“We do not accept,” said Petro.")],
            language="es",
        )
    )
    text = "\n".join(page_texts(render(make_doc(blocks)), tmp_path))
    for sample in samples:
        assert sample in text
    assert "«No aceptamos», dijo Petro." in text
    assert "“We do not accept,” said Petro." in text
    assert "— Gustavo Petro, President of Colombia" in text


@needs_pdftotext
def test_user_markup_prints_literally(tmp_path):
    hostile = [
        "<b>&amp;</b>",
        "<font color=red>red?</font>",
        "Fish & Chips &lt; &#169;",
        "<para>x</para> <br/> <onDraw name=boom/> ]]>",
        "quote \" and apostrophe '",
    ]
    blocks = [Heading(text="<i>Heading</i> & co")]
    blocks += [Paragraph([Text(item)]) for item in hostile]
    blocks.append(Table(header=["<b>h</b>"], rows=[[[Text("<font size=40>c</font>")]]]))
    blocks.append(MemoHeader(title="<MEMO>", fields=[("TO<", [Text("<b>x</b>")])]))
    text = "\n".join(page_texts(render(make_doc(blocks)), tmp_path))
    for item in hostile + ["<i>Heading</i> & co", "<b>h</b>", "<font size=40>c</font>", "<MEMO>"]:
        assert item in text


def test_control_characters_emoji_and_right_to_left_text_do_not_crash():
    text = "bell\x07 nul\x00 esc\x1b vt\x0b ff\x0c lone\ud800 \ufffe end 😀👍🏽🇨🇴 مرحبا שלום"
    document = make_doc(
        [
            Heading(text=text),
            Paragraph([Text(text)], mark="U\x07"),
            BulletList(items=[ListItem([Text(text)])]),
            Table(header=[text], rows=[[[Text(text)]]]),
        ],
        metadata=Metadata(title=text, author=text, keywords=[text]),
        furniture=PageFurniture(banner=text + " 😀", footer_text=text),
    )
    reader = PdfReader(io.BytesIO(render(document)))
    assert len(reader.pages) == 1
    assert "\x07" not in reader.metadata.title


def test_emoji_and_arabic_have_no_glyph_in_liberation_but_hebrew_does():
    assert not has_glyph("😀")
    assert not has_glyph("م")
    assert has_glyph("ש")
    assert all(has_glyph(c) for c in "ПриветΕλλάδα€Ł“”‘’–—")


@needs_pdftotext
def test_characters_without_a_glyph_show_as_one_box_each_not_as_nothing(tmp_path):
    # Known limitation: Liberation has no emoji or Arabic; they print as squares.
    document = make_doc([Paragraph([Text("a😀b 👍🏽 c❤️d مرحبا e")])])
    text = page_texts(render(document), tmp_path)[0]
    assert "a□b □ c□d □□□□□ e" in text


@needs_pdftotext
def test_huge_paragraph_and_unbreakable_word_render_completely(tmp_path):
    word = "z" * 2000
    paragraph = " ".join(f"w{i:05d}" for i in range(3400))  # about 20,000 characters
    assert len(paragraph) >= 20_000
    url = "https://example.org/" + "a" * 1500
    document = make_doc(
        [
            Paragraph([Text(paragraph)]),
            Paragraph([Text(word)]),
            Paragraph([Link(url, url)]),
            Table(header=["Date", "Event"], rows=[[[Text("k" * 3000)], [Text("long " * 2500)]]]),
        ]
    )
    pages = page_texts(render(document), tmp_path)
    text = "".join(pages)
    assert text.count("z") == 2000
    assert text.count("k") == 3000
    assert text.count("long") == 2500
    assert "w00000" in text and "w03399" in text


@needs_pdftotext
@pytest.mark.parametrize(
    "block",
    [
        Heading(text="HeadWord " * 3000),  # once looped forever (keep-with-next)
        Table(header=["HeadWord " * 3000, "B"], rows=[[[Text("a")], [Text("b")]]]),
        MemoHeader(title="MEMO", fields=[("SUBJECT", [Text("HeadWord " * 3000)])]),
        BlockQuote(original=[Text("HeadWord " * 3000)], attribution=[Text("Speaker")]),
        BulletList(items=[ListItem([Text("HeadWord " * 3000)])]),
    ],
    ids=["heading", "table-header", "memo-subject", "quote", "list-item"],
)
def test_blocks_taller_than_a_page_flow_onto_more_pages(block, tmp_path):
    pages = page_texts(render(make_doc([block, Paragraph([Text("AfterIt")])])), tmp_path)
    assert len(pages) >= 3
    text = "".join(pages)
    assert text.count("HeadWord") == 3000
    assert "AfterIt" in pages[-1]


@needs_pdftotext
def test_when_reportlab_cannot_place_a_table_it_prints_as_paragraphs(tmp_path, monkeypatch):
    from briefing_app.document.writers import pdf_blocks

    class RowsNeverSplit(pdf_blocks.MemoTable):
        def __init__(self, *args, **kwargs):
            kwargs["splitInRow"] = 0
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pdf_blocks, "MemoTable", RowsNeverSplit)
    table = Table(header=["When", "What"], rows=[[[Text("Jan 5")], [Text("Cell " * 3000)]]])
    pages = page_texts(render(make_doc([table])), tmp_path)
    text = "".join(pages)
    assert text.count("Cell") == 3000
    assert "What: Cell" in text and "When: Jan 5" in text


@needs_pdftotext
def test_table_header_repeats_on_every_page(tmp_path):
    rows = [[[Text(f"Row{i}")], [Text("An event of some length " * 3)]] for i in range(90)]
    document = make_doc([Table(header=["WhenCol", "WhatCol"], rows=rows, widths=[1, 4])])
    pages = page_texts(render(document), tmp_path)
    assert len(pages) >= 2
    assert all("WhenCol" in text and "WhatCol" in text for text in pages)
    assert all(pages_with(pages, f"Row{i} ") for i in range(90))


@needs_pdftotext
@pytest.mark.parametrize("cited", [True, False])
@pytest.mark.parametrize("lead", [100, 300, 500])
def test_a_table_split_by_a_page_break_shows_its_header_once_per_page(cited, lead, tmp_path):
    # A row taller than a page follows short rows: reportlab would split the rest of the
    # table again in the space left and repeat the header mid-page.
    def cite(n):
        return [NoteRef(n)] if cited else []

    rows = [[[Text(f"Row{i}")], [Text(f"Event {i} " * 12), *cite(i + 1)]] for i in range(12)]
    rows.append([[Text("Long")], [Text("Tariffs rise. " * 400), *cite(13)]])
    notes = [Note(n, [Text(f"Source{n} text")]) for n in range(1, 14)] if cited else []
    blocks = [Paragraph([body(lead)]), Table(header=["WhenCol", "WhatCol"], rows=rows)]
    pages = page_texts(render(make_doc(blocks, footnotes=notes)), tmp_path)
    for text in pages:
        if "Row" in text or "Tariffs" in text:
            assert text.count("WhenCol") == 1, text
    for n in range(1, 14 if cited else 1):
        assert len(pages_with(pages, f"Source{n} ")) == 1


def word_boxes(pdf: bytes, tmp_path) -> list[tuple[str, float, float, float, float]]:
    """``(word, xMin, yMin, xMax, yMax)`` of every word on page 1, as ``pdftotext -bbox``
    places the glyphs (y grows down the page)."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [(word, float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, word in re.findall(pattern, out)]


@needs_pdftotext
def test_table_cells_of_a_row_share_their_first_line_after_note_marks(tmp_path):
    # Cells are drawn without a graphics state of their own: a note mark (raised text)
    # ending one cell must not lift the cells drawn after it.
    rows = [[[Text(f"Row{i}")], [Text(f"Event{i} happened."), NoteRef(i + 1)]]
            for i in range(8)]
    notes = [Note(n, [Text(f"Source{n}")]) for n in range(1, 9)]
    table = Table(header=["When", "What"], rows=rows)
    pdf = render(make_doc([Paragraph([Text("Above")]), table], footnotes=notes))
    boxes = word_boxes(pdf, tmp_path)
    tops = {word: y0 for word, _, y0, _, _ in boxes}
    bottoms = {word: y1 for word, _, _, _, y1 in boxes}
    assert tops["When"] > bottoms["Above"] + 3  # inside the table, below its top padding
    assert tops["Row0"] > bottoms["When"] + 3  # below the header row and its padding
    for i in range(8):
        assert abs(tops[f"Row{i}"] - tops[f"Event{i}"]) < 0.5, i
    # alike rows, alike steps: a leftover rise would lift every row after the first
    steps = [tops[f"Row{i + 1}"] - tops[f"Row{i}"] for i in range(7)]
    assert max(steps) - min(steps) < 0.5, steps


@needs_pdftotext
def test_a_link_in_a_table_cell_is_clickable_where_it_is_drawn(tmp_path):
    url = "https://example.org/timeline"
    rows = [[[Text("First")], [Text("Plain text")]],
            [[Text("Second")], [Text("See "), Link("Linkword", url)]]]
    pdf = render(make_doc([Paragraph([body(40)]), Table(header=["A", "B"], rows=rows)]))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    (annot,) = [a.get_object() for a in page.get("/Annots", [])]
    assert annot["/A"]["/URI"] == url
    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
    (box,) = [b for b in word_boxes(pdf, tmp_path) if b[0] == "Linkword"]
    _, wx0, wy0, wx1, wy1 = box
    assert x0 - 1 <= wx0 and wx1 <= x1 + 1
    assert y0 - 2 <= height - wy1 and height - wy0 <= y1 + 2


def test_links_are_clickable_and_unsafe_schemes_are_not():
    url = 'https://example.org/search?q="a"&lang=es'
    document = make_doc(
        [
            Paragraph([Text("See "), Link("the report", url)]),
            Paragraph([Link("mail us", "mailto:desk@example.org")]),
            Paragraph([Link("evil", "javascript:alert(1)")]),
        ]
    )
    page = PdfReader(io.BytesIO(render(document))).pages[0]
    uris = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]
    assert uris == [url, "mailto:desk@example.org"]


# ------------------------------------------------------------------ node types


@needs_pdftotext
def test_every_node_type_renders(tmp_path):
    document = make_doc(
        [
            MemoHeader(
                title="MEMORANDUM",
                fields=[
                    ("TO", [Text("The Secretary")]),
                    ("FROM:", [Text("WHA – María Ortíz")]),
                    ("SUBJECT", [Text("Meeting with President Petro")]),
                ],
            ),
            Heading(text="Bottom Line", mark="U"),
            Paragraph([Text("Approve the meeting.")], role="bottom-line", mark="U"),
            Paragraph([Text("Body with "), Text("bold", bold=True), Text(" words.")]),
            Paragraph([Text("January 5, 2026 – Event line")], role="event"),
            Paragraph([Text("Staffer remark")], role="note"),
            Paragraph([Text("A talking point")], role="talking-point"),
            BulletList(items=[ListItem([Text("Bullet one")], mark="U"), ListItem([Text("Two")])]),
            BulletList(items=[ListItem([Text("First")]), ListItem([Text("Second")])], ordered=True),
            BulletList(items=[ListItem([Text("Again first")])], ordered=True),
            BlockQuote(original=[Text("Words as spoken")], attribution=[Text("Speaker")], mark="U"),
            Table(header=["Date", "Event"], rows=[[[Text("Jan 5")], [Text("Met")]]], mark="U"),
            PageBreak(),
            Heading(text="Sources"),
            NoteList([Note(1, [Text("EFE, 2026")])]),
        ],
        note_style="endnotes",
    )
    pages = page_texts(render(document), tmp_path)
    assert len(pages) == 2
    first = pages[0]
    assert "MEMORANDUM" in first
    assert re.search(r"TO:\s+The Secretary", first)
    assert re.search(r"FROM:\s+WHA – María Ortíz", first)  # no doubled colon
    assert "(U) Bottom Line" in first and "(U) Approve the meeting." in first
    assert "(U) Bullet one" in first
    assert re.search(r"1\.\s+First", first) and re.search(r"2\.\s+Second", first)
    assert re.search(r"1\.\s+Again first", first)  # numbering restarts per list
    assert "(U) Words as spoken" in first and "— Speaker" in first
    assert "(U) Date" in first
    assert "Sources" in pages[1] and "EFE, 2026" in pages[1]


def test_unknown_block_raises():
    class Chart:
        pass

    with pytest.raises(UnknownNodeError, match="PDF writer cannot render Chart"):
        render(make_doc([Chart()]))


def test_unknown_inline_raises():
    with pytest.raises(UnknownNodeError):
        render(make_doc([Paragraph([Text("ok"), object()])]))


def test_unknown_note_raises():
    with pytest.raises(UnknownNodeError):
        render(make_doc([Paragraph([Text("ok")])], footnotes=["not a note"]))


def test_empty_document_is_one_page_with_furniture():
    reader = PdfReader(io.BytesIO(render(make_doc([]))))
    assert len(reader.pages) == 1
    assert BANNER in reader.pages[0].extract_text()


# ------------------------------------------------------------------ speed


def test_a_hundred_block_memo_with_footnotes_renders_quickly():
    blocks, notes = cited_paragraphs(60, lambda n: 40 + (n * 29) % 80)
    for i in range(20):
        blocks.insert(i * 3, Heading(text=f"Section {i}"))
    blocks += [BulletList(items=[ListItem([Text(f"Point {i}")]) for i in range(4)])] * 20
    assert len(blocks) == 100
    document = make_doc(blocks, footnotes=notes)
    render(document)  # warm up: font loading happens once per process
    start = time.perf_counter()
    render(document)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s"  # typically ~0.3 s; generous for slow CI


# ------------------------------------------------------------------ any tree


_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60
) | st.sampled_from(["<b>&amp;</b>", "&", "x" * 300, "Ελλάδα 😀 مرحبا", "\n\n", ""])
_inline = st.one_of(
    st.builds(Text, _texts, st.booleans(), st.booleans()),
    st.builds(Link, _texts, st.sampled_from(["https://a.org/?x=1&y=2", "ftp://x", "mailto:a@b"])),
    st.builds(NoteRef, st.integers(min_value=0, max_value=6)),
)
_content = st.lists(_inline, max_size=5)
_blocks = st.one_of(
    st.builds(Heading, _texts, st.integers(min_value=-1, max_value=6), _texts, _texts),
    st.builds(Paragraph, _content, _texts, st.sampled_from(["body", "event", "note", "x"])),
    st.builds(
        BulletList, st.lists(st.builds(ListItem, _content, _texts), max_size=3), st.booleans()
    ),
    st.builds(BlockQuote, _content, _content, _content, _texts, _texts),
    st.builds(
        Table,
        st.lists(_texts, max_size=3),
        st.lists(st.lists(_content, max_size=4), max_size=3),
        st.lists(st.floats(allow_nan=True), max_size=3),
        _texts,
    ),
    st.builds(MemoHeader, _texts, st.lists(st.tuples(_texts, _content), max_size=3)),
    st.builds(NoteList, st.lists(st.builds(Note, st.integers(0, 6), _content), max_size=3)),
    st.just(PageBreak()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    blocks=st.lists(_blocks, max_size=8),
    notes=st.lists(st.builds(Note, st.integers(0, 6), _content), max_size=4),
    style=st.sampled_from(["footnotes", "endnotes"]),
    size=st.sampled_from([0, 9, 12, 14.5, 1000]),
)
def test_any_tree_renders_to_a_readable_pdf(blocks, notes, style, size):
    document = make_doc(blocks, footnotes=notes, note_style=style, font_size=size)
    reader = PdfReader(io.BytesIO(render(document)))
    assert len(reader.pages) >= 1


def test_each_part_of_a_split_table_knows_exactly_the_notes_its_rows_cite():
    from briefing_app.document.writers.pdf_blocks import StoryBuilder
    from briefing_app.document.writers.pdf_notes import cited_numbers
    from briefing_app.document.writers.pdf_styles import memo_styles
    from briefing_app.document.writers.pdf_text import TextBlock

    rows = [[[Text(f"Row{i}")], [Text(f"Event {i} " * 6), NoteRef(i % 5 + 1)]]
            for i in range(60)]
    builder = StoryBuilder(memo_styles(12), 468, 648)
    (table,) = builder.visit(Table(header=["When", "What"], rows=rows))
    assert cited_numbers(table) == {1, 2, 3, 4, 5}
    table.wrap(468, 648)
    first, rest = table.split(468, 300)  # split part-way down a page

    def cited_by_cells(part):
        return {n for row in part._cellvalues for cell in row for block in cell
                if isinstance(block, TextBlock) for n in block.note_numbers}

    for part in (first, rest):
        assert cited_numbers(part) == cited_by_cells(part)
    assert len(first._cellvalues) < 20 and len(rest._cellvalues) > 40
    assert cited_numbers(first) == {(i % 5) + 1 for i in range(len(first._cellvalues) - 1)}
