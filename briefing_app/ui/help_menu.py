"""Help in the window's menu: User Guide, Search Syntax and About.

The guide (:mod:`.help`) and the About dialog load when first opened: a quicker start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing_app.core.paths import user_data_dir

if TYPE_CHECKING:
    from briefing_app.ui.help import HelpWindow


class HelpController(QObject):
    """Opens the guide (at a section) and the About dialog for one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.guide: HelpWindow | None = None
        self.about_dialog = None

    def guide_values(self) -> dict[str, str]:
        """What the placeholders of the guide stand for in this window, now."""
        from briefing_app.ui.help import shortcut_rows, shortcut_table

        window = self.window
        headings = (self.tr("Menu"), self.tr("Command"), self.tr("Keys"))
        table = shortcut_table(shortcut_rows(window), headings, self.tr("Other"))
        settings = getattr(window, "settings", None)
        return {
            "shortcuts": table,
            "fact_base": str(getattr(window, "db_path", "")),
            "data_folder": str(user_data_dir()),
            "settings_file": str(getattr(settings, "path", "")),
        }

    def show_guide(self, section: str = "") -> HelpWindow:
        """Show the guide window (built afresh unless it is already open), at ``section``."""
        from briefing_app.ui.help import HelpWindow, fill, guide_markdown

        if self.guide is None:
            self.guide = HelpWindow(self.window)
        if not self.guide.isVisible():
            self.guide.set_markdown(fill(guide_markdown(), self.guide_values()))
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        if section:
            self.guide.show_section(section)
        return self.guide

    def show_search_help(self) -> HelpWindow:
        from briefing_app.ui.help import SEARCH_SECTION

        return self.show_guide(self.tr(SEARCH_SECTION))

    def show_about(self):
        from briefing_app.ui.about import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.window)
        self.about_dialog.open()
        return self.about_dialog


def install_help(window) -> HelpController:
    """Put User Guide, Search Syntax and About in the window's Help menu."""
    controller = HelpController(window)
    actions = window.actions
    actions["user_guide"].triggered.connect(lambda: controller.show_guide())
    actions["search_help"].triggered.connect(lambda: controller.show_search_help())
    actions["about"].triggered.connect(lambda: controller.show_about())
    menu = window.menus["help"]
    menu.addActions([actions["user_guide"], actions["search_help"]])
    menu.addSeparator()
    menu.addAction(actions["about"])
    return controller
