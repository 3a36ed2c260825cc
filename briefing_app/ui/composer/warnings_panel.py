"""Pre-flight warnings of the open briefing; activating one selects the block it is about.

Computed by :func:`briefing_app.document.preflight.preflight` (fast: a lookup per cited
item) after each change, so the list is always current. Items older than the stale limit
of the preferences are reported; a new limit applies at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from briefing_app.core.markings import MarkingError, scheme_for
from briefing_app.store import FactBaseError
from briefing_app.ui.preflight_text import describe

from .session import ComposerSession

if TYPE_CHECKING:
    from briefing_app.document.preflight import PreflightWarning

WARNING_ROLE = Qt.ItemDataRole.UserRole + 21
CODE_LABELS = {  # shown through self.tr: the WarningsPanel context
    "unverified": QT_TRANSLATE_NOOP("WarningsPanel", "Unverified"),
    "disputed": QT_TRANSLATE_NOOP("WarningsPanel", "Disputed"),
    "unsourced": QT_TRANSLATE_NOOP("WarningsPanel", "No source"),
    "stale": QT_TRANSLATE_NOOP("WarningsPanel", "Stale"),
    "unmarked": QT_TRANSLATE_NOOP("WarningsPanel", "Unmarked"),
    "missing-item": QT_TRANSLATE_NOOP("WarningsPanel", "Missing"),
    "unknown-marking": QT_TRANSLATE_NOOP("WarningsPanel", "Marking"),
    "empty-section": QT_TRANSLATE_NOOP("WarningsPanel", "Empty section"),
}


class WarningsPanel(QWidget):
    blockRequested = Signal(int)  # block id to select
    headerRequested = Signal()  # a briefing-level warning: show the header form
    sectionRequested = Signal(int)  # an empty section: its id, to select

    def __init__(self, session: ComposerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.warnings: list[PreflightWarning] = []
        self.title = QLabel(self)
        self.title.setObjectName("warningsTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("warningsList")
        self.list.setAccessibleName(self.tr("Pre-flight warnings"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        session.changed.connect(self.refresh)
        session.preferencesChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        briefing = self.session.briefing
        self.list.clear()
        self.warnings = []
        if briefing is not None:
            try:
                scheme = scheme_for(self.session.fact_base)
                from briefing_app.document.preflight import preflight  # with a briefing

                self.warnings = preflight(briefing, self.session, scheme=scheme,
                                          stale_days=self.session.preferences.stale_days)
            except (FactBaseError, MarkingError) as error:
                self.list.addItem(str(error))
        for warning in self.warnings:
            label = self.tr(CODE_LABELS.get(warning.code, warning.code))
            sentence = describe(warning)  # in the language of the app
            entry = QListWidgetItem(f"{label}: {sentence}")
            entry.setData(WARNING_ROLE, warning)
            entry.setToolTip(sentence)
            self.list.addItem(entry)
        if briefing is None:
            self.title.setText(self.tr("Pre-flight warnings"))
        elif self.warnings:
            self.title.setText(self.tr("Pre-flight warnings (%1) — click one to go to it")
                               .replace("%1", str(len(self.warnings))))
        else:
            self.title.setText(self.tr("Pre-flight warnings: none"))

    def _activated(self, entry: QListWidgetItem) -> None:
        warning = entry.data(WARNING_ROLE)
        briefing = self.session.briefing
        if warning is None or briefing is None:
            return
        if warning.section_index is not None and warning.block_index is None:
            if warning.section_index < len(briefing.sections):
                self.sectionRequested.emit(briefing.sections[warning.section_index].id)
            return
        if warning.section_index is None or warning.block_index is None:
            self.headerRequested.emit()
            return
        try:
            block = briefing.sections[warning.section_index].blocks[warning.block_index]
        except IndexError:
            return
        self.blockRequested.emit(block.id)
