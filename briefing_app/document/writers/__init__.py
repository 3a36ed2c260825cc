"""The writer registry: one module per output format, found by name.

A writer is a module ``<format>_writer.py`` in this package defining ``FORMAT`` (its name,
e.g. ``"pdf"``), ``EXTENSION`` (with the dot, e.g. ``".pdf"``), ``write(document, stream)``
writing bytes to a binary stream, and ``Visitor``: its
:class:`~briefing_app.document.visitor.NodeVisitor`, with a ``visit_*`` method for every
node type (``tests/test_writer_nodes.py`` checks). Other modules here (shared helpers
such as ``docx_parts``) are not formats. Adding a format is adding a file: nothing here
lists them.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from pathlib import Path
from types import ModuleType

from briefing_app.core.files import atomic_output
from briefing_app.document.model import Document
from briefing_app.document.visitor import UnknownNodeError

__all__ = [
    "UnknownFormatError",
    "UnknownNodeError",
    "available_formats",
    "extension_of",
    "format_for_path",
    "get_writer",
    "write_document",
]

_SUFFIX = "_writer"
_WRITER_API = ("FORMAT", "EXTENSION", "write", "Visitor")
_FORMAT_NAME = re.compile(r"^[a-z0-9]+$")


class UnknownFormatError(ValueError):
    """No writer for the asked format or file extension; the message lists the known ones."""


def available_formats() -> list[str]:
    """Format names of every ``*_writer`` module in this package, sorted."""
    return sorted(
        info.name[: -len(_SUFFIX)]
        for info in pkgutil.iter_modules(__path__)
        if info.name.endswith(_SUFFIX) and _FORMAT_NAME.match(info.name[: -len(_SUFFIX)])
    )


def get_writer(fmt: str) -> ModuleType:
    """The writer module for ``fmt`` (case-insensitive), checked to have the writer API."""
    name = (fmt or "").strip().lower().lstrip(".")
    formats = available_formats()
    if name not in formats:
        raise UnknownFormatError(
            f"No writer for format {fmt!r} (available: {', '.join(formats) or 'none'})"
        )
    module = importlib.import_module(f"{__name__}.{name}{_SUFFIX}")
    missing = [attr for attr in _WRITER_API if not hasattr(module, attr)]
    if missing:
        raise UnknownFormatError(f"The {name} writer is incomplete: it lacks {', '.join(missing)}")
    return module


def extension_of(fmt: str) -> str:
    """The file extension the writer for ``fmt`` produces, with its dot."""
    return "." + get_writer(fmt).EXTENSION.lstrip(".").lower()


def format_for_path(path: str | os.PathLike) -> str:
    """The format to write ``path`` in, from its extension (``memo.PDF`` -> ``"pdf"``)."""
    suffix = Path(path).suffix.lower()
    formats = available_formats()
    if suffix:
        if suffix[1:] in formats and extension_of(suffix[1:]) == suffix:
            return suffix[1:]
        for fmt in formats:
            if extension_of(fmt) == suffix:
                return fmt
    extensions = ", ".join(f".{fmt}" for fmt in formats) or "none"
    shown = suffix or "no extension"
    raise UnknownFormatError(
        f"Cannot tell the format of {Path(path).name!r} from {shown} (known: {extensions})"
    )


def write_document(document: Document, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Write ``document`` to ``path`` atomically; the format comes from the extension when
    ``fmt`` is None. A failure leaves any previous file at ``path`` untouched."""
    writer = get_writer(fmt or format_for_path(path))
    target = Path(path)
    with atomic_output(target) as stream:
        writer.write(document, stream)
    return target
