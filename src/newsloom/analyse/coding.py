"""Which event a word reports: the CAMEO code of a verb in its clause, or of an event noun.

A verb's code comes, in this order, from the context rules here (a description rather than
an act, "call on" vs "call an election", a verb of saying whose clause is a demand, "kill"
with or without an attacker), the senses of ambiguous verbs (`senses`: "fire", "strike",
"meet", "attack", "hit", "charge", "claim"), and then the lexicon (`lexicon_code`): our own
verb-object patterns, the CAMEO 2.0 dictionary's patterns over the verb's phrase, our verb
table, and the dictionary's default for the verb.
"""

from __future__ import annotations

from newsloom.analyse.cameo import (
    ACT_NOUNS,
    ADJECTIVE_CODES,
    ASPECTUAL_VERBS,
    ATTACK_NOUNS,
    BLAST_NOUNS,
    DEMAND_MODALS,
    HARM_VERBS,
    MASS_VIOLENCE_WORDS,
    MEDIA_AUDIENCES,
    NOT_AGREEMENTS,
    NOT_MET,
    NOUN_CODES,
    NOUN_NEEDS,
    ONGOING_EVENTS,
    REPORTING_VERBS,
    VERB_CODES,
)
from newsloom.analyse.lexicon_code import lexicon_code
from newsloom.analyse.parse import Parse
from newsloom.analyse.senses import by_force, sense_code

__all__ = [
    "children",
    "conj_heads",
    "has_mass_violence",
    "misparsed_main",
    "noun_code",
    "verb_code",
]

_OBJ = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
#: words that make an attack aerial ("air strike", "drone strike")
_AERIAL = frozenset({"air", "drone", "aerial", "missile", "rocket"})
#: words that make an attack a bombing ("suicide attack", "car bomb attack")
_BOMBING = frozenset({"suicide", "bomb", "car", "roadside", "bombing"})
#: verbs of stopping an act: the act they stop is no event of its own
_STOPPING = frozenset({"stop", "halt", "cease", "end", "suspend", "quit", "discontinue"})
#: verbs of pressing someone to act: a demand
_PRESSING = frozenset({"press", "push", "pressure", "pressurize", "pressurise", "lean"})


def children(parse: Parse, i: int, deps: frozenset[str] | set[str]) -> list[int]:
    return [c for c in parse.children[i] if parse.tokens[c].dep in deps]


def conj_heads(parse: Parse, i: int) -> list[int]:
    """Token `i` and the tokens conjoined to it ("Trump and Kim")."""
    out = [i]
    for c in parse.children[i]:
        if parse.tokens[c].dep == "conj" and parse.tokens[c].pos in ("PROPN", "NOUN"):
            out.extend(conj_heads(parse, c))
    return out


def _object_nouns(parse: Parse, i: int) -> list[int]:
    """Objects and prepositional objects of verb `i`, as (token index) heads."""
    out = []
    for c in parse.children[i]:
        t = parse.tokens[c]
        if t.dep in _OBJ or t.dep == "nsubjpass":
            out.append(c)
        elif t.dep in ("prep", "agent", "prt"):
            if _manner(parse, c):
                continue  # "blocked roads in protest": why, not what
            for g in parse.children[c]:
                if parse.tokens[g].dep in ("pobj", "pcomp"):
                    out.append(g)
                elif parse.tokens[g].dep == "prep":  # "pulled out of the accord"
                    out.extend(_children_pobj(parse, g))
        elif t.dep == "xcomp" and t.pos == "VERB":
            out.append(c)
    return out


#: "in protest", "in response", "in retaliation": a phrase of manner or reason, not an object
_MANNER = frozenset({"protest", "response", "retaliation", "solidarity", "reply", "return"})


_PROTEST_MANNER = frozenset({"protest", "solidarity"})


def _manner(parse: Parse, prep: int, nouns: frozenset[str] = _MANNER) -> bool:
    return parse.tokens[prep].lower == "in" and any(
        parse.tokens[g].lemma in nouns for g in _children_pobj(parse, prep)
    )


def _children_pobj(parse: Parse, i: int) -> list[int]:
    return [g for g in parse.children[i] if parse.tokens[g].dep in ("pobj", "pcomp")]


