"""Reading an article from a file or pasted text, whatever it came as.

Staffers get articles as saved web pages, Word files, PDFs, e-mails and plain text. Each is
turned into one :class:`ArticleText`: the text every proposal's span points into, plus
the metadata the file itself carries (title, outlet, URL, date). Nothing is fetched from
the network. Anything that is not a readable article (a binary file, a huge file, a page
of scripts, a scanned PDF) ends in one :class:`ArticleError` with a message for people.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import email.utils
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from briefing_app.exchange.safe_read import read_bounded

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Largest file read: 20 MB. A long article is under 1 MB even as a PDF with photos; a
bigger file is not an article, and reading it would stall the app."""

MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text kept (about 150,000 words, a small book)."""

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
UNSUPPORTED = {
    ".doc": "an old Word .doc file; save it as .docx and try again",
    ".rtf": "an RTF file; save it as .docx or plain text and try again",
    ".odt": "an OpenDocument file; save it as .docx and try again",
    ".pages": "a Pages file; export it as .docx or PDF and try again",
    ".msg": "an Outlook .msg file; save the message as .eml and try again",
}
SUPPORTED_HINT = "plain text, .html, .docx, .pdf or .eml"


class ArticleError(ValueError):
    """A file or text that cannot be read as an article; the message is for people."""


@dataclass(frozen=True)
class ArticleText:
    """An article's text and what its file says about it (empty when it says nothing)."""

    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""  # partial ISO date from the file's own metadata
    name: str = ""  # the file's name, or "" for pasted text


# ---------------------------------------------------------------- public entry points


def read_article(path: str | Path) -> ArticleText:
    """The article in ``path`` (.txt, .md, .html, .docx, .pdf, .eml; sniffed when the
    extension says nothing); raises :class:`ArticleError`."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ArticleError(f"{path}: {UNSUPPORTED[suffix]}")
    readers = {"pdf": _read_pdf, "docx": _read_docx, "eml": _read_eml, "html": _read_html,
               "text": _read_plain}
    try:
        kind = _kind_of(suffix, data)
        if kind is None:
            raise ArticleError(f"not an article this app can read ({SUPPORTED_HINT})")
        article = readers[kind](data)
    except ArticleError as error:
        raise ArticleError(f"{path}: {error}") from None
    return replace(article, name=path.name)


def article_from_text(text: str) -> ArticleText:
    """Pasted text as an article (a pasted web page is read as HTML)."""
    if re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE):
        return _read_html(text.encode("utf-8"))
    return ArticleText(text=_checked(clean_text(text)))


def clean_text(text: str) -> str:
    """One form of the text for every reader: NFC, ``\\n`` line ends, no control or
    zero-width characters, non-breaking spaces as spaces, trailing spaces gone."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.translate(_CLEAN)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_CLEAN = {
    **{code: None for code in range(32) if code not in (9, 10)},
    9: " ", 0xA0: " ", 0x202F: " ", 0x2007: " ", 0x200B: None, 0x200C: None, 0x200D: None,
    0xFEFF: None, 0xAD: None, 0x7F: None,
}


def _checked(text: str) -> str:
    if not text.strip():
        raise ArticleError("there is no text in it")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"its text is {len(text):,} characters long, more than the "
            f"{MAX_ARTICLE_CHARS:,} an article may have"
        )
    letters = sum(c.isalpha() for c in text[:20000])
    if letters < min(len(text), 20000) * 0.4:
        raise ArticleError("it does not read as text (too few letters); is it a binary file?")
    return text


# ---------------------------------------------------------------- bytes and kinds


def _read_bytes(path: Path) -> bytes:
    data = read_bounded(path, MAX_ARTICLE_BYTES, error=ArticleError,
                        purpose="an article may be")
    if not data:
        raise ArticleError(f"{path}: the file is empty")
    return data


