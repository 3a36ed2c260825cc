"""Writers pause Python's cyclic garbage collector while they write, and always resume it."""

from __future__ import annotations

import gc
import io
import threading

import pytest

from briefing_app.core.collector import collector_paused
from briefing_app.document.model import Document, Metadata, PageFurniture, Paragraph, Text
from briefing_app.document.writers import get_writer


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_collector_is_off_while_a_writer_writes_and_on_after(fmt):
    seen = []
    document = Document(blocks=[Paragraph([Text("Petro and Trump met.")])],
                        metadata=Metadata(title="Meeting"), furniture=PageFurniture())
    stream = io.BytesIO()
    original = stream.write

    def write(data):
        seen.append(gc.isenabled())
        return original(data)

    stream.write = write
    get_writer(fmt).write(document, stream)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_failed_write_resumes_the_collector():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("disk full")
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_writes_resume_it_once_the_last_one_ends():
    first_in, release = threading.Event(), threading.Event()
    states = {}

    def long_write():
        with collector_paused():
            first_in.set()
            release.wait(5)

    worker = threading.Thread(target=long_write)
    worker.start()
    first_in.wait(5)
    with collector_paused():
        pass
    states["after the short write"] = gc.isenabled()
    release.set()
    worker.join(5)
    assert states == {"after the short write": False}
    assert gc.isenabled()