def _nouns_of(parse: Parse, heads: list[int]) -> list[str]:
    """The lemmas of the object heads and of their compounds/modifiers ("phone call")."""
    lemmas = []
    for h in heads:
        lemmas.append(parse.tokens[h].lemma)
        for c in parse.children[h]:
            if parse.tokens[c].dep in ("compound", "amod", "pobj", "prep", "nmod"):
                if _manner(parse, c):
                    continue  # "blocked the motorway in protest"
                lemmas.append(parse.tokens[c].lemma)
                for g in parse.children[c]:
                    lemmas.append(parse.tokens[g].lemma)
                    if parse.tokens[c].dep == "prep" and parse.tokens[g].dep == "pobj":
                        # "ten days of war games": the compound of the noun the phrase counts
                        lemmas.extend(_compounds(parse, g))
        lemmas.extend(_compounds(parse, h))
    return lemmas


def _compounds(parse: Parse, h: int) -> list[str]:
    """Noun compounds on head `h` as one lemma ("war game", "peace talk")."""
    head = parse.tokens[h].lemma
    return [
        f"{parse.tokens[c].lemma} {head}"
        for c in parse.children[h]
        if parse.tokens[c].dep == "compound"
    ]


def verb_code(parse: Parse, i: int, mass: bool) -> str | None:
    """The CAMEO code of verb `i` in its clause, or None. `mass`: the article reports an
    attack with unconventional weapons, so "the attack killed" is mass violence (20)."""
    tok = parse.tokens[i]
    verb = tok.lemma
    objs = _object_nouns(parse, i)
    nouns = _nouns_of(parse, objs)

    preps = {parse.tokens[p].lower for p in children(parse, i, {"prep"})}
    if (
        tok.dep in ("acl", "amod")
        and not children(parse, i, {"agent"})
        and parse.tokens[tok.head].lemma not in ACT_NOUNS
        and not misparsed_main(parse, i)
    ):
        return None  # "officers accused of hacking": a description, not a reported act
    if tok.dep == "pcomp" and _in_description(parse, tok.head):
        return None  # "nationals suspected of blowing up a plane": what they are said to be
    if verb in ("issue", "send", "deliver", "give") and any(
        parse.tokens[a].lower in DEMAND_MODALS
        for o in objs
        for c in children(parse, o, {"acl", "ccomp", "relcl"})
        for a in children(parse, c, {"aux"})
    ):
        return "100"  # "issued a stern reminder to Iraq that it must cooperate": a demand
    if tok.dep == "xcomp" and parse.tokens[tok.head].lemma in _STOPPING:
        return None  # "would stop conducting war games": the stopping is the event
    if tok.dep == "csubj" and tok.tag == "VBG":
        return None  # "that Trump pulling the US out of the deal is a mistake": a topic
    if verb == "play" and any(
        parse.tokens[o].lemma == "role"
        and any(parse.tokens[d].lower == "no" for d in parse.children[o])
        for o in objs
    ):
        return "016"  # "said his government played no role in ...": a denial
    if tok.dep == "pcomp" and parse.tokens[tok.head].lower == "for":
        return None  # "sanctions for seizing Crimea": the reason given for another act
    for a in children(parse, i, {"acomp"}):
        code = ADJECTIVE_CODES.get(parse.tokens[a].lemma)
        if code:
            return code
    if verb == "call" and not children(parse, i, {"prt"}):
        if any(n in ("strike", "boycott") for n in nouns[:1]):
            return "143"  # "called a general strike", "called a boycott of the elections"
        if any(n in ("election", "vote", "referendum", "poll") for n in nouns):
            return "034"
        for p in children(parse, i, {"prep"}):
            if parse.tokens[p].lower in ("on", "for"):  # "called on X to", "called for calm"
                pobj = children(parse, p, {"pobj"})
                if pobj and parse.tokens[pobj[0]].ent not in ("DATE", "TIME"):
                    return "020"
        return None
    if verb in ("want", "ask", "urge") or verb in _PRESSING:
        # "wanted the Trump administration to speak with Kim": an appeal to another actor;
        # "pressed Iran to", "pushing for": pressure is a demand (the dictionary's 10)
        asked = "100" if verb in _PRESSING else "020"
        for c in children(parse, i, {"ccomp", "xcomp"}):
            if children(parse, c, {"nsubj"}) or children(parse, i, {"dobj"}):
                return asked
        if asked == "100" and "on" in preps and _purpose(parse, i):
            return asked  # "leaned on Athens to accept the reforms"
        if (verb == "ask" or verb in _PRESSING) and "for" in preps:
            return asked  # "asked India for military aid", "pushed hard for a deal"
        return VERB_CODES.get(verb)
    if verb in ASPECTUAL_VERBS and any(
        parse.tokens[c].pos == "VERB" for c in children(parse, i, {"xcomp"})
    ):
        return None  # "began withdrawing heavy weapons": the act begun is the event
    if verb in ASPECTUAL_VERBS:
        # "riots are continuing", "fighting broke out", "protests erupted": the event is the
        # subject that goes on, starts or spreads
        for c in children(parse, i, {"nsubj"}):
            code = ONGOING_EVENTS.get(parse.tokens[c].lemma)
            if code:
                return code
    if verb in _ALLOWING:
        code = _allowed(parse, i, mass)
        if code is not None:
            return code
    if (
        tok.dep in ("xcomp", "ccomp")
        and parse.tokens[tok.head].lemma in _ALLOWING
        and _allowed(parse, tok.head, mass) is not None
    ):
        return None  # "allowed the Red Cross to visit the prisoners": the allowing is it
    if verb in ("send", "dispatch") and _sent_to_do(parse, i, mass) is not None:
        return None  # "sent a team to investigate the massacre": the purpose is the event
    if (
        tok.dep in ("advcl", "xcomp")
        and parse.tokens[tok.head].lemma in ("send", "dispatch")
        and _sent_to_do(parse, tok.head, mass) is not None
    ):
        return _purpose_code(parse, i, mass)
    if verb == "resort" and "to" in preps:
        # "resorted to throwing stones": the means resorted to is the act
        for p in children(parse, i, {"prep"}):
            for g in children(parse, p, {"pcomp"}):
                if parse.tokens[g].pos == "VERB":
                    return verb_code(parse, g, mass)
            if children(parse, p, {"pobj"}):
                return lexicon_code(parse, i, "use", nouns)  # "resorted to force"
        return None
    if verb == "insist" and ("on" in preps or _subjunctive(parse, i)):
        return "100"  # "insisted on higher wages", "insisted that the US stop arms sales"
    if verb == "warn" and any(
        parse.tokens[a].lower in ("will", "would", "'ll", "wo")
        for c in children(parse, i, {"ccomp"})
        for a in children(parse, c, {"aux"})
    ):
        return "130"  # "warned that it would close the strait": a threat
    if verb == "warn" and _warned_of(parse, i):
        return "130"  # "warned Iraq of serious consequences", "warned Hezbollah against"
    if verb == "warn":
        for p in children(parse, i, {"prep"}):
            if parse.tokens[p].lower == "of" and any(
                parse.tokens[g].lemma in _PROTESTS for g in children(parse, p, {"pobj"})
            ):
                return "133"  # "the union warned of a general strike": a threat of protest
    if verb in ("accept", "tolerate") and children(parse, i, {"neg"}):
        return "030"  # "would not accept foreign troops": with its negation, a refusal
    if verb in REPORTING_VERBS | {"reiterate", "insist", "conclude"}:
        # "said that Libya must hand over the suspects": a demand on the clause's subject
        for c in children(parse, i, {"ccomp"}):
            if any(parse.tokens[a].lower in DEMAND_MODALS for a in children(parse, c, {"aux"})):
                return "100"
            # "said that Russia's relationship with North Korea was harming the efforts"
            if parse.tokens[c].lemma in HARM_VERBS and children(parse, c, {"nsubj"}):
                return "111"
    if verb != "kill":
        sense = sense_code(parse, i)
        if sense is not None:
            return by_force(parse, i, sense) if sense else None
    if verb == "attack":
        return "111" if "for" in preps else by_force(parse, i, "190")
    if verb == "dismiss" and "as" in preps:
        return "111"
    if verb == "sign" and any(parse.tokens[o].lemma in NOT_AGREEMENTS for o in objs):
        return None
    if verb == "sign" and tok.dep == "acl" and parse.tokens[tok.head].lemma in NOT_AGREEMENTS:
        return None
    if verb == "vote" and "referendum" in nouns:
        return None
    if verb == "host" and not any(
        parse.tokens[o].pos == "PROPN" or parse.tokens[o].lemma in HOSTED for o in objs
    ):
        return None
    if tok.dep == "relcl" and any(
        parse.tokens[a].lower == "to" for a in children(parse, i, {"aux"})
    ):
        return None  # "a pleasant place to visit": an infinitive describing a noun, no act
    if verb == "meet" and any(parse.tokens[o].lemma in NOT_MET for o in objs):
        return None  # "would not meet the deadline"
    if verb == "meet" and any(parse.tokens[o].lemma in MEDIA_AUDIENCES for o in objs):
        return None
    if verb in ("speak", "talk"):
        sent = parse.sentence_of(i)
        words = {parse.tokens[k].lemma for k in range(*sent)}
        if words & {"phone", "telephone", "call"}:
            return "041"
        if preps & {"to", "with"}:
            return "040"
        return "044" if {"meeting", "summit", "one-on-one"} & words else None
    if verb in ("kill", "injure", "wound"):
        subj = children(parse, i, {"nsubj"})  # "were injured": the victims, not the attacker
        sent = parse.sentence_of(i)
        words = {parse.tokens[k].lemma for k in range(*sent)}
        if subj and parse.tokens[subj[0]].lemma in ATTACK_NOUNS:
            if mass or words & MASS_VIOLENCE_WORDS:
                return "20"
            mods = {parse.tokens[c].lemma for c in parse.children[subj[0]]}
            if mods & _BOMBING:
                return "183"  # "a suicide attack killed 20": a bombing
            return "195" if mods & _AERIAL else "190"  # "an Israeli air strike killed three"
        if children(parse, i, {"nsubjpass"}) and set(_nouns_of(parse, objs)) & BLAST_NOUNS:
            # "were killed in a suicide car bombing": the bombing is the event
            return "20" if mass or words & MASS_VIOLENCE_WORDS else "183"
        sense = sense_code(parse, i)  # "troops killed", "warplanes killed": military force
        if sense:
            return sense
        return "180" if subj and parse.tokens[subj[0]].pos in ("PROPN", "NOUN") else None
    code = lexicon_code(parse, i, verb, nouns)
    if code is None and any(_manner(parse, c, _PROTEST_MANNER) for c in parse.children[i]):
        return "140"  # "dumped vegetables outside the ministry in protest"
    return _massive(parse, i, by_force(parse, i, code), mass)


