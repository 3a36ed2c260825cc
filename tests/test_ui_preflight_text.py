"""The app words pre-flight warnings itself (so they can be in Spanish); in English they
must say exactly what the core says on the command line."""

from __future__ import annotations

from memo_helpers import briefing, section, world

from briefing_app.core.markings import load_scheme
from briefing_app.core.model import Meeting
from briefing_app.document.preflight import PreflightWarning, preflight
from briefing_app.ui.preflight_text import SENTENCES, describe


def every_kind_of_warning():
    fb = world()
    fb.items["f2"].status = "disputed"
    fb.items["f3"].source = "deleted-source"
    fb.items["u1"].marking = "XX"
    b = briefing(section("Background", "f1", "f2", "f3", "u1", "gone"), marking="ZZ",
                 meeting=Meeting(date="2026-01-31", participants=["nobody"]))
    return preflight(b, fb, scheme=load_scheme("us"))


def test_in_english_each_warning_reads_as_the_command_line_prints_it(qapp):
    warnings = every_kind_of_warning()
    cases = {(w.code, w.details["case"]) for w in warnings}
    assert cases >= {("unverified", "unverified"), ("disputed", "disputed"),
                     ("unsourced", "no-source"), ("unsourced", "source-gone"),
                     ("stale", "stale"), ("unknown-marking", "memo"),
                     ("unknown-marking", "item"), ("missing-item", "block"),
                     ("missing-item", "participant")}
    for warning in warnings:
        assert describe(warning) == warning.message


def test_every_sentence_of_the_core_has_a_wording_in_the_app():
    assert {code for code, _ in SENTENCES} == {
        "unverified", "disputed", "unsourced", "stale", "unmarked", "missing-item",
        "unknown-marking", "empty-section"}


def test_typed_placeholders_in_a_label_are_printed_as_typed(qapp):
    warning = PreflightWarning("disputed", "x", details={
        "case": "disputed", "label": "“%2 and %3”", "kind": "fact", "section": "Background"})
    assert describe(warning) == "“%2 and %3” (fact in Background) is disputed."


def test_a_warning_without_details_falls_back_to_the_core_sentence(qapp):
    assert describe(PreflightWarning("stale", "As the core says.")) == "As the core says."
