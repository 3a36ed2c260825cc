"""The renderer-neutral document model of a memo.

Like Pandoc's AST: the builder turns a briefing into this tree once, and every writer
(DOCX, PDF, HTML) walks the same tree. A feature added to the memo is added here and in the
builder, then each writer learns to draw it; a writer meets an unknown node type with
:class:`UnknownNodeError`, never by silently dropping it.

All text in the tree is plain text, already cleaned of XML-invalid control characters
(see :func:`briefing_app.document.text.clean`). Writers escape it for their own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------- inline content


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    """A clickable link. The builder creates it only for http, https and mailto URLs;
    any other URL stays a plain :class:`Text`."""

    text: str
    url: str


@dataclass(frozen=True)
class NoteRef:
    """A citation mark pointing at note ``number`` (a footnote or an endnote)."""

    number: int


Inline = Text | Link | NoteRef


# ---------------------------------------------------------------- blocks


@dataclass
class Heading:
    """A section heading. ``level`` 1 is a memo section; ``anchor`` names the PDF bookmark
    and HTML id. ``mark`` is the portion mark, e.g. ``"U"``, drawn as ``(U)`` when set."""

    text: str
    level: int = 1
    anchor: str = ""
    mark: str = ""


@dataclass
class Paragraph:
    """Body text. ``role`` lets a writer style a paragraph without new node types:
    ``"body"``, ``"talking-point"``, ``"event"`` (a dated line), ``"note"`` (staffer's
    remark, small), ``"bottom-line"``."""

    content: list[Inline]
    mark: str = ""
    role: str = "body"


@dataclass
class ListItem:
    content: list[Inline]
    mark: str = ""
    role: str = "body"  # "talking-point" for talking points


@dataclass
class BulletList:
    items: list[ListItem]
    ordered: bool = False  # numbered (1. 2. 3.) when True


@dataclass
class BlockQuote:
    """A quotation: the words as spoken (``original``, in ``language``), an optional
    ``translation`` into the memo's language, and an attribution line such as
    ``Gustavo Petro, President of Colombia, via EFE, January 2026``."""

    original: list[Inline]
    attribution: list[Inline]
    translation: list[Inline] = field(default_factory=list)
    language: str = ""
    mark: str = ""


@dataclass
class Table:
    """A simple grid with a header row; ``widths`` are relative column weights."""

    header: list[str]
    rows: list[list[list[Inline]]]
    widths: list[float] = field(default_factory=list)
    mark: str = ""


@dataclass
class MemoHeader:
    """The memo's heading block: a title line (``MEMORANDUM`` or ``ACTION MEMO``) and the
    labelled lines (``MEMORANDUM FOR``/``TO``, ``FROM``, ``THROUGH``, ``SUBJECT``, ``DATE``,
    meeting date/time/location), in order. Values are inline content so the subject can
    carry a portion mark."""

    title: str
    fields: list[tuple[str, list[Inline]]]


@dataclass
class Note:
    """The text of footnote/endnote ``number``: outlet, title, date and URL."""

    number: int
    content: list[Inline]


@dataclass
class NoteList:
    """Endnotes, placed where the Sources section is. With footnotes the notes live in
    :attr:`Document.footnotes` and the writers put them at the foot of the page."""

    notes: list[Note]


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | BulletList | BlockQuote | Table | MemoHeader | NoteList | PageBreak


# ---------------------------------------------------------------- the document


@dataclass
class Metadata:
    title: str = ""
    subject: str = ""
    author: str = ""
    language: str = "en"
    keywords: list[str] = field(default_factory=list)


@dataclass
class PageFurniture:
    """What repeats on every page. ``banner`` is the overall marking text centred at the
    top and bottom (empty: no banner). ``page_numbering`` is ``"page-x-of-y"``
    ("Page 2 of 5") or ``"dash"`` ("-2-"). ``footer_text`` is a small left-aligned line."""

    banner: str = ""
    page_numbering: str = "page-x-of-y"
    footer_text: str = ""


@dataclass
class Document:
    metadata: Metadata
    furniture: PageFurniture
    blocks: list[Block]
    note_style: str = "footnotes"  # or "endnotes"
    footnotes: list[Note] = field(default_factory=list)  # used when note_style == "footnotes"
    font_size: float = 12.0  # body size in points
    labels: dict[str, str] = field(default_factory=dict)  # "page", "of", "notes", "sources"
    page_size: str = "letter"  # one of core.vocab.PAGE_SIZES (document/page_size.py)


class UnknownNodeError(TypeError):
    """A writer met a node type it does not know. Raised, never ignored."""

    def __init__(self, writer: str, node: object):
        super().__init__(f"{writer} writer cannot render {type(node).__name__}")


def plain_text(content: list[Inline]) -> str:
    """The visible text of inline content (note marks as bare numbers)."""
    out = []
    for part in content:
        if isinstance(part, Text | Link):
            out.append(part.text)
        elif isinstance(part, NoteRef):
            out.append(str(part.number))
        else:
            raise UnknownNodeError("plain-text", part)
    return "".join(out)
