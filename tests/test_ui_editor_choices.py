"""The item editor's people and sources, read ahead on a worker: the editor opens on them,
and a change made since is never missing from its pickers."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from briefing_app.core.model import Person, Source
from briefing_app.core.operations.items import SavePerson, SaveSource


def entries(box) -> list[str]:
    return [box.itemText(row) for row in range(box.count())]


def read_ahead(qtbot, editing):
    """The choices once read ahead (from a moment after the window's first frame)."""
    qtbot.waitUntil(lambda: editing.choices is not None
                    and editing.choices.current() is not None, timeout=5000)
    return editing.choices.current()


def open_new_fact(qtbot, window, editing):
    window.activateWindow()
    window.item_view.setFocus()
    qtbot.keyClick(window.item_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editing.editor is not None and editing.editor.isVisible())
    return editing.editor


def test_the_editor_opens_on_the_people_and_sources_read_ahead(qtbot, window, editing,
                                                                 sample_fb):
    read_ahead_now = read_ahead(qtbot, editing)
    assert sorted(p.id for p in read_ahead_now.people) == sorted(
        p.id for p in sample_fb.list_people())

    editor = open_new_fact(qtbot, window, editing)

    petro = next(p for p in read_ahead_now.people if p.id == "p-petro")
    assert editor.catalog.person_label(petro) == read_ahead_now.person_labels["p-petro"]
    speakers = entries(editor.speaker.box)
    assert speakers[0] == "(no speaker)" and len(speakers) == len(read_ahead_now.people) + 1
    assert any(text.startswith("Gustavo Petro") for text in speakers)
    editor.reject()


def test_a_person_and_a_source_saved_a_moment_ago_are_offered_at_once(qtbot, window,
                                                                       editing):
    read_ahead(qtbot, editing)
    store = window.library.store
    window.undo_stack.perform(SavePerson(store, Person("p-new", "Luis Murillo")))
    window.undo_stack.perform(SaveSource(store, Source("s-new", "La Silla Vacía")))
    assert editing.choices.current() is None  # the lists read before are dropped

    editor = open_new_fact(qtbot, window, editing)  # before the new read arrives, or after

    assert "Luis Murillo" in entries(editor.speaker.box)
    assert "La Silla Vacía" in entries(editor.source.box)
    editor.reject()
    assert "p-new" in read_ahead(qtbot, editing).person_labels
    assert "s-new" in read_ahead(qtbot, editing).source_labels


def test_the_lists_read_ahead_are_not_used_in_another_language(qtbot, window, editing):
    read_ahead(qtbot, editing)
    before = QLocale()
    QLocale.setDefault(QLocale("es_ES") if before.name() != "es_ES" else QLocale("en_US"))
    try:
        assert editing.choices.current() is None  # source dates were written in the other
    finally:
        QLocale.setDefault(before)
    assert editing.choices.current() is not None


def test_changes_in_quick_succession_read_the_lists_once_more_not_once_each(
        qtbot, window, editing):
    read_ahead(qtbot, editing)
    choices = editing.choices
    before = choices.reads_started
    for _ in range(5):  # five changes told before any read can end (undo pressed 5 times)
        choices.read_again()
    assert choices.reads_started == before + 1

    qtbot.waitUntil(lambda: choices.current() is not None, timeout=5000)
    assert choices.reads_started == before + 2  # the first, and one after it


def test_a_person_and_a_source_with_the_same_id_keep_their_own_labels(qtbot, window,
                                                                       editing):
    store = window.library.store
    window.undo_stack.perform(SavePerson(store, Person("same-id", "Ana Ortiz")))
    window.undo_stack.perform(SaveSource(store, Source("same-id", "Radio Nacional")))
    read_ahead(qtbot, editing)

    editor = open_new_fact(qtbot, window, editing)

    assert "Ana Ortiz" in entries(editor.speaker.box)
    assert "Radio Nacional" in entries(editor.source.box)
    assert "Radio Nacional" not in entries(editor.speaker.box)
    editor.reject()


def test_the_source_list_is_wide_enough_for_its_longest_label(qtbot, window, editing):
    store = window.library.store
    long_title = "Petro and Trump agree to steady relations after months of tension and tariffs"
    window.undo_stack.perform(SaveSource(store, Source("s-long", "El Tiempo", title=long_title)))

    editor = open_new_fact(qtbot, window, editing)

    view = editor.source.box.view()
    [label] = [text for text in entries(editor.source.box) if long_title in text]
    assert view.minimumWidth() >= view.fontMetrics().horizontalAdvance(label)
    editor.source.set_source("s-long")
    assert editor.source.box.toolTip() == label  # the chosen one whole
    editor.reject()
