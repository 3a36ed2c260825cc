"""The Welcome panel: the app's three steps (find, compose, export) for a new user.

A slim banner across the top of the main window (a title-less dock), never a dialog: the
sample briefing stays in view and usable beside it. Each step has a button that does it:
*Go to Search* focuses the search box, *Show Composer* brings the composer dock forward,
and the export buttons are the composer's own Word/PDF export actions. The panel shows at
every start until "Don't show again" is ticked (stored as ``welcome/dismissed`` in
:class:`~.settings.AppSettings`); Help > Show Welcome brings it back at any time.

``install_welcome(window)`` needs the window's ``settings``, ``actions["find"]`` (or
``focus_search()``), ``menus["help"]`` and ``composer`` (its ``composer_dock``, ``panel``
and ``actions["export_docx"|"export_pdf"]``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DISMISSED_KEY = "welcome/dismissed"
GREETING_MIN_WIDTH = 1100  # narrower, and the panel shows just the three steps

# Light, calm colours with explicit text colour, so the banner reads the same under a
# dark desktop theme.
STYLE = """
#welcomePanel { background: #eef4fb; border-bottom: 1px solid #c5d6ea; }
#welcomePanel QLabel { color: #1d2733; background: transparent; }
#welcomePanel QCheckBox { color: #1d2733; }
#welcomeTitle { font-weight: bold; font-size: 11pt; }
#welcomePanel QLabel[role="stepNumber"] {
    background: #2f6fb1; color: white; border-radius: 10px; font-weight: bold;
    min-width: 20px; max-width: 20px; min-height: 20px; max-height: 20px;
}
#welcomePanel QLabel[role="stepTitle"] { font-weight: bold; }
QFrame#welcomeStep1, QFrame#welcomeStep2, QFrame#welcomeStep3 {
    border: none; border-left: 1px solid #c5d6ea;
}
"""


class WelcomePanel(QFrame):
    """What a new user sees first; emits what they ask for, the window does it."""

    find_requested = Signal()
    compose_requested = Signal()
    close_requested = Signal()
    dont_show_toggled = Signal(bool)

    def __init__(self, export_actions: list[QAction], parent: QWidget | None = None):
        """``export_actions``: the composer's export actions, shown as the third step's
        buttons (they follow the actions' enabled state)."""
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAccessibleName(self.tr("Welcome"))
        self.setAccessibleDescription(self.tr(
            "How to make a briefing memo in three steps: find, compose, export"))
        self.setStyleSheet(STYLE)
        # Never wider than the window allows: on a narrow window the greeting folds away
        # (see resizeEvent) and the steps share what is left.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)

        self.greeting = QWidget(self)
        title = QLabel(self.tr("Welcome to Briefing Builder"), self.greeting)
        title.setObjectName("welcomeTitle")
        self.intro = intro = QLabel(self.greeting)
        intro.setObjectName("welcomeIntro")
        intro.setWordWrap(True)
        self.show_briefing_open(False)
        intro_column = QVBoxLayout(self.greeting)
        intro_column.setContentsMargins(0, 0, 0, 0)
        intro_column.setSpacing(2)
        intro_column.addWidget(title)
        intro_column.addWidget(intro)
        intro_column.addStretch(1)

        self.find_button = self._button(
            self.tr("Go to Search"), self.tr("Go to the search box"), "welcomeFind",
            self.find_requested)
        self.compose_button = self._button(
            self.tr("Show Composer"), self.tr("Show the briefing composer"), "welcomeCompose",
            self.compose_requested)
        self.export_buttons = [self._action_button(action) for action in export_actions]

        self.steps = [
            self._step(1, self.tr("Find"), self.tr(
                "Search the fact base, or filter by kind, tag, person or source in the "
                "sidebar."), [self.find_button]),
            self._step(2, self.tr("Compose"), self.tr(
                "Drag items into the briefing’s sections; add your own paragraphs and "
                "talking points."), [self.compose_button]),
            self._step(3, self.tr("Export"), self.tr(
                "Save the memo as a Word document or a PDF, ready to send."),
                self.export_buttons),
        ]

        self.close_button = QToolButton(self)
        self.close_button.setObjectName("welcomeClose")
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the welcome panel"))
        self.close_button.setToolTip(self.tr(
            "Hide this panel (Help > Show Welcome brings it back)"))
        self.close_button.clicked.connect(self.close_requested)
        self.dont_show = QCheckBox(self.tr("Don’t show again"), self)
        self.dont_show.setObjectName("welcomeDontShow")
        self.dont_show.setAccessibleName(self.tr("Don’t show the welcome panel again"))
        self.dont_show.setToolTip(self.tr("Start without this panel from now on"))
        self.dont_show.toggled.connect(self.dont_show_toggled)
        end_column = QVBoxLayout()
        end_column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        end_column.addStretch(1)
        end_column.addWidget(self.dont_show)

        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 10, 6)
        row.setSpacing(14)
        row.addWidget(self.greeting, 5)
        for step in self.steps:
            row.addWidget(step, 6)
        row.addLayout(end_column, 0)

    def show_briefing_open(self, is_open: bool) -> None:
        """Point at the open briefing as the example, or (none open) just at the steps."""
        self.intro.setText(self.tr(
            "The briefing on the right is a finished memo, ready to print. Make your "
            "own in three steps:") if is_open else self.tr(
            "Make a briefing memo from your fact base in three steps:"))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Exactly as tall as the texts need at this width: every wrapped line in view
        (the dock would give only the minimum height), no empty band below them."""
        super().resizeEvent(event)
        self.greeting.setVisible(self.width() >= GREETING_MIN_WIDTH)
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > 0 and (needed, needed) != (self.minimumHeight(), self.maximumHeight()):
            self.setFixedHeight(needed)

    def _button(self, text: str, accessible: str, name: str, signal) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(signal)
        return button

    def _action_button(self, action: QAction) -> QToolButton:
        """A button that is ``action`` (text, tip, enabled state), labelled briefly."""
        button = QToolButton(self)
        button.setObjectName(f"welcome_{action.objectName()}")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.toolTip() or action.iconText())
        return button

    def _step(self, number: int, title: str, text: str, buttons: list[QWidget]) -> QFrame:
        step = QFrame(self)
        step.setObjectName(f"welcomeStep{number}")
        step.setAccessibleName(self.tr("Step %1: %2").replace("%1", str(number))
                               .replace("%2", title))
        badge = QLabel(str(number), step)
        badge.setProperty("role", "stepNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setAccessibleName(self.tr("Step %1").replace("%1", str(number)))
        heading = QLabel(title, step)
        heading.setProperty("role", "stepTitle")
        body = QLabel(text, step)
        body.setObjectName(f"welcomeStep{number}Text")
        body.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(badge)
        top.addWidget(heading, 1)
        buttons_row = QHBoxLayout()
        buttons_row.setSpacing(6)
        for button in buttons:
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        column = QVBoxLayout(step)
        column.setContentsMargins(12, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(body, 1)
        column.addLayout(buttons_row)
        return step


class Welcome(QObject):
    """The panel in its dock, its setting and Help > Show Welcome, for one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        composer = window.composer
        self.panel = WelcomePanel(
            [composer.actions["export_docx"], composer.actions["export_pdf"]], window)
        self.dock = QDockWidget(self.tr("Welcome"), window)
        self.dock.setObjectName("welcomeDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setTitleBarWidget(QWidget(self.dock))  # a banner, not a tool window
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)

        self.show_action = QAction(self.tr("Show &Welcome"), window)
        self.show_action.setObjectName("action_show_welcome")
        tip = self.tr("Show the three steps to a briefing memo again")
        self.show_action.setToolTip(tip)
        self.show_action.setStatusTip(tip)
        self.show_action.triggered.connect(self.show_panel)
        help_menu = window.menus["help"]
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.show_action)

        self.panel.find_requested.connect(self.go_to_search)
        self.panel.compose_requested.connect(self.show_composer)
        self.panel.close_requested.connect(self.dock.hide)
        dismissed = self.dismissed
        self.panel.dont_show.setChecked(dismissed)
        self.dock.setVisible(not dismissed)
        self.panel.dont_show_toggled.connect(self._remember)
        session = composer.session
        session.opened.connect(
            lambda: self.panel.show_briefing_open(session.briefing is not None))
        self.panel.show_briefing_open(session.briefing is not None)

    @property
    def dismissed(self) -> bool:
        return bool(self.settings.value(DISMISSED_KEY))

    def is_shown(self) -> bool:
        return self.dock.isVisibleTo(self.window)

    def show_panel(self) -> None:
        self.dock.show()
        self.panel.find_button.setFocus()

    def _remember(self, dont_show: bool) -> None:
        self.settings.set_value(DISMISSED_KEY, dont_show)
        self.settings.sync()  # a second window or the next start reads it

    # ------------------------------------------------------------ the steps

    def go_to_search(self) -> None:
        find = self.window.actions.get("find")
        if find is not None:
            find.trigger()
        else:
            self.window.focus_search()

    def show_composer(self) -> None:
        composer = self.window.composer
        composer.composer_dock.show()
        composer.composer_dock.raise_()
        composer.panel.tree.setFocus()


def install_welcome(window) -> Welcome:
    """Add the Welcome panel (shown unless dismissed) and Help > Show Welcome."""
    return Welcome(window)
