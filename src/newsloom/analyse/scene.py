"""Where things happen: the country named by a phrase, a clause's place, an article's home.

Event coding needs a country for every actor, and news often leaves it unsaid:

* a phrase names it in its own words ("Spanish riot police", "the Trump administration's
  Washington", "the White House"): `country_of`, from the country tables of `actors`
  (pycountry names, demonyms, regions, capitals) and the seats of power in `offices`;
* an attack with no named attacker happened somewhere ("the attack on the town of Khan
  Sheikhoun killed 80"): `place_of` finds the place in the clause, and the GeoNames cities
  (`gazetteer`) place towns the country tables do not know;
* the home institutions of a story go unqualified ("Police fired rubber bullets", "members of
  Congress", "the Justice Department", "opposition parties"): they belong to the country the
  story is set in, `home_country`, the country its dateline and its mentions point to most.

All three are pure functions of one article's parse and entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsloom.analyse.actors import code_country, country_code, place_country
from newsloom.analyse.gazetteer import city_country
from newsloom.analyse.lexicon import words
from newsloom.analyse.offices import OFFICES, seat_name
from newsloom.analyse.parse import Parse
from newsloom.article import Entity

__all__ = ["country_of", "dateline_country", "home_country", "place_code", "place_of"]

#: Entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Nouns that introduce a place's name ("the town of ...").
PLACE_NOUNS = words("town city village province region district county state capital suburb port")
#: How many times a dateline counts against one mention in the body.
DATELINE_WEIGHT = 3
#: How many times the home country's weight must exceed the next country's.
HOME_DOMINANCE = 1.5
#: Tokens at the start of an article where a dateline stands ("BARCELONA (Reuters) -").
_DATELINE_TOKENS = 6


def _words(text: str) -> list[str]:
    low = text.lower().replace("’", "'").replace("'s ", " ").replace(",", " ")
    return [w for w in low.removesuffix("'s").split() if w != "the"]


@lru_cache(maxsize=65536)
def country_of(name: str | None, context: str = "") -> str | None:
    """The alpha-3 country a phrase names in its own words, or None.

    The whole phrase first ("Russian Federation", "the U.S."), then its word groups, longest
    first ("Spanish riot police", "the Trump administration's Washington"). A person's name
    names no country: that needs the text around it (`actors`).
    """
    for text in (name or "", context):
        ws = _words(text)
        for n in range(min(len(ws), 3), 0, -1):
            for k in range(len(ws) - n + 1):
                group = " ".join(ws[k : k + n])
                seat = seat_name(group)
                code = place_country(group) or (OFFICES[seat].country if seat else None)
                if code:
                    return code
    return None


def place_code(text: str) -> str | None:
    """The country of a place name: a country, region or capital, else a city (GeoNames)."""
    return place_country(text) or city_country(text)


def _entity_country(e: Entity) -> str | None:
    if e.label in PLACE_LABELS:
        return place_code(e.canonical or e.text)
    if e.label == "NORP":
        return country_code(e.text)
    return code_country(e.actor_code)


def home_country(parse: Parse, entities: Sequence[Entity]) -> str | None:
    """The country an article is set in: the one its dateline and mentions point to most.

    Each entity that places itself in a country counts once (a place, a nationality, an actor
    code); the dateline, a place at the very start of the text, counts `DATELINE_WEIGHT`
    times. The first country must outweigh the second `HOME_DOMINANCE` times, else the story
    is set between them and None is returned.
    """
    if not parse.tokens:
        return None
    dateline_end = parse.tokens[min(len(parse.tokens), _DATELINE_TOKENS) - 1].end
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for e in entities:
        code = _entity_country(e)
        if code is None:
            continue
        weight = DATELINE_WEIGHT if e.label in PLACE_LABELS and e.end <= dateline_end else 1
        counts[code] += weight
        first.setdefault(code, e.start)
    line = dateline_country(parse.text)
    if line is not None and not any(
        e.label in PLACE_LABELS and e.end <= dateline_end for e in entities
    ):
        # the tagger often misses an all-caps dateline ("BARCELONA (Reuters) -")
        counts[line] += DATELINE_WEIGHT
        first[line] = -1
    if not counts:
        return None
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    if len(ranked) > 1 and counts[ranked[0]] < HOME_DOMINANCE * counts[ranked[1]]:
        return None  # a story between two countries has no home to give its institutions
    return ranked[0]


#: A dateline: a place name opening the text, then an agency in brackets, a dash, a colon or
#: a comma ("BARCELONA (Reuters) -", "Madrid/Barcelona:", "WASHINGTON —").
_DATELINE = re.compile(r"\A\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:/[A-Z][A-Za-z .'-]+)?\s*[(,:–—-]")


def dateline_country(text: str) -> str | None:
    """The country of the place in a dateline at the start of `text`, if there is one."""
    m = _DATELINE.match(text[:80])
    if m is None:
        return None
    name = m.group(1).strip()
    mark = text[m.end() - 1]
    if name.isupper() or mark not in ",:":
        return place_code(name)
    # "Obama, who ...": a comma after a capitalised word is a dateline only for a known place
    return place_country(name)


def place_of(parse: Parse, entities: Sequence[Entity], tokens: Iterable[int]) -> str | None:
    """The country of the first place entity among `tokens` (a clause's words)."""
    chosen = set(tokens)
    if not chosen:
        return None
    lo, hi = min(chosen), max(chosen)
    start, end = parse.tokens[lo].start, parse.tokens[hi].end
    for e in entities:
        if not (start <= e.start and e.end <= end):
            continue
        k = parse.token_at(e.start)
        if k is None or k not in chosen:
            continue
        # "the town of Khan Sheikhoun": a place whatever label the tagger gave the name
        named_place = (
            k >= 2
            and parse.tokens[k - 1].lower == "of"
            and (parse.tokens[k - 2].lemma in PLACE_NOUNS)
        )
        if (e.label in PLACE_LABELS or named_place) and (code := place_code(e.canonical or e.text)):
            return code
    return None
