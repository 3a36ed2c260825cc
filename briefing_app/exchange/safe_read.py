"""Reading a file a person picked, without tracebacks, hangs or memory blow-ups.

Fact packs and CSV files come from e-mail attachments and shared drives: they may be
missing, a folder, a named pipe, a 2 GB log, a Word file renamed ``.json`` or a JSON bomb
nested ten thousand levels deep. Every such case ends in one :class:`PackError` whose
message names the file and says what is wrong, so the GUI can show it as it is.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing_app.core.text_check import shorten, without_invalid_characters

MAX_PROBLEMS_SHOWN = 50
"""A message lists at most this many problems and counts the rest."""

MAX_FILE_BYTES = 80 * 1024 * 1024
"""Largest file read for import: 80 MB (MiB). A realistic 100,000-item fact base exports to
a pack of about 75 MB, which takes some 1 GB of memory while it is parsed; a bigger file
is refused before it is read, as it would freeze the app or exhaust the memory."""


class PackError(ValueError):
    """A fact pack or CSV file that cannot be imported.

    ``problems`` lists every problem found, each a message for people that starts with the
    place it concerns (``items[3].date: ...``, ``row 4, date: ...`` or the file name).
    """

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(self.summary())

    def summary(self, limit: int = MAX_PROBLEMS_SHOWN) -> str:
        return "\n".join(self.shown(limit))

    def shown(self, limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        """The first ``limit`` problems, then one line counting the rest: 100,000 unknown
        keys must not print 20 MB."""
        shown = self.problems[:limit]
        if len(self.problems) > limit:
            shown.append(f"... and {len(self.problems) - limit:,} more problems")
        return shown


def read_text(path: str | os.PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``path`` (a byte order mark is dropped), or a :class:`PackError`."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise PackError(
            f"{path}: not UTF-8 text (byte 0x{bad} at offset {error.start}); "
            "save the file as UTF-8 and try again"
        ) from None
    if not text.strip():
        raise PackError(f"{path}: the file is empty")
    return text


def read_json_object(path: str | os.PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> dict:
    """The JSON object stored in ``path``, or a :class:`PackError` saying why not."""
    path = Path(path)
    text = read_text(path, max_bytes=max_bytes)
    hook = _DuplicateKeyHook()
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=hook)
    except json.JSONDecodeError as error:
        raise PackError(
            f"{path}: not a JSON file ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise PackError(f"{path}: the JSON is nested too deeply to be a fact pack") from None
    except ValueError as error:  # e.g. integers beyond Python's digit limit, NaN
        raise PackError(f"{path}: not a usable JSON file ({error})") from None
    if not isinstance(data, dict):
        raise PackError(
            f"{path}: expected a JSON object {{...}} at the top, found {describe_type(data)}"
        )
    if hook.found:
        try:
            problems = list(duplicate_key_problems(data))
        except RecursionError:
            problems = [f"{path}: a key appears more than once in one object"]
        raise PackError(problems)
    return data


# ---------------------------------------------------------------- duplicate keys
# JSON allows a key twice in one object and Python keeps the last value silently: a pack
# edited by hand could lose a text without a word. The hook below keeps the parse as fast
# as a plain one (a plain dict unless a key repeats); the walk that names the places runs
# only when a repeat was seen.


class JsonObject(dict):
    """A JSON object whose file gave some keys more than once (``duplicate_keys``)."""

    duplicate_keys: tuple[str, ...] = ()


def object_pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
    """``json.loads(..., object_pairs_hook=object_pairs_hook)``: a plain dict, or a
    :class:`JsonObject` naming the keys that repeat (the last value is kept). Find the
    places with :func:`duplicate_key_problems`."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = JsonObject(result)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _value in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    marked.duplicate_keys = tuple(repeated)
    return marked


def duplicate_key_problems(value: Any, place: str = "") -> Iterator[str]:
    """``items[3].text: the key appears twice in one object`` for every repeated key in
    ``value`` (read with :func:`object_pairs_hook`), in file order."""
    if isinstance(value, dict):
        for key in getattr(value, "duplicate_keys", ()):
            yield f"{_join(place, key)}: the key appears more than once in one object"
        for key, entry in value.items():
            if isinstance(entry, (dict, list)):
                yield from duplicate_key_problems(entry, _join(place, key))
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            if isinstance(entry, (dict, list)):
                yield from duplicate_key_problems(entry, f"{place}[{index}]")


def printable_key(key: str) -> str:
    """A key as a message shows it: shortened, with characters no file can hold replaced."""
    return without_invalid_characters(shorten(key))


def _join(place: str, key: str) -> str:
    key = printable_key(key)
    return f"{place}.{key}" if place else key


class _DuplicateKeyHook:
    """:func:`object_pairs_hook` that also notes whether any key repeated at all."""

    def __init__(self) -> None:
        self.found = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        result = object_pairs_hook(pairs)
        if isinstance(result, JsonObject):
            self.found = True
        return result


def describe_type(value: object) -> str:
    """What a JSON value is, in words: ``a string``, ``an array``, ``null``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a fact pack")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    return read_bounded(path, max_bytes)


def read_bounded(path: Path, max_bytes: int, *, error: type[Exception] = PackError,
                 purpose: str = "an import accepts") -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them; anything else
    (missing, a folder, a pipe or device, too big, unreadable) raises ``error`` with a
    one-line message that names the file. ``purpose`` ends the too-big message ("the
    20 MB an article may be")."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise error(f"{path}: the file does not exist") from None
    except OSError as failure:
        raise error(f"{path}: cannot read it ({failure.strerror or failure})") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path}: this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block forever or never end.
        raise error(f"{path}: not a regular file")
    if info.st_size > max_bytes:
        raise error(
            f"{path}: the file is {_megabytes(info.st_size)}, more than the "
            f"{_megabytes(max_bytes)} {purpose}"
        )
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError:
        raise error(f"{path}: cannot read it (permission denied)") from None
    except OSError as failure:
        raise error(f"{path}: cannot read it ({failure.strerror or failure})") from None
    if len(data) > max_bytes:
        raise error(f"{path}: the file is more than the {_megabytes(max_bytes)} {purpose}")
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
