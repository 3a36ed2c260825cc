"""The PDF memo is tagged (PDF/UA-1) and archival (PDF/A-2a): read back with pikepdf and
checked with the pdfua checker, qpdf and pdftotext, on the sample memo, the stress memo
(every block kind, hostile text, Spanish, 20+ pages) with footnotes and with endnotes,
and a 1,000-block memo.
"""

from __future__ import annotations

import io
import re
import runpy
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tagged_pdf import TaggedPdf
from test_memo_outputs import letters, memo_letters_from_pdf, pdftotext, stress_fact_base
from test_pdf_writer import _blocks, _content, make_doc

from briefing_app.core.model import Block, Section
from briefing_app.document.build import build_document
from briefing_app.document.model import (
    Document,
    Heading,
    MemoHeader,
    Metadata,
    Note,
    PageFurniture,
    Paragraph,
    Table,
    Text,
    plain_text,
)
from briefing_app.document.writers import get_writer
from briefing_app.document.writers.pdf_blocks import StoryBuilder
from briefing_app.document.writers.pdf_structure import StructTree
from briefing_app.document.writers.pdf_styles import memo_styles
from briefing_app.document.writers.pdf_text import TextBlock
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
needs_qpdf = pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf missing")
MEMOS = ["sample", "stress", "stress-endnotes", "thousand"]


@dataclass
class Memo:
    path: Path
    document: Document

    def read(self) -> TaggedPdf:
        return TaggedPdf(self.path)


def write_pdf(document: Document, path: Path) -> Memo:
    with open(path, "wb") as stream:
        get_writer("pdf").write(document, stream)
    return Memo(path, document)


