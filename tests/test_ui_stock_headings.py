"""Switching a memo's language translates the template's stock section headings; the
headings a staffer typed stay as written; one undo brings back language and headings."""

from __future__ import annotations

import pytest
from composer_helpers import open_window
from test_ui_memo_language import pick_language

from briefing_app.core.stock_headings import STOCK_HEADINGS, translate_heading
from briefing_app.core.templates import available_templates, load_template
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID
from briefing_app.store import FactBase

ENGLISH = ["Purpose", "Background", "Key Issues", "Talking Points", "Participants",
           "Timeline", "Outcome Scenarios", "Sources"]
SPANISH = ["Propósito", "Antecedentes", "Cuestiones clave", "Puntos de conversación",
           "Participantes", "Cronología", "Escenarios posibles", "Fuentes"]


def headings(fb) -> list[str]:
    return [s.heading for s in fb.get_briefing(SAMPLE_BRIEFING_ID).sections]


def test_every_shipped_templates_headings_have_their_spanish():
    for name in available_templates():
        for section in load_template(name).sections:
            assert section.heading in STOCK_HEADINGS["es"], (name, section.heading)


@pytest.mark.parametrize(("heading", "old", "new", "expected"), [
    ("Background", "en", "es", "Antecedentes"),
    ("  talking points ", "en", "es", "Puntos de conversación"),  # as the template has it
    ("Antecedentes", "es", "en", "Background"),
    ("Background", "es", "en", None),  # not a Spanish stock heading: typed in English
    ("Background of the visit", "en", "es", None),  # the staffer's own words
    ("Background", "en", "fr", None),  # no stock headings in French
])
def test_only_stock_headings_are_translated(heading, old, new, expected):
    assert translate_heading(heading, old, new) == expected


def test_spanish_translates_stock_headings_keeps_typed_ones_and_undoes_in_one_step(
        qtbot, sample_fb):
    window, composer = open_window(qtbot, sample_fb)
    composer.panel.tabs.setCurrentIndex(1)  # Memo Header
    purpose = next(s for s in composer.session.briefing.sections if s.heading == "Purpose")
    composer.session.rename_section(purpose.id, "Why we meet")  # typed by the staffer
    steps = window.undo_stack.count()

    pick_language(qtbot, composer.panel.header_form.language, "Español")

    with FactBase.open(sample_fb.path) as other:  # committed, seen from another connection
        assert other.get_briefing(SAMPLE_BRIEFING_ID).language == "es"
        assert headings(other) == ["Why we meet", *SPANISH[1:]]
    assert window.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: "ANTECEDENTES" in composer.preview.browser.toPlainText(),
                    timeout=5000)

    window.undo_stack.undo()
    assert sample_fb.get_briefing(SAMPLE_BRIEFING_ID).language == "en"
    assert headings(sample_fb) == ["Why we meet", *ENGLISH[1:]]
    window.undo_stack.redo()
    assert headings(sample_fb) == ["Why we meet", *SPANISH[1:]]

    pick_language(qtbot, composer.panel.header_form.language, "English")  # and back
    assert headings(sample_fb) == ["Why we meet", *ENGLISH[1:]]
