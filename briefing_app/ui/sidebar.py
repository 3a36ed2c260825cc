"""The workspace sidebar: kinds, statuses, tags, people, sources and saved searches, with
item counts; clicking one filters the item table.

A sidebar entry carries a piece of query text (``kind:quote``, ``tag:"human rights"``, a
saved search's query); the window puts it in front of what the user typed and the store's
SQL search does the filtering (see :mod:`.query_text`). Counts come from the store and are
reloaded by :meth:`Sidebar.refresh` after every change to the fact base; the selected
entry and the open groups survive the reload.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem

from briefing_app.model import ITEM_KINDS, STATUSES
from briefing_app.store.stats import people_counts, source_counts
from briefing_app.ui.query_text import field_term

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1  # the query text of an entry
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2  # (group, name): identifies an entry across reloads

ALL = "all"
GROUPS = ("kind", "status", "tag", "person", "source", "saved")
OPEN_AT_START = ("kind", "status", "tag", "saved")


@dataclass(frozen=True)
class Entry:
    group: str  # one of GROUPS, or ALL
    name: str  # what the user sees
    query: str  # the filter's query text
    count: int | None = None  # items, None where a count would cost a search (saved)


class Sidebar(QTreeWidget):
    """Emits :attr:`filter_changed` with ``(query, label)`` when the user picks an entry."""

    filter_changed = Signal(str, str)
    save_search_requested = Signal()
    rename_search_requested = Signal(str)
    delete_search_requested = Signal(str)

    def __init__(self, fact_base, parent=None):
        super().__init__(parent)
        self._fact_base = fact_base
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._all: QTreeWidgetItem | None = None
        self._filter = ("", "")
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Filters"))
        self.setAccessibleDescription(self.tr(
            "Kinds, statuses, tags, people, sources and saved searches with their item "
            "counts. Choosing one filters the item table."))
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.currentItemChanged.connect(self._on_current)
        self.refresh()
        for group in OPEN_AT_START:
            self._groups[group].setExpanded(True)

    # ------------------------------------------------------------ state

    @property
    def current_filter(self) -> tuple[str, str]:
        """``(query, label)`` of the chosen entry; ``("", "")`` for all items."""
        return self._filter

    def set_fact_base(self, fact_base) -> None:
        self._fact_base = fact_base
        self.clear_filter()
        self.refresh()

    def clear_filter(self) -> None:
        """Back to "All items"."""
        if self._all is not None:
            self.setCurrentItem(self._all)

    def select(self, group: str, name: str) -> bool:
        """Choose the entry ``name`` of ``group`` (as a click would); False if absent."""
        found = self.entry_item(group, name)
        if found is None:
            return False
        found.parent().setExpanded(True)
        self.setCurrentItem(found)
        self.scrollToItem(found)
        return True

    def entry_item(self, group: str, name: str) -> QTreeWidgetItem | None:
        parent = self._groups.get(group)
        if parent is None:
            return None
        for number in range(parent.childCount()):
            child = parent.child(number)
            if child.data(0, ENTRY_ROLE) == (group, name):
                return child
        return None

    def entries(self, group: str) -> list[tuple[str, str]]:
        """``(name, count text)`` of a group's entries, as shown."""
        parent = self._groups[group]
        return [(parent.child(n).text(0), parent.child(n).text(1))
                for n in range(parent.childCount())]

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload every entry and count; keep the chosen entry and open groups."""
        current = self.currentItem()
        kept = current.data(0, ENTRY_ROLE) if current is not None else None
        expanded = {g for g, item in self._groups.items() if item.isExpanded()}
        entries = self._load()
        self.blockSignals(True)
        try:
            self.clear()
            self._groups = {}
            self._all = self._add_entry(None, entries[ALL][0])
            for group in GROUPS:
                header = QTreeWidgetItem(self, [self._group_title(group), ""])
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = QFont(header.font(0))
                font.setBold(True)
                header.setFont(0, font)
                self._groups[group] = header
                for entry in entries[group]:
                    self._add_entry(header, entry)
                header.setExpanded(group in expanded)
            restored = self.entry_item(*kept) if kept and kept[0] != ALL else None
            self.setCurrentItem(restored or self._all)
        finally:
            self.blockSignals(False)
        if restored is None and self._filter != ("", ""):
            # The chosen tag, person or saved search is gone: show everything again.
            self._filter = ("", "")
            self.filter_changed.emit("", "")
        elif restored is not None:
            self._filter = (restored.data(0, FILTER_ROLE), self._label(restored))

    def _load(self) -> dict[str, list[Entry]]:
        fb = self._fact_base
        kinds = fb.counts_by_kind()
        statuses = fb.counts_by_status()
        return {
            ALL: [Entry(ALL, self.tr("All items"), "", fb.item_count())],
            "kind": [Entry("kind", self._kind_title(k), f"kind:{k}", kinds[k])
                     for k in ITEM_KINDS],
            "status": [Entry("status", self.tr(s.capitalize()), f"status:{s}", statuses[s])
                       for s in STATUSES],
            "tag": [Entry("tag", name, field_term("tag", name), count)
                    for name, count in fb.list_tags()],
            "person": [Entry("person", p.name, field_term("person", p.name), p.items)
                       for p in people_counts(fb) if p.name.strip()],
            "source": [Entry("source", s.outlet, field_term("source", s.outlet), s.items)
                       for s in source_counts(fb) if s.outlet.strip()],
            "saved": [Entry("saved", s.name, s.query) for s in fb.list_saved_searches()],
        }

    def _add_entry(self, parent: QTreeWidgetItem | None, entry: Entry) -> QTreeWidgetItem:
        count = "" if entry.count is None else f"{entry.count:,}"
        item = QTreeWidgetItem(parent if parent is not None else self, [entry.name, count])
        item.setData(0, FILTER_ROLE, entry.query)
        item.setData(0, ENTRY_ROLE, (entry.group, entry.name))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, entry.query or self.tr("Every item in the fact base"))
        if entry.count == 0:
            item.setForeground(1, self.palette().placeholderText())
        return item

    def _group_title(self, group: str) -> str:
        return {
            "kind": self.tr("Kinds"), "status": self.tr("Verification"),
            "tag": self.tr("Tags"), "person": self.tr("People"),
            "source": self.tr("Sources"), "saved": self.tr("Saved searches"),
        }[group]

    def _kind_title(self, kind: str) -> str:
        return {"fact": self.tr("Facts"), "quote": self.tr("Quotes"),
                "event": self.tr("Events")}[kind]

    def _label(self, item: QTreeWidgetItem) -> str:
        group = item.data(0, ENTRY_ROLE)[0]
        if group == ALL:
            return ""
        return f"{self._group_title(group)}: {item.text(0)}"

    # ------------------------------------------------------------ user actions

    def _on_current(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None or current.data(0, ENTRY_ROLE) is None:
            return  # a group header: keep the filter
        chosen = (current.data(0, FILTER_ROLE) or "", self._label(current))
        if chosen != self._filter:
            self._filter = chosen
            self.filter_changed.emit(*chosen)

    def _show_menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        on_saved = item is self._groups.get("saved") or (entry and entry[0] == "saved")
        if not on_saved:
            return
        menu = QMenu(self)
        save = QAction(self.tr("Save Current Search…"), menu)
        save.triggered.connect(self.save_search_requested)
        menu.addAction(save)
        if entry and entry[0] == "saved":
            name = entry[1]
            rename = QAction(self.tr("Rename “%s”…") % name, menu)
            rename.triggered.connect(lambda: self.rename_search_requested.emit(name))
            delete = QAction(self.tr("Delete “%s”") % name, menu)
            delete.triggered.connect(lambda: self.delete_search_requested.emit(name))
            menu.addActions([rename, delete])
        self.context_menu = menu  # for tests: the menu last shown
        menu.popup(self.viewport().mapToGlobal(position))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """F2 renames and Delete deletes the selected saved search, as in file managers."""
        item = self.currentItem()
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        if entry and entry[0] == "saved":
            if event.key() == Qt.Key.Key_F2:
                self.rename_search_requested.emit(entry[1])
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_search_requested.emit(entry[1])
                return
        super().keyPressEvent(event)
