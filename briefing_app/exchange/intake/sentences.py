"""An article cut into paragraphs, sentences and words, each with its place in the text.

Every proposal points back to the characters it came from, so nothing here changes the
text: paragraphs, sentences and words are spans of it. Headings (a title, a byline, a
dateline on its own line) are marked so they do not turn into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import NOT_NAME_WORDS, key, word_set
from .marks import Passage, passages

ABBREVIATIONS = word_set("""
    mr mrs ms dr sr sra srta prof gen lt col sgt capt adm gov sen rep st jr sres dña no
    nos vol pp fig inc corp ltd co dept univ approx est etc vs jan feb mar apr jun jul
    aug sep sept oct nov dec ene abr ago dic a.m p.m u.s u.k u.n e.u eeuu ee.uu d.c
""")

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|EE\.\s?UU\.|\w+(?:[’'\-.]\w+)*", re.UNICODE)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«¿¡(—]?[^\W\d_])|[.!?…]+[\"”’'»)\]]*$")
_TERMINAL = re.compile(r"[.!?…:;][\"”’'»)\]]*$")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return key(self.text)

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    heading: bool
    tokens: list[Token] = field(default_factory=list)
    quotes: list[Passage] = field(default_factory=list)

    def text_of(self, article: str) -> str:
        return " ".join(article[self.start : self.end].split())


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    heading: bool


def paragraphs(text: str) -> list[Paragraph]:
    """Blocks between blank lines; within a block, lines that fill the width are one
    wrapped paragraph, while shorter lines (a title, then a subtitle) stand alone."""
    found: list[Paragraph] = []
    for block in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        lines = [m for m in re.finditer(r"[^\n]+", block.group())]
        offset = block.start()
        if _is_wrapped([line.group() for line in lines]):
            spans = [(offset + lines[0].start(), offset + lines[-1].end())]
        else:
            spans = [(offset + line.start(), offset + line.end()) for line in lines]
        for start, end in spans:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                found.append(Paragraph(len(found), start, end, _is_heading(text[start:end])))
    return found


def _is_wrapped(lines: list[str]) -> bool:
    """Lines hard-wrapped at a column (e-mail, PDF): all but the last are long-ish and none
    longer than a terminal line."""
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    body = lines[:-1]
    return longest <= 100 and all(len(line) >= longest * 0.6 for line in body) and not all(
        _TERMINAL.search(line.rstrip()) for line in body
    )


def _is_heading(text: str) -> bool:
    """A title, subtitle, byline or section head: no sentence ending, or very short."""
    words = len(text.split())
    quoted = text[:1] in "\"“‘'«—"
    return _TERMINAL.search(text) is None or (words <= 3 and not quoted)


def sentences(text: str) -> list[Sentence]:
    """The article's sentences in order; a quotation never has a sentence end in it."""
    found: list[Sentence] = []
    for paragraph in paragraphs(text):
        quoted = passages(text, paragraph.start, paragraph.end)
        start = paragraph.start
        for end in _ends(text, paragraph, quoted):
            found.append(_sentence(text, len(found), start, end, paragraph, quoted))
            start = end
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            found.append(_sentence(text, len(found), start, paragraph.end, paragraph, quoted))
    return found


def _sentence(text: str, index: int, start: int, end: int, paragraph: Paragraph,
              quoted: list[Passage]) -> Sentence:
    return Sentence(
        index=index, start=start, end=end, paragraph=paragraph.index,
        heading=paragraph.heading,
        tokens=[Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)],
        quotes=[q for q in quoted if q.start >= start and q.start < end],
    )


def _ends(text: str, paragraph: Paragraph, quoted: list[Passage]) -> list[int]:
    ends = []
    segment = text[paragraph.start : paragraph.end]
    for match in _BOUNDARY.finditer(segment):
        end = paragraph.start + match.end()
        if end >= paragraph.end:
            break
        if any(q.inner_start < end <= q.inner_end and q.closed and q.length < 1500
               for q in quoted):
            continue
        if _after_abbreviation(segment, match.start(), segment[match.end():]):
            continue
        ends.append(end)
    return ends


def _after_abbreviation(segment: str, dot: int, rest: str) -> bool:
    """``Mr. Petro``, ``Donald J. Trump``, ``Feb. 3``: a period that ends no sentence."""
    if segment[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", segment[:dot])
    if word is None:
        return False
    before = key(word.group(1)).rstrip(".")
    following = re.match(r"\s*[\"“‘«¿¡(]?(\w+)", rest)
    next_word = key(following.group(1)) if following else ""
    if len(before) == 1 and before.isalpha() and segment[dot - 1].isupper():
        return True  # an initial
    if before in ABBREVIATIONS:
        # "the U.S. The next day..." still ends a sentence before a sentence-opening word.
        return not (before in ("u.s", "u.k", "u.n", "ee.uu", "eeuu", "d.c", "etc")
                    and next_word in NOT_NAME_WORDS)
    return False
