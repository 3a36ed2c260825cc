"""A fuzz test of fact pack import (issue 15): hundreds of mutated packs, each either
imported or refused with one clear message, and a refused one leaves the fact base as it
was. Mutations: wrong types, missing keys, huge strings, deep nesting, control
characters, lone surrogates, bad dates, duplicate ids and keys given twice."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.exchange.factpack import FORMAT, PackError, import_pack, pack_dict
from briefing_app.exchange.sample import create_fact_base

EXAMPLES = 500
MESSAGE_LIMIT = 400  # characters of one problem line

BASE_PACK = {
    "format": FORMAT,
    "version": 1,
    "sources": [{"id": "s-1", "outlet": "EFE", "published": "2026-02-03"}],
    "people": [{"id": "p-1", "name": "Gustavo Petro", "role": "President"}],
    "items": [
        {"id": "f-1", "kind": "fact", "text": "A fact.", "date": "2025-09",
         "people": ["p-1"], "tags": ["visa"], "source": "s-1"},
        {"id": "q-1", "kind": "quote", "text": "A quote.", "speaker": "p-1",
         "language": "en"},
        {"id": "e-1", "kind": "event", "text": "An event.", "date": "2026-02-03",
         "end_date": "2026-02-04", "location": "White House"},
    ],
    "briefings": [
        {"id": "b-1", "title": "A briefing", "meeting": {"participants": ["p-1"]},
         "sections": [{"heading": "Background",
                       "blocks": [{"item": "f-1"}, {"text": "Say this."}]},
                      {"heading": "Timeline", "automatic": "timeline"}]},
    ],
}

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                         max_size=2),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "\x07bell\x1b", "\u202e", "\ufeff",
                     "2025-13-45", "Sept 2025", "0000-00", "2025-02-30", "-1", "9" * 50,
                     " padded ", ""]),
    st.integers(10_000, 2_000_000).map(lambda n: "x" * n),
)


def places(value, prefix=()):
    """Every (path) inside ``value`` where a mutation may land."""
    yield prefix
    if isinstance(value, dict):
        for key, entry in value.items():
            yield from places(entry, (*prefix, key))
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from places(entry, (*prefix, index))


def parent_and_key(pack, path):
    parent = pack
    for step in path[:-1]:
        parent = parent[step]
    return parent, path[-1]


@st.composite
def mutated_pack_text(draw) -> str:
    pack = copy.deepcopy(BASE_PACK)
    paths = [p for p in places(pack) if p]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        try:
            parent, key = parent_and_key(pack, path)
            mutation = draw(st.sampled_from(["replace", "delete", "duplicate_id", "nest"]))
            if mutation == "replace":
                parent[key] = draw(ODD_VALUES)
            elif mutation == "delete" and isinstance(parent, dict):
                del parent[key]
            elif mutation == "duplicate_id" and isinstance(parent, list) and parent:
                parent.append(copy.deepcopy(parent[0]))
            elif mutation == "nest":
                depth = draw(st.sampled_from([5, 100, 5000]))
                parent[key] = "NEST"
                nest = "[" * depth + "]" * depth
                return _with_duplicate_key(json.dumps(pack).replace('"NEST"', nest), draw)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the way there
    return _with_duplicate_key(json.dumps(pack), draw)


def _with_duplicate_key(text: str, draw) -> str:
    if draw(st.booleans()) and '"text": ' in text:
        return text.replace('"text": ', '"text": "first", "text": ', 1)
    return text


@pytest.fixture(scope="module")
def fact_base(tmp_path_factory):
    base = create_fact_base(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    yield base
    base.close()


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(text=mutated_pack_text())
def test_a_mutated_pack_is_imported_or_refused_with_a_clear_message(fact_base, tmp_path,
                                                                    text):
    path = tmp_path / "pack.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = pack_dict(fact_base)
    try:
        import_pack(fact_base, path)
    except PackError as error:
        assert error.problems
        assert all(len(problem) < MESSAGE_LIMIT for problem in error.problems)
        assert len(error.summary().splitlines()) <= 51
        assert pack_dict(fact_base) == before
    else:
        assert pack_dict(fact_base)["items"]
