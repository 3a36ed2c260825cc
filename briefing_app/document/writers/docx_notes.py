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
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement

from .docx_parts import PPR_ORDER, Bookmarks, field_runs, insert_in_order, new_run, set_child

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

_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


class Footnotes:
    """The footnotes of one document, created on first use."""

    def __init__(self, document_part: Part, settings: BaseOxmlElement, bookmarks: Bookmarks):
        self._document_part = document_part
        self._settings = settings
        self._bookmarks = bookmarks
        self._part: XmlPart | None = None
        self._next_id = 1
        self._next_automatic_number = 1
        self._cited: dict[int, str] = {}  # note number -> bookmark around its footnote mark

    @property
    def part(self) -> XmlPart:
        """The footnotes part; hyperlinks inside footnotes are related from it."""
        if self._part is None:
            package = self._document_part.package
            self._part = XmlPart(
                PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML), package
            )
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

    def cite_again(self, number: int) -> list:
        """The runs citing note ``number`` once more: a cross-reference to its footnote."""
        instruction = f"NOTEREF {self._cited[number]} \\f \\h"
        return field_runs(instruction, str(number), style_id=REFERENCE_STYLE)

    def cite_first(self, number: int, content: list) -> list:
        """Add the footnote of note ``number`` holding the runs ``content``; returns the
        elements that cite it in the text (the mark, inside a bookmark for later citations)."""
        automatic = number == self._next_automatic_number
        if automatic:
            self._next_automatic_number += 1
        footnote_id = str(self._next_id)
        self._next_id += 1

        footnote = OxmlElement("w:footnote", attrs={qn("w:id"): footnote_id})
        p = OxmlElement("w:p")
        pPr = OxmlElement("w:pPr")
        set_child(pPr, "w:pStyle", PPR_ORDER, w_val=TEXT_STYLE)
        p.append(pPr)
        own_mark = new_run("", style_id=REFERENCE_STYLE)
        if automatic:
            own_mark.append(OxmlElement("w:footnoteRef"))
        else:
            _append_text(own_mark, str(number))
        p.append(own_mark)
        p.append(new_run(" "))
        p.extend(content)
        footnote.append(p)
        self.part.element.append(footnote)

        reference = new_run("", style_id=REFERENCE_STYLE)
        attrs = {qn("w:id"): footnote_id}
        if not automatic:
            attrs = {qn("w:customMarkFollows"): "1", **attrs}
        reference.append(OxmlElement("w:footnoteReference", attrs=attrs))
        if not automatic:
            _append_text(reference, str(number))
        name = self._bookmarks.name_for(f"RefNote{number}", hidden=True)
        self._cited[number] = name
        return self._bookmarks.around(name, [reference])


def _append_text(run, text: str) -> None:
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
