"""The Help menu: the user guide in its own window, Search Syntax, About.

The guide is Markdown (``resources/help/user-guide.md``) shown in a QTextBrowser, with the
headings as a contents tree on the left and a find field above. Facts that depend on this
copy of the app are filled in when the guide opens, so they can never be out of date:
``{{shortcuts}}`` becomes a table of every shortcut of the live window's actions, read
from its menus, and ``{{fact_base}}``, ``{{data_folder}}`` and ``{{settings_file}}``
become real paths. Links to web pages open in the system browser; ``#slug`` links jump to
a heading (slugs as GitHub makes them: ``Search syntax`` -> ``search-syntax``).

:mod:`.help_menu` puts it in the window's Help menu and loads this module when the guide
first opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ui.i18n import localized_resource

GUIDE_PARTS = ("help", "user-guide.md")  # user-guide.es.md in Spanish (i18n.localized_resource)
# The search syntax heading's anchor in the guide's language ("lenguaje-de-consulta").
SEARCH_SECTION = QT_TRANSLATE_NOOP("HelpController", "search-syntax")
SHORTCUTS_PLACEHOLDER = "{{shortcuts}}"
EXTERNAL_SCHEMES = ("http", "https", "mailto")
MATCH_COLOUR = QColor("#ffe58a")
CODE_BACKGROUND = QColor("#f3f3f3")
HEADING_ROLE = Qt.ItemDataRole.UserRole


def guide_markdown() -> str:
    """The guide as shipped in the UI's language, placeholders and all."""
    return localized_resource(*GUIDE_PARTS).read_text(encoding="utf-8")


def slug(heading: str) -> str:
    """The anchor of a heading as GitHub writes it: ``1. Find items`` -> ``1-find-items``."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


# ---------------------------------------------------------------- shortcut table


@dataclass(frozen=True)
class ShortcutRow:
    menu: str  # "Edit", "Item › Set Status"; "" for an action in no menu
    command: str
    keys: str


def command_name(action: QAction) -> str:
    """An action's menu text as a person reads it: no ``&``, no ``…``, no key after a tab."""
    text = action.text().split("\t", 1)[0]
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("…").rstrip(".").strip()


def action_keys(action: QAction) -> str:
    """The keys of an action in the platform's notation, or the key its text shows after a
    tab (a shortcut that lives on one widget but is listed in a menu)."""
    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
    keys = [k for k in keys if k]
    if keys:
        return ", ".join(keys)
    _, _, shown = action.text().partition("\t")
    return shown.strip()


def shortcut_rows(window) -> list[ShortcutRow]:
    """Every shortcut of ``window``: its menus first, in menu order, then any other action
    of the window that has one. Menus are read as the user would find them on opening."""
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()

    def add(menu: str, action: QAction) -> None:
        keys = action_keys(action)
        if not keys or action.isSeparator():
            return
        name = command_name(action)
        if (name, keys) not in seen:
            seen.add((name, keys))
            rows.append(ShortcutRow(menu, name, keys))

    def walk(menu, path: str) -> None:
        menu.aboutToShow.emit()  # menus filled as they open (Add to Briefing) fill now
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} › {command_name(action)}")
            else:
                add(path, action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), command_name(action))
    for action in window.findChildren(QAction):
        add("", action)
    return rows


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def shortcut_table(rows: list[ShortcutRow], headings: tuple[str, str, str],
                   elsewhere: str) -> str:
    """A Markdown table of ``rows`` under ``headings`` (menu, command, keys)."""
    lines = ["| " + " | ".join(headings) + " |", "|---|---|---|"]
    for row in rows:
        lines.append(f"| {_cell(row.menu or elsewhere)} | {_cell(row.command)} | "
                     f"{_cell(row.keys)} |")
    return "\n".join(lines)


def fill(markdown: str, values: dict[str, str]) -> str:
    """``markdown`` with each ``{{name}}`` replaced by ``values[name]``."""
    for name, value in values.items():
        markdown = markdown.replace("{{" + name + "}}", value)
    return markdown


# ---------------------------------------------------------------- the window


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    block_number: int


