"""Actors: who an entity stands for, as a canonical name and a CAMEO-style actor code.

A country has one canonical name whatever the article calls it ("Russia", "Russian
Federation", "the Russian Federation" -> "Russia"), and so does it when the article makes a
capital or a seat of power act or speak for it (metonymy: "Moscow denied", "the Kremlin
said", "Pyongyang fired" -> "Russia", "Russia", "North Korea"). A capital named as a place
("talks in Moscow") stays the city. Seats that news treats as an institution with a voice of
its own ("the White House said", "Downing Street said") keep their name as an entity and get
the government's code.

Actor codes are country + role: the country from a maintained library (pycountry: names and
ISO 3166 codes; its subdivisions give "of Illinois" its country) and from our own demonym
table where pycountry has none ("Russian", "Catalan"); the role from our lexicon (`roles`).
A person's code is computed once from everything the article says of them (their titles and
appositions, their nationality), so every mention of that person carries it. A known head of
state or government without a title in the text gets their office's country (`offices`).

Corrections made here, as they need the place tables: an organisation whose name is a
country, a region or a capital is a place ("Crimea" ORG -> GPE); and "<demonym> <institution>"
("the Spanish police", "the Russian government") is one organisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from newsloom.analyse.gazetteer import fold
from newsloom.analyse.lexicon import ROLE_WORDS, TITLE_ABBREVIATIONS, words
from newsloom.analyse.offices import LEADERS, OFFICEHOLDERS, OFFICES, seat_name
from newsloom.analyse.parse import Parse, head_of
from newsloom.analyse.phoenix import phoenix_body
from newsloom.analyse.roles import (
    INSTITUTION_HEADS,
    NATIONAL_ROLES,
    igo_code,
    igo_in,
    role_of,
)
from newsloom.article import Entity
from newsloom.deadline import untimed

#: Demonyms, short names and spellings pycountry does not know (lower case, dots removed).
COUNTRY_ALIASES: dict[str, str] = {
    "russia": "RUS", "russian": "RUS", "russians": "RUS",
    "us": "USA", "usa": "USA", "america": "USA", "american": "USA", "americans": "USA",
    "united states of america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "british": "GBR",
    "briton": "GBR", "britons": "GBR", "england": "GBR", "english": "GBR",
    "scotland": "GBR", "scottish": "GBR", "wales": "GBR", "welsh": "GBR",
    "french": "FRA", "german": "DEU", "germans": "DEU", "chinese": "CHN", "prc": "CHN",
    "japanese": "JPN", "north korean": "PRK", "north koreans": "PRK", "dprk": "PRK",
    "south korean": "KOR", "south koreans": "KOR", "iranian": "IRN", "iranians": "IRN",
    "syrian": "SYR", "syrians": "SYR", "ukrainian": "UKR", "ukrainians": "UKR",
    "spanish": "ESP", "spaniard": "ESP", "spaniards": "ESP", "catalan": "ESP",
    "catalans": "ESP", "basque": "ESP", "italian": "ITA", "italians": "ITA",
    "canadian": "CAN", "canadians": "CAN", "israeli": "ISR", "israelis": "ISR",
    "palestinian": "PSE", "palestinians": "PSE", "turkish": "TUR", "turkey": "TUR",
    "turks": "TUR", "saudi": "SAU", "iraqi": "IRQ", "iraqis": "IRQ", "afghan": "AFG",
    "pakistani": "PAK", "indian": "IND", "mexican": "MEX", "brazilian": "BRA",
    "australian": "AUS", "dutch": "NLD", "holland": "NLD", "swiss": "CHE", "polish": "POL",
    "greek": "GRC", "irish": "IRL", "finnish": "FIN", "finn": "FIN", "swedish": "SWE",
    "norwegian": "NOR", "danish": "DNK", "belgian": "BEL", "austrian": "AUT",
    "egyptian": "EGY", "qatari": "QAT", "emirati": "ARE", "uae": "ARE", "filipino": "PHL",
    "vietnam": "VNM", "vietnamese": "VNM", "cuban": "CUB", "venezuelan": "VEN",
    "libyan": "LBY", "lebanese": "LBN", "jordanian": "JOR", "yemeni": "YEM",
    "czech republic": "CZE", "ivory coast": "CIV", "burma": "MMR", "kenyan": "KEN",
    "nigerian": "NGA", "ethiopian": "ETH", "portuguese": "PRT", "hungarian": "HUN",
    "romanian": "ROU", "belarusian": "BLR", "georgian": "GEO", "cypriot": "CYP",
}  # fmt: skip

#: Names newsloom prints for countries whose pycountry name is not the one news uses.
DISPLAY_NAMES: dict[str, str] = {"RUS": "Russia", "VEN": "Venezuela", "TZA": "Tanzania"}

#: Capitals that news makes act for their country ("Moscow denied"): our own table.
CAPITALS: dict[str, str] = {
    "moscow": "RUS", "washington": "USA", "pyongyang": "PRK", "seoul": "KOR",
    "beijing": "CHN", "tokyo": "JPN", "london": "GBR", "paris": "FRA", "berlin": "DEU",
    "madrid": "ESP", "rome": "ITA", "tehran": "IRN", "damascus": "SYR", "kiev": "UKR",
    "kyiv": "UKR", "ankara": "TUR", "ottawa": "CAN", "riyadh": "SAU", "baghdad": "IRQ",
    "kabul": "AFG", "islamabad": "PAK", "new delhi": "IND", "havana": "CUB",
    "caracas": "VEN", "minsk": "BLR", "warsaw": "POL", "canberra": "AUS", "cairo": "EGY",
}  # fmt: skip

#: A capital that acts for an international body rather than a country.
IGO_SEATS: dict[str, tuple[str, str]] = {"brussels": ("European Union", "IGOEUREEC")}

#: Regions news names that pycountry's subdivisions spell otherwise (our own table).
REGIONS: dict[str, str] = {
    "crimea": "UKR", "catalonia": "ESP", "donbas": "UKR", "donbass": "UKR", "gaza": "PSE",
    "west bank": "PSE", "kurdistan": "IRQ", "tibet": "CHN", "xinjiang": "CHN",
}  # fmt: skip

#: Seats of power that speak as institutions of their own; the others stand for the country.
INSTITUTION_SEATS = frozenset({"White House", "Downing Street", "Élysée Palace"})

_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    parts = text.lower().replace(".", "").replace("’", "'").split()
    if parts and parts[0] == "the":
        parts = parts[1:]
    name = " ".join(parts)
    return name.removesuffix("'s").removesuffix("'").strip()


@lru_cache(maxsize=1)
@untimed
def _country_names() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                table[_key(name)] = c.alpha_3
    return table


#: words of the compass: a name made of them alone ("West", "Far North") names a part of the
#: world in news, though some countries call provinces so (Cameroon's West)
_COMPASS = words(
    """
    north south east west middle far near central northern southern eastern western centre
    center
    """
)


@lru_cache(maxsize=1)
@untimed
def _subdivisions() -> dict[str, str]:
    import pycountry

    table: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        if not set(_key(s.name).split()) <= _COMPASS:
            table.setdefault(_key(s.name), set()).add(s.country_code)
    out = {}
    for name, codes in table.items():
        if len(codes) == 1:
            country = pycountry.countries.get(alpha_2=codes.pop())
            if country is not None:
                out[name] = country.alpha_3
    return out


def country_code(text: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country's name, short name or demonym."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    key = _key(text)
    if not key:
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if key in _country_names():
        return _country_names()[key]
    bare = text.replace(".", "").strip()
    if bare.isupper() and len(bare) == 3:
        import pycountry

        found = pycountry.countries.get(alpha_3=bare)
        return found.alpha_3 if found is not None else None
    return None


def country_name(code: str) -> str:
    """The name newsloom gives a country ("RUS" -> "Russia", "USA" -> "United States")."""
    import pycountry

    if code in DISPLAY_NAMES:
        return DISPLAY_NAMES[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


#: Code prefixes of actors that belong to no country (CAMEO's IGO, NGO and IMG).
_STATELESS = ("IGO", "NGO", "IMG")


def code_country(code: str | None) -> str | None:
    """The country part of a CAMEO-style actor code ("USAGOV" -> "USA"); None for none and
    for an international body, an NGO or an international militant group ("IGOUNO",
    "NGOHRIAMN", "IMGMUSALQ"), which have no country."""
    if not code or len(code) < 3 or not code[:3].isalpha() or code.startswith(_STATELESS):
        return None
    return code[:3].upper()


@lru_cache(maxsize=65536)
def place_country(text: str) -> str | None:
    """The country a place belongs to: a country itself, a region, a state, or a capital.
    (Cached: the same phrases come back in every article.)"""
    key = _key(text)
    return country_code(text) or REGIONS.get(key) or CAPITALS.get(key) or _subdivisions().get(key)


#: Words that name a region of many countries, never one on its own.
_DIRECTIONS = words(
    """
    north south east west central northern southern eastern western centre center capital
    coast
    """
)


def _country_in(tokens: Iterable[str]) -> str | None:
    """A country named by two of the words ("north", "korean", in either order: title
    words come as sets) or by one (a name, a demonym, a region or a state)."""
    ws = [w.lower().replace(".", "") for w in tokens if w]
    for a in ws:
        for b in ws:
            if a != b and (code := country_code(f"{a} {b}")):
                return code
    for w in ws:
        if w in _DIRECTIONS:
            continue
        code = country_code(w) or REGIONS.get(w) or _subdivisions().get(w)
        if code:
            return code
    return None


@lru_cache(maxsize=1)
@untimed
def _officeholders() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], set[str]] = {}
    for name, country, _, _ in _holder_rows():
        out.setdefault(_holder_key(name), set()).add(country)
    return {k: v.pop() for k, v in out.items() if len(v) == 1}


@lru_cache(maxsize=1)
@untimed
def _holder_rows() -> tuple[tuple[str, str, int, int | None], ...]:
    """(name, country, first year, last year) of every head of state or government known."""
    rows = [(name, OFFICES[seat].country, a, b) for name, seat, a, b in OFFICEHOLDERS]
    return tuple(rows + list(LEADERS))


def _holder_key(name: str) -> tuple[str, ...]:
    """A leader's name as a key: accents, hyphens and case do not matter ("Kim Jong-un",
    "Recep Tayyip Erdoğan")."""
    return tuple(fold(name).split())


#: Countries whose leaders' names put the family name first ("Xi Jinping", "Moon Jae-in").
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "VNM"})


def _surname(key: tuple[str, ...], country: str) -> str:
    """The word a leader is called by alone: "Macron", but "Xi" and "Moon"."""
    return key[0] if country in FAMILY_NAME_FIRST else key[-1]


#: Title words of a head of state or government.
_HEAD_TITLES = frozenset({"president", "premier", "prime", "chancellor", "leader"})


def officeholder_country(
    name: str, titles: Iterable[str] = (), year: int | None = None
) -> str | None:
    """The country a well-known head of state or government served: by full name, or by
    surname alone ("Macron", "Mr Macron") when one holder has that surname and the text gives
    them a head's title ("President Trump") or the article's year falls in their term (a
    "Mr Brown" in a 2018 story is not Gordon Brown)."""
    key = _holder_key(name)
    holders = _officeholders()
    if key in holders:
        return holders[key]
    if len(key) != 1:
        return None
    if _HEAD_TITLES & set(titles):
        found = {c for k, c in holders.items() if _surname(k, c) == key[0]}
    elif year is not None:
        found = {
            c
            for n, c, first, last in _holder_rows()
            if _surname(_holder_key(n), c) == key[0] and first <= year <= (last or 9999)
        }
    else:
        return None
    return found.pop() if len(found) == 1 else None


def title_words(items: Iterable[str]) -> list[str]:
    """Title words with abbreviations spelled out ("sen." -> "senator")."""
    out: list[str] = []
    for w in items:
        out.extend(TITLE_ABBREVIATIONS.get(w, (w.rstrip("."),)))
    return out


def is_acting(parse: Parse, first: int, stop: int) -> bool:
    """The span acts or speaks: a subject ("Moscow denied"), the agent of a passive ("was
    rejected by Moscow"), a possessor of an act ("Moscow's meddling"), or joined to one."""
    i = head_of(parse, first, stop)
    seen = 0
    while seen < 3:
        t = parse.tokens[i]
        if t.dep in _ACTING_DEPS or t.dep == "poss":
            return True
        if t.dep == "pobj" and parse.tokens[t.head].dep == "agent":
            return True
        if t.dep != "conj" or t.head == i:
            return False
        i = t.head
        seen += 1
    return False


def _tokens(parse: Parse, e: Entity) -> tuple[int, int] | None:
    span = parse.tokens_in(e.start, e.end)
    if len(span) == 0:
        return None
    return span.start, span.stop


def _merge_institutions(parse: Parse, entities: list[Entity]) -> list[Entity]:
    """A country or demonym right before an institution makes one organisation: before an
    institution noun the model left untagged ("the Spanish police", "Russian government"),
    or before an organisation it tagged alone ("Spanish" + "Senate", "U.S." + "Justice
    Department")."""
    by_start = {e.start: n for n, e in enumerate(entities)}
    out: list[Entity] = []
    skip: set[int] = set()
    for n, e in enumerate(entities):
        if n in skip:
            continue
        span = _tokens(parse, e)
        if (
            e.label not in ("NORP", "GPE", "ORG")
            or span is None
            or span[1] >= len(parse.tokens)
            or country_code(e.text) is None
        ):
            out.append(e)
            continue
        nxt = parse.tokens[span[1]]
        follower = by_start.get(nxt.start)
        if follower is None and nxt.lower in INSTITUTION_HEADS and nxt.text.isalpha():
            text = parse.text[e.start : nxt.end]
            out.append(Entity(text, e.start, nxt.end, "ORG", text, None))
            continue
        if follower is not None and entities[follower].label == "ORG":
            org = entities[follower]
            last = org.text.split()[-1].lower() if org.text.split() else ""
            if (last in INSTITUTION_HEADS or last in _INSTITUTION_WORDS) and not country_code(
                org.text.split()[0]
            ):
                text = parse.text[e.start : org.end]
                out.append(Entity(text, e.start, org.end, "ORG", canonical_text(text), None))
                skip.add(follower)
                continue
        out.append(e)
    return out


#: Last words of an organisation's name that make it a country's institution.
_INSTITUTION_WORDS = frozenset(
    {
        "department",
        "office",
        "agency",
        "council",
        "service",
        "committee",
        "commission",
        "guard",
        "forces",
        "bureau",
    }
)


def canonical_text(text: str) -> str:
    """A name without a leading "the"."""
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() == "the":
        parts = parts[1:]
    return " ".join(parts)


def _person_code(
    titles: set[str], nationality: set[str], name: str, year: int | None = None
) -> tuple[str, str]:
    """(country, role) of one person, from their titles and nationality words."""
    # what we know of a head of state or government outweighs country words near the name
    # ("Trump associates' interactions with Russia")
    holder = officeholder_country(name, titles, year)
    country = holder or _country_in(sorted(nationality)) or _country_in(sorted(titles)) or ""
    role = role_of(titles) or ""
    if holder and not role:
        role = "GOV"
    return country, role


#: Titles of a country's representative at an international body ("UN Ambassador").
_REPRESENTATIVES = frozenset({"ambassador", "envoy", "representative", "delegate"})


def _is_role_word(word: str) -> bool:
    return word in ROLE_WORDS or role_of([word]) is not None


def left_title(parse: Parse, first: int) -> list[str]:
    """The words of a title written before a name, prepositions included ("U.S. Secretary
    of State Rex Tillerson" -> "u.s.", "secretary", "of", "state"): the people index keeps
    the words glued to the name only."""
    out: list[str] = []
    i = first - 1
    sent = parse.tokens[first].sent
    while i >= 0 and len(out) < 6:
        t = parse.tokens[i]
        if t.sent != sent or t.ent == "PERSON":
            break
        word = t.text.replace(".", "").replace("-", "")
        if t.pos in ("PROPN", "NOUN", "ADJ") and word.isalpha():
            out.append(t.lower)
        elif t.lower == "of" and out and i > 0 and _is_role_word(parse.tokens[i - 1].lower):
            # "Secretary of State", not "the visit to Britain of President X"
            out.append("of")
        else:
            break
        i -= 1
    out.reverse()
    return out


def person_codes(
    people: object, extra: dict[int, set[str]] | None = None, year: int | None = None
) -> dict[int, str | None]:
    """Actor code by person (id of the `Person`).

    A person whose title names an international body serves it ("UN Secretary-General" ->
    IGOUNO), unless the title makes them a country's representative there ("United Nations
    Ambassador Nikki Haley"): then, when the text does not say which country, the article's
    own country (the one most of its coded officials serve) is taken.
    """
    found: dict[int, tuple[str, str, str, bool]] = {}
    extra = extra or {}
    for p in getattr(people, "people", []):
        titles = set(p.titles) | extra.get(id(p), set())
        country, role = _person_code(titles, p.nationality, p.canonical, year)
        igo = igo_in(sorted(titles)) or ""
        found[id(p)] = (country, role, igo, bool(titles & _REPRESENTATIVES))
    home = Counter(c for c, r, _, _ in found.values() if c and r in NATIONAL_ROLES)
    main = home.most_common(1)[0][0] if home else ""
    codes: dict[int, str | None] = {}
    for pid, (country, role, igo, representative) in found.items():
        if igo and not country:
            if not representative:
                codes[pid] = igo
                continue
            country, role = main, "GOV"
        elif representative and not country:
            # "Ambassador Sir Tim Barrow" in a British story: the story's own envoy
            country, role = main, "GOV"
        codes[pid] = (country + role) if country else None
    return codes


def resolve_actors(
    parse: Parse, entities: list[Entity], people: object, year: int | None = None
) -> list[Entity]:
    """Entities with canonical names for countries (and their metonyms) and actor codes."""
    entities = _merge_institutions(parse, entities)
    extra: dict[int, set[str]] = {}
    at = getattr(people, "at", None)
    for e in entities:
        span = _tokens(parse, e)
        if e.label == "PERSON" and span is not None and at is not None:
            person = at(head_of(parse, *span))
            if person is not None:
                extra.setdefault(id(person), set()).update(title_words(left_title(parse, span[0])))
    codes = person_codes(people, extra, year)
    out: list[Entity] = []
    for e in entities:
        span = _tokens(parse, e)
        if span is None:
            out.append(e)
            continue
        first, stop = span
        if e.label == "PERSON":
            person = at(head_of(parse, first, stop)) if at is not None else None
            code = codes.get(id(person)) if person is not None else None
            code = code or phoenix_body(e.canonical)  # an armed group's leader
            out.append(Entity(e.text, e.start, e.end, e.label, e.canonical, code))
            continue
        out.append(_resolve_other(parse, e, first, stop))
    return out


def _resolve_other(parse: Parse, e: Entity, first: int, stop: int) -> Entity:
    name = e.canonical or e.text
    key = _key(name)
    seat = seat_name(name)
    if seat is not None:
        country = OFFICES[seat].country
        if seat in INSTITUTION_SEATS:
            return Entity(e.text, e.start, e.end, "ORG", seat, country + "GOV")
        return Entity(e.text, e.start, e.end, "ORG", country_name(country), country + "GOV")
    igo = igo_code(name)
    if igo is not None and e.label in ("ORG", "GPE", "NORP", "LOC"):
        return Entity(e.text, e.start, e.end, "ORG", e.canonical, igo)
    if e.label not in _PLACE_LABELS:
        return e
    country = country_code(name)
    if country is not None and e.label != "NORP":
        label = "GPE" if e.label in ("ORG", "FAC", "LOC") else e.label
        return Entity(e.text, e.start, e.end, label, country_name(country), country)
    if country is not None:  # a demonym: the country when it acts ("the Russians said")
        canonical = country_name(country) if is_acting(parse, first, stop) else e.canonical
        return Entity(e.text, e.start, e.end, e.label, canonical, country)
    if key in IGO_SEATS and is_acting(parse, first, stop):
        body, code = IGO_SEATS[key]
        return Entity(e.text, e.start, e.end, "ORG", body, code)
    if key in CAPITALS:
        if is_acting(parse, first, stop):
            c = CAPITALS[key]
            return Entity(e.text, e.start, e.end, "GPE", country_name(c), c + "GOV")
        return Entity(e.text, e.start, e.end, "GPE" if e.label == "ORG" else e.label,
                      e.canonical, None)  # fmt: skip
    place = REGIONS.get(key) or _subdivisions().get(key)
    if place is not None and e.label in ("ORG", "FAC"):
        return Entity(e.text, e.start, e.end, "GPE", e.canonical, None)
    code = phoenix_body(name) if e.label in ("ORG", "NORP") else None
    if code is not None:  # "Amnesty International", "the Taliban", "al-Qaeda"
        return Entity(e.text, e.start, e.end, e.label, e.canonical, code)
    if e.label == "ORG":
        parts = [w.replace(".", "") for w in canonical_text(name).split()]
        country = None
        if len(parts) > 1:
            country = country_code(" ".join(parts[:2])) if len(parts) > 2 else None
            country = country or country_code(parts[0])
        role = role_of(parts)
        if country is not None:
            return Entity(e.text, e.start, e.end, e.label, e.canonical, country + (role or ""))
    return e