def _kind_of(suffix: str, data: bytes) -> str | None:
    """What the file is, from its first bytes first and its extension second."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ArticleError(UNSUPPORTED[".doc"])
    if suffix in (".pdf", ".docx"):
        raise ArticleError(f"not a {suffix[1:].upper()} file, though its name says so")
    if suffix == ".eml" or (suffix not in HTML_SUFFIXES and _looks_like_mail(data)):
        return "eml"
    head = data[:2048].lstrip().lower()
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in TEXT_SUFFIXES or suffix not in UNSUPPORTED:
        return "text"
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _looks_like_mail(data: bytes) -> bool:
    head = data[:4096].decode("latin-1")
    headers = re.findall(r"^(From|To|Subject|Date|Message-ID|MIME-Version):", head,
                         re.MULTILINE | re.IGNORECASE)
    return len({h.lower() for h in headers}) >= 3


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ArticleError("a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # text saved by Windows programs
    except UnicodeDecodeError:
        raise ArticleError("not text in a known encoding (save it as UTF-8)") from None


# ---------------------------------------------------------------- one reader per kind


def _read_plain(data: bytes) -> ArticleText:
    return ArticleText(text=_checked(clean_text(_decode(data))))


def _read_html(data: bytes) -> ArticleText:
    import trafilatura

    html = _decode(data)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # the library's parsers raise many kinds on broken pages
        raise ArticleError(f"the page cannot be read ({error})") from None
    text = getattr(document, "text", "") or ""
    if not text.strip():
        raise ArticleError("the page holds no article text (only scripts, menus or markup)")
    title = (document.title or "").strip()
    text = clean_text(text)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return ArticleText(
        text=_checked(text), title=title, outlet=(document.sitename or "").strip(),
        url=(document.url or "").strip(), published=_iso_day(document.date or ""),
    )


def _read_docx(data: bytes) -> ArticleText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors...
        raise ArticleError(f"the Word file cannot be read ({error})") from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    text = clean_text("\n\n".join(line for line in lines if line.strip()))
    # The file's "created" date is when the file was made, not when the article ran.
    return ArticleText(text=_checked(text), title=(document.core_properties.title or "").strip())


def _read_pdf(data: bytes) -> ArticleText:
    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError("the PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = ""
        with contextlib.suppress(Exception):
            title = (reader.metadata.title or "") if reader.metadata else ""
    except ArticleError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ArticleError(f"the PDF cannot be read ({error})") from None
    text = clean_text(reflow("\n\n".join(pages)))
    if not text.strip():
        raise ArticleError("the PDF has no text layer (a scan?); run it through OCR first")
    return ArticleText(text=_checked(text), title=title.strip())


def reflow(text: str) -> str:
    """Join the lines a PDF broke at its column width back into paragraphs.

    A line ends its paragraph when the next is blank, or when it ends a sentence and is
    clearly shorter than the page's full lines (or is very short: a title, a byline); a
    word hyphenated across lines is joined.
    """
    lines = [line.strip() for line in text.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    full = widths[int(len(widths) * 0.8)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            paragraphs.append(current)
            current = previous = ""
            continue
        if current:
            short = len(previous) < full * 0.75
            if (short and re.search(r"[.!?:”\"»]$", previous)) or len(previous) < full * 0.5:
                paragraphs.append(current)
                current = line
            elif previous.endswith("-") and line[:1].islower():
                current = current[:-1] + line
            else:
                current += " " + line
        else:
            current = line
        previous = line
    paragraphs.append(current)
    return "\n\n".join(p for p in paragraphs if p)


def _read_eml(data: bytes) -> ArticleText:
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("Subject", "") or "").strip()
    sender = str(message.get("From", "") or "")
    name, address = email.utils.parseaddr(sender)
    published = ""
    with contextlib.suppress(TypeError, ValueError, IndexError):
        published = email.utils.parsedate_to_datetime(str(message["Date"])).date().isoformat()
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise ArticleError("the e-mail has no text")
    try:
        content = body.get_content()
    except (LookupError, UnicodeError) as error:
        raise ArticleError(f"the e-mail's text cannot be decoded ({error})") from None
    if body.get_content_type() == "text/html":
        return replace(_read_html(content.encode("utf-8")), title=subject,
                       outlet=name or address, published=published)
    text = clean_text(_unwrap(content))
    if subject:
        text = f"{subject}\n\n{text}"
    return ArticleText(text=_checked(text), title=subject, outlet=name or address,
                       published=published)


def _unwrap(text: str) -> str:
    """Mail text is often wrapped at 72 columns: join lines within each paragraph."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return "\n\n".join(_join_wrapped(p) for p in paragraphs)


def _join_wrapped(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) > 1 and max(len(line) for line in lines) <= 80:
        return " ".join(line.strip() for line in lines)
    return paragraph


def _iso_day(value: str) -> str:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return match.group(0) if match else ""
