"""A verb's code from the lexicons: our verb-object patterns, then the CAMEO 2.0 dictionary.

Order (each step only when the ones before found nothing):

1. our patterns (`cameo.PATTERNS`, a verb with the noun of its object or prepositional
   object: "impose sanctions", "lift the curfew"), which were written for news wordings;
2. for a verb not in our table, the CAMEO 2.0 dictionary's most specific pattern that
   matches the verb's phrase (`verbdict.match_verb`: "turned down the offer" 125, "took to the streets" 141);
3. our verb table (`cameo.VERB_CODES`), which a dictionary pattern refines only inside the
   verb's root;
4. the dictionary's default for the verb, except for the light and reporting verbs that are
   events only with a pattern (`cameo.PATTERN_ONLY`: "take", "make", "say", ...).
"""

from __future__ import annotations

from newsloom.analyse.cameo import LEMMA_FIXES, PATTERN_ONLY, PATTERNS, VERB_CODES
from newsloom.analyse.parse import Parse
from newsloom.analyse.verbdict import match_verb, shipped_dictionary

__all__ = ["lexicon_code"]


def lexicon_code(parse: Parse, i: int, verb: str, nouns: list[str]) -> str | None:
    """The code of verb token `i` (lemma `verb`, object nouns `nouns`) from the lexicons."""
    verb = LEMMA_FIXES.get(verb, verb)
    for noun in nouns:
        code = PATTERNS.get((verb, noun))
        if code:
            return code
    found = match_verb(shipped_dictionary(), parse, i, parse.sentence_of(i)[0])
    pattern = found[0] if found is not None and found[1] else None
    ours = VERB_CODES.get(verb)
    if ours is not None:
        # the dictionary's pattern refines our verb within its root ("demanded the removal"
        # 1041), never moves it to another ("demand" is never an appeal, 02)
        return pattern if pattern and pattern[:2] == ours[:2] else ours
    if pattern:
        return pattern
    if found is not None and found[0] and verb not in PATTERN_ONLY:
        return found[0]
    return None
