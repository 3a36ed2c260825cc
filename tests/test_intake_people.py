"""People: names with their roles, and the fact base's people found under every name."""

from __future__ import annotations

import re

import pytest
from intake_helpers import extract_text, speaker_of

from briefing_app.exchange.sample import create_fact_base
from briefing_app.store.read_only import open_read_only


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.sqlite"
    create_fact_base(path).close()
    with open_read_only(path) as store:
        yield store


def people(extraction) -> dict[str, tuple[str, str]]:
    return {p.name: (p.role, p.country) for p in extraction.people}


def test_roles_and_countries_before_and_after_names():
    x = extract_text(
        "Treasury Secretary Scott Bessent met la canciller Rosa Villavicencio. Colombian "
        "President Gustavo Petro was not there. El ministro de Defensa Pedro Sánchez habló "
        "después. Masoud Pezeshkian, the Iranian president, sent a letter.")
    assert people(x) == {
        "Scott Bessent": ("Treasury Secretary", ""),
        "Rosa Villavicencio": ("canciller", ""),
        "Gustavo Petro": ("President", "Colombia"),
        "Pedro Sánchez": ("ministro de Defensa", ""),
        "Masoud Pezeshkian": ("president", "Iran"),
    }


@pytest.mark.parametrize("name", ["Petro", "Gustavo Petro", "el presidente Petro",
                                  "President Gustavo Petro"])
def test_every_name_of_a_known_person_links_to_the_fact_base(sample, name):
    x = extract_text(f"«Colombia busca la paz en la frontera», dijo {name} en Cali.",
                     store=sample)
    quote = next(i for i in x.items if i.kind == "quote")
    assert quote.speaker == "p-petro"
    assert x.person("p-petro").existing.name == "Gustavo Petro"


def test_new_people_get_new_ids_and_known_ones_keep_theirs(sample):
    x = extract_text("Peruvian President José Jerí met Gustavo Petro in Leticia on Monday.",
                     store=sample)
    ids = {p.name: p.id for p in x.people}
    assert ids["Gustavo Petro"] == "p-petro"
    assert re.fullmatch(r"[0-9a-f]{32}", ids["José Jerí"])


def test_every_mention_of_a_person_is_kept_with_its_place():
    text = ("Colombian President Gustavo Petro spoke in Cali. Petro said the talks had ended. "
            "“We will try again,” Petro added.")
    x = extract_text(text)
    spans = x.people[0].spans
    assert [text[a:b] for a, b in spans] == ["Gustavo Petro", "Petro", "Petro"]
    assert speaker_of(x, "We will") == "Gustavo Petro"


def test_places_organisations_and_agencies_are_not_people():
    x = extract_text("The White House and the State Department said on Monday that Latin "
                     "America matters. The Oval Office meeting was confirmed by EFE and Casa "
                     "Nariño, Reuters reported.")
    assert x.people == []
