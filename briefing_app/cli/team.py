"""The team library on the command line: ``team init-server|join|status``, ``sync``,
``conflicts`` and ``resolve``.

Each handler returns an exit code like the other commands; every team problem (server not
reachable, a newer server schema, a role that may not write, another library) ends as one
line on stderr and exit status 1, with the fact base as it was and local changes kept.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from briefing_app.cli import output as cli_output
from briefing_app.cli.fact_base import CliError, open_fact_base
from briefing_app.cli.sync_progress import SyncProgress

STATUS_KEYS = ("joined", "server", "library_id", "replica_id", "library_version", "pending",
               "conflicts", "last_sync", "last_error")
CONFLICT_KEYS = ("id", "kind", "object_id", "title", "field", "mine", "theirs")


def add_parsers(commands: argparse._SubParsersAction, parents: list) -> None:
    """Add the team commands to the ``briefing-app`` parser (``parents`` give ``--db``)."""
    def command(where, name: str, handler, help_text: str, *, with_db: bool = True):
        sub = where.add_parser(name, parents=parents if with_db else [], help=help_text,
                               description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    team = commands.add_parser(
        "team", help="the office's shared team library (PostgreSQL)",
        description="Set up and join the office's team library on PostgreSQL.")
    team.set_defaults(handler=lambda args: _usage(team))
    team_commands = team.add_subparsers(dest="team_command", metavar="COMMAND")
    init = command(team_commands, "init-server", cmd_init_server,
                   "create or upgrade the team schema in a PostgreSQL database", with_db=False)
    init.add_argument("url", metavar="URL",
                      help="libpq connection string or URI (postgresql://user@host/db)")
    join = command(team_commands, "join", cmd_join,
                   "make this fact base a replica of the team library")
    join.add_argument("url", metavar="URL",
                      help="libpq connection string or URI (postgresql://user@host/db)")
    status = command(team_commands, "status", cmd_status,
                     "server, last sync, changes waiting to be pushed, conflicts")
    status.add_argument("--json", action="store_true", help="print a JSON object")

    command(commands, "sync", cmd_sync,
            "push local changes, pull everyone else's; print what moved")
    conflicts = command(commands, "conflicts", cmd_conflicts,
                        "open conflicts: object, field, mine, theirs")
    conflicts.add_argument("--json", action="store_true", help="print a JSON array")
    resolve = command(commands, "resolve", cmd_resolve,
                      "settle a conflict, keeping mine or theirs")
    resolve.add_argument("id", metavar="ID", type=int, help="the conflict's id (see conflicts)")
    resolve.add_argument("--keep", required=True, choices=("mine", "theirs"),
                         help="which value to keep")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: name a command (init-server, join, status)", file=sys.stderr)
    return 2


def _fail(error: Exception) -> CliError:
    return CliError(str(error))


# ---------------------------------------------------------------- commands


def cmd_init_server(args: argparse.Namespace) -> int:
    from briefing_app.team.errors import TeamError
    from briefing_app.team.server import TeamServer, describe
    from briefing_app.team.server_schema import EDITORS, GRANTS, READERS, init_server

    try:
        with TeamServer.connect(args.url) as server, server.talking():
            report = init_server(server.conn)
    except TeamError as error:
        raise _fail(error) from None
    where = describe(args.url)
    library = report.library
    if report.created:
        print(f"Created the team library {library.library_id} in {where} "
              f"(schema {library.schema_version})")
    elif report.upgrades:
        print(f"Upgraded the team library {library.library_id} in {where} to schema "
              f"{library.schema_version}")
    else:
        print(f"The team library {library.library_id} in {where} is up to date "
              f"(schema {library.schema_version}, version {library.version})")
    if report.roles_granted:
        print(f"Roles: {READERS} may pull, {EDITORS} may also push. Give each staffer "
              f"one, e.g.: CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE {EDITORS};")
    else:
        print("This role may not create roles; an administrator runs, in this database:")
        print(GRANTS)
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from briefing_app.team.errors import TeamError
    from briefing_app.team.join import join
    from briefing_app.team.server import describe

    with open_fact_base(args) as library, SyncProgress() as progress:
        try:
            report = join(library.store, args.url, progress=progress)
        except TeamError as error:
            raise _fail(error) from None
    how = "Rejoined" if report.rejoined else "Joined"
    print(f"{how} the team library {report.library_id} at {describe(args.url)}")
    if report.sync is not None:
        _print_sync(report.sync)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from briefing_app.team.errors import TeamError
    from briefing_app.team.sync import Sync

    with open_fact_base(args) as library, SyncProgress() as progress:
        try:
            report = Sync(library.store, progress=progress).run()
        except TeamError as error:
            raise _fail(error) from None
    _print_sync(report)
    return 0


def _print_sync(report) -> None:
    print(report.summary())
    if report.conflicts:
        print(f"{report.conflicts} field(s) changed on both sides; see: briefing-app conflicts",
              file=sys.stderr)


def cmd_status(args: argparse.Namespace) -> int:
    from briefing_app.team.server import describe
    from briefing_app.team.status import status

    with open_fact_base(args) as library:
        found = status(library.store)
    if args.json:
        record = asdict(found)
        cli_output.write_json({key: record[key] for key in STATUS_KEYS}, sys.stdout)
        return 0
    if not found.joined:
        print("This fact base has not joined a team library (briefing-app team join URL).")
        return 0
    rows = [
        ("Server", describe(found.server)),
        ("Library", f"{found.library_id} (pulled up to version {found.library_version})"),
        ("Last sync", found.last_sync or "never"),
        ("Waiting to be pushed", str(found.pending)),
        ("Open conflicts", str(found.conflicts)),
    ]
    if found.last_error:
        rows.append(("Last error", found.last_error))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label + ':':<{width + 1}} {value}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from briefing_app.team.conflicts import open_conflicts

    with open_fact_base(args) as library:
        views = open_conflicts(library.store)
    if args.json:
        cli_output.write_json(
            [{key: getattr(v, key) for key in CONFLICT_KEYS} for v in views], sys.stdout)
        return 0
    if not views:
        print("No open conflicts.", file=sys.stderr)
        return 0
    rows = [(str(v.id), v.kind, v.title, v.field, v.mine_text(), v.theirs_text())
            for v in views]
    headers = ("ID", "KIND", "OBJECT", "FIELD", "MINE", "THEIRS")
    for line in cli_output.format_columns(headers, rows, cli_output.terminal_width()):
        print(line)
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from briefing_app.core.errors import FactBaseError
    from briefing_app.team.conflicts import find_conflict
    from briefing_app.team.errors import TeamError
    from briefing_app.team.resolve import ResolveConflict

    with open_fact_base(args) as library:
        try:
            conflict = find_conflict(library.store, args.id)
            library.perform(ResolveConflict(conflict, args.keep))
        except (TeamError, FactBaseError) as error:
            raise _fail(error) from None
    print(f"Resolved conflict {args.id} ({conflict.field}): kept {args.keep}"
          + ("; it is pushed at the next sync" if args.keep == "mine" else ""))
    return 0
