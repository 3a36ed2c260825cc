"""A click outside an open completion list goes where it was aimed.

Qt's QCompleter closes its list on a click outside it and swallows that click, so the
focus stays in the field being completed: a staffer who typed "es" in Language and then
clicked Tags found the tags typed into Language ("estrade-dele"). With
:func:`follow_clicks_out_of`, the click still closes the list, and then the widget under
the pointer takes the focus, as any other click would give it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QWidget


def _focusable_at(window: QWidget, position: QPoint) -> QWidget | None:
    """The widget of ``window`` at the global ``position`` that a click would focus."""
    local = window.mapFromGlobal(position)
    if not window.rect().contains(local):
        return None  # another window: the system gives it the focus
    widget = window.childAt(local) or window
    while widget is not None and not widget.focusPolicy() & Qt.FocusPolicy.ClickFocus:
        widget = widget.parentWidget()
    return widget


class _ClickThrough(QObject):
    """Event filter on a completion list (installed after QCompleter's own, so it sees the
    press first and lets QCompleter close the list)."""

    def __init__(self, completer: QCompleter):
        super().__init__(completer.popup())
        self.completer = completer

    def eventFilter(self, popup, event) -> bool:  # noqa: N802 - Qt API
        field = self.completer.widget()
        if event.type() == QEvent.Type.MouseButtonPress and field is not None and \
                not popup.rect().contains(popup.mapFromGlobal(event.globalPosition().toPoint())):
            target = _focusable_at(field.window(), event.globalPosition().toPoint())
            if target is not None and target is not field:
                # After the list is hidden: hiding gives the focus back to the field.
                QTimer.singleShot(0, target, lambda: target.setFocus(
                    Qt.FocusReason.MouseFocusReason))
        return False


def follow_clicks_out_of(completer: QCompleter) -> None:
    """Make a click outside ``completer``'s list focus what was clicked."""
    completer.popup().installEventFilter(_ClickThrough(completer))