class FindField(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous one, Esc empties the field."""

    next_requested = Signal()
    previous_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class HelpWindow(QWidget):
    """The user guide: contents on the left, find field and text on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Briefing Builder User Guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.resize(1000, 720)
        self.headings: list[Heading] = []

        self.contents = QTreeWidget(self)
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setHeaderHidden(True)
        self.contents.setRootIsDecorated(False)
        self.contents.setIndentation(14)
        self.contents.itemActivated.connect(self._heading_chosen)
        self.contents.itemClicked.connect(self._heading_chosen)

        self.find_field = FindField(self)
        self.find_field.setObjectName("helpFind")
        self.find_field.setAccessibleName(self.tr("Find in guide"))
        self.find_field.setPlaceholderText(self.tr("Find in guide (Ctrl+F)"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.textChanged.connect(lambda _text: self.find(again=False))
        self.find_field.next_requested.connect(lambda: self.find())
        self.find_field.previous_requested.connect(lambda: self.find(backward=True))
        self.find_status = QLabel(self)
        self.find_status.setObjectName("helpFindStatus")
        self.find_status.setAccessibleName(self.tr("Find result"))

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(self.tr("User guide text"))
        self.browser.document().setDocumentMargin(12)
        self.browser.setOpenLinks(False)  # web links go to the system browser, see _follow
        self.browser.anchorClicked.connect(self._follow)
        self.browser.verticalScrollBar().valueChanged.connect(self._mark_current_heading)

        find_row = QHBoxLayout()
        find_row.setContentsMargins(0, 0, 0, 0)
        find_row.addWidget(self.find_field, 1)
        find_row.addWidget(self.find_status)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(find_row)
        column.addWidget(self.browser, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_find)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Esc closes the guide, as it closes a dialog (the find field takes the first
        Esc while it holds text)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------ content

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` and list its headings (levels 2 and 3) as the contents."""
        self.browser.setMarkdown(markdown)
        self._tidy_layout()
        self.headings = []
        self.contents.clear()
        parent: QTreeWidgetItem | None = None
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level in (2, 3):
                heading = Heading(level, block.text(), slug(block.text()), block.blockNumber())
                self.headings.append(heading)
                entry = QTreeWidgetItem([heading.text])
                entry.setData(0, HEADING_ROLE, heading.anchor)
                if level == 2 or parent is None:
                    self.contents.addTopLevelItem(entry)
                    parent = entry
                else:
                    parent.addChild(entry)
            block = block.next()
        self.contents.expandAll()

    def _tidy_layout(self) -> None:
        """Thin cell borders and some padding (Markdown tables come without either), and
        code blocks that wrap rather than widen the page past the window."""
        document = self.browser.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            if block.blockFormat().nonBreakableLines():
                block_format = block.blockFormat()
                block_format.setNonBreakableLines(False)
                block_format.setBackground(CODE_BACKGROUND)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(block_format)
            block = block.next()
        for frame in document.rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                table_format = frame.format()
                table_format.setBorder(1)
                table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
                table_format.setBorderBrush(QColor("#c8c8c8"))
                table_format.setBorderCollapse(True)
                table_format.setCellPadding(4)
                table_format.setCellSpacing(0)
                table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
                frame.setFormat(table_format)

    def plain_text(self) -> str:
        return self.browser.document().toPlainText()

    # ------------------------------------------------------------ sections

    def show_section(self, anchor: str) -> bool:
        """Scroll so the heading ``anchor`` is at the top; False when there is none."""
        heading = next((h for h in self.headings if h.anchor == anchor), None)
        if heading is None:
            return False
        self._scroll_to(heading)
        # The first show lays the text out again at the real width: scroll once more then.
        QTimer.singleShot(0, lambda: self._scroll_to(heading))
        return True

    def current_section(self) -> str:
        """The anchor of the heading at the top of the text (or the last one above it)."""
        current = self._heading_at_top()
        return current.anchor if current else ""

    def _scroll_to(self, heading: Heading) -> None:
        block = self.browser.document().findBlockByNumber(heading.block_number)
        self.browser.setTextCursor(QTextCursor(block))
        self.browser.verticalScrollBar().setValue(int(self._block_top(block)))
        self._mark_current_heading()

    def _block_top(self, block: QTextBlock) -> float:
        return self.browser.document().documentLayout().blockBoundingRect(block).top()

    def _heading_at_top(self) -> Heading | None:
        top = self.browser.verticalScrollBar().value() + 4
        document = self.browser.document()
        current = None
        for heading in self.headings:
            if self._block_top(document.findBlockByNumber(heading.block_number)) > top:
                break
            current = heading
        return current

    def _mark_current_heading(self, *_args) -> None:
        """Keep the contents tree pointing at the section being read."""
        current = self._heading_at_top()
        if current is None:
            return
        for entry in self._contents_entries():
            if entry.data(0, HEADING_ROLE) == current.anchor:
                blocker = self.contents.blockSignals(True)
                self.contents.setCurrentItem(entry)
                self.contents.blockSignals(blocker)
                return

    def _contents_entries(self) -> list[QTreeWidgetItem]:
        entries = []
        for index in range(self.contents.topLevelItemCount()):
            top = self.contents.topLevelItem(index)
            entries.append(top)
            entries.extend(top.child(number) for number in range(top.childCount()))
        return entries

    def _heading_chosen(self, entry: QTreeWidgetItem, _column: int = 0) -> None:
        self.show_section(entry.data(0, HEADING_ROLE))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.show_section(url.fragment())

    # ------------------------------------------------------------ find

    def focus_find(self) -> None:
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find(self, *, backward: bool = False, again: bool = True) -> bool:
        """Select the next match of the find field's text (wrapping round) and tint every
        match. ``again=False`` (typing) may stay on the match already selected."""
        text = self.find_field.text()
        self._highlight_all(text)
        if not text:
            self.find_status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else \
            QTextDocument.FindFlag(0)
        cursor = self.browser.textCursor()
        if not again:
            cursor.setPosition(cursor.selectionStart())
            self.browser.setTextCursor(cursor)
        found = self.browser.find(text, flags)
        if not found:  # wrap round to the other end of the guide
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        count = len(self.browser.extraSelections())
        if found:
            self.find_status.setText(self.tr("1 match") if count == 1 else
                                     self.tr("%1 matches").replace("%1", str(count)))
        else:
            self.find_status.setText(self.tr("Not found"))
        return found

    def _highlight_all(self, text: str) -> None:
        selections = []
        if text:
            document = self.browser.document()
            tint = QTextCharFormat()
            tint.setBackground(MATCH_COLOUR)
            cursor = document.find(text)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = tint
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.browser.setExtraSelections(selections)
