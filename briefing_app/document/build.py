"""Briefing -> document tree: the one place that decides what the memo says.

Writers only draw the tree (``document/model.py``); every editorial rule lives here:

* **Included items** are the items cited by blocks of ordinary sections. Blocks stored
  inside an automatic section are ignored (its content is generated), and a block whose
  item no longer exists is skipped silently: preflight reports it as ``missing-item``, so a
  deleted fact never prints as an error line in a memo that may leave the building.
* **Banner**: the highest of the briefing's own marking and the markings of the included
  items. With portion marking on, unmarked portions count as the scheme's lowest marking,
  so the memo always has a banner; with it off and nothing marked, there is none.
  An unknown marking code raises :class:`~briefing_app.core.markings.UnknownMarkingError`:
  guessing a banner is never safe (preflight reports the code first).
* **Portion marks** (``briefing.portion_marking``): an item's block carries the item's
  marking, or the scheme's lowest when it has none. Text the staffer wrote (free-text
  blocks, headings, the subject line, the participants table) has no marking of its own
  and carries the briefing's overall marking, or the lowest when that is empty: the
  staffer declared that level for the memo, and it never under-marks their own words
  relative to their own choice. The timeline table carries the highest mark of its rows;
  a source in the Sources list the highest mark of the items citing it.
* **Blocks**: a fact is a paragraph (blank lines in its text start new paragraphs); an
  event is a paragraph of role ``event`` with its date in bold; a quote is always a
  block quote. A fact or event block whose ``style`` is ``bullet`` or ``talking-point``
  becomes a list item, like free text of those styles; consecutive items of the same
  style share one list (talking points numbered, role ``talking-point``). ``override``
  replaces the item's words in this memo only; for a quote it replaces the quoted words
  and the stored translation is dropped, since it would no longer match. ``note`` is the
  staffer's private remark and never printed. Line breaks inside a paragraph fold to
  spaces, so no inline text holds a newline.
* **Quotes**: the translation shows when the quote's language differs from the memo's;
  attribution is "Speaker, Role, via Outlet, date".
* **Citations**: an item whose source exists gets a note mark after its text (after the
  quoted words for a quote); a source keeps one number, given in order of first citation
  in the memo (timeline rows cite too). Note text: outlet, *title*, date, URL (a link only
  when :func:`~briefing_app.document.text.is_safe_link`).
* **Automatic sections** are omitted when they would be empty. Timeline: the included
  items that are events or carry a date, chronological (month before its days; undated
  events last), a table Date | Event whose event cell is the item's title, else its
  (overridden) text. Participants: a table Name | Role | Organization, leaving out a
  column nobody has a value for. Sources: with endnotes, the note list; with footnotes
  (the notes are already at the page foot), the distinct sources cited, alphabetically,
  as a list. Only the first Sources section gets content. With endnotes and no Sources
  section, a "Notes" section is added at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.core import dates
from briefing_app.core.language_tags import primary_language
from briefing_app.core.markings import MarkingScheme, load_scheme
from briefing_app.core.model import Block, Briefing, Item, Section, Source
from briefing_app.core.templates import Template, load_template, slugify
from briefing_app.document.cited import MemoCatalog, read_cited
from briefing_app.document.memo_words import HEADER_LABELS, TEMPLATE_WORDS, labels_for
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Document,
    Heading,
    Inline,
    Link,
    ListItem,
    MemoHeader,
    Metadata,
    Note,
    NoteList,
    NoteRef,
    PageFurniture,
    Paragraph,
    Table,
    Text,
)
from briefing_app.document.text import clean, is_safe_link, one_line

_BLANK_LINE = re.compile(r"\n\s*\n")
_LIST_STYLES = ("bullet", "talking-point")


def build_document(
    briefing: Briefing,
    catalog: MemoCatalog,
    *,
    template: Template | None = None,
    scheme: MarkingScheme | None = None,
    author: str = "",
) -> Document:
    """The memo for ``briefing`` as a renderer-neutral tree.

    ``template`` defaults to the briefing's template, ``scheme`` to the "us" scheme.
    Raises ``TemplateError`` for a missing template and ``UnknownMarkingError`` for a
    marking the scheme does not know.
    """
    template = template or load_template(briefing.template)
    scheme = scheme or load_scheme("us")
    return _Builder(briefing, catalog, template, scheme, author).build()


def paragraphs_of(text: str | None) -> list[str]:
    """Cleaned paragraphs of user text: blank lines separate, other whitespace folds."""
    return [p for p in (one_line(chunk) for chunk in _BLANK_LINE.split(clean(text))) if p]


def format_date_safe(value: str, language: str) -> str:
    """``dates.format_date``, but a malformed stored date prints as written, not a crash."""
    try:
        return dates.format_date(value, language)
    except dates.DateError:
        return one_line(value)


def date_sort_key(value: str) -> str:
    try:
        return dates.sort_key(value)
    except dates.DateError:
        return "\uffff"


@dataclass
class _Part:
    """A section on its way into the document: heading known, content maybe filled later."""

    heading: str
    automatic: str
    blocks: list = field(default_factory=list)


class _Builder:
    def __init__(self, briefing, catalog, template, scheme, author):
        self.briefing: Briefing = briefing
        self.cited = read_cited(briefing, catalog)  # every look-up below answers from here
        self.template: Template = template
        self.scheme: MarkingScheme = scheme
        self.author = one_line(author)
        self.language = briefing.language or "en"
        self.labels = labels_for(self.language)
        self.note_style = briefing.note_style if briefing.note_style == "endnotes" else (
            "footnotes"
        )
        self._note_numbers: dict[str, int] = {}
        self._notes: list[Note] = []
        self._source_marks: dict[str, list[str]] = {}
        self.included = self._included_items()
        self.portion_marking = briefing.portion_marking
        self.free_mark = self._free_text_mark()

    def _included_items(self) -> list[tuple[Item, Block]]:
        """Resolved items of ordinary sections, first occurrence each, in memo order."""
        out: dict[str, tuple[Item, Block]] = {}
        for section in self.briefing.sections:
            if section.automatic:
                continue
            for block in section.blocks:
                if block.item is None or block.item in out:
                    continue
                item = self.cited.item(block.item)
                if item is not None:
                    out[block.item] = (item, block)
        return list(out.values())

    # ------------------------------------------------------------ markings

    def _free_text_mark(self) -> str:
        if not self.portion_marking:
            return ""
        return self.scheme.portion(self.briefing.marking or self.scheme.lowest)

    def mark_of(self, item: Item) -> str:
        if not self.portion_marking:
            return ""
        return self.scheme.portion(item.marking or self.scheme.lowest)

    def banner(self) -> str:
        codes = [self.briefing.marking, *(item.marking for item, _ in self.included)]
        if self.portion_marking:
            codes.append(self.scheme.lowest)
        return self.scheme.banner(self.scheme.highest(codes))

    def highest_mark(self, marks: list[str]) -> str:
        """Highest of portion short forms (they map back to codes through the scheme)."""
        if not self.portion_marking or not marks:
            return self.free_mark if self.portion_marking else ""
        by_portion = {m.portion: m.code for m in self.scheme.markings}
        code = self.scheme.highest(by_portion.get(mark, mark) for mark in marks)
        return self.scheme.portion(code)

    # ------------------------------------------------------------ citations

    def cite(self, item: Item, mark: str = "") -> list[Inline]:
        """A note mark for the item's source (numbered on first citation), or nothing."""
        source = self.cited.get_source(item.source)
        if source is None:
            return []
        number = self._note_numbers.get(source.id)
        if number is None:
            number = len(self._notes) + 1
            self._note_numbers[source.id] = number
            self._notes.append(Note(number, self.note_content(source)))
        if mark:
            self._source_marks.setdefault(source.id, []).append(mark)
        return [NoteRef(number)]

    def note_content(self, source: Source) -> list[Inline]:
        content: list[Inline] = []

        def add(part: Inline) -> None:
            if content:
                content.append(Text(", "))
            content.append(part)

        if one_line(source.outlet):
            add(Text(one_line(source.outlet)))
        if one_line(source.title):
            add(Text(one_line(source.title), italic=True))
        if source.published:
            add(Text(format_date_safe(source.published, self.language)))
        elif source.accessed:
            accessed = format_date_safe(source.accessed, self.language)
            add(Text(f"{self.labels['accessed']} {accessed}"))
        url = clean(source.url).strip()
        if url:
            add(Link(url, url) if is_safe_link(url) else Text(url))
        return content

    # ------------------------------------------------------------ the document

    def build(self) -> Document:
        blocks: list = [self.header()]
        for part in self.parts():
            blocks.extend(part)
        return Document(
            metadata=Metadata(
                title=one_line(self.briefing.title),
                subject=one_line(self.briefing.subject),
                author=self.author,
                language=self.language,
            ),
            furniture=PageFurniture(
                banner=self.banner(), page_numbering=self.template.page_numbering
            ),
            blocks=blocks,
            note_style=self.note_style,
            footnotes=list(self._notes) if self.note_style == "footnotes" else [],
            font_size=self.template.font_size,
            labels=dict(self.labels),
            page_size=self.briefing.page_size,
        )

    def header(self) -> MemoHeader:
        b = self.briefing

        def value(text: str) -> list[Inline]:
            text = one_line(text)
            return [Text(text)] if text else []

        labels = HEADER_LABELS.get(primary_language(self.language), HEADER_LABELS["en"])
        stock_words = TEMPLATE_WORDS.get(primary_language(self.language), {})

        def template_label(text: str) -> str:
            text = one_line(text)
            return stock_words.get(text, text)

        subject = value(b.subject or b.title)
        if self.portion_marking:
            subject.insert(0, Text(f"({self.free_mark}) "))
        fields: list[tuple[str, list[Inline]]] = [
            (template_label(self.template.to_label), value(b.to)),
            (labels["from"], value(b.from_)),
        ]
        if one_line(b.through):
            fields.append((labels["through"], value(b.through)))
        fields.append((labels["subject"], subject))
        fields.append((labels["date"], value(format_date_safe(b.date, self.language))))
        meeting = b.meeting
        if one_line(meeting.title):
            fields.append((labels["meeting"], value(meeting.title)))
        if meeting.date:
            when = format_date_safe(meeting.date, self.language)
            fields.append((labels["meeting_date"], value(when)))
        if one_line(meeting.location):
            fields.append((labels["location"], value(meeting.location)))
        return MemoHeader(title=template_label(self.template.title_line), fields=fields)

    def parts(self) -> list[list]:
        """Sections as lists of blocks, headings numbered after empty ones are dropped."""
        parts: list[_Part] = []
        for section in self.briefing.sections:
            part = _Part(one_line(section.heading), section.automatic)
            if section.automatic == "timeline":
                part.blocks = self.timeline()
            elif section.automatic == "participants":
                part.blocks = self.participants()
            elif not section.automatic:
                part.blocks = self.section_blocks(section)
            parts.append(part)
        sources = [p for p in parts if p.automatic == "sources"]
        if sources:
            sources[0].blocks = self.sources_blocks()
        elif self.note_style == "endnotes" and self._notes:
            parts.append(_Part(self.labels["notes"], "sources", [NoteList(list(self._notes))]))

        out: list[list] = []
        anchors: set[str] = set()
        number = 0
        for part in parts:
            if part.automatic and not part.blocks:
                continue
            blocks = list(part.blocks)
            if part.heading:
                number += 1
                anchor = slugify(part.heading) or f"section-{number}"
                while anchor in anchors:
                    anchor = f"{anchor}-{number}"
                anchors.add(anchor)
                text = self.template.heading_text(part.heading, number)
                blocks.insert(0, Heading(text, level=1, anchor=anchor, mark=self.free_mark))
            out.append(blocks)
        return out

    # ------------------------------------------------------------ ordinary sections

    def section_blocks(self, section: Section) -> list:
        blocks: list = []
        open_list: BulletList | None = None
        open_style = ""
        for block in section.blocks:
            for node, style in self.render_block(block):
                if isinstance(node, ListItem):
                    if open_list is None or open_style != style:
                        open_list = BulletList([], ordered=style == "talking-point")
                        open_style = style
                        blocks.append(open_list)
                    open_list.items.append(node)
                else:
                    open_list, open_style = None, ""
                    blocks.append(node)
        return blocks

    def render_block(self, block: Block) -> list[tuple[object, str]]:
        """Nodes for one block, each with its list style ("" when not a list item)."""
        style = block.style if block.style in _LIST_STYLES else ""
        if block.item is None:
            return self.free_text(block.text, style)
        item = self.cited.item(block.item)
        if item is None:
            return []
        if item.kind == "quote":
            return [(self.quote(item, block), "")]
        if item.kind == "event":
            return self.event(item, block, style)
        return self.fact(item, block, style)

    def free_text(self, text: str, style: str) -> list[tuple[object, str]]:
        mark = self.free_mark
        if style:
            line = one_line(text)
            role = "talking-point" if style == "talking-point" else "body"
            return [(ListItem([Text(line)], mark=mark, role=role), style)] if line else []
        return [(Paragraph([Text(p)], mark=mark), "") for p in paragraphs_of(text)]

    def fact(self, item: Item, block: Block, style: str) -> list[tuple[object, str]]:
        mark = self.mark_of(item)
        words = block.override if one_line(block.override) else item.text
        if style:
            line = one_line(words) or one_line(item.title)
            if not line:
                return []
            role = "talking-point" if style == "talking-point" else "body"
            return [(ListItem([Text(line), *self.cite(item, mark)], mark=mark, role=role), style)]
        chunks = paragraphs_of(words) or paragraphs_of(item.title)
        if not chunks:
            return []
        nodes: list[tuple[object, str]] = [(Paragraph([Text(c)], mark=mark), "") for c in chunks]
        nodes[-1][0].content.extend(self.cite(item, mark))
        return nodes

    def event(self, item: Item, block: Block, style: str) -> list[tuple[object, str]]:
        mark = self.mark_of(item)
        words = one_line(block.override) or one_line(item.text) or one_line(item.title)
        content: list[Inline] = []
        when = self.date_range(item)
        if when:
            content.append(Text(when, bold=True))
        if words:
            content.append(Text(f" \u2014 {words}" if when else words))
        if one_line(item.location):
            content.append(Text(f" ({one_line(item.location)})"))
        if not content:
            return []
        content.extend(self.cite(item, mark))
        if style:
            return [(ListItem(content, mark=mark, role="event"), style)]
        return [(Paragraph(content, mark=mark, role="event"), "")]

    def quote(self, item: Item, block: Block) -> BlockQuote:
        mark = self.mark_of(item)
        overridden = bool(one_line(block.override))
        words = one_line(block.override) if overridden else one_line(item.text)
        language = one_line(item.language) or self.language
        original: list[Inline] = [Text(words)] if words else []
        original.extend(self.cite(item, mark))
        translation: list[Inline] = []
        if (not overridden and one_line(item.translation)
                and primary_language(language) != primary_language(self.language)):
            translation = [Text(one_line(item.translation))]
        return BlockQuote(
            original=original,
            attribution=self.attribution(item),
            translation=translation,
            language=language,
            mark=mark,
        )

    def attribution(self, item: Item) -> list[Inline]:
        parts = []
        speaker = self.cited.get_person(item.speaker)
        if speaker is not None:
            parts += [one_line(speaker.name), one_line(speaker.role)]
        source = self.cited.get_source(item.source)
        if source is not None and one_line(source.outlet):
            parts.append(f"{self.labels['via']} {one_line(source.outlet)}")
        parts.append(format_date_safe(item.date, self.language))
        text = ", ".join(p for p in parts if p)
        return [Text(text)] if text else []

    def date_range(self, item: Item) -> str:
        start = format_date_safe(item.date, self.language)
        end = format_date_safe(item.end_date, self.language)
        if start and end and end != start:
            return f"{start} \u2013 {end}"
        return start

    # ------------------------------------------------------------ automatic sections

    def timeline(self) -> list:
        dated = [
            (item, block) for item, block in self.included
            if item.kind == "event" or item.date
        ]
        dated.sort(key=lambda pair: date_sort_key(pair[0].date))  # stable: memo order on ties
        rows, marks = [], []
        for item, block in dated:
            mark = self.mark_of(item)
            marks.append(mark)
            words = (one_line(item.title) or one_line(block.override) or one_line(item.text))
            rows.append([[Text(self.date_range(item))], [Text(words), *self.cite(item, mark)]])
        if not rows:
            return []
        header = [self.labels["date"], self.labels["event"]]
        return [Table(header, rows, widths=[1.0, 3.0], mark=self.highest_mark(marks))]

    def participants(self) -> list:
        """Name | Role | Organization; a column empty for everyone is left out."""
        people = [p for p in map(self.cited.get_person, self.briefing.meeting.participants) if p]
        if not people:
            return []
        columns = [(self.labels["name"], lambda p: p.name)]
        if any(one_line(p.role) for p in people):
            columns.append((self.labels["role"], lambda p: p.role))
        if any(one_line(p.organization) for p in people):
            columns.append((self.labels["organization"], lambda p: p.organization))
        rows = [[[Text(one_line(value(p)))] for _, value in columns] for p in people]
        header = [label for label, _ in columns]
        return [Table(header, rows, widths=[2.0] * len(columns), mark=self.free_mark)]

    def sources_blocks(self) -> list:
        if not self._notes:
            return []
        if self.note_style == "endnotes":
            return [NoteList(list(self._notes))]
        by_number = {number: source_id for source_id, number in self._note_numbers.items()}
        entries = []
        for note in self._notes:
            source_id = by_number[note.number]
            mark = self.highest_mark(self._source_marks.get(source_id, []))
            entries.append(ListItem(list(note.content), mark=mark))
        entries.sort(key=lambda entry: _plain(entry.content).casefold())
        return [BulletList(entries)]


def _plain(content: list[Inline]) -> str:
    return "".join(part.text for part in content if isinstance(part, Text | Link))
