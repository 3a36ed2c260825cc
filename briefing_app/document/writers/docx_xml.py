"""WordprocessingML written as text: runs, fields, bookmarks, hyperlinks, paragraphs.

The memo body is built as one XML string and parsed once (see :mod:`.docx_writer`): making
each run and paragraph through python-docx's element API cost three times what a plain
python-docx script takes for the same text (``bench/bench_render.py``). The strings here
put properties in the schema order Word requires (ECMA-376 CT_RPr / CT_PPr), which
LibreOffice forgives and Word does not.

Text must already be cleaned of XML-invalid characters (:func:`~briefing_app.document.text.clean`);
:func:`esc` escapes what XML gives a meaning to.
"""

from __future__ import annotations

import unicodedata

from docx.oxml.ns import nsdecls
from docx.oxml.parser import element_class_lookup
from lxml import etree

NAMESPACES = nsdecls("w", "r")

# python-docx's own parser, with lxml's limits lifted: by default lxml refuses a text node
# over 10 MB ("Text node too long"), and a memo may quote a text that long. The input is
# our own XML text (every user string escaped by esc), so the limits guard nothing here.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)


def parse_xml(xml: str | bytes):
    """The python-docx element for ``xml`` (as ``docx.oxml.parse_xml``), of any size."""
    return etree.fromstring(xml, _PARSER)


def esc(text: str) -> str:
    """``text`` as XML character data or attribute value."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def is_rtl(text: str) -> bool:
    """True when right-to-left letters outnumber left-to-right ones."""
    if text.isascii():
        return False
    rtl = ltr = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            rtl += 1
        elif direction == "L":
            ltr += 1
    return rtl > ltr


def run_properties(
    *,
    bold: bool = False,
    italic: bool = False,
    style_id: str = "",
    superscript: bool = False,
    size_pt: float | None = None,
    lang: str = "",
    rtl: bool = False,
) -> str:
    """A ``w:rPr`` (empty string when there is nothing to say), in schema order."""
    props = []
    if style_id:
        props.append(f'<w:rStyle w:val="{esc(style_id)}"/>')
    if bold:
        props.append("<w:b/><w:bCs/>")
    if italic:
        props.append("<w:i/><w:iCs/>")
    if size_pt is not None:
        half_points = round(size_pt * 2)
        props.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if superscript:
        props.append('<w:vertAlign w:val="superscript"/>')
    if rtl:
        props.append("<w:rtl/>")
    if lang:
        bidi = f' w:bidi="{esc(lang)}"' if rtl else ""
        props.append(f'<w:lang w:val="{esc(lang)}"{bidi}/>')
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


def run_content(text: str) -> str:
    """``w:t`` pieces for ``text``; a newline becomes ``w:br`` and a tab ``w:tab``."""
    if "\n" not in text and "\t" not in text:
        return _text(text)
    pieces = []
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            pieces.append("<w:br/>")
        for tab_number, chunk in enumerate(line.split("\t")):
            if tab_number:
                pieces.append("<w:tab/>")
            pieces.append(_text(chunk))
    return "".join(pieces)


def _text(text: str) -> str:
    if not text:
        return ""
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f"<w:t{space}>{esc(text)}</w:t>"


def run(text: str, *, extra: str = "", **formatting) -> str:
    """A ``w:r`` holding ``text`` and then ``extra`` (raw run content such as a
    ``w:fldChar``); ``formatting`` as for :func:`run_properties`, right-to-left text
    marked so."""
    props = run_properties(rtl=is_rtl(text), **formatting)
    return f"<w:r>{props}{run_content(text)}{extra}</w:r>"


def field(instruction: str, cached: str, **run_format) -> str:
    """The runs of a complex field such as ``PAGE``; ``cached`` shows until Word or
    LibreOffice recomputes it."""

    def char(kind: str) -> str:
        return run("", extra=f'<w:fldChar w:fldCharType="{kind}"/>', **run_format)

    instr = f'<w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText>'
    return "".join((
        char("begin"), run("", extra=instr, **run_format), char("separate"),
        run(cached, **run_format), char("end"),
    ))  # fmt: skip


def hyperlink(rel_id: str, runs: str) -> str:
    return f'<w:hyperlink r:id="{esc(rel_id)}" w:history="1">{runs}</w:hyperlink>'


def bookmark(bookmark_id: int, name: str, content: str) -> str:
    return (
        f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{esc(name)}"/>{content}'
        f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def paragraph(
    style_id: str,
    content: str,
    *,
    keep_next: bool | None = None,
    page_break_before: bool = False,
    num_id: int | None = None,
    bottom_rule: bool = False,
    tab_stop: int | None = None,
    space_before: int | None = None,
    space_after: int | None = None,
    hanging_indent: int | None = None,
    center: bool = False,
    mark_size: int | None = None,
) -> str:
    """A ``w:p``; lengths in twips. ``hanging_indent`` indents the text and pulls the
    first line back to the margin (label then tab then value); ``mark_size`` (half
    points) sizes the paragraph mark of an empty spacer paragraph."""
    props = [f'<w:pStyle w:val="{esc(style_id)}"/>'] if style_id else []
    if keep_next is not None:
        props.append("<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>')
    if page_break_before:
        props.append("<w:pageBreakBefore/>")
    if num_id is not None:
        props.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if bottom_rule:
        props.append(
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="000000"/></w:pBdr>'
        )
    if tab_stop is not None:
        props.append(f'<w:tabs><w:tab w:val="left" w:pos="{tab_stop}"/></w:tabs>')
    if space_before is not None or space_after is not None:
        before = f' w:before="{space_before}"' if space_before is not None else ""
        after = f' w:after="{space_after}"' if space_after is not None else ""
        props.append(f"<w:spacing{before}{after}/>")
    if hanging_indent is not None:
        props.append(f'<w:ind w:left="{hanging_indent}" w:hanging="{hanging_indent}"/>')
    if center:
        props.append('<w:jc w:val="center"/>')
    if mark_size is not None:
        props.append(f'<w:rPr><w:sz w:val="{mark_size}"/><w:szCs w:val="{mark_size}"/></w:rPr>')
    pPr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{pPr}{content}</w:p>"


def page_break() -> str:
    """An empty paragraph holding a page break character."""
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
