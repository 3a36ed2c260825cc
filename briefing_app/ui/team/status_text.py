"""What the status bar says about the team library, worded for people (no widgets).

One line: the last sync (a time today, else a date and time, in the app's locale), the
changes waiting to be pushed and the open conflicts; while a sync runs, that it runs; when
the server could not be reached, that, with what is waiting. Context ``TeamStatus``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from briefing_app.team.status import TeamStatus
from briefing_app.ui.status import number

translate = QCoreApplication.translate


def when_text(iso_time: str) -> str:
    """``14:02`` for a time today, ``3 Feb 2026 14:02`` before; local time."""
    moment = QDateTime.fromString(iso_time, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso_time
    local = moment.toLocalTime()
    locale = QLocale()
    if local.date() == QDate.currentDate():
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def waiting_text(count: int) -> str:
    if count == 1:
        return translate("TeamStatus", "1 change waiting")
    return translate("TeamStatus", "%1 changes waiting").replace("%1", number(count))


def conflicts_text(count: int) -> str:
    if count == 1:
        return translate("TeamStatus", "1 conflict")
    return translate("TeamStatus", "%1 conflicts").replace("%1", number(count))


def status_text(status: TeamStatus, *, syncing: bool = False, unreachable: bool = False,
                failed: bool = False) -> str:
    """The status bar's team line (empty for a fact base that joined no library)."""
    if not status.joined:
        return ""
    if syncing:
        head = translate("TeamStatus", "Team: syncing…")
    elif unreachable:
        head = translate("TeamStatus", "Team server unreachable")
    elif failed:
        head = translate("TeamStatus", "Team sync failed")
    elif status.last_sync:
        head = translate("TeamStatus", "Team: synced %1").replace(
            "%1", when_text(status.last_sync))
    else:
        head = translate("TeamStatus", "Team: not synced yet")
    parts = [head]
    if status.pending:
        parts.append(waiting_text(status.pending))
    if status.conflicts:
        parts.append(conflicts_text(status.conflicts))
    return " · ".join(parts)
