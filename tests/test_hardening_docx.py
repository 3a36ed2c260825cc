"""Word export of fields of any size and on a full disk (issue 15, items 2 and 13)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from drive_helpers import fill, small_drive
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.model import Block
from briefing_app.document.render import render_briefing
from briefing_app.exchange.sample import SAMPLE_BRIEFING_ID, create_fact_base

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("title", "subject", "from_", "to")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    fb = create_fact_base(tmp_path_factory.mktemp("docx") / "facts.sqlite")
    yield fb
    fb.close()


def with_fields(fb, length: int, text_length: int = 0):
    briefing = fb.get_briefing(SAMPLE_BRIEFING_ID)
    changed = dataclasses.replace(briefing, **{f: ("Field" * length)[:length]
                                               for f in FIELDS})
    if text_length:
        section = changed.sections[1]
        long_text = Block(text=("word " * text_length)[:text_length])
        changed.sections[1] = dataclasses.replace(section, blocks=[long_text, *section.blocks])
    fb.save_briefing(changed)


@pytest.mark.parametrize("length", [255, 256, 10_000])
def test_long_header_fields_render_and_core_properties_are_cut(base, tmp_path, length):
    with_fields(base, length)
    out = tmp_path / "memo.docx"
    render_briefing(base, SAMPLE_BRIEFING_ID, out)
    props = docx.Document(out).core_properties
    assert len(props.title) == min(length, 255)
    assert props.title.endswith("…") == (length > 255)


def test_a_ten_megabyte_text_renders(base, tmp_path):
    with_fields(base, 10, text_length=10_500_000)
    out = tmp_path / "memo.docx"
    render_briefing(base, SAMPLE_BRIEFING_ID, out)
    with zipfile.ZipFile(out) as package:
        assert package.getinfo("word/document.xml").file_size > 10_500_000


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(length=st.integers(0, 1_000_000), text_length=st.integers(0, 1_000_000))
def test_fields_of_random_length_render(base, tmp_path, length, text_length):
    with_fields(base, length, text_length=text_length)
    render_briefing(base, SAMPLE_BRIEFING_ID, tmp_path / "memo.docx")


def test_a_full_disk_during_word_export_is_one_clean_message(tmp_path):
    db = tmp_path / "facts.sqlite"
    create_fact_base(db).close()
    with small_drive(tmp_path / "drive", size="1m") as drive:
        fill(drive)
        out = drive / "memo.docx"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-m", "briefing_app", "--db", str(db),
                               "render", SAMPLE_BRIEFING_ID, "-o", str(out)],
                              capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 1
        errors = [line for line in done.stderr.splitlines() if not line.startswith("warning:")]
        assert errors == [f"briefing-app: error: Cannot write {out}: No space left on device"]
        assert sorted(p.name for p in drive.iterdir()) == ["filler"]
