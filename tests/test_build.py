"""The builder turns a briefing into the memo tree; these tests read like the memo rules."""

from __future__ import annotations

import pytest
from memo_helpers import (
    all_inline,
    body,
    briefing,
    headings,
    section,
    section_blocks,
    text_of,
    world,
)

from briefing_app.core.markings import UnknownMarkingError, load_scheme
from briefing_app.core.model import Block, Item, Meeting, Source
from briefing_app.core.templates import load_template
from briefing_app.document.build import build_document
from briefing_app.document.model import (
    BlockQuote,
    BulletList,
    Heading,
    Link,
    MemoHeader,
    NoteList,
    NoteRef,
    Paragraph,
    Table,
    Text,
)


def build(b, fb=None, **kwargs):
    return build_document(b, fb or world(), **kwargs)


def paragraphs(blocks):
    return [text_of(p.content) for p in blocks if isinstance(p, Paragraph)]


# ---------------------------------------------------------------- header and furniture


def test_header_lists_fields_in_memo_order_with_formatted_dates():
    b = briefing(section("Purpose"), to="The Secretary", from_="WHA - J. Doe",
                 subject="Meeting with President Petro")
    header = build(b).blocks[0]
    assert isinstance(header, MemoHeader)
    assert header.title == "MEMORANDUM"
    assert [(label, text_of(value)) for label, value in header.fields] == [
        ("MEMORANDUM FOR", "The Secretary"),
        ("FROM", "WHA - J. Doe"),
        ("SUBJECT", "Meeting with President Petro"),
        ("DATE", "January 28, 2026"),
        ("MEETING", "Bilateral meeting"),
        ("DATE/TIME", "February 3, 2026, 11:00"),
        ("LOCATION", "The White House"),
    ]


def test_through_line_appears_only_when_set_and_template_sets_title_and_to_label():
    b = briefing(section("Recommendation"), through="P - Under Secretary",
                 template="action-memo", meeting=Meeting())
    header = build(b).blocks[0]
    labels = [label for label, _ in header.fields]
    assert header.title == "ACTION MEMO"
    assert labels == ["FOR", "FROM", "THROUGH", "SUBJECT", "DATE"]
    assert "THROUGH" not in [label for label, _ in build(briefing(section("P"))).blocks[0].fields]


def test_subject_falls_back_to_the_title():
    header = build(briefing(section("P"), title="Petro visit")).blocks[0]
    assert dict((k, text_of(v)) for k, v in header.fields)["SUBJECT"] == "Petro visit"


def test_metadata_furniture_and_font_come_from_briefing_and_template():
    b = briefing(section("Purpose", "f1"), template="scene-setter", subject="Visit",
                 language="en")
    doc = build(b, author="J. Doe")
    assert (doc.metadata.title, doc.metadata.subject, doc.metadata.author) == (
        "Petro visit", "Visit", "J. Doe")
    assert doc.furniture.page_numbering == "dash"
    assert doc.font_size == 12
    assert doc.labels["page"] == "Page" and doc.labels["of"] == "of"


def test_spanish_memo_gets_spanish_labels_and_dates():
    b = briefing(section("Propósito", "f2"), language="es")
    doc = build(b)
    assert doc.labels["page"] == "Página" and doc.labels["of"] == "de"
    assert doc.labels["sources"] == "Fuentes"
    header = doc.blocks[0]
    fields = dict((k, text_of(v)) for k, v in header.fields)
    assert fields["FECHA"] == "28 de enero de 2026"
    assert header.title == "MEMORANDO"
    assert [label for label, _ in header.fields][:3] == ["MEMORANDO PARA", "DE", "ASUNTO"]
    assert not {"DATE", "FROM", "SUBJECT", "MEMORANDUM FOR"} & set(fields)


# ---------------------------------------------------------------- markings


def marked_world():
    fb = world()
    fb.items["f1"].marking = "C"
    fb.items["f2"].marking = "S"
    fb.items["f3"].marking = "u"  # hand-typed lower case still means U
    return fb


