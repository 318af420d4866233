"""Who acts on whom in an event: the actor and target phrases of a coded verb or noun.

`events` finds the coded verbs and nouns of a sentence; this module reads their parties from
the parse. A subject names the actor (the agent of a passive, the subject of the verb that
embeds it, a co-subject of a mutual act); objects and the objects of prepositions name the
targets. Each party is the article's entity covering those words, with the country its
description gives ("Russian President Vladimir Putin", "the Catalan government"), or a bare
noun phrase placed in the story's own country when it is one of that country's institutions
("Police", "the parliament"). Datelines ("BARCELONA (Reuters) -") are never a party.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.actors import code_country, country_code, officeholder_country
from newsloom.analyse.cameo import (
    ACT_NOUNS,
    ATTACK_NOUNS,
    SYMMETRIC_CODES,
)
from newsloom.analyse.coding import children as _children
from newsloom.analyse.coding import conj_heads as _conj_heads
from newsloom.analyse.coding import misparsed_main
from newsloom.analyse.lexicon import GROUP_NOUNS, INSTITUTION_NOUNS, ROLE_WORDS
from newsloom.analyse.parse import Parse, Token
from newsloom.analyse.phoenix import phoenix_country
from newsloom.analyse.roles import ROLE_LEXICON, role_of
from newsloom.analyse.scene import country_of, place_of
from newsloom.analyse.verbdict import phrase_after
from newsloom.article import Entity

__all__ = [
    "PRONOUNS",
    "Party",
    "after_dateline",
    "at_home",
    "is_dateline",
    "is_security",
    "leading_pair",
    "names_two",
    "noun_roles",
    "outer_verbs",
    "partners",
    "person_countries",
    "phrase_party",
    "pick_target",
    "place_target",
    "placed",
    "sides_of",
    "subject_of",
    "targets_of",
]

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})


_OBJ = frozenset({"dobj", "obj", "dative", "attr", "oprd"})


_TARGET_PREPS = frozenset(
    {"to", "with", "on", "against", "at", "from", "of", "for", "over", "alongside", "between"}
)


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"})


_COMPLEMENT = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp"})


_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})


_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


_PLURAL_PRONOUNS = frozenset({"they", "we"})


#: Head nouns of the institutions and groups a story's own country leaves unqualified
#: ("Police fired", "members of Congress", "opposition parties").
_DOMESTIC_NOUNS = INSTITUTION_NOUNS | GROUP_NOUNS


#: ... and the members of such bodies, in the plural ("officers", "lawmakers", "troops")
_DOMESTIC_MEMBERS = ROLE_WORDS | frozenset().union(*ROLE_LEXICON.values())


#: Roles of a country's forces of order.
_SECURITY_ROLES = frozenset({"COP", "MIL"})


class Party:
    """An actor or target while the stage works: name, actor code, head token, and whether
    an entity names it (rather than a bare noun phrase)."""

    __slots__ = ("code", "kind", "name", "named", "token")

    def __init__(
        self, name: str | None, code: str | None, token: int, named: bool, kind: str = ""
    ) -> None:
        self.name, self.code, self.token, self.named = name, code, token, named
        #: the entity label that names it ("PERSON", "ORG", ...), else the head's part of speech
        self.kind = kind


def person_countries(parse: Parse, entities: Sequence[Entity]) -> dict[str, str]:
    """Canonical person -> country, from the words the article puts before or beside them.

    "Russian President Vladimir Putin", "Britain's ambassador Tim Barrow", "Carles
    Puigdemont, the Catalan leader": the first description that names a country wins, and
    holds for the person's other mentions ("Putin said").
    """
    out: dict[str, str] = {}
    for ent in entities:
        if ent.canonical and ent.actor_code and ent.canonical not in out:
            out[ent.canonical] = ent.actor_code
    for ent in entities:
        if ent.label != "PERSON" or not ent.canonical or ent.canonical in out:
            continue
        first = parse.token_at(ent.start)
        if first is None:
            continue
        lo = parse.sentence_of(first)[0]
        before = parse.text[parse.tokens[max(lo, first - 5)].start : ent.start]
        # stop at the previous clause: "Trump told Macron" must not give Macron Trump's words
        before = before.rsplit(",", 1)[-1].rsplit(" and ", 1)[-1]
        code = (
            country_of(None, before)
            or officeholder_country(ent.canonical)
            or phoenix_country(ent.canonical)
        )
        if code is None:
            head = parse.tokens[first].head
            for c in parse.children[head] if head != first else ():
                if parse.tokens[c].dep == "appos":
                    tok = parse.tokens[c]
                    code = country_of(None, parse.span_text(tok.left, tok.right + 1))
        if code:
            out[ent.canonical] = code
    # short mentions ("Trump", "May") take the code of the one full name that ends with them
    surnames: dict[str, set[str]] = {}
    for name, code in out.items():
        if " " in name:
            surnames.setdefault(name.split()[-1], set()).add(code)
    for surname, codes in surnames.items():
        if len(codes) == 1 and surname not in out:
            out[surname] = next(iter(codes))
    return out


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    for ent in entities:
        if ent.start < end and start < ent.end and ent.label in _ENTITY_LABELS:
            return ent
    return None


def phrase_party(
    parse: Parse, entities: Sequence[Entity], people: dict[str, str], i: int
) -> Party | None:
    """The actor a noun phrase headed by token `i` names.

    The entity on the head word ("Putin"), else an entity that modifies it ("the Trump
    administration", "the Russian president", "Putin's government", "members of Congress"),
    else the phrase up to its head, with a country only if its words name one.
    """
    tok = parse.tokens[i]
    ent = _entity_at(entities, tok.start, tok.end)
    if ent is None and tok.lower.rstrip(".") in ROLE_WORDS:
        # "US President, Donald Trump": the title's apposition names the person
        for c in _children(parse, i, {"appos"}):
            found = _entity_at(entities, parse.tokens[c].start, parse.tokens[c].end)
            if found is not None and found.label == "PERSON":
                return phrase_party(parse, entities, people, c)
    named = ent is not None
    if ent is None:
        mods = [c for c in parse.children[i] if parse.tokens[c].dep in _MODIFIERS]
        for p in parse.children[i]:
            if parse.tokens[p].dep == "prep" and parse.tokens[p].lower == "of":
                mods.extend(_children(parse, p, {"pobj"}))
        for m in mods:
            mt = parse.tokens[m]
            ent = _entity_at(entities, parse.tokens[mt.left].start, parse.tokens[mt.right].end)
            if ent is not None:
                break
    phrase = parse.text[parse.tokens[tok.left].start : tok.end]
    if ent is not None:
        name = ent.canonical or ent.text
        code = (
            ent.actor_code
            or people.get(name)
            or people.get(name.split()[-1] if name else "")
            or country_of(name, phrase)
        )
        kind = ent.label
        if not named and tok.pos == "NOUN" and ent.label in ("GPE", "NORP"):
            name = phrase  # "Spanish police", "the Catalan government"
            kind = tok.pos
            if code and len(code) == 3:
                words = [parse.tokens[k].lower for k in range(tok.left, i + 1)]
                code += role_of(words) or ""  # "Spanish riot police" -> ESPCOP
        return Party(name, code, i, True, kind)
    if tok.pos in ("NOUN", "PROPN"):
        return Party(phrase, country_of(None, phrase), i, False, tok.pos)
    if tok.pos == "PRON" and tok.lower in PRONOUNS:
        return Party(tok.text, None, i, False, tok.pos)
    return None


def outer_verbs(parse: Parse, i: int) -> list[int]:
    """The verbs that govern verb `i` through complements ("said he would invite")."""
    out = []
    k = i
    while parse.tokens[k].dep in _COMPLEMENT and parse.tokens[k].head != k:
        k = parse.tokens[k].head
        out.append(k)
        if len(out) > 4:
            break
    return out


def subject_of(parse: Parse, i: int, outer: list[int]) -> tuple[int | None, bool]:
    """The actor token of verb `i` and whether the verb is passive.

    A verb without a subject ("by signing", "committed to providing") takes the subject of
    the nearest governing verb that has one; a pronoun subject of an embedded verb ("Amazon
    said it will buy") takes the subject of the verb that embeds it.
    """
    passive = any(parse.tokens[c].dep in ("nsubjpass", "auxpass") for c in parse.children[i])
    if passive:
        for a in _children(parse, i, {"agent"}):
            pobj = _children(parse, a, {"pobj"})
            if pobj:
                return pobj[0], True
        return None, True
    subj = _own_subjects(parse, i)
    if not subj and misparsed_main(parse, i):
        return parse.tokens[i].head, False  # "The rebels handed over their weapons"
    if not subj and parse.tokens[i].dep == "acl":
        owner = _act_owner(parse, parse.tokens[i].head)
        if owner is not None:
            return owner, False  # "the decision taken by the parliament to declare ..."
    for hops, k in enumerate(parse.ancestors(i), 1):
        if subj and parse.tokens[subj[0]].lower not in PRONOUNS:
            break
        if subj and parse.tokens[subj[0]].lower in _PLURAL_PRONOUNS:
            break  # "they discussed ..., the White House said": not the White House
        if hops > 5 or parse.tokens[k].dep == "relcl":
            break
        if parse.tokens[k].pos in ("VERB", "AUX"):
            found = _own_subjects(parse, k)
            if found and not subj:
                subj = found
            elif found and parse.tokens[found[0]].lower not in PRONOUNS:
                subj = found
                break
    return (subj[0] if subj else None), False


def _own_subjects(parse: Parse, i: int) -> list[int]:
    """The subjects of verb `i`, nearest first: its own, else one the parser hung on its
    auxiliary ("parliament had earlier voted" with "parliament" under "had"). Of two subjects,
    the one nearer the verb is the real one ("SINGAPORE (AP) - US President Trump signed")."""
    subj = _children(parse, i, {"nsubj"})
    if not subj:
        for a in _children(parse, i, {"aux"}):
            if parse.tokens[a].ent == "PERSON":
                subj.append(a)  # "Theresa May called": the name read as the modal "may"
            subj += _children(parse, a, {"nsubj"})
    return sorted(subj, key=lambda k: abs(i - k))


def _act_owner(parse: Parse, noun: int) -> int | None:
    """Whose decision, plan or motion a noun is: its possessor ("her plan"), or the agent of
    a participle on it ("the decision taken by the Catalan parliament")."""
    if parse.tokens[noun].lemma not in ACT_NOUNS:
        return None
    for c in parse.children[noun]:
        t = parse.tokens[c]
        if t.dep == "poss" and t.lower not in PRONOUNS:
            return c
        if t.dep == "acl":
            for a in _children(parse, c, {"agent"}):
                pobj = _children(parse, a, {"pobj"})
                if pobj:
                    return pobj[0]
    return None


def _target_heads(parse: Parse, i: int, passive: bool, actor_tok: int | None) -> list[int]:
    """Candidate target heads of verb `i`, best first."""
    heads = []
    # "displeased with Russia": the adjective's preposition; "wanted X to speak": X
    owners = [i, *_children(parse, i, {"acomp"})]
    for c in [c for k in owners for c in parse.children[k]]:
        t = parse.tokens[c]
        if (passive and t.dep == "nsubjpass") or t.dep in ("dobj", "dative", "obj"):
            heads.append(c)
        elif t.dep == "prep" and t.lower in _TARGET_PREPS:
            heads.extend(_children(parse, c, {"pobj"}))
        elif t.dep in ("ccomp", "xcomp"):
            heads.extend(_children(parse, c, {"nsubj"}))
        elif t.dep == "advcl" and any(
            parse.tokens[m].lower in ("if", "unless") for m in parse.children[c]
        ):
            # "may attack if North Korea's program is not shut down": the condition's subject
            heads.extend(_children(parse, c, {"nsubj", "nsubjpass"}))
    for c in list(heads):
        # the owner of an object: "lauding the Russian president", "blamed Putin's policy"
        heads.extend(_children(parse, c, {"poss"}))
        for p in _children(parse, c, {"prep"}):
            if parse.tokens[p].lower in ("on", "against", "with", "to", "of"):
                heads.extend(_children(parse, p, {"pobj"}))
    return [h for h in heads if h != actor_tok]


def targets_of(
    parse: Parse,
    entities: Sequence[Entity],
    people: dict[str, str],
    i: int,
    passive: bool,
    subj: int | None,
    code: str,
    home: str | None = None,
) -> list[Party]:
    """The targets of verb `i`: named objects first (each conjoined one: "spoke to Tusk and
    Merkel"), then a co-actor of a mutual act ("Trump and Kim signed"), then a phrase that
    names a country."""
    heads = [c for h in _target_heads(parse, i, passive, subj) for c in _conj_heads(parse, h)]
    candidates = [
        at_home(parse, a, home)
        for h in heads
        if (
            parse.tokens[h].ent not in ("DATE", "TIME", "CARDINAL", "MONEY")
            or _is_person(entities, parse.tokens[h])  # "spoke to May": not the month
        )
        and (a := phrase_party(parse, entities, people, h)) is not None
        and a.name
    ]
    named = [a for a in candidates if a.named]
    if named and code in SYMMETRIC_CODES:
        return named
    if len(named) > 1:
        return named  # the caller picks one, once it knows the actor
    if subj is not None and code in SYMMETRIC_CODES:
        conj = _conj_heads(parse, subj)
        if len(conj) > 1:
            other = phrase_party(parse, entities, people, conj[1])
            return [other] if other is not None else []
    if named:
        return named[:1]
    coded = [a for a in candidates if a.code]
    return coded[:1]


def _is_person(entities: Sequence[Entity], tok: Token) -> bool:
    return any(e.label == "PERSON" and e.start < tok.end and tok.start < e.end for e in entities)


def _entity_actor(e: Entity, people: dict[str, str], token: int) -> Party:
    """A named entity as an actor, with its code or the one its person has elsewhere."""
    name = e.canonical or e.text
    return Party(name, e.actor_code or people.get(name), token, True, e.label)


def leading_pair(
    parse: Parse, entities: Sequence[Entity], people: dict[str, str]
) -> tuple[Party, Party] | None:
    """The article's two most mentioned people, when "the two leaders" comes before any
    mutual act names them (the headline did)."""
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for e in entities:
        if e.label == "PERSON" and e.canonical:
            counts[e.canonical] = counts.get(e.canonical, 0) + 1
            first.setdefault(e.canonical, e)
    top = sorted(counts, key=lambda n: (-counts[n], first[n].start))[:2]
    if len(top) < 2 or counts[top[1]] < 2:
        return None
    ks = [parse.token_at(first[name].start) for name in top]
    a, b = (_entity_actor(first[n], people, k or 0) for n, k in zip(top, ks, strict=True))
    return a, b


def sides_of(
    parse: Parse, entities: Sequence[Entity], people: dict[str, str], subj: int
) -> list[Party]:
    """The named parties in a subject ("US President Donald Trump and North Korean leader Kim
    Jong Un", however the parser attached the two names), in text order."""
    tok = parse.tokens[subj]
    lo, hi = parse.tokens[tok.left].start, parse.tokens[tok.right].end
    out: list[Party] = []
    for e in entities:
        if not (lo <= e.start and e.end <= hi) or e.label not in ("PERSON", "ORG", "GPE"):
            continue
        k = parse.token_at(e.start)
        name = e.canonical or e.text
        if k is None or any(a.name == name for a in out):
            continue
        if e.label == "GPE" and e.start < 3:
            continue  # a dateline
        last = parse.token_at(max(e.end - 1, e.start))
        if (
            e.label in ("GPE", "ORG")
            and last is not None
            and (_qualifies_person(parse, entities, last) or _titles_next(parse, entities, last))
        ):
            continue  # "US President Donald Trump", "European Council President Donald Tusk"
        out.append(_entity_actor(e, people, k))
    return out


#: Prepositions that name the other party of a mutual act ("signed alongside Kim").
_PARTNER_PREPS = frozenset({"with", "alongside", "between"})


def partners(
    parse: Parse,
    entities: Sequence[Entity],
    people: dict[str, str],
    i: int,
    actor: Party | None,
) -> list[Party]:
    """The other party of a mutual act named in the verb's clause after "with",
    "alongside" or "between", where the parser hung it elsewhere."""
    tok = parse.tokens[i]
    lo, hi = parse.tokens[tok.left].start, parse.tokens[tok.right].end
    for e in entities:
        if e.label != "PERSON" or not (lo <= e.start and e.end <= hi):
            continue
        if actor is not None and (e.canonical or e.text) == actor.name:
            continue
        k = parse.token_at(e.start)
        if k is None:
            continue
        head = k
        while parse.tokens[head].dep in ("compound", "flat") and parse.tokens[head].head != head:
            head = parse.tokens[head].head
        prep = parse.tokens[parse.tokens[head].head]
        if parse.tokens[head].dep == "pobj" and prep.lower in _PARTNER_PREPS:
            return [_entity_actor(e, people, head)]
    return []


def place_target(
    parse: Parse,
    entities: Sequence[Entity],
    people: dict[str, str],
    i: int,
    actor: Party | None,
) -> list[Party]:
    """With no target found, a country named in the verb's own phrase other than the actor's
    own: "continue military aid to war-torn Mozambique", "lifted a curfew in Montenegro",
    "threatened to ban voting in East Jerusalem". Not a place that describes the actor."""
    tok = parse.tokens[i]
    own = code_country(actor.code) if actor is not None and actor.code else None
    for k in phrase_after(parse, i):
        if k > tok.right or parse.tokens[k].ent not in ("GPE", "NORP"):
            continue
        e = _entity_at(entities, parse.tokens[k].start, parse.tokens[k].end)
        if e is None or not e.actor_code or e.label not in ("GPE", "NORP"):
            continue
        if code_country(e.actor_code) in (None, own):
            continue
        return [_entity_actor(e, people, k)]
    return []


def _qualifies_person(parse: Parse, entities: Sequence[Entity], k: int) -> bool:
    """Token `k` modifies a word of a person's name or title."""
    tok = parse.tokens[k]
    if tok.dep not in _MODIFIERS or tok.head == k:
        return False
    head = parse.tokens[tok.head]
    for _ in range(3):
        if _is_person(entities, head):
            return True
        if head.dep not in (*_MODIFIERS, "flat") or head.head == head.i:
            return False
        head = parse.tokens[head.head]
    return _is_person(entities, head)


def _titles_next(parse: Parse, entities: Sequence[Entity], k: int) -> bool:
    """A place or body followed by a title and a name ("US President Donald Trump"): it says
    whose office the person holds, it is not a party of its own."""
    j = k + 1
    while j < len(parse.tokens) and j <= k + 4:
        t = parse.tokens[j]
        if _is_person(entities, t):
            return j > k + 1
        if t.lower.rstrip(".") not in ROLE_WORDS and t.pos not in ("ADJ", "PROPN", "NOUN"):
            return False
        j += 1
    return False


def is_dateline(parse: Parse, entities: Sequence[Entity], i: int) -> bool:
    """Token `i` is a dateline's place: a place name opening the text, followed by a dash, a
    colon, a comma or an agency in brackets ("BARCELONA (Reuters) -", "Barcelona:")."""
    tok = parse.tokens[i]
    if tok.start > 40:
        return False
    for e in entities:
        if e.label in ("GPE", "LOC") and e.start <= tok.start < e.end and e.start < 3:
            after = parse.text[e.end : e.end + 3].lstrip()
            return after[:1] in ("(", "-", "–", "—", ":", ",")
    return False


def after_dateline(
    parse: Parse, entities: Sequence[Entity], people: dict[str, str], i: int
) -> Party | None:
    """The real subject the parser hung under a dateline: its first noun child after it."""
    for c in parse.children[i]:
        t = parse.tokens[c]
        if c > i and t.pos in ("NOUN", "PROPN") and not is_dateline(parse, entities, c):
            return phrase_party(parse, entities, people, c)
    return None


def is_security(actor: Party | None) -> bool:
    code = (actor.code if actor is not None else None) or ""
    return code_country(code) is not None and code[3:6] in _SECURITY_ROLES


def names_two(parse: Parse, i: int) -> bool:
    """ "they", "the two leaders", "both presidents": the two sides of the last mutual act."""
    tok = parse.tokens[i]
    if tok.lower in _PLURAL_PRONOUNS:
        return True
    if tok.pos != "NOUN" or tok.tag != "NNS":
        return False
    return any(parse.tokens[c].lower in ("two", "both") for c in parse.children[i])


def at_home(parse: Parse, actor: Party | None, home: str | None) -> Party | None:
    """An actor without a country, when it is an organisation or an institution or group the
    story's own country leaves unqualified ("Police", "the parliament", "officers"), belongs
    to the article's home country, with the role its head word gives. People are not placed
    so: a foreign leader is often named without a nationality."""
    if actor is None or actor.code or home is None:
        return actor
    head = parse.tokens[actor.token]
    institution = head.lemma in _DOMESTIC_NOUNS or head.lower in _DOMESTIC_NOUNS
    members = (head.tag in ("NNS", "NNPS") and head.lemma in _DOMESTIC_MEMBERS) or (
        head.lower in _DOMESTIC_MEMBERS and head.lower.endswith("s")  # "MPs" tagged NN
    )
    if actor.kind != "ORG" and not (actor.kind in ("NOUN", "PROPN") and (institution or members)):
        return actor  # a person's country comes from what the text says of them
    phrase = [parse.tokens[k].lower for k in range(head.left, actor.token + 1)]
    actor.code = home + (role_of(phrase) or "")
    return actor


def placed(
    parse: Parse,
    entities: Sequence[Entity],
    i: int,
    actor: Party | None,
    targets: list[Party],
) -> tuple[Party | None, list[Party]]:
    """An attack with no named attacker ("the attack on the town of X killed 80 people") and
    its unnamed victims are placed in the country where it happened."""
    if actor is not None and actor.code and all(t.code for t in targets):
        return actor, targets
    clause = range(parse.tokens[i].left, parse.tokens[i].right + 1)
    place = place_of(parse, entities, clause)
    if place is None:
        return actor, targets
    if actor is None or parse.tokens[actor.token].lemma in ATTACK_NOUNS:
        actor = Party(None, place, i, False, "")
    elif not actor.code and actor.kind in ("NOUN", ""):
        actor.code = place
    if not targets:
        targets = [Party(None, place, i, False, "")]
    for t in targets:
        if not t.code and t.kind in ("NOUN", ""):
            t.code = place
    return actor, targets


def pick_target(parse: Parse, targets: list[Party], actor: Party | None) -> list[Party]:
    """The named targets, one event each ("criticised China and Russia"), but not the actor's
    own country named as a tool ("withdrew the U.S. from the accord with Iran" is aimed at
    Iran)."""
    own = (actor.code or "")[:3] if actor is not None else ""
    others = [
        t
        for t in targets
        if not (own and (t.code or "")[:3] == own and country_code(t.name or "") is not None)
    ]
    if not others:
        return targets[:1]
    first = others[0]
    joined = set(_conj_heads(parse, first.token))
    for t in others[1:]:
        if first.token in _conj_heads(parse, t.token):
            joined.add(t.token)
    return [t for t in others if t is first or t.token in joined]


def noun_roles(
    parse: Parse, entities: Sequence[Entity], people: dict[str, str], i: int
) -> tuple[Party | None, list[Party]]:
    """Actor and targets of an event noun: "EU sanctions on Russia", "calls with Merkel"."""
    actor = None
    targets: list[Party] = []
    for c in parse.children[i]:
        t = parse.tokens[c]
        if t.dep in ("compound", "poss", "amod", "nmod") and actor is None:
            if t.lower not in PRONOUNS and t.ent not in ("DATE", "TIME", ""):
                actor = phrase_party(parse, entities, people, c)
        elif t.dep == "prep" and t.lower in ("on", "against", "with", "between", "of"):
            for pobj in _children(parse, c, {"pobj"}):
                for h in _conj_heads(parse, pobj):
                    found = phrase_party(parse, entities, people, h)
                    if found is not None and found.name:
                        targets.append(found)
    return actor, targets
