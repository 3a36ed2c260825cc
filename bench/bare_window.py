"""The baseline of ``bench_gui.py``: the window a competent engineer would write first.

A QLineEdit over a QTableView on its own sqlite3 connection: each query counts its
matches and reads the first 200 rows (every match gathered, sorted by date, ``LIMIT``),
on the UI thread, then the table is reset and painted. The WHERE clause is the app's own
(:func:`briefing_app.store.search.plan`), so both windows answer the same question.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from briefing_app.core.query import parse
from briefing_app.store import search

COLUMNS = ("id", "kind", "date", "title")
PAGE = 200


class BareModel(QAbstractTableModel):
    def __init__(self, path: str):
        super().__init__()
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.rows: list[tuple] = []
        self.total = 0

    def set_query(self, text: str) -> None:
        plan = search.plan(parse(text))
        self.total = self.conn.execute(plan.select("count(*)"), plan.all_params).fetchone()[0]
        sql = plan.select(", ".join(f"items.{c}" for c in COLUMNS), items=True)
        sql += f" ORDER BY items.date DESC, items.num DESC LIMIT {PAGE}"
        self.beginResetModel()
        self.rows = self.conn.execute(sql, plan.all_params).fetchall()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class BareWindow(QWidget):
    def __init__(self, path: str):
        super().__init__()
        self.box = QLineEdit()
        self.model = BareModel(path)
        self.view = QTableView()
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.view)
        self.box.returnPressed.connect(lambda: self.model.set_query(self.box.text()))
