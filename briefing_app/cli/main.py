"""The ``briefing-app`` command: the desktop app's layers, scriptable and without Qt.

Every subcommand is a small function taking the parsed arguments and returning an exit
code. Failures the user can fix (a missing file, a corrupt fact base, a bad pack) end as one
line on stderr and exit status 1; argparse reports usage mistakes with status 2. Qt is
imported only when the GUI starts, so the commands run on machines without a display.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from briefing_app import __version__
from briefing_app.cli import extract as extract_cli
from briefing_app.cli import output as cli_output
from briefing_app.cli import team as team_cli
from briefing_app.cli.fact_base import (
    PROG,
    CliError,
    db_path,
    existing_fact_base,
    open_fact_base,
)
from briefing_app.core.dates import DateError
from briefing_app.core.files import WriteError
from briefing_app.core.id_prefix import (
    AmbiguousIdError,
    IdPrefixError,
    UnknownIdError,
    resolve_id,
)
from briefing_app.core.vocab import OUTPUT_FORMATS, PAGE_SIZES

DEFAULT_SEARCH_LIMIT = 50


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from briefing_app.exchange.sample import create_fact_base

    path = db_path(args)
    if path.exists():
        raise CliError(f"a fact base already exists at {path}; it was left untouched")
    path.parent.mkdir(parents=True, exist_ok=True)
    with create_fact_base(path, empty=args.empty) as fb:
        items, briefings = fb.item_count(), len(fb.list_briefings())
    what = "an empty fact base" if args.empty else "a fact base with the sample data"
    print(f"Created {what} at {path} ({_count(items, 'item')}, "
          f"{_count(briefings, 'briefing')})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """All files in one transaction: one bad file leaves the fact base as it was. Every
    file is checked, so one run reports the problems of every bad file."""
    from briefing_app.exchange.csv_import import import_csv
    from briefing_app.exchange.factpack import import_pack
    from briefing_app.exchange.safe_read import MAX_PROBLEMS_SHOWN, PackError

    importers = {".json": import_pack, ".csv": import_csv}
    paths = [Path(name) for name in args.files]
    for path in paths:
        if path.suffix.lower() not in importers:
            raise CliError(f"{path}: not a fact pack (.json) or a CSV file (.csv)")
    failed: dict[Path, list[str]] = {}
    with open_fact_base(args) as library:
        reports = []
        try:
            with library.store.transaction():  # every file or none
                for path in paths:
                    try:
                        result = importers[path.suffix.lower()](library, path)
                    except PackError as error:
                        failed[path] = error.problems
                        continue
                    reports.append(f"{path}: {result.summary()}")
                if failed:
                    raise _ImportRefused()
        except _ImportRefused:
            pass
    if failed:
        raise CliError(_import_failure(failed, MAX_PROBLEMS_SHOWN))
    for report in reports:
        print(report)
    _automatic_backup(args)
    return 0


def _automatic_backup(args: argparse.Namespace) -> None:
    """After a change: a backup unless there is one from the last 30 minutes."""
    from briefing_app.store import FactBaseError
    from briefing_app.store.auto_backup import backup_if_stale

    try:
        backup_if_stale(db_path(args))
    except FactBaseError as error:  # the change itself is done; say so, exit 0
        print(f"{PROG}: warning: no automatic backup: {_describe(error)}", file=sys.stderr)


def _import_failure(failed: dict[Path, list[str]], limit: int) -> str:
    """The error line; the problems (at most about ``limit``, then a count per file) are
    printed first, each on its own line with its file. One problem is the error line."""
    from briefing_app.exchange.safe_read import PackError

    if len(failed) == 1:
        ((path, problems),) = failed.items()
        if len(problems) == 1:
            return f"{_place_in(path, problems[0])}; nothing was imported"
    room = limit
    for path, problems in failed.items():
        for line in PackError(problems).shown(max(room, 1)):
            print(_place_in(path, line), file=sys.stderr)
        room = max(room - len(problems), 0)
    if len(failed) == 1:
        return f"{path}: {len(problems)} problems; nothing was imported"
    total = sum(len(problems) for problems in failed.values())
    return f"{_count(total, 'problem')} in {len(failed)} files; nothing was imported"


class _ImportRefused(Exception):
    """Rolls back the import transaction once every file has been checked."""


def _place_in(path: Path, problem: str) -> str:
    """A problem message that names its file, once."""
    return problem if problem.startswith(str(path)) else f"{path}: {problem}"


def cmd_export(args: argparse.Namespace) -> int:
    from briefing_app.exchange.factpack import export_pack

    with open_fact_base(args) as library:
        fb = library.store
        briefing_ids = None
        if args.briefing:
            briefing_ids = [_find_briefing(fb, ref).id for ref in args.briefing]
        item_ids = None
        if args.item:
            try:
                item_ids = [resolve_id(fb, "item", ref) for ref in args.item]
            except IdPrefixError as error:
                raise CliError(f"{error}; nothing was exported") from None
        try:
            counts = export_pack(fb, Path(args.file), items=item_ids, briefings=briefing_ids)
        except KeyError as error:
            raise CliError(f"{error.args[0]}; nothing was exported") from None
    written = ", ".join(f"{n} {kind if n != 1 else _SINGULAR[kind]}" for kind, n in counts.items())
    print(f"Wrote {args.file} ({written})")
    return 0


_SINGULAR = {"sources": "source", "people": "person", "items": "item", "briefings": "briefing"}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _find_briefing(fb, ref: str):
    briefing = fb.find_briefing(_briefing_reference(fb, ref))
    if briefing is None:
        raise CliError(f"no briefing with the id or title {ref!r}")
    return briefing


def _briefing_reference(fb, ref: str) -> str:
    """The id ``ref`` is the unique start of (core/id_prefix.py), else ``ref`` itself: a
    briefing's id or exact title, or nothing, which the caller reports."""
    if fb.find_briefing(ref) is not None:
        return ref
    try:
        return resolve_id(fb, "briefing", ref)
    except UnknownIdError:
        return ref
    except AmbiguousIdError as error:
        raise CliError(str(error)) from None


