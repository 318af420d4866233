"""Relayed words: "Anadolu quoted the minister as saying ...", "Xi was quoted by Kyodo as saying".

News agencies relay each other's quotes with a verb of quoting and an "as" phrase:

* active: "TASS quoted Ryabkov as saying that ...", "Xinhua quoted Xi as telling a meeting
  ...", "the paper cited an aide as saying ...": the object is the speaker, the subject the
  relaying outlet;
* passive: "Xi was quoted as saying by Kyodo", "Ryabkov was quoted by RIA Novosti as saying":
  the passive subject is the speaker, the agent ("by X") the outlet.

"Quote" without an "as" phrase is no relay ("he quoted Lincoln"), and a relay without a speaker
(the object or passive subject missing) is left to the ordinary attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsloom.analyse.lexicon import words
from newsloom.analyse.parse import Parse

__all__ = ["RELAY_LEMMAS", "Relay", "relay_of", "relaying_verb"]

#: verbs by which one party passes on another's words with "as saying"
RELAY_LEMMAS = words("quote cite")


@dataclass(frozen=True, slots=True)
class Relay:
    #: head token of the one whose words are relayed
    speaker: int
    #: head token of the relaying party, or None ("was quoted as saying")
    outlet: int | None


def relaying_verb(parse: Parse, cue: int) -> int | None:
    """The verb of quoting that governs a cue: the cue itself, or the verb of its "as" phrase."""
    t = parse.tokens[cue]
    if t.lemma in RELAY_LEMMAS and t.pos == "VERB":
        return cue
    if t.dep in ("pcomp", "advcl", "pobj") and t.head != cue:
        holder = parse.tokens[t.head]
        if holder.lower == "as" and holder.head != holder.i:
            verb = parse.tokens[holder.head]
            if verb.lemma in RELAY_LEMMAS and verb.pos == "VERB":
                return verb.i
        if any(parse.tokens[c].lower == "as" for c in parse.children[cue]):
            verb = parse.tokens[t.head]
            if verb.lemma in RELAY_LEMMAS and verb.pos == "VERB":
                return verb.i
    return None


def _agent(parse: Parse, head: int) -> int | None:
    """The object of a "by" phrase under `head`."""
    for c in parse.children[head]:
        ct = parse.tokens[c]
        if ct.dep == "agent" or (ct.dep == "prep" and ct.lower == "by"):
            for g in parse.children[c]:
                if parse.tokens[g].dep == "pobj":
                    return g
    return None


def relay_of(parse: Parse, cue: int, in_quote: list[int] | None = None) -> Relay | None:
    """The relay a cue verb is part of, or None (see the module docstring)."""
    verb = relaying_verb(parse, cue)
    if verb is None:
        return None
    as_phrases = [c for c in parse.children[verb] if parse.tokens[c].lower == "as"]
    if not as_phrases and not any(parse.tokens[c].lower == "as" for c in parse.children[cue]):
        return None
    speaker = outlet = None
    for c in parse.children[verb]:
        if in_quote is not None and in_quote[c] >= 0:
            continue
        dep = parse.tokens[c].dep
        if dep in ("dobj", "nsubjpass") and speaker is None:
            speaker = c
        elif dep == "nsubj" and outlet is None:
            outlet = c
    if outlet is None:
        outlet = _agent(parse, verb)
    for holder in as_phrases:
        for c in parse.children[holder]:
            if outlet is None:
                outlet = _agent(parse, c)
    if outlet is None and cue != verb:
        outlet = _agent(parse, cue)
    if speaker is None:
        return None
    return Relay(speaker, outlet)
