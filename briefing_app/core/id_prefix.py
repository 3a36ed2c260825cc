"""Naming an item or briefing by the start of its id, as git names a commit.

Ids made in the app are UUIDs (``3f9c1a2e-…``): nobody types one whole. The command line
takes any unique start of at least :data:`MIN_ID_PREFIX` characters; the store finds the
candidates (``Store.resolve_id_prefix``), this module decides what they mean.
"""

from __future__ import annotations

from .errors import FactBaseError

MIN_ID_PREFIX = 6
"""Shorter starts are not looked up: 4 hex digits already name 1 in 65 536 ids, but a
short word ("fact-", "b-") would match a whole family of hand-made ids."""
ID_PREFIX_KINDS = ("item", "briefing")
SHOWN_CANDIDATES = 5  # an ambiguous start names this many of its ids


class IdPrefixError(FactBaseError):
    """An id or id start that names no record, or more than one."""


class UnknownIdError(IdPrefixError):
    """No id is or starts with the reference."""


class AmbiguousIdError(IdPrefixError):
    """Several ids start with the reference; the message names some."""


def resolve_id(store, kind: str, reference: str) -> str:
    """The one id of ``kind`` that ``reference`` names: the id itself, or the only id that
    starts with it. Raises :class:`UnknownIdError` or :class:`AmbiguousIdError`, each with
    a one-line message, otherwise."""
    found = store.resolve_id_prefix(kind, reference, limit=SHOWN_CANDIDATES + 1)
    if len(found) == 1:
        return found[0]
    if not found:
        hint = (f" (an id start needs at least {MIN_ID_PREFIX} characters)"
                if len(reference) < MIN_ID_PREFIX else "")
        raise UnknownIdError(f"no {kind} {reference!r}{hint}")
    shown = ", ".join(found[:SHOWN_CANDIDATES])
    more = ", …" if len(found) > SHOWN_CANDIDATES else ""
    raise AmbiguousIdError(f"the id start {reference!r} names more than one {kind}: "
                        f"{shown}{more}; type more of the id")
