"""While the open fact base is read-only, the window's actions that can only change it are
disabled, so a staffer sees at once what cannot be done instead of meeting a refusal.

They are listed once, in :func:`change_actions`, and held in one ``QActionGroup``: a
disabled group keeps each of its actions disabled whatever the action's own rules (a
selection, an open briefing) say meanwhile, and enabling the group again gives each
action the state its own rules last set. Search, export, print, back up and opening
another file stay enabled. A change that comes another way (a file dropped on the
window, typing in the composer) is still refused by the store, with its message.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup

from briefing_app.core.vocab import ITEM_KINDS, STATUSES
from briefing_app.ui.composer.composer_panel import ADD_BLOCK_KEYS

ITEM_CHANGES = ("edit_item", "delete_items", "add_tags", "remove_tags",
                "manage_people", "manage_sources", "manage_tags")
BRIEFING_CHANGES = ("new", "duplicate", "rename", "delete")
COMPOSER_CHANGES = (*ADD_BLOCK_KEYS.values(), "add_section", "rename_section",
                    "move_up", "move_down", "remove")


def change_actions(window) -> list[QAction]:
    """Every action of ``window`` whose only work is to change the open fact base (a
    submenu of such actions counts as one, by the entry that opens it)."""
    editing, composer, intake, team = window.editing, window.composer, window.intake, window.team
    return [
        window.actions["import"], intake.from_file, intake.from_clipboard,
        window.actions["save_search"],
        editing.new_menu.menuAction(), *(editing.actions[f"new_{kind}"] for kind in ITEM_KINDS),
        *(editing.actions[key] for key in ITEM_CHANGES),
        editing.status_menu.menuAction(),
        *(editing.actions[f"status_{status}"] for status in STATUSES),
        editing.marking_menu.menuAction(),
        *(composer.briefings.actions[key] for key in BRIEFING_CHANGES),
        *(composer.panel.actions[key] for key in COMPOSER_CHANGES),
        composer.add_menu.menuAction(), composer.actions["add_to_briefing"],
        team.join_action, team.sync_action,
    ]


def takes_changes(window) -> bool:
    """Whether the fact base open in ``window`` can be changed."""
    return not window.fact_base.read_only


class ReadOnlyActions(QObject):
    """Enables :func:`change_actions` exactly while the open fact base takes changes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for action in change_actions(window):
            self.group.addAction(action)
        window.fact_base_replaced.connect(lambda _store: self.follow_fact_base())
        self.follow_fact_base()

    def follow_fact_base(self) -> None:
        self.group.setEnabled(takes_changes(self.window))


def install_read_only_actions(window) -> ReadOnlyActions:
    """Disable ``window``'s change actions while its fact base is read-only; install after
    the editing, composer, intake and team parts, whose actions it lists."""
    return ReadOnlyActions(window)