def cmd_search(args: argparse.Namespace) -> int:
    from briefing_app.core.query import RANKED_MAX
    from briefing_app.store import parse

    query = parse(args.query)
    for reason in query.ignored:  # a typo like kind:qoute should not go unseen
        print(f"ignored: {reason}", file=sys.stderr)
    with open_fact_base(args) as library:
        fb = library.store
        items = fb.search(query, limit=args.limit)
        total = fb.count(query)
        newest_first = query.has_words and not fb.ranks_by_relevance(query)
        if args.json:
            names = cli_output.NameCache(fb)
            cli_output.write_json([cli_output.item_record(i, names) for i in items], sys.stdout)
            return 0
    if not items:
        print(f"No items match {args.query!r}.", file=sys.stderr)
        return 0
    rows = [(i.id, i.kind, i.date, i.status, cli_output.item_summary(i)) for i in items]
    headers = ("ID", "KIND", "DATE", "STATUS", "TEXT")
    for line in cli_output.format_columns(headers, rows, cli_output.terminal_width()):
        print(line)
    if total > len(items):
        print(f"{len(items)} of {total} matching items shown (see --limit)", file=sys.stderr)
    if newest_first:
        print(f"newest first: its words are in more than {RANKED_MAX:,} items, too many "
              "to rank by relevance", file=sys.stderr)
    return 0


