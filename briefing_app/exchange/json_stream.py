"""A JSON object read from a file a value at a time, so a pack of any size fits in memory.

``json.loads`` needs the whole text and then the whole tree: a million-item pack (760 MB)
would take gigabytes. :class:`JsonObjectStream` walks the top-level object itself and
hands each member's value to ``json.JSONDecoder.raw_decode`` over a window of the text
that slides along the file; the members named in ``streamed`` that hold an array come out
one element at a time. It gives the answers :func:`.safe_read.read_json_object` gives: the
same decoder and hooks (duplicate keys are marked by
:func:`.safe_read.object_pairs_hook`, ``NaN`` is refused), and the same messages for a
file that is not UTF-8, is empty or is not JSON, with the line and column in the file.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from briefing_app.exchange.safe_read import JsonObject, PackError, object_pairs_hook

CHUNK_BYTES = 1 << 20  # read at a time; one record is a few hundred bytes
MAX_VALUE_CHARS = 64 << 20  # a value still not decoded in this much text is broken
_WHITESPACE = " \t\n\r"
_BOM = codecs.BOM_UTF8


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a fact pack")


class JsonObjectStream:
    """The members of the JSON object in ``stream`` (the file ``path``), in file order.

    :meth:`members` yields ``(key, value)`` for ordinary members and ``(key, index,
    element)`` for each element of an array member whose key is in ``streamed``.
    """

    def __init__(self, path: str | os.PathLike, stream: BinaryIO):
        self.path = Path(path)
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._text = ""
        self._at = 0  # position in _text
        self._eof = False
        self._bytes_read = 0
        self._first = True
        self._lines_before = 0  # newlines in the text already dropped from _text
        self._column_before = 0  # characters after the last dropped newline
        self.top_level_repeats: list[str] = []
        self.marked_objects = 0  # objects read so far that repeat a key
        self._decoder_of_values = json.JSONDecoder(object_pairs_hook=self._pairs,
                                                   parse_constant=_reject_constant)

    def _pairs(self, pairs: list[tuple[str, Any]]) -> dict:
        result = object_pairs_hook(pairs)
        if isinstance(result, JsonObject):
            self.marked_objects += 1
        return result

    @property
    def bytes_read(self) -> int:
        return self._bytes_read

    # ------------------------------------------------------------ the text window

    def _fill(self) -> bool:
        """Append the next chunk of text; False at the end of the file."""
        if self._eof:
            return False
        data = self._stream.read(CHUNK_BYTES)
        offset = self._bytes_read - len(self._decoder.getstate()[0])
        self._bytes_read += len(data)
        if self._first and data.startswith(_BOM):
            data, offset = data[len(_BOM):], offset + len(_BOM)
        self._first = False
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            bad = error.object[error.start : error.start + 1].hex()
            raise PackError(
                f"{self.path}: not UTF-8 text (byte 0x{bad} at offset {offset + error.start});"
                " save the file as UTF-8 and try again"
            ) from None
        if not data:
            self._eof = True
        dropped = self._text[: self._at]
        if dropped:
            newlines = dropped.count("\n")
            if newlines:
                self._lines_before += newlines
                self._column_before = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._column_before += len(dropped)
        self._text = self._text[self._at :] + text
        self._at = 0
        return bool(data)

    def _peek(self) -> str:
        """The next character that is not whitespace ("" at the end), not consumed."""
        while True:
            text, at = self._text, self._at
            while at < len(text) and text[at] in _WHITESPACE:
                at += 1
            self._at = at
            if at < len(text):
                return text[at]
            if not self._fill():
                return ""

    def _fail(self, message: str, at: int | None = None) -> PackError:
        at = self._at if at is None else at
        before = self._text[:at]
        newlines = before.count("\n")
        column = at - before.rfind("\n") if newlines else self._column_before + at + 1
        return PackError(f"{self.path}: not a JSON file ({message} at line "
                         f"{self._lines_before + newlines + 1}, column {column})")

    def _value(self) -> Any:
        """Decode the value that starts at the current position."""
        while True:
            try:
                value, end = self._decoder_of_values.raw_decode(self._text, self._at)
            except json.JSONDecodeError as error:
                if len(self._text) - self._at < MAX_VALUE_CHARS and self._fill():
                    continue  # the value may only be cut by the end of the window
                raise self._fail(error.msg, error.pos) from None
            except RecursionError:
                raise PackError(
                    f"{self.path}: the JSON is nested too deeply to be a fact pack"
                ) from None
            except ValueError as error:  # e.g. NaN, integers beyond the digit limit
                raise PackError(f"{self.path}: not a usable JSON file ({error})") from None
            if end == len(self._text) and not self._eof and self._fill():
                continue  # a number may go on in the next chunk
            self._at = end
            return value

    def _expect(self, char: str, message: str) -> None:
        if self._peek() != char:
            raise self._fail(message)
        self._at += 1

    # ------------------------------------------------------------ the object

    def members(self, streamed: tuple[str, ...]) -> Iterator[tuple]:
        first = self._peek()
        if first == "":
            raise PackError(f"{self.path}: the file is empty")
        if first != "{":
            found = {"[": "an array", '"': "a string", "t": "true", "f": "false",
                     "n": "null"}.get(first, "a number")
            raise PackError(
                f"{self.path}: expected a JSON object {{...}} at the top, found {found}"
            )
        self._at += 1
        seen: set[str] = set()
        if self._peek() == "}":
            self._at += 1
        else:
            while True:
                if self._peek() != '"':
                    raise self._fail("Expecting property name enclosed in double quotes")
                key = self._value()
                if key in seen and key not in self.top_level_repeats:
                    self.top_level_repeats.append(key)
                seen.add(key)
                self._expect(":", "Expecting ':' delimiter")
                if key in streamed and self._peek() == "[":
                    yield from self._elements(key)
                else:
                    self._peek()
                    yield key, self._value()
                after = self._peek()
                if after == "}":
                    self._at += 1
                    break
                if after != ",":
                    raise self._fail("Expecting ',' delimiter")
                self._at += 1
        if self._peek() != "":
            raise self._fail("Extra data")

    def _elements(self, key: str) -> Iterator[tuple]:
        self._at += 1  # the "["
        if self._peek() == "]":
            self._at += 1
            return
        index = 0
        while True:
            self._peek()
            yield key, index, self._value()
            index += 1
            after = self._peek()
            if after == "]":
                self._at += 1
                return
            if after != ",":
                raise self._fail("Expecting ',' delimiter")
            self._at += 1
