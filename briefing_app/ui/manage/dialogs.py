"""Which manage dialog to open for "people", "sources" or "tags"."""

from __future__ import annotations

from briefing_app.ui.manage.base import RecordsDialog
from briefing_app.ui.manage.people import ManagePeopleDialog
from briefing_app.ui.manage.sources import ManageSourcesDialog
from briefing_app.ui.manage.tags import ManageTagsDialog

DIALOGS = {"people": ManagePeopleDialog, "sources": ManageSourcesDialog,
           "tags": ManageTagsDialog}


def create(what: str, controller) -> RecordsDialog:
    return DIALOGS[what](controller)
