"""Quoted speech and who said it.

Every quoted passage is first asked whether it is speech at all: a quoted name, title or
term (‘Lista Clinton’, the so-called “total peace”, a lone “chévere” with no one saying it)
is not. Speech gets its speaker from the words around it, in this order: a speech verb
right after it (“…,” said Bessent / “…”, explicó el presidente estadounidense / “…,” he
added), a speech verb before it in the sentence with its subject ("Trump wrote that it
was a “Great Honor”"), "according to" a person; and for a quotation standing on its own,
or a verb with no subject ("añadió"), the speaker of the quotation just before it or the
person the previous sentence is about. "according to EFE" or "told Reuters" names the
channel, not the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    ATTRIBUTION_PHRASES,
    CHANNEL_WORDS,
    CONTINUATION_VERBS,
    KNOWN_AS,
    NAMED_THINGS,
    NAMING_WORDS_BEFORE,
    NEGATIONS,
    ORGANIZATION_WORDS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLES,
    key,
    word_set,
)
from .marks import Passage
from .people import Cast, Mention
from .places import country_of
from .sentences import Sentence, Token

PREPOSITIONS = word_set("""
    with to of by for against about from at on con a de por para contra sobre desde ante
    hacia entre
""")
DEFINITE = word_set("""
    the la el los las del de in en on of al
""")
TOLD_CHANNEL = word_set("""
    told tells dijo dijeron declaró declaró explicó aseguró afirmó
