"""The logical structure of a tagged memo PDF (PDF/UA-1, PDF/A-2a), while it is drawn.

reportlab writes no structure, so the writer keeps its own, in three steps:

* :class:`StructTree` -- the story builder creates an element for every block as it
  visits the memo, so the tree is in memo order whatever the pages do: ``H1``/``H2``,
  ``P``, ``BlockQuote``, ``L``/``LI``/``Lbl``/``LBody``, ``Table``/``TR``/``TH``/``TD``,
  ``Note``, and inline ``Link`` and ``Reference`` elements that join their paragraph
  where their text is first drawn.
* :class:`MarkedContent` -- while drawing, each piece of text is wrapped in a marked
  content sequence (``/P <</MCID 3>> BDC`` ... ``EMC``) whose number is recorded in its
  element and in the page's row of the parent tree. A text block split over two pages
  gives its element content on both. Everything that is not memo text is an artifact:
  banners, page numbers, rules, table grids, a header row repeated on a new page.
* :mod:`pdf_tagged` writes the tree as PDF objects when the file is saved.

A footnote's ``Note`` is placed right after the paragraph (or inside the list item or
table cell) that first cites it, which is where a screen reader should read it.
"""

from __future__ import annotations

import itertools
import re
from contextlib import contextmanager

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString

LAYOUT_ARTIFACT = "/Artifact <</Type /Layout>> BDC"  # rules, grids, shading
PAGINATION_ARTIFACT = "/Artifact <</Type /Pagination>> BDC"  # banners, page numbers
END = "EMC"
PARAGRAPH_ROLES = frozenset({"P", "H1", "H2", "H3", "H4", "H5", "H6"})
_DRAWN_IN = "_briefing_drawn_in"  # on a flowable: the serial of the MarkedContent that drew it
_SERIALS = itertools.count(1)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def language_tag(value: str) -> str:
    """``value`` when it is shaped like a BCP 47 tag (``es``, ``pt-BR``), else ``""``."""
    value = value.strip()
    return value if _LANGUAGE.match(value) else ""


class Element:
    """A structure element. ``kids`` holds elements, marked content as ``(page, mcid)``
    and link annotations (:class:`AnnotationRef`), in reading order. An element that is
    not ``attached`` joins its parent's kids when its first content is drawn."""

    __slots__ = ("role", "parent", "kids", "attached", "lang", "attributes", "number",
                 "description", "notes", "ref")  # fmt: skip

    def __init__(self, role: str, parent: Element | None, attached: bool = True):
        # positional and plain: hundreds are made per memo
        self.role = role
        self.parent = parent
        self.kids: list = []
        self.attached = attached
        self.lang = self.attributes = self.description = ""  # attributes: PDF text
        self.number: int | None = None  # the note number of a Note
        self.notes: list[Element] | None = None  # footnotes first cited here
        self.ref = 0  # its object number, once written
        if attached and parent is not None:
            parent.kids.append(self)

    def __repr__(self) -> str:
        return f"<{self.role} {len(self.kids)} kids>"


class AnnotationRef:
    """A link annotation (by its reportlab name) inside a ``Link`` element."""

    __slots__ = ("name", "page")

    def __init__(self, name: str, page: int):
        self.name = name
        self.page = page


