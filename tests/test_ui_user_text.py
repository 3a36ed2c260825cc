"""User text is never read as HTML (issue 15, item 10): with HTML-looking text in every
field the composer shows, every label showing it is plain text."""

from __future__ import annotations

import dataclasses

from composer_helpers import open_window, select_block
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID

HTML = '<img src="file:///etc/hostname"><b>bold?</b>'


def test_every_label_showing_user_text_is_plain_text(qtbot, sample_fb):
    briefing = sample_fb.get_briefing(SAMPLE_BRIEFING_ID)
    block = next(b for s in briefing.sections for b in s.blocks if b.item)
    item = sample_fb.get_item(block.item)
    sample_fb.save_item(dataclasses.replace(item, text=f"text {HTML}",
                                            title=f"title {HTML}"))
    sample_fb.save_briefing(dataclasses.replace(briefing, title=f"briefing {HTML}",
                                                subject=f"subject {HTML}"))
    window, composer = open_window(qtbot, sample_fb)
    select_block(composer, block.id)
    showing = [label for label in window.findChildren(QLabel) if "<b>bold?</b>" in label.text()]
    assert {label.objectName() for label in showing} >= {"composerTitle", "blockItemText"}
    assert [label.objectName() for label in showing
            if label.textFormat() != Qt.TextFormat.PlainText] == []
