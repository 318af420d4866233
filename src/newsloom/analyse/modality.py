"""An event's modality, and what its modality makes of its code.

`modality_of`: asserted, negated, conditional, intended or reported, from the verb's
surroundings (a negation on it or on the verbs that govern it, a modal, "if"/"unless", a verb
of intending above it, "reportedly"). `with_modality`: an intended or conditional act of force
is a threat (138), of sanctions or coercion a threat (130), of protest a threat of protest
(133); an intended act of cooperation an intent to cooperate (CAMEO 03); a refusal announced
for the future ("will not accept") a rejection (120). `announced` tells an intention stated for
the future from an attempt or a decision already made ("tried to halt", "decided to impose").
"""

from __future__ import annotations

from newsloom.analyse.cameo import (
    INTENT_CODES,
    INTENT_NOUNS,
    INTENT_VERBS,
    MODALS,
    REPORTED_ADVERBS,
    root,
)
from newsloom.analyse.parse import Parse

__all__ = ["announced", "modality_of", "with_modality"]


def modality_of(parse: Parse, i: int, outer: list[int]) -> str:
    """asserted, negated, conditional, intended or reported, from the verb's surroundings."""
    chain = [i, *outer]
    for k in chain:
        for c in parse.children[k]:
            t = parse.tokens[c]
            if t.dep == "neg":
                return "negated"
    for c in parse.children[i]:
        t = parse.tokens[c]
        if t.dep == "aux" and t.lower in MODALS and t.ent != "PERSON":
            if MODALS[t.lower] == "conditional" or any(
                parse.tokens[a].dep == "advcl"
                and any(parse.tokens[m].lower in ("if", "unless") for m in parse.children[a])
                for a in parse.children[i]
            ):
                return "conditional"
            return "intended"
        if t.dep == "advmod" and t.lower in REPORTED_ADVERBS:
            return "reported"
    for k in outer:
        if parse.tokens[k].lemma in INTENT_VERBS:
            return "intended"
    tok = parse.tokens[i]
    if tok.dep == "acl" and parse.tokens[tok.head].lemma in INTENT_NOUNS:
        return "intended"  # "expressed willingness to accept peacekeepers"
    if any(parse.tokens[c].dep == "advmod" and parse.tokens[c].lower in REPORTED_ADVERBS
           for k in outer for c in parse.children[k]):  # fmt: skip
        return "reported"
    return "asserted"


#: codes that stay what they are when only announced (CAMEO codes announced withdrawals)
_ANNOUNCED = frozenset({"161"})
#: yielding acts that, made conditional, are threats
_YIELD_THREATS = frozenset({"087", "0871", "0872", "0873", "0874", "166", "1661", "1662"})
#: roots of cooperation: negated, the act is refused
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


def announced(parse: Parse, i: int, outer: list[int]) -> bool:
    """An intention stated for the future ("will impose", "plans to", "is prepared to"), not
    an attempt or a decision already made ("tried to halt", "decided to impose")."""
    chain = [i, *outer]
    if any(parse.tokens[k].lemma in _ATTEMPTS for k in chain):
        return False
    if any(parse.tokens[k].lemma in _FUTURE_INTENT for k in outer):
        return True
    return any(
        parse.tokens[c].dep == "aux" and parse.tokens[c].lower in _FUTURE_AUX
        for k in chain
        for c in parse.children[k]
    )


#: verbs of an attempt or a decision: what they govern is done, not threatened
_ATTEMPTS = frozenset({"try", "attempt", "seek", "decide", "agree", "manage", "help"})
#: verbs that state an intention for the future
_FUTURE_INTENT = frozenset(
    {"plan", "prepare", "prepared", "intend", "threaten", "vow", "ready", "willing", "warn"}
)
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going"})


def with_modality(code: str, modality: str, future: bool = True) -> str:
    """The code of an act that is only conditional or intended.

    "May attack if ..." and "vowed to fight" are threats (138), "will withdraw its
    ambassador unless ..." is a threat (130); "will visit", "will support", "will release"
    express an intent to cooperate (CAMEO 03). An intended withdrawal from an agreement stays
    161, as CAMEO codes announced withdrawals; other intended sanctions and coercion ("plans
    to impose restrictions") are threats (130), as is a withdrawal of forces or observers made
    conditional ("will withdraw its force unless"). A negated act of cooperation announced for
    the future ("will not accept", "would not meet their demands") is a refusal (120); a past
    one ("did not sign") keeps its code, negated.
    """
    r = root(code)
    if modality in ("conditional", "intended") and r in ("18", "19", "20"):
        return "138"
    if modality == "conditional" and (r in ("15", "16", "17") or code in _YIELD_THREATS):
        return "130"
    if modality == "intended" and future and r in ("15", "16", "17") and code not in _ANNOUNCED:
        return "130"  # "plans to impose restrictions", "will extend the curfew"
    if modality in ("conditional", "intended") and future and r == "14":
        return "133"  # "would blockade Paris": a threat of protest
    if modality == "negated" and future and r in _COOPERATIVE_ROOTS:
        return "120"  # "will not accept any more refugees": a refusal ("did not sign" stays)
    if modality == "intended" and r in INTENT_CODES:
        return INTENT_CODES[r]
    return code
