"""README.md documents every command, every option and every ``--json`` key.

The parser is the truth: adding an option without documenting it fails here (the idea of
sqlite-utils' test_docs). The reference text is kept in docs/cli.md for README.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_app.cli import build_parser, subcommands
from briefing_app.cli.output import BRIEFING_KEYS, ITEM_KEYS

README = Path(__file__).resolve().parent.parent / "README.md"
PARSER = build_parser()
COMMANDS = subcommands(PARSER)


def option_strings(parser) -> list[str]:
    return [
        option
        for action in parser._actions
        for option in action.option_strings
        if option not in ("-h", "--help")
    ]


OPTIONS = sorted(
    {("", option) for option in option_strings(PARSER)}
    | {(name, option) for name, sub in COMMANDS.items() for option in option_strings(sub)}
)


@pytest.fixture(scope="module")
def readme() -> str:
    assert README.exists(), "README.md is missing (the CLI reference is in docs/cli.md)"
    return README.read_text(encoding="utf-8")


def mentions(text: str, word: str) -> bool:
    """``word`` as a whole token: ``--json`` is not found inside ``--json-lines``."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_the_parser_has_commands_and_options_to_check():
    assert {"init", "import", "export", "search", "briefings", "render"} <= set(COMMANDS)
    assert ("render", "--strict") in OPTIONS and ("", "--version") in OPTIONS


def test_mentions_matches_whole_options_only():
    assert mentions("use `--json` here", "--json")
    assert not mentions("use --json-lines", "--json")
    assert not mentions("briefing-app searches", "briefing-app search")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(readme, command):
    assert mentions(readme, f"briefing-app {command}"), f"README lacks `briefing-app {command}`"


@pytest.mark.parametrize(("command", "option"), OPTIONS)
def test_every_option_is_documented(readme, command, option):
    assert mentions(readme, option), f"README lacks {option} (of {command or 'briefing-app'})"


@pytest.mark.parametrize("key", sorted(set(ITEM_KEYS) | set(BRIEFING_KEYS)))
def test_every_json_key_is_documented(readme, key):
    assert f'"{key}"' in readme, f'README lacks the --json key "{key}"'
