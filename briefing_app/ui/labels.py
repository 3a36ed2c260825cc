"""The words the window uses for the core's vocabularies (``core/vocab.py``) and languages.

The core keeps English identifiers and no Qt. Whatever the window shows for a kind, a
status, a block style, an automatic section, a note style or an output format comes from
a table here, one per use (a combo box entry, a menu entry with its accelerator, a word
inside a sentence...), and each table names exactly the values of its vocabulary
(``tests/test_vocab.py``), so a value added to a vocabulary fails the tests until it has
all its words. Menus and combo boxes iterate the vocabulary, never a list of their own.

Whole phrases per value, not pieces: Spanish needs each kind's gender (*Nuevo hecho*,
*Nueva cita*). The texts are marked for lupdate under the ``Labels`` context and shown
through :func:`translated`, so the Spanish translation covers them wherever they appear.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# ---------------------------------------------------------------- item kinds

KIND_LABELS = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "Event"),
}
KIND_NOUNS = {  # lower case, inside a sentence: "“…” (fact in Background) is disputed."
    "fact": QT_TRANSLATE_NOOP("Labels", "fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "event"),
}
KIND_PLURALS = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Facts"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Quotes"),
    "event": QT_TRANSLATE_NOOP("Labels", "Events"),
}
NEW_ITEM_ACTIONS = {  # the Item ▸ New Item menu
    "fact": QT_TRANSLATE_NOOP("Labels", "New &Fact…"),
    "quote": QT_TRANSLATE_NOOP("Labels", "New &Quote…"),
    "event": QT_TRANSLATE_NOOP("Labels", "New &Event…"),
}
NEW_ITEM_TIPS = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Add a fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Add a quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "Add an event"),
}
NEW_ITEM_TITLES = {  # the item editor's window title
    "fact": QT_TRANSLATE_NOOP("Labels", "New Fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "New Quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "New Event"),
}
EDIT_ITEM_TITLES = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Edit Fact"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Edit Quote"),
    "event": QT_TRANSLATE_NOOP("Labels", "Edit Event"),
}
NEW_ITEM_UNDO_TEXTS = {  # Edit ▸ Undo; %s is the item's title or text, shortened
    "fact": QT_TRANSLATE_NOOP("Labels", "New fact “%s”"),
    "quote": QT_TRANSLATE_NOOP("Labels", "New quote “%s”"),
    "event": QT_TRANSLATE_NOOP("Labels", "New event “%s”"),
}
EDIT_ITEM_UNDO_TEXTS = {
    "fact": QT_TRANSLATE_NOOP("Labels", "Edit fact “%s”"),
    "quote": QT_TRANSLATE_NOOP("Labels", "Edit quote “%s”"),
    "event": QT_TRANSLATE_NOOP("Labels", "Edit event “%s”"),
}

# ---------------------------------------------------------------- statuses

STATUS_LABELS = {
    "unverified": QT_TRANSLATE_NOOP("Labels", "Unverified"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "disputed": QT_TRANSLATE_NOOP("Labels", "Disputed"),
}
STATUS_ACTIONS = {  # the Item ▸ Set Status menu
    "unverified": QT_TRANSLATE_NOOP("Labels", "&Unverified"),
    "verified": QT_TRANSLATE_NOOP("Labels", "&Verified"),
    "disputed": QT_TRANSLATE_NOOP("Labels", "&Disputed"),
}

# ---------------------------------------------------------------- block styles

BLOCK_STYLE_LABELS = {
    "paragraph": QT_TRANSLATE_NOOP("Labels", "Paragraph"),
    "bullet": QT_TRANSLATE_NOOP("Labels", "Bullet"),
    "talking-point": QT_TRANSLATE_NOOP("Labels", "Talking point"),
}
ADD_BLOCK_ACTIONS = {  # the composer's Add menu
    "paragraph": QT_TRANSLATE_NOOP("Labels", "Add &Paragraph"),
    "bullet": QT_TRANSLATE_NOOP("Labels", "Add &Bullet"),
    "talking-point": QT_TRANSLATE_NOOP("Labels", "Add &Talking Point"),
}
ADD_BLOCK_TIPS = {
    "paragraph": QT_TRANSLATE_NOOP("Labels", "Write a paragraph in the selected section"),
    "bullet": QT_TRANSLATE_NOOP("Labels", "Write a bullet"),
    "talking-point": QT_TRANSLATE_NOOP("Labels", "Write a talking point"),
}
ADD_BLOCK_BUTTONS = {  # the composer's narrow buttons (the tooltip says it whole)
    "paragraph": QT_TRANSLATE_NOOP("Labels", "+ Paragraph"),
    "bullet": QT_TRANSLATE_NOOP("Labels", "+ Bullet"),
    "talking-point": QT_TRANSLATE_NOOP("Labels", "+ Point"),
}

# ---------------------------------------------------------------- automatic sections

AUTOMATIC_SECTION_NOTES = {  # grey, after the section's heading in the composer
    "timeline": QT_TRANSLATE_NOOP("Labels", "filled in automatically: dated items, in order"),
    "participants": QT_TRANSLATE_NOOP("Labels",
                                      "filled in automatically: the meeting participants"),
    "sources": QT_TRANSLATE_NOOP("Labels", "filled in automatically: the sources cited"),
}
AUTOMATIC_SECTION_FALLBACK = QT_TRANSLATE_NOOP("Labels", "filled in automatically")

# ---------------------------------------------------------------- note styles, formats

NOTE_STYLE_LABELS = {
    "footnotes": QT_TRANSLATE_NOOP("Labels", "Footnotes"),
    "endnotes": QT_TRANSLATE_NOOP("Labels", "Endnotes"),
}
PAGE_SIZE_LABELS = {
    "letter": QT_TRANSLATE_NOOP("Labels", "US Letter (8.5 × 11 in)"),
    "a4": QT_TRANSLATE_NOOP("Labels", "A4 (210 × 297 mm)"),
}
OUTPUT_FORMAT_LABELS = {  # the export dialog's file type
    "docx": QT_TRANSLATE_NOOP("Labels", "Word document"),
    "pdf": QT_TRANSLATE_NOOP("Labels", "PDF document"),
    "html": QT_TRANSLATE_NOOP("Labels", "Web page"),
}

# ---------------------------------------------------------------- composer rows, languages

BLOCK_KIND_LABELS = {  # a composer row is an item of some kind, or free text of some style
    **KIND_LABELS,
    **BLOCK_STYLE_LABELS,
    "missing": QT_TRANSLATE_NOOP("Labels", "Missing item"),
}
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "es": QT_TRANSLATE_NOOP("Labels", "Spanish"),
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "pt": QT_TRANSLATE_NOOP("Labels", "Portuguese"),
    "de": QT_TRANSLATE_NOOP("Labels", "German"),
    "it": QT_TRANSLATE_NOOP("Labels", "Italian"),
}


def translated(table: dict[str, str], value: str) -> str:
    """The text of ``value`` in ``table``, in the app's language; an unknown value (an
    item imported from a newer version) is shown as stored."""
    if value in table:
        return QCoreApplication.translate("Labels", table[value])
    return value


def kind_label(kind: str) -> str:
    return translated(KIND_LABELS, kind)


def status_label(status: str) -> str:
    return translated(STATUS_LABELS, status)


def block_kind_label(kind: str) -> str:
    return translated(BLOCK_KIND_LABELS, kind)


def automatic_section_note(name: str) -> str:
    """What an automatic section will hold; one this version does not know (from a newer
    fact base) is described in general."""
    return QCoreApplication.translate(
        "Labels", AUTOMATIC_SECTION_NOTES.get(name, AUTOMATIC_SECTION_FALLBACK))


def note_style_label(style: str) -> str:
    return translated(NOTE_STYLE_LABELS, style)


def page_size_label(size: str) -> str:
    return translated(PAGE_SIZE_LABELS, size)


def language_name(code: str) -> str:
    return translated(LANGUAGE_NAMES, code)
