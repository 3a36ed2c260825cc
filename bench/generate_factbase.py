"""Make a realistic, reproducible fact base of N items for benchmarks and manual testing.

People with accented names, outlets and articles, tags, and facts, quotes and events whose
words follow a Zipf-like law (a few words such as "colombia" are in a large share of the
items, most are rare), in Spanish and English. Everything is written through the public
:class:`FactBase` API in one transaction, with items saved in large batches.

    python bench/generate_factbase.py out.sqlite --items 100000 --seed 1
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.core.model import Item, Person, Source  # noqa: E402
from briefing_app.store import FactBase  # noqa: E402


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _split(
    "Gustavo Francia Álvaro Iván Juan Luis María José Andrés Camila Sofía Valentina Sebastián "
    "Mateo Nicolás Daniela Ángela Héctor Óscar Raúl Inés Lucía Martín Ramón Begoña Jesús "
    "Marco Rubio Donald Kristi Antony Laura Michael Sarah David Emily Robert Julia Thomas"
)
LAST_NAMES = _split(
    "Petro Márquez Uribe Duque Santos Núñez Pérez Gómez Rodríguez Martínez Hernández López "
    "González Sánchez Ramírez Torres Díaz Vásquez Castaño Muñoz Ordóñez Benítez Peña Bolaños "
    "Leyva Murillo Quintero Restrepo Ocampo Zuluaga Trump Rubio Landau Smith Johnson Brown "
    "Miller Davis Wilson Moore Taylor Anderson Thompson White Harris Clark Lewis Walker"
)
ROLES = (
    "President", "Foreign Minister", "Ambassador", "Senator", "Minister of Defence",
    "Secretary of State", "Spokesperson", "Governor", "Mayor", "Analyst", "Journalist",
    "General", "Negotiator", "Trade Representative",
)
ORGANIZATIONS = (
    "Government of Colombia", "U.S. Department of State", "The White House", "Senado de "
    "Colombia", "Cancillería", "Ministerio de Defensa", "DEA", "OAS", "United Nations",
    "Fiscalía General", "Human Rights Watch", "ELN", "Clan del Golfo",
)
COUNTRIES = ("Colombia", "United States", "Venezuela", "Ecuador", "Mexico", "Spain", "Panama")
OUTLETS = (
    "EFE", "Reuters", "AP", "AFP", "El Tiempo", "Semana", "El Espectador", "El País",
    "Caracol Radio", "Blu Radio", "La Silla Vacía", "Bloomberg", "The New York Times",
    "The Washington Post", "Financial Times", "BBC Mundo", "CNN en Español", "Infobae",
    "El Colombiano", "Portafolio", "La República", "Cambio", "Noticias RCN", "W Radio",
    "Politico", "Axios", "The Economist", "Al Jazeera", "DW", "France 24",
)
TAGS = (
    "sanctions", "tariffs", "aranceles", "drug policy", "narcotráfico", "coca", "migration",
    "migración", "deportations", "visas", "security", "seguridad", "peace process", "ELN",
    "FARC dissidents", "Venezuela", "trade", "comercio", "energy", "oil", "coffee",
    "human rights", "derechos humanos", "extradition", "extradición", "elections",
    "elecciones", "military aid", "certification", "decertification", "Clan del Golfo",
    "border", "frontera", "diplomacy", "diplomacia", "summit", "cumbre", "climate",
    "Amazonía", "indigenous rights", "corruption", "corrupción", "economy", "economía",
    "remittances", "OAS", "UN", "press", "social media", "X posts",
)
CITIES = (
    "Bogotá", "Washington", "Medellín", "Cali", "Cartagena", "Barranquilla", "Bucaramanga",
    "Cúcuta", "Pasto", "Popayán", "Santa Marta", "Nueva York", "Miami", "Caracas", "Quito",
    "Ciudad de Panamá", "Madrid", "Bruselas", "Ginebra", "Mar-a-Lago",
)
COMMON_WORDS = _split(
    "colombia president petro trump government united states meeting said would the new "
    "sanciones gobierno presidente reunión dijo estados unidos relación acuerdo semana "
    "security policy drug trade talks visit official statement minister washington bogotá "
    "cancillería embajada decisión anuncio política seguridad drogas comercio aranceles "
    "migrants deportation flights military aid cooperation tension crisis call phone "
    "white house senate congress court election campaign opposition support criticism "
    "narcotráfico cocaína cultivos erradicación frontera venezuela maduro ecuador noboa "
    "petróleo energía café exportaciones importaciones inversión economía mercado peso "
    "dólar inflación crecimiento empleo reforma pensiones salud educación paz diálogo "
    "negociación grupo armado violencia homicidios líder social derechos humanos víctimas "
    "according reported announced confirmed denied rejected demanded warned threatened "
    "agreed signed met spoke posted wrote insisted described called accused praised "
    "también según además después antes durante mientras aunque porque sobre contra entre "
    "hacia desde hasta sin bajo ante tras mediante según también muy más menos mucho poco "
    "año mes día hoy ayer mañana semana próxima pasado primer segundo último nuevo viejo"
)
SYLLABLES = _split(
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga go gu la le li lo lu ma me "
    "mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va "
    "ve vi za zo ción ría dad mente ñi ña gua güe llo lla rra rro tá té tí tó tú"
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = list(dict.fromkeys(COMMON_WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _zipf_cumulative(n: int, exponent: float = 1.05) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _date(rng: random.Random) -> str:
    year = rng.choices((2022, 2023, 2024, 2025, 2026), weights=(1, 2, 3, 6, 4))[0]
    precision = rng.random()
    if precision < 0.03:
        return ""
    if precision < 0.08:
        return str(year)
    month = rng.randint(1, 12 if year < 2026 else 2)
    if precision < 0.25:
        return f"{year}-{month:02d}"
    day = rng.randint(1, 28)
    if precision < 0.95:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}-{day:02d}T{rng.randint(7, 20):02d}:{rng.choice((0, 30)):02d}"


def _people(rng: random.Random, n: int) -> list[Person]:
    people, names = [], set()
    while len(people) < n:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if rng.random() < 0.5:
            name += f" {rng.choice(LAST_NAMES)}"
        if name in names:
            continue
        names.add(name)
        people.append(Person(
            id=_uuid(rng), name=name, role=rng.choice(ROLES),
            organization=rng.choice(ORGANIZATIONS), country=rng.choice(COUNTRIES),
        ))
    return people


def _sources(rng: random.Random, n: int, words: list[str], cum: list[float]) -> list[Source]:
    sources = []
    for _ in range(n):
        outlet = rng.choice(OUTLETS)
        title = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(5, 10))).capitalize()
        slug = "-".join(title.lower().split()[:5])
        published = _date(rng)
        sources.append(Source(
            id=_uuid(rng), outlet=outlet, title=title, published=published,
            url=f"https://www.{outlet.lower().replace(' ', '')}.example/{slug}-{len(sources)}",
            accessed=published,
        ))
    return sources


def _items(rng, n, words, cum, people, sources):
    kinds = rng.choices(("fact", "quote", "event"), weights=(70, 20, 10), k=n)
    for kind in kinds:
        text = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(12, 60)))
        item = Item(
            id=_uuid(rng), kind=kind, text=text[0].upper() + text[1:] + ".",
            title=" ".join(rng.choices(words, cum_weights=cum, k=rng.randint(3, 8))).title()
            if rng.random() < 0.6 else "",
            date=_date(rng),
            tags=rng.sample(TAGS, rng.choices((0, 1, 2, 3, 4), weights=(1, 4, 4, 2, 1))[0]),
            people=[p.id for p in rng.sample(people, rng.choices((0, 1, 2, 3), (3, 4, 2, 1))[0])],
            source=rng.choice(sources).id if rng.random() < 0.7 else None,
            status=rng.choices(("unverified", "verified", "disputed"), (5, 4, 1))[0],
            marking=rng.choices(("", "U", "CUI"), (6, 3, 1))[0],
            notes=" ".join(rng.choices(words, cum_weights=cum, k=8)) if rng.random() < 0.1
            else "",
        )
        if kind == "quote":
            item.speaker = rng.choice(people).id
            item.language = rng.choice(("es", "en"))
            if item.language == "es":
                item.translation = " ".join(rng.choices(words[:150], k=rng.randint(10, 30)))
            item.context = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(5, 15)))
        elif kind == "event":
            item.location = rng.choice(CITIES)
            if item.date and rng.random() < 0.3:
                item.end_date = item.date
        yield item


def generate(path: str | Path, n_items: int = 100_000, seed: int = 1, batch: int = 5000) -> dict:
    """Create the fact base at ``path`` (which must not exist) and fill it.

    Returns timings in seconds: ``generate`` (making the records in Python) and ``insert``
    (writing them, index included). The file is as the app's own import leaves it: its
    search index is not optimised by hand (an optimised index made searches look faster
    than a staffer's imported fact base had them).
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; choose a new file")
    rng = random.Random(seed)
    started = time.perf_counter()
    words = _vocabulary(rng, 20_000)
    cum = _zipf_cumulative(len(words))
    people = _people(rng, max(20, min(3000, n_items // 30)))
    sources = _sources(rng, max(10, min(5000, n_items // 20)), words, cum)
    records = list(_items(rng, n_items, words, cum, people, sources))
    made = time.perf_counter()
    with FactBase.open(path) as fb:
        with fb.writing_many():
            fb.save_people(people)
            fb.save_sources(sources)
            for start in range(0, len(records), batch):
                fb.save_items(records[start : start + batch])
        inserted = time.perf_counter()
    return {
        "generate": made - started,
        "insert": inserted - made,
        "people": len(people),
        "sources": len(sources),
        "items": len(records),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    figures = generate(args.path, args.items, args.seed)
    print(
        f"{figures['items']} items, {figures['people']} people, {figures['sources']} sources: "
        f"made in {figures['generate']:.1f} s, inserted in {figures['insert']:.1f} s "
        f"-> {args.path}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