def test_banner_is_the_highest_marking_of_briefing_and_included_items():
    doc = build(briefing(section("Background", "f1", "f2", "f3")), marked_world())
    assert doc.furniture.banner == "SECRET"


def test_briefing_marking_raises_the_banner_above_its_items():
    doc = build(briefing(section("Background", "f1"), marking="TS"), marked_world())
    assert doc.furniture.banner == "TOP SECRET"


def test_items_only_in_automatic_sections_do_not_raise_the_banner():
    b = briefing(section("Background", "f1"), section("Timeline", "f2", automatic="timeline"))
    assert build(b, marked_world()).furniture.banner == "CONFIDENTIAL"


def test_no_banner_when_nothing_is_marked():
    assert build(briefing(section("Background", "f1", "f2"))).furniture.banner == ""


def test_portion_marking_alone_marks_the_memo_at_the_lowest_level():
    doc = build(briefing(section("Background", "f1"), portion_marking=True))
    assert doc.furniture.banner == "UNCLASSIFIED"
    assert [p.mark for p in body(doc) if isinstance(p, Paragraph)] == ["U"]


def test_banner_uses_the_given_scheme():
    fb = world()
    fb.items["f1"].marking = "INTERNAL"
    doc = build(briefing(section("B", "f1", "f2")), fb, scheme=load_scheme("org"))
    assert doc.furniture.banner == "INTERNAL"


def test_unknown_marking_is_an_error_naming_the_code():
    fb = world()
    fb.items["f1"].marking = "NOFORN-ISH"
    with pytest.raises(UnknownMarkingError, match="NOFORN-ISH"):
        build(briefing(section("Background", "f1")), fb)


def test_portion_marks_on_items_free_text_headings_tables_and_subject():
    b = briefing(
        section("Background", "f1", "f3", Block(text="Our own analysis.")),
        section("Quotes", "q1"),
        section("Talking points", Block(text="Raise security aid.", style="talking-point")),
        section("Participants", automatic="participants"),
        section("Timeline", automatic="timeline"),
        portion_marking=True, marking="CUI", subject="Petro visit",
    )
    fb = marked_world()
    fb.items["f3"].marking = ""
    doc = build(b, fb)
    background = section_blocks(doc, "Background")
    assert [(p.mark, text_of(p.content)[:12]) for p in background] == [
        ("C", "Colombia is "), ("U", "Coffee expor"), ("CUI", "Our own anal")]
    quote = section_blocks(doc, "Quotes")[0]
    assert isinstance(quote, BlockQuote) and quote.mark == "U"
    talking = section_blocks(doc, "Talking points")[0]
    assert [item.mark for item in talking.items] == ["CUI"]
    assert all(h.mark == "CUI" for h in doc.blocks if isinstance(h, Heading))
    assert section_blocks(doc, "Participants")[0].mark == "CUI"
    assert section_blocks(doc, "Timeline")[0].mark == "C"  # highest of its rows
    subject = dict(doc.blocks[0].fields)["SUBJECT"]
    assert text_of(subject) == "(CUI) Petro visit"
    assert doc.furniture.banner == "CONFIDENTIAL"


def test_without_portion_marking_nothing_carries_a_mark():
    doc = build(briefing(section("Background", "f1", Block(text="Mine.")), marking="S"),
                marked_world())
    assert doc.furniture.banner == "SECRET"
    assert all(p.mark == "" for p in body(doc) if isinstance(p, Paragraph | Heading))
    assert not text_of(dict(doc.blocks[0].fields)["SUBJECT"]).startswith("(")


# ---------------------------------------------------------------- sections and blocks


def test_headings_are_numbered_and_cased_by_the_template_with_anchors():
    b = briefing(section("Purpose", Block(text="Why.")), section("Background", "f1"),
                 section("Background", "f2"))
    doc = build(b, template=load_template("meeting-brief"))
    hs = [h for h in doc.blocks if isinstance(h, Heading)]
    assert [h.text for h in hs] == ["I. PURPOSE", "II. BACKGROUND", "III. BACKGROUND"]
    assert len({h.anchor for h in hs}) == 3 and hs[0].anchor == "purpose"
    assert all(h.level == 1 for h in hs)


