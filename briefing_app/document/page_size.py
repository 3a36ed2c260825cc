"""The paper a memo is laid out on, in the units each writer needs.

A briefing names its paper by a word of ``core.vocab.PAGE_SIZES``; the writers ask here
for its size so that PDF, Word and the preview agree. The margins (one inch) are the same
on both papers: A4 is narrower and taller than Letter, so its text column is a little
narrower and its pages a little longer.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.core.vocab import PAGE_SIZES

POINTS_PER_INCH = 72.0
POINTS_PER_MM = POINTS_PER_INCH / 25.4


@dataclass(frozen=True)
class PaperSize:
    """One paper: its width and height in millimetres (exact for A4) and its CSS name."""

    width_mm: float
    height_mm: float
    css_name: str

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PostScript points (1/72 inch), as reportlab wants them."""
        return (self.width_mm * POINTS_PER_MM, self.height_mm * POINTS_PER_MM)


PAPERS = {
    "letter": PaperSize(width_mm=215.9, height_mm=279.4, css_name="letter"),  # 8.5 x 11 in
    "a4": PaperSize(width_mm=210.0, height_mm=297.0, css_name="A4"),
}


def paper(page_size: str) -> PaperSize:
    """The paper named ``page_size``; an unknown name is an error, never a silent Letter."""
    try:
        return PAPERS[page_size]
    except KeyError:
        raise ValueError(
            f"{page_size!r} is not a page size (use {', '.join(PAGE_SIZES)})") from None
