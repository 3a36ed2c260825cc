"""The people an article names, with the role and country it gives them, and every place
it mentions them: by full name, by surname, or by role ("el presidente estadounidense").

The rules are plain: a name is a run of capitalised words; it is a person when a title or
role stands before it ("Treasury Secretary Scott Bessent", "la canciller Rosa
Villavicencio") or after it ("Scott Bessent, the Treasury secretary"), a speech verb is
next to it, it starts with a known given name, or the fact base knows it. A later
surname ("Petro") is the person named in full earlier; people already in the fact base
keep their ids, so "Petro", "Gustavo Petro" and "el presidente Petro" are one person.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing_app.core.model import Person

from .given_names import is_given_name
from .lexicon import (
    FEMININE_ROLES,
    MASCULINE_ROLES,
    PORTFOLIO_WORDS,
    ROLE_HEADS,
    TITLES,
    key,
)
from .names import NameRun, name_like, name_runs, name_words, speech_next_to
from .places import country_name, country_of
from .roles import (
    TITLE_MODIFIERS,
    describe_role,
    determiner_gender,
    role_after,
    role_before,
    role_classes,
)
from .sentences import Sentence, Token

_RELATIVE = re.compile(r",\s+(?:who|quien|quienes|que)\b")


@dataclass
class Mention:
    start: int
    end: int
    sentence: int
    person: int | None  # index in Cast.people
    kind: str  # "name", "role" or "pronoun"
    gender: str = ""  # "m", "f" or "" (pronouns and role words)


@dataclass
class FoundPerson:
    name: str
    role: str = ""
    organization: str = ""
    country: str = ""
    existing: Person | None = None
    gender: str = ""
    role_classes: set[str] = field(default_factory=set)
    first: int = 0  # where the article first names the person

    @functools.cached_property
    def words(self) -> list[str]:
        return name_words(self.name)

    def tokens(self) -> list[str]:
        return self.words


@dataclass
class Cast:
    """The people of one article and their mentions, in text order."""

    people: list[FoundPerson] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _by_sentence: dict[int, list[Mention]] | None = field(default=None, repr=False)

    def in_sentence(self, index: int) -> list[Mention]:
        """The mentions of one sentence (indexed at the first call: the cast is built)."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for mention in self.mentions:
                self._by_sentence.setdefault(mention.sentence, []).append(mention)
        return self._by_sentence.get(index, [])


# ---------------------------------------------------------------- the cast


