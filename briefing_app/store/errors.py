"""Errors of the fact base, with messages written for people (the GUI shows them as is)."""

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


def explain(error: Exception, doing: str = "use the fact base") -> FactBaseError:
    """A :class:`FactBaseError` for a low-level SQLite error, worded for people."""
    message = str(error)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        reason = "another program is using the fact base; try again in a moment"
    elif "readonly" in lowered or "read-only" in lowered:
        reason = "the fact base file is read-only"
    elif "disk is full" in lowered or "database or disk is full" in lowered:
        reason = "the disk is full"
    elif "malformed" in lowered or "not a database" in lowered:
        reason = "the fact base file is damaged"
    elif "foreign key" in lowered:
        reason = "a record it refers to does not exist, or other records still refer to it"
    else:
        reason = message
    return FactBaseError(f"Could not {doing}: {reason}.")
