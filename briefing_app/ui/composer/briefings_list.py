"""The briefings of the fact base: create from a template, open, duplicate, rename,
delete (undoable), and save one's structure as a new template.

Clicking a briefing opens it in the composer. The list is rebuilt from the fact base after
every change, newest first, and keeps the open briefing selected.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.core.templates import (
    DEFAULT_TEMPLATE,
    TemplateError,
    available_templates,
    load_template,
    save_template,
    slugify,
    template_from_briefing,
)
from briefing_app.store import FactBaseError
from briefing_app.ui.local_dates import format_partial_date
from briefing_app.ui.user_text import Button, ask, tell

from .keys import NO_MODIFIER, ClaimedKeys
from .session import ComposerSession

BRIEFING_ID_ROLE = Qt.ItemDataRole.UserRole + 31


TITLE_FIELD_CHARS = 60  # a meeting title such as "Minister Ruiz and the trade delegation"


class NewBriefingDialog(QDialog):
    """Template and title of a new briefing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Briefing"))
        self.template_box = QComboBox(self)
        self.template_box.setAccessibleName(self.tr("Template"))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        for name in available_templates():
            try:
                template = load_template(name)
            except TemplateError:
                continue
            self.template_box.addItem(template.title, name)
            self.template_box.setItemData(self.template_box.count() - 1, template.description,
                                          Qt.ItemDataRole.ToolTipRole)
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(DEFAULT_TEMPLATE)))
        self.template_box.currentIndexChanged.connect(self._describe)
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Petro meeting brief"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Template"), self.template_box)
        form.addRow(self.description)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(buttons)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Sized for its content: a title of about 60 characters shows whole, and the
        # description of any template wraps within the dialog without resizing it.
        self.title_edit.setMinimumWidth(self.title_edit.fontMetrics().averageCharWidth()
                                        * TITLE_FIELD_CHARS)
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 3)
        self._describe()
        self.resize(self.sizeHint())

    def _describe(self, *_args) -> None:
        self.description.setText(self.template_box.currentData(Qt.ItemDataRole.ToolTipRole)
                                 or "")

    def choice(self) -> tuple[str, str]:
        title = self.title_edit.text().strip() or self.template_box.currentText()
        return self.template_box.currentData(), title

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, str] | None:
        """(template name, title), or None when cancelled."""
        dialog = cls(parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BriefingsList(QWidget):
    statusMessage = Signal(str)

    def __init__(self, session: ComposerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("briefingsPanel")
        self.setAccessibleName(self.tr("Briefings"))
        self.list = QListWidget(self)
        self.list.setObjectName("briefingsList")
        self.list.setAccessibleName(self.tr("Briefings"))
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.actions = {
            "new": self._action(self.tr("&New Briefing…"), self.new_briefing, "Ctrl+Alt+N",
                                self.tr("Start a briefing from a template")),
            "duplicate": self._action(self.tr("D&uplicate Briefing"), self.duplicate, None,
                                      self.tr("Copy the selected briefing")),
            "rename": self._action(self.tr("Rena&me Briefing…"), self.rename, None,
                                   self.tr("Change the selected briefing's title")),
            "delete": self._action(self.tr("&Delete Briefing…"), self.delete, None,
                                   self.tr("Delete the selected briefing (can be undone)")),
            "save_template": self._action(self.tr("Save as &Template…"), self.save_as_template,
                                          None,
                                          self.tr("Keep this briefing's sections as a template")),
        }
        for key in ("new", "duplicate", "rename", "delete", "save_template"):
            self.list.addAction(self.actions[key])
        self._keys = ClaimedKeys(self.list, {(Qt.Key.Key_Delete, NO_MODIFIER): self.delete,
                                             (Qt.Key.Key_F2, NO_MODIFIER): self.rename})

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for key, label in (("new", self.tr("New Briefing…")), ("duplicate", self.tr("Duplicate")),
                           ("rename", self.tr("Rename…")), ("delete", self.tr("Delete…"))):
            self.actions[key].setIconText(label)
            button = QToolButton(self)
            button.setDefaultAction(self.actions[key])
            button.setObjectName(f"briefing_button_{key}")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.list)

        session.briefingsChanged.connect(self.refresh)
        session.opened.connect(self._select_open)
        self.refresh()

    def height_for_rows(self, rows: int) -> int:
        """The panel's height showing ``rows`` briefings (the dock's first height)."""
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        margins = self.layout().contentsMargins()
        buttons = self.layout().itemAt(0).sizeHint().height()
        return (buttons + self.layout().spacing() + row * rows + 2 * self.list.frameWidth()
                + margins.top() + margins.bottom())

    def _action(self, text: str, slot, shortcut, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    # ------------------------------------------------------------ the list

    def refresh(self) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            try:
                summaries = self.session.fact_base.list_briefings()
            except FactBaseError as error:
                self.statusMessage.emit(str(error))
                summaries = []
            for summary in summaries:
                entry = QListWidgetItem(summary.title or self.tr("(untitled)"))
                detail = _date(summary.meeting_date or summary.date)
                if detail:
                    entry.setText(f"{entry.text()}  ·  {detail}")
                entry.setToolTip(entry.text())
                entry.setData(BRIEFING_ID_ROLE, summary.id)
                self.list.addItem(entry)
        self._select_open()
        self._enable()

    def _select_open(self) -> None:
        open_id = self.session.briefing_id
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(-1)
            for row in range(self.list.count()):
                if self.list.item(row).data(BRIEFING_ID_ROLE) == open_id:
                    self.list.setCurrentRow(row)
        self._enable()

    def _enable(self) -> None:
        has = self.selected_id() is not None
        for key in ("duplicate", "rename", "delete", "save_template"):
            self.actions[key].setEnabled(has)

    def selected_id(self) -> str | None:
        entry = self.list.currentItem()
        return entry.data(BRIEFING_ID_ROLE) if entry is not None else None

    def _current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.session.open(current.data(BRIEFING_ID_ROLE))
        self._enable()

    # ------------------------------------------------------------ actions

    def new_briefing(self) -> None:
        choice = NewBriefingDialog.ask(self.window())
        if choice is None:
            return
        template, title = choice
        try:
            self.session.create_briefing(template, title)
        except TemplateError as error:
            tell(self.window(), self.tr("New Briefing"), str(error))

    def duplicate(self) -> None:
        briefing_id = self.selected_id()
        if briefing_id is not None:
            self.session.duplicate_briefing(briefing_id)

    def rename(self) -> None:
        briefing_id = self.selected_id()
        briefing = self.session.fact_base.get_briefing(briefing_id) if briefing_id else None
        if briefing is None:
            return
        title, ok = QInputDialog.getText(self.window(), self.tr("Rename Briefing"),
                                         self.tr("Title:"), text=briefing.title)
        if ok and title.strip():
            self.session.rename_briefing(briefing_id, title.strip())

    def delete(self) -> None:
        briefing_id = self.selected_id()
        briefing = self.session.fact_base.get_briefing(briefing_id) if briefing_id else None
        if briefing is None:
            return
        answer = ask(
            self.window(), self.tr("Delete Briefing"),
            self.tr("Delete the briefing “%1”? You can undo this with Edit ▸ Undo.")
            .replace("%1", briefing.title),
            Button.Yes | Button.Cancel, Button.Cancel)
        if answer == Button.Yes:
            self.session.delete_briefing(briefing_id)
            self.statusMessage.emit(self.tr("Deleted “%1” (Ctrl+Z to undo)")
                                    .replace("%1", briefing.title))

    def save_as_template(self) -> None:
        briefing_id = self.selected_id()
        briefing = self.session.fact_base.get_briefing(briefing_id) if briefing_id else None
        if briefing is None:
            return
        name, ok = QInputDialog.getText(
            self.window(), self.tr("Save as Template"),
            self.tr("Name of the new template (its sections are this briefing's):"),
            text=briefing.title)
        if not ok or not name.strip():
            return
        try:
            template = template_from_briefing(briefing, name.strip())
            if slugify(name) in available_templates():
                answer = ask(
                    self.window(), self.tr("Save as Template"),
                    self.tr("A template “%1” exists. Replace it?").replace("%1", template.name),
                    Button.Yes | Button.Cancel, Button.Cancel)
                if answer != Button.Yes:
                    return
            path = save_template(template)
        except (TemplateError, OSError) as error:
            tell(self.window(), self.tr("Save as Template"), str(error))
            return
        self.statusMessage.emit(self.tr("Saved the template “%1” to %2")
                                .replace("%1", template.title).replace("%2", str(path)))


def _date(value: str) -> str:
    return format_partial_date(value)  # in the user's locale; a bad value as stored
