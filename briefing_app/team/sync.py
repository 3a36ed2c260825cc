"""One sync of a replica with its team library: pull and merge, then push, in rounds.

**Pull.** The replica asks for every object above the version it last saw, in pull order
(version, kind, id); its own changes come back too, and are skipped when they are here as
they are (a fact base put back from an older copy gets them again). Each page is written
in one local transaction, together with the place where the pull got to, so a pull cut off
anywhere resumes there. An object journaled here (changed since the server last confirmed
it) is merged (:mod:`.merge`) instead of overwritten; the merged state stays journaled
when it differs from the server's. People and sources that pulled items name but that are
missing here are fetched first. A deletion of a person, source or tag that something here
still uses waits for the end of the pull: still used then, the object is brought back
(pushed again); unused, it is deleted.

**Push.** The journal goes out in order, in batches, each one server transaction
(:meth:`.server.TeamServer.push`). What the server accepted leaves the journal (unless it
changed here meanwhile); what it rejected, because someone else changed the object first,
is merged by the next round's pull and pushed again.

Page sizes adapt so a page's local transaction takes about :data:`PAGE_TARGET_SECONDS`:
a sync never keeps the fact base's write lock long enough for the app to notice.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import psycopg

from briefing_app.store import replica_apply
from briefing_app.store.journal import KINDS
from briefing_app.store.replica import LocalReplica, PendingChange, ReplicaState

from .errors import (
    NotAllowed,
    NotAReplica,
    OtherLibrary,
    ServerUnreachable,
    SyncBusy,
    SyncStopped,
    TeamError,
)
from .merge import DELETED, merge
from .server import ServerRow, TeamServer, describe

PAGE_TARGET_SECONDS = 0.05  # the slowest pages then stay under 100 ms (1M items: 87 ms)
FIRST_PAGE, SMALLEST_PAGE, LARGEST_PAGE = 500, 50, 5000
PUSH_BATCH = 1000
ROUNDS = 3
STATISTICS_AFTER = 1000
"""A pull that wrote this many objects refreshes the planner's statistics (sampled, a few
milliseconds): taken when the fact base was small, they would choose plans for a small one
(a built replica gets its own at the end of the build)."""
_REFERENCED = ("person", "source", "tag")  # kinds whose deletion waits while they are used

Progress = Callable[[str, int], None]
"""``progress(phase, objects)``: ``"pull"`` or ``"push"`` and how many so far; ``"index"``
once a join's replica built apart has all its objects and its indexes are being built."""


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: int = 0
    waiting: int = 0
    library_version: int = 0
    longest_lock: float = 0.0
    """Seconds: the longest local write transaction of the sync."""

    def summary(self) -> str:
        parts = [f"pushed {_count(self.pushed, 'change')}",
                 f"pulled {_count(self.pulled, 'change')}"]
        if self.merged:
            parts.append(f"merged {self.merged}")
        if self.conflicts:
            parts.append(_count(self.conflicts, "new conflict"))
        if self.waiting:
            parts.append(f"{self.waiting} still waiting")
        text = ", ".join(parts)
        return text[0].upper() + text[1:] + f" (library version {self.library_version})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass
class _PageWork:
    """What one pulled page does here, decided before anything is written."""

    writes: dict[str, dict[str, dict]]
    deletes: dict[str, dict[str, dict | None]]
    forget: dict[str, list[str]]
    journal: dict[str, dict[str, dict | None]]
    conflicts: list[tuple[str, str, str, object, object]]
    brought_back: dict[str, dict[str, dict | None]]
    unchanged: int = 0
    """Rows of the page this replica wrote and still holds as they are."""


