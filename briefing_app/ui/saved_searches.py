"""Saving, renaming and deleting saved searches: the dialogs around the store's API.

A saved search keeps the whole current query: the sidebar filter's terms followed by what
was typed, so choosing it later in the sidebar shows the same items.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing_app.store import FactBaseError
from briefing_app.ui.user_text import Button, Icon, ask, ask_text, tell


class SavedSearches(QObject):
    """Emits :attr:`changed` after any change, so the sidebar reloads."""

    changed = Signal()

    def __init__(self, fact_base, parent: QWidget):
        super().__init__(parent)
        self._fact_base = fact_base
        self._parent = parent

    def _ask_name(self, title: str, label: str, text: str) -> str:
        return (ask_text(self._parent, title, label, text) or "").strip()

    def _fail(self, error: Exception) -> None:
        tell(self._parent, self.tr("Saved searches"), str(error))

    def save(self, query: str) -> str:
        """Ask for a name and save ``query`` under it; the name, "" when not saved."""
        query = query.strip()
        if not query:
            tell(self._parent, self.tr("Save Search"),
                 self.tr("Type a search or choose a filter first; there is nothing to save."),
                 Icon.Information)
            return ""
        name = self._ask_name(self.tr("Save Search"),
                              self.tr("Name for the search “%s”:") % query, "")
        if not name:
            return ""
        existing = self._fact_base.get_saved_search(name)
        if existing is not None and ask(
            self._parent, self.tr("Save Search"),
            self.tr("A saved search named “%s” exists (%s). Replace it?")
            % (name, existing.query),
        ) != Button.Yes:
            return ""
        try:
            self._fact_base.save_search(name, query)
        except (FactBaseError, ValueError) as error:
            self._fail(error)
            return ""
        self.changed.emit()
        return name

    def rename(self, old: str) -> str:
        new = self._ask_name(self.tr("Rename Saved Search"), self.tr("New name:"), old)
        if not new or new == old:
            return ""
        try:
            renamed = self._fact_base.rename_saved_search(old, new)
        except (FactBaseError, ValueError) as error:
            self._fail(error)
            return ""
        if renamed:
            self.changed.emit()
        return new if renamed else ""

    def delete(self, name: str) -> bool:
        if ask(
            self._parent, self.tr("Delete Saved Search"),
            self.tr("Delete the saved search “%s”? The items it finds are not affected.")
            % name,
        ) != Button.Yes:
            return False
        try:
            deleted = self._fact_base.delete_saved_search(name)
        except FactBaseError as error:
            self._fail(error)
            return False
        if deleted:
            self.changed.emit()
        return deleted
