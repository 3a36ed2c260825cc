"""The Help menu: the user guide window, Search Syntax, About; and the guide itself checked
against the code it describes (search examples, fact pack and CSV formats, warnings)."""

from __future__ import annotations

import email.message
import json
import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextTable
from window_helpers import show_main_window

from briefing_app import __version__
from briefing_app.exchange import csv_import, pack_validate
from briefing_app.exchange.factpack import import_pack
from briefing_app.exchange.sample import create_fact_base
from briefing_app.store import FactBase
from briefing_app.ui import about, help
from briefing_app.ui.composer.warnings_panel import CODE_LABELS
from briefing_app.ui.help import SEARCH_SECTION, guide_markdown

ROOT = Path(__file__).resolve().parent.parent
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot, sample_fb):
    return show_main_window(qtbot, sample_fb)


@pytest.fixture
def guide(qtbot, window):
    shown = window.help.show_guide()
    qtbot.waitExposed(shown)
    return shown


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading of that level."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:end if end != -1 else None]


def code_spans(text: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", text)


def fenced(markdown: str, language: str) -> str:
    return re.search(rf"```{language}\n(.*?)```", markdown, re.S).group(1)


def table_rows(document) -> list[list[list[str]]]:
    """Every table of a QTextDocument as rows of cell texts."""
    tables = []
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            tables.append([[_cell_text(frame, row, column) for column in range(frame.columns())]
                           for row in range(frame.rows())])
    return tables


def _cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def heading_at_top(guide) -> str:
    """The text of the line shown at the top of the guide's text pane."""
    return guide.browser.cursorForPosition(QPoint(40, 14)).block().text()


def shortcut_table(guide) -> list[list[str]]:
    return next(t for t in table_rows(guide.browser.document()) if t[0] == ["Menu", "Command",
                                                                            "Keys"])


# ---------------------------------------------------------------- the guide window


def test_f1_opens_the_user_guide(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.actions["user_guide"].shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents)
    qtbot.keyClick(window.item_view, Qt.Key.Key_F1)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert guide.windowTitle() == "Briefing Builder User Guide"
    assert not guide.isModal()
    assert "Search syntax" in guide.plain_text()
    assert "Briefing Builder user guide" in guide.plain_text()


def test_the_help_menu_offers_guide_search_syntax_and_about(window):
    texts = [a.text() for a in window.menus["help"].actions() if not a.isSeparator()]
    assert texts == ["Show &Welcome", "&User Guide", "&Search Syntax", "&About Briefing Builder"]


def test_the_contents_list_jumps_to_the_search_section(qtbot, guide):
    entry = next(e for e in guide._contents_entries() if e.text(0) == "Search syntax")
    assert heading_at_top(guide) != "Search syntax"
    rect = guide.contents.visualItemRect(entry)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: heading_at_top(guide) == "Search syntax")
    assert guide.current_section() == SEARCH_SECTION
    assert guide.contents.currentItem() is entry


def test_the_contents_list_every_section_heading(guide):
    headings = re.findall(r"^#{2,3} (.+)$", guide_markdown(), re.M)
    assert [e.text(0) for e in guide._contents_entries()] == headings


def test_search_syntax_opens_the_guide_at_the_search_section(qtbot, window):
    window.actions["search_help"].trigger()
    guide = window.help.guide
    qtbot.waitExposed(guide)
    qtbot.waitUntil(lambda: heading_at_top(guide) == "Search syntax")
    assert guide.current_section() == "search-syntax"


def test_a_link_inside_the_guide_jumps_to_its_heading(qtbot, guide):
    assert "(#search-syntax)" in guide_markdown()
    guide.browser.anchorClicked.emit(QUrl("#search-syntax"))
    qtbot.waitUntil(lambda: heading_at_top(guide) == "Search syntax")


def test_web_links_open_in_the_system_browser(guide, monkeypatch):
    opened = []
    monkeypatch.setattr(help.QDesktopServices, "openUrl", lambda url: opened.append(url))
    guide.browser.anchorClicked.emit(QUrl("https://www.efe.com/"))
    assert opened == [QUrl("https://www.efe.com/")]


def test_every_link_in_the_guide_names_a_heading(guide):
    anchors = {h.anchor for h in guide.headings}
    links = re.findall(r"\]\(#([^)]+)\)", guide_markdown())
    assert links and set(links) <= anchors


