"""SQLite errors worded for people; the error classes themselves are the core's."""

from __future__ import annotations

from briefing_app.core.errors import (
    ChangeCancelled,
    FactBaseError,
    NewerSchemaError,
    NotAFactBaseError,
)

__all__ = ["ChangeCancelled", "FactBaseError", "NewerSchemaError", "NotAFactBaseError",
           "explain"]


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
