"""Many staffers at once: eight replicas, each a separate process making random edits and
syncing in random order, some killed in the middle of a push. After a final round every
replica equals the server, and every edit a staffer saw acknowledged is in the library, is
kept in a conflict, or was overwritten by someone who had it in front of them (an edit that
began, even one whose process was killed before it could say it was done)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from team_helpers import (
    fact,
    local_state,
    new_library,
    person,
    replica,
    server_state,
    strings_in,
    sync,
)

from briefing_app.store import FactBase
from briefing_app.store.replica import LocalReplica

WORKER = Path(__file__).resolve().parent / "team_worker.py"
REPLICAS = 8
ROUNDS = 4
STEPS = 30
KILL_CHANCE = 0.3
SEED = int(os.environ.get("TEAM_CONVERGENCE_SEED", "20260203"))


class Worker:
    """One worker process, its begun and acknowledged edits, and maybe a planned kill."""

    def __init__(self, path: Path, seed: int, prefix: str, kill_at_push: int | None,
                 delay: float) -> None:
        self.begun: list[dict] = []
        self.acks: list[dict] = []
        self.killed = False
        self.kill_at_push = kill_at_push
        self.delay = delay
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), "--db", str(path), "--seed", str(seed),
             "--steps", str(STEPS), "--prefix", prefix, "--push-batch", "3",
             "--sync-at-end"],
            stdout=subprocess.PIPE, text=True)
        self.reader = threading.Thread(target=self._read)
        self.reader.start()

    def _read(self) -> None:
        pushes = 0
        for line in self.process.stdout:
            kind, _, payload = line.strip().partition(" ")
            if kind == "begin":
                self.begun.append(json.loads(payload))
            elif kind == "ack":
                self.acks.append(json.loads(payload))
            elif kind == "push" and self.kill_at_push is not None:
                pushes += 1
                if pushes == self.kill_at_push and not self.killed:
                    time.sleep(self.delay)  # somewhere inside the next batch's transaction
                    self.process.send_signal(signal.SIGKILL)
                    self.killed = True

    def wait(self) -> None:
        self.process.wait(timeout=300)
        self.reader.join()
        if not self.killed:
            assert self.process.returncode == 0


@pytest.mark.slow
def test_eight_replicas_editing_at_once_converge_and_lose_nothing(pg_cluster, tmp_path):
    rng = random.Random(SEED)
    url = new_library(pg_cluster)
    seed = replica(tmp_path, "seed", url, people=[person(f"p-{n}", f"Person {n}")
                                                  for n in range(3)],
                   items=[fact(f"i-{n:02}", f"Seed fact {n}", title=f"Seed {n}",
                               people=[f"p-{n % 3}"]) for n in range(20)])
    seed.close()
    paths = []
    for n in range(REPLICAS):
        replica(tmp_path, f"r{n}", url).close()
        paths.append(tmp_path / f"r{n}.sqlite")

    acks: list[dict] = []
    begun: list[dict] = []
    kills = 0
    for round_number in range(ROUNDS):
        workers = []
        for n in rng.sample(range(REPLICAS), REPLICAS):  # started in random order
            kill = rng.randint(1, 4) if rng.random() < KILL_CHANCE else None
            workers.append(Worker(paths[n], rng.randrange(10**9), f"r{n}x{round_number}",
                                  kill, rng.uniform(0, 0.02)))
        for worker in workers:
            worker.wait()
            acks.extend(worker.acks)
            begun.extend(worker.begun)
            kills += worker.killed

    replicas = [FactBase.open(path) for path in paths]
    for _ in range(6):  # the final round: until a whole pass moves nothing
        reports = sync(*rng.sample(replicas, len(replicas)))
        if not any(r.pushed or r.pulled for r in reports):
            break
    expected = server_state(url)
    for fb in replicas:
        assert local_state(fb) == expected
        assert LocalReplica(fb).pending_count() == 0

    kept = set().union(*(strings_in(data) for data in expected.values()))
    in_conflicts: set[str] = set()
    conflict_count = 0
    for fb in replicas:
        for conflict in LocalReplica(fb).conflicts():
            conflict_count += 1
            in_conflicts |= strings_in(conflict.mine) | strings_in(conflict.theirs)
    # a kill may land between an edit's commit and its "ack": what it overwrote is gone
    # by the staffer's own hand, so every begun edit's old value counts as overwritten
    overwritten = set().union(*(strings_in(edit.get("old")) for edit in begun))
    lost = [(ack["op"], value) for ack in acks for value in ack["values"]
            if value not in kept | in_conflicts | overwritten]
    print(f"\n{len(acks)} edits acknowledged by {REPLICAS} replicas in {ROUNDS} rounds, "
          f"{kills} syncs killed mid-push ({len(begun) - len(acks)} edits cut off unacknowledged), "
          f"{conflict_count} conflicts, "
          f"{len(expected)} objects in the library (seed {SEED})")
    assert not lost
    assert kills > 0 and len(acks) > REPLICAS * ROUNDS * 10
    for fb in replicas:
        fb.close()
