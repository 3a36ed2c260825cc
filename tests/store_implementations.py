"""The implementations of the store protocol the contract and operation tests run against.

Two backends, three ways: SQLite in memory, SQLite in a file (WAL, a reader per thread),
and the dictionary-backed :class:`~memory_store.MemoryStore`, which shares no code with
the SQLite store, so the tests pin down the protocol rather than one backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from memory_store import MemoryStore

from briefing_app.store import FactBase

KINDS = ("sqlite-memory", "sqlite-file", "dictionaries")


def open_store(kind: str, folder: Path) -> Any:
    """A new, empty store of this kind (files go in ``folder``)."""
    if kind == "sqlite-memory":
        return FactBase.open(":memory:")
    if kind == "sqlite-file":
        return FactBase.open(folder / "facts.sqlite")
    if kind == "dictionaries":
        return MemoryStore()
    raise ValueError(f"{kind!r} is not a store kind (use {', '.join(KINDS)})")


def open_backup(kind: str, path: Path) -> Any:
    """Open what a store of this kind wrote with ``backup``."""
    return MemoryStore.open(path) if kind == "dictionaries" else FactBase.open(path)


@pytest.fixture(params=KINDS, name="store")
def store_of_every_kind(request, tmp_path) -> Iterator[Any]:
    """The ``store`` fixture of the contract tests: an empty store of each kind in turn
    (a test module imports this function to use it)."""
    opened = open_store(request.param, tmp_path)
    yield opened
    opened.close()
