"""Paragraph styles of the PDF memo, all derived from the body font size.

Sizes and spacing follow a plain staff memo: Times-metric serif, single spacing, a blank
half-line between paragraphs, bold headings, 10 pt notes and furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from briefing_app.document.writers.pdf_fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_fonts,
)


@dataclass(frozen=True)
class MemoStyles:
    size: float
    title: ParagraphStyle
    header_label: ParagraphStyle
    header_value: ParagraphStyle
    heading: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    body: ParagraphStyle
    talking_point: ParagraphStyle
    event: ParagraphStyle
    remark: ParagraphStyle
    bottom_line: ParagraphStyle
    list_item: ParagraphStyle
    quote: ParagraphStyle
    translation: ParagraphStyle
    attribution: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    note: ParagraphStyle
    footnote: ParagraphStyle

    def for_heading(self, level: int) -> ParagraphStyle:
        return self.heading[min(max(level, 1), 3) - 1]

    def for_role(self, role: str) -> ParagraphStyle:
        return {
            "talking-point": self.talking_point,
            "event": self.event,
            "note": self.remark,
            "bottom-line": self.bottom_line,
        }.get(role, self.body)


def memo_styles(font_size: float) -> MemoStyles:
    register_fonts()
    size = float(font_size) if font_size and 6 <= float(font_size) <= 36 else 12.0
    small = max(size - 2, 7.0)
    lead = round(size * 1.2, 2)
    gap = round(size * 0.6, 2)

    def style(name: str, **overrides) -> ParagraphStyle:
        base = {
            "fontName": SERIF,
            "fontSize": size,
            "leading": lead,
            "spaceAfter": gap,
            "alignment": TA_LEFT,
            "bulletFontName": SERIF,
            "splitLongWords": 1,
            "uriWasteReduce": 0.3,
        }
        base.update(overrides)
        return ParagraphStyle(name, **base)

    body = style("MemoBody")
    hanging = 0.3 * inch
    return MemoStyles(
        size=size,
        title=style(
            "MemoTitle",
            fontName=SERIF_BOLD,
            fontSize=size + 2,
            leading=round((size + 2) * 1.2, 2),
            alignment=TA_CENTER,
            spaceAfter=size,
        ),
        header_label=style("MemoHeaderLabel", fontName=SERIF_BOLD, spaceAfter=0),
        header_value=style("MemoHeaderValue", spaceAfter=0),
        heading=(
            style(
                "MemoHeading1",
                fontName=SERIF_BOLD,
                spaceBefore=round(size * 0.9, 2),
                spaceAfter=round(size * 0.4, 2),
                keepWithNext=1,
            ),
            style(
                "MemoHeading2",
                fontName=SERIF_BOLD,
                spaceBefore=round(size * 0.6, 2),
                spaceAfter=round(size * 0.3, 2),
                keepWithNext=1,
            ),
            style(
                "MemoHeading3",
                fontName=SERIF_BOLD_ITALIC,
                spaceBefore=round(size * 0.5, 2),
                spaceAfter=round(size * 0.25, 2),
                keepWithNext=1,
            ),
        ),
        body=body,
        talking_point=style("MemoTalkingPoint", leftIndent=0.25 * inch),
        event=style(
            "MemoEvent",
            leftIndent=hanging,
            firstLineIndent=-hanging,
            spaceAfter=round(size * 0.35, 2),
        ),
        remark=style(
            "MemoRemark",
            fontName=SERIF_ITALIC,
            fontSize=small,
            leading=round(small * 1.2, 2),
        ),
        bottom_line=style(
            "MemoBottomLine",
            borderWidth=0.75,
            borderColor=colors.black,
            borderPadding=(5, 6, 6, 6),
            spaceBefore=round(size * 0.5 + 5, 2),
            spaceAfter=size,
            leftIndent=6,
            rightIndent=6,
        ),
        list_item=style("MemoListItem", spaceAfter=round(size * 0.3, 2)),
        quote=style(
            "MemoQuote",
            fontName=SERIF_ITALIC,
            leftIndent=0.5 * inch,
            rightIndent=0.5 * inch,
            spaceAfter=round(size * 0.25, 2),
        ),
        translation=style(
            "MemoQuoteTranslation",
            leftIndent=0.5 * inch,
            rightIndent=0.5 * inch,
            spaceAfter=round(size * 0.25, 2),
        ),
        attribution=style(
            "MemoQuoteAttribution",
            fontSize=max(size - 1, 7.0),
            leading=round(max(size - 1, 7.0) * 1.2, 2),
            leftIndent=1.0 * inch,
            rightIndent=0.5 * inch,
            alignment=TA_RIGHT,
        ),
        cell=style(
            "MemoCell",
            fontSize=max(size - 1, 7.0),
            leading=round(max(size - 1, 7.0) * 1.2, 2),
            spaceAfter=0,
        ),
        header_cell=style(
            "MemoHeaderCell",
            fontName=SERIF_BOLD,
            fontSize=max(size - 1, 7.0),
            leading=round(max(size - 1, 7.0) * 1.2, 2),
            spaceAfter=0,
        ),
        note=style(
            "MemoNote",
            fontSize=max(size - 1, 7.0),
            leading=round(max(size - 1, 7.0) * 1.2, 2),
            leftIndent=hanging,
            bulletIndent=0,
            bulletFontSize=max(size - 1, 7.0),
            spaceAfter=round(size * 0.25, 2),
        ),
        footnote=style(
            "MemoFootnote",
            fontSize=small,
            leading=round(small * 1.15, 2),
            leftIndent=0.25 * inch,
            bulletIndent=0,
            bulletFontSize=small,
            spaceAfter=0,
        ),
    )
