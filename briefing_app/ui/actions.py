"""Every window action declared once: text, shortcut, icon theme name, status tip.

Menus, the tool bar and tests look actions up by key in ``window.actions``; the shortcut
table below is the one place to read or change them. Texts go through ``translate`` so the
Spanish translation finds them under the ``Actions`` context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: Shortcut = None
    icon: str = ""  # freedesktop icon theme name
    tip: str = ""
    short: str = ""  # tool bar label when the menu text is too long for it


def _t(text: str) -> str:
    """Mark for translation; translated when the action is created."""
    return text


SK = QKeySequence.StandardKey

SPECS = (
    ActionSpec("new_fact_base", _t("&New Fact Base…"), None, "document-new",
               _t("Create a new fact base, empty or with the sample")),
    ActionSpec("open_fact_base", _t("&Open Fact Base…"), SK.Open, "document-open",
               _t("Open another fact base file"), _t("Open")),
    ActionSpec("import", _t("&Import…"), "Ctrl+I", "document-import",
               _t("Import a fact pack (JSON) or a CSV file of items")),
    ActionSpec("export_all", _t("Export &Whole Fact Base…"), "Ctrl+E", "document-export",
               _t("Export every item, person, source and briefing as a fact pack"),
               _t("Export")),
    ActionSpec("export_selection", _t("Export &Selected Items…"), "Ctrl+Shift+E", "",
               _t("Export the selected items (with their people and sources) as a fact pack")),
    ActionSpec("backup", _t("&Back Up…"), "Ctrl+Shift+B", "document-save-as",
               _t("Save a consistent copy of the fact base to another file")),
    ActionSpec("quit", _t("&Quit"), "Ctrl+Q", "application-exit", _t("Close the window")),
    ActionSpec("undo", _t("&Undo"), "Ctrl+Z", "edit-undo", _t("Undo the last change")),
    ActionSpec("redo", _t("&Redo"), "Ctrl+Shift+Z", "edit-redo", _t("Redo the undone change")),
    ActionSpec("find", _t("&Find"), "Ctrl+F", "edit-find", _t("Go to the search box")),
    ActionSpec("clear_filters", _t("&Clear Search and Filter"), "Ctrl+Shift+L", "edit-clear",
               _t("Show every item again")),
    ActionSpec("save_search", _t("&Save Search…"), "Ctrl+Shift+S", "bookmark-new",
               _t("Keep the current search and filter in the sidebar")),
    ActionSpec("refresh", _t("&Refresh"), SK.Refresh, "view-refresh",
               _t("Read the fact base again")),
    ActionSpec("toggle_sidebar", _t("Show S&idebar"), "Ctrl+Shift+1", "",
               _t("Show or hide the sidebar of kinds, tags, people and sources")),
    ActionSpec("toggle_details", _t("Show &Details"), "Ctrl+Shift+2", "",
               _t("Show or hide the item details pane")),
    ActionSpec("focus_sidebar", _t("Go to Side&bar"), "Ctrl+1", "", _t("Move to the sidebar")),
    ActionSpec("focus_table", _t("Go to Item &Table"), "Ctrl+2", "", _t("Move to the item table")),
    ActionSpec("search_help", _t("&Search Syntax"), SK.HelpContents, "help-contents",
               _t("How to write searches")),
    ActionSpec("about", _t("&About Briefing Builder"), None, "help-about", ""),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


def key_sequence(shortcut: Shortcut) -> QKeySequence:
    if shortcut is None:
        return QKeySequence()
    return QKeySequence(shortcut)


def create_actions(parent: QObject) -> dict[str, QAction]:
    """One QAction per spec, owned by ``parent`` (the window), keyed by spec key."""
    tr = QCoreApplication.translate
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(tr("Actions", spec.text), parent)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(key_sequence(spec.shortcut))
        if spec.icon:
            action.setIcon(QIcon.fromTheme(spec.icon))
        if spec.tip:
            action.setStatusTip(tr("Actions", spec.tip))
            action.setToolTip(tr("Actions", spec.tip))
        if spec.short:
            action.setIconText(tr("Actions", spec.short))
        actions[spec.key] = action
    return actions
