"""Quotations and their speakers, one pattern of news writing at a time."""

from __future__ import annotations

from intake_helpers import extract_text, quote_texts, quotes, speaker_of


def test_quote_before_the_verb_with_the_speaker_after_it():
    x = extract_text('"We will not negotiate under pressure," said Iranian President '
                     "Hassan Rouhani.")
    assert quote_texts(x) == ["We will not negotiate under pressure"]
    assert speaker_of(x, "We will") == "Hassan Rouhani"


def test_quote_after_the_verb_keeps_the_subject_as_speaker():
    x = extract_text("Treasury Secretary Scott Bessent said the administration was taking "
                     "“strong action” against the cartels.")
    assert speaker_of(x, "strong action") == "Scott Bessent"


def test_a_split_quote_is_one_quotation():
    x = extract_text("“We are not going to win this with soldiers alone,” Jerí said, “but we "
                     "will not win it without them either.” Peruvian President José Jerí "
                     "spoke in Lima.")
    assert quote_texts(x) == ["We are not going to win this with soldiers alone, but we will "
                              "not win it without them either."]


def test_a_role_names_the_speaker_named_before():
    x = extract_text("El presidente estadounidense, Donald Trump, habló el lunes en "
                     "Washington. «Petro está jugando con fuego», explicó el presidente "
                     "estadounidense a los periodistas.")
    assert speaker_of(x, "Petro está") == "Donald Trump"


def test_a_pronoun_and_a_continued_quote_keep_the_speaker():
    x = extract_text(
        "Secretary of State Mike Pompeo spoke to reporters in Washington on Monday. "
        "“The sanctions will continue,” he said. “Iran knows what it must do,” he added.\n\n"
        "“Nothing has changed.”"
    )
    assert [speaker_of(x, w) for w in ("The sanctions", "Iran knows", "Nothing")] == [
        "Mike Pompeo"] * 3


def test_an_omitted_spanish_subject_takes_the_last_speaker():
    x = extract_text("«Colombia no le pide permiso a nadie», dijo el presidente Gustavo "
                     "Petro. «Buscamos la paz en la frontera», añadió.")
    assert speaker_of(x, "Buscamos") == "Gustavo Petro"


def test_she_means_the_woman_named_before_not_the_man():
    x = extract_text("Claudia Sheinbaum, la presidenta de México, se reunió con el presidente "
                     "Gustavo Petro. «Nuestra relación es muy importante», dijo ella.")
    assert speaker_of(x, "Nuestra") == "Claudia Sheinbaum"


def test_names_titles_and_scare_quotes_are_not_quotations():
    x = extract_text(
        "El Tesoro incluyó a Petro en la llamada 'Lista Clinton' en octubre. La foto del "
        "apretón de manos se volvió \"chévere\" para miles de usuarios. The government's "
        "“total peace” policy has stalled, and the campaign branded “Amazonía Viva” never "
        "got funds, analysts said."
    )
    assert quote_texts(x) == []


def test_apostrophes_are_not_single_quotation_marks():
    x = extract_text("Petro’s visa was revoked. Colombia's minister said 'every year we "
                     "wait, we lose forest that will never come back,' and left.")
    assert quote_texts(x) == ["every year we wait, we lose forest that will never come back"]


def test_the_channel_is_kept_and_is_not_the_speaker():
    x = extract_text("Colombian President Gustavo Petro is in Washington. Petro called the "
                     "talks “decisive” for him and “for the life of humanity,” according to "
                     "EFE.")
    assert [q.notes for q in quotes(x)] == ["Via EFE", "Via EFE"]
    assert speaker_of(x, "decisive") == "Gustavo Petro"


def test_dialogue_set_off_by_dashes_is_a_quotation():
    x = extract_text("El presidente Gustavo Petro habló en Cali.\n\n—Aquí nadie quiere pelear "
                     "con Estados Unidos —dijo Petro—, pero no vamos a aceptar humillaciones.")
    assert quote_texts(x) == ["Aquí nadie quiere pelear con Estados Unidos, pero no vamos a "
                              "aceptar humillaciones."]
    assert speaker_of(x, "Aquí") == "Gustavo Petro"


def test_a_quote_has_its_language_its_sentence_and_its_place():
    text = "Rouhani said on Wednesday that talks were “meaningless under these conditions.”"
    x = extract_text(text, published="2019-09-12")
    quote = quotes(x)[0]
    assert (quote.language, quote.context, quote.date) == ("en", text, "2019-09-11")
    assert x.text[quote.span[0] : quote.span[1]] == "“meaningless under these conditions.”"