#: what one hosts that makes a visit or a meeting ("hosted a summit", "will host talks")
_MASS = MASS_VIOLENCE_WORDS | frozenset({"cleansing", "genocide"})
HOSTED = frozenset({"summit", "meeting", "talk", "talks", "conference", "delegation", "visit"})


def misparsed_main(parse: Parse, i: int) -> bool:
    """Verb `i` is the main verb the parser hung on its subject: a participle modifying a
    noun that is the root of a sentence with no verb above it ("The rebels handed over their
    weapons" parsed as a noun phrase)."""
    tok = parse.tokens[i]
    if tok.dep != "acl" or tok.tag not in ("VBD", "VBN") or tok.head == i:
        return False
    head = parse.tokens[tok.head]
    return head.dep == "ROOT" and head.pos in ("NOUN", "PROPN") and head.i < i


def _in_description(parse: Parse, prep: int) -> bool:
    """Preposition `prep` hangs on a participle that describes a noun ("suspected of")."""
    head = parse.tokens[parse.tokens[prep].head]
    return parse.tokens[prep].dep == "prep" and head.dep in ("acl", "amod") and head.tag == "VBN"


#: verbs of letting someone act
_ALLOWING = frozenset({"allow", "permit", "let"})
#: outside bodies whose admission opens a state to international involvement (086)
_OUTSIDERS = frozenset(
    {
        "inspector", "observer", "monitor", "peacekeeper", "investigator", "cross",
        "crescent", "agency", "journalist", "reporter", "diplomat", "expert", "team",
        "convoy", "relief", "aid", "un", "u.n.",
    }
)  # fmt: skip