def cmd_briefings(args: argparse.Namespace) -> int:
    with open_fact_base(args) as library:
        fb = library.store
        summaries = fb.list_briefings()
    if args.json:
        cli_output.write_json([cli_output.briefing_record(s) for s in summaries], sys.stdout)
        return 0
    if not summaries:
        print("The fact base holds no briefings.", file=sys.stderr)
        return 0
    rows = [(s.id, s.date, s.meeting_date, s.template, s.title) for s in summaries]
    headers = ("ID", "DATE", "MEETING", "TEMPLATE", "TITLE")
    for line in cli_output.format_columns(headers, rows, cli_output.terminal_width()):
        print(line)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from briefing_app.document.render import PreflightFailed, render_briefing

    out = Path(args.output)
    with open_fact_base(args) as library:
        fb = library.store
        try:
            reference = _briefing_reference(fb, args.briefing)
            result = render_briefing(fb, reference, out, args.format, strict=args.strict,
                                     page_size=args.page_size,
                                     leave_out_empty_sections=args.leave_out_empty_sections)
        except PreflightFailed as failure:
            _print_warnings(failure.warnings)
            raise CliError(
                f"{len(failure.warnings)} pre-flight warning(s) with --strict; "
                f"{out} was not written"
            ) from None
    _print_warnings(result.warnings)
    print(f"Wrote {result.path} ({result.format})")
    return 0


