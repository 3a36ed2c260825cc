"""A join's first pull of a big library, built in a file of its own and swapped in.

A sync writes each pulled page in a short transaction so the app never waits for the fact
base; every row then pays for the indexes and the search index one row at a time, and a
join of a million items runs at ~6,000 items/s. A fact base that holds nothing yet and
that no other program has open needs none of that care: the replica is built in a new
file next to it, the whole pull one transaction with the indexes built once at the end
(:func:`briefing_app.store.file_swap.building`), and renamed over it when no one has
opened it meanwhile (:func:`~briefing_app.store.file_swap.swap_in`), which locks the fact
base for milliseconds. When the swap is refused (the app opened the fact base, or someone
wrote into it), the new file is deleted and the join pulls page by page as any sync does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from briefing_app.store import FactBase
from briefing_app.store.connection import remove_fact_base
from briefing_app.store.file_swap import building, building_path
from briefing_app.store.replica import LocalReplica

from .server import TeamServer, stored_url
from .sync import Progress, Sync, SyncReport

MIN_OBJECTS = 20_000
"""Below this many objects in the library a join pulls page by page: a few seconds at most,
and the app sees the objects arrive."""


def worth_it(fb, server: TeamServer) -> bool:
    """True when ``fb`` may be built anew: a file holding nothing that syncs, joining a
    library big enough for it to pay."""
    return (fb.is_file and not fb.read_only and LocalReplica(fb).holds_nothing_to_sync()
            and server.object_count() >= MIN_OBJECTS)


def pull_into_new_file(fb, url: str, library_id: str, *, progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None) -> SyncReport | None:
    """Join ``fb`` to the library by building its replica in a new file and swapping it in;
    ``None`` when the swap was refused (``fb`` is as it was, not joined). Any error leaves
    ``fb`` as it was and deletes the new file."""
    built_path = building_path(fb.path)
    remove_fact_base(built_path)  # left by a join that was cut off
    try:
        with FactBase.open(built_path) as built:
            LocalReplica(built).start(stored_url(url), library_id, str(uuid.uuid4()))
            with building(built):
                report = Sync(built, url=url, progress=progress, cancelled=cancelled,
                              alone=True).run()
                if progress is not None:
                    progress("index", report.pulled)  # the longest part, ahead
        locked = fb.swap_in(built_path)
    finally:
        remove_fact_base(built_path)
    if locked is None:
        return None
    report.longest_lock = locked
    return report
