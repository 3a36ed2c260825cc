"""Marking schemes as data: an ordered list of markings, lowest first.

Offices mark memos differently (U.S. classification and CUI, or PUBLIC / INTERNAL /
CONFIDENTIAL elsewhere), so a scheme is a JSON file, chosen per fact base by the setting
``marking_scheme``. Built-in schemes live in ``resources/markings/``; a file of the same
form in the user data folder's ``markings/`` adds a scheme (or replaces a built-in one of
the same name, because it is loaded after them).

File form::

    {"name": "us", "title": "U.S. classification and CUI",
     "markings": [{"code": "U", "banner": "UNCLASSIFIED", "portion": "U"}, ...]}

``portion`` is the short form drawn in parentheses before a portion, ``(U)``; it defaults
to the code. Codes are matched without regard to case or surrounding spaces, so a
hand-typed ``"s"`` means SECRET; anything else unknown raises :class:`UnknownMarkingError`
naming the code, because guessing a banner for an unknown marking is never safe.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.paths import resource_path, user_data_dir

DEFAULT_SCHEME = "us"
SCHEME_SETTING = "marking_scheme"  # the fact base setting naming its scheme


class MarkingError(ValueError):
    """A scheme file is missing or malformed; the message names the file and the problem."""


class UnknownMarkingError(MarkingError):
    """A marking code that the scheme does not define."""

    def __init__(self, code: str, scheme: MarkingScheme):
        self.code = code
        self.scheme_name = scheme.name
        known = ", ".join(scheme.codes)
        super().__init__(
            f"Unknown marking {code!r}: the {scheme.name!r} scheme knows {known}"
        )


@dataclass(frozen=True)
class Marking:
    code: str
    banner: str
    portion: str


@dataclass(frozen=True)
class MarkingScheme:
    """Markings in order, lowest first. Empty codes mean "unmarked" everywhere."""

    name: str
    title: str
    markings: tuple[Marking, ...]

    @property
    def codes(self) -> list[str]:
        return [marking.code for marking in self.markings]

    @property
    def lowest(self) -> str:
        """Code of the lowest marking, which unmarked portions take in a marked memo."""
        return self.markings[0].code

    def is_known(self, code: str) -> bool:
        return self._find(code) is not None

    def canonical(self, code: str) -> str:
        """The code as the scheme spells it (``"s"`` -> ``"S"``); ``""`` stays ``""``."""
        if not code or not code.strip():
            return ""
        return self.get(code).code

    def get(self, code: str) -> Marking:
        """The marking for ``code``; raises :class:`UnknownMarkingError`."""
        marking = self._find(code)
        if marking is None:
            raise UnknownMarkingError(code, self)
        return marking

    def rank(self, code: str) -> int:
        """Position in the order (0 = lowest); raises :class:`UnknownMarkingError`."""
        return self.markings.index(self.get(code))

    def highest(self, codes: Iterable[str]) -> str:
        """The highest of ``codes`` (canonical), ignoring empty ones; ``""`` when none is set.

        Raises :class:`UnknownMarkingError` for an unknown code, even if a higher known
        one is present: an unknown marking could be anything.
        """
        best: Marking | None = None
        for code in codes:
            if not code or not code.strip():
                continue
            marking = self.get(code)
            if best is None or self.markings.index(marking) > self.markings.index(best):
                best = marking
        return best.code if best else ""

    def banner(self, code: str) -> str:
        """Banner text for ``code`` (``"S"`` -> ``"SECRET"``); ``""`` for no marking."""
        if not code or not code.strip():
            return ""
        return self.get(code).banner

    def portion(self, code: str) -> str:
        """The short form drawn as ``(portion)``; ``""`` for no marking."""
        if not code or not code.strip():
            return ""
        return self.get(code).portion

    def portion_mark(self, code: str) -> str:
        """The portion mark as printed, ``"(U)"``; ``""`` for no marking."""
        short = self.portion(code)
        return f"({short})" if short else ""

    def _find(self, code: str) -> Marking | None:
        if not isinstance(code, str):
            return None
        wanted = code.strip().casefold()
        for marking in self.markings:
            if marking.code.casefold() == wanted:
                return marking
        return None


def builtin_dir() -> Path:
    return resource_path("markings")


def user_dir() -> Path:
    """Where a user's own scheme files live (they override built-ins of the same name)."""
    return user_data_dir() / "markings"


def _scheme_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in (builtin_dir(), user_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                files[path.stem] = path
    return files


def available_schemes() -> list[str]:
    """Names of every scheme, built-in and user, sorted."""
    return sorted(_scheme_files())


def load_scheme(name: str = DEFAULT_SCHEME) -> MarkingScheme:
    """The scheme called ``name``; :class:`MarkingError` if there is none or it is broken."""
    files = _scheme_files()
    path = files.get(name)
    if path is None:
        known = ", ".join(sorted(files)) or "none"
        raise MarkingError(f"No marking scheme {name!r} (available: {known})")
    return load_scheme_file(path)


def scheme_for(fact_base) -> MarkingScheme:
    """The fact base's marking scheme: its setting ``marking_scheme``, else the default."""
    return load_scheme(fact_base.get_setting(SCHEME_SETTING, DEFAULT_SCHEME) or DEFAULT_SCHEME)


def load_scheme_file(path: str | Path) -> MarkingScheme:
    """Read and validate one scheme file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MarkingError(f"{path.name}: cannot read ({error.strerror or error})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MarkingError(f"{path.name}: not valid JSON ({error})") from error
    return scheme_from_dict(data, name=path.stem, origin=path.name)


def scheme_from_dict(data: object, *, name: str, origin: str = "") -> MarkingScheme:
    """Validate the parsed JSON of a scheme; errors name ``origin`` and the bad field."""
    where = origin or name

    def fail(problem: str) -> MarkingError:
        return MarkingError(f"{where}: {problem}")

    if not isinstance(data, dict):
        raise fail("the file must hold a JSON object")
    declared = data.get("name", name)
    if declared != name:
        raise fail(f"name {declared!r} does not match the file name {name!r}")
    title = data.get("title", name)
    if not isinstance(title, str):
        raise fail("title must be text")
    entries = data.get("markings")
    if not isinstance(entries, list) or not entries:
        raise fail("markings must be a non-empty list, lowest first")
    markings: list[Marking] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise fail(f"marking {index} must be an object with code and banner")
        code, banner = entry.get("code"), entry.get("banner")
        portion = entry.get("portion", code)
        for field_name, value in (("code", code), ("banner", banner), ("portion", portion)):
            if not isinstance(value, str) or not value.strip():
                raise fail(f"marking {index}: {field_name} must be non-empty text")
        if code.strip() != code:
            raise fail(f"marking {index}: code {code!r} must not start or end with spaces")
        if "(" in portion or ")" in portion:
            raise fail(f"marking {index}: write portion without parentheses ({portion!r})")
        if code.casefold() in seen:
            raise fail(f"marking {index}: code {code!r} appears twice")
        seen.add(code.casefold())
        markings.append(Marking(code=code, banner=banner.strip(), portion=portion.strip()))
    return MarkingScheme(name=name, title=title, markings=tuple(markings))
