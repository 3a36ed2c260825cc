"""The proposals, grouped by kind, each with a tick box: what Accept will add.

Quotes and events start ticked, facts unticked (they are candidates). Ticking a group's
box ticks all of it. Each row reads as the item will: a quote with its speaker, an event
with its date.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from briefing_app.exchange.intake import Extraction, ItemProposal
from briefing_app.ui.labels import KIND_PLURALS, translated
from briefing_app.ui.local_dates import format_partial_date

KIND_ORDER = ("quote", "event", "fact")
ROLE = Qt.ItemDataRole.UserRole


class ProposalList(QTreeWidget):
    """``current_changed(proposal or None)``; ``ticks_changed()`` when a box changes."""

    current_changed = Signal(object)
    ticks_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("proposalList")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Proposals"))
        self._extraction: Extraction | None = None
        self._rows: dict[str, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._current_moved)
        self.itemChanged.connect(self._ticked)

    def show_extraction(self, extraction: Extraction) -> None:
        self._extraction = extraction
        self.blockSignals(True)
        self.clear()
        self._rows.clear()
        for kind in KIND_ORDER:
            proposals = [p for p in extraction.items if p.kind == kind]
            if not proposals:
                continue
            group = QTreeWidgetItem(self)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                           | Qt.ItemFlag.ItemIsAutoTristate)
            group.setData(0, ROLE, kind)
            for proposal in proposals:
                row = QTreeWidgetItem(group)
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsUserCheckable)
                row.setData(0, ROLE, proposal.id)
                row.setCheckState(0, Qt.CheckState.Checked if proposal.accepted
                                  else Qt.CheckState.Unchecked)
                self._rows[proposal.id] = row
                self._describe(row, proposal)
            self._name_group(group)
            group.setExpanded(True)
        self.blockSignals(False)

    def proposal_of(self, row: QTreeWidgetItem | None) -> ItemProposal | None:
        if row is None or self._extraction is None or row.parent() is None:
            return None
        wanted = row.data(0, ROLE)
        return next((p for p in self._extraction.items if p.id == wanted), None)

    def row_of(self, proposal: ItemProposal) -> QTreeWidgetItem:
        return self._rows[proposal.id]

    def update_proposal(self, proposal: ItemProposal) -> None:
        """Show a proposal's edited text, speaker or date in its row."""
        self.blockSignals(True)
        self._describe(self._rows[proposal.id], proposal)
        self.blockSignals(False)

    def _describe(self, row: QTreeWidgetItem, proposal: ItemProposal) -> None:
        text = " ".join(proposal.text.split())
        if proposal.kind == "quote":
            speaker = self._extraction.person(proposal.speaker)
            text = (self.tr("“%1” — %2").replace("%1", text)
                    .replace("%2", speaker.name if speaker else self.tr("no speaker")))
        elif proposal.kind == "event":
            when = format_partial_date(proposal.date) if proposal.date else self.tr("undated")
            text = f"{when} · {text}"
        row.setText(0, text)
        row.setToolTip(0, text)

    def _name_group(self, group: QTreeWidgetItem) -> None:
        kind = group.data(0, ROLE)
        count = group.childCount()
        ticked = sum(group.child(i).checkState(0) == Qt.CheckState.Checked
                     for i in range(count))
        label = translated(KIND_PLURALS, kind)
        group.setText(0, self.tr("%1 (%2 of %3 ticked)").replace("%1", label)
                      .replace("%2", str(ticked)).replace("%3", str(count)))

    def _ticked(self, row: QTreeWidgetItem, _column: int) -> None:
        proposal = self.proposal_of(row)
        if proposal is not None:
            proposal.accepted = row.checkState(0) == Qt.CheckState.Checked
        self.blockSignals(True)
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            for child in range(group.childCount()):
                item = self.proposal_of(group.child(child))
                item.accepted = group.child(child).checkState(0) == Qt.CheckState.Checked
            self._name_group(group)
        self.blockSignals(False)
        self.ticks_changed.emit()

    def _current_moved(self, current: QTreeWidgetItem | None, _previous) -> None:
        self.current_changed.emit(self.proposal_of(current))
