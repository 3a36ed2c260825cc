"""How a person or a source reads in a picker: one line from the parts that exist.

Kept apart from the pickers (QtCore only) so the people and sources an editor offers can
be labelled on a worker, before it opens (see :func:`.draft_catalog.read_stored_choices`).
"""

from __future__ import annotations

from briefing_app.core.model import Person, Source
from briefing_app.ui.local_dates import format_partial_date


def person_role(person: Person) -> str:
    """``President, Colombia``: the role and organization that exist."""
    return ", ".join(part for part in (person.role, person.organization) if part)


def person_label(person: Person) -> str:
    """``Gustavo Petro (President, Colombia)``."""
    role = person_role(person)
    return f"{person.name} ({role})" if role else person.name


def source_label(source: Source) -> str:
    """``EFE — “Petro on the talks”, March 2025`` (only the parts that exist)."""
    published = format_partial_date(source.published, long=True)
    title = f"“{source.title}”" if source.title else ""
    rest = ", ".join(part for part in (title, published) if part)
    return f"{source.outlet} — {rest}" if rest else source.outlet
