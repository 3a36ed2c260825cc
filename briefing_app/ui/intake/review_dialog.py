"""The review window: an article beside what it proposes, ticked and edited before
anything enters the fact base.

Left, the article with each proposal highlighted; right, the source, the proposals by
kind with their tick boxes, and the chosen one's fields. Accept adds the ticked items,
their source and the new people they need in one transaction, as one undoable change
(``ImportRecords`` through the window's undo stack), and the table shows them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.errors import FactBaseError
from briefing_app.core.operations.imports import ImportRecords, PackContent
from briefing_app.exchange.intake import Extraction, ItemProposal, redate
from briefing_app.ui.fields.date_field import PartialDateField
from briefing_app.ui.intake.article_view import ArticleView
from briefing_app.ui.intake.proposal_form import ProposalForm
from briefing_app.ui.intake.proposal_list import ProposalList
from briefing_app.ui.user_text import tell

NOTICE_STYLE = "background: #fff4e5; color: #663c00; padding: 6px; border-radius: 3px;"


class ArticleReviewDialog(QDialog):
    """Review ``extraction`` and add the chosen proposals to ``window``'s fact base."""

    accepted_items = Signal(list)  # the ids of the items added

    def __init__(self, window, extraction: Extraction, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window)
        self.setObjectName("articleReviewDialog")
        self.window_ = window
        self.extraction = extraction
        self.setWindowTitle(self.tr("Add from Article"))
        self.setSizeGripEnabled(True)
        self.resize(1180, 760)

        self.article = ArticleView(self)
        self.proposals = ProposalList(self)
        self.form = ProposalForm(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("intakeNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.summary = QLabel(self)
        self.summary.setObjectName("intakeSummary")
        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton(self.tr("&Add to Fact Base"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("addProposalsButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._build_layout()

        known = window.library.store.list_people()
        self.form.set_people(extraction, known)
        self.article.show_extraction(extraction)
        self.proposals.show_extraction(extraction)
        self._show_notice()
        self._count()

        self.proposals.current_changed.connect(self._show_current)
        self.proposals.ticks_changed.connect(self._ticks_changed)
        self.form.edited.connect(self._edited)
        self.published.textChanged.connect(self._published_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        first = self.proposals.topLevelItem(0)
        if first is not None and first.childCount():
            self.proposals.setCurrentItem(first.child(0))

    # ------------------------------------------------------------ layout

    def _build_layout(self) -> None:
        source = QGroupBox(self.tr("Source"), self)
        fields = QFormLayout(source)
        self.outlet = QLineEdit(self.extraction.source.outlet, source)
        self.outlet.setObjectName("sourceOutlet")
        self.title = QLineEdit(self.extraction.source.title, source)
        self.title.setObjectName("sourceTitle")
        self.url = QLineEdit(self.extraction.source.url, source)
        self.url.setObjectName("sourceUrl")
        self.published = PartialDateField("sourcePublished", source)
        self.published.set_text(self.extraction.source.published)
        existing = self.extraction.source.existing is not None
        for edit in (self.outlet, self.title, self.url, self.published.edit):
            edit.setReadOnly(existing)
        fields.addRow(self.tr("&Outlet:"), self.outlet)
        fields.addRow(self.tr("T&itle:"), self.title)
        fields.addRow(self.tr("&URL:"), self.url)
        fields.addRow(self.tr("&Published:"), self.published)
        if existing:
            fields.addRow(QLabel(self.tr("This source is already in the fact base."), source))

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(source)
        side_layout.addWidget(self.notice)
        side_layout.addWidget(self.proposals, 1)
        side_layout.addWidget(self.form)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.article)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.buttons)
        layout.addWidget(bottom)

    def _show_notice(self) -> None:
        lines = []
        if self.extraction.undated:
            lines.append(self.tr("No publication date was found, so %1 relative date(s) "
                                 "were left empty. Enter the date the article was "
                                 "published above, or date the items yourself.")
                         .replace("%1", str(self.extraction.undated)))
        if self.extraction.duplicates:
            lines.append(self.tr("%1 proposal(s) were left out: the fact base already has "
                                 "them.").replace("%1", str(self.extraction.duplicates)))
        if not self.extraction.items:
            lines.append(self.tr("Nothing in this article could be proposed."))
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))

    # ------------------------------------------------------------ reacting

    def _show_current(self, proposal: ItemProposal | None) -> None:
        self.form.show_proposal(proposal)
        self.article.set_current(proposal)

    def _edited(self, proposal: ItemProposal) -> None:
        self.proposals.update_proposal(proposal)
        self._count()

    def _published_changed(self, _text: str) -> None:
        """The staffer gave the publication date: count relative dates from it."""
        if self.extraction.source.existing is not None or not self.published.is_valid():
            return
        redate(self.extraction, self.published.value())
        for proposal in self.extraction.items:
            self.proposals.update_proposal(proposal)
        self.form.show_proposal(self.proposals.proposal_of(self.proposals.currentItem()))
        self._show_notice()

    def _ticks_changed(self) -> None:
        self.article.refresh()
        self._count()

    def _count(self) -> None:
        chosen = [i for i in self.extraction.items if i.accepted]
        _source, people, _items = self.extraction.chosen(chosen)
        new_people = sum(1 for p in people if p.id not in self._stored_people())
        self.summary.setText(self.tr("%1 of %2 proposals ticked; new people: %3.")
                             .replace("%1", str(len(chosen)))
                             .replace("%2", str(len(self.extraction.items)))
                             .replace("%3", str(new_people)))
        self.add_button.setEnabled(bool(chosen))

    def _stored_people(self) -> set[str]:
        return {p.id for p in self.extraction.people if p.existing is not None}

    # ------------------------------------------------------------ accepting

    def _problem(self) -> str:
        if not self.outlet.text().strip() and self.extraction.source.existing is None:
            return self.tr("The source needs an outlet.")
        if not self.published.is_valid():
            return self.tr("The publication date is not a date.")
        for proposal in self.extraction.items:
            if proposal.accepted and not proposal.text.strip():
                return self.tr("A ticked proposal has no text.")
        if not self.form.has_valid_date():
            return self.tr("The chosen proposal's date is not a date.")
        return ""

    def accept(self) -> None:
        """Add the ticked proposals as one undoable change, then close."""
        problem = self._problem()
        if problem:
            tell(self, self.tr("Add from Article"), problem)
            return
        source = self.extraction.source
        if source.existing is None:
            source.outlet = " ".join(self.outlet.text().split())
            source.title = " ".join(self.title.text().split())
            source.url = self.url.text().strip()
            source.published = self.published.value()
        record, people, items = self.extraction.chosen()
        operation = ImportRecords(PackContent(sources=[record], people=people, items=items),
                                  label=self.tr("Add from Article"))
        try:
            self.window_.undo_stack.perform(operation)
        except (FactBaseError, ValueError) as error:
            tell(self, self.tr("Add from Article"), str(error))
            return
        # The window follows every performed change: it reloads and selects the items.
        self.window_.statusBar().showMessage(
            self.tr("Added %1 item(s) from the article.").replace("%1", str(len(items))),
            10_000)
        self.accepted_items.emit([item.id for item in items])
        super().accept()
