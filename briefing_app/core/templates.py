"""Memo templates as data: the structure and look of a kind of memo.

A template is a JSON file (``resources/templates/<name>.json``; user templates in the user
data folder's ``templates/``, loaded after the built-ins so a user file of the same name
replaces a built-in). It names the sections a new briefing starts with and how the memo is
drawn: title line, numbering and case of headings, default note style, page numbering,
page target and body font size.

Body size: the built-in templates use 12 pt. The State Department handbook asks for 14 pt
on papers going to principal officers, but 12 pt is the common body size elsewhere and the
one-page and two-page targets are only realistic at 12 pt; an office that writes for
principal officers sets ``"font_size": 14`` in its own template.

The briefing, not the template, owns its sections once created: the builder takes the
headings from the briefing and only the drawing rules from the template.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.files import atomic_write_text
from briefing_app.core.model import AUTOMATIC_SECTIONS, NOTE_STYLES, PAGE_SIZES, Briefing, Section
from briefing_app.core.paths import resource_path, user_data_dir

DEFAULT_TEMPLATE = "meeting-brief"
SECTION_NUMBERING = ("none", "roman")
HEADING_CASES = ("upper", "as-written")
PAGE_NUMBERING = ("page-x-of-y", "dash")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TemplateError(ValueError):
    """A template is missing or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    automatic: str = ""  # "" or one of model.AUTOMATIC_SECTIONS
    hint: str = ""  # guidance for the composer, never printed


@dataclass(frozen=True)
class Template:
    name: str  # file name without .json, lower-case words joined by hyphens
    title: str  # for people: "Meeting brief"
    sections: tuple[TemplateSection, ...]
    title_line: str = "MEMORANDUM"
    to_label: str = "MEMORANDUM FOR"  # or "TO", "FOR"
    section_numbering: str = "none"  # "roman" -> "I. PURPOSE"
    heading_case: str = "upper"
    note_style: str = "footnotes"  # default for new briefings
    page_numbering: str = "page-x-of-y"
    page_target: int | None = None  # pages the memo should fit on
    font_size: float = 12.0
    description: str = ""

    def new_sections(self) -> list[Section]:
        """Fresh, empty briefing sections laid out as this template says."""
        return [Section(heading=s.heading, automatic=s.automatic) for s in self.sections]

    def heading_text(self, heading: str, number: int) -> str:
        """A heading as printed: cased, and numbered ``"II. "`` when the template says so."""
        text = heading.upper() if self.heading_case == "upper" else heading
        if self.section_numbering == "roman":
            return f"{roman(number)}. {text}"
        return text


_FIELDS = {
    "name", "title", "description", "title_line", "to_label", "section_numbering",
    "heading_case", "note_style", "page_numbering", "page_target", "font_size", "sections",
}
_SECTION_FIELDS = {"heading", "automatic", "hint"}


