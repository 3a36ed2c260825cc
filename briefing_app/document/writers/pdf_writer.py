"""PDF writer: the document tree -> a Letter-size memo PDF, via reportlab platypus.

Layout: 1-inch margins, Liberation Serif (embedded, Times-metric) at the document's body
size, page furniture (banner top and bottom, page number, footer line) on every page.

Two things reportlab does not do are done here:

* "Page X of Y": each page draws its number as a PDF form XObject that is defined only
  when the document is saved and the page count is known (reportlab allows using a form
  before defining it), so totals are exact in one pass and bookmarks and links keep
  their real pages.
* Footnotes, at the foot of the page where each note is first cited: see
  :mod:`pdf_notes`. Also one pass: the text frame of each page shrinks as notes arrive.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, LayoutError, PageTemplate, Spacer

from briefing_app.document.model import Document, Note, UnknownNodeError
from briefing_app.document.text import clean
from briefing_app.document.writers.collector import collector_paused
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
from briefing_app.document.writers.pdf_styles import memo_styles
from briefing_app.document.writers.pdf_text import NOTE_CALLBACK, WRITER

FORMAT = "pdf"
EXTENSION = ".pdf"

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 1.0 * inch
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - 2 * MARGIN
MAX_NOTE_SHARE = 0.5  # a footnote taller than this share of the text area goes to the end

FURNITURE_SIZE = 10.0
BANNER_SIZE = 12.0
TOP_BANNER_Y = PAGE_HEIGHT - 0.55 * inch
BOTTOM_BANNER_Y = 0.35 * inch
NUMBER_Y_WITH_BANNER = 0.6 * inch
NUMBER_Y_ALONE = 0.5 * inch
FURNITURE_FORM = "BriefingFurniture"
PAGE_NUMBER_MARK = "%BriefingPageNumber"  # a comment in the page content, replaced on save


@collector_paused()
def write(document: Document, stream: BinaryIO) -> None:
    """Render ``document`` as PDF into the binary ``stream``."""
    _MemoRenderer(document).render(stream)


class _MemoRenderer:
    def __init__(self, document: Document):
        if not isinstance(document, Document):
            raise UnknownNodeError(WRITER, document)
        register_fonts()
        self.document = document
        self.styles = memo_styles(document.font_size)
        self.labels = document.labels or {}
        self.footnotes = self._footnotes()

    def render(self, stream: BinaryIO) -> None:
        try:
            doc = self._build(stream, safe=False)
        except LayoutError:
            # Something reportlab cannot place (e.g. a table row taller than a page that
            # may not split): lay tables out as paragraphs instead. Nothing was written yet.
            doc = self._build(stream, safe=True)
        doc.save()

    def _build(self, stream: BinaryIO, *, safe: bool) -> _MemoDocTemplate:
        builder = StoryBuilder(self.styles, FRAME_WIDTH, FRAME_HEIGHT, safe=safe)
        story = builder.story(self.document.blocks) or [Spacer(0, 0)]  # always one page
        layout = FootnoteLayout(self.footnotes, MARGIN, LETTER)
        if self.footnotes:
            title = " ".join(clean(self.labels.get("notes", "Notes")).split()) or "Notes"

            def trailing(numbers: list[int]) -> list:
                notes = [self._notes_by_number[n] for n in numbers]
                return builder.trailing_notes(notes, title)

            story.append(TrailingNotes(layout, trailing))
        doc = _MemoDocTemplate(
            stream,
            document=self.document,
            notes=layout,
            furniture=_Furniture(self.document),
            show_outline=builder.has_outline,
        )
        doc.build(story, canvasmaker=_MemoCanvas)
        return doc

    def _footnotes(self) -> FootnoteSet:
        self._notes_by_number: dict[int, Note] = {}
        paragraphs = {}
        builder = StoryBuilder(self.styles, FRAME_WIDTH, FRAME_HEIGHT)
        if self.document.note_style == "footnotes":
            for note in self.document.footnotes:
                if not isinstance(note, Note):
                    raise UnknownNodeError(WRITER, note)
                number = int(note.number)
                if number in paragraphs:
                    continue
                self._notes_by_number[number] = note
                paragraphs[number] = builder.note(note, self.styles.footnote)
        return FootnoteSet(paragraphs, FRAME_WIDTH, MAX_NOTE_SHARE * FRAME_HEIGHT)


class _MemoCanvas(Canvas):
    """A canvas whose ``save`` waits for the writer, which first writes "Page X of Y" into
    every page once the page count is known.

    Each page leaves a marker (a PDF comment) where its number goes; the finished page's
    content is kept as text until the file is saved, so the marker is replaced then. This
    is what forms did (one per page, about 4% of the time of a 20-page memo) without
    the forms; reportlab's ``NumberedCanvas`` recipe would delay every page instead, and
    lose the bookmarks.
    """

    def save(self) -> None:  # called by reportlab at the end of the build
        pass

    def mark_page_number(self) -> None:
        self._code.append(PAGE_NUMBER_MARK)

    def really_save(self, furniture: _Furniture, pages: int) -> None:
        kept = self._code
        for number, page in enumerate(self._doc.Pages.pages, start=1):
            self._code = ["q"]
            furniture.draw_page_number(self, number, pages)
            self._code.append("Q")
            if PAGE_NUMBER_MARK not in page.stream:
                raise RuntimeError(f"page {number} has no place for its number")
            page.stream = page.stream.replace(PAGE_NUMBER_MARK, "\n".join(self._code), 1)
        self._code = kept
        Canvas.save(self)


class _MemoDocTemplate(BaseDocTemplate):
    """The memo's page layout: a footnote-aware frame and the furniture on every page."""

    def __init__(
        self, stream, *, document: Document, notes: FootnoteLayout, furniture, show_outline
    ):
        meta = document.metadata
        keywords = [" ".join(clean(k).split()) for k in meta.keywords]
        super().__init__(
            stream,
            pagesize=LETTER,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=" ".join(clean(meta.title).split()),
            author=" ".join(clean(meta.author).split()),
            subject=" ".join(clean(meta.subject).split()),
            keywords=", ".join(k for k in keywords if k),
            creator="Briefing Builder",
            lang=clean(meta.language).strip() or None,
            initialFontName=SERIF,
            initialFontSize=12,
            displayDocTitle=True,
        )
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
                    pagesize=LETTER,
                )
            ]
        )

    def save(self) -> None:
        self.canv.really_save(self.furniture, self.pages)

    # reportlab hooks

    def beforeDocument(self) -> None:
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
            FRAME_WIDTH,
            FRAME_HEIGHT,
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
        canv.doForm(FURNITURE_FORM)
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

    def __init__(self, document: Document):
        furniture = document.furniture
        labels = document.labels or {}
        self.banner = printable(" ".join(clean(furniture.banner).split()))
        self.numbering = furniture.page_numbering
        self.footer = printable(" ".join(clean(furniture.footer_text).split()))
        self.page_label = printable(" ".join(clean(labels.get("page", "Page")).split()))
        self.of_label = printable(" ".join(clean(labels.get("of", "of")).split()))
        self.number_y = NUMBER_Y_WITH_BANNER if self.banner else NUMBER_Y_ALONE

    def draw(self, canv) -> None:
        canv.saveState()
        if self.banner:
            banner = _fit(self.banner, PAGE_WIDTH - inch, BANNER_SIZE, SERIF_BOLD)
            canv.setFont(SERIF_BOLD, BANNER_SIZE)
            canv.drawCentredString(PAGE_WIDTH / 2, TOP_BANNER_Y, banner)
            canv.drawCentredString(PAGE_WIDTH / 2, BOTTOM_BANNER_Y, banner)
        if self.footer:
            # Beside the page number when there is room, else on its own line above it.
            size = FURNITURE_SIZE - 1
            number = stringWidth(self.page_number_text(88, 88), SERIF, FURNITURE_SIZE)
            beside = PAGE_WIDTH / 2 - MARGIN - number / 2 - 12
            canv.setFont(SERIF, size)
            if stringWidth(self.footer, SERIF, size) <= beside:
                canv.drawString(MARGIN, self.number_y, self.footer)
            else:
                y = self.number_y + FURNITURE_SIZE + 1
                canv.drawString(MARGIN, y, _fit(self.footer, FRAME_WIDTH, size))
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
            canv.drawCentredString(PAGE_WIDTH / 2, self.number_y, text)


def _fit(text: str, width: float, size: float, font: str = SERIF) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    text = text[: int(width / (size * 0.2))]  # no glyph is narrower than a fifth of an em
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
