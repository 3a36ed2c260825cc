"""A big pack read and checked in a process of its own while this one writes.

Importing 100,000 items spends ~2.5 s in Python reading the JSON and checking every
record, and ~7 s in SQLite writing them. In one process the two take turns. A thread would
not overlap them: it holds the GIL the writer needs back after every row. So a child
process runs the same reading and checking (:meth:`.pack_stream.StreamedPack.read`) and
sends each batch of clean records through a pipe while this process writes the one
before. The pipe's buffer holds the child at most a batch or two ahead: memory stays
bounded whatever the size of the file.

The child never opens the fact base. When a record names a person, source or item the
pack has not listed, it asks this process, which looks it up in the store it is writing
to (so the answer counts what the import wrote so far, as reading in-process does).

The child is a new interpreter running this module (``python -m``): it shares no threads,
connections or Qt state with this process, and unlike ``multiprocessing`` it never runs the
caller's main script again (a script without a ``__main__`` guard would import once more).
Cancelling, a failure here or the end of the import stops it. A frozen bundle has no
interpreter to start, so it reads in-process.
"""

from __future__ import annotations

import contextlib
import operator
import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from briefing_app.exchange.safe_read import PackError

READ_AHEAD_FROM_BYTES = 32 * 1024 * 1024
"""Packs at least this large are read ahead in a child process (starting it costs ~0.2 s)."""


def possible() -> bool:
    """Whether a child interpreter can be started (not in a frozen bundle)."""
    return not getattr(sys, "frozen", False) and bool(sys.executable)


def read_ahead(path: Path, max_bytes: int, store: Any,
               counted: Callable[[int], None]) -> Iterator[tuple[str, list]]:
    """The batches of the pack at ``path``, read and checked by a child process;
    ``counted(records)`` hears the child's count (or estimate) of the pack's records.

    Raises :class:`PackError` with the problems the child found, or when it stopped
    without finishing."""
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (package_root, os.environ.get("PYTHONPATH")) if p)}
    reader = subprocess.Popen(
        # -P: not the current folder first on the path, where another copy of this
        # package (a source checkout the app was started from) would be imported instead
        [sys.executable, "-P", "-m", __name__, str(path), str(max_bytes)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    getters = {"person": store.get_person, "source": store.get_source,
               "item": store.get_item}
    try:
        while True:
            try:
                message = pickle.load(reader.stdout)
            except (EOFError, pickle.UnpicklingError):  # ended, or killed mid-message
                code = reader.wait(timeout=5)
                raise PackError(f"{path}: reading the pack stopped unexpectedly (its "
                                f"reader process ended with code {code})") from None
            what = message[0]
            if what == "exists":
                _send(reader.stdin, getters[message[1]](message[2]) is not None)
            elif what == "batch":
                counted(message[3])
                yield message[1], _records(message[2])
            elif what == "done":
                counted(message[1])
                with contextlib.suppress(subprocess.TimeoutExpired):
                    reader.wait(timeout=5)  # it is ending: let it end on its own
                return
            elif what == "problems":
                raise PackError(message[1])
            else:
                raise RuntimeError(f"reading the pack {path} failed:\n{message[1]}")
    finally:
        if reader.poll() is None:
            reader.kill()
        reader.stdin.close()
        reader.stdout.close()
        reader.wait()


def _flat(records: list) -> tuple[type, tuple[str, ...], list[tuple]]:
    """A batch of records of one class as its class, field names and value tuples.

    Pickle writes each dataclass as a class, a call and a dict: 100,000 items took the
    writing process 0.34 s to load that way, 0.23 s as tuples (and the collector's runs
    among them more). A batch's records are all of one class (a section of the pack)."""
    if not records:
        return object, (), []
    names = tuple(vars(records[0]))
    values = operator.attrgetter(*names)
    return type(records[0]), names, [values(r) for r in records]


def _records(flat: tuple[type, tuple[str, ...], list[tuple]]) -> list:
    """The records :func:`_flat` flattened, as pickle would have rebuilt them."""
    cls, names, rows = flat
    make = object.__new__
    records = []
    for values in rows:
        record = make(cls)
        record.__dict__ = dict(zip(names, values, strict=True))
        records.append(record)
    return records


def _send(stream: BinaryIO, message: Any) -> None:
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


class _AskingParent:
    """The store as the child sees it: every look-up is a question to the parent."""

    def __init__(self, questions: BinaryIO, answers: BinaryIO) -> None:
        self._questions, self._answers = questions, answers

    def _exists(self, kind: str, record_id: str) -> bool | None:
        _send(self._questions, ("exists", kind, record_id))
        return True if pickle.load(self._answers) else None

    def get_person(self, record_id: str) -> bool | None:
        return self._exists("person", record_id)

    def get_source(self, record_id: str) -> bool | None:
        return self._exists("source", record_id)

    def get_item(self, record_id: str) -> bool | None:
        return self._exists("item", record_id)


def _read_in_child(path: str, max_bytes: int) -> None:
    """The child's whole life: read, check and send; then the outcome. Messages go out
    on what was standard output, which is then pointed at standard error so that nothing
    else printed can get in their way."""
    from briefing_app.exchange.pack_stream import StreamedPack

    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    pack = StreamedPack(path, max_bytes=max_bytes)
    try:
        for section, records in pack.read(_AskingParent(out, sys.stdin.buffer)):
            _send(out, ("batch", section, _flat(records), pack.record_count()))
        _send(out, ("done", pack.record_count()))
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return  # the parent stopped listening: the import is over
    except PackError as problems:
        _send(out, ("problems", problems.problems))
    except BaseException:  # noqa: BLE001 - the parent reports it; the child just ends
        _send(out, ("failed", traceback.format_exc()))


if __name__ == "__main__":
    _read_in_child(sys.argv[1], int(sys.argv[2]))
