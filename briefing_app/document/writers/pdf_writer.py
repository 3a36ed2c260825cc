"""PDF writer: the document tree -> a Letter-size memo PDF, via reportlab platypus.

Layout: 1-inch margins, Liberation Serif (embedded, Times-metric: :mod:`pdf_fonts`) at the
document's body size, page furniture (banner top and bottom, page number, footer line) on
every page. The banners and footer line are alike on every page, so they are drawn once,
as a form each page shows.

Two things reportlab does not do are done here, each in one pass:

* "Page X of Y": each page leaves a marker (a PDF comment) where its number goes; when
  the document is saved and the page count is known, :class:`_MemoCanvas` replaces every
  marker with its number, so totals are exact and bookmarks and links keep their pages.
* Footnotes, at the foot of the page where each note is first cited: see
  :mod:`pdf_notes`. The text frame of each page shrinks as its notes arrive.

When reportlab cannot place something (a table row taller than a page), the memo is laid
out again with its tables as paragraphs; nothing is written before that.

Every memo is a tagged PDF that claims PDF/UA-1 and PDF/A-2a: the story builder gives each
block its structure elements, the canvas carries the marked content (``canv.tagger``,
:mod:`pdf_structure`), the page furniture is drawn as artifacts, and :mod:`pdf_tagged`
writes the structure tree, XMP metadata and sRGB output intent when the file is saved.
"""

from __future__ import annotations

from typing import BinaryIO

import reportlab
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, LayoutError, PageTemplate, Spacer

from briefing_app import __version__
from briefing_app.core.collector import collector_paused
from briefing_app.document.model import Document, Metadata, Note, PageFurniture
from briefing_app.document.page_size import paper
from briefing_app.document.text import clean
from briefing_app.document.writers.pdf_blocks import StoryBuilder
from briefing_app.document.writers.pdf_fonts import (
    SERIF,
    SERIF_BOLD,
    printable,
    register_fonts,
)
from briefing_app.document.writers.pdf_notes import (
    FootnoteLayout,
    FootnoteSet,
    NotesFrame,
    TrailingNotes,
)
from briefing_app.document.writers.pdf_spans import WRITER
from briefing_app.document.writers.pdf_structure import (
    END,
    PAGINATION_ARTIFACT,
    MarkedContent,
    StructTree,
    language_tag,
)
from briefing_app.document.writers.pdf_styles import memo_styles
from briefing_app.document.writers.pdf_tagged import PDF_VERSION, finish
from briefing_app.document.writers.pdf_text import NOTE_CALLBACK
from briefing_app.document.writers.pdf_xmp import DocumentInfo

FORMAT = "pdf"
EXTENSION = ".pdf"

MARGIN = 1.0 * inch
MAX_NOTE_SHARE = 0.5  # a footnote taller than this share of the text area goes to the end

FURNITURE_SIZE = 10.0
BANNER_SIZE = 12.0
TOP_BANNER_FROM_TOP = 0.55 * inch
BOTTOM_BANNER_Y = 0.35 * inch
NUMBER_Y_WITH_BANNER = 0.6 * inch
NUMBER_Y_ALONE = 0.5 * inch
FURNITURE_FORM = "BriefingFurniture"
CREATOR = "Briefing Builder"
PRODUCER = f"{CREATOR} {__version__} (ReportLab {reportlab.Version})"
PAGE_NUMBER_MARK = "%BriefingPageNumber"  # a comment in the page content, replaced on save


class _Page:
    """The page of one memo (its paper from ``Document.page_size``) and its text area."""

    def __init__(self, page_size: str):
        self.size = paper(page_size).points
        self.width, self.height = self.size
        self.frame_width = self.width - 2 * MARGIN
        self.frame_height = self.height - 2 * MARGIN


@collector_paused()
def write(document: Document, stream: BinaryIO) -> None:
    """Render ``document`` as PDF into the binary ``stream``."""
    PdfWriter().visit(document, stream)


