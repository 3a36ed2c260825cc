"""A tagged PDF read back with pikepdf, independently of the writer: its structure tree,
and what each page's content stream shows inside and outside marked content.

Text is decoded through each font's ToUnicode map, so the text of every marked-content
sequence (MCID) can be put side by side with what pdftotext reads off the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


@dataclass
class Element:
    """A structure element: its role (``/P``), dictionary, and kids in order -- elements,
    ``(page, mcid)`` pairs and annotation dictionaries."""

    role: str
    obj: pikepdf.Dictionary
    kids: list = field(default_factory=list)

    def walk(self):
        """This element and every element under it, in reading order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()

    def marked(self, skip: tuple[str, ...] = ()) -> list[tuple[int, int]]:
        """The ``(page, mcid)`` of its content in order, leaving out subtrees of roles
        in ``skip``."""
        out = []
        for kid in self.kids:
            if isinstance(kid, Element):
                if kid.role not in skip:
                    out.extend(kid.marked(skip))
            elif isinstance(kid, tuple):
                out.append(kid)
        return out

    def attribute(self, name: str):
        attributes = self.obj.get("/A")
        return None if attributes is None else attributes.get(name)


@dataclass
class Sequence:
    """One marked-content sequence on a page: its tag, MCID (None for an artifact),
    the text it shows and the form XObjects it paints."""

    tag: str
    mcid: int | None
    text: str = ""
    forms: int = 0
    depth: int = 0


@dataclass
class PageContent:
    sequences: list[Sequence]
    unmarked_text: int  # text-showing operators outside any marked content
    unmarked_forms: int  # form XObjects painted outside any marked content
    artifact_in_content: int  # an Artifact inside an MCID sequence, or the reverse


class TaggedPdf:
    def __init__(self, path: Path | str):
        self.pdf = pikepdf.open(path)
        self._pages = {page.objgen: number for number, page in
                       enumerate(self.pdf.pages, start=1)}  # fmt: skip
        self._content: dict[int, PageContent] = {}

    def close(self) -> None:
        self.pdf.close()

    # ---------------------------------------------------------------- the tree

    def tree(self) -> Element:
        """The ``Document`` element (the one kid of the structure tree root)."""
        kids = self.pdf.Root.StructTreeRoot.K
        root = kids[0] if isinstance(kids, pikepdf.Array) else kids
        return self._element(root, None)

    def _element(self, obj: pikepdf.Dictionary, page: int | None) -> Element:
        if "/Pg" in obj:
            page = self._pages[obj.Pg.objgen]
        element = Element(str(obj.S), obj)
        kids = obj.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]):
            if isinstance(kid, int):
                element.kids.append((page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                element.kids.append((self._pages[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                element.kids.append(kid.Obj)
            else:
                element.kids.append(self._element(kid, page))
        return element

    def page_of(self, page_object) -> int:
        return self._pages[page_object.objgen]

    # ---------------------------------------------------------------- content

    def content(self, page: int) -> PageContent:
        if page not in self._content:
            self._content[page] = self._read(self.pdf.pages[page - 1])
        return self._content[page]

    def text_of(self, page: int, mcid: int) -> str:
        return "".join(s.text for s in self.content(page).sequences if s.mcid == mcid)

    def text(self, marked: list[tuple[int, int]]) -> str:
        return "".join(self.text_of(page, mcid) for page, mcid in marked)

    def artifact_text(self, page: int) -> str:
        return " ".join(s.text for s in self.content(page).sequences if s.tag == "/Artifact")

    def _read(self, page) -> PageContent:
        fonts = {name: _to_unicode(font) for name, font in page.Resources.Font.items()}
        stack: list[Sequence] = []
        sequences: list[Sequence] = []
        unmarked_text = unmarked_forms = mixed = 0
        font: dict[int, str] = {}
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            operands = instruction.operands
            if operator in ("BDC", "BMC"):
                properties = operands[1] if operator == "BDC" else None
                mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) \
                    else None  # fmt: skip
                sequence = Sequence(str(operands[0]), None if mcid is None else int(mcid),
                                    depth=len(stack))  # fmt: skip
                kinds = {s.tag == "/Artifact" for s in stack} | {sequence.tag == "/Artifact"}
                if stack and len(kinds) > 1:
                    mixed += 1
                stack.append(sequence)
                sequences.append(sequence)
            elif operator == "EMC":
                stack.pop()
            elif operator == "Tf":
                font = fonts[str(operands[0])]
            elif operator in TEXT_OPERATORS:
                if not stack:
                    unmarked_text += 1
                    continue
                strings = operands[0] if operator == "TJ" else [operands[-1]]
                stack[-1].text += "".join(
                    "".join(font.get(byte, "") for byte in bytes(s))
                    for s in strings if isinstance(s, pikepdf.String)
                )
            elif operator == "Do":
                if stack:
                    stack[-1].forms += 1
                else:
                    unmarked_forms += 1
        return PageContent(sequences, unmarked_text, unmarked_forms, mixed)


def _to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """Byte -> text, from the font's ToUnicode CMap (single-byte codes, as reportlab's
    subsets use: ``bfchar`` pairs and ``bfrange`` runs)."""
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = _utf16(text)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                table[code] = chr(int(start, 16) + offset)
    return table


def _utf16(hex_text: str) -> str:
    text = bytes.fromhex(hex_text).decode("utf-16-be")
    return "" if text == "\0" else text
