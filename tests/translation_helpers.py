"""Reading the Spanish translation (.ts) and collecting the texts a window shows, for the
translation tests (test_translations.py, test_ui_spanish.py)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from briefing_app.core.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent
TS_PATH = resource_path("translations", "briefing_app_es.ts")
QM_PATH = resource_path("translations", "briefing_app_es.qm")
VENV_BIN = Path(sys.executable).parent  # pyside6-lupdate/-lrelease of this environment
QT_PARTS = {"ScrollLeftButton", "ScrollRightButton"}  # tab bar arrows
PLACEHOLDER = re.compile(r"%\d+|%[sdn]|\{\w*\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or one per plural form
    unfinished: bool


def read_ts(path: str | Path = TS_PATH) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = tuple(forms) if forms else (translation.text or "",)
            state = translation.get("type", "")
            if state in ("obsolete", "vanished"):
                continue
            messages.append(Message(name, message.findtext("source") or "", texts,
                                    unfinished=state == "unfinished"))
    return messages


def run_lupdate(ts_path: Path) -> None:
    """Collect the marked strings of the UI sources into ``ts_path`` the way
    ``make translations`` does."""
    subprocess.run(
        [str(VENV_BIN / "pyside6-lupdate"), "-extensions", "py", "-locations", "none",
         "-no-obsolete", "-silent", "briefing_app/ui", "-ts", str(ts_path)],
        cwd=ROOT, check=True, capture_output=True)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def plain(text: str) -> str:
    """What people read: no mnemonic ampersands, no shortcut after a tab, no HTML tags."""
    text = text.split("\t")[0]
    if "<" in text and ">" in text:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"&(?=[^&\s])", "", text).replace("&&", "&")
    text = " ".join(text.split())
    return text.removesuffix("…").removesuffix("...")  # tool buttons drop the ellipsis


def text_pattern(text: str) -> re.Pattern:
    """Matches ``text`` with each placeholder standing for any text."""
    parts = PLACEHOLDER.split(plain(text))
    return re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)


def has_words(text: str) -> bool:
    """Two letters in a row: a text someone reads (not a number, symbol or mark)."""
    return re.search(r"[^\W\d_]{2}", text) is not None


# ---------------------------------------------------------------- what a window shows


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        texts.append(widget.windowTitle())
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    elif isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model, top = widget.model(), QModelIndex()
        texts += [str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                  for column in range(model.columnCount(top))]
        if isinstance(widget, QTreeView):  # group rows: the sidebar's Kinds, Tags...
            texts += [str(model.index(row, 0, top).data() or "")
                      for row in range(model.rowCount(top))]
    return texts


def _action_texts(action: QAction, seen: set[int]) -> list[tuple[str, str]]:
    if id(action) in seen or action.isSeparator():
        return []
    seen.add(id(action))
    where = f"action {action.objectName() or action.text()!r}"
    found = [(where, action.text()), (where, action.iconText()), (where, action.toolTip()),
             (where, action.statusTip())]
    menu = action.menu()
    if isinstance(menu, QMenu):
        found += menu_texts(menu, seen)
    return found


def menu_texts(menu: QMenu, seen: set[int] | None = None) -> list[tuple[str, str]]:
    """The menu's title and every action in it and its submenus (filled as when opened)."""
    seen = set() if seen is None else seen
    menu.aboutToShow.emit()  # menus filled on opening (recent files, markings)
    found = [(f"menu {menu.objectName() or menu.title()!r}", menu.title())]
    for action in menu.actions():
        found += _action_texts(action, seen)
    return found


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything ``window`` can show: menus, tool bars, context-menu
    actions, labels, buttons, group boxes, tabs, placeholders, tooltips, accessible names,
    column headers, combo box entries, dock titles."""
    seen: set[int] = set()
    found: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            found += _action_texts(action, seen)
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.objectName().startswith("qt_") or widget.objectName() in QT_PARTS:
            continue  # Qt's own parts (dock buttons, spin box arrows): Qt translates them
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        found += [(where, text) for text in _widget_texts(widget)]
        for action in QWidget.actions(widget):  # some widgets keep a dict named actions
            found += _action_texts(action, seen)
    return [(where, text) for where, text in found if text and has_words(plain(text))]


def qt_standard_texts() -> set[str]:
    """Qt's own words for standard buttons in the current language (qtbase_*.qm)."""
    english = ("OK", "Cancel", "Close", "Save", "Discard", "Apply", "Reset",
               "Restore Defaults", "Help", "Yes", "No", "Open", "Abort", "Retry", "Ignore",
               "&Yes", "&No", "&OK", "&Cancel", "&Close", "&Save")
    return {plain(QCoreApplication.translate("QPlatformTheme", text)) for text in english}