""")


@dataclass
class QuoteFound:
    start: int  # span of the quotation (from the first mark to the last)
    end: int
    text: str
    sentence: int
    parts: list[Passage]
    speaker: int | None = None  # person index in the cast
    organization: str = ""  # a speaker that is an organisation ("the State Department")
    channel: str = ""  # "EFE" in "according to EFE"
    verb_at: int | None = None  # where the speech verb is, for dating the quote
    spans: list[tuple[int, int]] = field(default_factory=list)


def find_quotes(text: str, sentences: list[Sentence], cast: Cast) -> list[QuoteFound]:
    """The speech quotations of the article with their speakers, in order."""
    found: list[QuoteFound] = []
    for sentence in sentences:
        if sentence.heading or not sentence.quotes:
            continue
        speech = [q for q in sentence.quotes if _is_speech(text, sentence, q)]
        for parts in _groups(text, sentence, speech, cast):
            quote = QuoteFound(parts[0].start, parts[-1].end, _words_of(text, parts),
                               sentence.index, parts)
            _attribute(text, sentences, sentence, quote, cast, found)
            found.append(quote)
    return found


# ---------------------------------------------------------------- speech or not


def _is_speech(text: str, sentence: Sentence, passage: Passage) -> bool:
    if passage.dash:
        return True
    inner = text[passage.inner_start : passage.inner_end].strip(" ,.;:")
    words = inner.split()
    if not any(c.isalpha() for c in inner):
        return False
    before = [t.lower for t in sentence.tokens if t.end <= passage.start][-3:]
    after = [t.lower for t in sentence.tokens if t.start >= passage.end][:1]
    preceding = " ".join(text[sentence.start : passage.start].lower().split())
    if before and (before[-1] in NAMING_WORDS_BEFORE or (
            len(before) > 1 and before[-2] in NAMING_WORDS_BEFORE and before[-1] in DEFINITE)):
        return False
    if re.search(KNOWN_AS, preceding):
        return False
    if len(words) <= 5 and (
        (after and after[0] in NAMED_THINGS)
        or (before and before[-1] in NAMED_THINGS)
        or (len(before) > 1 and before[-1] in ("de", "of", "del") and before[-2] in NAMED_THINGS)
    ):
        return False
    if _title_case(words) and (not before or before[-1] in DEFINITE):
        return False
    whole = text[sentence.start : sentence.end].strip()
    if (passage.end - passage.start) >= 0.85 * len(whole) and inner[:1].isupper():
        return True  # a whole sentence in quotation marks: speech going on
    if _has_attribution(text, sentence, passage):
        return True
    # No one is said to speak: a long quotation is still speech, a few quoted words
    # are the writer's (a scare quote).
    share = (passage.end - passage.start) / max(1, sentence.end - sentence.start)
    return len(words) >= 4 and share >= 0.6


def _title_case(words: list[str]) -> bool:
    """“Lista Clinton”, ‘Paz Total’: a name or title (short, every long word capitalised)."""
    long_words = [w for w in words if len(w) > 3]
    return 0 < len(words) <= 6 and bool(long_words) and all(
        w[:1].isupper() for w in long_words)


def _outside(sentence: Sentence) -> list[Token]:
    quoted = [(q.start, q.end) for q in sentence.quotes]
    return [t for t in sentence.tokens if not any(a <= t.start < b for a, b in quoted)]


def _speech_verbs(tokens: list[Token]) -> list[Token]:
    """Speech verbs that say something was said ("has not commented" says nothing)."""
    found = []
    for index, token in enumerate(tokens):
        if token.lower in SPEECH_VERBS and token.text[:1].islower() and not any(
                t.lower in NEGATIONS or t.lower.endswith("n't")
                for t in tokens[max(0, index - 2) : index]):
            found.append(token)
    return found


def _has_attribution(text: str, sentence: Sentence, passage: Passage) -> bool:
    tokens = _outside(sentence)
    if _speech_verbs(tokens) or any(t.lower in SPEECH_NOUNS for t in tokens):
        return True
    plain = " ".join(text[sentence.start : sentence.end].lower().split())
    if any(phrase in plain for phrase in ATTRIBUTION_PHRASES):
        return True
    return _colon_before(text, sentence, passage)


def _colon_before(text: str, sentence: Sentence, passage: Passage) -> bool:
    """"la canciller fue prudente: “Ese es un tema…”": a colon introduces speech."""
    lead = text[sentence.start : passage.start].rstrip()
    inner = text[passage.inner_start : passage.inner_end]
    return lead.endswith(":") and len(inner.split()) >= 3


# ---------------------------------------------------------------- split quotations


def _groups(text: str, sentence: Sentence, speech: list[Passage],
            cast: Cast) -> list[list[Passage]]:
    """“We will not yield,” he said, “and we will win.”: one quotation in two parts, when
    only the attribution stands between them."""
    groups: list[list[Passage]] = []
    mentions = cast.in_sentence(sentence.index)
    for passage in speech:
        if groups:
            previous = groups[-1][-1]
            gap = [t for t in sentence.tokens if previous.end <= t.start < passage.start]
            first = text[previous.inner_start : previous.inner_end].rstrip()
            gap_text = text[previous.end : passage.start].strip()
            dialogue = previous.dash and passage.dash  # the narrator's words between
            if dialogue or (gap and len(gap) <= 8 and _speech_verbs(gap)
                            and _only_attribution(gap, mentions)
                            and (first.endswith(",") or gap_text.endswith(","))):
                groups[-1].append(passage)
                continue
        groups.append([passage])
    return groups


def _only_attribution(tokens: list[Token], mentions: list[Mention]) -> bool:
    """Every word is the speech verb, its subject, or a title of the subject."""
    for token in tokens:
        if token.lower in SPEECH_VERBS or token.lower in TITLES or token.lower in DEFINITE:
            continue
        if any(m.start <= token.start < m.end + 1 for m in mentions):
            continue
        if token.is_capitalized:
            continue  # a name the cast did not take (an organisation)
        return False
    return True


def _words_of(text: str, parts: list[Passage]) -> str:
    words = ""
    for part in parts:
        piece = " ".join(text[part.inner_start : part.inner_end].split())
        if words and piece[:1] in ",;.":
            words += piece
        else:
            words = f"{words} {piece}" if words else piece
    return words.strip().rstrip(",;:").strip()


# ---------------------------------------------------------------- speakers


def _attribute(text: str, sentences: list[Sentence], sentence: Sentence, quote: QuoteFound,
               cast: Cast, earlier: list[QuoteFound]) -> None:
    tokens = _outside(sentence)
    mentions = [m for m in cast.in_sentence(sentence.index)
                if not any(q.start <= m.start < q.end for q in sentence.quotes)]
    quote.channel = _channel(text, sentence)
    verb, subject = _verb_after(text, quote, tokens, mentions)
    if verb is None:
        verb, subject = _verb_before(text, sentence, quote, tokens, mentions)
    if subject is None:
        subject = _according_to(text, mentions, quote.channel)
    quote.verb_at = verb.start if verb is not None else None
    if isinstance(subject, str):
        quote.organization = subject
        return
    if subject is not None and subject.kind != "pronoun" and subject.person is not None:
        quote.speaker = subject.person
        return
    if subject is not None and subject.kind == "role":
        return  # a role nobody in the article holds: better no speaker than a wrong one
    gender = subject.gender if subject is not None else ""
    continuing = subject is None and (verb is None or verb.lower in CONTINUATION_VERBS)
    quote.speaker = _antecedent(sentences, sentence, cast, earlier, gender, continuing)


def _verb_after(text: str, quote: QuoteFound, tokens: list[Token],
                mentions: list[Mention]) -> tuple[Token | None, Mention | str | None]:
    """“…,” said X / “…,” X said / “…”, añadió / “…” —dijo Petro—: a speech verb right
    after the quotation (or between its parts), with nothing else in between."""
    windows = [(a.end, b.start) for a, b in zip(quote.parts, quote.parts[1:], strict=False)]
    windows.append((quote.end, None))
    last = quote.parts[-1]
    for start, stop in windows:
        following = [t for t in tokens if t.start >= start and (stop is None or t.start < stop)]
        if not following:
            continue
        lead = text[start : following[0].start]
        inner_end = text[last.inner_start : last.inner_end].rstrip()
        if not (re.search(r"[,—–-]", lead) or inner_end[-1:] in ",.!?…" or last.dash):
            continue  # “…” and said: another clause, not an attribution
        for index, token in enumerate(following[:6]):
            if token.lower not in SPEECH_VERBS:
                continue
            between = following[:index]
            before = [m for m in mentions if start <= m.start < token.start]
            if not _only_attribution(between, before):
                break
            after = [m for m in mentions if token.end <= m.start
                     and m.start - token.end < 60 and (stop is None or m.start < stop)]
            if before:
                return token, before[-1]
            if after and not _through_channel(text, token, after[0]):
                return token, after[0]
            return token, _organization_near(text, following, index)
    return None, None


def _verb_before(text: str, sentence: Sentence, quote: QuoteFound, tokens: list[Token],
                 mentions: list[Mention]) -> tuple[Token | None, Mention | str | None]:
    """X said (that) … “…”: the nearest speech verb before the quotation and its subject,
    the first person of its clause who is not an object ("junto a Petro", "Petro's",
    "meeting Petro"); else the person right after the verb ("dijo el presidente: “…”")."""
    verbs = [t for t in _speech_verbs(tokens) if t.end <= quote.start]
    colon = _colon_before(text, sentence, quote.parts[0])
    if not verbs and not colon:
        # No verb of saying ("en un comunicado", "acusó a la dirigente de promover
        # “…”"): the sentence's subject, when it names one, said it.
        subjects = [m for m in mentions if sentence.start <= m.start < quote.start
                    and m.kind != "pronoun" and _subject_like(text, tokens, m)]
        return None, (subjects[0] if subjects else None)
    # Coordinated verbs share their subject ("defendió … y aseguró"): the nearest verb
    # whose clause names someone gives the speaker.
    bounds = [sentence.start] + [v.end for v in verbs]
    for index in range(len(verbs) - 1, -1, -1):
        candidates = [m for m in mentions if bounds[index] <= m.start < verbs[index].start
                      and _subject_like(text, tokens, m)]
        if candidates:
            return verbs[-1], candidates[0]
    if colon and not verbs:
        candidates = [m for m in mentions if sentence.start <= m.start < quote.start
                      and _subject_like(text, tokens, m)]
        return None, (candidates[0] if candidates else None)
    verb = verbs[-1]
    organization = _organization_near(text, tokens, tokens.index(verb))
    if organization:
        return verb, organization
    after = [m for m in mentions if verb.end <= m.start < quote.start]
    return verb, (after[0] if after else None)


def _subject_like(text: str, tokens: list[Token], mention: Mention) -> bool:
    """Not the object of a preposition or a verb, and not a possessive."""
    if text[mention.end : mention.end + 2] in ("’s", "'s"):
        return False
    previous = [t for t in tokens if t.end <= mention.start]
    if not previous:
        return True
    word = previous[-1]
    if text[word.end : mention.start].strip():
        return _apposition_of_subject(tokens, len(previous) - 1)
    lower = word.lower
    if lower in PREPOSITIONS:
        return False
    return not (word.text.islower() and lower not in TITLES and lower not in DEFINITE
                and re.search(r"(?:ing|ed|ado|ido|ando|iendo|ar|er|ir)$", lower))


def _apposition_of_subject(tokens: list[Token], comma_at: int) -> bool:
    """After a comma the name is a new clause's subject, or stands in apposition to the
    role phrase before the comma: then that phrase decides ("con el mandatario
    venezolano, Nicolás Maduro" is an object; "El presidente de Colombia, Gustavo
    Petro" the subject)."""
    index, heads = comma_at, 0
    while index >= 0 and (tokens[index].lower in TITLES or tokens[index].lower in DEFINITE
                          or country_of(tokens[index].text)):
        heads += tokens[index].lower in TITLES
        index -= 1
    if not heads or index < 0:
        return True
    return tokens[index].lower not in PREPOSITIONS


def _organization_near(text: str, tokens: list[Token], verb_index: int) -> str | None:
    """"the State Department said", "the Department of State announced", "la Cancillería
    señaló": an organisation as the subject just before the verb."""
    run: list[Token] = []
    index = verb_index - 1
    while index >= 0:
        token = tokens[index]
        joined = not run or text[token.end : run[0].start] == " "
        connector = token.lower in ("of", "de", "del", "for") and run
        if joined and (token.is_capitalized or connector):
            run.insert(0, token)
            index -= 1
        else:
            break
    while run and (key(run[0].text) in ("the", "el", "la", "los", "las")
                   or not run[0].is_capitalized):
        run.pop(0)
    if run and any(key(t.text) in ORGANIZATION_WORDS or (t.text.isupper() and len(t.text) > 1)
                   for t in run):
        return text[run[0].start : run[-1].end]
    return None


def _through_channel(text: str, verb: Token, mention: Mention) -> bool:
    return verb.lower in TOLD_CHANNEL and text[mention.start : mention.end].lower() in (
        CHANNEL_WORDS)


def _according_to(text: str, mentions: list[Mention], channel: str) -> Mention | None:
    lowered = text.lower()
    for phrase in ATTRIBUTION_PHRASES:
        for mention in mentions:
            lead = lowered[max(0, mention.start - len(phrase) - 1) : mention.start].strip()
            if lead == phrase and text[mention.start : mention.end] != channel:
                return mention
    return None


_CHANNEL = re.compile(
    r"(?:according\s+to|quoted\s+by|told|in\s+an\s+interview\s+with|según|citad[oa]\s+por|"
    r"dijo\s+a|declaró\s+a|en\s+declaraciones\s+a|en\s+una\s+entrevista\s+con|informó)\s+"
    r"(?:the\s+|la\s+|el\s+)?((?:[a-záéíóúñ-]+\s+){0,3}?)"
    r"((?:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,3})", re.UNICODE)


def _channel(text: str, sentence: Sentence) -> str:
    """"according to EFE", "quoted by the state broadcaster IRIB", "told Reuters",
    "en una entrevista con la emisora Caracol Radio": the outlet the words came through."""
    for match in _CHANNEL.finditer(text, sentence.start, sentence.end):
        name = match.group(2)
        if not re.fullmatch(r"(?:[A-Z]\.)+", name):
            name = name.rstrip(".")
        described = match.group(1).strip()
        words = {key(w) for w in (described + " " + name).split()}
        if words & CHANNEL_WORDS or name.isupper():
            return name
    return ""


def _antecedent(sentences: list[Sentence], sentence: Sentence, cast: Cast,
                earlier: list[QuoteFound], gender: str, continuing: bool) -> int | None:
    """Whom a pronoun, a verb without a subject or a quotation on its own refers to: going
    back sentence by sentence, a quotation's speaker (when the words go on from it) or
    the first person a sentence names (its subject, most likely)."""
    spoken = {q.sentence: q.speaker for q in earlier if q.speaker is not None}
    for index in range(sentence.index - 1, max(sentence.index - 4, -1), -1):
        if continuing and index in spoken and _gender_fits(cast, spoken[index], gender):
            return spoken[index]
        candidates = [m for m in cast.in_sentence(index)
                      if m.kind != "pronoun" and m.person is not None
                      and not any(q.start <= m.start < q.end for q in sentences[index].quotes)
                      and _gender_fits(cast, m.person, gender)]
        if candidates:
            return candidates[0].person
        if index in spoken and _gender_fits(cast, spoken[index], gender):
            return spoken[index]
    return None


def _gender_fits(cast: Cast, person: int, gender: str) -> bool:
    known = cast.people[person].gender
    return not gender or not known or known == gender
