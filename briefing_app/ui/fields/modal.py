"""Asking with a modal dialog without leaving it behind.

A dialog given a parent lives as long as the parent; one asked many times (New Person…
in a long session) would pile up. :func:`asked` runs it and schedules its deletion once
the caller has read its fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtWidgets import QDialog


@contextlib.contextmanager
def asked(dialog: QDialog) -> Iterator[bool]:
    """``with asked(SomeDialog(...)) as accepted:`` read the dialog's fields inside."""
    try:
        yield dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
