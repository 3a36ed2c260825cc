"""The app in Spanish: the main window and the dialogs a staffer reaches without a file show
no English menu, button, label, tooltip or column header, and every text the code asks Qt
to translate is found under the context the code asks with.

Texts that are not the app's words are allowed: the fact base's own content (items,
people, sources, tags, briefings), templates and marking schemes (data, in English), file
names, numbers, and Qt's standard buttons (from Qt's own qtbase_es.qm).
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from translation_helpers import (
    has_words,
    plain,
    qt_standard_texts,
    read_ts,
    text_pattern,
    visible_texts,
)

from briefing_app.core.markings import available_schemes, load_scheme
from briefing_app.core.records import SimilarItem
from briefing_app.core.templates import available_templates, load_template
from briefing_app.exchange.sample import create_fact_base
from briefing_app.ui.bulk import AddTagsDialog, RemoveTagsDialog
from briefing_app.ui.composer.briefings_list import NewBriefingDialog
from briefing_app.ui.editing.duplicates import DuplicateDialog
from briefing_app.ui.fields.person_fields import PersonDialog
from briefing_app.ui.fields.source_fields import SourceDialog
from briefing_app.ui.help import guide_markdown
from briefing_app.ui.i18n import install_translator, remove_translators
from briefing_app.ui.item_columns import COLUMN_KEYS
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.manage.base import MergeDialog
from briefing_app.ui.problems_dialog import ProblemsDialog
from briefing_app.ui.settings import AppSettings

# Names that are the same in both languages (the product, languages named in themselves).
PROBLEM = 'items[3].date: "Sept 2025" is not a date'
SAME_IN_SPANISH = {"Briefing Builder", "English", "Español", "PDF", "Word", "URL", "ID",
                   "CSV", "JSON", "Ctrl"}


class RecordingTranslator(QTranslator):
    """Translates nothing; remembers every (context, source) the app asks for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lookups: list[tuple[str, str]] = []

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        self.lookups.append((context or "", source or ""))
        return None  # the next translator answers


@pytest.fixture
def messages():
    return read_ts()


@pytest.fixture
def spanish(qapp):
    """The Spanish translators installed as at start with ``LANG=es_ES.UTF-8``, and a
    recorder of every lookup; English again afterwards, for the other tests."""
    assert install_translator(qapp, language="es") == "es"
    recorder = RecordingTranslator(qapp)
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)
    remove_translators(qapp)


def _strings(value) -> list[str]:
    """Every text inside a dataclass, list, tuple or dict (fact base records, templates)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return _strings(dataclasses.asdict(value))
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []


def fact_base_data(fb, path) -> set[str]:
    """The texts that are data, not the app's words."""
    records = [*fb.get_items(fb.search_ids("")), *fb.list_people(), *fb.list_sources(),
               *(fb.get_briefing(b.id) for b in fb.list_briefings())]
    records += [load_template(name) for name in available_templates()]
    records += [load_scheme(name) for name in available_schemes()]
    texts = {text for record in records for text in _strings(record)}
    texts |= {name for name, _count in fb.list_tags()}
    texts |= {str(path), path.name, str(path.parent)}
    texts |= {line.lstrip("#").strip() for line in guide_markdown().splitlines()
              if line.startswith("#")}  # the guide's headings, in the guide's language
    return {" ".join(text.split()) for text in texts if len(text.strip()) >= 3}


class Vocabulary:
    """What may be shown in Spanish: the .ts translations (placeholders match anything),
    Qt's standard words, data and names that are the same in both languages."""

    def __init__(self, messages, data: set[str]):
        self.patterns = [text_pattern(text) for message in messages
                         for text in message.translations
                         if has_words(re.sub(r"%\d+|%[sdn]", "", text))]
        self.fixed = qt_standard_texts() | SAME_IN_SPANISH
        self.data = data

    def is_data(self, text: str) -> bool:
        return any(piece in text for piece in self.data) or any(
            text in piece for piece in self.data if len(text) >= 3)

    def allows(self, text: str) -> bool:
        shown = plain(text)
        return (shown in self.fixed or self.is_data(shown)
                or any(pattern.fullmatch(shown) for pattern in self.patterns))

    def untranslated(self, found: list[tuple[str, str]]) -> list[str]:
        return sorted({f"{where}: {text!r}" for where, text in found if not self.allows(text)})


