"""Countries, the adjectives that name them, and places that look like names.

"Colombian President Gustavo Petro", "el presidente estadounidense" and "Iran's president"
tie a person to a country; the country is kept in the person's ``country`` field in the
article's language.
"""

from __future__ import annotations

from .lexicon import bare, word_set

# country in English, in Spanish, then the words that name it (adjectives in both
# languages, abbreviations, the country's own names)
_COUNTRIES = (
    ("United States", "Estados Unidos",
     "american u.s. usa u.s.a. estadounidense estadounidenses "
     "norteamericano norteamericana eeuu ee.uu. united-states "
     "estados-unidos"),
    ("Colombia", "Colombia", "colombian colombiano colombiana colombianos colombia"),
    ("Venezuela", "Venezuela", "venezuelan venezolano venezolana venezuela"),
    ("Mexico", "México", "mexican mexicano mexicana mexico méxico"),
    ("Peru", "Perú", "peruvian peruano peruana peru perú"),
    ("Chile", "Chile", "chilean chileno chilena chile"),
    ("Argentina", "Argentina", "argentine argentinian argentino argentina"),
    ("Brazil", "Brasil", "brazilian brasileño brasileña brazil brasil"),
    ("Ecuador", "Ecuador", "ecuadorian ecuatoriano ecuatoriana ecuador"),
    ("Bolivia", "Bolivia", "bolivian boliviano boliviana bolivia"),
    ("Cuba", "Cuba", "cuban cubano cubana cuba"),
    ("Panama", "Panamá", "panamanian panameño panameña panama panamá"),
    ("Nicaragua", "Nicaragua", "nicaraguan nicaragüense nicaragua"),
    ("Honduras", "Honduras", "honduran hondureño hondureña honduras"),
    ("Guatemala", "Guatemala", "guatemalan guatemalteco guatemalteca guatemala"),
    ("El Salvador", "El Salvador", "salvadoran salvadoreño salvadoreña salvador"),
    ("Costa Rica", "Costa Rica", "costa-rican costarricense costa-rica"),
    ("Dominican Republic", "República Dominicana", "dominican dominicano dominicana"),
    ("Uruguay", "Uruguay", "uruguayan uruguayo uruguaya uruguay"),
    ("Paraguay", "Paraguay", "paraguayan paraguayo paraguaya paraguay"),
    ("Haiti", "Haití", "haitian haitiano haitiana haiti haití"),
    ("Canada", "Canadá", "canadian canadiense canada canadá"),
    ("Spain", "España", "spanish español española spain españa"),
    ("France", "Francia", "french francés francesa france francia"),
    ("Germany", "Alemania", "german alemán alemana germany alemania"),
    ("United Kingdom", "Reino Unido", "british britain uk u.k. británico británica reino-unido"),
    ("Italy", "Italia", "italian italiano italiana italy italia"),
    ("Portugal", "Portugal", "portuguese portugués portuguesa portugal"),
    ("Russia", "Rusia", "russian ruso rusa russia rusia"),
    ("Ukraine", "Ucrania", "ukrainian ucraniano ucraniana ukraine ucrania"),
    ("China", "China", "chinese chino china"),
    ("Japan", "Japón", "japanese japonés japonesa japan japón"),
    ("India", "India", "indian indio india"),
    ("Iran", "Irán", "iranian iraní iran irán"),
    ("Iraq", "Irak", "iraqi iraquí iraq irak"),
    ("Israel", "Israel", "israeli israelí israel"),
    ("Syria", "Siria", "syrian sirio siria syria"),
    ("Turkey", "Turquía", "turkish turco turca turkey turquía türkiye"),
    ("Saudi Arabia", "Arabia Saudita", "saudi saudí"),
    ("Egypt", "Egipto", "egyptian egipcio egipcia egypt egipto"),
    ("Qatar", "Catar", "qatari catarí qatar catar"),
    ("South Africa", "Sudáfrica", "south-african sudafricano sudafricana"),
    ("Nigeria", "Nigeria", "nigerian nigeriano nigeriana nigeria"),
    ("Australia", "Australia", "australian australiano australiana australia"),
    ("South Korea", "Corea del Sur", "south-korean surcoreano surcoreana"),
    ("North Korea", "Corea del Norte", "north-korean norcoreano norcoreana"),
    ("Vatican", "Vaticano", "vatican vaticano"),
)

_BY_WORD: dict[str, tuple[str, str]] = {}
for _english, _spanish, _names in _COUNTRIES:
    for _word in _names.split():
        _BY_WORD[bare(_word)] = (_english, _spanish)
    _BY_WORD.setdefault(bare(_english), (_english, _spanish))
    _BY_WORD.setdefault(bare(_spanish), (_english, _spanish))

PLACE_WORDS = word_set("""
    white house oval office casa blanca nariño capitol hill pentagon kremlin washington
    bogotá bogota caracas lima quito madrid new york miami havana la habana moscow moscú
    beijing pekín london londres paris parís brussels bruselas geneva ginebra tehran
    teherán jerusalem jerusalén gaza kyiv kiev cali medellín cartagena barranquilla
    latin america américa latina south north east west sur norte oriente occidente
    street avenue avenida calle plaza square park parque hotel airport aeropuerto city
    ciudad island isla river río mountain sierra valley valle province provincia región
    region caribbean caribe pacific pacífico atlantic atlántico amazon amazonía americas
    américas europe europa africa áfrica asia middle medio wall air supreme twitter x
    facebook instagram truth social tiktok youtube
""")
"""Words of capitalised phrases that name places and things, not people."""


def country_of(word: str) -> tuple[str, str] | None:
    """``("Colombia", "Colombia")`` for "Colombian", "colombiano", "Colombia"; else None."""
    return _BY_WORD.get(bare(word).replace(" ", "-")) or _BY_WORD.get(bare(word))


def country_name(word: str, language: str) -> str:
    """The country a word names, in ``language`` (English unless ``es``); "" when none."""
    found = country_of(word)
    if found is None:
        return ""
    return found[1] if language == "es" else found[0]
