"""The value checks a fact pack's fields pass: their quick path for plain ASCII values
gives the answers the full checks give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_app.exchange.pack_validate import check_id, check_text

LONE_SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(max_codepoint=0x7F)),
    st.builds(lambda a, s, b: a + s + b, st.text(), LONE_SURROGATE, st.text()),
)


def has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@given(TEXTS)
def test_a_text_passes_unless_it_holds_half_a_character_pair(text):
    problem = check_text(text)
    assert (problem is None) == (not has_lone_surrogate(text))
    if problem is not None:
        assert "invalid character U+D" in problem


@given(TEXTS)
def test_an_id_passes_when_it_is_text_without_outer_spaces(text):
    expected = bool(text.strip()) and text == text.strip() and not has_lone_surrogate(text)
    assert (check_id(text) is None) == expected


def test_examples_of_each_answer():
    assert check_id("p-petro") is None and check_id("p-peña") is None
    assert check_id(" p-petro") == '" p-petro" starts or ends with a space'
    assert check_id("") == "must not be empty" and check_id("   ") == "must not be empty"
    assert check_id(42) == "expected text, found a number"
    assert check_text("plain") is None and check_text("Perú 🇨🇴") is None