@pytest.fixture
def window_in_spanish(qtbot, tmp_path, spanish):
    path = tmp_path / "muestra.sqlite"
    fb = create_fact_base(path)
    window = MainWindow(fb, path, settings=AppSettings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window, fb, path
    window.close()
    fb.close()


def test_the_main_window_and_its_dialogs_show_no_english(window_in_spanish, messages, qtbot):
    window, fb, path = window_in_spanish
    vocabulary = Vocabulary(messages, fact_base_data(fb, path))
    assert window.menuBar().actions()[0].text() == "&Archivo"  # the translator is on

    found = visible_texts(window)
    table = window.item_view.model()
    for key in ("kind", "status"):  # the core's values, shown through ui/labels.py
        found += [("item table", table.index(row, COLUMN_KEYS.index(key)).data())
                  for row in range(table.rowCount())]

    items = fb.get_items(fb.search_ids("kind:quote"))
    vocabulary.data.add(PROBLEM)  # import problems are the core's words (English)
    dialogs = [window.editing.new_item(kind) for kind in ("fact", "quote", "event")]
    dialogs.append(NewBriefingDialog(window))
    dialogs += [window.editing.open_manager(what) for what in ("people", "sources", "tags")]
    for optional in ("preferences", "help"):  # added by other parts of the UI
        assert hasattr(window, optional)
    dialogs += [PersonDialog(None, window), SourceDialog(None, window),
                AddTagsDialog(["visa"], 2, window), RemoveTagsDialog({"visa": 2}, 2, window),
                MergeDialog(QCoreApplication.translate("ManagePeopleDialog", "People"),
                            ("a", "Gustavo Petro"),
                            ("b", "Donald Trump"), "", window),
                ProblemsDialog("paquete.json", [PROBLEM], window),
                DuplicateDialog([SimilarItem(item.id, item.kind, item.title, item.text,
                                             item.date, 0.93) for item in items[:2]], window)]
    dialogs.append(window.preferences.open_dialog())
    dialogs.append(window.help.show_guide())
    about = window.help.show_about()
    if about is not None:
        dialogs.append(about)
    for dialog in dialogs:
        found += visible_texts(dialog)

    untranslated = vocabulary.untranslated(found)
    assert not untranslated, "English left in the Spanish UI:\n" + "\n".join(untranslated)
    for dialog in dialogs:
        dialog.close()


def test_every_translated_lookup_uses_the_context_the_translation_is_filed_under(
        window_in_spanish, messages, spanish):
    """lupdate files a string under the context it sees in the source; the code must ask
    under that same context at runtime (a wrong alias or module helper silently shows
    English). Every source text the app looks up that the .ts knows must have been asked
    for under one of the contexts it is filed under."""
    window, _fb, _path = window_in_spanish
    for menu in window.findChildren(QMenu):
        menu.aboutToShow.emit()
    window.editing.new_item("quote").close()
    for what in ("people", "sources", "tags"):
        window.editing.open_manager(what).close()
    window.preferences.open_dialog().close()
    QApplication.processEvents()

    filed: dict[str, set[str]] = {}
    for message in messages:
        filed.setdefault(message.source, set()).add(message.context)
    asked: dict[str, set[str]] = {}
    for context, source in spanish.lookups:
        if not re.match(r"Q[A-Z]", context):  # Qt's own lookups (QPlatformTheme, ...)
            asked.setdefault(source, set()).add(context)
    wrong = sorted(f"{source!r} asked under {sorted(contexts)}, filed under "
                   f"{sorted(filed[source])}"
                   for source, contexts in asked.items()
                   if source in filed and not contexts & filed[source])
    assert wrong == []
    assert len(asked) > 300  # the recorder saw the app's lookups


def test_menu_accelerators_are_unique_within_each_menu(window_in_spanish):
    window, _fb, _path = window_in_spanish

    def letters(actions) -> list[str]:
        keys = []
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            match = re.search(r"&([^&\s])", action.text().replace("&&", ""))
            if match:
                keys.append(match.group(1).lower())
        return keys

    clashes = {}
    menus = [("menu bar", window.menuBar().actions())]
    for menu in window.findChildren(QMenu):
        menu.aboutToShow.emit()
        menus.append((plain(menu.title()) or menu.objectName(), menu.actions()))
    for name, actions in menus:
        keys = letters(actions)
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            clashes[name] = repeated
    assert clashes == {}


def test_dates_and_numbers_follow_the_spanish_locale(window_in_spanish):
    window, fb, _path = window_in_spanish
    model = window.item_view.model()
    dates = [model.index(row, COLUMN_KEYS.index("date")).data()
             for row in range(model.rowCount())]
    months = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "sep", "oct",
              "nov", "dic"}
    full = [text for text in dates if re.fullmatch(r"\d{1,2} \w+\.? \d{4}.*", text or "")]
    assert full, dates
    assert all(text.split()[1].rstrip(".") in months for text in full)
    assert "Se muestran" in window.count_label.text()


