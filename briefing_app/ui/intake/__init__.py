"""Article intake in the desktop app: the review window and the ways an article comes in.

``install_intake(window)`` adds File ▸ Add from Article… and Add Article from Clipboard
(Ctrl+Shift+V) after the Import entry, and opens a review for an article file dropped on
the window; the main window only calls it.
"""

from __future__ import annotations

from briefing_app.ui.intake.intake_actions import ArticleIntake

__all__ = ["ArticleIntake", "install_intake"]


def install_intake(window) -> ArticleIntake:
    """Give ``window`` the article actions; returns them (``window.intake`` too)."""
    intake = ArticleIntake(window)
    window.intake = intake
    file_menu = window.menus["file"]
    anchor = window.actions["import"]
    actions = file_menu.actions()
    following = actions[actions.index(anchor) + 1] if anchor in actions[:-1] else None
    for action in (intake.from_file, intake.from_clipboard):
        if following is not None:
            file_menu.insertAction(following, action)
        else:
            file_menu.addAction(action)
    return intake