def roman(number: int) -> str:
    """Upper-case roman numeral, for section numbers (1 -> "I", 14 -> "XIV")."""
    if number < 1:
        raise ValueError(f"no roman numeral for {number}")
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens (``"Propósito clave"`` -> ``"proposito-clave"``);
    ``""`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def builtin_dir() -> Path:
    return resource_path("templates")


def user_templates_dir() -> Path:
    """Where "save as template" puts files: ``<user data>/templates``."""
    return user_data_dir() / "templates"


def _template_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in (builtin_dir(), user_templates_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                files[path.stem] = path
    return files


def available_templates() -> list[str]:
    """Names of all templates: built-ins first (sorted), then user-only ones (sorted)."""
    builtin = sorted(p.stem for p in builtin_dir().glob("*.json")) if builtin_dir().is_dir() else []
    extra = sorted(name for name in _template_files() if name not in builtin)
    return builtin + extra


def load_template(name: str = DEFAULT_TEMPLATE) -> Template:
    """The template called ``name``; :class:`TemplateError` when missing or malformed."""
    files = _template_files()
    path = files.get(name)
    if path is None:
        known = ", ".join(available_templates()) or "none"
        raise TemplateError(f"No template {name!r} (available: {known})")
    return load_template_file(path)


def load_template_file(path: str | Path) -> Template:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TemplateError(f"{path.name}: cannot read ({error.strerror or error})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise TemplateError(f"{path.name}: not valid JSON ({error})") from error
    return template_from_dict(data, origin=path.name, expected_name=path.stem)


def template_from_dict(data: object, *, origin: str = "", expected_name: str = "") -> Template:
    """Validate parsed JSON; every error names ``origin`` and the offending field."""
    where = origin or "template"

    def fail(problem: str) -> TemplateError:
        return TemplateError(f"{where}: {problem}")

    if not isinstance(data, dict):
        raise fail("the file must hold a JSON object")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise fail(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(_FIELDS))})")

    def text(key: str, default: str | None = None, *, required: bool = True) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise fail(f"{key} must be {'non-empty ' if required else ''}text")
        return value.strip()

    def choice(key: str, options: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in options:
            raise fail(f"{key} must be one of {', '.join(options)} (got {value!r})")
        return value

    name = text("name")
    if not _NAME.match(name):
        raise fail(f"name {name!r} must be lower-case words joined by hyphens")
    if expected_name and name != expected_name:
        raise fail(f"name {name!r} does not match the file name {expected_name!r}")

    page_target = data.get("page_target")
    if page_target is not None and (
        isinstance(page_target, bool) or not isinstance(page_target, int) or page_target < 1
    ):
        raise fail(f"page_target must be a whole number of pages or null (got {page_target!r})")
    font_size = data.get("font_size", 12)
    if isinstance(font_size, bool) or not isinstance(font_size, int | float) or not (
        6 <= font_size <= 36
    ):
        raise fail(f"font_size must be a number of points from 6 to 36 (got {font_size!r})")

    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise fail("sections must be a non-empty list")
    sections = []
    for index, raw in enumerate(raw_sections, start=1):
        if not isinstance(raw, dict):
            raise fail(f"section {index} must be an object with a heading")
        extra = sorted(set(raw) - _SECTION_FIELDS)
        if extra:
            raise fail(f"section {index}: unknown field {extra[0]!r}")
        heading = raw.get("heading")
        if not isinstance(heading, str) or not heading.strip():
            raise fail(f"section {index}: heading must be non-empty text")
        automatic = raw.get("automatic", "")
        if automatic not in ("", *AUTOMATIC_SECTIONS):
            raise fail(
                f"section {index}: automatic must be one of {', '.join(AUTOMATIC_SECTIONS)}"
                f" (got {automatic!r})"
            )
        hint = raw.get("hint", "")
        if not isinstance(hint, str):
            raise fail(f"section {index}: hint must be text")
        sections.append(TemplateSection(heading.strip(), automatic, hint.strip()))

    return Template(
        name=name,
        title=text("title"),
        description=text("description", "", required=False),
        sections=tuple(sections),
        title_line=text("title_line", "MEMORANDUM"),
        to_label=text("to_label", "MEMORANDUM FOR"),
        section_numbering=choice("section_numbering", SECTION_NUMBERING, "none"),
        heading_case=choice("heading_case", HEADING_CASES, "upper"),
        note_style=choice("note_style", NOTE_STYLES, "footnotes"),
        page_numbering=choice("page_numbering", PAGE_NUMBERING, "page-x-of-y"),
        page_target=page_target,
        font_size=float(font_size),
    )


def template_to_dict(template: Template) -> dict:
    sections = []
    for section in template.sections:
        entry: dict[str, str] = {"heading": section.heading}
        if section.automatic:
            entry["automatic"] = section.automatic
        if section.hint:
            entry["hint"] = section.hint
        sections.append(entry)
    font_size = template.font_size
    return {
        "name": template.name,
        "title": template.title,
        "description": template.description,
        "title_line": template.title_line,
        "to_label": template.to_label,
        "section_numbering": template.section_numbering,
        "heading_case": template.heading_case,
        "note_style": template.note_style,
        "page_numbering": template.page_numbering,
        "page_target": template.page_target,
        "font_size": int(font_size) if float(font_size).is_integer() else font_size,
        "sections": sections,
    }


def save_template(template: Template, path: str | Path | None = None) -> Path:
    """Write ``template`` as JSON (atomically); by default into :func:`user_templates_dir`.

    The template is validated first, so a file this writes always loads again.
    """
    data = template_to_dict(template)
    template_from_dict(data, origin=template.name)
    target = Path(path) if path is not None else user_templates_dir() / f"{template.name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return target


def new_briefing(template: Template, title: str, *, from_: str = "",
                 note_style: str = "", page_size: str = "") -> Briefing:
    """An unsaved briefing laid out by ``template``: its sections, its note style unless
    ``note_style`` names one (the staffer's preference), ``from_`` as the FROM line, and
    ``page_size`` as its paper (default: US Letter).

    The desktop app passes the staffer's preferences here; this module never reads them.
    """
    if note_style and note_style not in NOTE_STYLES:
        raise ValueError(f"{note_style!r} is not a note style (use {', '.join(NOTE_STYLES)})")
    if page_size and page_size not in PAGE_SIZES:
        raise ValueError(f"{page_size!r} is not a page size (use {', '.join(PAGE_SIZES)})")
    return Briefing(id="", title=title, from_=from_, template=template.name,
                    note_style=note_style or template.note_style,
                    page_size=page_size or Briefing.page_size,
                    sections=template.new_sections())


def template_from_briefing(
    briefing: Briefing, name: str, *, title: str = "", base: Template | None = None
) -> Template:
    """A new template with the briefing's section structure ("save as template").

    ``name`` may be typed by a person ("Trade talks brief"): it becomes the file name
    ``trade-talks-brief`` and, unless ``title`` is given, the display title. Drawing rules
    (title line, numbering, fonts) come from ``base``, by default the briefing's own
    template (or the default one if that is gone); the note style is the briefing's.
    """
    slug = slugify(name)
    if not slug:
        raise TemplateError(f"{name!r} cannot name a template: use letters or digits")
    if base is None:
        try:
            base = load_template(briefing.template)
        except TemplateError:
            base = load_template(DEFAULT_TEMPLATE)
    sections = tuple(
        TemplateSection(heading=s.heading.strip(), automatic=s.automatic)
        for s in briefing.sections
        if s.heading.strip()
    )
    if not sections:
        raise TemplateError(f"briefing {briefing.title!r} has no sections to make a template of")
    note_style = briefing.note_style if briefing.note_style in NOTE_STYLES else base.note_style
    return Template(
        name=slug,
        title=(title or name).strip(),
        description=f"Made from the briefing {briefing.title!r}.",
        sections=sections,
        title_line=base.title_line,
        to_label=base.to_label,
        section_numbering=base.section_numbering,
        heading_case=base.heading_case,
        note_style=note_style,
        page_numbering=base.page_numbering,
        page_target=base.page_target,
        font_size=base.font_size,
    )

