"""A query with a word no item holds is known to match nothing before it runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.core.model import Item, Person
from briefing_app.store import FactBase

WORDS = ("coffee", "tariffs", "colombia", "bogotá", "visit", "u.s", "talks")


@pytest.fixture(scope="module")
def fb(tmp_path_factory):
    with FactBase.open(tmp_path_factory.mktemp("probe") / "f.sqlite") as fb:
        fb.save_people([Person("p-petro", "Gustavo Petro")])
        fb.save_items([
            Item("a", "fact", "Coffee tariffs were raised", tags=["trade"]),
            Item("b", "quote", "The visit to Bogotá", speaker="p-petro"),
            Item("c", "event", "Talks with the U.S. delegation", title="Colombia talks"),
        ])
        yield fb


@pytest.mark.parametrize("query", [
    "zzyzxq", "coffee zzyzxq", "kind:quote zzyzxq", '"coffee tariffs zzz"', '"colomb"',
    "tag:trade frobnicate", "bogotá zzyzxq",  # one plain word is enough to tell
])
def test_a_word_in_no_item_means_no_match(fb, query):
    assert fb.surely_no_match(query)
    assert fb.count(query) == 0


@pytest.mark.parametrize("query", [
    "coffee", "coff", "tariffs coffee", '"coffee tariffs"', "colomb", "u.s", "petro",
    "trade",  # a tag's name is indexed too
    "-zzyzxq",  # an excluded word proves nothing
    "person:zzyzxq",  # a word in one column: not told here
    "zzyzxqá",  # not plain ASCII: the index's folding is not guessed
    "", "kind:quote",
])
def test_otherwise_it_cannot_tell(fb, query):
    assert not fb.surely_no_match(query)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "zz", "coffe", "colombiaa", "talk", "x"]),
                min_size=1, max_size=3),
       st.booleans())
def test_it_never_says_no_match_for_a_query_that_matches(fb, words, quoted):
    query = f'"{" ".join(words)}"' if quoted else " ".join(words)
    if fb.surely_no_match(query):
        assert fb.count(query) == 0


def test_it_never_waits_for_another_threads_change(tmp_path):
    """In memory (as in a file not in WAL mode) reads share the writer: while another
    thread writes, the window's question gets "cannot tell" at once."""
    import threading
    import time

    with FactBase.open(":memory:") as fb:
        fb.save_items([Item("a", "fact", "Coffee tariffs")])
        writing, done = threading.Event(), threading.Event()

        def long_change():
            with fb.transaction():
                writing.set()
                done.wait(5)

        thread = threading.Thread(target=long_change)
        thread.start()
        writing.wait(5)
        started = time.monotonic()
        assert not fb.surely_no_match("zzyzxq")
        assert time.monotonic() - started < 1
        done.set()
        thread.join()
        assert fb.surely_no_match("zzyzxq")
