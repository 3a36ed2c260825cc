"""Tags typed as a comma-separated list, with the fact base's tags offered as you type.

Completion works on the tag being typed (after the last comma), so choosing
``counternarcotics`` from the list while typing ``sanctions, coun`` gives
``sanctions, counternarcotics, `` and the next tag can follow at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

_POPUP_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
               Qt.Key.Key_Backtab)


def split_tags(text: str) -> list[str]:
    """Tags of a comma-separated text: trimmed, without empties and repeats (any case)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = part.strip()
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


class TagEditor(QLineEdit):
    def __init__(self, known_tags: Iterable[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Comma-separated, e.g. sanctions, visa"))
        self._model = QStringListModel(sorted(set(known_tags), key=str.casefold), self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated[str].connect(self._insert)
        self.textEdited.connect(self._complete)

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(", ".join(tags))

    def set_known_tags(self, tags: Iterable[str]) -> None:
        self._model.setStringList(sorted(set(tags), key=str.casefold))

    def current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _complete(self) -> None:
        prefix = self.current_word()
        popup = self.completer_.popup()
        if not prefix:
            popup.hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        if self.completer_.completionCount() == 0:
            popup.hide()
            return
        popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))
        self.completer_.complete()

    def _insert(self, completion: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition():]
        done = before.split(",")[:-1]
        head = ", ".join([*(p.strip() for p in done if p.strip()), completion]) + ", "
        self.setText(head + after.lstrip(", "))
        self.setCursorPosition(len(head))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if self.completer_.popup().isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the popup handles them
            return
        super().keyPressEvent(event)
