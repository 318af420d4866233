"""An institution named without its country takes the country of the story.

"The Interior Ministry said" in a story about Turkey is the Turkish Interior Ministry; "the
administration said" in a US story is the White House. The story's country is the one its
words outside quotes name most ("Turkish", "Turkey", "Ankara" is not counted: only names and
nationality words of countries), when it outweighs the next one twice; the adjective is the
one the article itself uses ("Turkish").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsloom.analyse.lexicon import words
from newsloom.analyse.parse import Parse
from newsloom.analyse.places import country_codes

__all__ = ["Home", "home_of", "qualified"]

#: heads of a national body's name that need their country ("Interior Ministry", "the army")
NATIONAL_BODIES = words(
    """
    ministry government police army military navy parliament cabinet presidency
    """
)
#: how many times the story's country must outweigh the next one
_DOMINANCE = 2


@dataclass(frozen=True, slots=True)
class Home:
    #: ISO 3166 alpha-2 code
    code: str
    #: the nationality word the article uses for it ("Turkish"), if any
    adjective: str | None


def home_of(parse: Parse, in_quote: list[int]) -> Home | None:
    """The country the article's own words (outside quotes) name most, or None."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for t in parse.tokens:
        if in_quote[t.i] >= 0 or t.ent not in ("GPE", "NORP") or not t.text[:1].isupper():
            continue
        codes = country_codes(t.text)
        if len(codes) != 1:
            continue
        code = next(iter(codes))
        counts[code] += 1
        if t.ent == "NORP":
            forms.setdefault(code, Counter())[t.text] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < _DOMINANCE * ranked[1][1]):
        return None
    code = ranked[0][0]
    adjective = forms[code].most_common(1)[0][0] if code in forms else None
    return Home(code, adjective)


def qualified(name: str, head_lemma: str, home: Home | None) -> str:
    """`name` with the story's country when it is a national body named without one."""
    if home is None:
        return name
    plain = name.split()
    if any(country_codes(w) for w in plain):
        return name
    if head_lemma == "administration" and len(plain) == 1 and home.code == "US":
        return "White House"
    if head_lemma in NATIONAL_BODIES and home.adjective:
        return f"{home.adjective} {name}"
    return name
