"""Every change the app can make, one :class:`~briefing_app.core.undo.Operation` each.

A face builds an operation and hands it to :meth:`Library.perform
<briefing_app.core.library.Library.perform>`; the Library runs it in one transaction, keeps
it for undo and returns the :class:`~briefing_app.core.changes.Changes`.

- :mod:`.items`: items, people, sources and tags (save, bulk edit, delete, rename, merge).
- :mod:`.composer`: the composer's edits of a briefing (header, sections, blocks) and
  whole briefings (create, duplicate, delete).
- :mod:`.imports`: records from a fact pack, a CSV file or an article, as one change.
"""
