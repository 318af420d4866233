"""CAMEO-coded events: actor, action and target read from one sentence's dependency parse.

For each verb the lexicon (`cameo`) knows, the actor is its subject (the agent of a passive,
or the subject of the verb it depends on: "Trump said he would invite Kim"), the target its
object or the object of its preposition ("spoke with Putin", "called on MPs", "sanctions
against Iran"). Actor and target are the article's entities covering those words, with their
canonical name and country code; a pronoun subject takes the previous sentence's actor.

A verb of saying or intending whose complement holds a coded event gives way to that event
("announced that the US will withdraw" is 161, not a statement); the embedded event keeps the
outer subject's country when it has none of its own. Modality comes from the verb's
surroundings: negated ("did not sign"), conditional ("may attack if"; a conditional attack is
a threat, 138), intended ("will", "plans to"), reported ("reportedly", "X said ... had", or
inside a quotation: the speaker's words, not the reporter's).

The date is the date expression (from `article.dates`) of the event's own clause ("signed on
Monday"; not "an election on 8 June", which dates the election). Without one, the date is None,
never the publication date by default, with one exception that the dev gold also makes: a
report in the present or present perfect ("has triggered", "says he is dissolving", "is
buying") is the news of the day and takes the publication date when it is a full day. A simple
past without a date ("signed the treaty") stays None: it may be days old.

Countries: an entity's `actor_code` (the entities stage) first; else the code the article gives
the same person elsewhere ("Russian President Vladimir Putin" ... "Putin said"); else our own
light `country_of` on the words of the phrase. That last function is the one place to swap for
another resolver.

The stage reads only the parse that the `nlp` stage made: no second spaCy pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsloom.analyse.cameo import (
    REPORTING_VERBS,
    SYMMETRIC_CODES,
    root,
)
from newsloom.analyse.coding import children as _children
from newsloom.analyse.coding import has_mass_violence, noun_code, verb_code
from newsloom.analyse.event_dates import event_date
from newsloom.analyse.lexicon_code import default_code
from newsloom.analyse.marks import find_quoted
from newsloom.analyse.modality import announced, modality_of, with_modality
from newsloom.analyse.parse import Parse, parse_text
from newsloom.analyse.parties import (
    PRONOUNS,
    Party,
    after_dateline,
    at_home,
    is_dateline,
    is_security,
    leading_pair,
    names_two,
    noun_roles,
    outer_verbs,
    partners,
    person_countries,
    phrase_party,
    pick_target,
    place_target,
    placed,
    sides_of,
    subject_of,
    targets_of,
)
from newsloom.analyse.scene import country_of, home_country
from newsloom.analyse.senses import by_force
from newsloom.article import Article, DateExpression, Entity, Event
from newsloom.pipeline import Context, stage

__all__ = ["country_of", "find_events", "person_countries"]

#: Roots of repression and assault: done by police or troops with no one named, they fall
#: on the country's own civilians.
_REPRESSION_ROOTS = frozenset({"17", "18"})
#: Roots of force: an unnamed attacker or victim is placed where the attack happened.
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def find_events(
    parse: Parse,
    entities: Sequence[Entity],
    dates: Sequence[DateExpression] = (),
    published: str | None = None,
) -> tuple[Event, ...]:
    """The CAMEO events of one parsed text (`published`: the article's publication date)."""
    events: list[Event] = []
    people = person_countries(parse, entities)
    mass = has_mass_violence(parse)
    home = home_country(parse, entities)
    quoted = [(q.start, q.end) for q in find_quoted(parse.text)]
    previous: Party | None = None
    #: the two sides of the last mutual act ("Trump spoke with Putin"), for "they", "the two"
    pair: tuple[Party, Party] | None = None
    leaders = leading_pair(parse, entities, people)
    for first, stop in parse.sents:
        if stop <= first:
            continue
        s_start, s_end = parse.tokens[first].start, parse.tokens[stop - 1].end
        sentence = parse.text[s_start:s_end]
        found: list[tuple[int, str]] = []
        for i in range(first, stop):
            tok = parse.tokens[i]
            if tok.pos in ("VERB", "AUX"):
                code = verb_code(parse, i, mass)
                if code:
                    found.append((i, code))
        verbs = {i for i, _ in found}
        for i in range(first, stop):
            tok = parse.tokens[i]
            if tok.pos == "NOUN" and tok.head not in verbs:
                code = noun_code(parse, i)
                if code:
                    found.append((i, code))
        if not found:
            # nothing coded: the dictionary's default code of the sentence's main verb, for a
            # material act (its defaults for words and meetings are its broadest guesses)
            defaults = [
                (_depth(parse, i), i, c)
                for i in range(first, stop)
                if parse.tokens[i].pos == "VERB" and i not in verbs
                and (c := by_force(parse, i, default_code(parse, i))) is not None
                and root(c) in _DEFAULT_ROOTS
            ]  # fmt: skip
            found += [(i, c) for _, i, c in sorted(defaults)[:1]]  # the main verb's
        if not found and not any(s_start < b and a < s_end for a, b in quoted):
            # still nothing: the sentence's main verb of saying is a statement (CAMEO 010);
            # not for a quotation, whose words may be anything (a criticism, a threat)
            said = [
                (_depth(parse, i), i)
                for i in range(first, stop)
                if parse.tokens[i].pos == "VERB" and parse.tokens[i].lemma in _STATEMENT_VERBS
            ]
            found += [(i, "010") for _, i in sorted(said)[:1]]
        found.sort()
        coded = {i for i, _ in found}
        # an appeal, a demand or a refusal is the event, not the act it asks for or refuses
        appeals = [i for i, c in found if c in ("020", "100", "120")]
        sentence_actor: Party | None = None
        for i, code in found:
            tok = parse.tokens[i]
            inside = set(_descendants(parse, i))
            if root(code) == "01" and coded & (inside - {i}):
                continue  # "announced that the US will withdraw": the announced event counts
            if any(a != i and _complement_of(parse, i, a) for a in appeals):
                continue  # "wanted X to speak with Kim": the appeal is the event
            outer = outer_verbs(parse, i)
            subj: int | None = None
            passive = False
            if tok.pos == "NOUN":
                actor, targets = noun_roles(parse, entities, people, i)
                if actor is None:
                    verb = tok.head
                    subj, _ = subject_of(parse, verb, outer_verbs(parse, verb))
            else:
                subj, passive = subject_of(parse, i, outer)
                actor = None
                targets = targets_of(parse, entities, people, i, passive, subj, code, home)
            two = pair or leaders
            if subj is not None and actor is None and two is not None and names_two(parse, subj):
                actor = two[0]
                if code in SYMMETRIC_CODES or not targets:
                    targets = [two[1]]
            if subj is not None and actor is None:
                stok = parse.tokens[subj]
                if stok.lower in PRONOUNS and previous is not None:
                    actor = Party(previous.name, previous.code, subj, previous.named, previous.kind)
                else:
                    actor = phrase_party(parse, entities, people, subj)
            if actor is not None and actor.code is None:
                # "the US will withdraw" said by Trump: the outer subject's country
                for k in outer:
                    osubj, _ = subject_of(parse, k, [])
                    if osubj is not None:
                        outer_actor = phrase_party(parse, entities, people, osubj)
                        if outer_actor is not None and outer_actor.code:
                            actor.code = outer_actor.code
                            break
            if subj is not None and is_dateline(parse, entities, subj):
                # "SINGAPORE (The Straits Times) - Trump and Kim signed": not Singapore
                sides = sides_of(parse, entities, people, subj)
                if sides:
                    actor = sides[0]
                    if code in SYMMETRIC_CODES and len(sides) > 1:
                        targets = [sides[1]]
                else:
                    actor = after_dateline(parse, entities, people, subj) or actor
            if (
                two is not None
                and actor is not None
                and not actor.named
                and any(names_two(parse, t.token) for t in targets)
            ):
                # "a meeting between the two presidents"
                actor, targets = two[0], [two[1]]
            if code in SYMMETRIC_CODES and subj is not None and not targets:
                sides = sides_of(parse, entities, people, subj)
                if len(sides) > 1:
                    actor, targets = sides[0], [sides[1]]
            if code in SYMMETRIC_CODES and not targets:
                targets = partners(parse, entities, people, i, actor)
            if not targets and code not in SYMMETRIC_CODES:
                targets = place_target(parse, entities, people, i, actor)
            if len(targets) > 1 and code not in SYMMETRIC_CODES:
                targets = pick_target(parse, targets, actor)
            if root(code) in _FORCE_ROOTS:
                actor, targets = placed(parse, entities, i, actor, targets)
            actor = at_home(parse, actor, home)
            targets = [t for t in (at_home(parse, t, home) for t in targets) if t is not None]
            if not targets and code == "104" and actor is not None and actor.code:
                # a region that declares independence declares it from its state
                targets = [Party(None, actor.code[:3] + "GOV", i, False, "")]
            if not targets and root(code) in _REPRESSION_ROOTS and is_security(actor):
                # "Police fired rubber bullets": CAMEO codes the force at the country's civilians
                targets = [Party("civilians", (actor.code or "")[:3] + "CVL", i, False, "")]
            if (
                code in SYMMETRIC_CODES
                and actor is not None
                and actor.named
                and targets
                and targets[0].named
            ):
                pair = (actor, targets[0])
            modality = modality_of(parse, i, outer)
            if modality == "asserted" and any(a <= tok.start < b for a, b in quoted):
                modality = "reported"  # a speaker's words, not the reporter's
            code = with_modality(code, modality, announced(parse, i, outer))
            if actor is not None and sentence_actor is None:
                sentence_actor = actor
            for target in targets or [None]:
                events.append(
                    Event(
                        sentence=sentence,
                        start=s_start,
                        actor=actor.name if actor else None,
                        actor_code=actor.code if actor else None,
                        cameo=code,
                        target=target.name if target else None,
                        target_code=target.code if target else None,
                        date=event_date(parse, dates, i, {i, *outer}, published),
                        modality=modality,
                        confidence=_confidence(actor, target),
                        symmetric=code in SYMMETRIC_CODES,
                    )
                )
        subj_tok = _sentence_subject(parse, first, stop)
        if subj_tok is not None and parse.tokens[subj_tok].lower not in PRONOUNS:
            previous = phrase_party(parse, entities, people, subj_tok) or previous
        elif sentence_actor is not None:
            previous = sentence_actor
    return tuple(events)


#: verbs of saying that make a statement when a sentence reports nothing else
_STATEMENT_VERBS = REPORTING_VERBS | frozenset(
    {"predict", "acknowledge", "speak", "comment", "remark", "forecast", "emphasize"}
)
#: roots of material acts, where a verb's dictionary default is taken without a pattern:
#: aid, yielding, sanctions, coercion, assault
_DEFAULT_ROOTS = frozenset({"06", "07", "08", "16", "17", "18"})


def _depth(parse: Parse, i: int) -> int:
    return sum(1 for _ in parse.ancestors(i))


def _confidence(actor: Party | None, target: Party | None) -> float:
    score = 0.5
    if actor is not None and actor.code:
        score += 0.25
    if target is not None:
        score += 0.15
    return score


def _sentence_subject(parse: Parse, first: int, stop: int) -> int | None:
    for i in range(first, stop):
        t = parse.tokens[i]
        if t.dep == "ROOT":
            subj = _children(parse, i, {"nsubj", "nsubjpass"})
            return subj[0] if subj else None
    return None


def _complement_of(parse: Parse, i: int, verb: int) -> bool:
    """Verb `i` is what `verb` asks for or refuses ("refused to answer", "urged X to talk"),
    not a second act joined to it ("refused to answer ... and attacked ...")."""
    if parse.tokens[i].tag == "VBD":
        return False  # "refused to answer ... and attacked": a past tense is an act of its own
    k = i
    for _ in range(6):
        t = parse.tokens[k]
        if t.head == k:
            return False
        if t.dep == "conj" and t.head == verb:
            return False
        k = t.head
        if k == verb:
            return True
    return False


def _descendants(parse: Parse, i: int) -> range:
    tok = parse.tokens[i]
    return range(tok.left, tok.right + 1)


def _parse_of(article: Article, ctx: Context) -> Parse:
    parse = article.parse
    if parse is None or parse.text != article.text:
        parse = parse_text(article.text, ctx)
    return parse


@stage(
    "events",
    requires=("parse", "entities", "dates", "published"),
    assigns=("events",),
    language_bound=True,
)
def events(article: Article, ctx: Context) -> Article:
    parse = _parse_of(article, ctx)
    return replace(
        article, events=find_events(parse, article.entities, article.dates, article.published.value)
    )
