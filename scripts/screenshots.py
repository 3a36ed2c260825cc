"""Screenshots of the main window on the sample fact base, as a new staffer first sees it.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py \
        --size 1366x768 --language es --out docs/screenshots/main-window-es.png

Run it on a real X server (Xvfb) of the size named: the window takes the size a first
start gives it on that screen. ``--report`` prints the geometry the layout tests check
(``tests/test_ui_desk_layout.py``) as JSON instead of, or besides, saving a picture.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--language", choices=("en", "es"), default="en")
    parser.add_argument("--out", help="the PNG to write")
    parser.add_argument("--report", action="store_true", help="print the layout as JSON")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as folder:
        # a first start: no settings, the sample fact base, the Welcome panel dismissed
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        from briefing_app.exchange.sample import create_fact_base
        from briefing_app.ui.app import application
        from briefing_app.ui.i18n import install_translator
        from briefing_app.ui.main_window import MainWindow
        from briefing_app.ui.settings import AppSettings
        from briefing_app.ui.window_layout import layout_report

        app = application()
        install_translator(app, language=args.language)
        fact_base = create_fact_base(Path(folder) / "sample.sqlite")
        settings = AppSettings()
        settings.set_value("welcome/dismissed", True)
        window = MainWindow(fact_base, fact_base.path, settings=settings)
        window.resize(width, height)
        window.show()
        deadline = time.monotonic() + 3  # the sidebar counts and the preview arrive
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if args.out:
            window.grab().save(args.out)
        if args.report:
            print(json.dumps(layout_report(window)))
        window.close()
        fact_base.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
