"""Errors every store raises, with messages written for people (the GUI shows them as is).

They live in the core, not in a backend, so the core and the faces can catch them without
knowing which store is behind the library."""

from __future__ import annotations


class FactBaseError(Exception):
    """Something the fact base cannot do; the message says what and, where it can, why."""


class ChangeCancelled(FactBaseError):  # noqa: N818 - reads as an event, like KeyboardInterrupt
    """A change was stopped on request before it finished; nothing of it was saved."""

    def __init__(self, message: str = "The change was cancelled; nothing was saved.") -> None:
        super().__init__(message)


class NotAFactBaseError(FactBaseError):
    """The file is not SQLite, is damaged, or is an SQLite file of some other program."""


class NewerSchemaError(FactBaseError):
    """The file was written by a newer Briefing Builder; it is refused and left untouched."""

    def __init__(self, path: str, found: int, known: int) -> None:
        super().__init__(
            f"{path} was saved by a newer version of Briefing Builder (fact base schema "
            f"version {found}); this version understands schema versions up to {known}. "
            "Update Briefing Builder to open it. The file was not changed."
        )
        self.found = found
        self.known = known
