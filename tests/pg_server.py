"""A throwaway PostgreSQL cluster for the team library tests: the real server, never a mock.

``initdb`` makes a cluster in a temporary folder and ``pg_ctl`` starts it on a free port of
127.0.0.1 (its socket in the same folder), with trust authentication for the local user
``postgres``; it is stopped and deleted at the end of the test session. ``initdb`` refuses
to run as root, so under root (CI containers) the cluster belongs to the unprivileged
``postgres`` user the Debian package creates, and its commands run as that user.

The binaries come from ``PATH`` or ``/usr/lib/postgresql/<version>/bin`` (Debian's
``postgresql`` package, installed by ``scripts/install-system-deps``).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg

SUPERUSER = "postgres"


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is missing."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                      else 0)
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A running cluster: URLs, databases, roles, and stopping and starting it again."""

    def __init__(self, binaries: Path, root: Path) -> None:
        self.binaries = binaries
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self._owner = None if os.geteuid() != 0 else pwd.getpwnam(SUPERUSER)
        self._databases = 0

    # ------------------------------------------------------------ life

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.binaries / args[0]), *args[1:]]
        preexec = None
        if self._owner is not None:
            uid, gid = self._owner.pw_uid, self._owner.pw_gid

            def preexec() -> None:
                os.setgid(gid)
                os.setuid(uid)

        return subprocess.run(command, check=check, capture_output=True, text=True,
                              preexec_fn=preexec, cwd=self.root,
                              env={**os.environ, "LC_ALL": "C.UTF-8"})

    def create(self) -> None:
        if self._owner is not None:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--no-sync")

    def start(self) -> None:
        # fsync off: the cluster dies with its folder. Commits stay synchronous, so a server
        # stopped at once keeps every commit it answered (as a real one does).
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def is_running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    # ------------------------------------------------------------ using it

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def sql(self, statement: str, dbname: str = "postgres", params: tuple = ()) -> list:
        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            cursor = conn.execute(statement, params)
            return cursor.fetchall() if cursor.description else []

    def new_database(self, prefix: str = "team") -> str:
        """A new empty database; returns its URL for the superuser."""
        self._databases += 1
        name = f"{prefix}_{self._databases}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def login_role(self, name: str, *groups: str) -> None:
        """A login role (no password: the cluster trusts local connections)."""
        member = f" IN ROLE {', '.join(groups)}" if groups else ""
        self.sql(f"CREATE ROLE {name} LOGIN{member}")


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """Create and start a cluster; stop and delete it afterwards."""
    binaries = find_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (run scripts/install-system-deps)")
    root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    cluster = Cluster(binaries, root)
    try:
        cluster.create()
        cluster.start()
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