class StructTree:
    """The memo's structure elements, built in memo order by the story builder."""

    def __init__(self):
        self.root = Element("Document", None, False)
        self.footnotes: dict[int, Element] = {}  # at the foot of a page: placed on save
        self.citers: dict[int, Element] = {}  # note number -> the block that cites it first
        self.has_notes = False  # any Note placed where it is (they need IDs)
        self._heading_level = 0

    def add(self, role: str, parent: Element | None = None, lang: str = "",
            attributes: str = "") -> Element:  # fmt: skip
        """A block element, last among ``parent``'s kids (the document's by default)."""
        element = Element(role, parent or self.root)
        if lang:
            element.lang = lang
        if attributes:
            element.attributes = attributes
        return element

    def inline(self, role: str, parent: Element, description: str = "") -> Element:
        """An element inside a block (a link, a note reference): it joins the block's
        kids where its text is first drawn, between the block's own pieces of text."""
        element = Element(role, parent, False)
        element.description = description
        return element

    def heading(self, level: int) -> Element:
        """``H1`` ... ``H6``, never skipping a level on the way down and starting at
        ``H1``, as PDF/UA asks of a document that numbers its headings."""
        level = max(1, min(level, self._heading_level + 1, 6))
        self._heading_level = level
        return self.add(f"H{level}")

    def note(self, number: int, parent: Element | None = None) -> Element:
        """An endnote, or a footnote in the trailing list: where it is in the memo."""
        self.has_notes = True
        element = Element("Note", parent or self.root)
        element.number = number
        return element

    def footnote(self, number: int) -> Element:
        """A footnote at the foot of a page: placed after the block citing it first."""
        element = Element("Note", self.root, False)
        element.attached = True  # not where drawn: see place_footnotes
        element.number = number
        self.footnotes[number] = element
        return element

    def cited(self, number: int, element: Element) -> None:
        """Note ``number``'s mark was drawn in ``element`` (the first such is kept)."""
        self.citers.setdefault(number, element)

    def place_footnotes(self) -> None:
        """Hang each footnote on the block that cites it first (the writer puts it after
        that block); a footnote never cited goes to the end of the document."""
        for number, note in self.footnotes.items():
            citer = self.citers.get(number)
            if citer is None:
                self.root.kids.append(note)
            elif citer.notes is None:
                citer.notes = [note]
            else:
                citer.notes.append(note)


class MarkedContent:
    """The marked content of one document as it is drawn, kept on the canvas as
    ``canv.tagger``: MCIDs per page, the parent tree rows, the link annotations."""

    def __init__(self, tree: StructTree):
        self.tree = tree
        self.page = 0  # canvas page number of the MCIDs being given out
        self.next_key = 0  # next key of the parent tree
        self.page_keys: dict[int, int] = {}  # page number -> its StructParents key
        self.rows: list[tuple[int, list[Element] | Element]] = []  # parent tree entries
        self._page_row: list[Element] = []
        self._links = 0
        self._serial = next(_SERIALS)

    def begin(self, canv, element: Element) -> str:
        """The operator opening the next marked content of ``element`` on this page."""
        page = canv._pageNumber
        if page != self.page:
            self.page = page
            self._page_row = []
            self.page_keys[page] = self.next_key
            self.rows.append((self.next_key, self._page_row))
            self.next_key += 1
        mcid = len(self._page_row)
        self._page_row.append(element)
        if not element.attached:
            element.attached = True
            element.parent.kids.append(element)
        element.kids.append((page, mcid))
        return f"/{element.role} <</MCID {mcid}>> BDC"

    def first_draw(self, flowable) -> bool:
        """False when ``flowable`` was drawn before in this document: a table header row
        repeated at the top of a page, which is pagination, not content. (The mark is on
        the flowable, a number: a list here would keep every block of the memo alive.)"""
        if flowable.__dict__.get(_DRAWN_IN) == self._serial:
            return False
        flowable.__dict__[_DRAWN_IN] = self._serial
        return True

    def link(self, canv, url: str, rect: tuple, element: Element) -> None:
        """A link annotation over ``rect`` (in the current coordinates), described and
        tied to its ``Link`` element, as PDF/UA and PDF/A want it; printed (``/F 4``) as
        PDF/A asks. Written as text: reportlab's dictionaries cost more to format."""
        self._links += 1
        name = f"BriefingLink{self._links}"
        key = self.next_key
        self.next_key += 1
        self.rows.append((key, element))
        element.kids.append(AnnotationRef(canv._doc.annotationName(name), canv._pageNumber))
        doc = canv._doc
        area = " ".join(fp_str(value) for value in canv._absRect(rect, 1))
        text = PDFString(element.description or url).format(doc)
        target = PDFString(url).format(doc)
        canv._addAnnotation(RawObject(
            b"<< /Type /Annot /Subtype /Link /Rect [" + area.encode() + b"] /Border [0 0 0] "
            b"/F 4 /Contents " + text + f" /StructParent {key}".encode()
            + b" /A << /S /URI /URI " + target + b" >> >>"), name)  # fmt: skip


class RawObject(PDFObject):
    """A PDF object whose text is already written (``data``, bytes)."""

    def __init__(self, data: bytes = b""):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


@contextmanager
def artifact(canv, kind: str = LAYOUT_ARTIFACT):
    """Mark what is drawn inside as an artifact, when the canvas is tagged."""
    tagged = getattr(canv, "tagger", None) is not None
    if tagged:
        canv._code.append(kind)
    try:
        yield
    finally:
        if tagged:
            canv._code.append(END)
