"""Keys a composer widget keeps for itself even where a window-wide shortcut uses them.

The fact-base table's actions (Delete to delete items, F2 to edit one) are window-wide
shortcuts; pressed in the composer's tree or the briefings list they must act there, never
on fact-base items the staffer cannot see. Claiming the key in the ShortcutOverride event
makes Qt deliver it to the widget instead of dispatching the shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

Key = tuple[Qt.Key, Qt.KeyboardModifier]
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class ClaimedKeys(QObject):
    """Handles ``{(key, modifiers): callback}`` on ``widget`` ahead of any shortcut."""

    def __init__(self, widget: QWidget, handlers: dict[Key, Callable[[], None]]):
        super().__init__(widget)
        self._handlers = {(key, Qt.KeyboardModifier(mods)): f for (key, mods), f in
                          handlers.items()}
        widget.installEventFilter(self)

    def _handler(self, event) -> Callable[[], None] | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return self._handlers.get((Qt.Key(event.key()), Qt.KeyboardModifier(modifiers)))

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        handler = self._handler(event)
        if handler is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            handler()
        return True
