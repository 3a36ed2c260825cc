"""The Spanish translation files: complete, current, compiled, and faithful to the
placeholders and accelerators of the English; and the language chosen at start.

A developer who adds or rewords a string without translating it gets a failing test that
lists the strings; ``make translations`` updates the .ts (then translate the new entries
with Qt Linguist or by hand) and compiles the .qm.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from translation_helpers import (
    QM_PATH,
    ROOT,
    TS_PATH,
    VENV_BIN,
    placeholders,
    read_ts,
    run_lupdate,
)

from briefing_app.ui.i18n import (
    install_translator,
    locale_for,
    preferred_language,
    remove_translators,
    system_language,
)
from briefing_app.ui.settings import AppSettings

MAKE_HINT = "\nRun `make translations` and translate the new entries in " + str(TS_PATH)


@pytest.fixture(scope="module")
def messages():
    return read_ts()


def _key(message) -> str:
    return f"[{message.context}] {message.source!r}"


def test_every_string_in_the_sources_is_in_the_translation(tmp_path, messages):
    fresh = tmp_path / "current.ts"
    run_lupdate(fresh)
    in_sources = {(m.context, m.source) for m in read_ts(fresh)}
    in_ts = {(m.context, m.source) for m in messages}
    missing = sorted(f"[{context}] {source!r}" for context, source in in_sources - in_ts)
    stale = sorted(f"[{context}] {source!r}" for context, source in in_ts - in_sources)
    assert not missing, "Strings not in the translation:\n" + "\n".join(missing) + MAKE_HINT
    assert not stale, "Strings no longer in the sources:\n" + "\n".join(stale) + MAKE_HINT


def test_every_string_is_translated(messages):
    unfinished = [_key(m) for m in messages if m.unfinished or not all(m.translations)]
    assert not unfinished, "Untranslated:\n" + "\n".join(unfinished) + MAKE_HINT
    assert len(messages) > 700


def test_no_string_lands_in_an_empty_or_mangled_context(messages):
    """An alias such as ``tr = QCoreApplication.translate`` makes lupdate file the context
    name itself as the text under an empty context (the code then asks under the real
    context and finds nothing)."""
    bad = [_key(m) for m in messages if not re.fullmatch(r"[A-Z]\w*", m.context)]
    assert not bad, "Strings under a context the code cannot ask for:\n" + "\n".join(bad)


def test_translations_keep_the_placeholders_of_their_source(messages):
    changed = [f"{_key(m)} -> {text!r}" for m in messages for text in m.translations
               if placeholders(text) != placeholders(m.source)]
    assert not changed, "Placeholders changed:\n" + "\n".join(changed)


def test_translations_keep_one_accelerator_where_the_source_has_one(messages):
    def accelerators(text: str) -> int:
        return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))

    changed = [f"{_key(m)} -> {text!r}" for m in messages for text in m.translations
               if accelerators(text) != accelerators(m.source)]
    assert not changed, "Accelerators lost or added:\n" + "\n".join(changed)


def test_accelerators_are_plain_letters_or_digits(messages):
    """Alt+í or Alt+ñ is awkward or impossible on many keyboards."""
    awkward = [f"{_key(m)} -> {text!r}" for m in messages for text in m.translations
               if (key := re.search(r"&([^&\s])", text.replace("&&", "")))
               and not re.fullmatch(r"[A-Za-z0-9]", key.group(1))]
    assert not awkward, "Accelerators on accented letters or signs:\n" + "\n".join(awkward)


def test_lrelease_finds_the_translation_valid_and_the_committed_qm_current(tmp_path):
    """lrelease's own checks (accelerators, surrounding spaces, ending punctuation, place
    markers), and the committed .qm is exactly what the committed .ts compiles to."""
    compiled = tmp_path / "briefing_app_es.qm"
    result = subprocess.run(
        [str(VENV_BIN / "pyside6-lrelease"), "-fail-on-invalid", "-fail-on-unfinished",
         str(TS_PATH), "-qm", str(compiled)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert compiled.read_bytes() == QM_PATH.read_bytes(), "The .qm is out of date" + MAKE_HINT


# ---------------------------------------------------------------- choosing the language


def test_the_system_locale_picks_spanish_or_falls_back_to_english():
    assert system_language(QLocale("es_MX")) == "es"
    assert system_language(QLocale("es_ES")) == "es"
    assert system_language(QLocale("en_GB")) == "en"
    assert system_language(QLocale("de_DE")) == "en"  # a language the app lacks


def test_the_setting_overrides_the_system_locale(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_value("prefs/language", "es")
    assert preferred_language(settings) == "es"
    settings.set_value("prefs/language", "en")
    assert preferred_language(settings) == "en"
    settings.set_value("prefs/language", "")
    assert preferred_language(settings) == system_language()


def test_the_locale_keeps_the_systems_country_when_the_language_matches():
    assert locale_for("es", QLocale("es_MX")).name() == "es_MX"
    assert locale_for("es", QLocale("en_US")).name() == "es_ES"
    assert locale_for("en", QLocale("es_MX")).name() == "en_US"


def test_installing_spanish_translates_the_app_and_qts_standard_buttons(qapp):
    try:
        assert install_translator(qapp, language="es") == "es"
        assert QCoreApplication.translate("Actions", "&Quit") == "&Salir"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert QLocale().language() == QLocale.Language.Spanish  # dates follow
    finally:
        remove_translators(qapp)
    assert QCoreApplication.translate("Actions", "&Quit") == "&Quit"


@pytest.mark.parametrize("variables, expected", [
    ({"LANG": "es_ES.UTF-8"}, ["&Salir", "es_ES"]),
    ({"LANG": "es_MX.UTF-8"}, ["&Salir", "es_MX"]),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "es:en"}, ["&Salir", "es_ES"]),
    ({"LANG": "de_DE.UTF-8"}, ["&Quit", "en_US"]),
])
def test_the_system_language_starts_the_app_in_spanish_or_english(tmp_path, variables,
                                                                   expected):
    """``LANG=es_ES.UTF-8 briefing-app``: the real start-up path, in its own process."""
    script = (
        "from briefing_app.ui import app\n"
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "app.application()\n"
        "print(QCoreApplication.translate('Actions', '&Quit'), QLocale().name())\n"
    )
    env = {key: value for key, value in os.environ.items()
           if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(variables, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_the_language_preference_wins_over_the_system_at_start(tmp_path):
    """Spanish chosen in Preferences, on an English system: the next start is Spanish."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="en_US.UTF-8", QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    script = (
        "from briefing_app.ui.settings import AppSettings\n"
        "settings = AppSettings()\n"
        "settings.set_value('prefs/language', 'es')\n"
        "settings.sync()\n"
        "from briefing_app.ui import app\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app.application()\n"
        "print(QCoreApplication.translate('Actions', '&Quit'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["&Salir"]


