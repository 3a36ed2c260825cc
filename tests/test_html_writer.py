"""The HTML writer: a safe, self-contained page that Qt's text browser can show."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from memo_helpers import briefing, section, world

from briefing_app.core.model import Block
from briefing_app.document.build import build_document
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
from briefing_app.document.writers import html_writer
from briefing_app.document.writers.html_writer import to_html

VOID = {"meta", "hr", "br", "img", "col", "link"}


class TagChecker(HTMLParser):
    """Collects tags and fails on anything not closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.starts, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def parse(html: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)
    return checker


def doc(*blocks, **kwargs) -> Document:
    kwargs.setdefault("metadata", Metadata(title="Memo", language="en"))
    kwargs.setdefault("furniture", PageFurniture())
    return Document(blocks=list(blocks), **kwargs)


def memo_html(**fields) -> str:
    fb = world()
    fb.items["f1"].marking = "S"
    b = briefing(
        section("Purpose", Block(text="Why we meet.")),
        section("Background", "f1", "f2", "e1", "q1",
                Block(text="Thank him.", style="talking-point")),
        section("Participants", automatic="participants"),
        section("Timeline", automatic="timeline"),
        section("Sources", automatic="sources"),
        portion_marking=True, to="The Secretary", from_="WHA", **fields,
    )
    return to_html(build_document(b, fb))


def test_a_full_memo_is_a_well_formed_page_with_every_part():
    html = memo_html()
    tags = parse(html).starts
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in tags
    names = [tag for tag, _ in tags]
    for tag in ("style", "table", "blockquote", "ol", "ul", "h2", "sup", "title"):
        assert tag in names
    assert "<script" not in html and "<link" not in html  # self-contained


def test_banner_appears_at_top_and_bottom():
    html = memo_html()
    body = html[html.index("<body>"):]
    assert body.count(">SECRET<") == 2
    assert body.index(">SECRET<") < body.index("MEMORANDUM")
    assert body.rindex(">SECRET<") > body.index("Notes")


def test_no_banner_when_the_memo_is_unmarked():
    html = to_html(doc(Paragraph([Text("Plain.")])))
    assert 'class="banner' not in html


def test_header_is_a_label_value_table_with_colons():
    html = memo_html()
    assert '<td class="label"><b>MEMORANDUM FOR:</b></td>' in html
    assert re.search(r'<td class="label"><b>SUBJECT:</b></td><td class="value" dir="auto">'
                     r"\(U\) Petro visit</td>", html)


def test_portion_marks_precede_paragraphs_headings_list_items_and_tables():
    html = memo_html()
    assert '<span class="mark">(S)</span> Colombia is the largest' in html
    assert '<span class="mark">(U)</span> I. PURPOSE' in html
    assert '<li class="talking-point" dir="auto"><span class="mark">(U)</span> Thank him.' in html
    assert '<p class="table-mark"><span class="mark">(S)</span></p>' in html


def test_everything_a_person_typed_is_escaped():
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    html = to_html(doc(
        MemoHeader("MEMO<b>", [("TO", [Text(hostile)])]),
        Heading(hostile, anchor='a" onclick="x'),
        Paragraph([Text(hostile, bold=True)], mark="<U>", role='x" onclick="y'),
        BulletList([ListItem([Text(hostile)])]),
        BlockQuote([Text(hostile)], [Text(hostile)], [Text(hostile)], language='es"><x'),
        Table(['<th>'], [[[Text(hostile)]]]),
        metadata=Metadata(title=hostile, author=hostile, language='en"><x'),
        furniture=PageFurniture(banner="<SECRET>"),
    ))
    tags = [tag for tag, _ in parse(html).starts]
    assert "script" not in tags and "img" not in tags and "x" not in tags
    assert not any("onclick" in attrs or "onerror" in attrs for _, attrs in parse(html).starts)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert "&lt;SECRET&gt;" in html


def test_only_safe_links_are_clickable():
    html = to_html(doc(Paragraph([
        Link("good", "https://example.org/?a=1&b=2"),
        Link("bad", "javascript:alert(1)"),
        Link("data", "data:text/html,<script>"),
    ])))
    hrefs = [attrs["href"] for tag, attrs in parse(html).starts if tag == "a" and "href" in attrs]
    assert hrefs == ["https://example.org/?a=1&b=2"]
    assert "https://example.org/?a=1&amp;b=2" in html
    assert ">bad<" not in html and "bad" in html


