"""Qt's own messages, minus the ones that say nothing to a staffer.

The offscreen platform (``--smoke`` in CI, the tests) warns "This plugin does not support
propagateSizeHints()" each time a window's size limits change; it is a fact about the
plugin, not a problem, and it made a clean ``briefing-app --smoke`` look broken. Every
other message goes on to the handler that was there before (Qt's default: stderr).
"""

from __future__ import annotations

from PySide6.QtCore import qInstallMessageHandler

QUIET = ("This plugin does not support propagateSizeHints()",)

_previous = None
_installed = False


def _handle(mode, context, message: str) -> None:
    if message in QUIET:
        return
    if _previous is not None:
        _previous(mode, context, message)
    else:
        import sys

        print(message, file=sys.stderr)


def quiet_platform_notes() -> None:
    """Install the filter once per process."""
    global _previous, _installed
    if not _installed:
        _installed = True
        _previous = qInstallMessageHandler(_handle)
