"""What a replica can say about itself without the server (for ``team status`` and the
status bar; nothing here loads the PostgreSQL driver)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.store.replica import LocalReplica


@dataclass(frozen=True)
class TeamStatus:
    joined: bool
    server: str = ""
    library_id: str = ""
    replica_id: str = ""
    library_version: int = 0
    """The library version this replica has pulled up to."""
    pending: int = 0
    conflicts: int = 0
    last_sync: str = ""
    last_error: str = ""


def status(fb) -> TeamStatus:
    """The replica's state as this fact base knows it."""
    replica = LocalReplica(fb)
    state = replica.state()
    if state is None:
        return TeamStatus(joined=False)
    return TeamStatus(
        joined=True, server=state.server, library_id=state.library_id,
        replica_id=state.replica_id, library_version=state.seen_version,
        pending=replica.pending_count(), conflicts=replica.conflict_count(),
        last_sync=state.last_sync, last_error=state.last_error,
    )
