"""The workspace sidebar: kinds, statuses, tags, people, sources and saved searches, with
item counts; clicking one filters the item table.

A sidebar entry carries a piece of query text (``kind:quote``, ``tag:"human rights"``, a
saved search's query); the window puts it in front of what the user typed and the store's
SQL search does the filtering (see :mod:`.query_text`). Counts come from the store and are
reloaded by :meth:`Sidebar.refresh` after every change to the fact base; the selected
entry and the open groups survive the reload. On a large fact base the counts take a
tenth of a second or more, so a worker reads them (:func:`read_counts`, through the
window's store, which gives the worker its own reader); :attr:`Sidebar.refreshed` says
when they are shown.

The tree is a small Python model (:class:`SidebarModel`) over the loaded counts rather
than a QTreeWidget: a fact base may name thousands of people and sources, and a reload
then swaps one list instead of creating thousands of item objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView

from briefing_app.core.model import ITEM_KINDS, STATUSES
from briefing_app.core.records import PersonCount, SourceCount
from briefing_app.ui.labels import KIND_PLURALS, status_label, translated
from briefing_app.ui.query_text import field_term
from briefing_app.ui.workers import LatestRead

ALL = "all"
GROUPS = ("kind", "status", "tag", "person", "source", "saved")
OPEN_AT_START = ("kind", "status", "tag", "saved")


@dataclass(frozen=True)
class Entry:
    group: str  # one of GROUPS, or ALL
    name: str  # what the user sees
    query: str  # the filter's query text
    count: int | None = None  # matching items; None while not counted


@dataclass
class Counts:
    """Everything the sidebar shows, read in one go."""

    total: int | None = None  # None: not counted yet (the first frame shows no numbers)
    kinds: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    tags: list[tuple[str, int]] = field(default_factory=list)
    people: list[PersonCount] = field(default_factory=list)
    sources: list[SourceCount] = field(default_factory=list)
    saved: list = field(default_factory=list)  # (SavedSearch, item count)


def read_counts(fb) -> Counts:
    return Counts(
        total=fb.item_count(), kinds=fb.counts_by_kind(), statuses=fb.counts_by_status(),
        tags=fb.list_tags(), people=fb.people_counts(), sources=fb.source_counts(),
        saved=[(saved, fb.count(saved.query)) for saved in fb.list_saved_searches()],
    )


class SidebarModel(QAbstractItemModel):
    """Two levels: "All items" and the group headings at the top, entries below.

    A top-level index has internal id 0; an entry's internal id is its group's row.
    """

    def __init__(self, titles: dict[str, str], parent=None):
        super().__init__(parent)
        self._titles = titles
        self._all = Entry(ALL, "", "", 0)
        self._entries: dict[str, list[Entry]] = {group: [] for group in GROUPS}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: dict[str, list[Entry]]) -> None:
        self.beginResetModel()
        self._all = entries[ALL][0]
        self._entries = {group: list(entries[group]) for group in GROUPS}
        self.endResetModel()

    # ------------------------------------------------------------ lookup

    def entry(self, index: QModelIndex) -> Entry | None:
        """The entry at ``index``; None for a group heading or an invalid index."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._all if index.row() == 0 else None
        return self._entries[GROUPS[index.internalId() - 1]][index.row()]

    def group_index(self, group: str) -> QModelIndex:
        return self.index(GROUPS.index(group) + 1, 0)

    def all_index(self) -> QModelIndex:
        return self.index(0, 0)

    def find(self, group: str, name: str) -> QModelIndex:
        if group == ALL:
            return self.all_index()
        for row, entry in enumerate(self._entries.get(group, ())):
            if entry.name == name:
                return self.index(row, 0, self.group_index(group))
        return QModelIndex()

    def entries(self, group: str) -> list[Entry]:
        return list(self._entries[group])

    # ------------------------------------------------------------ Qt model API

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()):  # noqa: B008
        if parent.isValid():
            if parent.internalId() != 0 or parent.row() == 0:
                return QModelIndex()
            group = GROUPS[parent.row() - 1]
            if 0 <= row < len(self._entries[group]) and 0 <= column < 2:
                return self.createIndex(row, column, parent.row())
            return QModelIndex()
        if 0 <= row <= len(GROUPS) and 0 <= column < 2:
            return self.createIndex(row, column, 0)
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()):  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(GROUPS) + 1
        if parent.internalId() == 0 and parent.row() > 0 and parent.column() == 0:
            return len(self._entries[GROUPS[parent.row() - 1]])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if self.entry(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is None:  # a group heading
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self._titles[GROUPS[index.row() - 1]]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return entry.name
            return "" if entry.count is None else f"{entry.count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.query or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and entry.count == 0:
            return QGuiApplication.palette().placeholderText()
        return None


class Sidebar(QTreeView):
    """Emits :attr:`filter_changed` with ``(query, label)`` when the user picks an entry."""

    filter_changed = Signal(str, str)
    refreshed = Signal()  # the counts on screen are up to date
    save_search_requested = Signal()
    rename_search_requested = Signal(str)
    delete_search_requested = Signal(str)

    def __init__(self, fact_base, parent=None):
        super().__init__(parent)
        self._fact_base = fact_base
        self._filter = ("", "")
        self._counts = LatestRead(lambda: read_counts(self._fact_base), self._receive, self)
        self.context_menu: QMenu | None = None
        self.sidebar_model = SidebarModel(self._group_titles(), self)
        self.setModel(self.sidebar_model)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Filters"))
        self.setAccessibleDescription(self.tr(
            "Kinds, statuses, tags, people, sources and saved searches with their item "
            "counts. Choosing one filters the item table."))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # As wide as the widest count (see _fit_count_column), not ResizeToContents: that
        # measured every row, the 3,000 people of an open People group too, on each
        # paint after the counts changed (100-200 ms a save at a million items).
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.sidebar_model.modelReset.connect(self._fit_count_column)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.selectionModel().currentChanged.connect(self._on_current)
        self._show(Counts(), set(OPEN_AT_START))  # the frame at once, counts when read
        self.refresh()

    # ------------------------------------------------------------ state

    @property
    def current_filter(self) -> tuple[str, str]:
        """``(query, label)`` of the chosen entry; ``("", "")`` for all items."""
        return self._filter

    def current_entry(self) -> Entry | None:
        return self.sidebar_model.entry(self.currentIndex())

    def set_fact_base(self, fact_base) -> None:
        self._fact_base = fact_base
        self.refresh()

    def clear_filter(self) -> None:
        """Back to "All items"."""
        self.setCurrentIndex(self.sidebar_model.all_index())

    def select(self, group: str, name: str) -> bool:
        """Choose the entry ``name`` of ``group`` (as a click would); False if absent."""
        index = self.entry_index(group, name)
        if not index.isValid():
            return False
        self.setExpanded(index.parent(), True)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def entry_index(self, group: str, name: str) -> QModelIndex:
        return self.sidebar_model.find(group, name)

    def entries(self, group: str) -> list[tuple[str, str]]:
        """``(name, count text)`` of a group's entries, as shown."""
        return [(e.name, "" if e.count is None else f"{e.count:,}")
                for e in self.sidebar_model.entries(group)]

    # ------------------------------------------------------------ loading

    @property
    def loading(self) -> bool:
        return self._counts.running

    def refresh(self) -> None:
        """Reload every entry and count (in a worker for a fact base on disk); the chosen
        entry and the open groups are kept. One count runs at a time (see LatestRead):
        counts over a big fact base never pile up on the worker threads."""
        store = self._fact_base
        if not store.is_file:  # a scratch fact base in memory: small, read at once
            self._counts.drop()  # a count of the file open before must not overwrite it
            self._receive(read_counts(store))
            return
        self._counts.ask()

    def _receive(self, counts: Counts | None) -> None:
        if counts is not None:  # else keep the last counts; the table reports errors
            model = self.sidebar_model
            expanded = {g for g in GROUPS if self.isExpanded(model.group_index(g))}
            self._show(counts, expanded)
        self.refreshed.emit()

    def _show(self, counts: Counts, expanded: set[str]) -> None:
        model = self.sidebar_model
        kept = self.current_entry()
        model.set_entries(self._entries(counts))
        for group in GROUPS:
            self.setExpanded(model.group_index(group), group in expanded)
        restored = model.find(kept.group, kept.name) if kept else QModelIndex()
        self.selectionModel().blockSignals(True)
        try:
            self.setCurrentIndex(restored if restored.isValid() else model.all_index())
        finally:
            self.selectionModel().blockSignals(False)
        if self.isVisible():  # else it is painted whole when shown (see first_paint)
            self.viewport().update()
        if not restored.isValid() and self._filter != ("", ""):
            # The chosen tag, person or saved search is gone: show everything again.
            self._filter = ("", "")
            self.filter_changed.emit("", "")

    def _fit_count_column(self) -> None:
        """The count column as wide as the count of "All items", which no other count
        exceeds (digits are as wide as one another in the fonts of every platform)."""
        self.header().resizeSection(
            1, self.sizeHintForIndex(self.sidebar_model.all_index().siblingAtColumn(1)).width())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_count_column()

    def _entries(self, counts: Counts) -> dict[str, list[Entry]]:
        counted = 0 if counts.total is not None else None  # a kind no item has: 0
        return {
            ALL: [Entry(ALL, self.tr("All items"), "", counts.total)],
            "kind": [Entry("kind", self._kind_title(k), f"kind:{k}",
                           counts.kinds.get(k, counted)) for k in ITEM_KINDS],
            "status": [Entry("status", status_label(s), f"status:{s}",
                             counts.statuses.get(s, counted)) for s in STATUSES],
            "tag": [Entry("tag", name, field_term("tag", name), count)
                    for name, count in counts.tags if name.strip() and count > 0],
            "person": [Entry("person", p.name, field_term("person", p.name), p.items)
                       for p in counts.people if p.name.strip()],
            "source": [Entry("source", s.outlet, field_term("source", s.outlet), s.items)
                       for s in counts.sources if s.outlet.strip()],
            "saved": [Entry("saved", s.name, s.query, count) for s, count in counts.saved],
        }

    def _group_titles(self) -> dict[str, str]:
        return {
            "kind": self.tr("Kinds"), "status": self.tr("Verification"),
            "tag": self.tr("Tags"), "person": self.tr("People"),
            "source": self.tr("Sources"), "saved": self.tr("Saved searches"),
        }

    def _kind_title(self, kind: str) -> str:
        return translated(KIND_PLURALS, kind)

    def _label(self, entry: Entry) -> str:
        """How the active-filter line names the entry: ``Tag “sanctions”``."""
        if entry.group == ALL:
            return ""
        singular = {
            "kind": self.tr("Kind"), "status": self.tr("Status"), "tag": self.tr("Tag"),
            "person": self.tr("Person"), "source": self.tr("Source"),
            "saved": self.tr("Saved search"),
        }[entry.group]
        return f"{singular} “{entry.name}”"

    # ------------------------------------------------------------ user actions

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.sidebar_model.entry(current)
        if entry is None:
            return  # a group heading: keep the filter
        chosen = (entry.query, self._label(entry))
        if chosen != self._filter:
            self._filter = chosen
            self.filter_changed.emit(*chosen)

    def _show_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        entry = self.sidebar_model.entry(index)
        on_heading = (index.isValid() and entry is None
                      and index.sibling(index.row(), 0) == self.sidebar_model.group_index("saved"))
        if not (on_heading or (entry and entry.group == "saved")):
            return
        menu = QMenu(self)
        save = QAction(self.tr("Save Current Search…"), menu)
        save.triggered.connect(self.save_search_requested)
        menu.addAction(save)
        if entry and entry.group == "saved":
            name = entry.name
            rename = QAction(self.tr("Rename “%s”…") % name, menu)
            rename.triggered.connect(lambda: self.rename_search_requested.emit(name))
            delete = QAction(self.tr("Delete “%s”") % name, menu)
            delete.triggered.connect(lambda: self.delete_search_requested.emit(name))
            menu.addActions([rename, delete])
        self.context_menu = menu  # the menu last shown, for tests
        menu.popup(self.viewport().mapToGlobal(position))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """F2 renames and Delete deletes the selected saved search, as in file managers."""
        entry = self.current_entry()
        if entry and entry.group == "saved":
            if event.key() == Qt.Key.Key_F2:
                self.rename_search_requested.emit(entry.name)
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_search_requested.emit(entry.name)
                return
        super().keyPressEvent(event)
