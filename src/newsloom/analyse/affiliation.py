"""Words for one person by the country, place or party they belong to: "the Italian said".

Political and sports copy names someone once and then, for variety, calls them by their party,
home state or country: "..., the Republican said this week" (USA Today), "The Democrat told
Yahoo! News" (Politico), "..., the Texan said" (Western Journal), all in PolNeAR train. Such a
word is a description of the person just spoken about, not the name of an institution; the
speaker resolver (`speakers`) reads it so when it is a singular noun with "the" alone.
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.analyse.actors import country_code, place_country
from newsloom.analyse.lexicon import words
from newsloom.analyse.places import is_country_name

#: members of a party, by the party's name ("the Republican", "the Tory")
PARTY_MEMBERS = words("republican democrat tory libertarian")

#: endings of a demonym made from a place's name, with what to add back to find the place:
#: "Texan" -> Texas, "Californian" -> California, "Ohioan" -> Ohio, "Londoner" -> London
_PLACE_ENDINGS = (("n", ("", "s")), ("an", ("",)), ("er", ("",)))


@lru_cache(maxsize=4096)
def names_one_person(word: str) -> bool:
    """A capitalised word that stands for one person of a country, place or party
    ("Italian", "Dutchman", "Texan", "Londoner", "Republican"), not a place or body's name."""
    if len(word) < 4 or not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    if low in PARTY_MEMBERS:
        return True
    if manlike(word):
        return True  # "Dutchman", "Irishwoman"
    if is_country_name(word):
        return False  # "the Gambia", "the Netherlands": the country itself
    if country_code(word) is not None:
        return True  # "Italian", "Portuguese", "Briton"
    for cut, back in _PLACE_ENDINGS:
        if low.endswith(cut):
            stem = word[: -len(cut)]
            if len(stem) >= 3 and any(place_country(stem + b) for b in back):
                return True
    return False


def manlike(word: str) -> bool:
    """ "Dutchman", "Frenchwoman": a country's or place's adjective with "man" or "woman"."""
    low = word.lower()
    for ending in ("woman", "man"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return place_country(word[: -len(ending)]) is not None
    return False
