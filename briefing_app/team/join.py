"""Joining a team library.

Joining makes a fact base a replica: it remembers the server (without a password), the
library's id and its own new replica id, switches its change journal on, and journals
every object it already holds so the first sync pushes them into the library (their ids
are already unique everywhere; an id the library holds with other content becomes a
conflict, field by field). Joining the library it already belongs to again only updates
the server's address (a moved server); another library is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from briefing_app.store import FactBaseError
from briefing_app.store.replica import LocalReplica

from . import first_pull
from .errors import OtherLibrary, SyncStopped, TeamError
from .server import TeamServer, describe, stored_url
from .sync import Progress, Sync, SyncReport


@dataclass
class JoinReport:
    library_id: str
    rejoined: bool
    """True when the fact base already belonged to this library."""
    marked: int
    """Objects already here, journaled to be pushed."""
    sync: SyncReport | None = None


def join(fb, url: str, *, sync: bool = True, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None, new_file: bool = True) -> JoinReport:
    """Make ``fb`` a replica of the team library at ``url`` and (with ``sync``) run its
    first sync. A sync that fails leaves the replica joined: the next one goes on. Once
    ``cancelled()`` is true the join stops with :class:`SyncStopped` between two pages; a
    replica being built apart is then dropped, the fact base as it was.

    With ``new_file``, a fact base that holds nothing yet and that no other program has
    open joins a big library by building its replica in a new file (:mod:`.first_pull`)
    that takes its place; meanwhile it may be used as usual.
    """
    replica = LocalReplica(fb)
    fb.verify_before_writing()  # from a reader, not inside the first write (see Sync.run)
    if not replica.journal_installed():
        raise FactBaseError(
            "this fact base's change journal is incomplete; it cannot join a team library")
    state = replica.state()
    with TeamServer.connect(url) as server:
        library = server.library()
        if state is not None and state.library_id != library.library_id:
            raise OtherLibrary(
                f"this fact base is already a replica of another team library "
                f"({state.library_id}); {describe(url)} holds {library.library_id}")
        if state is not None:
            replica.set_server(stored_url(url))
            report = JoinReport(library.library_id, rejoined=True, marked=0)
        elif sync and new_file and first_pull.worth_it(fb, server):
            report = None
        else:
            report = _start(replica, url, library.library_id)
    if report is None:
        try:
            pulled = first_pull.pull_into_new_file(fb, url, library.library_id,
                                                   progress=progress, cancelled=cancelled)
        except SyncStopped:
            raise  # cancelled: not joined, nothing changed
        except TeamError:
            _start(replica, url, library.library_id)  # the next sync goes on
            raise
        if pulled is not None:
            return JoinReport(library.library_id, rejoined=False, marked=0, sync=pulled)
        report = _start(replica, url, library.library_id)
    if sync:
        report.sync = Sync(fb, url=url, progress=progress, cancelled=cancelled).run()
    return report


def _start(replica: LocalReplica, url: str, library_id: str) -> JoinReport:
    replica.start(stored_url(url), library_id, str(uuid.uuid4()))
    return JoinReport(library_id, rejoined=False, marked=replica.mark_all())