# ---------------------------------------------------------------- the Spanish user guide

GUIDE = ROOT / "resources" / "help" / "user-guide.md"
GUIDE_ES = ROOT / "resources" / "help" / "user-guide.es.md"


def _outline(markdown: str) -> list[str]:
    """Heading levels, placeholders and code blocks: what must not differ by language."""
    outline, in_code = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            outline.append(line)
        elif in_code:
            outline.append(line)
        elif line.startswith("#"):
            outline.append(line.split(" ")[0])
        outline += re.findall(r"\{\{\w+\}\}", line)
    return outline


def test_the_spanish_guide_has_the_english_guides_structure_and_placeholders():
    assert _outline(GUIDE_ES.read_text(encoding="utf-8")) == _outline(
        GUIDE.read_text(encoding="utf-8"))


def test_the_spanish_guides_links_lead_to_its_own_headings():
    from briefing_app.ui.help import slug

    text = GUIDE_ES.read_text(encoding="utf-8")
    anchors = {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) <= anchors


def test_resources_follow_the_ui_language(qapp):
    from briefing_app.ui.i18n import localized_resource

    assert localized_resource("help", "user-guide.md") == GUIDE
    try:
        install_translator(qapp, language="es")
        assert localized_resource("help", "user-guide.md") == GUIDE_ES
        assert localized_resource("templates", "meeting-brief.json").name == "meeting-brief.json"
    finally:
        remove_translators(qapp)
