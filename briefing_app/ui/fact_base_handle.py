"""The window's fact base as one stable object, so opening another file reaches every view.

Models and panes keep the fact base they were given. The window gives them this handle
instead, which forwards every call to the fact base open *now*; switching files is then a
single assignment to :attr:`FactBaseHandle.target` followed by a refresh, with no view
left reading a closed connection.
"""

from __future__ import annotations

from typing import Any


class FactBaseHandle:
    """Behaves like the :class:`~briefing_app.store.FactBase` in :attr:`target`."""

    __slots__ = ("target",)

    def __init__(self, target: Any):
        self.target = target

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target, name)

    def __repr__(self) -> str:
        return f"FactBaseHandle({self.target!r})"