# ---------------------------------------------------------------- live facts in the guide


def test_the_shortcut_table_lists_the_real_find_shortcut(guide):
    rows = shortcut_table(guide)
    assert ["Edit", "Find", "Ctrl+F"] in rows
    assert ["Help", "User Guide", QKeySequence("F1").toString(NATIVE)] in rows


def test_every_action_with_a_shortcut_is_in_the_table(window, guide):
    listed = {(row[1], row[2]) for row in shortcut_table(guide)[1:]}
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) > 25
    for action in with_keys:
        keys = ", ".join(s.toString(NATIVE) for s in action.shortcuts())
        assert (help.command_name(action), keys) in listed, action.text()


def test_a_shortcut_shown_after_a_tab_is_listed_under_its_menu(guide):
    """Add to Briefing's Ctrl+B lives on the table; its menu entry only shows it."""
    rows = shortcut_table(guide)
    assert ["Item › Add to Briefing", "Selected Section", "Ctrl+B"] in rows


def test_the_guide_names_the_open_fact_base_and_has_no_placeholder_left(window, guide):
    text = guide.plain_text()
    assert "{{" not in text
    assert str(window.db_path) in text
    assert str(window.settings.path) in text


# ---------------------------------------------------------------- find in guide


def test_ctrl_f_finds_and_highlights_a_word(qtbot, guide):
    guide.activateWindow()
    qtbot.waitActive(guide)
    qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.find_field.hasFocus()
    qtbot.keyClicks(guide.find_field, "portion")
    first = guide.browser.textCursor()
    assert first.selectedText().lower() == "portion"
    matches = guide.browser.extraSelections()
    assert len(matches) > 2
    assert all(m.cursor.selectedText().lower() == "portion" for m in matches)
    assert guide.find_status.text() == f"{len(matches)} matches"

    qtbot.keyClick(guide.find_field, Qt.Key.Key_Return)
    assert guide.browser.textCursor().position() > first.position()
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert guide.browser.textCursor().position() == first.position()


def test_find_says_when_nothing_matches_and_esc_clears(qtbot, guide):
    qtbot.keyClicks(guide.find_field, "zqxjv")
    assert guide.find_status.text() == "Not found"
    assert guide.browser.extraSelections() == []
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Escape)
    assert guide.find_field.text() == ""


# ---------------------------------------------------------------- about


