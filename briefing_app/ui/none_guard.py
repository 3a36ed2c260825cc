"""A guard against a PySide6 6.12 reference-counting bug on Python 3.11.

With PySide6 6.12.0 on Python 3.11, every call of a Qt method that returns nothing
(``widget.update()``, ``label.setText(...)``, ``view.setExpanded(...)``) drops one
reference to ``None`` that it never took. Since Python 3.12 ``None`` is immortal and this
is harmless; on 3.11 the count reaches zero after some thousands of calls and the
interpreter aborts ("Fatal Python error: none_dealloc"), i.e. the app crashes after a
while of ordinary use. ``True`` and ``False`` suffer the same through Python overrides
that return a bool to Qt.

:func:`guard_none_refcount` detects the leak with a probe and, only when it is there,
raises ``None``'s reference count far out of reach (2**48), which makes it as good as
immortal, as on newer Pythons. The real fix is a PySide6 release without the bug, or
Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

PROBE_CALLS = 64
HEADROOM = 1 << 48


def none_refs_lost_per_call() -> float:
    """How many references to None one void Qt call loses (0 on a sound PySide6)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return (before - sys.getrefcount(None)) / PROBE_CALLS


def guard_none_refcount() -> bool:
    """Apply the guard when needed; True when it was applied (once is enough)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    if sys.getrefcount(None) > HEADROOM // 2:
        return False  # already guarded
    if none_refs_lost_per_call() < 0.5:
        return False
    # CPython 3.11: ob_refcnt is the first field of every object, at id(obj). True and
    # False get the same headroom: Python overrides that Qt calls with a bool result
    # (event filters, ``canFetchMore``) were seen to lose references to them the same way
    # ("Fatal Python error: bool_dealloc" at the end of a long test session).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    return True
