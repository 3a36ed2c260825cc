"""What makes the saved memo a tagged, archival PDF (PDF/UA-1 and PDF/A-2a).

Called once, after the last page is drawn and before reportlab writes the file:

* the structure tree of :mod:`pdf_structure` as PDF objects: one ``StructElem`` per
  element (empty ones dropped), the parent tree that maps each page's MCIDs and each link
  annotation back to its element, and the ID tree of the notes;
* the catalog's ``/MarkInfo``, ``/StructTreeRoot``, XMP ``/Metadata`` (:mod:`pdf_xmp`)
  and sRGB ``/OutputIntents``; each page's ``/StructParents`` and ``/Tabs /S``.

The objects are written as text here rather than as reportlab dictionaries: a memo has
hundreds of elements and reportlab formats a dictionary at some cost per entry.
"""

from __future__ import annotations

import zlib
from functools import cache

from reportlab.pdfbase.pdfdoc import PDFObject, PDFPage, PDFString

from briefing_app.core.paths import resource_path
from briefing_app.document.writers.pdf_structure import (
    PARAGRAPH_ROLES,
    AnnotationRef,
    Element,
    MarkedContent,
    RawObject,
)
from briefing_app.document.writers.pdf_xmp import DocumentInfo, xmp_packet

PDF_VERSION = (1, 7)  # PDF/UA-1 and PDF/A-2 are both built on PDF 1.7
ICC_PROFILE = ("color", "sRGB-v2.icc")
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
KEPT_WHEN_EMPTY = frozenset({"Table", "TR", "TH", "TD", "L", "LI", "LBody"})  # the grid
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]


class _Raw(RawObject):
    """An indirect object written as text here."""

    __RefOnly__ = 1


_Inline = RawObject  # a direct value (an array of references, say) written as given


def finish(doc, marks: MarkedContent, info: DocumentInfo) -> None:
    """Add structure, metadata and output intent to reportlab's ``doc`` before saving."""
    pages = doc.Pages.pages
    page_numbers = {index: _number(doc, doc.Reference(page)) for index, page in
                    enumerate(pages, start=1)}  # fmt: skip
    catalog = doc.Catalog
    structure = _StructureWriter(doc, page_numbers)
    catalog.StructTreeRoot = structure.write(marks)
    catalog.MarkInfo = _Raw(b"<< /Marked true >>")
    catalog.Metadata = _stream(xmp_packet(info), b"/Type /Metadata /Subtype /XML")
    condition = _text(doc, OUTPUT_CONDITION)
    icc = _stream(_icc_compressed(), b"/N 3 /Filter /FlateDecode")
    intent = _Raw(b"<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier "
                  + condition + b" /Info " + condition
                  + b" /RegistryName (http://www.color.org) /DestOutputProfile "
                  + _ref(doc, icc) + b" >>")  # fmt: skip
    catalog.OutputIntents = _Inline(b"[" + _ref(doc, intent) + b"]")
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    for index, page in enumerate(pages, start=1):
        page.__NoDefault__ = _PAGE_KEYS
        page.Tabs = "/S"  # tab through links in structure order
        if index in marks.page_keys:
            page.StructParents = marks.page_keys[index]
    # Unlink children from parents, and the parent tree rows from the elements: without
    # the cycles the tree is freed as soon as it is dropped, not by the cyclic collector
    # (which the writers pause, see collector.py, and which then finds it all still young).
    for element in structure.elements:
        element.parent = None
        element.kids = []
        element.notes = None
    marks.rows.clear()


