"""The pane that shows every field of the item selected in the table, with an Edit button.

:func:`detail_fields` decides what to show (pure Python, so it is tested without widgets);
:class:`ItemDetailsView` only draws it. Fields that belong to the item's kind are always
listed, empty ones as a dash, so a missing source or date is visible rather than absent.
The text itself is read-only; its "Edit…" button (above the fields) emits
:attr:`ItemDetailsView.editRequested`, which the editing controller answers with the
item editor.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QTextBrowser, QWidget

from briefing_app.core.model import Catalog, Item
from briefing_app.ui.fields.record_labels import person_label
from briefing_app.ui.labels import kind_label, language_name, status_label
from briefing_app.ui.local_dates import format_partial_date, format_timestamp

EMPTY = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemDetails", text)


def _date(value: str) -> str:
    return format_partial_date(value, long=True)  # a bad value is shown as stored


def _timestamp(value: str) -> str:
    """A stored UTC timestamp in the user's local time, to the minute."""
    return format_timestamp(value)


def _person(catalog: Catalog, person_id: str | None) -> str:
    if not person_id:
        return ""
    person = catalog.get_person(person_id)
    if person is None:
        return QCoreApplication.translate("ItemDetails", "(missing person %1)").replace(
            "%1", person_id)
    return person_label(person)


def _source(catalog: Catalog, source_id: str | None) -> str:
    if not source_id:
        return ""
    source = catalog.get_source(source_id)
    if source is None:
        return QCoreApplication.translate("ItemDetails", "(missing source %1)").replace(
            "%1", source_id)
    parts = [source.outlet, f"“{source.title}”" if source.title else "", _date(source.published)]
    text = ", ".join(part for part in parts if part)
    return f"{text}\n{source.url}" if source.url else text


def _language(code: str) -> str:
    return language_name(code)


def detail_fields(item: Item, catalog: Catalog) -> list[tuple[str, str]]:
    """(label, value) pairs in reading order; the value is plain text, "" when empty."""
    fields = [
        (QT_TRANSLATE_NOOP("ItemDetails", "Kind"), kind_label(item.kind)),
        (QT_TRANSLATE_NOOP("ItemDetails", "Title"), item.title),
        (QT_TRANSLATE_NOOP("ItemDetails", "Quote") if item.kind == "quote"
         else QT_TRANSLATE_NOOP("ItemDetails", "Text"), item.text),
    ]
    if item.kind == "quote":
        fields += [
            (QT_TRANSLATE_NOOP("ItemDetails", "Speaker"), _person(catalog, item.speaker)),
            (QT_TRANSLATE_NOOP("ItemDetails", "Language"), _language(item.language)),
            (QT_TRANSLATE_NOOP("ItemDetails", "Translation"), item.translation),
            (QT_TRANSLATE_NOOP("ItemDetails", "Context"), item.context),
        ]
    if item.kind == "event":
        fields += [
            (QT_TRANSLATE_NOOP("ItemDetails", "Date"), _date(item.date)),
            (QT_TRANSLATE_NOOP("ItemDetails", "End date"), _date(item.end_date)),
            (QT_TRANSLATE_NOOP("ItemDetails", "Location"), item.location),
        ]
    else:
        fields.append((QT_TRANSLATE_NOOP("ItemDetails", "Date"), _date(item.date)))
    fields += [
        (QT_TRANSLATE_NOOP("ItemDetails", "People"),
         "; ".join(_person(catalog, pid) for pid in item.people)),
        (QT_TRANSLATE_NOOP("ItemDetails", "Source"), _source(catalog, item.source)),
        (QT_TRANSLATE_NOOP("ItemDetails", "Tags"), ", ".join(item.tags)),
        (QT_TRANSLATE_NOOP("ItemDetails", "Status"), status_label(item.status)),
        (QT_TRANSLATE_NOOP("ItemDetails", "Marking"), item.marking),
        (QT_TRANSLATE_NOOP("ItemDetails", "Notes"), item.notes),
        (QT_TRANSLATE_NOOP("ItemDetails", "Updated"),
         _timestamp(item.updated) if item.updated else ""),
        (QT_TRANSLATE_NOOP("ItemDetails", "ID"), item.id),
    ]
    return [(_tr(label), value) for label, value in fields]


def fields_html(fields: list[tuple[str, str]]) -> str:
    """A two-column table; values are escaped, line breaks kept."""
    rows = []
    for label, value in fields:
        shown = html.escape(value).replace("\n", "<br>") if value else EMPTY
        rows.append(
            f"<tr><th align='right' valign='top' style='padding-right:10px;color:#555'>"
            f"{html.escape(label)}</th><td valign='top'>{shown}</td></tr>"
        )
    return f"<table cellspacing='4'>{''.join(rows)}</table>"


class ItemDetailsView(QTextBrowser):
    """Shows one item, or a hint when nothing is selected."""

    PLACEHOLDER = QT_TRANSLATE_NOOP("ItemDetailsView", "Select an item to see its details.")
    editRequested = Signal(str)  # the id of the shown item

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._item: Item | None = None
        self._shown_html = ""
        self.setObjectName("itemDetails")
        self.setAccessibleName(self.tr("Item details"))
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editItemButton")
        self.edit_button.setAccessibleName(self.tr("Edit this item"))
        self.edit_button.setToolTip(self.tr("Edit this item (F2, or Enter in the table)"))
        self.edit_button.clicked.connect(self._request_edit)
        self.edit_button.hide()  # until an editor is wired in: no button that does nothing
        self.show_item(None)

    def enable_editing(self) -> None:
        """Show the Edit button (the editing controller calls this once it listens)."""
        # A strip above the text holds the button, so it never covers a field.
        self.setViewportMargins(0, self.edit_button.sizeHint().height() + 8, 0, 0)
        self.edit_button.show()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        hint = self.edit_button.sizeHint()
        frame = self.frameWidth()
        self.edit_button.setGeometry(
            self.width() - frame - hint.width() - 6, frame + 4, hint.width(), hint.height())

    def _request_edit(self) -> None:
        if self._item is not None:
            self.editRequested.emit(self._item.id)

    @property
    def item(self) -> Item | None:
        return self._item

    def show_item(self, item: Item | None) -> None:
        self._item = item
        self.edit_button.setEnabled(item is not None)
        if item is None:
            placeholder = html.escape(self.tr(self.PLACEHOLDER))
            self._set_html(f"<p style='color:#777'>{placeholder}</p>")
            return
        self._set_html(fields_html(detail_fields(item, self._catalog)))

    def _set_html(self, text: str) -> None:
        """Lay out ``text`` unless it is on show already: every new search clears the
        current item, and laying the placeholder out again cost each keystroke 0.15 ms."""
        if text != self._shown_html:
            self._shown_html = text
            self.setHtml(text)