def test_english_shows_no_spanish(qtbot, qapp, tmp_path, messages):
    """With the language set to English nothing is translated, whatever the system."""
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_value("prefs/language", "en")
    assert install_translator(qapp, settings) == "en"
    try:
        path = tmp_path / "sample.sqlite"
        fb = create_fact_base(path)
        window = MainWindow(fb, path, settings=settings)
        qtbot.addWidget(window)
        window.show()
        spanish_only = [text_pattern(text) for message in messages
                        for text in message.translations
                        if plain(text) != plain(message.source) and len(plain(text)) > 12]
        found = visible_texts(window)
        shown_spanish = sorted({text for _where, text in found
                                if any(p.fullmatch(plain(text)) for p in spanish_only)})
        assert shown_spanish == []
        assert window.menuBar().actions()[0].text() == "&File"
        window.close()
        fb.close()
    finally:
        remove_translators(qapp)


def test_undo_texts_of_item_and_composer_changes_are_spanish(window_in_spanish, qtbot):
    """Undo command texts are built in the commands modules, under their own contexts."""
    window, fb, _path = window_in_spanish
    window.item_view.selectRow(0)
    window.editing.actions["status_verified"].trigger()
    assert window.actions["undo"].text().startswith("&Deshacer Establecer el estado")
    composer = window.composer
    composer.panel.actions["add_paragraph"].trigger()
    qtbot.waitUntil(lambda: "Añadir párrafo" in window.actions["undo"].text())
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: window.actions["redo"].text() == "&Rehacer Añadir párrafo")


def mnemonics(dialog) -> list[str]:
    """The accelerator letters of the dialog's visible labels, buttons, boxes and tabs."""
    texts = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return [match.group(1).lower() for text in texts
            if (match := re.search(r"&([^&\s])", text.replace("&&", "")))]


def test_dialog_accelerators_are_unique(window_in_spanish):
    window, _fb, _path = window_in_spanish
    dialogs = {f"editor ({kind})": window.editing.new_item(kind)
               for kind in ("fact", "quote", "event")}
    dialogs["person"] = PersonDialog(None, window)
    dialogs["source"] = SourceDialog(None, window)
    dialogs["preferences"] = window.preferences.open_dialog()
    clashes = {}
    for name, dialog in dialogs.items():
        dialog.show()
        keys = mnemonics(dialog)
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            clashes[name] = repeated
        dialog.close()
    assert clashes == {}


def test_the_user_guide_opens_in_spanish_at_the_search_syntax(window_in_spanish):
    window, _fb, _path = window_in_spanish
    guide = window.help.show_search_help()
    assert guide.current_section() == "lenguaje-de-consulta"
    assert "Guía del usuario de Briefing Builder" in guide.plain_text()
    guide.close()
