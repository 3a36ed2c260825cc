"""The item table's columns: their keys (the store's sort keys), headers, and how a
cell shows its row's value. Kept apart from the model so the views that only lay
columns out (the chooser, the first layout, the saved header) need not know how rows
are fetched."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from briefing_app.core.records import ItemRow
from briefing_app.ui.labels import kind_label, status_label
from briefing_app.ui.local_dates import format_partial_date


@dataclass(frozen=True)
class Column:
    key: str  # ItemRow attribute and the store's sort key
    header: str  # English, marked for translation: show ``title``
    tooltip: bool = False  # the cell may be cut short in the view: show it whole on hover

    @property
    def title(self) -> str:
        """The header in the user's language."""
        return QCoreApplication.translate("ItemTableModel", self.header)


COLUMNS = (
    Column("kind", QT_TRANSLATE_NOOP("ItemTableModel", "Kind")),
    Column("date", QT_TRANSLATE_NOOP("ItemTableModel", "Date")),
    Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Title"), tooltip=True),
    Column("text", QT_TRANSLATE_NOOP("ItemTableModel", "Text"), tooltip=True),
    Column("people", QT_TRANSLATE_NOOP("ItemTableModel", "People"), tooltip=True),
    Column("source", QT_TRANSLATE_NOOP("ItemTableModel", "Source")),
    Column("tags", QT_TRANSLATE_NOOP("ItemTableModel", "Tags"), tooltip=True),
    Column("status", QT_TRANSLATE_NOOP("ItemTableModel", "Status")),
    Column("marking", QT_TRANSLATE_NOOP("ItemTableModel", "Marking")),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


def display_value(row: ItemRow, key: str) -> str:
    value = getattr(row, key)
    if key == "date":  # shown in the user's locale; sorting stays by the ISO value (SQL)
        return format_partial_date(value)
    if key == "kind":
        return kind_label(value)
    if key == "status":
        return status_label(value)
    if key == "text":
        return " ".join(value.split())
    return value