class _StructureWriter:
    """Writes the elements of one tree: numbers them, then formats each as text."""

    def __init__(self, doc, page_numbers: dict[int, int]):
        self.doc = doc
        self.pages = page_numbers
        self.elements: list[Element] = []  # those written

    def write(self, marks: MarkedContent) -> _Raw:
        tree, doc = marks.tree, self.doc
        tree.place_footnotes()
        elements = self.elements
        _arrange(tree.root, elements)
        for _, row in marks.rows:  # a safety net: every element with content is in the tree
            for element in [row] if type(row) is Element else row:
                if not element.ref:
                    element.parent = tree.root
                    tree.root.kids.append(element)
                    _arrange(element, elements)
        root = _Raw()
        root_number = _number(doc, doc.Reference(root))
        names = _reserve(doc, elements)
        ids = _note_ids(elements) if tree.footnotes or tree.has_notes else {}
        objects = doc.idToObject
        for element, name in zip(elements, names, strict=True):
            parent = element.parent.ref if element.parent is not None else root_number
            # reportlab writes an object that is bytes as it is
            objects[name] = self._element(element, parent, ids.get(element.ref, ""))
        parent_tree = _Raw(b"<< /Nums [" + b" ".join([self._parent_row(key, row)
                                                      for key, row in marks.rows]) + b"] >>")
        id_tree = b""
        if ids:
            entries = b" ".join([_text(doc, ident) + f" {number} 0 R".encode()
                                 for number, ident in sorted(ids.items(), key=_by_ident)])
            id_tree = b" /IDTree " + _ref(doc, _Raw(b"<< /Names [" + entries + b"] >>"))
        root.data = (f"<< /Type /StructTreeRoot /K [{tree.root.ref} 0 R] "
                     f"/ParentTree ".encode() + _ref(doc, parent_tree)
                     + f" /ParentTreeNextKey {marks.next_key}".encode() + id_tree + b" >>")
        return root

    def _element(self, element: Element, parent: int, ident: str) -> bytes:
        """The element's dictionary. Its ``/Pg`` is the page of its first marked content,
        which its other content on that page names by MCID alone."""
        kids = element.kids
        head = f"<< /S /{element.role} /P {parent} 0 R"  # /Type /StructElem is optional
        if len(kids) == 1 and type(kids[0]) is tuple and not (element.lang or ident or
                                                              element.attributes):
            page, mcid = kids[0]  # most elements: one piece of text
            return f"{head} /Pg {self.pages[page]} 0 R /K {mcid} >>".encode()
        first_page = None
        texts = []
        for kid in kids:
            kind = type(kid)
            if kind is tuple:
                page, mcid = kid
                if first_page is None:
                    first_page = page
                texts.append(str(mcid) if page == first_page else
                             f"<< /Type /MCR /Pg {self.pages[page]} 0 R /MCID {mcid} >>")
            elif kind is Element:
                texts.append(f"{kid.ref} 0 R")
            else:
                texts.append(self._object_reference(kid))
        text = head
        if first_page is not None:
            text += f" /Pg {self.pages[first_page]} 0 R"
        if len(texts) == 1:  # one kid stands alone (checkers read a lone heading's text so)
            text += f" /K {texts[0]}"
        elif texts:
            text += f" /K [{' '.join(texts)}]"
        if element.lang:
            text += f" /Lang ({element.lang})"
        if ident:
            text += f" /ID ({ident})"
        if element.attributes:
            text += " " + element.attributes
        return (text + " >>").encode("latin-1")

    def _object_reference(self, kid: AnnotationRef) -> str:
        number = self.doc.idToObjectNumberAndVersion[kid.name][0]
        return f"<< /Type /OBJR /Obj {number} 0 R /Pg {self.pages[kid.page]} 0 R >>"

    def _parent_row(self, key: int, row) -> bytes:
        if type(row) is Element:  # a link annotation's element
            return f"{key} {row.ref} 0 R".encode()
        return f"{key} [{' '.join([f'{e.ref} 0 R' for e in row])}]".encode()


def _arrange(element: Element, kept: list[Element]) -> bool:
    """Drop elements with no content (an empty paragraph), put each footnote after the
    paragraph citing it or at the end of the list item or cell citing it, and list the
    elements kept in ``kept``; True when ``element`` has content."""
    kids: list = []
    content = False
    for kid in element.kids:
        if type(kid) is not Element:
            kids.append(kid)
            content = True
            continue
        if _arrange(kid, kept):
            kids.append(kid)
            content = True
        elif kid.role in KEPT_WHEN_EMPTY:
            kids.append(kid)
            _keep(kid, kept)
        if kid.notes and kid.role in PARAGRAPH_ROLES:
            for note in kid.notes:
                if _arrange(note, kept):
                    kids.append(note)
                    note.parent = element
                    content = True
    if element.notes and element.role not in PARAGRAPH_ROLES:
        for note in element.notes:
            if _arrange(note, kept):
                kids.append(note)
                note.parent = element
                content = True
    element.kids = kids
    if content or element.parent is None:
        _keep(element, kept)
    return content


def _keep(element: Element, kept: list[Element]) -> None:
    if not element.ref:
        element.ref = -1  # numbered later; -1 only marks it as kept
        kept.append(element)


def _reserve(doc, elements: list[Element]) -> list[str]:
    """A new object number for each element (its ``ref``), booked under reportlab's
    name for it (``R<number>``) as ``doc.Reference`` books a new object; the caller puts
    each object in ``doc.idToObject`` under its name. (Reference's checks, for hundreds
    of objects new by construction, were a measurable part of a memo's time.)"""
    numbers, names = doc.idToObjectNumberAndVersion, doc.numberToId
    first = doc.objectcounter + 1
    doc.objectcounter += len(elements)
    out = []
    for number, element in enumerate(elements, start=first):
        name = f"R{number}"
        element.ref = number
        numbers[name] = (number, 0)
        names[number] = name
        out.append(name)
    return out


def _note_ids(elements: list[Element]) -> dict[int, str]:
    """``note-N`` for each note written, unique (``note-N-2`` for a second one), by the
    note's object number."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for element in elements:
        if element.role == "Note":
            base = ident = f"note-{element.number}"
            n = 2
            while ident in used:
                ident, n = f"{base}-{n}", n + 1
            used.add(ident)
            ids[element.ref] = ident
    return ids


def _by_ident(item: tuple[int, str]) -> bytes:
    return item[1].encode()  # a name tree is sorted by the bytes of its keys


def _number(doc, reference) -> int:
    return doc.idToObjectNumberAndVersion[reference.name][0]


def _ref(doc, obj: PDFObject) -> bytes:
    return f"{_number(doc, doc.Reference(obj))} 0 R".encode()


def _text(doc, value: str) -> bytes:
    return PDFString(value).format(doc)


def _stream(data: bytes, entries: bytes) -> _Raw:
    """A stream object with ``data`` as it is to be stored (the metadata uncompressed,
    readable by any tool, as PDF/A recommends)."""
    return _Raw(b"<< " + entries + f" /Length {len(data)} >>\nstream\n".encode() + data
                + b"\nendstream")  # fmt: skip


@cache
def _icc_compressed() -> bytes:
    """The sRGB profile (made by ``scripts/make_srgb_profile.py``), deflated once."""
    return zlib.compress(resource_path(*ICC_PROFILE).read_bytes())