def test_about_shows_version_font_licence_and_libraries(qtbot, window):
    window.actions["about"].trigger()
    dialog = window.help.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.findChild(type(dialog.copied_label), "aboutVersion").text() == \
        f"Version {__version__}"
    licence = (ROOT / "resources" / "fonts" / "LICENSE-Liberation.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE" in licence.upper()
    assert dialog.font_licence.toPlainText() == licence
    table = dialog.library_table
    names = {table.item(row, 0).text().lower().replace("_", "-") for row in
             range(table.rowCount())}
    assert {"qt", "pyside6-essentials", "python-docx", "reportlab", "sqlite-utils", "lxml",
            "platformdirs", "liberation serif"} <= names
    licences = {table.item(row, 0).text(): table.item(row, 2).text()
                for row in range(table.rowCount())}
    assert licences["python-docx"] == "MIT" and "LGPL-3.0" in licences["Qt"]


def test_copy_version_info_puts_the_versions_on_the_clipboard(qtbot, window):
    dialog = window.help.show_about()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Briefing Builder {__version__}")
    assert "Python " in copied and "PySide6 " in copied and "python-docx" in copied
    assert dialog.copied_label.text() == "Copied."


def test_the_app_licence_shown_is_the_one_the_package_declares():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == about.APP_LICENCE


def test_licences_come_from_metadata_expression_field_or_classifier():
    def meta(**headers):
        message = email.message.Message()
        for key, value in headers.items():
            for entry in value if isinstance(value, list) else [value]:
                message[key.replace("_", "-")] = entry
        return message

    assert about.licence_from_metadata(meta(License_Expression="MIT")) == "MIT"
    assert about.licence_from_metadata(meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    long_text = "BSD license (see license.txt for details), Copyright (c) 2000-2025 ReportLab"
    assert about.licence_from_metadata(meta(
        License=long_text, Classifier=["Programming Language :: Python",
                                       "License :: OSI Approved :: BSD License"],
    )) == "BSD License"
    assert about.licence_from_metadata(meta()) == ""


def test_without_metadata_a_bundled_library_falls_back_to_its_known_licence():
    found = about.library_info((
        about.KnownLibrary("no-such-distribution", "platformdirs", "MIT"),
        about.KnownLibrary("not-bundled-either", "", "GPL-3.0"),
    ))
    import platformdirs

    assert found == [about.Library("no-such-distribution", platformdirs.__version__, "MIT")]


# ---------------------------------------------------------------- the guide matches the code


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    base = create_fact_base(tmp_path_factory.mktemp("guide") / "sample.sqlite")
    yield base
    base.close()


def search_section() -> str:
    return section(guide_markdown(), "Search syntax")


def table_examples() -> list[str]:
    rows = re.findall(r"^\| `([^`]+)` \|", search_section(), re.M)
    assert len(rows) >= 10
    return rows


@pytest.mark.parametrize("query", code_spans(search_section()))
def test_every_search_example_in_the_guide_is_accepted(sample, query):
    sample.search(query, limit=5)
    sample.count(query)


@pytest.mark.parametrize("query", table_examples())
def test_every_example_in_the_search_table_finds_items_in_the_sample(sample, query):
    """The guide says every example can be tried on the sample fact base."""
    assert sample.count(query) > 0


@pytest.mark.parametrize("query, expected", [
    ('"great honor"', 1), ("after:2026-01 before:2026-02", 2),
    ("tag:sanctions tag:ofac", 2), ("cartels OR coca", 0),
])
def test_the_prose_examples_behave_as_the_guide_says(sample, query, expected):
    assert sample.count(query) == expected
    if expected == 0:  # "there is no OR": the three words alone do match
        assert sample.count("cartels") > 0 and sample.count("coca") > 0


def test_the_fact_pack_example_is_a_valid_pack():
    data = json.loads(fenced(guide_markdown(), "json"))
    assert pack_validate.validate_pack(data) == []
    with FactBase.open(":memory:") as fb:
        import_pack(fb, data)
        assert fb.item_count() == 2
        assert fb.get_item("q-petro-talks").speaker == "p-petro"
        assert fb.get_briefing("b-talks") is not None


def test_the_fact_pack_field_table_names_every_field():
    text = section(guide_markdown(), "Importing and sharing")
    rows = dict(re.findall(r"^\| (\w[\w ]*?) \| (.+) \|$", text, re.M))
    item_text = ", ".join((rows["item"], rows["quote only"], rows["event only"]))
    for name, fields, listed in (
        ("source", pack_validate.SOURCE_FIELDS, rows["source"]),
        ("person", pack_validate.PERSON_FIELDS, rows["person"]),
        ("item", pack_validate.ITEM_FIELDS, item_text),
        ("briefing", pack_validate.BRIEFING_FIELDS, rows["briefing"]),
        ("meeting", pack_validate.MEETING_FIELDS, rows["meeting"]),
        ("section", pack_validate.SECTION_FIELDS, rows["section"]),
        ("item block", pack_validate.ITEM_BLOCK_FIELDS, rows["item block"]),
        ("text block", pack_validate.TEXT_BLOCK_FIELDS, rows["text block"]),
    ):
        for field, spec in fields.items():
            written = f"**{field}**" if spec.required else field
            assert re.search(rf"(?<![\w*]){re.escape(written)}(?![\w*])", listed), \
                f"{name}.{field}"


def test_the_csv_columns_and_example_match_the_importer(sample):
    text = section(guide_markdown(), "Importing and sharing")
    listed = re.search(r"`(id, kind[^`]+)`", text).group(1)
    assert tuple(c.strip() for c in listed.split(",")) == csv_import.COLUMNS
    content = csv_import.parse_csv(fenced(text, "csv"), sample)
    assert [item.kind for item in content.items] == ["fact", "quote"]
    assert content.items[0].tags == ["visa", "sanctions"]


def test_every_preflight_warning_is_explained():
    text = section(guide_markdown(), "The memo")
    for label in CODE_LABELS.values():
        assert f"\n| {label} |" in text, label


def test_the_guide_is_bundled_with_the_other_resources():
    spec = (ROOT / "packaging" / "briefing-app.spec").read_text("utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert help.guide_markdown() == (ROOT / "resources" / "help" / "user-guide.md").read_text(
        "utf-8")