class _CastBuilder:
    def __init__(self, text: str, sentences: list[Sentence], language: str,
                 known: list[Person]) -> None:
        self.text, self.sentences, self.language = text, sentences, language
        self.cast = Cast()
        self.role_words: set[int] = set()  # where the titles of named people stand
        self.known = known
        self.known_by_name = {" ".join(name_words(p.name)): p for p in known}

    def build(self) -> Cast:
        runs = [run for sentence in self.sentences for run in name_runs(sentence, self.text)]
        full = [r for r in runs if r.last > r.name_from]
        single = [r for r in runs if r.last == r.name_from]
        for run in full:
            self._add_full(run)
        for run in single:
            self._add_single(run)
        self._add_role_references()
        self._add_pronouns()
        self.cast.mentions.sort(key=lambda m: m.start)
        return self.cast

    def _name_of(self, run: NameRun) -> tuple[str, int, int]:
        tokens = run.sentence.tokens
        start, end = tokens[run.name_from].start, tokens[run.last].end
        name = self.text[start:end]
        for suffix in ("’s", "'s"):
            if name.endswith(suffix):
                name, end = name[: -len(suffix)], end - len(suffix)
        return name, start, end

    def _add_full(self, run: NameRun) -> None:
        name, start, end = self._name_of(run)
        role_tokens = role_before(run, self.text) or role_after(run, self.text)
        existing = self._known(name)
        index = self._find(name)
        tokens = run.sentence.tokens
        evidence = (role_tokens or existing is not None or index is not None
                    or speech_next_to(run) or is_given_name(tokens[run.name_from].text)
                    or _RELATIVE.match(self.text, end) is not None)
        if not evidence:
            return
        if index is None:
            index = self._new(name, existing, start)
        self._give_role(index, role_tokens, run)
        self._mention(index, start, end, run.sentence.index)

    def _add_single(self, run: NameRun) -> None:
        name, start, end = self._name_of(run)
        index = self._find(name)
        role_tokens = role_before(run, self.text)
        if index is None:
            existing = self._known(name)
            if existing is None and not role_tokens and not (
                speech_next_to(run) and run.name_from > 0
            ):
                return
            index = self._new(name, existing, start)
        self._give_role(index, role_tokens, run)
        self._mention(index, start, end, run.sentence.index)

    def _find(self, name: str) -> int | None:
        """An article person this name means: the same name, or a part of a longer one
        ("Petro" of "Gustavo Petro Urrego", "Gustavo Petro" of the same)."""
        wanted = name_words(name)
        matches = [
            i for i, person in enumerate(self.cast.people)
            if _part_of(wanted, person.tokens()) or _part_of(person.tokens(), wanted)
        ]
        if len(matches) == 1:
            return matches[0]
        exact = [i for i in matches if self.cast.people[i].tokens() == wanted]
        return exact[0] if exact else (matches[-1] if matches else None)

    def _known(self, name: str) -> Person | None:
        """The fact base's person of this name, or of which it is the surname ("Petro"),
        when exactly one fits."""
        words = name_words(name)
        if " ".join(words) in self.known_by_name:
            return self.known_by_name[" ".join(words)]
        candidates = {
            p.id: p for p in self.known
            if words and _part_of(words, name_words(p.name))
            and (len(words) > 1 or words[0] != name_words(p.name)[0])
        }
        return next(iter(candidates.values())) if len(candidates) == 1 else None

    def _new(self, name: str, existing: Person | None, start: int) -> int:
        if existing is not None:
            for i, person in enumerate(self.cast.people):
                if person.existing is not None and person.existing.id == existing.id:
                    return i
            person = FoundPerson(existing.name, existing.role, existing.organization,
                                 existing.country, existing, first=start)
            person.role_classes = role_classes(existing.role)
        else:
            person = FoundPerson(name, first=start)
        self.cast.people.append(person)
        return len(self.cast.people) - 1

    def _give_role(self, index: int, role_tokens: list[Token], run: NameRun) -> None:
        if not role_tokens:
            return
        person = self.cast.people[index]
        role, country, gender = describe_role(role_tokens, self.text, self.language)
        self.role_words.update(token.start for token in role_tokens)
        person.role_classes |= role_classes(role)
        person.gender = person.gender or gender or determiner_gender(run)
        if person.existing is None:
            person.role = person.role or role
            person.country = person.country or country

    def _mention(self, index: int, start: int, end: int, sentence: int) -> None:
        if any(m.start == start for m in self.cast.mentions):
            return
        self.cast.mentions.append(Mention(start, end, sentence, index, "name"))

    # ------------------------------------------------------------ references

    def _add_role_references(self) -> None:
        """"el presidente estadounidense", "the Colombian leader", "Iran's president":
        the person of that role (and country) named most recently."""
        named = {m.start for m in self.cast.mentions}
        for sentence in self.sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                word = token.lower
                if word not in ROLE_HEADS or token.start in named or (
                        token.start in self.role_words):
                    continue  # a name, or the title of the name that follows
                if i + 1 < len(tokens) and tokens[i + 1].start - token.end == 1 and (
                    tokens[i + 1].is_capitalized and name_like(tokens[i + 1])
                    or tokens[i + 1].lower in TITLES
                ):
                    continue  # a title before a name, or a word of a longer title
                start, country = self._reference_start(tokens, i)
                if start is None:
                    continue
                end, after_country = self._reference_end(tokens, i)
                country = country or after_country
                if self.text[end : end + 2] == ", " and (end + 2) in named:
                    continue  # "el presidente de Colombia, Gustavo Petro": the name says it
                person = self._resolve_role(ROLE_HEADS[word], country, token.start)
                gender = ("f" if word in FEMININE_ROLES else "m" if word in MASCULINE_ROLES
                          else "")
                if tokens[start].lower == "la":
                    gender = "f"
                self.cast.mentions.append(
                    Mention(tokens[start].start, end, sentence.index, person, "role", gender)
                )

    def _reference_start(self, tokens: list[Token], i: int) -> tuple[int | None, str]:
        """Where a role reference begins (its determiner or possessive) and its country."""
        country, j = "", i - 1
        while j >= 0 and (country_of(tokens[j].text) or tokens[j].lower in TITLE_MODIFIERS
                          or tokens[j].lower in PORTFOLIO_WORDS):
            if country_of(tokens[j].text):
                country = country or country_name(tokens[j].text, self.language)
            j -= 1
        if j >= 0 and tokens[j].lower in ("the", "el", "la"):
            return j, country
        if j + 1 < i and key(tokens[j + 1].text).endswith("'s"):
            return j + 1, country
        if j >= 0 and key(tokens[j].text).endswith("'s") and country_of(
                key(tokens[j].text)[:-2]):
            name = key(tokens[j].text)[:-2]
            return j, country_name(name, self.language)
        return None, country

    def _reference_end(self, tokens: list[Token], i: int) -> tuple[int, str]:
        end, country = tokens[i].end, ""
        j = i + 1
        if j < len(tokens) and country_of(tokens[j].text) and not tokens[j].is_capitalized:
            return tokens[j].end, country_name(tokens[j].text, self.language)
        if j + 1 < len(tokens) and tokens[j].lower in ("de", "of") and country_of(
                tokens[j + 1].text):
            return tokens[j + 1].end, country_name(tokens[j + 1].text, self.language)
        return end, country

    def _resolve_role(self, role_class: str, country: str, before: int) -> int | None:
        candidates = [
            i for i, person in enumerate(self.cast.people)
            if role_class in person.role_classes
            and (not country or _same_country(person.country, country))
        ]
        if not candidates:
            return None
        last_seen = {i: max((m.start for m in self.cast.mentions
                             if m.person == i and m.start < before), default=-1)
                     for i in candidates}
        best = max(candidates, key=lambda i: last_seen[i])
        return best if last_seen[best] >= 0 else None

    def _add_pronouns(self) -> None:
        """Subject pronouns; :func:`resolve_pronoun` decides whom each means when a quote
        needs it."""
        from .lexicon import PRONOUNS

        for sentence in self.sentences:
            quoted = [(q.start, q.end) for q in sentence.quotes]
            for token in sentence.tokens:
                if token.lower in PRONOUNS and not any(a <= token.start < b for a, b in quoted):
                    self.cast.mentions.append(Mention(token.start, token.end, sentence.index,
                                                      None, "pronoun", PRONOUNS[token.lower]))


def _part_of(part: list[str], whole: list[str]) -> bool:
    """``part`` is ``whole`` or its last words, or a surname within it."""
    if not part or not whole or len(part) > len(whole):
        return False
    if len(part) == 1:
        return part[0] in whole[1:] or part == whole
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _same_country(a: str, b: str) -> bool:
    first, second = country_of(a.replace(" ", "-")) or country_of(a), country_of(
        b.replace(" ", "-")) or country_of(b)
    return first is not None and first == second


def find_people(text: str, sentences: list[Sentence], language: str,
                known: list[Person] | None = None) -> Cast:
    """The people of the article, each fact-base person linked by its record."""
    return _CastBuilder(text, sentences, language, list(known or [])).build()
