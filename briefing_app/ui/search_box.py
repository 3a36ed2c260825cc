"""The search box: completion of ``tag:``, ``person:``, ``source:``, ``kind:`` and ``status:``
values, and Esc to clear.

Completion looks only at the word under the cursor. After ``tag:sa`` it offers the tag
names containing "sa" (any letter case); choosing one replaces the word with
``tag:sanctions`` (quoted when the name has spaces) and a space, ready for the next term.
Values come from a ``values(field)`` callable (the window reads them from the store and
caches them until the fact base changes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from briefing_app.core.model import ITEM_KINDS, STATUSES
from briefing_app.ui.query_text import field_term

COMPLETED_FIELDS = ("tag", "person", "source", "kind", "status")
_FIELD_AT_CURSOR = re.compile(
    r'(?:^|\s)(-?)(' + "|".join(COMPLETED_FIELDS) + r'):("?)([^"]*)$', re.IGNORECASE
)
_WORD_AT_CURSOR = re.compile(r"(?:^|\s)(-?)(" + "|".join(COMPLETED_FIELDS) + r"):(\S*)$",
                             re.IGNORECASE)


def fixed_values(field: str) -> list[str]:
    """Values that do not depend on the fact base."""
    return list({"kind": ITEM_KINDS, "status": STATUSES}.get(field, ()))


def field_at_cursor(text_before_cursor: str) -> tuple[int, str, str] | None:
    """``(start, field, typed value)`` when the cursor ends a ``field:value`` word.

    ``start`` is where the word (with its ``-``) begins. A quoted value may hold spaces
    (``person:"Gustavo P``); an unquoted one ends at the first space.
    """
    quoted = _FIELD_AT_CURSOR.search(text_before_cursor)
    if quoted and quoted.group(3):
        start = quoted.start(1) if quoted.group(1) else quoted.start(2)
        return start, quoted.group(2).lower(), quoted.group(4)
    plain = _WORD_AT_CURSOR.search(text_before_cursor)
    if plain:
        start = plain.start(1) if plain.group(1) else plain.start(2)
        return start, plain.group(2).lower(), plain.group(3)
    return None


class FieldValues:
    """The names offered after ``field:``, read from the store once and kept until
    :meth:`clear` (the window calls it whenever the fact base changes). Only names that
    some item uses are offered, as the others would find nothing."""

    def __init__(self, fact_base):
        self._fact_base = fact_base
        self._cache: dict[str, list[str]] = {}

    def clear(self) -> None:
        self._cache.clear()

    def __call__(self, field: str) -> list[str]:
        if field not in self._cache:
            if field in ("tag", "person", "source"):
                values = self._fact_base.names_in_use(field)
            else:
                values = fixed_values(field)
            self._cache[field] = values
        return self._cache[field]


class SearchBox(QLineEdit):
    """A QLineEdit with query-aware completion. Esc clears it (:attr:`escape_pressed`)."""

    escape_pressed = Signal()

    def __init__(self, values: Callable[[str], list[str]], parent=None):
        super().__init__(parent)
        self._values = values
        self._field = ""
        self._word_start = 0
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.popup().setAccessibleName(self.tr("Search suggestions"))
        self.completer_.activated[str].connect(self._insert)
        self.textEdited.connect(self._update_completion)

    def set_values(self, values: Callable[[str], list[str]]) -> None:
        self._values = values

    @property
    def completion_field(self) -> str:
        """The field being completed, "" when the popup is not offering anything."""
        return self._field

    def suggestions(self) -> list[str]:
        """What the popup offers now."""
        model = self.completer_.completionModel()
        return [model.index(row, 0).data() for row in range(model.rowCount())]

    def _update_completion(self, _text: str = "") -> None:
        found = field_at_cursor(self.text()[: self.cursorPosition()])
        if found is None:
            self._field = ""
            self.completer_.popup().hide()
            return
        self._word_start, field, typed = found
        if field != self._field:
            self._field = field
            self._model.setStringList(self._values(field))
        self.completer_.setCompletionPrefix(typed)
        if self.completer_.completionCount() == 0:
            self.completer_.popup().hide()
            return
        self.completer_.complete()

    def _insert(self, value: str) -> None:
        if not self._field:
            return
        text, cursor = self.text(), self.cursorPosition()
        negated = "-" if text[self._word_start : self._word_start + 1] == "-" else ""
        term = negated + field_term(self._field, value) + " "
        rest = text[cursor:].lstrip()
        self.setText(text[: self._word_start] + term + rest)
        self.setCursorPosition(self._word_start + len(term))
        self._field = ""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        popup = self.completer_.popup()
        if popup.isVisible():
            chosen = popup.currentIndex().isValid()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not chosen:
                popup.hide()  # nothing picked: Enter searches, as without the popup
            elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab,
                                 Qt.Key.Key_Backtab, Qt.Key.Key_Escape):
                event.ignore()  # the completer picks the value or closes its popup
                return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)
