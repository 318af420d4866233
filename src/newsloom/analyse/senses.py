"""The sense of an ambiguous verb of news, from its object, its subject's kind and its sentence.

"fire" is a weapon fired or an official dismissed; "strike" an air raid, a labour strike or a
deal struck; "meet" a meeting or a deadline met; "attack" force or words; "hit" a missile, a
sanction or a verbal counter-attack; "charge" an indictment or an accusation; "claim" a
statement or responsibility for an attack; "deny" a denial or a refusal; "dismiss" a sacking or
a rejection; "kill" by armed forces is military force; "receive" a guest or a letter.

`sense_code(parse, i)` returns a code when the verb's sense decides it, `NO_EVENT` when the
verb is used in a sense that is not a CAMEO event ("the storm hit", "met the deadline",
"charged a fee"), and None when the verb is not one of these or its context says nothing
(the lexicon then decides).
"""

from __future__ import annotations

from newsloom.analyse.lexicon import words
from newsloom.analyse.parse import Parse

__all__ = ["NO_EVENT", "SENSE_VERBS", "by_force", "sense_code", "subject_kind", "subject_token"]

#: returned when the verb's sense is not an event
NO_EVENT = ""

#: what the subject's head word (or a compound on it) says about who acts
KINDS: dict[str, frozenset[str]] = {
    "air": words(
        """
        warplane jet aircraft plane helicopter gunship drone airstrike air_force
        air_strike fighter_jet
        """
    ),
    "military": words(
        """
        force troop soldier army military navy marine artillery tank warship battalion
        brigade regiment commando paratrooper coalition militia army_unit gunboat
        """
    ),
    "police": words("police policeman policemen gendarme riot_police officer trooper"),
    "labour": words(
        """
        union worker teacher doctor nurse miner driver pilot employee staff docker
        dockworker farmer trucker workforce crew labourer laborer
        """
    ),
    "irregular": words(
        """
        gunman gunmen militant attacker assailant mob terrorist kidnapper extremist jihadist
        bomber suicide_bomber insurgent
        """
    ),
    "protesters": words(
        """
        protester protestor demonstrator activist student marcher rioter striker picket
        youth
        """
    ),
    "nature": words(
        """
        earthquake quake storm hurricane typhoon cyclone flood tornado tsunami wildfire blaze
        drought disease virus epidemic pandemic recession crisis slump downturn outbreak
        """
    ),
    "weapon": words(
        "missile rocket shell bomb mortar grenade projectile drone airstrike strike raid"
    ),
}

#: what is fired when a weapon is
WEAPON_OBJECTS = words(
    """
    shot bullet round rocket missile shell mortar gas tear_gas cannon artillery salvo volley
    weapon gun rifle grenade projectile flare torpedo warning_shot pellet
    """
)
#: what the police fire at crowds
CROWD_WEAPONS = words("gas tear_gas bullet rubber_bullet pellet cannon water_cannon")
#: people held to an office or a job: what is "fired", "dismissed" or "sacked"
JOB_NOUNS = words(
    """
    minister director chief head coach manager employee staff worker official aide adviser
    advisor secretary commander general executive ceo president chairman editor prosecutor
    judge governor ambassador spokesman spokeswoman deputy officer agent government cabinet
    board team leadership administration
    """
)
#: whom one receives as a host
VISITORS = words("delegation envoy visitor guest mission counterpart team leader")
#: things one strikes that are agreements
DEAL_NOUNS = words("deal agreement accord bargain compromise pact truce ceasefire settlement")
#: the places and things armed force is aimed at
MILITARY_TARGETS = words(
    """
    target position base village town city convoy hospital facility camp site stronghold
    airport port depot bunker checkpoint outpost area district neighbourhood neighborhood
    compound building school market refinery plant airbase headquarters vessel ship
    """
)
#: what one "meets" that is not a meeting
NOT_MET = words(
    """
    deadline target goal expectation need requirement condition obligation standard criterion
    criteria cost resistance opposition death end fate challenge threshold quota approval
    press reporter journalist media
    """
)
#: objects of a verbal attack
WORD_OBJECTS = words(
    """
    policy plan decision idea proposal remark comment statement record handling approach
    stance position view claim report speech article law bill budget strategy deal
    leadership
    """
)
#: what an economy is "hit" by or hits
ECONOMY_WORDS = words(
    """
    economy market sale profit record high low target milestone headline price share stock
    revenue growth industry business export wall snag jackpot
    """
)
#: sanctions one is "hit with"
SANCTION_NOUNS = words("sanction tariff embargo fine penalty levy duty ban")
#: what one "charges" that is money
MONEY_NOUNS = words("fee price rate amount money interest tax premium toll rent cent dollar")
#: what one claims responsibility or credit for, and its code
CLAIMED_ACTS: dict[str, str] = {
    **dict.fromkeys(words("bombing blast explosion"), "183"),
    **dict.fromkeys(words("attack killing assault raid shooting ambush kidnapping"), "180"),
}
#: what is denied when a denial is a denial (CAMEO 016) rather than a refusal (120)
DENIED_CLAIMS = words(
    """
    allegation accusation claim report charge involvement responsibility role wrongdoing link
    meddling interference knowledge rumour rumor suggestion existence
    """
)
#: what is denied when a denial is a refusal
REFUSED_THINGS = words(
    """
    access entry visa permission request bail asylum admission allocation permit license
    licence application passage right landing clearance
    """
)
#: what is dismissed when a dismissal is a rejection
REJECTED_THINGS = words(
    """
    appeal offer proposal plan request demand call bid overture plea suggestion idea petition
    motion ultimatum
    """
)

