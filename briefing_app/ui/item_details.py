"""The pane that shows every field of the item selected in the table, with an Edit button.

:func:`detail_fields` decides what to show (pure Python, so it is tested without widgets);
:class:`ItemDetailsView` only draws it. Fields that belong to the item's kind are always
listed, empty ones as a dash, so a missing source or date is visible rather than absent.
The text itself is read-only; its "Edit…" button (above the fields) emits
:attr:`ItemDetailsView.editRequested`, which the editing controller answers with the
item editor.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QTextBrowser, QWidget

from briefing_app.dates import DateError, format_date
from briefing_app.model import Catalog, Item

EMPTY = "—"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese",
                  "de": "German", "it": "Italian"}


def _date(value: str) -> str:
    try:
        return format_date(value)
    except DateError:
        return value  # show what is stored rather than hide it


def _timestamp(value: str) -> str:
    """A stored UTC timestamp in the user's local time, to the minute."""
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def _person(catalog: Catalog, person_id: str | None) -> str:
    if not person_id:
        return ""
    person = catalog.get_person(person_id)
    if person is None:
        return f"(missing person {person_id})"
    role = ", ".join(part for part in (person.role, person.organization) if part)
    return f"{person.name} ({role})" if role else person.name


def _source(catalog: Catalog, source_id: str | None) -> str:
    if not source_id:
        return ""
    source = catalog.get_source(source_id)
    if source is None:
        return f"(missing source {source_id})"
    parts = [source.outlet, f"“{source.title}”" if source.title else "", _date(source.published)]
    text = ", ".join(part for part in parts if part)
    return f"{text}\n{source.url}" if source.url else text


def _language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def detail_fields(item: Item, catalog: Catalog) -> list[tuple[str, str]]:
    """(label, value) pairs in reading order; the value is plain text, "" when empty."""
    fields = [
        ("Kind", item.kind.capitalize()),
        ("Title", item.title),
        ("Quote" if item.kind == "quote" else "Text", item.text),
    ]
    if item.kind == "quote":
        fields += [
            ("Speaker", _person(catalog, item.speaker)),
            ("Language", _language(item.language)),
            ("Translation", item.translation),
            ("Context", item.context),
        ]
    if item.kind == "event":
        fields += [
            ("Date", _date(item.date)),
            ("End date", _date(item.end_date)),
            ("Location", item.location),
        ]
    else:
        fields.append(("Date", _date(item.date)))
    fields += [
        ("People", "; ".join(_person(catalog, pid) for pid in item.people)),
        ("Source", _source(catalog, item.source)),
        ("Tags", ", ".join(item.tags)),
        ("Status", item.status.capitalize()),
        ("Marking", item.marking),
        ("Notes", item.notes),
        ("Updated", _timestamp(item.updated) if item.updated else ""),
        ("ID", item.id),
    ]
    return fields


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

    PLACEHOLDER = "Select an item to see its details."
    editRequested = Signal(str)  # the id of the shown item

    def __init__(self, catalog: Catalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._item: Item | None = None
        self.setObjectName("itemDetails")
        self.setAccessibleName("Item details")
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
            self.setHtml(f"<p style='color:#777'>{html.escape(self.PLACEHOLDER)}</p>")
            return
        self.setHtml(fields_html(detail_fields(item, self._catalog)))
