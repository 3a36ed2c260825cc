"""``briefing-app extract``: an article in, a fact pack of proposals out.

The pack holds the proposed source, people and items (quotes with speakers, dated events,
candidate facts) in fact-pack format v1, the same as ``export``, so ``briefing-app import``
takes it. The fact base is only read, to link the people and sources it already has and
to leave out items it already holds; it is never created or changed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from briefing_app.cli.fact_base import CliError
from briefing_app.core.dates import FORMAT_HINT, DateError, normalize

LANGUAGES = ("en", "es")


def add_parser(commands: argparse._SubParsersAction,
               parents: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Adds ``extract`` to the subcommands (``parents`` carry ``--db``)."""
    help_text = "propose facts, quotes, events and people from an article, as a fact pack"
    sub = commands.add_parser("extract", parents=parents, help=help_text,
                              description=help_text)
    sub.set_defaults(handler=cmd_extract)
    sub.add_argument("file", metavar="FILE",
                     help="the article: plain text, .html, .docx, .pdf or .eml")
    sub.add_argument("--outlet", metavar="NAME", help="the outlet that published it")
    sub.add_argument("--url", metavar="URL", help="where it was published (recorded, "
                     "never fetched)")
    sub.add_argument("--published", metavar="DATE",
                     help=f"its publication date ({FORMAT_HINT}); relative dates count from it")
    sub.add_argument("--title", metavar="TITLE", help="its title")
    sub.add_argument("--language", choices=LANGUAGES,
                     help="its language (default: recognised from the text)")
    sub.add_argument("-o", "--output", metavar="PACK.json",
                     help="write the pack to this file (default: standard output)")
    return sub


def cmd_extract(args: argparse.Namespace) -> int:
    from briefing_app.core.files import atomic_output
    from briefing_app.exchange.factpack import pack_json
    from briefing_app.exchange.intake import (
        ArticleError,
        extract,
        extraction_pack,
        read_article,
    )

    try:
        published = normalize(args.published or "")
    except DateError as error:
        raise CliError(f"--published: {error}") from None
    try:
        article = read_article(args.file)
    except ArticleError as error:
        raise CliError(str(error)) from None
    with _fact_base(args, CliError) as store:
        extraction = extract(
            article, store=store, outlet=args.outlet or "", url=args.url or "",
            published=published, title=args.title or "", language=args.language or "",
        )
        pack = extraction_pack(extraction)
    for notice in extraction.notices:
        print(f"note: {notice}", file=sys.stderr)
    if extraction.duplicates:
        print(f"note: {extraction.duplicates} proposal(s) left out: the fact base already "
              "has them", file=sys.stderr)
    text = pack_json(pack)
    summary = (f"{len(pack['sources'])} source, {len(pack['people'])} people, "
               f"{len(pack['items'])} items")
    if args.output:
        with atomic_output(Path(args.output)) as stream:
            stream.write(text.encode("utf-8"))
        print(f"Wrote {args.output} ({summary})")
    else:
        sys.stdout.write(text)
        print(summary, file=sys.stderr)
    return 0


@contextlib.contextmanager
def _fact_base(args: argparse.Namespace, error: type[Exception]):
    """The fact base to link to, opened read-only; None when there is none to read.

    ``--db`` must name an existing file (a typo never passes silently); an empty file
    or a default fact base not created yet simply has nothing to link.
    """
    from briefing_app.core.paths import default_db_path
    from briefing_app.store.read_only import open_read_only

    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    if getattr(args, "db", None) and not path.exists():
        raise error(f"no fact base at {path} (extract reads it and never creates it)")
    if not path.is_file() or path.stat().st_size == 0:
        yield None
        return
    store = open_read_only(path)
    try:
        yield store
    finally:
        store.close()
