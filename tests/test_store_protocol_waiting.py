"""The contract of ``Store.waiting_for_writer`` that every store meets (a store that never
waits for another writer, like the dictionary one, simply never calls the hook); the
waiting itself is shown on SQLite files in ``test_store_waiting.py``."""

from __future__ import annotations

from store_implementations import store_of_every_kind  # noqa: F401 - the ``store`` fixture

from briefing_app.core.model import Item


def test_a_change_nobody_holds_up_runs_at_once_and_tells_the_hook_nothing(store):
    heard = []
    with store.waiting_for_writer(lambda seconds, over: heard.append((seconds, over))):
        store.save_item(Item("a", "fact", "Nobody else is writing."))
        with store.transaction():
            store.save_item(Item("b", "fact", "Nor now."))
    assert heard == []
    assert [i.id for i in store.get_items(["a", "b"])] == ["a", "b"]

