"""Entry point of the frozen bundle: the same command line as the installed ``briefing-app``
(no command opens the desktop app; ``render``, ``search``, ``--smoke``... work as documented)."""

import sys

from briefing_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
