"""A verb's code from the lexicons: our verb-object patterns, then the CAMEO 2.0 dictionary.

Order (each step only when the ones before found nothing):

1. our phrasal verbs (`cameo.PARTICLES`: "turned down", "rounded up", "called off");
2. our patterns (`cameo.PATTERNS`, a verb with the noun of its object or prepositional
   object: "impose sanctions", "lift the curfew"), which were written for news wordings;
3. for a verb not in our table, the CAMEO 2.0 dictionary's most specific pattern that
   matches the verb's phrase (`verbdict.match_verb`: "turned down the offer" 125, "took to
   the streets" 141), except when its object is an event noun of ours ("backed sanctions":
   the sanctions are the event), for verbs of saying and intending, whose event is the clause
   they carry ("plans to announce the withdrawal"), and for the background verbs of relative
   clauses and adverbial participles;
4. our verb table (`cameo.VERB_CODES`), which a dictionary pattern refines only inside the
   verb's root, and only to say more ("demanded the removal" 100 -> 1041);
5. `default_code`: the dictionary's default for the verb, used only for a sentence in which
   nothing but a statement is coded otherwise (the dictionary's defaults are its broadest
   guesses: "prepare" 030, "continue" 046; beside an event we found they are mostly noise), and
   never for the light and reporting verbs that are events only with a pattern
   (`cameo.PATTERN_ONLY`: "take", "make", "say", ...).
"""

from __future__ import annotations

import threading

from newsloom.analyse.cameo import (
    INTENT_VERBS,
    LATE_PARTICLES,
    LEMMA_FIXES,
    NOUN_CODES,
    PARTICLES,
    PATTERN_ONLY,
    PATTERNS,
    REPORTING_VERBS,
    VERB_CODES,
)
from newsloom.analyse.parse import Parse
from newsloom.analyse.verbdict import match_verb, shipped_dictionary

__all__ = ["default_code", "lexicon_code", "particle_code"]

#: verbs whose event is the clause they carry
_CARRIERS = REPORTING_VERBS | INTENT_VERBS


def lexicon_code(parse: Parse, i: int, verb: str, nouns: list[str]) -> str | None:
    """The code of verb token `i` (lemma `verb`, object nouns `nouns`) from the lexicons."""
    verb = LEMMA_FIXES.get(verb, verb)
    particle = particle_code(parse, i, verb)
    if particle is not None:
        return particle  # "called off the strike" is not "called a strike"
    phrasal = [f"{verb} {parse.tokens[c].lower}" for c in parse.children[i]
               if parse.tokens[c].dep == "prt"]  # fmt: skip
    for noun in nouns:
        # "handed over their weapons" (0873), not "handed weapons to the rebels" (070)
        code = next((PATTERNS[(v, noun)] for v in phrasal if (v, noun) in PATTERNS), None)
        code = code or PATTERNS.get((verb, noun))
        if code:
            # "held joint military exercises": a show of force done together is cooperation
            return "062" if code == "150" and ("joint" in nouns or _together(parse, i)) else code
    late = particle_code(parse, i, verb, LATE_PARTICLES)
    if late is not None:
        return late  # "handed over two of its nationals"
    ours = VERB_CODES.get(verb)
    if ours is None and (verb in _CARRIERS or _aside(parse, i)):
        return None
    if ours is None and any(n in NOUN_CODES for n in nouns[:1]):
        return None  # "backed EU sanctions on Russia": the sanctions are the event
    found = _shipped_match(parse, i)
    pattern = found[0] if found is not None and found[1] else None
    if ours is not None:
        # the dictionary's pattern refines our verb within its root ("demanded the removal"
        # 1041), never moves it to another ("demand" is never an appeal, 02)
        return pattern if pattern and _refines(pattern, ours) else ours
    return pattern or None


class _Matches(threading.local):
    """The shipped dictionary's match of each verb of the parse being coded: the lexicon and
    the default both ask for it, and a verb's match depends on its parse alone."""

    parse: Parse | None = None
    found: dict[int, tuple[str | None, bool] | None]


