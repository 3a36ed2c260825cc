"""Edit ▸ Preferences… in the window: the menu entry, and the stored preferences handed to
the composer at start and after OK. The dialog (:mod:`.preferences`) loads when first
opened: a quicker start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from briefing_app.ui.preferences import PreferencesDialog
    from briefing_app.ui.settings import Preferences

FALLBACK_SHORTCUT = "Ctrl+,"  # when the platform has no standard Preferences key (Linux)


class PreferencesController(QObject):
    """Opens the dialog from Edit ▸ Preferences… and applies what OK stores.

    Needs from the window: ``settings``, ``menus["edit"]``, ``actions``, a status bar and,
    when present, ``composer.session`` (which then always holds the stored preferences).
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: PreferencesDialog | None = None
        translate = QCoreApplication.translate
        self.action = QAction(translate("PreferencesDialog", "&Preferences…"), window)
        self.action.setObjectName("action_preferences")
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
            or [QKeySequence(FALLBACK_SHORTCUT)])
        tip = translate("PreferencesDialog",
                        "Default author and office, notes, marking scheme, stale limit, language")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self.open_dialog)
        window.actions["preferences"] = self.action
        edit_menu = window.menus.get("edit")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(self.action)
        self.apply()

    def open_dialog(self) -> PreferencesDialog:
        """Show the dialog (window-modal, without blocking); OK stores and applies."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from briefing_app.ui.preferences import PreferencesDialog

        self.dialog = PreferencesDialog(self.window.settings.preferences(), self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.accepted.connect(lambda dialog=self.dialog: self.store(dialog.preferences()))
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()
        return self.dialog

    def _forget_dialog(self, *_args) -> None:
        self.dialog = None

    def store(self, preferences: Preferences) -> None:
        before = self.window.settings.preferences()
        self.window.settings.set_preferences(preferences)
        self.apply()
        if self.window.settings.preferences().language != before.language:
            self.window.statusBar().showMessage(self.tr(
                "The new language shows the next time Briefing Builder starts."), 10_000)

    def apply(self) -> None:
        """Hand the stored preferences to the parts of the window that use them."""
        composer = getattr(self.window, "composer", None)
        if composer is not None:
            composer.session.set_preferences(self.window.settings.preferences())


def install_preferences(window) -> PreferencesController:
    """Add Edit ▸ Preferences… to ``window`` (after its composer is built)."""
    return PreferencesController(window)
