"""Briefing -> file, the one path the CLI and the GUI both take.

``render_briefing`` finds the briefing, checks it (preflight), builds the document with the
fact base's marking scheme (setting ``marking_scheme``, default ``"us"``) and writes it
atomically. ``render_document`` builds the same tree for the in-app preview.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing_app.core.markings import scheme_for
from briefing_app.core.model import Briefing
from briefing_app.document.build import build_document
from briefing_app.document.cited import read_cited
from briefing_app.document.model import Document
from briefing_app.document.page_size import paper
from briefing_app.document.preflight import PreflightWarning, preflight
from briefing_app.document.writers import format_for_path, get_writer, write_document

AUTHOR_SETTING = "author"


class BriefingNotFoundError(LookupError):
    """No briefing has the given id or exact title."""


class PreflightFailed(Exception):
    """Raised by a strict render when preflight found something; nothing was written."""

    def __init__(self, warnings: list[PreflightWarning]):
        self.warnings = list(warnings)
        super().__init__(f"{len(self.warnings)} pre-flight warning(s)")


@dataclass
class RenderResult:
    path: Path
    format: str
    warnings: list[PreflightWarning] = field(default_factory=list)


def find_briefing(fb, briefing_ref: str) -> Briefing:
    briefing = fb.find_briefing(briefing_ref)
    if briefing is None:
        raise BriefingNotFoundError(f"No briefing with the id or title {briefing_ref!r}")
    return briefing


def render_document(fb, briefing: Briefing | str) -> Document:
    """The memo tree for a briefing (object, possibly unsaved, or id/title) — the preview."""
    if isinstance(briefing, str):
        briefing = find_briefing(fb, briefing)
    return build_document(briefing, fb, scheme=scheme_for(fb), author=_author(fb, briefing))


def render_briefing(
    fb,
    briefing_ref: str,
    out_path: str | os.PathLike,
    fmt: str | None = None,
    *,
    strict: bool = False,
    stale_days: int = 30,
    page_size: str | None = None,
    leave_out_empty_sections: bool = False,
) -> RenderResult:
    """Check and write one briefing; returns where, in which format, and the warnings.

    Raises :class:`BriefingNotFoundError`, :class:`PreflightFailed` (strict mode, nothing
    written), ``UnknownFormatError``, ``TemplateError``, ``MarkingError`` (including an
    unknown marking code) or ``WriteError``, each with a message for people.
    ``page_size`` (one of ``PAGE_SIZES``) prints on other paper than the briefing's own,
    without changing the briefing. ``leave_out_empty_sections`` drops the ordinary
    sections without blocks (which would print as a bare heading) from this memo only.
    """
    fmt = get_writer(fmt).FORMAT if fmt else format_for_path(out_path)
    briefing = find_briefing(fb, briefing_ref)
    if page_size is not None:
        paper(page_size)  # an unknown size is refused before anything is checked or written
        briefing = replace(briefing, page_size=page_size)
    if leave_out_empty_sections:
        briefing = without_empty_sections(briefing)
    scheme = scheme_for(fb)
    cited = read_cited(briefing, fb)  # read once, for the check and the memo
    warnings = preflight(briefing, cited, scheme=scheme, stale_days=stale_days)
    if strict and warnings:
        raise PreflightFailed(warnings)
    document = build_document(briefing, cited, scheme=scheme, author=_author(fb, briefing))
    path = write_document(document, out_path, fmt)
    return RenderResult(path=path, format=fmt, warnings=warnings)


def without_empty_sections(briefing: Briefing) -> Briefing:
    """The briefing less the sections pre-flight calls empty: ordinary ones without a
    block (an automatic section's content is generated, so it stays)."""
    return replace(briefing, sections=[s for s in briefing.sections
                                       if s.automatic or s.blocks])


def _author(fb, briefing: Briefing) -> str:
    return fb.get_setting(AUTHOR_SETTING, "") or briefing.from_