def test_as_written_headings_keep_their_case():
    doc = build(briefing(section("Recommendation", Block(text="Approve.")),
                         template="action-memo"))
    assert headings(doc) == ["Recommendation"]


def test_empty_automatic_sections_are_left_out_and_numbering_stays_continuous():
    b = briefing(section("Purpose", Block(text="Why.")),
                 section("Participants", automatic="participants"),
                 section("Sources", automatic="sources"),
                 section("Outcome", Block(text="Good.")),
                 meeting=Meeting())
    assert headings(build(b)) == ["I. PURPOSE", "II. OUTCOME"]


def test_an_ordinary_empty_section_keeps_its_heading():
    assert headings(build(briefing(section("Key Issues")))) == ["I. KEY ISSUES"]


def test_fact_paragraphs_free_text_split_on_blank_lines_and_fold_line_breaks():
    b = briefing(section("Background", "f3", Block(text="First line\ncontinues.\n\nSecond.")))
    assert paragraphs(section_blocks(build(b), "Background")) == [
        "Coffee exports rose.[1]", "First line continues.", "Second."]


def test_consecutive_bullets_form_one_list_and_talking_points_a_numbered_one():
    b = briefing(section(
        "Key Points",
        Block(item="f1", style="bullet"), Block(text="Aid matters.", style="bullet"),
        Block(text="Ask about coca.", style="talking-point"),
        Block(text="Thank him.", style="talking-point"),
        Block(text="A paragraph."),
        Block(text="Late bullet.", style="bullet"),
    ))
    blocks = section_blocks(build(b), "Key Points")
    kinds = [type(node).__name__ for node in blocks]
    assert kinds == ["BulletList", "BulletList", "Paragraph", "BulletList"]
    bullets, points = blocks[0], blocks[1]
    assert not bullets.ordered and len(bullets.items) == 2
    assert text_of(bullets.items[0].content).endswith("region.[1]")
    assert points.ordered and [i.role for i in points.items] == ["talking-point"] * 2


def test_override_replaces_the_item_text_and_the_note_is_never_printed():
    b = briefing(section("Background",
                         Block(item="f1", override="Colombia gets the most aid.",
                               note="PRIVATE: check with DoD")))
    doc = build(b)
    assert paragraphs(section_blocks(doc, "Background")) == ["Colombia gets the most aid.[1]"]
    assert not any("PRIVATE" in part.text for part in all_inline(doc) if hasattr(part, "text"))


def test_missing_items_are_skipped_without_a_trace():
    b = briefing(section("Background", "gone", "f3"))
    assert paragraphs(section_blocks(build(b), "Background")) == ["Coffee exports rose.[1]"]


def test_event_is_a_dated_paragraph_with_bold_date_and_location():
    para = section_blocks(build(briefing(section("Schedule", "e1"))), "Schedule")[0]
    assert para.role == "event"
    assert para.content[0] == Text("February 3, 2026, 11:00", bold=True)
    assert text_of(para.content) == (
        "February 3, 2026, 11:00 \u2014 Petro and Trump meet at the White House."
        " (Washington, D.C.)[1]")


def test_event_with_an_end_date_shows_the_range():
    fb = world()
    fb.items["e1"].end_date = "2026-02-04"
    para = section_blocks(build(briefing(section("Schedule", "e1")), fb), "Schedule")[0]
    assert para.content[0].text == "February 3, 2026, 11:00 \u2013 February 4, 2026"


# ---------------------------------------------------------------- quotes


def test_quote_in_another_language_shows_the_translation_and_attribution():
    quote = section_blocks(build(briefing(section("Quotes", "q1"))), "Quotes")[0]
    assert isinstance(quote, BlockQuote)
    assert text_of(quote.original) == "Iré a Washington a hablar de frente.[1]"
    assert text_of(quote.translation) == "I will go to Washington to speak frankly."
    assert quote.language == "es"
    assert text_of(quote.attribution) == (
        "Gustavo Petro, President of Colombia, via EFE, January 20, 2026")