class PdfWriter(StoryBuilder):
    """The memo's node visitor: the blocks' methods come from :class:`StoryBuilder`; the
    document, its metadata and its page furniture are handled here."""

    writer_name = WRITER

    def __init__(self):
        register_fonts()

    def visit_document(self, document: Document, stream: BinaryIO) -> None:
        self.document = document
        self.labels = document.labels or {}
        self.info = self.visit(document.metadata)
        self.page = _Page(document.page_size)
        styles = memo_styles(document.font_size)
        try:
            doc = self._build(stream, styles, safe=False)
        except LayoutError:
            # Something reportlab cannot place (e.g. a table row taller than a page that
            # may not split): lay tables out as paragraphs instead. Nothing was written yet.
            doc = self._build(stream, styles, safe=True)
        doc.save()

    def visit_metadata(self, meta: Metadata) -> dict:
        """The document information, as keyword arguments of the page template. A memo
        without a title is called by its subject: PDF/UA wants every document titled."""
        keywords = [" ".join(clean(k).split()) for k in meta.keywords]
        subject = " ".join(clean(meta.subject).split())
        return {
            "title": " ".join(clean(meta.title).split()) or subject,
            "author": " ".join(clean(meta.author).split()),
            "subject": subject,
            "keywords": ", ".join(k for k in keywords if k),
            "lang": language_tag(clean(meta.language)) or "en",
        }

    def visit_page_furniture(self, furniture: PageFurniture) -> _Furniture:
        return _Furniture(furniture, self.labels, self.page)

    def _build(self, stream: BinaryIO, styles, *, safe: bool) -> _MemoDocTemplate:
        """Lay the memo out once, with a fresh structure tree."""
        tree = StructTree()
        super().__init__(styles, self.page.frame_width, self.page.frame_height, safe=safe,
                         tree=tree,
                         language=self.info["lang"])  # fmt: skip
        self.footnotes = self._footnotes()
        story = self.story(self.document.blocks) or [Spacer(0, 0)]  # always one page
        layout = FootnoteLayout(self.footnotes, MARGIN, self.page.size)
        if self.footnotes:
            title = " ".join(clean(self.labels.get("notes", "Notes")).split()) or "Notes"

            def trailing(numbers: list[int]) -> list:
                notes = [self._notes_by_number[n] for n in numbers]
                return self.trailing_notes(notes, title)

            story.append(TrailingNotes(layout, trailing))
        doc = _MemoDocTemplate(
            stream,
            page=self.page,
            info=self.info,
            marks=MarkedContent(tree),
            notes=layout,
            furniture=self.visit(self.document.furniture),
            show_outline=self.has_outline,
        )
        doc.build(story, canvasmaker=_MemoCanvas)
        return doc

    def _footnotes(self) -> FootnoteSet:
        self._notes_by_number: dict[int, Note] = {}
        paragraphs = {}
        if self.document.note_style == "footnotes":
            for note in self.document.footnotes:
                paragraph = self.visit(note, self.styles.footnote, at_foot=True)
                number = int(note.number)
                if number in paragraphs:
                    continue
                self._notes_by_number[number] = note
                paragraphs[number] = paragraph
        return FootnoteSet(paragraphs, self.page.frame_width,
                           MAX_NOTE_SHARE * self.page.frame_height)


Visitor = PdfWriter  # the registry's name for a writer's node visitor


class _MemoCanvas(Canvas):
    """A canvas whose ``save`` waits for the writer, which first writes "Page X of Y" into
    every page once the page count is known, then the structure and metadata.

    Each page leaves a marker (a PDF comment) where its number goes; the finished page's
    content is kept as text until the file is saved, so the marker is replaced then. This
    is what forms did (one per page, about 4% of the time of a 20-page memo) without
    the forms; reportlab's ``NumberedCanvas`` recipe would delay every page instead, and
    lose the bookmarks.
    """

    tagger: MarkedContent | None = None  # set by the page template before the first page

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs, pdfVersion=PDF_VERSION)

    def save(self) -> None:  # called by reportlab at the end of the build
        pass

    def mark_page_number(self) -> None:
        self._code.append(PAGE_NUMBER_MARK)

    def really_save(self, furniture: _Furniture, pages: int, language: str) -> None:
        kept = self._code
        for number, page in enumerate(self._doc.Pages.pages, start=1):
            self._code = [PAGINATION_ARTIFACT, "q"]
            furniture.draw_page_number(self, number, pages)
            self._code += ["Q", END]
            if PAGE_NUMBER_MARK not in page.stream:
                raise RuntimeError(f"page {number} has no place for its number")
            page.stream = page.stream.replace(PAGE_NUMBER_MARK, "\n".join(self._code), 1)
        self._code = kept
        finish(self._doc, self.tagger, self._document_info(language))
        self.tagger = None
        Canvas.save(self)
        # The saved document is part of a reference cycle reportlab makes; emptied, it
        # leaves the cyclic collector little to walk when it next runs.
        for table in (self._doc.idToObject, self._doc.idToObjectNumberAndVersion,
                      self._doc.numberToId, self._doc.idToOffset):
            table.clear()

    def _document_info(self, language: str) -> DocumentInfo:
        """The information dictionary reportlab writes, for the XMP packet to repeat."""
        info, stamp = self._doc.info, self._doc._timeStamp
        year, month, day, hour, minute, second = stamp.YMDhms
        when = (f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
                f"{stamp.dhh:+03d}:{stamp.dmm:02d}")  # fmt: skip
        return DocumentInfo(title=info.title, author=info.author, subject=info.subject,
                            keywords=info.keywords, creator=info.creator,
                            producer=info.producer, created=when, modified=when,
                            language=language)  # fmt: skip


