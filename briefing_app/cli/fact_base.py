"""Which fact base a command works on, and how a command says it cannot.

Every command names its fact base the same way (``--db PATH``, else ``$BRIEFING_APP_DB``,
else the user data folder) and meets the same checks: a path named with ``--db`` must
exist and must not be an empty file, so a typo never silently creates a fact base.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from briefing_app.cli.waiting import said_when_waiting
from briefing_app.core.paths import default_db_path

PROG = "briefing-app"


class CliError(Exception):
    """A failure to report as ``briefing-app: error: <message>`` with exit status 1."""


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else default_db_path()


@contextlib.contextmanager
def open_fact_base(args: argparse.Namespace) -> Iterator:
    """The fact base the command works on, as a core Library (reads through
    ``library.store``, changes through operations), closed when the block ends. A change
    that must wait for another program's write says so once on stderr."""
    library = _open_library(args)
    with library, said_when_waiting(library.store, library.path):
        yield library


def _open_library(args: argparse.Namespace):
    """The default fact base (user data folder or ``$BRIEFING_APP_DB``) is created with the
    sample on first use; a path named with ``--db`` must exist, so a typo never silently
    creates a new fact base, and an empty file is never turned into one by a command that
    reads."""
    from briefing_app.store import open_library

    if not args.db:
        from briefing_app.core.library import Library
        from briefing_app.exchange.sample import open_or_create_default

        return Library(open_or_create_default())
    path = db_path(args)
    if not path.exists():
        raise CliError(f"no fact base at {path} (create one with: {PROG} --db {path} init)")
    if path.is_file() and path.stat().st_size == 0:
        raise CliError(f"{path} is an empty file, not a fact base (remove it, then create "
                       f"one with: {PROG} --db {path} init)")
    return open_library(path)


def existing_fact_base(args: argparse.Namespace) -> Path:
    """The path of the command's fact base, which must be a non-empty file (for commands
    that look at the file itself, such as ``check`` and ``backups``)."""
    path = db_path(args)
    if not path.is_file() or path.stat().st_size == 0:
        raise CliError(f"no fact base at {path}")
    return path
