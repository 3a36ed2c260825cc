"""Composes a briefing through the composer's own code path, forever, for the crash test.

Run as ``python crash_compose.py FACT_BASE``: creates a briefing, then repeats three kinds
of edit (an item dropped into Background through the models' mime data, a talking point
added, the subject retyped) and prints ``EDIT <n>`` once edit ``n`` has returned, i.e.
is complete. The test kills it with SIGKILL at some point and checks the file.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_app.store import open_library  # noqa: E402
from briefing_app.ui.composer.session import ComposerSession  # noqa: E402
from briefing_app.ui.composer.tree_model import BriefingTreeModel  # noqa: E402
from briefing_app.ui.item_model import ItemTableModel  # noqa: E402
from briefing_app.ui.library_ops import LibraryOps  # noqa: E402


def edit_kind(number: int) -> str:
    return ("drop", "point", "subject")[number % 3]


def main(path: str) -> None:
    app = QApplication.instance() or QApplication([])
    library = open_library(path)
    fb = library.store
    session = ComposerSession(fb, LibraryOps(library, app))
    tree = BriefingTreeModel(session)
    table = ItemTableModel(fb)
    session.create_briefing("meeting-brief", "Crash brief")
    print(f"CREATED {session.briefing_id}", flush=True)
    number = 0
    while True:
        number += 1
        sections = {s.heading: s for s in session.briefing.sections}
        kind = edit_kind(number)
        if kind == "drop":
            row = number % table.rowCount()
            mime = table.mimeData([table.index(row, 0)])
            background = tree.section_index(sections["Background"].id)
            tree.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, background)
        elif kind == "point":
            session.add_text_block(sections["Talking Points"].id, -1, "talking-point",
                                   f"Point {number}")
        else:
            session.set_header("subject", f"Subject {number}")
        print(f"EDIT {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
