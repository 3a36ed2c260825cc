"""File ▸ Team ▸ Join Team Library…: where the team library is.

One field for the server, as libpq takes it (``postgresql://alice@db.office/briefings`` or
``service=briefings``), with a word on passwords: they come from libpq's own places and
are never kept in the fact base.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class JoinDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join Team Library"))
        self.setObjectName("joinTeamLibrary")
        explanation = QLabel(self.tr(
            "This fact base becomes a replica of the office's team library: what it holds "
            "is shared, and everyone's changes arrive here. Ask whoever runs the server for "
            "its address."))
        explanation.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://alice@db.office/briefings")
        self.url.setAccessibleName(self.tr("Server"))
        note = QLabel(self.tr(
            "The password is not kept in the fact base: give it in ~/.pgpass, a service "
            "file or PGPASSWORD."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.join_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.join_button.setText(self.tr("&Join"))
        self.join_button.setEnabled(False)
        self.url.textChanged.connect(lambda text: self.join_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.url)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(server_label)
        layout.addWidget(self.url)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


def ask_server(parent: QWidget | None) -> str:
    """The server the staffer named, or ``""`` when they cancelled."""
    dialog = JoinDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    return dialog.url.text().strip()
