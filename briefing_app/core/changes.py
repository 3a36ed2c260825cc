"""What an operation changed: the kinds of objects and their ids.

Every operation returns one :class:`Changes`; the faces refresh only what it names (Anki's
``OpChanges``), and the change journal of a team library records it. Ids are kept as
frozensets so two records combine with ``|``. The id :data:`ANY` stands for "any of this
kind may have changed" (renaming a tag reaches every item that carries it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

ANY = "*"


@dataclass(frozen=True)
class Changes:
    """Ids of what changed, by kind; ``everything`` when the whole fact base may differ
    (another file opened, a backup restored)."""

    items: frozenset[str] = field(default_factory=frozenset)
    people: frozenset[str] = field(default_factory=frozenset)
    sources: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    briefings: frozenset[str] = field(default_factory=frozenset)
    saved_searches: frozenset[str] = field(default_factory=frozenset)
    settings: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(cls, **ids) -> Changes:
        """``Changes.of(items=["a", "b"], tags=["x"])``: any iterables of ids."""
        return cls(**{name: frozenset(value) for name, value in ids.items()})

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name)
                  for f in fields(self) if f.name != "everything"}
        return Changes(**merged, everything=self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or any(getattr(self, f.name) for f in fields(self))

    def touches(self, *kinds: str) -> bool:
        """True when any of these kinds changed (``everything`` touches all)."""
        return self.everything or any(getattr(self, kind) for kind in kinds)


NOTHING = Changes()
