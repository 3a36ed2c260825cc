"""The composer's edits as core operations, named in the window's language.

The operations themselves (what each edit writes and how it is taken back) live in
:mod:`briefing_app.core.operations.composer`; this module only gives them their Edit-menu
labels through Qt's translation, so the session reads as a list of edits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefing_app.core.model import Briefing
from briefing_app.core.operations import composer as ops
from briefing_app.core.operations.composer import Focus

__all__ = ["Focus", "add_section", "create_briefing", "delete_briefing", "remove_section",
           "rename_section", "tr", "translate"]

translate = QCoreApplication.translate  # by this name, so lupdate reads the context


def tr(text: str) -> str:
    """A value marked elsewhere with ``QT_TRANSLATE_NOOP("Composer", ...)``, translated."""
    return QCoreApplication.translate("Composer", text)


def add_section(briefing_id: str, position: int, heading: str) -> ops.AddSection:
    return ops.AddSection(briefing_id, position, heading, label=translate(
        "Composer", "Add section “%1”").replace("%1", heading))


def rename_section(briefing_id: str, section_id: int, heading: str,
                   old: str) -> ops.RenameSection:
    return ops.RenameSection(briefing_id, section_id, heading, old, label=translate(
        "Composer", "Rename section to “%1”").replace("%1", heading))


def remove_section(briefing_id: str, section_id: int, heading: str) -> ops.RemoveSection:
    return ops.RemoveSection(briefing_id, section_id, heading, label=translate(
        "Composer", "Remove section “%1”").replace("%1", heading))


def create_briefing(briefing: Briefing, title: str) -> ops.CreateBriefing:
    return ops.CreateBriefing(briefing, label=translate(
        "Composer", "New briefing “%1”").replace("%1", title))


def delete_briefing(briefing_id: str, title: str) -> ops.DeleteBriefing:
    return ops.DeleteBriefing(briefing_id, title, label=translate(
        "Composer", "Delete briefing “%1”").replace("%1", title))
