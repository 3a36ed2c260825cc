"""Text to the bytes of an embedded TrueType subset, without a Python loop per character.

reportlab embeds a TrueType font as subsets of up to 256 glyphs and gives each character
a code in one of them the first time it is drawn (``TTFont.splitString``). It does that in
a Python loop over every character of every string drawn, which was the largest single
cost of writing a memo PDF: about a third of it (``bench/bench_render.py``).

A memo draws the same few dozen characters again and again, so a :class:`SubsetEncoder`
remembers, for one font in one document, the code of every character already given one
in the first subset, and turns a string made only of those with one ``str.translate``.
Anything else -- a character never drawn before, one that landed in a later subset -- goes
to reportlab, which assigns it exactly as it always would; the answer is the same either
way (``tests/test_pdf_encoding.py`` checks it against reportlab).
"""

from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont

_ENCODERS = "_briefing_encoders"  # attribute on the canvas: font name -> SubsetEncoder


class _NotInFirstSubset(Exception):
    """Raised from inside ``str.translate`` (any other exception than LookupError stops
    it) for a character the table does not know."""


class _FirstSubsetTable(dict):
    """Character code -> one-character string of its byte in subset 0."""

    def __missing__(self, code: int):
        raise _NotInFirstSubset


class SubsetEncoder:
    """Encodes text in one TrueType font for one document, as ``splitString`` does."""

    def __init__(self, font: TTFont, doc):
        self.font = font
        self.doc = doc
        self._table = _FirstSubsetTable()
        self._selects: dict[tuple, str] = {}  # (subset, size, leading) -> "/F1+0 12 Tf 14 TL"

    def split(self, text: str) -> list[tuple[int, bytes]]:
        """What ``font.splitString(text, doc)`` returns: ``(subset, bytes)`` chunks."""
        try:
            return [(0, text.translate(self._table).encode("latin-1"))] if text else []
        except _NotInFirstSubset:
            pass
        chunks = self.font.splitString(text, self.doc)
        self._learn(text)
        return chunks

    def _learn(self, text: str) -> None:
        """Remember the codes reportlab has now given the characters of ``text``."""
        assignments = self.font.state[self.doc].assignments
        for char in set(text):
            code = ord(char)
            n = assignments.get(32 if code == 0xA0 else code)  # reportlab draws nbsp as space
            if n is not None and n < 256:
                self._table[code] = chr(n)

    def select(self, subset: int, size: float, leading: float) -> str:
        """The operators choosing ``subset`` of the font at ``size`` with ``leading``."""
        key = (subset, size, leading)
        op = self._selects.get(key)
        if op is None:
            name = self.font.getSubsetInternalName(subset, self.doc)
            op = self._selects[key] = f"{name} {fp_str(size)} Tf {fp_str(leading)} TL"
        return op


def encoder_for(canv, font_name: str) -> SubsetEncoder | None:
    """The encoder of ``font_name`` on this canvas; None for a font that is not TrueType."""
    encoders = getattr(canv, _ENCODERS, None)
    if encoders is None:
        encoders = {}
        setattr(canv, _ENCODERS, encoders)
    if font_name not in encoders:
        font = getFont(font_name)
        encoders[font_name] = SubsetEncoder(font, canv._doc) if isinstance(font, TTFont) else None
    return encoders[font_name]


def show_text(text_object, text: str, encoder: SubsetEncoder | None) -> None:
    """Write ``text`` at the current point of a reportlab text object in its current font
    (whose encoder is given), as its ``_textOut`` would: the same operators."""
    if encoder is None:
        text_object._textOut(text)
        return
    code = []
    for subset, chunk in encoder.split(text):
        if subset != text_object._curSubset:
            code.append(encoder.select(subset, text_object._fontsize, text_object._leading))
            text_object._curSubset = subset
        code.append(f"({escapePDF(chunk)}) Tj")
    text_object._code.append(" ".join(code))