class Sync:
    """Sync one fact base (a :class:`~briefing_app.store.FactBase`) with its library."""

    def __init__(self, fb, *, url: str | None = None, push_batch: int = PUSH_BATCH,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, alone: bool = False) -> None:
        """``alone``: ``fb`` is a new file no one else uses, inside one transaction (a
        join's replica built on its own, :mod:`.first_pull`): pages are as large as they
        go, and nothing is done to keep the app from waiting."""
        self.fb = fb
        self.alone = alone
        self.cancelled = cancelled
        self.replica = LocalReplica(fb)
        self.url = url
        self.push_batch = push_batch
        self.progress = progress
        self.report = SyncReport()
        self._page = LARGEST_PAGE if alone else FIRST_PAGE

    # ------------------------------------------------------------ the whole sync

    def run(self) -> SyncReport:
        state = self.replica.state()
        if state is None:
            raise NotAReplica(
                "this fact base has not joined a team library (briefing-app team join URL)")
        # The store checks the file before the first change of a session; checked here,
        # from a reader, that check (seconds on a big file) does not hold the write lock.
        self.fb.verify_before_writing()
        try:
            with TeamServer.connect(self.url or state.server) as server:
                self._check_library(server, state)
                if not server.lock_replica(state.replica_id):
                    raise SyncBusy("another sync of this fact base is running")
                try:
                    for _ in range(ROUNDS):
                        self._pull(server)
                        if not self._push(server):
                            break
                finally:
                    server.unlock_replica(state.replica_id)
        except psycopg.Error as error:
            failure = TeamError(f"the team server refused the sync: {error}".splitlines()[0])
            self.replica.note_sync(str(failure))
            raise failure from None
        except ServerUnreachable as error:
            waiting = self.replica.pending_count()
            if waiting:
                error = ServerUnreachable(
                    f"{error}; {_count(waiting, 'local change')} kept for the next sync")
            self.replica.note_sync(str(error))
            raise error from None
        except TeamError as error:
            self.replica.note_sync(str(error))
            raise
        self.report.waiting = self.replica.pending_count()
        self.replica.note_sync()
        return self.report

    def _check_library(self, server: TeamServer, state: ReplicaState) -> None:
        library = server.library()
        if library.library_id != state.library_id:
            raise OtherLibrary(
                f"this fact base is a replica of another team library ({state.library_id}), "
                f"not of the one at {describe(server.url)} ({library.library_id})")

    @contextlib.contextmanager
    def _timed(self) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.report.longest_lock = max(self.report.longest_lock,
                                           time.perf_counter() - start)

    def _tell(self, phase: str, count: int) -> None:
        if self.progress is not None:
            self.progress(phase, count)
        if self.cancelled is not None and self.cancelled():
            raise SyncStopped("the sync was stopped; the next one goes on from there")

    # ------------------------------------------------------------ pull

    def _pull(self, server: TeamServer) -> None:
        pulled_before = self.report.pulled
        state = self.replica.state()
        upto = server.library().version
        after = state.cursor or (state.seen_version, len(KINDS), "")  # past all of it
        if state.cursor is not None or after[0] < upto:
            writing = contextlib.nullcontext() if self.alone else self.replica.bulk_writing()
            with writing, ThreadPoolExecutor(1) as ahead:
                self._pull_pages(server, ahead, after, upto, state.replica_id)
        self._settle_deferred()
        self.replica.finish_pull(upto)
        self.report.library_version = upto
        if self.report.pulled - pulled_before >= STATISTICS_AFTER and not self.alone:
            with self._timed():
                self.replica.refresh_statistics()

    def _pull_pages(self, server: TeamServer, ahead: ThreadPoolExecutor,
                    after: tuple[int, int, str], upto: int, replica_id: str) -> None:
        """Pages in order; the next one is fetched while this one is written."""
        size = self._page
        coming = ahead.submit(server.pull_page, after, upto, size, replica_id)
        while True:
            rows = coming.result()
            if len(rows) < size:
                coming = None
            else:
                size = self._page
                coming = ahead.submit(server.pull_page, rows[-1].key, upto, size, replica_id)
            if rows:
                elapsed = self._apply_page(server, rows)
                self._tell("pull", self.report.pulled)
                if not self.alone:
                    self.replica.checkpoint()
                    self._page = _next_page(len(rows), elapsed)
            if coming is None:
                return

    def _apply_page(self, server: TeamServer, rows: list[ServerRow]) -> float:
        """Write one page here; returns how long its transaction took."""
        theirs: dict[str, dict[str, dict | None]] = {}
        written_here: set[tuple[str, str]] = set()
        for row in rows:
            theirs.setdefault(row.kind, {})[row.object_id] = None if row.deleted else row.data
            if row.written_here:
                written_here.add((row.kind, row.object_id))
        fetched = self._missing_references(server, theirs)
        start = time.perf_counter()
        with self._timed(), self.replica.paused():
            work = self._decide(theirs, fetched, written_here)
            self._write(work, theirs)
            self.replica.save_cursor(rows[-1].key)
        self.report.pulled += len(rows) - work.unchanged
        return time.perf_counter() - start

    def _missing_references(self, server: TeamServer,
                            theirs: dict[str, dict[str, dict | None]]) -> list[ServerRow]:
        """People and sources the page's items and briefings name that are neither here
        nor in the page, as the server holds them (a tombstone too: it is brought back)."""
        fetched: list[ServerRow] = []
        for kind, ids in replica_apply.named_by(theirs).items():
            in_page = {k for k, d in theirs.get(kind, {}).items() if d is not None}
            missing = replica_apply.missing(self.fb, kind, sorted(ids - in_page))
            if not missing:
                continue
            rows = server.fetch(kind, missing)
            unknown = set(missing) - {r.object_id for r in rows}
            if unknown:
                raise TeamError(f"the team library names a {kind} it does not hold "
                                f"({sorted(unknown)[0]}); ask whoever runs it to check it")
            fetched.extend(rows)
        return fetched

    def _decide(self, theirs: dict[str, dict[str, dict | None]], fetched: list[ServerRow],
                written_here: set[tuple[str, str]]) -> _PageWork:
        work = _PageWork({}, {}, {}, {}, [], {})
        for kind, objects in theirs.items():
            bases = self.replica.pending_of(kind, list(objects))
            own = [k for k in objects if (kind, k) in written_here and k not in bases]
            mine = self.replica.current(kind, [*bases, *own]) if bases or own else {}
            for object_id, their_data in objects.items():
                if (object_id in own and mine[object_id] == their_data) or (
                        object_id in bases and bases[object_id] == their_data):
                    # This replica's own change, as it is here already; or changed here
                    # from just what the server holds.
                    work.unchanged += 1
                    continue
                target = their_data
                kept_mine = None
                if object_id in bases:
                    base, here = bases[object_id], mine[object_id]
                    merged = merge(kind, base, here, their_data)
                    target = merged.data
                    if here != base and here != their_data:
                        self.report.merged += 1
                    for name, mine_value, their_value in merged.conflicts:
                        if name == DELETED and kind in _REFERENCED:
                            kept_mine = mine_value  # decided when the deletion is
                        else:
                            work.conflicts.append(
                                (kind, object_id, name, mine_value, their_value))
                    if target == their_data:
                        work.forget.setdefault(kind, []).append(object_id)
                    else:
                        work.journal.setdefault(kind, {})[object_id] = their_data
                if target is None:
                    work.deletes.setdefault(kind, {})[object_id] = kept_mine
                else:
                    work.writes.setdefault(kind, {})[object_id] = target
        self._bring_back_what_writes_name(theirs, work)
        for row in fetched:
            work.writes.setdefault(row.kind, {})[row.object_id] = row.data
            if row.deleted:
                work.brought_back.setdefault(row.kind, {})[row.object_id] = None
        return work

    def _bring_back_what_writes_name(self, theirs: dict[str, dict[str, dict | None]],
                                     work: _PageWork) -> None:
        """A person or source deleted here and unchanged in the library stays deleted (see
        merge.py), unless an item or briefing this page writes names it (an item brought
        back here by an edit there, say): then it comes back as the library holds it and
        the deletion here is forgotten, as a deletion there of what is named here is
        (:meth:`_settle_deferred`). Else the item's write fails: what it names is not here.
        """
        for kind, ids in replica_apply.named_by(work.writes).items():
            in_page = theirs.get(kind, {})
            written = work.writes.setdefault(kind, {})
            deletes = work.deletes.get(kind, {})
            alive_there = sorted(k for k in ids if k not in written and in_page.get(k))
            gone_here = set(replica_apply.missing(self.fb, kind, alive_there))
            for key in alive_there:
                if key in deletes:
                    if deletes[key] is not None:
                        continue  # a conflict, settled with the deletion (_settle_deferred)
                elif key not in gone_here:
                    continue  # here, and it stays
                deletes.pop(key, None)
                written[key] = in_page[key]
                work.journal.get(kind, {}).pop(key, None)
                work.forget.setdefault(kind, []).append(key)

    def _write(self, work: _PageWork, theirs: dict[str, dict[str, dict | None]]) -> None:
        for kind in KINDS:
            replica_apply.write(self.fb, kind, work.writes.get(kind, {}))
            live = [k for k, d in theirs.get(kind, {}).items() if d is not None]
            if live and kind in _REFERENCED:
                self.replica.undefer(kind, live)
        for kind in reversed(KINDS):
            deletes = work.deletes.get(kind, {})
            kept = replica_apply.delete(self.fb, kind, list(deletes))
            if kept:
                self.replica.defer(kind, {key: deletes[key] for key in kept})
            for key in set(deletes) - set(kept):
                if deletes[key] is not None:
                    work.conflicts.append((kind, key, DELETED, deletes[key], None))
        for kind, objects in work.brought_back.items():
            self.replica.defer(kind, objects)
        for kind, ids in work.forget.items():
            self.replica.forget(kind, ids)
        for kind, bases in work.journal.items():
            self.replica.journal(kind, bases)
        self.report.conflicts += self.replica.add_conflicts(work.conflicts)

    def _settle_deferred(self) -> None:
        """At the end of a pull: delete what the library deleted and nothing here uses any
        more; bring back (push again) what is still used."""
        deferred = self.replica.deferred()
        if not deferred:
            return
        with self._timed(), self.replica.paused():
            conflicts = []
            for kind in reversed(KINDS):
                objects = deferred.get(kind, {})
                if not objects:
                    continue
                used = replica_apply.used(self.fb, kind, list(objects))
                unused = [key for key in objects if key not in used]
                replica_apply.delete(self.fb, kind, unused)
                conflicts += [(kind, key, DELETED, objects[key], None)
                              for key in unused if objects[key] is not None]
                present = self.replica.current(kind, sorted(used))
                self.replica.journal(
                    kind, {key: None for key, data in present.items() if data is not None})
            self.report.conflicts += self.replica.add_conflicts(conflicts)
            self.replica.clear_deferred()

    # ------------------------------------------------------------ push

    def _push(self, server: TeamServer) -> bool:
        """Push the journal; True when the server rejected something (another round)."""
        waiting = self.replica.pending_count()
        if not waiting:
            return False
        if not server.may_write():
            raise NotAllowed(
                f"the role {server.role()!r} may only read the team library; "
                f"{_count(waiting, 'local change')} kept here, not pushed")
        state = self.replica.state()
        self.replica.number_after(server.pushed_seq(state.replica_id))
        after, rejected = 0, False
        while batch := self.replica.pending(after, self.push_batch):
            after = batch[-1].seq
            rejected |= self._push_batch(server, state, batch)
        return rejected

    def _push_batch(self, server: TeamServer, state: ReplicaState,
                    batch: list[PendingChange]) -> bool:
        unchanged = [(p.kind, p.object_id, p.base) for p in batch if p.mine == p.base]
        changed = [p for p in batch if p.mine != p.base]
        outcomes = server.push(state.replica_id, state.seen_version, [
            {"seq": p.seq, "kind": p.kind, "object_id": p.object_id,
             "deleted": p.mine is None, "data": p.mine if p.mine is not None else p.base}
            for p in changed
        ]) if changed else []
        by_seq = {p.seq: p for p in changed}
        confirmed = list(unchanged)
        unknown: dict[str, dict[str, dict | None]] = {}
        rejected = False
        for outcome in outcomes:
            entry = by_seq[outcome.seq]
            if outcome.outcome == "accepted":
                confirmed.append((entry.kind, entry.object_id, entry.mine))
                self.report.pushed += 1
            elif outcome.outcome == "done":
                confirmed.append((entry.kind, entry.object_id, outcome.data))
            elif outcome.outcome == "unknown":
                unknown.setdefault(entry.kind, {})[entry.object_id] = entry.base
            else:
                rejected = True
        with self._timed(), self.fb.transaction():
            self.replica.acknowledge(confirmed)
            for kind, bases in unknown.items():
                self.replica.journal(kind, bases)
        self._tell("push", self.report.pushed)
        return rejected


def _next_page(size: int, elapsed: float) -> int:
    """The next page size, aiming at :data:`PAGE_TARGET_SECONDS` of local writing."""
    if elapsed <= 0:
        return LARGEST_PAGE
    wanted = int(size * PAGE_TARGET_SECONDS / elapsed)
    return max(SMALLEST_PAGE, min(LARGEST_PAGE, wanted, size * 2))
