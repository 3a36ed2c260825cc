"""The embedded fonts of the PDF memo.

reportlab's built-in Helvetica/Times cover Latin-1 only and are not embedded, so the memo
uses the bundled Liberation Serif (metric-compatible with Times New Roman, like the DOCX).
Fonts are registered once per process; ``<b>``/``<i>`` in Paragraph markup pick the right
face through the registered family.
"""

from __future__ import annotations

import threading
import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing_app.core.paths import resource_path

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FACES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


class FontMissingError(RuntimeError):
    """A bundled font file is missing: the installation is broken."""


def register_fonts() -> str:
    """Register the Liberation Serif family with reportlab (once) and return its name."""
    global _registered
    if _registered:
        return SERIF
    with _lock:
        if not _registered:
            for name, filename in _FACES.items():
                path = resource_path("fonts", filename)
                if not path.is_file():
                    raise FontMissingError(f"bundled font not found: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(
                SERIF,
                normal=SERIF,
                bold=SERIF_BOLD,
                italic=SERIF_ITALIC,
                boldItalic=SERIF_BOLD_ITALIC,
            )
            _registered = True
    return SERIF


MISSING_GLYPH = "\u25a1"  # WHITE SQUARE: a visible stand-in for what the font cannot draw


def has_glyph(char: str) -> bool:
    """Whether Liberation Serif draws ``char`` (emoji and Arabic, for example, it does not)."""
    return ord(char) in _coverage()


def printable(text: str) -> str:
    """``text`` with each character Liberation Serif cannot draw shown as a white square.

    Without this reportlab draws such characters as invisible blanks and they vanish from
    the PDF's text too; a square tells the reader something is missing. Invisible
    joiners and modifiers without a glyph (ZWJ, variation selectors, skin tones) are
    dropped rather than boxed, so an emoji becomes one square.
    """
    if text.isascii():
        return text
    covered = _coverage()
    out = []
    for char in text:
        if ord(char) in covered or char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) not in _INVISIBLE:
            out.append(MISSING_GLYPH)
    return "".join(out)


_INVISIBLE = {"Cf", "Mn", "Me", "Sk", "Cc"}
_covered: frozenset[int] | None = None


def _coverage() -> frozenset[int]:
    global _covered
    if _covered is None:
        register_fonts()
        _covered = frozenset(pdfmetrics.getFont(SERIF).face.charToGlyph)
    return _covered
