"""Roles: the title a name carries before or after it, and what it says (role, country,
gender, class).

"Colombian President Gustavo Petro" is a president of Colombia; "la canciller colombiana,
Rosa Villavicencio" a foreign minister, a woman; "Scott Bessent, the Treasury secretary"
a secretary. The class of a role ("head", "minister", "secretary"...) lets a later "el
mandatario" or "the secretary" find the person it means.
"""

from __future__ import annotations

from .lexicon import (
    FEMININE_ROLES,
    HONORIFICS,
    MASCULINE_ROLES,
    NOT_NAME_WORDS,
    PORTFOLIO_WORDS,
    ROLE_HEADS,
    TITLES,
    key,
    word_set,
)
from .names import NameRun
from .places import country_name, country_of
from .sentences import Token

TITLE_MODIFIERS = word_set("""
    foreign defense defence treasury interior finance trade press national security
    homeland state vice deputy prime primer primera under-secretary attorney former ex
    presidencial presidential special especial senior interim interino interina adjunto adjunta
""")
TITLE_HEADS = TITLES - TITLE_MODIFIERS - PORTFOLIO_WORDS
ROLE_LINKS = word_set("""
    de del of for and y the la el
""")
DETERMINERS = word_set("""
    the el la los las a an un una this este esta
""")


def role_before(run: NameRun, text: str) -> list[Token]:
    """The title words before the name: inside the run ("Treasury Secretary") and, in
    lower case, before it ("la canciller", "el ministro de Defensa", "Secretary of the
    Treasury"); or a role set off by a comma ("El gobernador del Tolima, Adriana Matiz")."""
    tokens = run.sentence.tokens
    role = list(tokens[run.first : run.name_from])
    index = run.first - 1
    if index >= 0 and not role and text[tokens[index].end : tokens[run.first].start].strip() == ",":
        return _apposed_before(tokens, index, text)
    while index >= 0:
        token = tokens[index]
        word = key(token.text)
        following = role[0] if role else tokens[run.first]
        if text[token.end : following.start].strip():
            break
        the_of = word == "the" and index > 0 and tokens[index - 1].lower in ("of", "for")
        # "Secretary of State", "ministro de Defensa"; not "envoy of President Trump"
        link = (word in ROLE_LINKS - DETERMINERS or the_of) and role and (
            key(role[0].text) not in TITLE_HEADS)
        if word in TITLES or word in PORTFOLIO_WORDS or country_of(word) or link:
            role.insert(0, token)
            index -= 1
        elif _qualifies_title(tokens, index, text):
            role.insert(0, token)  # "la líder opositora venezolana María Corina Machado"
            index -= 1
        else:
            break
    while role and key(role[0].text) in ROLE_LINKS:
        role.pop(0)
    if not any(key(t.text) in TITLE_HEADS for t in role):
        return []
    return role


def _qualifies_title(tokens: list[Token], index: int, text: str) -> bool:
    """A lower-case adjective between a title and a name ("líder *opositora*"): a title
    comes within two more words, joined by spaces only."""
    token = tokens[index]
    if not token.text.islower() or key(token.text) in NOT_NAME_WORDS:
        return False
    for back in range(index - 1, max(index - 3, -1), -1):
        if text[tokens[back].end : tokens[back + 1].start] != " ":
            return False
        if key(tokens[back].text) in TITLE_HEADS:
            return True
        if not tokens[back].text.islower() or key(tokens[back].text) in NOT_NAME_WORDS:
            return False
    return False


