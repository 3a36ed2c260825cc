"""The language of the app: the Spanish (or English) translators and the matching locale.

Chosen once at start, before any window exists: the "prefs/language" setting (``"en"``,
``"es"``) or, when it is ``""``, the system locale (``LANGUAGE``/``LC_ALL``/``LANG`` on
Linux, so ``LANG=es_ES.UTF-8 briefing-app`` starts in Spanish). The app's translation
(``resources/translations/briefing_app_<lang>.qm``, built by ``make translations``) and
Qt's own (``qtbase_<lang>.qm``: standard dialog buttons, text field menus) are installed,
and the default QLocale is set to the language so dates and numbers follow it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from briefing_app.core.paths import resource_path

LANGUAGES = ("en", "es")  # English is the source language: it needs no translation file
SOURCE_LANGUAGE = "en"
SETTING_KEY = "prefs/language"
APP_CATALOG = "briefing_app"

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_current = SOURCE_LANGUAGE


def qt_translations_dir() -> str:
    """Where Qt's own translations are: PySide6/Qt/translations, in the wheel and in the
    bundle (packaging/briefing-app.spec keeps qtbase_es.qm there)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def system_language(locale: QLocale | None = None) -> str:
    """The first language of the system's UI languages the app speaks, else English."""
    locale = locale or QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def preferred_language(settings=None) -> str:
    """The setting's language ("" or a language we lack: the system's)."""
    chosen = ""
    if settings is not None:
        try:
            chosen = settings.value(SETTING_KEY) or ""
        except KeyError:  # an older settings module without the key
            chosen = ""
    return chosen if chosen in LANGUAGES else system_language()


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system locale when it is in ``language`` (keeps es_MX, en_GB...), else the
    language's main locale."""
    system = system or QLocale.system()
    if system_language(system) == language and system.name().startswith(language):
        return system
    return QLocale(language)


def install_translator(app: QCoreApplication, settings=None, language: str | None = None,
                       ) -> str:
    """Install the translators and locale for ``language`` (default: from the settings and
    the system); replaces any installed before. Returns the language used.

    A missing translation file is not an error: the app then shows English.
    """
    global _current
    remove_translators(app)
    language = language if language in LANGUAGES else preferred_language(settings)
    QLocale.setDefault(locale_for(language))
    _current = language
    if language == SOURCE_LANGUAGE:
        return language
    for name, folder in ((f"{APP_CATALOG}_{language}", str(resource_path("translations"))),
                         (f"qtbase_{language}", qt_translations_dir())):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Back to English (tests switch languages within one process)."""
    global _current
    _current = SOURCE_LANGUAGE
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def localized_resource(*parts: str) -> Path:
    """A resource in the UI's language when there is one: ``help/user-guide.md`` is
    ``help/user-guide.es.md`` in Spanish (if that file exists), else the file itself."""
    path = resource_path(*parts)
    if _current != SOURCE_LANGUAGE:
        translated = path.with_name(f"{path.stem}.{_current}{path.suffix}")
        if translated.is_file():
            return translated
    return path