@pytest.fixture(scope="module")
def memos(tmp_path_factory) -> dict[str, Memo]:
    folder = tmp_path_factory.mktemp("tagged")
    out = {}
    with create_fact_base(folder / "sample.sqlite") as fb:
        sample = build_document(fb.find_briefing(SAMPLE_BRIEFING_ID), fb)
        out["sample"] = write_pdf(sample, folder / "sample.pdf")
    with stress_fact_base(folder / "stress.sqlite") as fb:
        stress = fb.find_briefing("b-stress")
        written, automatic = stress.sections[:3], stress.sections[3:]
        long = replace(stress, sections=written * 8 + automatic)  # 20+ pages
        out["stress"] = write_pdf(build_document(long, fb), folder / "stress.pdf")
        endnotes = replace(long, note_style="endnotes")
        out["stress-endnotes"] = write_pdf(build_document(endnotes, fb),
                                           folder / "stress-endnotes.pdf")  # fmt: skip
        items = ["f-hostile", "f-greek", "q-es", "q-ru", "e-talks", "e-month", "f-word"]
        styles = ["paragraph", "bullet", "talking-point"]
        blocks = [Block(item=items[i % len(items)]) if i % 3 else
                  Block(text=f"Point {i}: prepare the talks.", style=styles[i % 9 // 3])
                  for i in range(1000)]  # fmt: skip
        thousand = replace(stress, sections=[Section("Background", blocks), *automatic])
        out["thousand"] = write_pdf(build_document(thousand, fb), folder / "thousand.pdf")
    return out


def pdfua_check(path: Path) -> subprocess.CompletedProcess:
    """``pdfua check FILE``, the checker's own command line."""
    return subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def pages_of(memo: Memo) -> range:
    with pikepdf.open(memo.path) as pdf:
        return range(1, len(pdf.pages) + 1)


# ------------------------------------------------------------------ independent checkers


@pytest.mark.parametrize("name", MEMOS)
def test_pdfua_checker_reports_no_error_and_no_warning(memos, name):
    result = pdfua_check(memos[name].path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "errors=0 warnings=0 info=0" in result.stdout
    assert "[skip" not in result.stdout  # every rule could read the file


@needs_qpdf
@pytest.mark.parametrize("name", MEMOS)
def test_qpdf_finds_the_tagged_file_sound(memos, name):
    result = subprocess.run(["qpdf", "--check", str(memos[name].path)], capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_long_memos_are_long(memos):
    assert len(pages_of(memos["stress"])) >= 20
    assert len(pages_of(memos["stress-endnotes"])) >= 20


# ------------------------------------------------------------------ marked content


@pytest.mark.parametrize("name", MEMOS)
def test_every_text_operator_and_form_is_inside_marked_content(memos, name):
    pdf = memos[name].read()
    for page in pages_of(memos[name]):
        content = pdf.content(page)
        assert content.unmarked_text == 0, f"page {page}"
        assert content.unmarked_forms == 0, f"page {page}"
        assert content.artifact_in_content == 0, f"page {page}"
        assert all(s.mcid is not None for s in content.sequences if s.tag != "/Artifact")


@pytest.mark.parametrize("name", MEMOS)
def test_every_mcid_is_referenced_by_exactly_one_element(memos, name):
    pdf = memos[name].read()
    referenced = [marked for element in pdf.tree().walk() for marked in element.kids
                  if isinstance(marked, tuple)]  # fmt: skip
    drawn = [(page, s.mcid) for page in pages_of(memos[name])
             for s in pdf.content(page).sequences if s.mcid is not None]  # fmt: skip
    assert len(referenced) == len(set(referenced))
    assert len(drawn) == len(set(drawn))
    assert set(referenced) == set(drawn)


@pytest.mark.parametrize("name", ["sample", "stress"])
def test_the_parent_tree_leads_from_each_mcid_and_link_back_to_its_element(memos, name):
    pdf = memos[name].read()
    parents = dict(_number_tree(pdf.pdf.Root.StructTreeRoot.ParentTree))
    for element in pdf.tree().walk():
        for kid in element.kids:
            if isinstance(kid, tuple):
                page, mcid = kid
                key = pdf.pdf.pages[page - 1].obj.StructParents
                assert parents[int(key)][mcid].objgen == element.obj.objgen
            elif isinstance(kid, pikepdf.Dictionary):  # a link annotation
                assert parents[int(kid.StructParent)].objgen == element.obj.objgen
    assert int(pdf.pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parents) + 1


@needs_poppler
@pytest.mark.parametrize("name", MEMOS)
def test_the_structure_reads_in_the_order_the_pages_show_the_memo(memos, name):
    """The text of the structure tree, element by element, is pdftotext's text of the
    pages less the page furniture; footnotes, which the tree places after the paragraph
    citing them, are compared on their own."""
    memo, pdf = memos[name], memos[name].read()
    footnotes = [plain_text(note.content) for note in memo.document.footnotes]
    headers = [table_header(block) for block in memo.document.blocks if isinstance(block, Table)]
    skip = ("/Note",) if footnotes else ()
    in_structure = letters(pdf.text(pdf.tree().marked(skip)))
    on_pages = memo_letters_from_pdf(pdftotext(memo.path), memo.document.furniture.banner,
                                     footnotes, headers)  # fmt: skip
    assert in_structure == on_pages
    notes = [letters(pdf.text(element.marked())) for element in pdf.tree().walk()
             if element.role == "/Note"]  # fmt: skip
    assert sorted(notes) == sorted(letters(f) for f in footnotes) or not footnotes


def test_a_footnote_is_read_right_after_the_paragraph_that_first_cites_it(memos):
    pdf = memos["stress"].read()
    document = pdf.tree()
    first_citer: dict[str, object] = {}
    order = list(document.walk())
    for element in order:
        for kid in element.kids:
            if isinstance(kid, type(element)) and kid.role == "/Reference":
                first_citer.setdefault(pdf.text(kid.marked()).strip(","), element)
    notes = [e for e in order if e.role == "/Note"]
    assert notes
    for note in notes:
        number = str(re.match(r"\d+", pdf.text(note.marked())).group())
        citer = first_citer[number]
        siblings = _parent_kids(document, note)
        if citer in siblings:  # a paragraph: the note is its next sibling (after notes)
            between = siblings[siblings.index(citer) + 1:siblings.index(note)]
            assert all(e.role == "/Note" for e in between)
        else:  # a list item body or table cell: the note ends it
            assert citer.kids[-1] is note or note in citer.kids


def test_a_paragraph_running_over_a_page_break_is_one_element(memos):
    pdf = memos["stress"].read()
    split = [e for e in pdf.tree().walk()
             if e.role == "/P" and len({page for page, _ in e.marked()}) > 1]  # fmt: skip
    assert split
    element = split[0]
    pages = [page for page, _ in element.marked()]
    assert pages == sorted(pages)
    assert pdf.page_of(element.obj.Pg) == pages[0]


@pytest.mark.parametrize("name", ["sample", "stress"])
def test_banners_page_numbers_and_rules_are_artifacts(memos, name):
    memo, pdf = memos[name], memos[name].read()
    count = len(pages_of(memo))
    for page in pages_of(memo):
        artifacts = [s for s in pdf.content(page).sequences if s.tag == "/Artifact"]
        assert any(s.forms == 1 for s in artifacts)  # the banners and footer line
        assert f"Page {page} of {count}" in pdf.artifact_text(page)
        tagged = " ".join(s.text for s in pdf.content(page).sequences if s.mcid is not None)
        assert f"Page {page} of" not in tagged


def test_a_table_header_repeated_on_the_next_page_is_an_artifact(tmp_path):
    rows = [[[Text(f"Day {i}")], [Text(f"Event number {i} " * 4)]] for i in range(90)]
    document = Document(Metadata(title="Long table", language="en"), PageFurniture(),
                        [Heading("Timeline"), Table(["When", "What"], rows)])  # fmt: skip
    memo = write_pdf(document, tmp_path / "table.pdf")
    pdf = memo.read()
    headers = [e for e in pdf.tree().walk() if e.role == "/TH"]
    assert [pdf.text(e.marked()) for e in headers] == ["When", "What"]
    assert len(pages_of(memo)) >= 2
    assert "When" in pdf.artifact_text(2) and "What" in pdf.artifact_text(2)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    blocks=st.lists(_blocks, max_size=8),
    notes=st.lists(st.builds(Note, st.integers(0, 6), _content), max_size=4),
    style=st.sampled_from(["footnotes", "endnotes"]),
)
def test_any_tree_gives_a_well_tagged_pdf(blocks, notes, style):
    """Whatever the memo holds (empty text, right-to-left scripts, links, notes cited or
    not), all text is marked and each MCID belongs to exactly one element."""
    stream = io.BytesIO()
    get_writer("pdf").write(make_doc(blocks, footnotes=notes, note_style=style), stream)
    pdf = TaggedPdf(io.BytesIO(stream.getvalue()))
    referenced = [kid for element in pdf.tree().walk() for kid in element.kids
                  if isinstance(kid, tuple)]  # fmt: skip
    drawn = []
    for page in range(1, len(pdf.pdf.pages) + 1):
        content = pdf.content(page)
        assert content.unmarked_text == content.unmarked_forms == 0
        assert content.artifact_in_content == 0
        drawn += [(page, s.mcid) for s in content.sequences if s.mcid is not None]
    assert sorted(referenced) == sorted(set(drawn))
    for element in pdf.tree().walk():  # nothing empty is left in the tree for a reader
        if element.role.startswith(("/H", "/P", "/Note", "/Link", "/Reference")):
            assert element.marked(), element.role


def test_the_fallback_layout_tags_tables_and_the_header_block_as_paragraphs():
    """When reportlab cannot place a table, the memo is laid out again with tables and the
    header block as paragraphs; each of those is a P of its own."""
    tree = StructTree()
    builder = StoryBuilder(memo_styles(12), 468, 648, safe=True, tree=tree)
    table = Table(["When", "What"], [[[Text("10:00")], [Text("Arrival")]]] * 3, mark="U")
    header = MemoHeader("MEMORANDUM", [("TO", [Text("The Secretary")])])
    flowables = builder.visit(header) + builder.visit(table)
    blocks = [f for f in flowables if isinstance(f, TextBlock)]
    assert all(block.tag is not None for block in blocks)
    assert len({id(block.tag) for block in blocks}) == len(blocks)
    assert [kid.role for kid in tree.root.kids] == ["H1"] + ["P"] * (len(blocks) - 1)


# ------------------------------------------------------------------ roles


def roles(pdf: TaggedPdf) -> list[str]:
    return [element.role for element in pdf.tree().walk()]


def test_headings_start_at_the_memo_title_and_never_skip_a_level(memos):
    pdf = memos["sample"].read()
    headings = [(e.role, pdf.text(e.marked())) for e in pdf.tree().walk()
                if re.fullmatch(r"/H\d", e.role)]  # fmt: skip
    assert headings[0] == ("/H1", "MEMORANDUM")
    assert [role for role, _ in headings[1:]] == ["/H2"] * (len(headings) - 1)
    for heading in ("PURPOSE", "BACKGROUND", "TALKING POINTS", "TIMELINE", "SOURCES"):
        assert any(heading in text for _, text in headings)


def test_a_memo_without_a_title_starts_its_headings_at_h1(tmp_path):
    document = Document(Metadata(title="Memo"), PageFurniture(), [
        Heading("Background"), Paragraph([Text("Text.")]), Heading("Detail", level=2),
        Paragraph([Text("More.")])])
    pdf = write_pdf(document, tmp_path / "memo.pdf").read()
    assert [r for r in roles(pdf) if r.startswith("/H")] == ["/H1", "/H2"]


def test_lists_are_l_li_lbl_lbody_with_their_numbering(memos):
    pdf = memos["sample"].read()
    lists = [e for e in pdf.tree().walk() if e.role == "/L"]
    assert {str(e.attribute("/ListNumbering")) for e in lists} == {"/Decimal", "/Disc"}
    for element in lists:
        for item in element.kids:
            assert item.role == "/LI"
            assert [kid.role for kid in item.kids] == ["/Lbl", "/LBody"]
            label = pdf.text(item.kids[0].marked())
            assert label == "\u2022" or re.fullmatch(r"\d+\.", label)


def test_tables_have_header_cells_with_a_scope(memos):
    pdf = memos["sample"].read()
    tables = [e for e in pdf.tree().walk() if e.role == "/Table"]
    header_block, *grids = tables
    for row in header_block.kids:  # MEMORANDUM FOR, FROM, SUBJECT ...: a label per row
        assert [cell.role for cell in row.kids] == ["/TH", "/TD"]
        assert str(row.kids[0].attribute("/Scope")) == "/Row"
    assert len(grids) == 2  # participants and timeline
    for table in grids:
        first, *rest = table.kids
        assert {cell.role for cell in first.kids} == {"/TH"}
        assert {str(cell.attribute("/Scope")) for cell in first.kids} == {"/Column"}
        assert rest and all({cell.role for cell in row.kids} == {"/TD"} for row in rest)


def test_notes_references_and_links_have_their_roles(memos):
    pdf = memos["stress"].read()
    elements = list(pdf.tree().walk())
    notes = [e for e in elements if e.role == "/Note"]
    ids = [str(note.obj.ID) for note in notes]
    assert len(ids) == len(set(ids)) and all(i.startswith("note-") for i in ids)
    id_tree = dict(_name_tree(pdf.pdf.Root.StructTreeRoot.IDTree))
    assert {key: value.objgen for key, value in id_tree.items()} == {
        str(note.obj.ID): note.obj.objgen for note in notes}
    references = [e for e in elements if e.role == "/Reference"]
    assert references and all(re.fullmatch(r",?\d+", pdf.text(r.marked())) for r in references)
    links = [e for e in elements if e.role == "/Link"]
    assert links
    for link in links:
        annotations = [kid for kid in link.kids if isinstance(kid, pikepdf.Dictionary)]
        assert annotations
        for annotation in annotations:
            assert annotation.Subtype == "/Link" and str(annotation.Contents).strip()
            assert int(annotation.F) & 4  # printed
            assert pdf.text(link.marked()) in str(annotation.Contents)


def test_endnotes_are_notes_where_the_sources_section_is(memos):
    pdf = memos["stress-endnotes"].read()
    document = pdf.tree()
    roles_in_order = [kid.role for kid in document.kids]
    last_heading = max(i for i, role in enumerate(roles_in_order) if role == "/H2")
    notes = [i for i, role in enumerate(roles_in_order) if role == "/Note"]
    assert notes and min(notes) > last_heading


def test_a_quote_in_another_language_carries_its_language(memos):
    pdf = memos["stress"].read()
    quotes = [e for e in pdf.tree().walk() if e.role == "/BlockQuote"]
    languages = {str(q.kids[0].obj.get("/Lang")) for q in quotes}
    assert {"es", "ru"} <= languages
    for quote in quotes:  # the translation and attribution are in the memo's language
        assert all("/Lang" not in p.obj for p in quote.kids[1:])


# ------------------------------------------------------------------ the document


def test_the_catalog_declares_a_tagged_titled_document_in_its_language(memos):
    with pikepdf.open(memos["sample"].path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.pdf_version >= "1.7"
        assert all(page.obj.Tabs == "/S" for page in pdf.pages)
        assert str(pdf.trailer.Info.Title) == "Meeting with Colombian President Gustavo Petro"


def test_xmp_claims_pdfua_1_and_pdfa_2a_and_repeats_the_document_information(memos):
    with pikepdf.open(memos["stress"].path) as pdf:
        info = pdf.trailer.Info
        assert "/Filter" not in pdf.Root.Metadata  # readable by any tool
        with pdf.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "A"
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == str(info.Title)
            assert xmp["dc:description"] == str(info.Subject)
            assert [name or "" for name in xmp["dc:creator"]] == [str(info.Author)]
            assert xmp["pdf:Producer"] == str(info.Producer)
            assert xmp["xmp:CreatorTool"] == str(info.Creator) == "Briefing Builder"
            assert _date(xmp["xmp:CreateDate"]) == _date(str(info.CreationDate))
            assert _date(xmp["xmp:ModifyDate"]) == _date(str(info.ModDate))
        packet = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in packet  # PDF/A extension


def test_the_output_intent_is_the_shipped_srgb_profile(memos):
    with pikepdf.open(memos["sample"].path) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert profile.N == 3
        data = profile.read_bytes()
    assert data == _shipped_profile()
    assert data[12:20] == b"mntrRGB " and data[8] == 2  # a version 2 display profile


def test_the_srgb_profile_is_what_the_script_makes_and_littlecms_reads_it_as_srgb():
    from PIL import Image, ImageCms

    script = Path(__file__).resolve().parent.parent / "scripts" / "make_srgb_profile.py"
    assert runpy.run_path(str(script))["srgb_profile"]() == _shipped_profile()
    ours = ImageCms.ImageCmsProfile(io.BytesIO(_shipped_profile()))
    assert ours.profile.version == 2.1
    assert ours.profile.profile_description == "sRGB IEC61966-2.1"
    colours = [(0, 0, 0), (255, 255, 255), (255, 0, 0), (0, 128, 0), (31, 58, 122)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    to_ours = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ours, "RGB", "RGB")
    converted = ImageCms.applyTransform(image, to_ours)
    assert [converted.getpixel((x, 0)) for x in range(len(colours))] == colours


# ------------------------------------------------------------------ helpers


def table_header(table: Table) -> str:
    """The header row as the page shows it, the portion mark first."""
    mark = f"({table.mark}) " if table.mark else ""
    return mark + " ".join(table.header)


def _number_tree(node):
    """(key, value) pairs of a PDF number tree."""
    if "/Nums" in node:
        nums = list(node.Nums)
        yield from ((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def _name_tree(node):
    if "/Names" in node:
        names = list(node.Names)
        yield from ((str(names[i]), names[i + 1]) for i in range(0, len(names), 2))
    for kid in node.get("/Kids", []):
        yield from _name_tree(kid)


def _parent_kids(root, element) -> list:
    for candidate in root.walk():
        if element in candidate.kids:
            return candidate.kids
    raise AssertionError("element not in the tree")


def _date(value: str) -> tuple:
    """A PDF (``D:20260203120000+01'00'``) or XMP (``2026-02-03T12:00:00+01:00``) date as
    (digits of the time, offset)."""
    digits = re.sub(r"\D", "", value)
    return digits[:14], digits[14:18] or "0000"


def _shipped_profile() -> bytes:
    from briefing_app.core.paths import resource_path

    return resource_path("color", "sRGB-v2.icc").read_bytes()
