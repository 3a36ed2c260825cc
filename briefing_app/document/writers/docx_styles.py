"""The Word styles of the memo: Times New Roman throughout, black headings, real named
styles (Heading 1, List Bullet, Quote, footnote text ...) so the memo stays editable in
Word the way staff offices expect."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import BaseStyle

from .docx_parts import PPR_ORDER, RPR_ORDER, set_child, set_fonts, strip_theme_fonts

# Style names as python-docx knows them (UI names), with the ids Word itself uses.
TITLE = "Memo Title"
HEADER_FIELD = "Memo Header Field"
TALKING_POINT = "Talking Point"
EVENT = "Event Line"
STAFF_NOTE = "Staff Note"
BOTTOM_LINE = "Bottom Line"
QUOTE = "Quote"
QUOTE_TRANSLATION = "Quote Translation"
QUOTE_ATTRIBUTION = "Quote Attribution"
TABLE = "Table Grid"
TABLE_TEXT = "Table Text"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
NOTE_LIST = "endnote text"
BANNER = "Banner"
HEADING = ("Heading 1", "Heading 2", "Heading 3")
HYPERLINK_ID = "Hyperlink"
FOOTNOTE_REFERENCE_ID = "FootnoteReference"
FOOTNOTE_TEXT_ID = "FootnoteText"
NOTE_REFERENCE_ID = "EndnoteReference"

PARAGRAPH_ROLES = {
    "body": "Normal",
    "talking-point": TALKING_POINT,
    "event": EVENT,
    "note": STAFF_NOTE,
    "bottom-line": BOTTOM_LINE,
}

BLACK = RGBColor(0, 0, 0)


# Every style the writer names; the styles part keeps these (and what they are based on)
# and drops the template's other hundred-odd, which made the part 350 KB to parse and save.
MEMO_STYLES = (
    "Normal", *HEADING, TITLE, HEADER_FIELD, TALKING_POINT, EVENT, STAFF_NOTE, BOTTOM_LINE,
    QUOTE, QUOTE_TRANSLATION, QUOTE_ATTRIBUTION, TABLE, TABLE_TEXT, LIST_BULLET, LIST_NUMBER,
    NOTE_LIST, "footnote text", "footnote reference", "endnote reference", "Hyperlink",
    "Header", "Footer", BANNER,
)  # fmt: skip


def apply_memo_styles(doc: WordDocument, *, font_size: float, language: str) -> None:
    """Restyle the template's styles, add the memo's own and drop the ones the memo does
    not use (Word still offers all its built-in styles to someone editing the memo)."""
    size = round(font_size * 2) / 2  # Word stores half points
    _build_memo_styles(doc, size, language)
    _keep_only(doc.styles, MEMO_STYLES)


def _keep_only(styles, names: tuple[str, ...]) -> None:
    """Remove every style but ``names``, the styles they are based on, link to or are
    followed by, and the defaults for each style type."""
    by_id = {style.get(qn("w:styleId")): style for style in styles.element.findall(qn("w:style"))}
    wanted = [styles[name].style_id for name in names]
    wanted += [sid for sid, style in by_id.items() if style.get(qn("w:default")) in ("1", "true")]
    keep: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = by_id[style_id].find(qn(tag))
            if ref is not None:
                wanted.append(ref.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.element.remove(style)


def _build_memo_styles(doc: WordDocument, size: float, language: str) -> None:
    styles = doc.styles
    strip_theme_fonts(styles.element)
    _set_defaults(doc, size, language)

    normal = styles["Normal"]
    _font(normal, size)
    _spacing(normal, after=size * 0.75)

    for level, name in enumerate(HEADING, start=1):
        heading = styles[name]
        _font(heading, size + (1 if level == 1 else 0), bold=True, italic=level == 3)
        heading.font.color.rgb = BLACK
        _spacing(heading, before=size * (1 if level == 1 else 0.75), after=size * 0.4)
        heading.paragraph_format.keep_with_next = True

    title = _paragraph_style(styles, TITLE)
    _font(title, size + 2, bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(title, after=size * 1.5)

    field = _paragraph_style(styles, HEADER_FIELD)
    _spacing(field, after=size * 0.5)
    field.paragraph_format.keep_with_next = True

    talking_point = _paragraph_style(styles, TALKING_POINT)
    talking_point.paragraph_format.left_indent = Twips(360)

    event = _paragraph_style(styles, EVENT)
    event.paragraph_format.left_indent = Twips(360)
    event.paragraph_format.first_line_indent = Twips(-360)
    _spacing(event, after=size * 0.4)

    staff_note = _paragraph_style(styles, STAFF_NOTE)
    _font(staff_note, size - 2, italic=True)

    bottom_line = _paragraph_style(styles, BOTTOM_LINE)
    _box(bottom_line)
    bottom_line.paragraph_format.left_indent = Twips(115)
    bottom_line.paragraph_format.right_indent = Twips(115)

    quote = styles[QUOTE]
    _font(quote, size, italic=True)
    quote.font.color.rgb = BLACK
    quote.paragraph_format.left_indent = Twips(720)
    quote.paragraph_format.right_indent = Twips(720)
    quote.paragraph_format.keep_with_next = True
    _spacing(quote, after=size * 0.4)
    translation = _paragraph_style(styles, QUOTE_TRANSLATION, base=QUOTE)
    _font(translation, size, italic=False)
    attribution = _paragraph_style(styles, QUOTE_ATTRIBUTION, base=QUOTE)
    _font(attribution, size - 1, italic=False)
    attribution.paragraph_format.keep_with_next = False
    _spacing(attribution, after=size * 0.75)

    for name in (LIST_BULLET, LIST_NUMBER):
        style = styles[name]
        _spacing(style, after=size * 0.4)
        pPr = style.element.get_or_add_pPr()
        for child in pPr.findall(qn("w:contextualSpacing")):
            pPr.remove(child)

    table_text = _paragraph_style(styles, TABLE_TEXT)
    _font(table_text, size - 1)
    _spacing(table_text, before=2, after=2)

    notes = _paragraph_style(styles, NOTE_LIST, style_id="EndnoteText")
    _font(notes, size - 1)
    notes.paragraph_format.left_indent = Twips(360)
    notes.paragraph_format.first_line_indent = Twips(-360)
    _spacing(notes, after=size * 0.3)

    footnote_text = _paragraph_style(styles, "footnote text", style_id=FOOTNOTE_TEXT_ID)
    _font(footnote_text, max(size - 2, 8))
    _spacing(footnote_text, after=2)

    for name, style_id in (
        ("footnote reference", FOOTNOTE_REFERENCE_ID),
        ("endnote reference", NOTE_REFERENCE_ID),
    ):
        reference = _character_style(styles, name, style_id)
        reference.font.superscript = True

    hyperlink = _character_style(styles, "Hyperlink", HYPERLINK_ID)
    hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    hyperlink.font.underline = True

    for name in ("Header", "Footer"):
        _font(styles[name], 10)
    banner = _paragraph_style(styles, BANNER, base="Header")
    _font(banner, max(size, 10), bold=True)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_defaults(doc: WordDocument, size: float, language: str) -> None:
    """Document defaults: the font and language every run falls back to."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rPr)
    half_points = str(round(size * 2))
    set_child(rPr, "w:sz", RPR_ORDER, w_val=half_points)
    set_child(rPr, "w:szCs", RPR_ORDER, w_val=half_points)
    if language:  # the spelling language; East Asian and bidi languages stay as they are
        lang = rPr.find(qn("w:lang"))
        if lang is None:
            lang = set_child(rPr, "w:lang", RPR_ORDER)
        lang.set(qn("w:val"), language)
    pPr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    set_child(pPr, "w:spacing", PPR_ORDER, w_after="0", w_line="240", w_lineRule="auto")