SENSE_VERBS = words(
    "fire strike meet attack hit charge claim deny dismiss kill shoot exchange receive seize "
    "execute mobilize mobilise surrender question"
)

_OBJ_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_UP = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl"})


def _kids(parse: Parse, i: int, deps: frozenset[str] | set[str]) -> list[int]:
    return [c for c in parse.children[i] if parse.tokens[c].dep in deps]


def subject_token(parse: Parse, i: int) -> int | None:
    """The subject of verb `i`: its own, the agent of a passive, else (through an infinitive
    or a conjoined verb) the subject of the verb above it."""
    k = i
    for _ in range(4):
        subj = _kids(parse, k, {"nsubj", "csubj"})
        if subj:  # the nearest: "BARCELONA (Reuters) - Spanish police smashed"
            return min(subj, key=lambda c: abs(k - c))
        for a in _kids(parse, k, {"agent"}):
            pobj = _kids(parse, a, {"pobj"})
            if pobj:
                return pobj[0]
        if _kids(parse, k, {"nsubjpass"}):
            return None
        if parse.tokens[k].dep not in _UP or parse.tokens[k].head == k:
            return None
        k = parse.tokens[k].head
    return None


def _kind_of_noun(parse: Parse, n: int) -> str | None:
    tok = parse.tokens[n]
    mods = [parse.tokens[c].lemma for c in parse.children[n] if parse.tokens[c].dep
            in ("compound", "amod")]  # fmt: skip
    names = {tok.lemma, tok.lower, *(f"{m} {tok.lemma}" for m in mods)}
    for kind in (
        "irregular", "air", "police", "military", "labour", "protesters", "nature", "weapon",
    ):  # fmt: skip
        if names & KINDS[kind]:
            return kind
    if tok.ent == "ORG" and tok.lemma in ("force", "forces"):
        return "military"
    return None


def subject_kind(parse: Parse, i: int) -> str | None:
    """What kind of actor the subject of verb `i` is: "air", "military", "police",
    "labour", "irregular", "nature", "weapon", or None."""
    s = subject_token(parse, i)
    if s is None:
        return None
    kind = _kind_of_noun(parse, s)
    if kind is None:
        # "Russian aircraft including helicopter gunships", "the police and the army"
        for c in parse.children[s]:
            if parse.tokens[c].dep in ("conj", "appos", "compound"):
                kind = _kind_of_noun(parse, c)
                if kind:
                    break
    return kind


def _objects(parse: Parse, i: int) -> list[int]:
    out = _kids(parse, i, _OBJ_DEPS)
    out += _kids(parse, i, {"nsubjpass"})
    return out


def _lemmas(parse: Parse, heads: list[int]) -> set[str]:
    out = set()
    for h in heads:
        t = parse.tokens[h]
        out |= {t.lemma, t.lower}
        mods = [parse.tokens[c] for c in parse.children[h] if parse.tokens[c].dep
                in ("compound", "amod")]  # fmt: skip
        out |= {f"{m.lemma} {t.lemma}" for m in mods} | {f"{m.lower} {t.lower}" for m in mods}
    return out


