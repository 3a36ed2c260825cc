"""Writing a file, or importing a big pack, with Python's cyclic garbage collector paused.

A writer allocates tens of thousands of short-lived objects (words, lines, runs, XML
elements); Python's cyclic collector runs every 700 new container objects and each run
walks the young ones, and now and then every object in the process. None of a writer's
objects can be reclaimed by it before the write ends -- they are in use -- so those runs
are wasted: 8% of the PDF time and 19% of the DOCX time of a 100-block memo in
``bench/bench_render.py`` (3.7 and 4.5 ms), more in the app, which holds more objects.
Reference counting still frees what is dropped; the collector resumes after the write.
An import of 100,000 items ran it 1,100 times (0.15 s), for the same reason.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_writers = 0  # writes under way (exports may run in several worker threads)
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def collector_paused():
    """Pause the cyclic collector for the block (or decorated function); nested and
    concurrent uses resume it once, when the last ends, and only if it was on."""
    global _writers, _resume
    with _lock:
        if _writers == 0:
            _resume = gc.isenabled()
            gc.disable()
        _writers += 1
    try:
        yield
    finally:
        with _lock:
            _writers -= 1
            if _writers == 0 and _resume:
                gc.enable()