def _apposed_before(tokens: list[Token], comma: int, text: str) -> list[Token]:
    """"La canciller colombiana, Rosa Villavicencio", "The ELN's chief negotiator, Pablo
    Beltrán": a determiner, a title and what qualifies it, then a comma and the name."""
    role: list[Token] = []
    index = comma
    while index >= 0 and len(role) < 10:
        token = tokens[index]
        if role and text[token.end : role[0].start].strip():
            break
        word = key(token.text)
        inside_name = index > 0 and key(tokens[index - 1].text) in ("de", "of", "del")
        if word in DETERMINERS and not inside_name:  # "de *la* Agrupación de Familiares"
            break
        if not (word in TITLES or word in PORTFOLIO_WORDS or country_of(word)
                or word in ROLE_LINKS or token.is_capitalized):
            break
        role.insert(0, token)
        index -= 1
    starts_clause = index < 0 or key(tokens[index].text) in DETERMINERS
    while role and key(role[0].text) in ROLE_LINKS:
        role.pop(0)
    if not starts_clause or not role or not any(key(t.text) in TITLE_HEADS for t in role):
        return []
    return role


def role_after(run: NameRun, text: str) -> list[Token]:
    """An apposition: "Scott Bessent, the Treasury secretary," / "Rosa Villavicencio,
    canciller de Perú,"."""
    tokens = run.sentence.tokens
    index = run.last + 1
    if index >= len(tokens) or text[tokens[run.last].end : tokens[index].start].strip() != ",":
        return []
    role: list[Token] = []
    while index < len(tokens) and len(role) < 8:
        token = tokens[index]
        gap = text[tokens[index - 1].end : token.start]
        if role and gap.strip():
            break
        role.append(token)
        index += 1
    while role and key(role[0].text) in DETERMINERS:
        role.pop(0)
    heads = [i for i, t in enumerate(role) if key(t.text) in TITLE_HEADS]
    if not heads or heads[0] > 2:
        return []
    # keep the head, what qualifies it before, and "de/of" + capitalised words after
    end = heads[0] + 1
    while end < len(role) and (
        key(role[end].text) in ROLE_LINKS and end + 1 < len(role)
        or role[end].is_capitalized or country_of(role[end].text)
        or key(role[end].text) in PORTFOLIO_WORDS
    ):
        end += 1
    while end > heads[0] + 1 and key(role[end - 1].text) in ROLE_LINKS:
        end -= 1
    return role[:end]


def describe_role(role: list[Token], text: str, language: str) -> tuple[str, str, str]:
    """(role, country, gender) of a role phrase; a leading country adjective
    ("Colombian President", "U.S. President") becomes the country."""
    country = ""
    words = list(role)
    while words and country_of(words[0].text) and key(words[0].text) not in TITLES:
        country = country or country_name(words[0].text, language)
        words.pop(0)
    for token in words:
        if not country and country_of(token.text) and token.text[:1].isupper() or (
            not country and country_of(token.text) and key(token.text) not in TITLES
            and not token.text[:1].isupper()
        ):
            country = country_name(token.text, language)
    while words and country_of(words[-1].text) and not words[-1].is_capitalized:
        words.pop()
    gender = ""
    for token in role:
        word = key(token.text)
        gender = gender or ("f" if word in FEMININE_ROLES else "m" if word in MASCULINE_ROLES
                            else "")
    if words and key(words[0].text) in HONORIFICS:
        return "", country, gender
    phrase = text[words[0].start : words[-1].end] if words else ""
    return phrase, country, gender


def determiner_gender(run: NameRun) -> str:
    tokens = run.sentence.tokens
    for index in range(run.first - 1, max(run.first - 3, -1), -1):
        word = key(tokens[index].text)
        if word in ("la", "las"):
            return "f"
        if word in ("el", "los"):
            return "m"
    return ""


def role_classes(role: str) -> set[str]:
    """The classes of a role's head words; a foreign minister (canciller, Secretary of
    State) is also a minister, so "la ministra" may refer to her."""
    classes = {ROLE_HEADS[w] for w in (key(part) for part in role.split()) if w in ROLE_HEADS}
    if "foreign" in classes or "secretary" in classes and "state" in role.lower():
        classes |= {"foreign", "minister"}
    return classes