def test_footnotes_are_listed_at_the_end_with_back_links_to_the_first_citation():
    html = to_html(doc(
        Paragraph([Text("One"), NoteRef(1)]),
        Paragraph([Text("Two"), NoteRef(2)]),
        Paragraph([Text("Again"), NoteRef(1)]),
        footnotes=[Note(1, [Text("EFE")]), Note(2, [Text("Reuters")])],
        labels={"notes": "Notas"},
    ))
    anchors = [attrs for tag, attrs in parse(html).starts if tag == "a"]
    assert [a["href"] for a in anchors if a.get("href", "").startswith("#note")] == [
        "#note-1", "#note-2", "#note-1"]
    assert [a["id"] for a in anchors if a.get("id", "").startswith("ref-")] == ["ref-1", "ref-2"]
    assert {a["id"] for a in anchors if a.get("id", "").startswith("note-")} == {"note-1", "note-2"}
    assert html.index("Notas") > html.index("Again")
    assert html.count('href="#ref-1"') == 1


def test_endnotes_are_drawn_in_place_and_not_repeated_at_the_end():
    html = to_html(doc(
        Paragraph([Text("One"), NoteRef(1)]),
        Heading("SOURCES", anchor="sources"),
        NoteList([Note(1, [Text("EFE endnote")])]),
        Paragraph([Text("After the sources")]),
        note_style="endnotes",
    ))
    assert html.count("EFE endnote") == 1
    assert html.index("EFE endnote") < html.index("After the sources")
    assert 'id="note-1"' in html and 'href="#ref-1"' in html


def test_quotes_carry_language_and_text_direction():
    quote = BlockQuote([Text("قال الرئيس")], [Text("Speaker")], [Text("The president said")],
                       language="ar")
    html = to_html(doc(quote))
    starts = parse(html).starts
    quote = next(attrs for tag, attrs in starts if tag == "blockquote")
    assert quote == {"dir": "auto", "lang": "ar"}
    translation = next(attrs for tag, attrs in starts if attrs.get("class") == "translation")
    assert translation["lang"] == "en"


def test_heading_anchor_table_and_page_break():
    html = to_html(doc(
        Heading("II. BACKGROUND", anchor="background"),
        Table(["Date", "Event"], [[[Text("2025")], [Text("Visa revoked")]]], widths=[1, 3]),
        PageBreak(),
    ))
    starts = parse(html).starts
    assert ("a", {"id": "background", "name": "background"}) in starts
    widths = [attrs.get("width") for tag, attrs in starts if tag == "th"]
    assert widths == ["25%", "75%"]
    assert any(tag == "hr" and attrs.get("class") == "page-break" for tag, attrs in starts)


def test_body_font_size_follows_the_document():
    assert "font-size: 14pt" in to_html(doc(font_size=14))


def test_an_unknown_block_raises():
    class Sidebar:
        pass

    with pytest.raises(UnknownNodeError, match="HTML writer cannot render Sidebar"):
        to_html(doc(Paragraph([Text("ok")]), Sidebar()))


def test_an_unknown_inline_raises():
    with pytest.raises(UnknownNodeError, match="cannot render str"):
        to_html(doc(Paragraph([Text("ok"), "raw string"])))


def test_write_puts_utf8_bytes_on_the_stream():
    stream = io.BytesIO()
    html_writer.write(doc(Paragraph([Text("Página – ✓")])), stream)
    assert "Página – ✓".encode() in stream.getvalue()
    assert (html_writer.FORMAT, html_writer.EXTENSION) == ("html", ".html")


def test_qt_text_browser_shows_the_memo_with_anchors(qapp):
    from PySide6.QtGui import QTextDocument

    qt_doc = QTextDocument()
    qt_doc.setHtml(memo_html())
    text = qt_doc.toPlainText()
    assert text.splitlines()[0].strip() == "SECRET"
    assert "MEMORANDUM FOR:" in text and "II. BACKGROUND" in text
    assert "<span" not in text and "{" not in text  # no markup or CSS leaked as text
    names, block = [], qt_doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            names += fragments.fragment().charFormat().anchorNames()
            fragments += 1
        block = block.next()
    assert {"purpose", "background", "note-1", "ref-1"} <= set(names)
