"""Reading articles from every kind of file, and refusing what is not an article."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from briefing_app.exchange.intake import ArticleError, article_from_text, read_article
from briefing_app.exchange.intake.reading import MAX_ARTICLE_BYTES

BODY = ("Colombian President Gustavo Petro met U.S. President Donald Trump at the White House "
        "on Tuesday. “It was a good meeting,” Petro told reporters after the talks.")


def test_plain_text_in_utf8_or_windows_encoding(tmp_path):
    utf8 = tmp_path / "a.txt"
    utf8.write_text("Bogotá\n\n" + BODY, encoding="utf-8")
    legacy = tmp_path / "b.txt"
    legacy.write_bytes(("Bogotá\n\n" + BODY.replace("“", '"').replace("”", '"'))
                       .encode("cp1252"))
    assert read_article(utf8).text.startswith("Bogotá\n\nColombian")
    assert read_article(legacy).text.startswith("Bogotá\n\nColombian")


def test_a_saved_web_page_gives_the_article_not_menus_comments_or_scripts(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Petro meets Trump | The Observer</title>"
        '<meta property="og:site_name" content="The Observer">'
        '<meta property="article:published_time" content="2026-02-03T10:00:00Z">'
        "<script>var tracking = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World news</a></nav>"
        f"<article><h1>Petro meets Trump</h1><p>{BODY}</p></article>"
        "<section id='comments'><p>reader99: this will change nothing at all, believe me."
        "</p></section><script>document.title = 'x';</script></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert BODY in article.text
    for noise in ("World news", "reader99", "tracking", "document.title"):
        assert noise not in article.text
    assert (article.title, article.outlet, article.published) == (
        "Petro meets Trump", "The Observer", "2026-02-03")


def test_a_word_file(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Petro meets Trump"
    document.add_paragraph("Petro meets Trump")
    document.add_paragraph(BODY)
    path = tmp_path / "story.docx"
    document.save(path)
    article = read_article(path)
    assert article.text == "Petro meets Trump\n\n" + BODY and article.title == "Petro meets Trump"


def test_a_pdf_with_a_text_layer_comes_back_as_paragraphs(tmp_path):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    path = tmp_path / "story.pdf"
    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path)).build(
        [Paragraph(BODY * 2, style), Spacer(1, 8), Paragraph(BODY, style)])
    text = read_article(path).text
    assert text.split("\n\n") == [BODY + BODY, BODY]


def test_an_email_readout_with_its_subject_sender_and_date(tmp_path):
    message = EmailMessage()
    message["From"] = "White House Press Office <press@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Readout of the President's meeting"
    message["Date"] = "Tue, 3 Feb 2026 18:42:10 -0500"
    message.set_content("President Trump met today with President Petro of\nColombia in the "
                        "Oval Office.\n\nThe two leaders discussed trade.\n")
    path = tmp_path / "readout.eml"
    path.write_bytes(bytes(message))
    article = read_article(path)
    assert (article.title, article.outlet, article.published) == (
        "Readout of the President's meeting", "White House Press Office", "2026-02-03")
    assert "President Petro of Colombia in the Oval Office." in article.text


def test_pasted_text_and_a_pasted_web_page():
    assert article_from_text("  " + BODY + "\r\n").text == BODY
    assert BODY in article_from_text(f"<html><body><article><p>{BODY}</p></article>"
                                     "</body></html>").text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"   \n\n  ", "there is no text in it"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20, "binary file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300), "binary file"),
        ("scripts.html", b"<html><head><script>var a = 1;</script></head><body><script>"
         b"load();</script></body></html>", "no article text"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Word .doc"),
        ("fake.pdf", b"this is not a PDF at all", "not a PDF file"),
        ("notes.rtf", b"{\\rtf1 hello}", "an RTF file"),
    ],
)
def test_what_is_not_an_article_gets_one_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as caught:
        read_article(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_a_pdf_without_text_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 200, 300, fill=1)
    page.save()
    with pytest.raises(ArticleError, match="no text layer"):
        read_article(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(ArticleError, match="50 MB, more than the 20 MB"):
        read_article(path)


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        read_article(tmp_path / "nowhere.txt")
    with pytest.raises(ArticleError, match="a folder"):
        read_article(tmp_path)
