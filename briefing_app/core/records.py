"""Small records a store returns besides the model classes (every backend returns these)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemRow:
    """One line of the item table: flat display values, cheap to fetch 200 at a time.

    ``text`` is the start of the item's text (at most a few hundred characters); ``people``
    names the speaker first, then the item's people; ``tags`` are joined with ", ".
    """

    id: str
    kind: str
    date: str
    title: str
    text: str
    people: str
    source: str
    tags: str
    status: str
    marking: str


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str


@dataclass(frozen=True)
class PersonCount:
    id: str
    name: str
    items: int  # items where the person is the speaker or among the people


@dataclass(frozen=True)
class SourceCount:
    outlet: str
    items: int  # items citing any source of this outlet
    sources: int  # how many source records share the outlet


@dataclass(frozen=True)
class SimilarItem:
    id: str
    kind: str
    title: str
    text: str
    date: str
    ratio: float  # 0..1, 1 = the same text after folding


@dataclass(frozen=True)
class Finding:
    """One layer's verdict: ``ok`` and a sentence for people."""

    what: str
    ok: bool
    message: str


@dataclass(frozen=True)
class IntegrityReport:
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(finding.ok for finding in self.findings)

    def lines(self) -> list[str]:
        """One line per layer, then the verdict."""
        lines = [f"{finding.what}: {finding.message}" for finding in self.findings]
        if self.ok:
            lines.append("The fact base is sound.")
        else:
            lines.append("The fact base is damaged. Restore a backup (File ▸ Restore from "
                         "Backup…, or briefing-app backups) and keep this file aside.")
        return lines