def test_quote_in_the_memo_language_has_no_translation():
    quote = section_blocks(build(briefing(section("Citas", "q1"), language="es")), "Citas")[0]
    assert quote.translation == []
    assert text_of(quote.attribution) == (
        "Gustavo Petro, President of Colombia, vía EFE, 20 de enero de 2026")


def test_overridden_quote_drops_the_translation_that_no_longer_matches():
    b = briefing(section("Quotes", Block(item="q1", override="Iré a Washington.")))
    quote = section_blocks(build(b), "Quotes")[0]
    assert text_of(quote.original) == "Iré a Washington.[1]"
    assert quote.translation == []


def test_a_quote_with_bullet_style_is_still_a_block_quote():
    b = briefing(section("Quotes", Block(text="Intro", style="bullet"),
                         Block(item="q1", style="bullet")))
    kinds = [type(n).__name__ for n in section_blocks(build(b), "Quotes")]
    assert kinds == ["BulletList", "BlockQuote"]


# ---------------------------------------------------------------- citations and notes


def test_a_repeated_source_keeps_its_first_number():
    b = briefing(section("Background", "f1", "f2", "f3", "u1"))
    doc = build(b)
    assert paragraphs(section_blocks(doc, "Background")) == [
        "Colombia is the largest recipient of U.S. security aid in the region.[1]",
        "The visa of President Petro was revoked.[2]",
        "Coffee exports rose.[1]",
        "An unsourced rumour.",
    ]
    assert [n.number for n in doc.footnotes] == [1, 2]
    assert text_of(doc.footnotes[0].content).startswith("Reuters, Colombia talks, January 2026")


def test_note_text_has_outlet_italic_title_date_and_a_link():
    doc = build(briefing(section("Background", "f2")))
    content = doc.footnotes[0].content
    assert content[0] == Text("EFE")
    assert Text("Petro viajará a Washington", italic=True) in content
    assert Text("January 20, 2026") in content
    assert content[-1] == Link("https://efe.com/a", "https://efe.com/a")


def test_unsafe_source_url_stays_plain_text():
    fb = world()
    fb.items["f3"].source = "blog"
    doc = build(briefing(section("Background", "f3")), fb)
    content = doc.footnotes[0].content
    assert content[-1] == Text("javascript:alert(1)")
    assert not any(isinstance(part, Link) for part in content)


def test_source_with_only_an_access_date_says_so():
    fb = world()
    fb.sources["reuters"] = Source("reuters", "Reuters", accessed="2026-01-27")
    doc = build(briefing(section("Background", "f3")), fb)
    assert text_of(doc.footnotes[0].content) == "Reuters, accessed January 27, 2026"


def test_footnotes_fill_document_footnotes_and_sources_lists_distinct_sources():
    b = briefing(section("Background", "f2", "f1", "f3"),
                 section("Sources", automatic="sources"), note_style="footnotes")
    doc = build(b)
    assert doc.note_style == "footnotes" and len(doc.footnotes) == 2
    listing = section_blocks(doc, "Sources")
    assert len(listing) == 1 and isinstance(listing[0], BulletList)
    assert [text_of(i.content)[:7] for i in listing[0].items] == ["EFE, Pe", "Reuters"]
    assert not any(isinstance(n, NoteRef) for i in listing[0].items for n in i.content)


def test_endnotes_go_to_the_sources_section_and_not_to_the_page_foot():
    b = briefing(section("Sources", automatic="sources"), section("Background", "f2", "f1"),
                 note_style="endnotes")
    doc = build(b)
    assert doc.note_style == "endnotes" and doc.footnotes == []
    notes = section_blocks(doc, "Sources")
    assert isinstance(notes[0], NoteList)
    assert [n.number for n in notes[0].notes] == [1, 2]  # complete although placed first


def test_endnotes_without_a_sources_section_get_a_notes_section_at_the_end():
    b = briefing(section("Purpose", "f1"), note_style="endnotes", template="one-page-brief")
    doc = build(b)
    assert headings(doc) == ["PURPOSE", "NOTES"]
    assert isinstance(doc.blocks[-1], NoteList)


