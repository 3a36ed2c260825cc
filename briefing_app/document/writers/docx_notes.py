"""Real Word footnotes whose visible marks are the memo's note numbers.

python-docx has no footnote API, so this module adds ``word/footnotes.xml`` itself: the part,
its relationship from the document, the separator footnotes (ids -1 and 0) and their
declaration in the settings.

Numbering. The memo (and the PDF) shows the *note* number at every citation, and prints a
note's text once, at the foot of the page where it is first cited. Word numbers its
footnotes 1, 2, 3 ... in reading order. So:

* the first citation of a note becomes a real footnote. When its number is the one Word
  would show next (the builder numbers notes in order of first citation, so normally always)
  it is an ordinary auto-numbered footnote; otherwise it gets a custom mark
  (``w:customMarkFollows``) holding the note number, which Word and LibreOffice leave out
  of their count, so the numbers after it stay right;
* a later citation of the same note is a ``NOTEREF`` cross-reference to that footnote,
  Word's own way to cite a footnote again: it shows the same number, superscript and
  clickable, and the text is not repeated -- as in the PDF. (A second footnote with a custom
  mark would also work in Word, but LibreOffice 7.4 then prints the mark twice at the foot
  of the page, e.g. "11" for note 1.)
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement

from . import docx_xml as xml
from .docx_parts import Bookmarks, insert_in_order

REFERENCE_STYLE = "FootnoteReference"
TEXT_STYLE = "FootnoteText"

# CT_Settings children that follow w:footnotePr, in schema order.
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
)


class Footnotes:
    """The footnotes of one document: the part is created on first use, the notes are
    collected as XML text and parsed into it once, by :meth:`finish`."""

    def __init__(self, document_part: Part, settings: BaseOxmlElement, bookmarks: Bookmarks):
        self._document_part = document_part
        self._settings = settings
        self._bookmarks = bookmarks
        self._part: XmlPart | None = None
        self._next_id = 1
        self._next_automatic_number = 1
        self._cited: dict[int, str] = {}  # note number -> bookmark around its footnote mark
        self._xml: list[str] = []

    @property
    def part(self) -> XmlPart:
        """The footnotes part; hyperlinks inside footnotes are related from it."""
        if self._part is None:
            package = self._document_part.package
            root = xml.parse_xml(f"<w:footnotes {xml.NAMESPACES}>{_SEPARATORS}</w:footnotes>")
            self._part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, package)
            self._document_part.relate_to(self._part, RT.FOOTNOTES)
            self._declare_separators()
        return self._part

    def _declare_separators(self) -> None:
        if self._settings.find(qn("w:footnotePr")) is not None:
            return
        footnote_pr = OxmlElement("w:footnotePr")
        for separator_id in ("-1", "0"):
            footnote_pr.append(OxmlElement("w:footnote", attrs={qn("w:id"): separator_id}))
        insert_in_order(self._settings, footnote_pr, _SETTINGS_AFTER_FOOTNOTEPR)

    def is_cited(self, number: int) -> bool:
        return number in self._cited

    def cite_again(self, number: int) -> str:
        """The runs citing note ``number`` once more: a cross-reference to its footnote."""
        instruction = f"NOTEREF {self._cited[number]} \\f \\h"
        return xml.field(instruction, str(number), style_id=REFERENCE_STYLE)

    def cite_first(self, number: int, content: str) -> str:
        """Add the footnote of note ``number`` holding the runs ``content``; returns the
        XML that cites it in the text (the mark, inside a bookmark for later citations)."""
        automatic = number == self._next_automatic_number
        if automatic:
            self._next_automatic_number += 1
        footnote_id = self._next_id
        self._next_id += 1

        if automatic:
            own_mark = xml.run("", style_id=REFERENCE_STYLE, extra="<w:footnoteRef/>")
            reference = xml.run(
                "", style_id=REFERENCE_STYLE, extra=f'<w:footnoteReference w:id="{footnote_id}"/>'
            )
        else:
            own_mark = xml.run(str(number), style_id=REFERENCE_STYLE)
            reference = (
                f'<w:r>{xml.run_properties(style_id=REFERENCE_STYLE)}'
                f'<w:footnoteReference w:customMarkFollows="1" w:id="{footnote_id}"/>'
                f"<w:t>{number}</w:t></w:r>"
            )
        body = xml.paragraph(TEXT_STYLE, own_mark + xml.run(" ") + content)
        self._xml.append(f'<w:footnote w:id="{footnote_id}">{body}</w:footnote>')
        name = self._bookmarks.name_for(f"RefNote{number}", hidden=True)
        self._cited[number] = name
        return self._bookmarks.around(name, reference)

    def finish(self) -> None:
        """Parse the collected footnotes into the footnotes part."""
        if self._xml:
            notes = xml.parse_xml(
                f"<w:footnotes {xml.NAMESPACES}>{''.join(self._xml)}</w:footnotes>")
            self.part.element.extend(list(notes))
            self._xml.clear()