_MATCHES = _Matches()


def _shipped_match(parse: Parse, i: int) -> tuple[str | None, bool] | None:
    if _MATCHES.parse is not parse:
        _MATCHES.parse, _MATCHES.found = parse, {}
    if i not in _MATCHES.found:
        _MATCHES.found[i] = match_verb(shipped_dictionary(), parse, i, parse.sentence_of(i)[0])
    return _MATCHES.found[i]


def _together(parse: Parse, i: int) -> bool:
    """Verb `i` is done by two parties: a conjoined subject or its modifiers ("French and
    Egyptian warships", "Russia and China held"), or a partner "with" it ("with the US navy")."""
    objects = [c for c in parse.children[i] if parse.tokens[c].dep in ("dobj", "obj")]
    for c in [*parse.children[i], *(g for o in objects for g in parse.children[o])]:
        t = parse.tokens[c]
        if t.dep == "prep" and t.lower == "with":
            return True  # "held drills with the US navy", "drills with the Japanese fleet"
        if t.dep == "nsubj":
            if any(parse.tokens[g].dep == "conj" for g in parse.children[c]):
                return True
            mods = [g for g in parse.children[c] if parse.tokens[g].dep == "amod"]
            if any(parse.tokens[h].dep == "conj" for m in mods for h in parse.children[m]):
                return True
    return False


def _refines(pattern: str, ours: str) -> bool:
    """The dictionary's code says more than ours: the same root, and ours is the root's
    general code ("100" -> "1041") or the pattern's is a sub-code of ours ("172" -> "1722")."""
    if pattern[:2] != ours[:2] or pattern == ours:
        return False
    return ours.endswith("0") or pattern.startswith(ours)


def _aside(parse: Parse, i: int) -> bool:
    """A verb in a relative clause, an adverbial participle or a clause of purpose ("who
    directed Brexit", "leading the government to impose direct rule", "to continue their
    talks"): background to the sentence's event, which the dictionary's broad patterns do not
    code."""
    tok = parse.tokens[i]
    if tok.dep == "advcl" and any(
        parse.tokens[c].dep == "aux" and parse.tokens[c].lower == "to" for c in parse.children[i]
    ):
        return True  # "invite Kim to the White House to continue their talks": a purpose
    if tok.dep == "xcomp" and any(
        parse.tokens[c].dep in ("dobj", "obj") and c < i for c in parse.children[tok.head]
    ):
        return True  # "invite Kim to continue their talks": the invitation is the event
    return tok.dep == "relcl" or (tok.dep == "advcl" and tok.tag == "VBG")


def particle_code(
    parse: Parse, i: int, verb: str, table: dict[tuple[str, str], str] = PARTICLES
) -> str | None:
    """The code of a phrasal verb of ours (`cameo.PARTICLES`): "turned down", "rounded up",
    "caved in", "walked out". The particle is the verb's `prt`, or a preposition right after
    it that governs no noun of its own ("walked out of the talks")."""
    verb = LEMMA_FIXES.get(verb, verb)
    for c in parse.children[i]:
        t = parse.tokens[c]
        bare = (
            t.dep == "prep"
            and c == i + 1
            and not any(parse.tokens[g].dep == "pobj" for g in parse.children[c])
        )
        if t.dep == "prt" or bare:
            code = table.get((verb, t.lower))
            if code:
                return code
    return None


def default_code(parse: Parse, i: int) -> str | None:
    """The CAMEO 2.0 dictionary's default code for verb token `i`, for a sentence in which
    nothing else is coded; None for the light and reporting verbs (`cameo.PATTERN_ONLY`)."""
    tok = parse.tokens[i]
    verb = LEMMA_FIXES.get(tok.lemma, tok.lemma)
    if verb in PATTERN_ONLY or verb in VERB_CODES or tok.dep in ("amod", "acl", "relcl"):
        return None
    found = _shipped_match(parse, i)
    return found[0] if found is not None and not found[1] and found[0] else None
