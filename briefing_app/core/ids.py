"""Ids of new items, people, sources and briefings: random UUIDs, unique across every copy
of a fact base (replicas of a team library never collide)."""

from __future__ import annotations


def new_id() -> str:
    """A new random id."""
    import uuid  # at the first new object: with ``platform`` it costs every start 2 ms

    return str(uuid.uuid4())