def test_no_sources_section_when_nothing_is_cited():
    b = briefing(section("Background", "u1"), section("Sources", automatic="sources"))
    assert headings(build(b)) == ["I. BACKGROUND"]


# ---------------------------------------------------------------- automatic sections


def test_timeline_is_chronological_with_month_before_its_days():
    b = briefing(section("Background", "f1", "q1", "f2", "f3", "e1"),
                 section("Timeline", automatic="timeline"))
    table = section_blocks(build(b), "Timeline")[0]
    assert isinstance(table, Table) and table.header == ["Date", "Event"]
    dates_column = [text_of(row[0]) for row in table.rows]
    assert dates_column == ["2024", "September 2025", "September 15, 2025",
                            "January 20, 2026", "February 3, 2026, 11:00"]


def test_timeline_prefers_the_item_title_and_cites_its_source():
    fb = world()
    fb.items["f2"].title = "Visa revoked"
    b = briefing(section("Background", "f1", "f2"), section("Timeline", automatic="timeline"))
    table = section_blocks(build(b, fb), "Timeline")[0]
    assert [text_of(row[1]) for row in table.rows] == [
        "Visa revoked[2]",
        "Colombia is the largest recipient of U.S. security aid in the region.[1]"]


def test_timeline_lists_undated_events_last_and_skips_undated_facts():
    fb = world()
    fb.items["e2"] = Item("e2", "event", "Joint statement, date to be set.")
    fb.items["f9"] = Item("f9", "fact", "An undated fact.")
    b = briefing(section("Background", "e2", "f9", "u1", "e1"),
                 section("Timeline", automatic="timeline"))
    rows = section_blocks(build(b, fb), "Timeline")[0].rows
    assert [text_of(r[1])[:5] for r in rows] == ["An un", "Petro", "Joint"]
    assert text_of(rows[-1][0]) == ""


def test_participants_table_has_name_role_organization_and_skips_missing_people():
    b = briefing(section("Participants", automatic="participants"),
                 meeting=Meeting(participants=["trump", "ghost", "petro"]))
    table = section_blocks(build(b), "Participants")[0]
    assert table.header == ["Name", "Role", "Organization"]
    assert [[text_of(cell) for cell in row] for row in table.rows] == [
        ["Donald Trump", "President of the United States", "United States"],
        ["Gustavo Petro", "President of Colombia", "Colombia"],
    ]


def test_participants_table_leaves_out_a_column_nobody_fills():
    fb = world()
    for person in fb.people.values():
        person.organization = ""
    b = briefing(section("Participants", automatic="participants"))
    table = section_blocks(build(b, fb), "Participants")[0]
    assert table.header == ["Name", "Role"]
    assert len(table.rows[0]) == 2 and len(table.widths) == 2


# ---------------------------------------------------------------- hostile text


def test_control_characters_are_cleaned_and_markup_stays_literal_text():
    fb = world()
    fb.items["f3"].text = "Coffee\x00 <b>exports</b>\x0b rose\ufffe & fell."
    b = briefing(section("Back\x07ground", "f3", Block(text="<script>x</script>\x1f")),
                 subject="Sub\x08ject\r\nline")
    doc = build(b, fb)
    assert headings(doc) == ["I. BACKGROUND"]
    assert paragraphs(section_blocks(doc, "Background")) == [
        "Coffee <b>exports</b> rose & fell.[1]", "<script>x</script>"]
    assert text_of(dict(doc.blocks[0].fields)["SUBJECT"]) == "Subject line"


def test_no_inline_text_contains_a_newline_or_control_character():
    fb = world()
    fb.items["q1"].text = "line one\nline two\r\n\x0c"
    doc = build(briefing(section("Q", "q1", Block(text="a\nb", style="bullet"))), fb)
    for part in all_inline(doc):
        if isinstance(part, Text | Link):
            assert "\n" not in part.text and "\x0c" not in part.text


def test_build_defaults_to_the_briefings_template():
    doc = build(briefing(section("Purpose", Block(text="x")), template="scene-setter"))
    assert doc.furniture.page_numbering == "dash"
    assert isinstance(doc.blocks[1], Heading) and doc.blocks[1].text == "PURPOSE"

