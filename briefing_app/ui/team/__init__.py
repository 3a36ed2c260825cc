"""The team library in the desktop app: File ▸ Team (Join Team Library…, Sync Now,
Conflicts…), the sync line in the status bar, and periodic syncs off the UI thread.

``install_team(window)`` adds all of it to a main window; the window calls it once.
"""

from __future__ import annotations


def install_team(window):
    """Add the team menu, status line and syncing to ``window``; returns the controller."""
    from briefing_app.ui.team.controller import TeamController

    window.team = TeamController(window)
    return window.team
