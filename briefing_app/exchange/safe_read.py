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
from pathlib import Path

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

    def summary(self, limit: int = 20) -> str:
        shown = self.problems[:limit]
        text = "\n".join(shown)
        if len(self.problems) > limit:
            text += f"\n... and {len(self.problems) - limit} more problems"
        return text


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
    try:
        data = json.loads(text, parse_constant=_reject_constant)
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
    return data


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
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PackError(f"{path}: the file does not exist") from None
    except OSError as error:
        raise PackError(f"{path}: cannot read it ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise PackError(f"{path}: this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block forever or never end.
        raise PackError(f"{path}: not a regular file")
    if info.st_size > max_bytes:
        raise PackError(
            f"{path}: the file is {_megabytes(info.st_size)}, more than the "
            f"{_megabytes(max_bytes)} an import accepts"
        )
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError:
        raise PackError(f"{path}: cannot read it (permission denied)") from None
    except OSError as error:
        raise PackError(f"{path}: cannot read it ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise PackError(
            f"{path}: the file is more than the {_megabytes(max_bytes)} an import accepts"
        )
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
