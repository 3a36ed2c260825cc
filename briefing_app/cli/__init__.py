"""The command line face: ``briefing-app`` (no Qt unless the window opens)."""

from .main import build_parser, main, subcommands

__all__ = ["build_parser", "main", "subcommands"]
