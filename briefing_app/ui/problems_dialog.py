"""Why an import was refused: every problem in a list the user can read and copy.

Imports are all or nothing, so the dialog also says plainly that nothing was imported.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProblemsDialog(QDialog):
    def __init__(self, file_name: str, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.problems = list(problems)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(self.tr("Import refused"))
        self.resize(640, 380)
        count = len(self.problems)
        found = (self.tr("1 problem was found") if count == 1
                 else self.tr("%d problems were found") % count)
        self.summary = QLabel(
            self.tr("%s was not imported: %s. Nothing in the fact base was changed. "
                    "Correct the file and import it again.") % (file_name, found), self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.addItems(self.problems)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy to Clipboard"), self)
        self.copy_button.setAccessibleName(self.tr("Copy problems to clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problems) + "\n")