def _print_warnings(warnings: list) -> None:
    for warning in warnings:
        print(f"warning: {' '.join(warning.message.split())}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    """SQLite's integrity and foreign-key checks and the search index's own check; exit
    status 1 when the fact base is damaged. Changes nothing."""
    from briefing_app.store import open_library
    from briefing_app.store.errors import DamagedFactBaseError

    path = existing_fact_base(args)
    try:
        with open_library(path) as library:
            report = library.store.check_integrity()
    except DamagedFactBaseError as error:
        print(_describe(error))
        return 1
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def cmd_backups(args: argparse.Namespace) -> int:
    """List the automatic backups of the fact base, or restore one (``--restore N``)."""
    from briefing_app.store.auto_backup import backups_folder, list_backups, restore

    path = existing_fact_base(args)
    backups = list_backups(path)
    if args.restore is not None:
        if not 1 <= args.restore <= len(backups):
            raise CliError(f"there is no backup number {args.restore} (see: {PROG} backups)")
        chosen = backups[args.restore - 1]
        kept = restore(chosen.path, path)
        print(f"Restored the backup of {chosen.taken:%Y-%m-%d %H:%M:%S} into {path}; "
              f"the file it replaced is kept as the backup {kept.name}")
        return 0
    if not backups:
        print(f"No automatic backups of {path} yet (they are kept in "
              f"{backups_folder(path)}).", file=sys.stderr)
        return 0
    rows = [(str(number), f"{info.taken:%Y-%m-%d %H:%M:%S}", _counted(info.items),
             _counted(info.briefings), str(info.path))
            for number, info in enumerate(backups, start=1)]
    headers = ("N", "TAKEN", "ITEMS", "BRIEFINGS", "FILE")
    for line in cli_output.format_columns(headers, rows, cli_output.terminal_width()):
        print(line)
    return 0


def _counted(number: int | None) -> str:
    return "?" if number is None else str(number)


def cmd_gui(args: argparse.Namespace) -> int:
    path = db_path(args)
    with open_fact_base(args):  # the same checks and messages as the commands
        pass
    # No garbage collection until the window is up (run_gui turns it back on): loading
    # the app's modules and building the window only add objects that stay, and
    # collections among them cost 17 ms of a 320 ms start.
    gc.disable()
    try:
        try:
            from briefing_app.ui.app import run_gui
        except ImportError as error:
            raise CliError(f"cannot start the desktop app: {error}") from None
        return run_gui(path, smoke=True) if args.smoke else run_gui(path)
    finally:
        gc.enable()  # also when no window came up


# ---------------------------------------------------------------- parsing


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; README's reference is checked against it (tests/test_docs)."""
    db_option = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option given before the subcommand is not reset by the subparser.
    db_option.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="the fact base file (default: $BRIEFING_APP_DB or the user data folder)",
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Compose briefing memos from a local fact base. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", default=None,
        help="the fact base file (default: $BRIEFING_APP_DB or the user data folder, "
        "created with the sample data on first use)",
    )
    parser.add_argument(
        "--smoke", action="store_true",
        help="open the desktop app, close it as soon as its window is shown and exit 0 "
        "(checks that an install or a bundle starts; works with QT_QPA_PLATFORM=offscreen)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[db_option], help=help_text,
                                  description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    init = command("init", cmd_init, "create a fact base (with the sample data unless --empty)")
    init.add_argument("--empty", action="store_true", help="create it without the sample data")

    imp = command("import", cmd_import, "import fact packs (.json) or CSV files")
    imp.add_argument("files", nargs="+", metavar="FILE", help="a fact pack or a CSV file")

    exp = command("export", cmd_export, "export items and briefings as a fact pack (.json)")
    exp.add_argument("file", metavar="FILE", help="the fact pack to write")
    exp.add_argument("--item", action="append", metavar="ID",
                     help="export only this item (repeatable)")
    exp.add_argument("--briefing", action="append", metavar="ID",
                     help="export only this briefing and the items it cites (repeatable)")

    search = command("search", cmd_search, "full-text search of the items")
    search.add_argument("query", metavar="QUERY", help="words to find; \"\" lists every item")
    search.add_argument("--limit", type=_positive_int, default=DEFAULT_SEARCH_LIMIT,
                        metavar="N", help=f"show at most N items (default {DEFAULT_SEARCH_LIMIT})")
    search.add_argument("--json", action="store_true", help="print a JSON array")

    briefings = command("briefings", cmd_briefings, "list the briefings")
    briefings.add_argument("--json", action="store_true", help="print a JSON array")

    render = command("render", cmd_render, "write a briefing as a Word, PDF or HTML memo")
    render.add_argument("briefing", metavar="BRIEFING", help="the briefing's id or exact title")
    render.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="the file to write (.docx, .pdf or .html)")
    render.add_argument("--format", choices=OUTPUT_FORMATS,
                        help="the output format (default: from the extension of OUT)")
    render.add_argument("--strict", action="store_true",
                        help="treat pre-flight warnings as errors: exit 1 and write nothing")
    render.add_argument("--page-size", choices=PAGE_SIZES,
                        help="the paper (default: the briefing's own, set in the composer)")
    render.add_argument("--leave-out-empty-sections", action="store_true",
                        help="leave the sections without blocks out of the memo")
    command("check", cmd_check,
            "check the fact base for damage (file structure, links, search index)")
    backups = command("backups", cmd_backups,
                      "list the automatic backups of the fact base (newest first)")
    backups.add_argument("--restore", type=_positive_int, metavar="N",
                         help="put backup number N in place of the fact base (the current "
                              "file is kept as another backup)")
    team_cli.add_parsers(commands, [db_option])  # team, sync, conflicts, resolve
    extract_cli.add_parser(commands, [db_option])
    return parser


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommand parsers by name (for the docs test and shell completion)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _project_errors() -> tuple[type[BaseException], ...]:
    """Errors that mean "the input or the environment is wrong", never a bug."""
    from briefing_app.core.markings import MarkingError
    from briefing_app.core.templates import TemplateError
    from briefing_app.document.render import BriefingNotFoundError
    from briefing_app.document.writers import UnknownFormatError
    from briefing_app.exchange.safe_read import PackError
    from briefing_app.store import FactBaseError

    return (
        CliError, FactBaseError, PackError, DateError, WriteError, OSError,
        BriefingNotFoundError, UnknownFormatError, TemplateError, MarkingError,
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", cmd_gui)
    if args.smoke and handler is not cmd_gui:
        parser.error("--smoke opens the desktop app; it takes no command")
    try:
        return handler(args)
    except KeyboardInterrupt as interrupt:
        print(f"{PROG}: {interrupt or 'interrupted'}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`briefing-app search x | head`): stop quietly. Pointing
        # stdout at devnull keeps Python from failing again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        if not isinstance(error, _project_errors()):
            raise
        print(f"{PROG}: error: {_describe(error)}", file=sys.stderr)
        return 1


def _describe(error: BaseException) -> str:
    """One line for people: OS errors name the file, other errors carry their message."""
    if isinstance(error, OSError) and not isinstance(error, WriteError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    return " ".join(str(error).split()) or type(error).__name__
