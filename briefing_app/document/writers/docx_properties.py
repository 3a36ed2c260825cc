"""The Word file's extended properties (``docProps/app.xml``): which application wrote
it, and the memo's word, character and paragraph counts.

python-docx copies the part from its template, where it says "Microsoft Macintosh Word",
one page and no words; file browsers and document managers show that. The counts are
taken from the memo tree (body text, notes left out, as Word counts), so they need no
layout; the page and line counts, which do, are left out for Word to fill in.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from briefing_app import __version__
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    ListItem,
    MemoHeader,
    Note,
    NoteList,
    PageBreak,
    Paragraph,
    Table,
    plain_text,
)
from briefing_app.document.visitor import NodeVisitor

APPLICATION = "Briefing Builder"
_NAMESPACES = (
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'
)


def app_version(version: str = __version__) -> str:
    """``AppVersion`` in the ``XX.YYYY`` form Office writes: ``0.1.0`` -> ``00.0100``."""
    parts = [int(part) if part.isdigit() else 0 for part in version.split(".")[:3]]
    major, minor, patch = parts + [0] * (3 - len(parts))
    return f"{major % 100:02d}.{minor % 100:02d}{patch % 100:02d}"


def set_extended_properties(package, document: Document) -> None:
    """Put this application's ``docProps/app.xml`` for ``document`` in the package."""
    counts = TextCounts()
    counts.visit(document)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<Properties {_NAMESPACES}>"
        f"<Application>{escape(APPLICATION)}</Application>"
        f"<AppVersion>{app_version()}</AppVersion>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Words>{counts.words}</Words><Characters>{counts.characters}</Characters>"
        f"<CharactersWithSpaces>{counts.characters_with_spaces}</CharactersWithSpaces>"
        f"<Paragraphs>{counts.paragraphs}</Paragraphs>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    )
    rels = package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del rels[rel_id]
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
                xml.encode("utf-8"), package)  # fmt: skip
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


class TextCounts(NodeVisitor):
    """Words, characters (with and without spaces) and paragraphs of the memo's body as
    the writer puts it on the page (portion marks, the attribution's dash), counted as
    Word counts them: a word is a run of characters between spaces."""

    writer_name = "DOCX statistics"

    def __init__(self):
        self.words = self.characters = self.characters_with_spaces = self.paragraphs = 0

    def count(self, text: str) -> None:
        """One paragraph of ``text``."""
        words = text.split()
        self.words += len(words)
        self.characters += sum(len(word) for word in words)
        self.characters_with_spaces += len(text.strip())
        self.paragraphs += 1

    def visit_document(self, document: Document) -> None:
        for block in document.blocks:
            self.visit(block)

    def visit_heading(self, node: Heading) -> None:
        self.count(_marked(node.mark, node.text))

    def visit_paragraph(self, node: Paragraph) -> None:
        self.count(_marked(node.mark, plain_text(node.content)))

    def visit_bullet_list(self, node: BulletList) -> None:
        for item in node.items:
            self.visit(item)

    def visit_list_item(self, node: ListItem) -> None:
        self.count(_marked(node.mark, plain_text(node.content)))

    def visit_block_quote(self, node: BlockQuote) -> None:
        self.count(_marked(node.mark, plain_text(node.original)))
        if node.translation:
            self.count(plain_text(node.translation))
        if node.attribution:
            self.count("\u2014 " + plain_text(node.attribution))

    def visit_table(self, node: Table) -> None:
        columns = max([len(node.header), *(len(row) for row in node.rows)])
        if not columns:
            return
        header = [*node.header, *[""] * (columns - len(node.header))]
        header[0] = _marked(node.mark, header[0])
        for cell in header:
            self.count(cell)
        for row in node.rows:
            for index in range(columns):
                self.count(plain_text(row[index]) if index < len(row) else "")

    def visit_memo_header(self, node: MemoHeader) -> None:
        self.count(node.title)
        for label, value in node.fields:
            self.count(f"{label} {plain_text(value)}")

    def visit_note_list(self, node: NoteList) -> None:
        for note in node.notes:
            self.visit(note)

    def visit_note(self, node: Note) -> None:
        self.count(f"{node.number}. {plain_text(node.content)}")

    def visit_page_break(self, node: PageBreak) -> None:
        pass  # no text


def _marked(mark: str, text: str) -> str:
    mark = " ".join(mark.split())
    return f"({mark}) {text}" if mark else text
