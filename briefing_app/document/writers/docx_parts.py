"""OOXML python-docx has no API for, as elements: schema-ordered children, bookmark
names, hyperlink targets, list numbering (runs and paragraphs are text: :mod:`.docx_xml`;
footnotes are in :mod:`.docx_notes`).

Word rejects a file whose elements are out of schema order (LibreOffice forgives it), so
every child element is inserted through :func:`set_child` with the schema sequence.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement

from . import docx_xml

FONT = "Times New Roman"

# Schema order (ECMA-376 CT_RPr / CT_PPr / CT_TcPr / CT_TblPr / CT_Settings, the parts used).
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
)  # fmt: skip


def set_child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...], **attrs: str):
    """Put a fresh ``tag`` child with ``attrs`` (``w_val="1"`` -> ``w:val``) into
    ``parent`` at its schema position, replacing one that is already there."""
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    element = OxmlElement(tag, attrs={qn(k.replace("_", ":", 1)): v for k, v in attrs.items()})
    insert_in_order(parent, element, order[order.index(tag) + 1 :])
    return element


def insert_in_order(parent, element, successors: tuple[str, ...]) -> None:
    """Insert ``element`` before the first child named in ``successors``, else append."""
    names = {qn(tag) for tag in successors}
    for child in parent:
        if child.tag in names:
            child.addprevious(element)
            return
    parent.append(element)


def set_fonts(rPr: BaseOxmlElement, font: str = FONT) -> None:
    """One font for every script, with no theme font that would override it."""
    set_child(rPr, "w:rFonts", RPR_ORDER, w_ascii=font, w_hAnsi=font, w_cs=font, w_eastAsia=font)


def strip_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove theme font references: in Word a theme font wins over an explicit one."""
    for fonts in root.iter(qn("w:rFonts")):
        for name in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(name), None)


# ---------------------------------------------------------------- hyperlinks and bookmarks


def safe_uri(url: str) -> str:
    """Percent-encode what a URI may not hold (spaces, quotes, non-ASCII): Word calls a
    file corrupt when a relationship target is not a valid URI."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%-._~")


class Bookmarks:
    """Bookmark names and ids, unique across the document (Word requires both)."""

    def __init__(self):
        self._names: set[str] = set()
        self._next_id = 1

    def name_for(self, anchor: str, *, hidden: bool = False) -> str:
        """A valid, unused name from ``anchor``: letters, digits and ``_``, at most 40
        characters. Hidden names start with ``_`` like Word's own ``_Ref`` bookmarks, which
        Word keeps out of its bookmark list."""
        base = re.sub(r"[^0-9A-Za-z_]", "_", anchor).strip("_")[:34] or "section"
        if hidden:
            base = "_" + base
        elif not base[0].isalpha():
            base = "h" + base
        name, n = base, 2
        while name.lower() in self._names:
            name = f"{base}_{n}"
            n += 1
        self._names.add(name.lower())
        return name

    def around(self, name: str, content: str) -> str:
        """``content`` (runs, as XML) enclosed in the bookmark ``name``."""
        bookmark_id = self._next_id
        self._next_id += 1
        return docx_xml.bookmark(bookmark_id, name, content)


# ---------------------------------------------------------------- numbering

_LEVEL = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
    '<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
    '<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:hint="default"/></w:rPr>'
    "</w:lvl>"
)


class ListNumbering:
    """Bullet and decimal list definitions in the numbering part. Every numbered list gets
    its own ``w:num`` with a start override, so each one restarts at 1."""

    LEFT, HANGING = 720, 360  # twips: mark at 0.25 in, text at 0.5 in

    def __init__(self, numbering: BaseOxmlElement):
        self._numbering = numbering
        self._bullet_abstract = self._add_abstract("bullet", "\u2022")
        self._decimal_abstract = self._add_abstract("decimal", "%1.")
        self.bullet_num = int(numbering.add_num(self._bullet_abstract).numId)
        self.decimal_num = int(numbering.add_num(self._decimal_abstract).numId)

    def _add_abstract(self, fmt: str, text: str) -> int:
        ids = [int(v) for v in self._numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        new_id = max(ids, default=-1) + 1
        level = _LEVEL.format(fmt=fmt, text=text, left=self.LEFT, hanging=self.HANGING, font=FONT)
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{new_id}">'
            f'<w:multiLevelType w:val="singleLevel"/>{level}</w:abstractNum>'
        )
        nums = self._numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(abstract)
        else:
            self._numbering.append(abstract)
        return new_id

    def new_ordered_list(self) -> int:
        """A fresh numbering instance that starts at 1."""
        num = self._numbering.add_num(self._decimal_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)