def _paragraph_style(styles, name: str, *, base: str = "Normal", style_id: str = "") -> BaseStyle:
    """The paragraph style ``name``, added when the template lacks it. A ``style_id`` marks
    one of Word's own styles (e.g. "footnote text"), which must not be flagged custom."""
    if name not in styles:
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=bool(style_id))
    style = styles[name]
    if style_id:
        style.style_id = style_id
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _character_style(styles, name: str, style_id: str) -> BaseStyle:
    """One of Word's own character styles (footnote reference, Hyperlink ...)."""
    if name not in styles:
        styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=True)
    style = styles[name]
    style.style_id = style_id
    return style


def _font(style: BaseStyle, size: float, *, bold: bool | None = None, italic=None) -> None:
    """Times New Roman at ``size`` points, complex scripts included."""
    rPr = style.element.get_or_add_rPr()
    set_fonts(rPr)
    style.font.size = Pt(size)
    set_child(rPr, "w:szCs", RPR_ORDER, w_val=str(round(size * 2)))
    if bold is not None:
        style.font.bold = bold
        set_child(rPr, "w:bCs", RPR_ORDER, w_val="1" if bold else "0")
    if italic is not None:
        style.font.italic = italic
        set_child(rPr, "w:iCs", RPR_ORDER, w_val="1" if italic else "0")


def _spacing(style: BaseStyle, *, before: float = 0, after: float = 0) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _box(style: BaseStyle) -> None:
    """A thin border on all four sides: the bottom line stands out on the page."""
    pPr = style.element.get_or_add_pPr()
    borders = set_child(pPr, "w:pBdr", PPR_ORDER)
    for side in ("top", "left", "bottom", "right"):
        set_child(
            borders,
            f"w:{side}",
            ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
            w_val="single",
            w_sz="6",
            w_space="4",
            w_color="000000",
        )
