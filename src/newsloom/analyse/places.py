"""Which country a word names: "Russia", "Russian", "U.S.", "American", "North Korean".

Country names come from the Unicode CLDR territory names shipped with Babel (a maintained
library), matched on the first four letters of a name's words, so that a country and its
demonym meet ("Russia"/"Russian", "Korea"/"Korean"). Demonyms that share no such prefix with
their country, and the usual abbreviations, are listed here.
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.analyse.lexicon import words
from newsloom.deadline import untimed

#: Demonyms and abbreviations that do not start like the country's CLDR name.
ALIASES: dict[str, str] = {
    "us": "US",
    "usa": "US",
    "america": "US",
    "american": "US",
    "americans": "US",
    "uk": "GB",
    "britain": "GB",
    "british": "GB",
    "england": "GB",
    "english": "GB",
    "scotland": "GB",
    "scottish": "GB",
    "wales": "GB",
    "welsh": "GB",
    "french": "FR",
    "spanish": "ES",
    "dutch": "NL",
    "holland": "NL",
    "swiss": "CH",
    "polish": "PL",
    "greek": "GR",
    "irish": "IE",
    "danish": "DK",
    "finnish": "FI",
    "filipino": "PH",
    "dprk": "KP",
    "rok": "KR",
    "prc": "CN",
    "uae": "AE",
    "turkey": "TR",
    "turkish": "TR",
}

#: CLDR codes that are not countries (the EU, the eurozone, the UN, pseudo-regions).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

#: Words of territory names that name no one country.
_GENERIC = words(
    """
    north south east west island islands republic united states kingdom saint central new
    guinea federation democratic and the city outlying minor heard territories territory
    french british american caribbean netherlands pitcairn helena pierre lands sar china congo
    world european union nations america africa asia
    """
)


@lru_cache(maxsize=1)
@untimed
def _prefixes() -> dict[str, frozenset[str]]:
    from babel import Locale

    table: dict[str, set[str]] = {}
    for code, name in Locale("en").territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in _NOT_COUNTRIES:
            continue
        for word in name.lower().replace("-", " ").replace("&", " ").split():
            word = word.strip("().,")
            if len(word) >= 4 and word not in _GENERIC:
                table.setdefault(word[:4], set()).add(code)
    table.setdefault("chin", set()).add("CN")
    return {k: frozenset(v) for k, v in table.items()}


def country_codes(word: str) -> frozenset[str]:
    """ISO 3166 alpha-2 codes a word may name (empty when it names no country)."""
    w = word.lower().replace(".", "").strip("'’")
    if w in ALIASES:
        return frozenset({ALIASES[w]})
    if len(w) < 4:
        return frozenset()
    return _prefixes().get(w[:4], frozenset())


def same_country(a: set[str], b: set[str]) -> bool | None:
    """Whether two sets of words share a country; None when either names none."""
    ca = frozenset().union(*(country_codes(w) for w in a)) if a else frozenset()
    cb = frozenset().union(*(country_codes(w) for w in b)) if b else frozenset()
    if not ca or not cb:
        return None
    return bool(ca & cb)


@lru_cache(maxsize=1)
@untimed
def _names() -> frozenset[str]:
    from babel import Locale

    return frozenset(
        name.lower()
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha()
    )


def is_country_name(text: str) -> bool:
    """ "Burkina Faso", "the United States": a country's own name."""
    name = text.lower().strip()
    if name.startswith("the "):
        name = name[4:]
    return name in _names() or (name in ALIASES and len(name) > 3)
