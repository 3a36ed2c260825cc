"""Every window action declared once: text, shortcut, icon theme name, status tip.

Menus, the tool bar and tests look actions up by key in ``window.actions``; the shortcut
table below is the one place to read or change them. Texts go through ``translate`` so the
Spanish translation finds them under the ``Actions`` context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
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


SK = QKeySequence.StandardKey

SPECS = (
    ActionSpec("new_fact_base", QT_TRANSLATE_NOOP("Actions", "&New Fact Base…"), None,
               "document-new",
               QT_TRANSLATE_NOOP("Actions", "Create a new fact base, empty or with the sample")),
    ActionSpec("open_fact_base", QT_TRANSLATE_NOOP("Actions", "&Open Fact Base…"), SK.Open,
               "document-open", QT_TRANSLATE_NOOP("Actions", "Open another fact base file"),
               QT_TRANSLATE_NOOP("Actions", "Open")),
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "&Import…"), "Ctrl+I", "document-import",
               QT_TRANSLATE_NOOP("Actions", "Import a fact pack (JSON) or a CSV file of items")),
    ActionSpec("export_all", QT_TRANSLATE_NOOP("Actions", "Export &Whole Fact Base…"), "Ctrl+E",
               "document-export",
               QT_TRANSLATE_NOOP("Actions", "Export every item, person, source and briefing "
                                            "as a fact pack"),
               QT_TRANSLATE_NOOP("Actions", "Export")),
    ActionSpec("export_selection", QT_TRANSLATE_NOOP("Actions", "Export &Selected Items…"),
               "Ctrl+Shift+E", "",
               QT_TRANSLATE_NOOP("Actions", "Export the selected items (with their people and "
                                            "sources) as a fact pack")),
    ActionSpec("backup", QT_TRANSLATE_NOOP("Actions", "&Back Up…"), "Ctrl+Shift+B",
               "document-save-as",
               QT_TRANSLATE_NOOP("Actions", "Save a consistent copy of the fact base to "
                                            "another file")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "Ctrl+Q", "application-exit",
               QT_TRANSLATE_NOOP("Actions", "Close the window")),
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "Ctrl+Z", "edit-undo",
               QT_TRANSLATE_NOOP("Actions", "Undo the last change")),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "Ctrl+Shift+Z", "edit-redo",
               QT_TRANSLATE_NOOP("Actions", "Redo the undone change")),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find"), "Ctrl+F", "edit-find",
               QT_TRANSLATE_NOOP("Actions", "Go to the search box")),
    ActionSpec("clear_filters", QT_TRANSLATE_NOOP("Actions", "&Clear Search and Filter"),
               "Ctrl+Shift+L", "edit-clear", QT_TRANSLATE_NOOP("Actions", "Show every item again")),
    ActionSpec("save_search", QT_TRANSLATE_NOOP("Actions", "&Save Search…"), "Ctrl+Shift+S",
               "bookmark-new",
               QT_TRANSLATE_NOOP("Actions", "Keep the current search and filter in the sidebar")),
    ActionSpec("copy_id", QT_TRANSLATE_NOOP("Actions", "Copy &ID"), "Ctrl+Shift+C", "edit-copy",
               QT_TRANSLATE_NOOP("Actions", "Copy the selected items' ids (for the command "
                                            "line's export --item)")),
    ActionSpec("refresh", QT_TRANSLATE_NOOP("Actions", "&Refresh"), SK.Refresh, "view-refresh",
               QT_TRANSLATE_NOOP("Actions", "Read the fact base again")),
    ActionSpec("toggle_sidebar", QT_TRANSLATE_NOOP("Actions", "Show S&idebar"), "Ctrl+Shift+1", "",
               QT_TRANSLATE_NOOP("Actions", "Show or hide the sidebar of kinds, tags, people "
                                            "and sources")),
    ActionSpec("toggle_details", QT_TRANSLATE_NOOP("Actions", "Show &Details"), "Ctrl+Shift+2", "",
               QT_TRANSLATE_NOOP("Actions", "Show or hide the item details pane")),
    ActionSpec("focus_sidebar", QT_TRANSLATE_NOOP("Actions", "Go to Side&bar"), "Ctrl+1", "",
               QT_TRANSLATE_NOOP("Actions", "Move to the sidebar")),
    ActionSpec("focus_table", QT_TRANSLATE_NOOP("Actions", "Go to Item &Table"), "Ctrl+2", "",
               QT_TRANSLATE_NOOP("Actions", "Move to the item table")),
    ActionSpec("user_guide", QT_TRANSLATE_NOOP("Actions", "&User Guide"), SK.HelpContents,
               "help-contents", QT_TRANSLATE_NOOP("Actions", "Open the user guide")),
    ActionSpec("search_help", QT_TRANSLATE_NOOP("Actions", "&Search Syntax"), None,
               "", QT_TRANSLATE_NOOP("Actions", "How to write searches")),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Briefing Builder"), None, "help-about",
               ""),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


def key_sequence(shortcut: Shortcut) -> QKeySequence:
    if shortcut is None:
        return QKeySequence()
    return QKeySequence(shortcut)


def create_actions(parent: QObject) -> dict[str, QAction]:
    """One QAction per spec, owned by ``parent`` (the window), keyed by spec key."""
    translate = QCoreApplication.translate
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(translate("Actions", spec.text), parent)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcut is not None:
            action.setShortcut(key_sequence(spec.shortcut))
        if spec.icon:
            action.setIcon(QIcon.fromTheme(spec.icon))
        if spec.tip:
            action.setStatusTip(translate("Actions", spec.tip))
            action.setToolTip(translate("Actions", spec.tip))
        if spec.short:
            action.setIconText(translate("Actions", spec.short))
        actions[spec.key] = action
    return actions