class _MemoDocTemplate(BaseDocTemplate):
    """The memo's page layout: a footnote-aware frame and the furniture on every page."""

    def __init__(self, stream, *, page: _Page, info: dict, marks: MarkedContent,
                 notes: FootnoteLayout, furniture, show_outline):  # fmt: skip
        super().__init__(
            stream,
            pagesize=page.size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            creator=CREATOR,
            producer=PRODUCER,
            **info,
            initialFontName=SERIF,
            initialFontSize=12,
            displayDocTitle=True,
        )
        self.memo_page = page  # (reportlab's own ``page`` is the page number)
        self.marks = marks
        self.notes = notes
        self.furniture = furniture
        self.show_outline = show_outline
        self.pages = 0
        self._furniture_form = False
        self.addPageTemplates(
            [
                PageTemplate(
                    id="memo",
                    frames=[self._frame(1)],
                    onPage=self._page_begins,
                    onPageEnd=self._page_ends,
                    pagesize=page.size,
                )
            ]
        )

    def save(self) -> None:
        self.canv.really_save(self.furniture, self.pages, self.lang)

    # reportlab hooks

    def beforeDocument(self) -> None:
        self.canv.tagger, self.marks = self.marks, None  # the canvas carries it from here
        self.canv.setNamedCB(NOTE_CALLBACK, self._note_drawn)
        if self.show_outline:
            self.canv.showOutline()

    def handle_pageBegin(self) -> None:
        # A fresh frame per page: its bottom rises as the page's footnotes arrive.
        self.pageTemplate.frames = [self._frame(self.page + 1)]
        self.notes.start_page(self.page + 1)
        super().handle_pageBegin()

    def _frame(self, page: int) -> NotesFrame:
        return NotesFrame(
            MARGIN,
            MARGIN,
            self.memo_page.frame_width,
            self.memo_page.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"body-{page}",
            notes=self.notes,
        )

    def _page_begins(self, canv, doc) -> None:
        self.pages = self.page
        # The banners and footer line are the same on every page: drawn once as a form
        # that each page shows (a little smaller and faster to write than 20 copies).
        if not self._furniture_form:
            canv.beginForm(FURNITURE_FORM)
            self.furniture.draw(canv)
            canv.endForm()
            self._furniture_form = True
        canv._code.append(PAGINATION_ARTIFACT)
        canv.doForm(FURNITURE_FORM)
        canv._code.append(END)
        canv.mark_page_number()

    def _page_ends(self, canv, doc) -> None:
        self.notes.draw_page_notes(canv, self.page, MARGIN)

    def _note_drawn(self, canv, kind, label) -> None:
        try:
            number = int(label)
        except (TypeError, ValueError):
            return
        self.notes.cited(number)


class _Furniture:
    """What repeats on every page: banner at top and bottom, page number, footer line."""

    def __init__(self, furniture: PageFurniture, labels: dict[str, str], page: _Page):
        self.page = page
        self.banner = printable(" ".join(clean(furniture.banner).split()))
        self.numbering = furniture.page_numbering
        self.footer = printable(" ".join(clean(furniture.footer_text).split()))
        self.page_label = printable(" ".join(clean(labels.get("page", "Page")).split()))
        self.of_label = printable(" ".join(clean(labels.get("of", "of")).split()))
        self.number_y = NUMBER_Y_WITH_BANNER if self.banner else NUMBER_Y_ALONE

    def draw(self, canv) -> None:
        canv.saveState()
        if self.banner:
            banner = _fit(self.banner, self.page.width - inch, BANNER_SIZE, SERIF_BOLD)
            canv.setFont(SERIF_BOLD, BANNER_SIZE)
            top = self.page.height - TOP_BANNER_FROM_TOP
            canv.drawCentredString(self.page.width / 2, top, banner)
            canv.drawCentredString(self.page.width / 2, BOTTOM_BANNER_Y, banner)
        if self.footer:
            # Beside the page number when there is room, else on its own line above it.
            size = FURNITURE_SIZE - 1
            number = stringWidth(self.page_number_text(88, 88), SERIF, FURNITURE_SIZE)
            beside = self.page.width / 2 - MARGIN - number / 2 - 12
            canv.setFont(SERIF, size)
            if stringWidth(self.footer, SERIF, size) <= beside:
                canv.drawString(MARGIN, self.number_y, self.footer)
            else:
                y = self.number_y + FURNITURE_SIZE + 1
                canv.drawString(MARGIN, y, _fit(self.footer, self.page.frame_width, size))
        canv.restoreState()

    def page_number_text(self, page: int, pages: int) -> str:
        """``Page 2 of 5`` (the default), ``-2-`` for "dash", nothing for "none"."""
        if self.numbering == "dash":
            return f"-{page}-"
        if self.numbering in ("none", ""):
            return ""
        return " ".join(p for p in (self.page_label, str(page), self.of_label, str(pages)) if p)

    def draw_page_number(self, canv, page: int, pages: int) -> None:
        text = self.page_number_text(page, pages)
        if text:
            canv.setFont(SERIF, FURNITURE_SIZE)
            canv.drawCentredString(self.page.width / 2, self.number_y, text)


def _fit(text: str, width: float, size: float, font: str = SERIF) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    text = text[: int(width / (size * 0.2))]  # no glyph is narrower than a fifth of an em
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
