"""Dates in the user's locale: by precision, compact in the table, long in the details; the
order stays the ISO order whatever the language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from briefing_app.core.dates import sort_key
from briefing_app.ui.i18n import install_translator, remove_translators
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.item_model import ItemTableModel
from briefing_app.ui.local_dates import format_partial_date, format_timestamp

SPANISH, AMERICAN, BRITISH = QLocale("es_ES"), QLocale("en_US"), QLocale("en_GB")


@pytest.mark.parametrize("value, locale, shown", [
    ("2026", SPANISH, "2026"),
    ("2026-02", SPANISH, "febrero de 2026"),
    ("2026-02-03", SPANISH, "3 feb 2026"),
    ("2026-02-03T11:00", SPANISH, "3 feb 2026, 11:00"),
    ("2026-02", AMERICAN, "February 2026"),
    ("2026-02-03", AMERICAN, "Feb 3, 2026"),
    ("2026-02-03T18:30", AMERICAN, "Feb 3, 2026, 18:30"),
    ("2026-02-03", BRITISH, "3 Feb 2026"),
    ("2026-02-03", QLocale.c(), "Feb 3, 2026"),  # no locale set up: American English
])
def test_a_date_is_shown_by_its_precision_in_the_locale(value, locale, shown):
    assert format_partial_date(value, locale) == shown


def test_the_long_form_spells_the_month_out():
    assert format_partial_date("2026-02-03", SPANISH, long=True) == "3 de febrero de 2026"
    assert format_partial_date("2026-02-03", AMERICAN, long=True) == "February 3, 2026"


def test_what_is_not_a_date_is_shown_as_stored():
    assert format_partial_date("Sept 2025", SPANISH) == "Sept 2025"
    assert format_partial_date("", SPANISH) == ""
    assert format_timestamp("yesterday", SPANISH) == "yesterday"


def test_a_utc_timestamp_is_shown_in_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "America/Bogota")
    import time

    time.tzset()
    try:
        assert format_timestamp("2026-02-03T16:30:00+00:00", SPANISH) == "3 feb 2026, 11:30"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_table_shows_spanish_dates_and_still_sorts_by_the_iso_value(qapp, sample_fb):
    install_translator(qapp, language="es")
    try:
        model = ItemTableModel(sample_fb)
        date = COLUMN_KEYS.index("date")
        model.sort(date, Qt.SortOrder.AscendingOrder)
        stored = [sample_fb.get_item(model.item_id(row)).date for row in range(model.rowCount())]
        dated = [value for value in stored if value]
        assert len(dated) > 5 and dated == sorted(dated, key=sort_key)  # ISO order, not text
        shown = {model.index(row, date).data() for row in range(model.rowCount())}
        assert "3 feb 2026" in shown and "enero de 2026" in shown
    finally:
        remove_translators(qapp)
