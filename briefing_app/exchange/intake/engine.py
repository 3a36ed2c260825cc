"""From an article to proposals: the steps of extraction in order, over one text.

Reads the fact base (people, tags, sources, the duplicate finder) and never writes to it.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from typing import Any

from briefing_app.core import dates as partial_dates

from .dating import find_dates
from .facts import statements
from .language import detect_language
from .metadata import read_head
from .people import Cast, find_people
from .proposals import Extraction, ItemProposal, PersonProposal, SourceProposal
from .quotes import QuoteFound, find_quotes
from .reading import ArticleText
from .sentences import Sentence, paragraphs, sentences
from .tags import TagMatcher

UNDATED_NOTICE = ("no publication date was given or found, so {count} relative date(s) "
                  "(\"on Tuesday\", \"in September\") were left undated; give one with "
                  "--published")


def new_id() -> str:
    """A new record id, like the app's own (a uuid4 in hex)."""
    return uuid.uuid4().hex


def extract(article: ArticleText, *, store: Any = None, outlet: str = "", url: str = "",
            published: str = "", title: str = "", language: str = "") -> Extraction:
    """Proposals for ``article``. Options win over what the file and the text say;
    ``store`` (a fact base, read only) links known people and sources and drops items it
    already holds. Raises ``DateError`` for a bad ``published``."""
    text = article.text
    language = language or detect_language(text)
    paras = paragraphs(text)
    sents = sentences(text)
    head = read_head(text, paras, language)
    published = (partial_dates.normalize(published) or article.published or head.published)
    base = _base_date(published)
    known_people = store.list_people() if store is not None else []
    cast = find_people(text, sents, language, known_people)
    people = _person_proposals(cast)
    source = _source(store, outlet or article.outlet or head.outlet or article.name or "Article",
                     title or article.title or head.title, url or article.url, published)
    extraction = Extraction(text=text, language=language, source=source, people=people)
    quotes = find_quotes(text, sents, cast)
    extraction.items.extend(_quote_proposals(text, sents, quotes, cast, extraction, store,
                                             language, base, head.byline_spans))
    quoted = {q.sentence for q in quotes}
    for statement in statements(text, sents, quoted, head.byline_spans, language, base):
        extraction.items.append(ItemProposal(
            id=new_id(), kind=statement.kind, text=statement.text,
            span=(statement.start, statement.end), date=statement.date,
            people=_people_in(cast, people, statement.start, statement.end),
            accepted=statement.kind == "event", date_span=statement.date_span,
            undated=statement.undated, relative_date=statement.relative,
        ))
    _drop_known(extraction, store)
    _suggest_tags(extraction, store)
    _keep_used_people(extraction)
    _count_undated(extraction)
    return extraction


def redate(extraction: Extraction, published: str) -> None:
    """Count the proposals' relative dates again from ``published`` (the staffer typed
    the publication date the article did not give). Dates the staffer set are kept."""
    published = partial_dates.normalize(published)
    base = _base_date(published)
    text, language = extraction.text, extraction.language
    sents = sentences(text)
    for item in extraction.items:
        if item.date_span is None or not item.relative_date:
            continue
        sentence = next((s for s in sents if s.start <= item.date_span[0] < s.end), None)
        if sentence is None:
            continue
        for mention in find_dates(text, sentence.start, sentence.end, language, base):
            if mention.start == item.date_span[0]:
                item.date = mention.date
                item.undated = not mention.date
    extraction.source.published = published
    _count_undated(extraction)


def _count_undated(extraction: Extraction) -> None:
    extraction.undated = sum(1 for item in extraction.items if item.undated)
    extraction.notices = [n for n in extraction.notices if not n.startswith("no publication")]
    if extraction.undated:
        extraction.notices.append(UNDATED_NOTICE.format(count=extraction.undated))


def _base_date(published: str) -> _dt.date | None:
    """The day relative dates count from; a month or a year is not enough."""
    if not published:
        return None
    value = partial_dates.parse(published)
    return value.first_day() if value.day is not None else None


def _person_proposals(cast: Cast) -> list[PersonProposal]:
    proposals = []
    for index, person in enumerate(cast.people):
        spans = [(m.start, m.end) for m in cast.mentions if m.person == index]
        existing = person.existing
        proposals.append(PersonProposal(
            id=existing.id if existing else new_id(), name=person.name, role=person.role,
            organization=person.organization, country=person.country, existing=existing,
            spans=spans,
        ))
    return proposals


def _source(store: Any, outlet: str, title: str, url: str, published: str) -> SourceProposal:
    """The article's source; the fact base's own record when it already has this article
    (same URL, or same outlet and title) or this outlet with no article named."""
    proposal = SourceProposal(new_id(), outlet.strip(), title.strip(), url.strip(), published)
    if store is None:
        return proposal
    existing = store.find_source_by_url(url) if url else None
    if existing is None:
        for source in store.list_sources():
            same_outlet = source.outlet.casefold() == proposal.outlet.casefold()
            if same_outlet and (
                (title and source.title.casefold() == title.strip().casefold())
                or (not source.title and not source.url and not title and not url)
            ):
                existing = source
                break
    if existing is not None:
        proposal.id, proposal.existing = existing.id, existing
    return proposal


