"""SQLite errors worded for people; the error classes themselves are the core's.

Each cause gets its own words, read from SQLite's result code rather than guessed from
the text: a read-only file, a full disk, a file another program holds and a really damaged
file must never look alike, or a person could throw away a healthy fact base.
"""

from __future__ import annotations

import sqlite3

from briefing_app.core.errors import (
    ChangeCancelled,
    FactBaseError,
    NewerSchemaError,
    NotAFactBaseError,
)

__all__ = ["ChangeCancelled", "DamagedFactBaseError", "FactBaseError", "NewerSchemaError",
           "NotAFactBaseError", "ReadOnlyFactBaseError", "explain", "is_busy", "is_damage"]

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_CONSTRAINT, SQLITE_NOTADB = 19, 26

DAMAGED = ("the fact base file is damaged; Tools ▸ Check Fact Base (or briefing-app check) "
           "says what is wrong, and File ▸ Restore from Backup… (or briefing-app backups) "
           "brings back an earlier copy")
READ_ONLY = "the fact base is read-only (the file, its folder or its drive does not allow changes)"
NO_SPACE = "the disk is full; free some space and try again"
IN_USE = "another program is using the fact base; try again in a moment"
CANNOT_OPEN = ("the file cannot be opened (check that it exists and that you may read it "
               "and its folder)")


class DamagedFactBaseError(NotAFactBaseError):
    """SQLite found the file's content corrupt: the file is really damaged."""


class ReadOnlyFactBaseError(FactBaseError):
    """A change was asked of a fact base that is open read-only; nothing was changed."""


def primary_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(error: BaseException) -> bool:
    """True when another connection holds the lock SQLite asked for (``SQLITE_BUSY``): a
    reason to wait and try again, unlike every other error."""
    return primary_code(error) == SQLITE_BUSY


def is_damage(error: BaseException) -> bool:
    """True when SQLite says the file's content is corrupt (not locked, full or read-only)."""
    if primary_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    lowered = str(error).lower()
    return "malformed" in lowered or "not a database" in lowered


def reason(error: BaseException) -> str:
    """The cause of a low-level SQLite error, in words."""
    code = primary_code(error)
    lowered = str(error).lower()
    if is_damage(error):
        return DAMAGED
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in lowered or "busy" in lowered:
        return IN_USE
    if code == SQLITE_READONLY or "readonly" in lowered or "read-only" in lowered:
        return READ_ONLY
    if code == SQLITE_FULL or "disk is full" in lowered:
        return NO_SPACE
    if code == SQLITE_CANTOPEN or "unable to open" in lowered:
        return CANNOT_OPEN
    if code == SQLITE_IOERR:
        return f"the disk reported an error ({error})"
    if "foreign key" in lowered:
        return "a record it refers to does not exist, or other records still refer to it"
    return str(error)


def explain(error: Exception, doing: str = "use the fact base") -> FactBaseError:
    """A :class:`FactBaseError` for a low-level SQLite error, worded for people (a
    :class:`DamagedFactBaseError` when the file is really damaged)."""
    kind = DamagedFactBaseError if isinstance(error, sqlite3.Error) and is_damage(error) \
        else FactBaseError
    return kind(f"Could not {doing}: {reason(error)}.")
