"""A4 or US Letter per briefing: stored (and migrated, and journaled for a team), carried
by fact packs, and used by every writer; ``render --page-size`` prints on other paper
without changing the briefing."""

from __future__ import annotations

import io
import json
import sqlite3

import docx
import pytest
from pypdf import PdfReader

from briefing_app.cli import main
from briefing_app.core.model import Briefing, Section
from briefing_app.core.vocab import PAGE_SIZES
from briefing_app.document.model import Document, Metadata, PageFurniture, Paragraph, Text
from briefing_app.document.page_size import PAPERS, paper
from briefing_app.document.writers import docx_writer, html_writer, pdf_writer
from briefing_app.exchange.factpack import export_pack, import_pack
from briefing_app.exchange.pack_validate import validate_pack
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base
from briefing_app.store import FactBase, schema
from briefing_app.store.replica import LocalReplica

A4_POINTS = (595.28, 841.89)
LETTER_POINTS = (612.0, 792.0)


def memo(page_size: str) -> Document:
    return Document(metadata=Metadata(title="Trade delegation"), furniture=PageFurniture(),
                    blocks=[Paragraph([Text("The minister meets the delegation.")])],
                    page_size=page_size)


def pdf_page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in PdfReader(io.BytesIO(data)).pages]


# ---------------------------------------------------------------- the papers


def test_every_page_size_has_its_paper():
    assert tuple(PAPERS) == PAGE_SIZES
    assert paper("a4").points == pytest.approx(A4_POINTS, abs=0.01)
    assert paper("letter").points == pytest.approx(LETTER_POINTS)
    with pytest.raises(ValueError, match="'legal' is not a page size"):
        paper("legal")


# ---------------------------------------------------------------- writers


@pytest.mark.parametrize(("page_size", "points"), [("a4", A4_POINTS),
                                                   ("letter", LETTER_POINTS)])
def test_the_pdf_pages_are_of_the_memos_paper(page_size, points):
    stream = io.BytesIO()
    pdf_writer.write(memo(page_size), stream)
    assert pdf_page_sizes(stream.getvalue()) == [points]


def test_the_word_section_is_of_the_memos_paper():
    for page_size, (width_mm, height_mm) in (("a4", (210, 297)), ("letter", (215.9, 279.4))):
        stream = io.BytesIO()
        docx_writer.write(memo(page_size), stream)
        section = docx.Document(io.BytesIO(stream.getvalue())).sections[0]
        assert section.page_width.mm == pytest.approx(width_mm, abs=0.05)
        assert section.page_height.mm == pytest.approx(height_mm, abs=0.05)
        assert section.left_margin.inches == pytest.approx(1.0)


def html(document: Document) -> str:
    stream = io.BytesIO()
    html_writer.write(document, stream)
    return stream.getvalue().decode("utf-8")


def test_the_html_asks_browsers_to_print_on_the_memos_paper():
    assert "@page { size: A4; margin: 1in; }" in html(memo("a4"))
    assert "@page { size: letter; margin: 1in; }" in html(memo("letter"))


# ---------------------------------------------------------------- the store


def test_a_briefing_keeps_its_page_size_and_header_edits_change_it(tmp_path):
    with FactBase.open(tmp_path / "fb.sqlite") as fb:
        saved = fb.save_briefing(Briefing(id="b-1", title="Trade", page_size="a4",
                                          sections=[Section(heading="Background")]))
        assert fb.get_briefing("b-1").page_size == "a4"
        fb.update_briefing_header(saved.id, page_size="letter")
        assert fb.get_briefing("b-1").page_size == "letter"
        with pytest.raises(ValueError, match="'legal' is not a page size"):
            fb.update_briefing_header(saved.id, page_size="legal")
        with pytest.raises(ValueError, match="is not a page size"):
            fb.save_briefing(Briefing(id="b-2", title="Odd", page_size="A4"))


def test_a_fact_base_of_the_previous_version_is_migrated_to_letter(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    names = [m.name for m in schema.MIGRATIONS]
    page_size = names.index("add the page size of briefings") + 1
    schema.apply_pending(conn, target=page_size - 1)
    conn.execute("INSERT INTO briefings(id, title) VALUES ('b-old', 'Before A4')")
    conn.execute("COMMIT")
    conn.close()
    with FactBase.open(path) as fb:
        assert fb.get_briefing("b-old").page_size == "letter"
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK holds for the SQLite CLI too
            fb.connection.execute("UPDATE briefings SET page_size = 'legal'")


def test_a_team_replica_journals_a_change_of_page_size_with_the_old_one(tmp_path):
    with FactBase.open(tmp_path / "replica.sqlite") as fb:
        fb.save_briefing(Briefing(id="b-1", title="Trade", sections=[]))
        replica = LocalReplica(fb)
        replica.start("postgresql://test@localhost/none", "library", "replica")
        replica.forget("briefing", ["b-1"])  # as if pushed
        fb.update_briefing_header("b-1", page_size="a4")
        [pending] = replica.pending(0, 1000)
        assert (pending.kind, pending.object_id) == ("briefing", "b-1")
        assert pending.base["page_size"] == "letter"  # the base the server knows
        assert replica.current("briefing", ["b-1"])["b-1"]["page_size"] == "a4"


# ---------------------------------------------------------------- fact packs


def test_a_fact_pack_carries_the_page_size_and_checks_it(tmp_path):
    with FactBase.open(tmp_path / "a.sqlite") as fb:
        fb.save_briefing(Briefing(id="b-1", title="Trade", page_size="a4", sections=[]))
        export_pack(fb, tmp_path / "pack.json")
    pack = json.loads((tmp_path / "pack.json").read_text(encoding="utf-8"))
    assert pack["briefings"][0]["page_size"] == "a4"
    with FactBase.open(tmp_path / "b.sqlite") as other:
        import_pack(other, tmp_path / "pack.json")
        assert other.get_briefing("b-1").page_size == "a4"

    del pack["briefings"][0]["page_size"]  # optional: Letter
    assert validate_pack(pack) == []
    pack["briefings"][0]["page_size"] = "legal"
    [problem] = validate_pack(pack)
    assert "briefings[0].page_size" in str(problem) and "page size" in str(problem)


# ---------------------------------------------------------------- the command line


def test_render_page_size_overrides_the_briefings_own_and_leaves_it(capsys, tmp_path):
    db = tmp_path / "sample.sqlite"
    create_fact_base(db).close()
    out = tmp_path / "memo.pdf"
    assert main(["--db", str(db), "render", SAMPLE_BRIEFING_ID, "-o", str(out),
                 "--page-size", "a4"]) == 0
    sizes = pdf_page_sizes(out.read_bytes())
    assert len(sizes) > 1 and set(sizes) == {A4_POINTS}
    with FactBase.open(db) as fb:
        assert fb.get_briefing(SAMPLE_BRIEFING_ID).page_size == "letter"
    assert main(["--db", str(db), "render", SAMPLE_BRIEFING_ID, "-o", str(out)]) == 0
    assert set(pdf_page_sizes(out.read_bytes())) == {LETTER_POINTS}
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--db", str(db), "render", SAMPLE_BRIEFING_ID, "-o", str(out),
              "--page-size", "legal"])
    assert "invalid choice: 'legal'" in capsys.readouterr().err
