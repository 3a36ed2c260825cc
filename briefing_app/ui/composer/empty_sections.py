"""Briefing ▸ Leave Out Empty Sections: export and print without the sections that have
no blocks yet.

Pre-flight warns about an empty section (it would print as a bare heading); this choice
is the way out when the staffer means to send the memo as it is. It changes only what is
written (Word, PDF, HTML, the printout), never the briefing, and holds for the session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def install_leave_out_empty_sections(composer) -> QAction:
    """Add the checkable action (``composer.actions["leave_out_empty"]``) after the
    export actions of the Briefing menu; install after :func:`printing.install_print`."""
    window = composer.window
    action = QAction(QCoreApplication.translate("EmptySections", "Leave Out &Empty Sections"),
                     window)
    action.setObjectName("action_composer_leave_out_empty")
    action.setCheckable(True)
    tip = QCoreApplication.translate(
        "EmptySections", "Export and print the memo without the sections that have no "
        "blocks (the briefing keeps them)")
    action.setToolTip(tip)
    action.setStatusTip(tip)

    def choose(on: bool) -> None:
        composer.exporter.leave_out_empty_sections = on
        printer = getattr(composer, "printer", None)
        if printer is not None:
            printer.leave_out_empty_sections = on

    action.toggled.connect(choose)
    composer.actions["leave_out_empty"] = action
    menu = window.menus.get("briefing")
    if menu is not None:
        anchor = composer.actions.get("print") or composer.actions.get("export_pdf")
        listed = menu.actions()
        if anchor in listed and listed.index(anchor) + 1 < len(listed):
            menu.insertAction(listed[listed.index(anchor) + 1], action)
        else:
            menu.addAction(action)
    return action