def _prep_objects(parse: Parse, i: int, preps: set[str] | None = None) -> list[int]:
    out = []
    for p in _kids(parse, i, {"prep", "agent"}):
        if preps is None or parse.tokens[p].lower in preps:
            out += _kids(parse, p, {"pobj"})
    return out


def _is_person(parse: Parse, heads: list[int]) -> bool:
    return any(
        parse.tokens[h].ent in ("PERSON",) or parse.tokens[h].lemma in JOB_NOUNS for h in heads
    )


def _force_code(kind: str | None, default: str = "190") -> str:
    if kind == "air":
        return "195"
    if kind == "police":
        return "175"
    if kind == "irregular":
        return "180"
    return default


def _has_prt(parse: Parse, i: int, word: str) -> bool:
    return any(parse.tokens[c].lower == word for c in _kids(parse, i, {"prt", "prep", "advmod"}))


def _fire(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    kind = subject_kind(parse, i)
    at = _prep_objects(parse, i, {"at", "on", "into", "upon", "toward", "towards"})
    if i >= 2 and parse.tokens[i - 2].lower == "test" and parse.tokens[i - 1].text == "-":
        return "150"  # "test-fired a ballistic missile": a show of force
    if nouns & WEAPON_OBJECTS or (at and not objs) or _has_prt(parse, i, "back"):
        if kind == "police" or nouns & CROWD_WEAPONS:
            return "175"
        return _force_code(kind, "190")
    if _is_person(parse, objs) or _prep_objects(parse, i, {"from", "as", "over"}):
        return "172"
    if kind in ("military", "air", "irregular", "police"):
        return _force_code(kind, "190")
    return NO_EVENT if objs else None


def _strike(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    kind = subject_kind(parse, i)
    if nouns & DEAL_NOUNS:
        return "057"
    if kind == "nature" or _has_prt(parse, i, "down") or nouns & words("chord tone note pose"):
        return NO_EVENT
    if kind in ("air", "military", "irregular", "weapon") or nouns & MILITARY_TARGETS:
        return _force_code(kind if kind != "weapon" else None, "190")
    if kind == "labour" or (_prep_objects(parse, i, {"for", "over", "against"}) and not objs):
        return "143"
    if objs:
        return "190" if _is_person(parse, objs) else NO_EVENT
    return "143"


def _meet(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if "demand" in nouns:
        return "083"
    if nouns & NOT_MET:
        return NO_EVENT
    with_ = _prep_objects(parse, i, {"with"})
    if _lemmas(parse, with_) & NOT_MET:
        return NO_EVENT  # "met with resistance"
    return None


def _attack(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    kind = subject_kind(parse, i)
    if kind in ("air", "military", "irregular", "police", "weapon"):
        return _force_code(kind if kind != "weapon" else None, "190")
    sent = range(*parse.sentence_of(i))
    said = {parse.tokens[k].lemma for k in sent} & words(
        "speech interview tweet statement remark rally debate verbally publicly column op-ed"
    )
    if (
        nouns & WORD_OBJECTS
        or _prep_objects(parse, i, {"for", "as", "over"})
        or said
        or any(parse.tokens[c].dep == "ccomp" for c in parse.children[i])
    ):
        return "111"
    if nouns & MILITARY_TARGETS:
        return "190"
    return None


def _hit(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    kind = subject_kind(parse, i)
    with_ = _lemmas(parse, _prep_objects(parse, i, {"with"}))
    if _has_prt(parse, i, "back") or _has_prt(parse, i, "out"):
        return "111"  # "hit back at critics", "hit out at the EU"
    if with_ & SANCTION_NOUNS:
        return "163"
    if with_ & words("charge indictment lawsuit"):
        return "173"
    if kind == "nature" or nouns & ECONOMY_WORDS:
        return NO_EVENT
    if kind in ("air", "military", "irregular", "weapon") or nouns & MILITARY_TARGETS:
        return _force_code(kind if kind != "weapon" else None, "190")
    return NO_EVENT


def _charge(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if nouns & MONEY_NOUNS or parse.tokens[i].pos != "VERB":
        return NO_EVENT
    if any(parse.tokens[c].dep == "ccomp" for c in parse.children[i]):
        return "112"  # "charged that the government had lied"
    if _prep_objects(parse, i, {"at", "toward", "towards", "into"}) and not objs:
        return "180"  # "police charged at the crowd"
    return "173"


def _claim(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if nouns & words("responsibility credit"):
        acts = _lemmas(parse, _prep_objects(parse, i, {"for"}))
        acts |= _lemmas(parse, [g for o in objs for g in _prep_objects(parse, o, {"for"})])
        for act in sorted(acts):
            if act in CLAIMED_ACTS:
                return CLAIMED_ACTS[act]
        return "180"
    nouns |= _lemmas(parse, [g for o in objs for g in _prep_objects(parse, o, {"of"})])
    if nouns & words("life live death victim casualty"):
        return NO_EVENT  # "claimed the lives of 200 people", "thousands of victims"
    return None


def _deny(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if nouns & REFUSED_THINGS:
        return "120"
    if nouns & DENIED_CLAIMS or any(parse.tokens[c].dep == "ccomp" for c in parse.children[i]):
        return "016"
    return None


def _dismiss(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if _prep_objects(parse, i, {"as"}):
        return "111"
    if nouns & DENIED_CLAIMS:
        return "016"
    if nouns & REJECTED_THINGS:
        return "120"
    return None


def _kill(parse: Parse, i: int) -> str | None:
    kind = subject_kind(parse, i)
    if kind in ("air", "military", "police"):
        return _force_code(kind, "190")
    return None


def _shoot(parse: Parse, i: int) -> str | None:
    kind = subject_kind(parse, i)
    if _has_prt(parse, i, "down"):
        return "190" if kind != "air" else "195"  # "shot down a drone"
    if kind == "police":
        return "175"
    return None


def _exchange(parse: Parse, i: int) -> str | None:
    nouns = _lemmas(parse, _objects(parse, i))
    if nouns & words("fire gunfire shot salvo blow"):
        return "190"
    if nouns & words("barb insult accusation criticism word jibe taunt"):
        return "111"
    return None


def _receive(parse: Parse, i: int) -> str | None:
    """Receiving a visitor is hosting (043), receiving inspectors or peacekeepers letting an
    outside body in (086); receiving a letter, a call or an award is not an act of the
    receiver."""
    objs = _objects(parse, i)
    if not objs:
        return None
    if _lemmas(parse, objs + [g for o in objs for g in _prep_objects(parse, o, {"of"})]) & (
        MONITORS
    ):
        return "086"  # "received a mission of observers from the OSCE"
    if (
        _is_person(parse, objs)
        or any(parse.tokens[o].ent in ("PERSON", "ORG", "NORP", "GPE") for o in objs)
        or _lemmas(parse, objs) & VISITORS
    ):
        return "043"
    return NO_EVENT


#: outside bodies a state lets in, whose reception is an opening to international involvement
MONITORS = words("inspector observer monitor peacekeeper investigator rapporteur fact-finder")
#: armed men whose surrender is a military retreat (0874), not a political concession
ARMED = (
    KINDS["military"]
    | KINDS["irregular"]
    | words("rebel guerrilla guerilla fighter insurgent separatist garrison unit")
)
#: what is mobilised when a mobilisation is of armed forces
MILITARY_MEANS = KINDS["military"] | words("reservist reserve conscript unit division")


def _mobilize(parse: Parse, i: int) -> str | None:
    """Mobilising troops is a show of force (154); mobilising against someone is rallying
    opposition (113); mobilising supporters, groups or opinion is rallying support (053)."""
    objs = _objects(parse, i)
    nouns = _lemmas(parse, objs)
    if _prep_objects(parse, i, {"against"}):
        return "113"
    if nouns & MILITARY_MEANS or (not objs and subject_kind(parse, i) in ("military", "air")):
        return "154"
    if objs:
        return "053"  # "mobilized pressure groups", "mobilised its supporters"
    return None


def _surrender(parse: Parse, i: int) -> str | None:
    """Armed men who surrender retreat militarily (0874); others yield (the lexicon's 080)."""
    s = subject_token(parse, i)
    if s is None:
        return None
    heads = [s, *_prep_objects(parse, s, {"of"})]  # "hundreds of militants"
    if _lemmas(parse, heads) & ARMED or subject_kind(parse, i) == "military":
        return "0874"
    return None


#: people taken, as opposed to property seized
PEOPLE = words(
    """
    businessman tourist hostage worker journalist civilian child girl boy woman man people
    passenger official pilgrim student villager sailor crew engineer foreigner
    """
)


def _seize(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    if _is_person(parse, objs) or _lemmas(parse, objs) & PEOPLE:
        return "181"  # "kidnappers seized a businessman": an abduction
    return None


def _execute(parse: Parse, i: int) -> str | None:
    objs = _objects(parse, i)
    if (
        _is_person(parse, objs)
        or _lemmas(parse, objs) & PEOPLE
        or any(
            parse.tokens[o].tag == "NNS" and parse.tokens[o].lemma in KINDS["military"]
            for o in objs
        )
    ):
        return "180"  # "the militia executed ten civilians"
    return NO_EVENT if objs else None


def _question(parse: Parse, i: int) -> str | None:
    """Questioning people is an interrogation (090); questioning a decision is no act."""
    objs = _objects(parse, i)
    if _is_person(parse, objs) or _lemmas(parse, objs) & (PEOPLE | words("suspect")):
        return "090"  # "police are questioning three men"
    return NO_EVENT if objs else None


_SENSES = {
    "question": _question,
    "mobilize": _mobilize,
    "mobilise": _mobilize,
    "surrender": _surrender,
    "seize": _seize,
    "execute": _execute,
    "receive": _receive,
    "fire": _fire,
    "strike": _strike,
    "meet": _meet,
    "attack": _attack,
    "hit": _hit,
    "charge": _charge,
    "claim": _claim,
    "deny": _deny,
    "dismiss": _dismiss,
    "kill": _kill,
    "shoot": _shoot,
    "exchange": _exchange,
}


def by_force(parse: Parse, i: int, code: str | None) -> str | None:
    """The code of force as its author's kind makes it: force (CAMEO 18, 19) used by the police
    is repression (175: "riot police smashed their way into the polling station"), by aircraft
    aerial (195), by armed forces conventional (190; a blockade 191), by gunmen or militants
    unconventional violence (180)."""
    if not code or (code[:2] not in ("14", "18", "19") and code not in _PROTEST_FORCE):
        return code
    kind = subject_kind(parse, i)
    if kind == "protesters" and code in _PROTEST_FORCE:
        return _PROTEST_FORCE[code]  # "protesters clashed with police": a riot
    if code[:2] == "17":
        return code
    if code == "183" and _state_subject(parse, i):
        return "195"  # "the Americans bombed air defence sites": a state's bombing is aerial
    if kind in ("police", "military") and _at_crowd(parse, i):
        return "175"  # "security forces opened fire on demonstrators": repression
    if kind == "police" and code[:2] != "14":
        return "175"
    if kind == "air" and code[:2] != "14":
        return "195"  # "jets bombed the town": aerial weapons
    if kind == "military":
        if code == "144":
            return "191"  # "the navy blockaded the port"
        if code[:2] == "18" and code[:3] != "182":
            return "190"  # "troops bombed the town"; beating and torture stay what they are
    if kind == "irregular" and code[:2] == "19":
        return "180"  # "gunmen opened fire", "assailants hurled a grenade"
    return code


#: force used by protesters, as the protest it is: occupying or blocking a place is an
#: obstruction (144), fighting or burning a riot (145)
_PROTEST_FORCE = {
    "192": "144",
    "191": "144",
    "190": "145",
    "193": "145",
    "171": "145",
    "180": "145",
    "182": "145",
}
#: the crowds that force by police or troops is used against
CROWDS = words(
    """
    demonstrator protester protestor marcher rioter student mourner worshipper
    demonstration protest rally march
    """
)


def _state_subject(parse: Parse, i: int) -> bool:
    """The subject of verb `i` is a state: a country or its people named ("the Americans",
    "Israel"), or its government."""
    s = subject_token(parse, i)
    if s is None:
        return False
    tok = parse.tokens[s]
    return tok.ent in ("GPE", "NORP") or tok.lemma in ("government", "administration")


def _at_crowd(parse: Parse, i: int) -> bool:
    """Verb `i`'s object or prepositional object is a crowd ("fired on demonstrators")."""
    heads = _objects(parse, i) + _prep_objects(parse, i)
    heads += [g for h in list(heads) for g in _prep_objects(parse, h, {"on", "at", "into"})]
    return bool(_lemmas(parse, heads) & CROWDS)


def sense_code(parse: Parse, i: int) -> str | None:
    """The code of ambiguous verb `i` in its sense, `NO_EVENT`, or None (undecided)."""
    tok = parse.tokens[i]
    lemma = "strike" if tok.lower in ("struck", "strikes", "striking") else tok.lemma
    sense = _SENSES.get(lemma)
    return sense(parse, i) if sense is not None else None