def _allowed(parse: Parse, i: int, mass: bool) -> str | None:
    """What letting someone act concedes: an outside body let in (086: "allowed Red Cross
    officials to visit the prisoners"), a rally or a protest let happen (082), a release or
    a withdrawal let through (its own code); None when the complement says nothing."""
    for c in children(parse, i, {"xcomp", "ccomp"}):
        if not any(parse.tokens[a].lower == "to" for a in children(parse, c, {"aux"})):
            continue
        agents = children(parse, i, {"dobj"}) + children(parse, c, {"nsubj"})
        words_ = {parse.tokens[k].lemma for a in agents for k in range(
            parse.tokens[a].left, parse.tokens[a].right + 1)}  # fmt: skip
        if words_ & _OUTSIDERS or any(
            parse.tokens[a].ent == "ORG" and parse.tokens[a].lemma != "government" for a in agents
        ):
            return "086"
        inner = _purpose_code(parse, c, mass)
        if inner and inner[:2] == "14":
            return "082"
        if inner and inner[:2] == "08":
            return inner
    return None


def _sent_to_do(parse: Parse, i: int, mass: bool) -> str | None:
    """The code of the purpose of a sending of people who are not troops ("sent a team to
    investigate": 090), or None."""
    objs = children(parse, i, {"dobj"})
    if not objs or any(parse.tokens[o].lemma in _TROOPS for o in objs):
        return None
    for c in children(parse, i, {"advcl", "xcomp"}):
        if any(parse.tokens[a].lower == "to" for a in children(parse, c, {"aux"})):
            return _purpose_code(parse, c, mass)
    return None