def _people_in(cast: Cast, people: list[PersonProposal], start: int, end: int) -> list[str]:
    ids: dict[str, None] = {}
    for mention in cast.mentions:
        if start <= mention.start < end and mention.person is not None:
            ids.setdefault(people[mention.person].id, None)
    return list(ids)


def _after_dateline(text: str, start: int, head_spans: tuple[tuple[int, int], ...]) -> int:
    """Where a sentence's news begins: after a dateline ("BOGOTÁ, 5 feb (EFE).-")."""
    for a, b in head_spans:
        if a <= start < b:
            start = b
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _quote_proposals(text: str, sents: list[Sentence], quotes: list[QuoteFound], cast: Cast,
                     extraction: Extraction, store: Any, language: str,
                     base: _dt.date | None,
                     head_spans: tuple[tuple[int, int], ...]) -> list[ItemProposal]:
    """A proposal per quotation; a date in its sentence that the quotation does not take
    (the day of a meeting it mentions) becomes an event of its own."""
    proposals = []
    dated: set[tuple[int, int]] = set()
    for quote in quotes:
        sentence = sents[quote.sentence]
        speaker = _speaker_id(quote, extraction, store)
        inside = [(p.start, p.end) for p in sentence.quotes]
        dates = [d for d in find_dates(text, sentence.start, sentence.end, language, base)
                 if not any(a <= d.start < b for a, b in inside)]
        date = _quote_date(quote, dates)
        people = ([speaker] if speaker else []) + [
            p for p in _people_in(cast, extraction.people, sentence.start, sentence.end)
            if p != speaker and not any(a <= s < b for a, b in inside
                                        for s, _ in extraction.person(p).spans
                                        if sentence.start <= s < sentence.end)
        ]
        speaker_span = None
        if quote.speaker is not None:
            spans = [s for s in extraction.people[quote.speaker].spans
                     if sentence.start <= s[0] < sentence.end]
            speaker_span = spans[0] if spans else None
        proposals.append(ItemProposal(
            id=new_id(), kind="quote", text=quote.text, span=(quote.start, quote.end),
            date=date.date if date else "", speaker=speaker,
            language=detect_language(quote.text, default=language),
            context=sentence.text_of(text), people=people,
            notes=f"Via {quote.channel}" if quote.channel else "",
            date_span=(date.start, date.end) if date else None, speaker_span=speaker_span,
            undated=bool(date and date.relative and not date.date),
            relative_date=bool(date and date.relative),
        ))
        for other in dates:
            if other is not date and (other.start, other.end) not in dated:
                dated.add((other.start, other.end))
                start = _after_dateline(text, sentence.start, head_spans)
                proposals.append(ItemProposal(
                    id=new_id(), kind="event", text=" ".join(text[start : sentence.end].split()),
                    span=(start, sentence.end), date=other.date,
                    people=_people_in(cast, extraction.people, start, sentence.end),
                    date_span=(other.start, other.end),
                    undated=other.relative and not other.date, relative_date=other.relative,
                ))
        if date is not None:
            dated.add((date.start, date.end))
    return proposals


def _quote_date(quote: QuoteFound, dates: list) -> Any:
    """The date the words were said: a day named next to the speech verb ("said on
    Tuesday", "dijo este martes", "hoy"), or another date right beside the verb."""
    anchor = quote.verb_at if quote.verb_at is not None else quote.start
    days = [d for d in dates if d.relative and not any(c.isdigit() for c in d.text)
            and (not d.date or len(d.date) == 10)]  # "on Tuesday", "hoy", "yesterday"
    near = [d for d in dates if abs(d.start - anchor) < 40]
    chosen = days or near
    return min(chosen, key=lambda d: abs(d.start - anchor)) if chosen else None


def _speaker_id(quote: QuoteFound, extraction: Extraction, store: Any) -> str | None:
    if quote.speaker is not None:
        return extraction.people[quote.speaker].id
    if not quote.organization:
        return None
    for person in extraction.people:
        if person.name.casefold() == quote.organization.casefold():
            return person.id
    existing = store.find_person_by_name(quote.organization) if store is not None else None
    person = PersonProposal(existing.id if existing else new_id(), quote.organization,
                            existing=existing)
    extraction.people.append(person)
    return person.id


def _drop_known(extraction: Extraction, store: Any) -> None:
    """Leave out what the fact base already holds (its duplicate finder decides)."""
    finder = getattr(store, "find_similar", None)
    if finder is None:
        return
    kept = []
    for item in extraction.items:
        texts = [item.text] if item.kind != "quote" else [item.context] + (
            [item.text] if len(item.text.split()) >= 6 else [])
        if any(finder(t, limit=1) for t in texts if t):
            extraction.duplicates += 1
        else:
            kept.append(item)
    extraction.items = kept


def _suggest_tags(extraction: Extraction, store: Any) -> None:
    if store is None:
        return
    matcher = TagMatcher(store.tag_names())
    for item in extraction.items:
        item.tags = matcher.suggest(item.context if item.kind == "quote" else item.text)


def _keep_used_people(extraction: Extraction) -> None:
    """Every person the article names stays proposed (the staffer may want them), but
    their order follows the article."""
    extraction.people.sort(key=lambda p: p.spans[0][0] if p.spans else len(extraction.text))
