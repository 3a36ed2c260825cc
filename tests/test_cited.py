"""A memo's records are read once: its items in one batch, each person and source once."""

from __future__ import annotations

from memo_helpers import FakeFactBase, briefing, section, world

from briefing_app.core.model import Block
from briefing_app.document.cited import read_cited
from briefing_app.document.render import render_briefing


class CountingFactBase(FakeFactBase):
    """The in-memory fact base, noting every look-up it answers."""

    def __init__(self, base: FakeFactBase):
        super().__init__(base.items.values(), base.people.values(), base.sources.values(),
                         settings={"marking_scheme": "us"})
        self.asked: list[tuple[str, object]] = []

    def get_items(self, ids):
        self.asked.append(("items", list(ids)))
        return super().get_items(ids)

    def get_person(self, person_id):
        self.asked.append(("person", person_id))
        return super().get_person(person_id)

    def get_source(self, source_id):
        self.asked.append(("source", source_id))
        return super().get_source(source_id)


def test_the_items_come_in_one_batch_and_each_person_and_source_once():
    fb = CountingFactBase(world())
    memo = briefing(section("Background", "f1", "f3", "q1", "gone", Block(text="Mine.")),
                    section("Talking points", "f1", Block(text="Thank him.")))
    cited = read_cited(memo, fb)
    assert fb.asked == [
        ("items", ["f1", "f3", "q1", "gone"]),
        ("person", "petro"), ("person", "trump"),  # the participants, then the speakers
        ("source", "reuters"), ("source", "efe"),
    ]
    assert list(cited.items) == ["f1", "f3", "q1"]  # a deleted item is simply absent
    assert cited.item("gone") is None
    assert cited.get_person("petro").name == "Gustavo Petro"
    assert cited.get_source(None) is None


def test_rendering_checks_and_builds_the_memo_from_one_read(tmp_path):
    fb = CountingFactBase(world())
    fb.briefings["b1"] = briefing(section("Background", "f1", "f2", "e1", "u1"))
    result = render_briefing(fb, "b1", tmp_path / "memo.html")
    assert result.path.is_file()
    assert [what for what, _ in fb.asked].count("items") == 1
    assert len(fb.asked) == len(set(map(repr, fb.asked)))  # nothing asked twice