def _purpose_code(parse: Parse, c: int, mass: bool) -> str | None:
    verb = parse.tokens[c].lemma
    return lexicon_code(parse, c, verb, _nouns_of(parse, _object_nouns(parse, c)))


#: what is sent when a sending is a deployment
_TROOPS = frozenset({"troop", "soldier", "force", "army", "marine", "warship", "jet", "unit"})


#: what one is warned of when the warning is a threat
_THREATENED = frozenset(
    {
        "consequence", "retaliation", "reprisal", "action", "response", "repercussion",
        "measure", "war", "force", "attack", "strike", "punishment", "sanction",
    }
)  # fmt: skip


#: acts of protest one can warn of
_PROTESTS = frozenset({"strike", "protest", "boycott", "demonstration", "walkout", "unrest"})


def _warned_of(parse: Parse, i: int) -> bool:
    """A warning addressed to an actor, of consequences or against an act: a threat."""
    if not any(
        parse.tokens[o].ent in ("GPE", "ORG", "NORP", "PERSON")
        for o in children(parse, i, {"dobj"})
    ):
        return False
    preps = children(parse, i, {"prep"})
    preps += [p for o in children(parse, i, {"dobj"}) for p in children(parse, o, {"prep"})]
    for p in preps:
        word = parse.tokens[p].lower
        if word == "against":
            return True
        if word == "of" and any(
            parse.tokens[g].lemma in _THREATENED for g in children(parse, p, {"pobj"})
        ):
            return True
    return False


def _purpose(parse: Parse, i: int) -> bool:
    """Verb `i` has an infinitive of purpose ("leaned on Athens to accept")."""
    return any(
        parse.tokens[a].lower == "to"
        for c in children(parse, i, {"advcl", "xcomp"})
        for a in children(parse, c, {"aux"})
    )


def _subjunctive(parse: Parse, i: int) -> bool:
    """A clause with its own subject and a bare verb: "insisted that the US stop arms sales"."""
    return any(
        parse.tokens[c].tag == "VB" and children(parse, c, {"nsubj"})
        for c in children(parse, i, {"ccomp"})
    )


def _massive(parse: Parse, i: int, code: str | None, mass: bool) -> str | None:
    """Force with unconventional weapons is mass violence (CAMEO 20): "used chemical weapons
    against civilians", "bombed the town with chemical weapons", "gassed its own people"."""
    if code is None or code[:2] not in ("18", "19"):
        return code  # "indicted the dictator for genocide": a legal act, whatever it is about
    tok = parse.tokens[i]
    clause = [parse.tokens[k] for k in range(tok.left, tok.right + 1)]
    for k, t in enumerate(clause):
        if t.lemma in _MASS and not (k and clause[k - 1].lemma == "tear"):
            return "20"
    return code


def noun_code(parse: Parse, i: int) -> str | None:
    """The code of an event noun ("a phone call with Merkel", "sanctions on Russia")."""
    tok = parse.tokens[i]
    code = NOUN_CODES.get(tok.lemma)
    if code is None:
        return None
    if code == "161" and any(
        parse.tokens[k].lemma in ("troop", "force", "soldier")
        for k in range(tok.left, tok.right + 1)
    ):
        return "087"
    needs = NOUN_NEEDS.get(tok.lemma)
    if needs is not None:
        near = {parse.tokens[c].lower for c in parse.children[i]}
        near |= {parse.tokens[c].lemma for c in parse.children[i]}
        if not near & needs:
            return None
    return code


def has_mass_violence(parse: Parse) -> bool:
    """Whether the text reports an attack with unconventional weapons ("chemical attack")."""
    return any(
        t.lemma in ATTACK_NOUNS
        and t.pos == "NOUN"
        and any(parse.tokens[k].lemma in MASS_VIOLENCE_WORDS for k in range(t.left, t.i))
        for t in parse.tokens
    )
