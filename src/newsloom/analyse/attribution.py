"""Who said each quote, and which outlet the article credits for it.

For each quoted span the attribution is looked for in this order:

1. walking up the dependency parse from the quote's words: a document on the way ("a
   document in which Kim “reaffirmed ...”", "the deal's promise to “...”") owns the words;
   else the first verb of saying outside the quote ("Ryabkov said", "said Tillerson", "the
   statement said", "she called it", "saying", "vowed to") gives the speaker, unless its
   subject names no one or it announces words not yet spoken ("Trump will say") and an
   outer cue of the sentence does ("..., the document said");
2. "according to X" in the quote's sentence, when X is not a medium;
3. a cue verb that hangs off the quote's own verb (", he said"), or the nearest one in the
   quote's sentence, right after the quote or before a colon;
4. no cue at all: a quote that reopens after a paragraph break, or follows another quote in
   its paragraph or starts the paragraph after one, continues that speaker's words; else the
   person the sentence before introduces ("She claimed ... “...”");
5. a fragment quoted inside a sentence with no cue takes the sentence's subject, when that is
   a named person ("Trump decided to impose the “highest level of economic sanctions”").

The cue's subject is then resolved: a named person (to the fullest name in the article); a
pronoun (to the most recent fitting person, preferring subjects and the last speaker, by
gender when the text gives it); a description ("the Russian diplomat", "the PM": matched
against the titles, appositions and nationality of the people named before); an institution,
directly ("the White House said"), through its voice ("a Downing Street spokesman",
"Putin's office" -> Kremlin) or through a document ("the statement said": the institution
whose statement was mentioned); a group ("the crowd"). Unnamed sources ("one official", "a
person familiar with ...") leave the speaker unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsloom.analyse.entities import People, Person, canonical_name, title_words
from newsloom.analyse.lexicon import (
    AGREEMENT_NOUNS,
    ANONYMOUS_NOUNS,
    COMPLEMENT_JOINS,
    CUE_FORMS,
    CUE_LEMMAS,
    DOCUMENT_NOUNS,
    FUTURE_AUX,
    GENDERED_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    INDEFINITE_DETERMINERS,
    INSTITUTION_NOUNS,
    MEDIA_WORDS,
    ORGANISATION_KINDS,
    PRONOUN_GENDER,
    REPORTING_LEMMAS,
    ROLE_SYNONYMS,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    VOICE_NOUNS,
    words,
)
from newsloom.analyse.marks import MarkedSpan, quote_is_partial
from newsloom.analyse.national import Home, home_of, qualified
from newsloom.analyse.offices import seat_name, seat_of
from newsloom.analyse.parse import Parse, Token, without_descriptors
from newsloom.analyse.places import same_country
from newsloom.analyse.relay import relay_of
from newsloom.analyse.titled import titled_person
from newsloom.analyse.via import ACCORDING, REPORTED, TOLD, Credit, credits_in, outlet_name

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: arcs along which a verb without a subject takes its head's ("..., adding", "vowed to")
_INHERIT = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj", "dep"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: how far back a pronoun may look for its person, in sentences
_PRONOUN_WINDOW = 6
#: how far back "it" may look for its institution, in sentences
_IT_WINDOW = 3
_INSTITUTION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
#: kinds of organisation that may be a public body ("the agency" after "State Department")
_PUBLIC_KINDS = frozenset({"agency", "organisation", "organization", "group", "team"})
#: words of a public body's name, which "the company" or "the airline" never points back to
_PUBLIC_BODY_WORDS = INSTITUTION_NOUNS - frozenset(
    {"company", "companies", "group", "bank", "firm", "team", "foundation", "union"}
)
#: verbs by which someone puts out a document ("the White House released a statement")
_ISSUING = words(
    """
    release issue publish sign post send deliver write draft adopt pass approve circulate
    distribute put read
    """
)


@dataclass
class Attribution:
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    via: str | None = None
    confidence: float = 0.0
    #: token index of the cue verb, or -1
    cue_at: int = -1
    #: set when the cue is a verb of the quote's own sentence(s)
    own_cue: bool = False
    person: Person | None = None


@dataclass
class _Doc:
    """What the resolver knows of the article while it walks through the quotes in order."""

    parse: Parse
    people: People
    year: int | None
    #: quote index of each token inside a quote (marks included), else -1
    in_quote: list[int]
    #: (token index, owner) of each document mention whose owner the text names
    documents: list[tuple[int, str]] = field(default_factory=list)
    #: extra mentions found by resolving pronouns and descriptions: token -> person
    resolved: dict[int, Person] = field(default_factory=dict)


def _is_cue(parse: Parse, i: int) -> bool:
    t = parse.tokens[i]
    if t.pos in ("VERB", "AUX"):
        return t.lemma in CUE_LEMMAS
    if t.pos == "NOUN" and t.lower.endswith("ing") and t.lower[:-3] in CUE_LEMMAS:
        # "Kim forecasting "major change"": a participle the tagger took for a noun
        return any(parse.tokens[c].dep in ("dobj", "ccomp", "compound") for c in parse.children[i])
    # title-case headlines tag the verb as a proper noun: "Trump Declares '...'"
    return t.lower in CUE_FORMS and t.pos in ("PROPN", "NOUN") and t.dep not in ("compound",)


def is_future(parse: Parse, i: int, in_quote: list[int] | None = None) -> bool:
    """A cue of words not yet spoken: "will say", "is expected to say", "plans to announce".
    Quoted words (`in_quote` >= 0) that the parser hung on the cue do not count."""
    for c in parse.children[i]:
        if in_quote is not None and in_quote[c] >= 0:
            continue
        if parse.tokens[c].dep == "aux" and parse.tokens[c].lower in FUTURE_AUX:
            return True
    t = parse.tokens[i]
    if t.dep == "xcomp" and any(parse.tokens[c].lower == "to" for c in parse.children[i]):
        head = parse.tokens[t.head]
        return head.lemma in ("expect", "plan", "intend", "prepare", "set", "due", "go")
    return False


def _subject(parse: Parse, verb: int, in_quote: list[int] | None = None) -> int | None:
    """The subject of a verb, taking its head's for participles and infinitives.

    A participle without a subject ("..., saying") takes the subject of the nearest verb of
    saying above it, else of the nearest verb with a subject ("Trump announced the US will
    withdraw, saying ..." is Trump's saying, not the US's). Words inside quotes are never
    the subject of the reporter's verb.
    """
    direct = own_subject(parse, verb, in_quote)
    if direct is not None:
        return direct
    t = parse.tokens[verb]
    if t.dep == "relcl" and t.head != verb:
        return t.head
    fallback = None
    i = verb
    for _ in range(5):
        t = parse.tokens[i]
        if t.dep not in _INHERIT or t.head == i:
            break
        i = t.head
        subj = own_subject(parse, i, in_quote)
        if subj is None:
            if parse.tokens[i].dep == "relcl" and parse.tokens[i].head != i:
                return parse.tokens[i].head
            continue
        if _is_cue(parse, i):
            return subj
        fallback = fallback if fallback is not None else subj
        if parse.tokens[i].dep == "conj":
            break  # a coordinated clause has its own subject: go no higher
    return fallback


def own_subject(parse: Parse, i: int, in_quote: list[int] | None = None) -> int | None:
    """Token `i`'s own subject, or the agent of a passive; words inside quotes (`in_quote`
    marks them) are never it."""
    for c in parse.children[i]:
        t = parse.tokens[c]
        if in_quote is not None and in_quote[c] >= 0:
            continue
        if t.dep in _SUBJECTS:
            return c
        if t.dep == "agent":
            for g in parse.children[c]:
                if parse.tokens[g].dep == "pobj":
                    return g
    return None


def _mention_text(parse: Parse, head: int) -> str:
    """The noun phrase of `head` as written, up to a comma or a relative clause after it."""
    t = parse.tokens[head]
    lo, hi = t.left, t.right
    for c in parse.children[head]:
        ct = parse.tokens[c]
        if c > head and (ct.dep in ("relcl", "appos", "acl", "punct") or ct.lower == ","):
            hi = min(hi, ct.left - 1)
    while hi > head and parse.tokens[hi].pos == "PUNCT":
        hi -= 1
    while lo < head and parse.tokens[lo].pos == "PUNCT":
        lo += 1
    return parse.span_text(lo, hi + 1)


def _np_words(parse: Parse, head: int) -> list[int]:
    """Tokens of the noun phrase before its head and the head itself (no clauses after it)."""
    t = parse.tokens[head]
    return [i for i in range(t.left, head + 1) if parse.tokens[i].pos != "PUNCT"]


#: endings of nouns for what people do ("coordinator", "manager", "economist")
_AGENT_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "person")


def _names_a_person(t: Token) -> bool:
    """A description head that can only be a person: a role, a gendered or agent noun ("the
    premier", "the spokeswoman", "the coordinator"), not "the software giant"."""
    word = t.lower.rstrip(".")
    return (
        word in ROLE_WORDS
        or t.lemma in ROLE_WORDS
        or word in TITLE_ABBREVIATIONS
        or word in GENDERED_NOUNS
        or word in ANONYMOUS_NOUNS
        or (t.pos == "NOUN" and len(t.lemma) > 5 and t.lemma.endswith(_AGENT_ENDINGS))
    )


def _can_speak(parse: Parse, head: int) -> bool:
    """A noun phrase that can name a speaker: people ("protesters", "the spokeswoman"), a
    group or an institution noun, or a phrase with a name in it ("the Clinton campaign")."""
    t = parse.tokens[head]
    if _names_a_person(t) or t.lemma in GROUP_NOUNS or t.lemma in INSTITUTION_NOUNS:
        return True
    if t.pos == "PROPN" or t.ent:
        return True
    return any(
        parse.tokens[i].pos == "PROPN" or parse.tokens[i].ent or _capitalised(parse, i)
        for i in _np_words(parse, head)
    )


def _capitalised(parse: Parse, i: int) -> bool:
    """A capitalised word: a name the tagger may have missed ("Lahti" tagged as a noun)."""
    return parse.tokens[i].text[:1].isupper()


def _definite_possessor(parse: Parse, head: int) -> str:
    """ "the" when a definite possessor stands for the determiner ("the country's top
    diplomat", "the agency's chief", "Iran's foreign minister"), else ""."""
    for c in parse.children[head]:
        ct = parse.tokens[c]
        if ct.dep != "poss" or ct.pos == "PRON":
            continue
        dets = [parse.tokens[g].lower for g in parse.children[c] if parse.tokens[g].dep == "det"]
        if dets == ["the"] or ct.pos == "PROPN":
            return "the"
    return ""


def _verb_of(parse: Parse, i: int) -> int | None:
    for a in parse.ancestors(i):
        if parse.tokens[a].pos in ("VERB", "AUX"):
            return a
    return None


class Resolver:
    """Resolve quote speakers in one article, in text order."""

    def __init__(
        self, parse: Parse, people: People, year: int | None, spans: list[MarkedSpan]
    ) -> None:
        in_quote = [-1] * len(parse)
        for n, span in enumerate(spans):
            for i in parse.tokens_in(span.mark_start, span.mark_end):
                in_quote[i] = n
        self.doc = _Doc(parse, people, year, in_quote)
        self._quoted = {i for i, q in enumerate(in_quote) if q >= 0}
        self.spans = spans
        #: the story's country (see `national`), found when first needed
        self._home: Home | bool | None = False
        self._find_documents()
        self._resolve_subject_pronouns()

    # -- article-wide passes ------------------------------------------------------------

    def _find_documents(self) -> None:
        parse = self.doc.parse
        for t in parse.tokens:
            if t.lemma not in DOCUMENT_NOUNS or t.pos != "NOUN":
                continue
            owner = self._owner(t.i)
            if owner:
                self.doc.documents.append((t.i, owner))

    def _owner(self, noun: int) -> str | None:
        """The institution or person a document or voice belongs to, when the text says it."""
        parse = self.doc.parse
        for c in parse.children[noun]:
            ct = parse.tokens[c]
            # "the Elysee readout": the tagger sometimes makes the name the noun's "subject"
            if ct.dep in ("compound", "poss", "nmod", "amod", "nsubj") and c < noun:
                name = self._body(c)
                if name:
                    return name
            if ct.dep == "prep" and ct.lower in ("from", "by", "of"):
                for g in parse.children[c]:
                    if parse.tokens[g].dep == "pobj" and (name := self._body(g)):
                        return name
        # "X released a statement", "X said in a statement"
        t = parse.tokens[noun]
        verb = None
        if t.dep == "dobj" and parse.tokens[t.head].lemma in _ISSUING:
            verb = t.head
        elif t.dep == "pobj" and parse.tokens[t.head].lower in ("in", "through"):
            prep = parse.tokens[t.head]
            if _is_cue(parse, prep.head):
                verb = prep.head
        if verb is not None:
            subj = own_subject(parse, verb, self.doc.in_quote)
            if subj is not None:
                return self._body(subj)  # "the health ministry released a report"
        return None

    def _body(self, i: int) -> str | None:
        """`_institution`, or a body named by a common noun ("the ministry's statement", "a
        statement from the army")."""
        name = self._institution(i)
        if name is None and self.doc.parse.tokens[i].lemma in INSTITUTION_NOUNS:
            name = self._institution_phrase(i)
        return name

    def _institution(self, i: int) -> str | None:
        """The name of the institution (or person) a modifier token stands for."""
        parse = self.doc.parse
        t = parse.tokens[i]
        person = self.doc.people.at(i)
        if person is not None:
            return person.canonical
        named = self.doc.people.names.get(i)
        if named is not None and named[0] in _INSTITUTION_LABELS:
            return seat_name(named[1]) or self.doc.people.organisation(named[1])
        if t.ent in _INSTITUTION_LABELS or (t.pos == "PROPN" and t.text[:1].isupper()):
            lo = i
            while (
                lo > 0
                and parse.tokens[lo - 1].ent == t.ent
                and parse.tokens[lo - 1].ent
                and parse.tokens[lo - 1].head in range(lo - 1, i + 1)
            ):
                lo -= 1
            while (
                lo > 0
                and parse.tokens[lo - 1].dep == "compound"
                and parse.tokens[lo - 1].head == i
                and parse.tokens[lo - 1].pos == "PROPN"
            ):
                lo -= 1
            name = parse.span_text(lo, i + 1)
            return seat_name(name) or self.doc.people.organisation(canonical_name(name))
        return None

    def _resolve_subject_pronouns(self) -> None:
        """Link each he/she and each "the president" subject outside quotes to a person, in
        text order: a light coreference that later pronouns and descriptions build on."""
        parse = self.doc.parse
        for t in parse.tokens:
            if t.dep not in _SUBJECTS or self.doc.in_quote[t.i] >= 0:
                continue
            person = None
            if t.lower in PRONOUN_GENDER:
                person = self._pronoun(t.i, None)
            elif self._is_description(t.i):
                person = self._description(t.i)
            if person is not None:
                self.doc.resolved[t.i] = person

    def descriptions(self) -> dict[int, Person]:
        """Each description outside quotes ("the Russian president", "the PM"), by its head
        token, with the person it refers to: the entities stage gives them as mentions."""
        parse = self.doc.parse
        out: dict[int, Person] = {}
        for t in parse.tokens:
            if self.doc.in_quote[t.i] >= 0 or not self._is_description(t.i):
                continue
            person = self.doc.resolved.get(t.i) or self._description(t.i)
            if person is not None:
                out[t.i] = person
        return out

    def unresolved_descriptions(self) -> list[int]:
        """Descriptions outside quotes that no person named before them fits."""
        parse = self.doc.parse
        return [
            t.i
            for t in parse.tokens
            if self.doc.in_quote[t.i] < 0
            and self._is_description(t.i)
            and t.i not in self.doc.resolved
            and self._description(t.i) is None
        ]

    def _acts(self, m: int) -> bool:
        """The mention is a subject ("Putin and Trump took questions": both are)."""
        parse = self.doc.parse
        t = parse.tokens[m]
        if t.dep in _SUBJECTS or m in self.doc.resolved:
            return True
        return t.dep == "conj" and parse.tokens[t.head].dep in _SUBJECTS

    def _is_description(self, i: int) -> bool:
        """ "the president", "the Russian diplomat": a definite role noun naming no one."""
        parse = self.doc.parse
        t = parse.tokens[i]
        if t.pos not in ("NOUN", "PROPN"):
            return False
        if t.lower.rstrip(".") not in ROLE_WORDS and t.lower not in TITLE_ABBREVIATIONS:
            return False
        if self.doc.people.at(i) is not None:
            return False
        dets = [parse.tokens[c].lower for c in parse.children[i] if parse.tokens[c].dep == "det"]
        if dets != ["the"]:
            return False
        return not any(self.doc.people.at(j) is not None for j in range(t.left, t.right + 1))

    # -- candidates -----------------------------------------------------------------------

    def _mentions_before(self, i: int) -> list[tuple[int, Person]]:
        """(token, person) mentions before token i, most recent first."""
        out = []
        for p in self.doc.people.people:
            out.extend((m, p) for m in p.mentions if m < i and self.doc.in_quote[m] < 0)
        out.extend((m, p) for m, p in self.doc.resolved.items() if m < i)
        out.sort(key=lambda mp: -mp[0])
        return out

    def _pronoun(self, i: int, last_speaker: Person | None) -> Person | None:
        parse = self.doc.parse
        gender = PRONOUN_GENDER.get(parse.tokens[i].lower, "")
        sent = parse.tokens[i].sent
        best: tuple[float, int] | None = None
        chosen = None
        seen: set[int] = set()
        for m, p in self._mentions_before(i):
            if id(p) in seen:
                continue
            seen.add(id(p))
            distance = sent - parse.tokens[m].sent
            if distance > _PRONOUN_WINDOW:
                continue
            if p.gender and gender and p.gender != gender:
                continue
            if distance == 0 and parse.tokens[m].head == parse.tokens[i].head:
                continue  # a co-argument of the same verb is someone else
            score = -float(distance)
            if self._acts(m):
                score += 1.0
            if p.gender and p.gender == gender:
                score += 1.5
            if last_speaker is p:
                score += 1.5
            key = (score, m)
            if best is None or key > best:
                best, chosen = key, p
        return chosen

    def _description(self, head: int) -> Person | None:
        """The person a description ("the Russian diplomat", "the PM") refers to."""
        parse = self.doc.parse
        words = [parse.tokens[j] for j in _np_words(parse, head)]
        lowered = title_words(
            w.text for w in words if w.pos not in ("DET",) and w.lower not in ("'s", "’s")
        )
        head_word = lowered[-1] if lowered else parse.tokens[head].lower
        former = any(w in ("former", "ex") for w in lowered)
        nations = {w.text for w in words if w.pos in ("PROPN", "ADJ", "NOUN")}
        gender = next((GENDERED_NOUNS[w] for w in lowered if w in GENDERED_NOUNS), "")
        acceptable = ROLE_SYNONYMS.get(head_word, frozenset({head_word}))
        described_roles = {w for w in lowered if w in ROLE_WORDS}
        if "prime" in lowered and "minister" in lowered:
            acceptable = acceptable | {"premier"}
        verb = _verb_of(parse, head)
        best: tuple[float, int] | None = None
        chosen = None
        counts: dict[int, int] = {}
        latest: dict[int, int] = {}
        people: dict[int, Person] = {}
        acting: dict[int, int] = {}
        for m, p in self._mentions_before(head):
            counts[id(p)] = counts.get(id(p), 0) + 1
            acting[id(p)] = acting.get(id(p), 0) + self._acts(m)
            latest.setdefault(id(p), m)
            people[id(p)] = p
            if parse.tokens[m].head == parse.tokens[head].head and _verb_of(parse, m) == verb:
                latest[id(p)] = -1  # a co-argument of the same verb is someone else
        for key, p in people.items():
            if latest[key] < 0:
                continue
            if gender and p.gender and gender != p.gender:
                continue
            roles = p.roles()
            score = 0.0
            if roles & acceptable or (head_word in p.titles):
                score += 3.0
            elif roles and described_roles and not former:
                score -= 4.0
            score += len((set(lowered) - {head_word}) & p.titles)
            same = same_country(nations, p.nationality)
            if same is False:
                continue  # "the US president" is not the French president
            if same:
                score += 1.0
            m = latest[key]
            if self._acts(m):
                # the subject of the sentence or the one before is what a description recalls
                score += 1.8 if parse.tokens[m].sent == parse.tokens[head].sent else 0.8
            score += 0.2 * min(counts[key], 5) + 0.2 * min(acting[key], 5)
            score -= 0.1 * min(parse.tokens[head].sent - parse.tokens[latest[key]].sent, 20)
            cand = (score, latest[key])
            if best is None or cand > best:
                best, chosen = cand, p
        return chosen

    # -- noun phrases -----------------------------------------------------------------------

    def _it(self, head: int, last: Attribution | None, mention: str) -> Attribution:
        """ "it said" after an institution: that institution ("The ministry said it would
        review the decision. “...,” it said."). The last speaker when an institution spoke
        within `_IT_WINDOW` sentences, else the latest institution subject there."""
        parse = self.doc.parse
        sent = parse.tokens[head].sent
        if (
            last is not None
            and last.speaker
            and last.person is None
            and last.cue_at >= 0
            and 0 <= sent - parse.tokens[last.cue_at].sent <= _IT_WINDOW
        ):
            return Attribution(last.speaker, mention, confidence=0.6)
        first = parse.sents[max(sent - _IT_WINDOW, 0)][0]
        for j in range(head - 1, first - 1, -1):
            tj = parse.tokens[j]
            if tj.dep not in _SUBJECTS or self.doc.in_quote[j] >= 0:
                continue
            if tj.pos not in ("NOUN", "PROPN") or self.doc.people.at(j) is not None:
                continue
            found = self.resolve(j, None)
            if found.speaker and found.person is None and found.confidence >= 0.5:
                return Attribution(found.speaker, mention, confidence=0.6)
        return Attribution(mention=mention)

    def resolve(self, head: int, last: Attribution | None) -> Attribution:
        """Who a subject noun phrase is: a person, an institution, a document's owner, or nobody."""
        parse = self.doc.parse
        t = parse.tokens[head]
        mention = _mention_text(parse, head)
        last_person = last.person if last else None
        if t.pos == "PRON" or t.lower in PRONOUN_GENDER:
            if t.lower in _RELATIVE and t.head != head:
                verb = parse.tokens[t.head]
                if verb.dep == "relcl":
                    return self.resolve(verb.head, last)
                return Attribution(mention=mention)
            if t.lower in PRONOUN_GENDER:
                person = self.doc.resolved.get(head) or self._pronoun(head, last_person)
                if person is not None:
                    self.doc.resolved[head] = person
                    return Attribution(person.canonical, mention, confidence=0.7, person=person)
                return Attribution(mention=mention)
            if t.lower == "it":
                return self._it(head, last, mention)
            return Attribution(mention=mention)
        person = self.doc.people.at(head)
        if person is None and (t.lower in HONORIFICS or t.lower.rstrip(".") in ROLE_WORDS):
            # "Mrs May" parsed with the honorific as the head, or "Superintendent of Police
            # Anjali Verma" with the title's head as the phrase's
            person = self._name_after_head(head)
        if person is None and t.pos not in ("NOUN", "PROPN", "PRON"):
            # a misparsed subject ("Trump weakly answered": "weakly" as the subject)
            found = {id(p): p for j in range(t.left, t.right + 1) if (p := self.doc.people.at(j))}
            if len(found) == 1:
                person = next(iter(found.values()))
        if person is not None:
            return Attribution(person.canonical, mention, confidence=0.9, person=person)
        # "the deputy speaker of Iran's parliament, Ali Motahari"
        for c in range(t.left, t.right + 1):
            if parse.tokens[c].dep == "appos" and (p := self.doc.people.at(c)) is not None:
                return Attribution(p.canonical, mention, confidence=0.85, person=p)
        titled = titled_person(parse, self.doc.people, self.doc.in_quote, head)
        if titled is not None:  # "the Taoiseach said" after "The Taoiseach, Ciaran Mulcahy,"
            return Attribution(titled.canonical, mention, confidence=0.8, person=titled)
        if parse.tokens[head].lemma in VOICE_NOUNS or t.lower in VOICE_NOUNS:
            owner = self._voice_owner(head)
            if owner:
                return Attribution(owner, mention, confidence=0.8)
        if t.lemma in DOCUMENT_NOUNS and t.pos == "NOUN":
            owner = self._owner(head) or self._last_document_owner(head)
            if owner:
                return Attribution(owner, mention, confidence=0.75)
            return Attribution(mention=mention)
        is_role = t.lower.rstrip(".") in ROLE_WORDS or t.lower in TITLE_ABBREVIATIONS
        if t.lemma in GROUP_NOUNS or t.lower in GROUP_NOUNS:
            return Attribution(self._institution_phrase(head), mention, confidence=0.5)
        if not is_role and (
            t.ent in _INSTITUTION_LABELS or (t.pos == "PROPN" and t.text[:1].isupper())
        ):
            name = self._institution(head)
            if name:
                return Attribution(self._national(name, head), mention, confidence=0.85)
        determiner = next(
            (parse.tokens[c].lower for c in parse.children[head] if parse.tokens[c].dep == "det"),
            "",
        ) or _definite_possessor(parse, head)
        anonymous = t.lower in ANONYMOUS_NOUNS or t.lemma in ANONYMOUS_NOUNS
        if determiner in INDEFINITE_DETERMINERS or (anonymous and not determiner):
            return Attribution(mention=mention)
        if determiner == "the" and t.lemma in ORGANISATION_KINDS and t.pos == "NOUN":
            named = self._named_before(head)
            if named:
                return Attribution(named, mention, confidence=0.6)
        if t.lemma in INSTITUTION_NOUNS and t.lemma not in ROLE_WORDS:
            name = self._national(self._institution_phrase(head), head)
            return Attribution(name, mention, confidence=0.6)
        person = self._description(head) if _names_a_person(t) else None
        if person is not None:
            self.doc.resolved[head] = person
            return Attribution(person.canonical, mention, confidence=0.6, person=person)
        if t.lower in ANONYMOUS_NOUNS or t.lemma in ANONYMOUS_NOUNS:
            return Attribution(mention=mention)
        if not _can_speak(parse, head):
            # "details", "the spot", "much": a word of the sentence the parser made the
            # subject, not someone who speaks
            return Attribution(mention=mention)
        return Attribution(self._institution_phrase(head), mention, confidence=0.3)

    def _named_before(self, head: int) -> str | None:
        """ "the company", "the club" alone: the organisation last named before it, when that
        is no medium (a medium is a credit, not what "the company" points back to). None when
        the noun phrase says more ("the oil company"), or no organisation was named."""
        parse = self.doc.parse
        if len(_np_words(parse, head)) != 2 or any(
            parse.tokens[c].dep in ("prep", "compound", "amod", "poss")
            for c in parse.children[head]
        ):
            return None
        business = parse.tokens[head].lemma not in _PUBLIC_KINDS
        seen: dict[str, list[int]] = {}
        for i, (label, name) in self.doc.people.names.items():
            if label != "ORG" or i >= head or self.doc.in_quote[i] >= 0:
                continue
            if self.doc.people.names.get(i - 1) == (label, name):
                continue  # a mention is counted once, at its first word
            words = name.lower().split()
            if outlet_name(parse, i) or any(w in MEDIA_WORDS for w in words):
                continue
            if business and any(w in _PUBLIC_BODY_WORDS for w in words):
                continue  # "the company" is not the Labor Department named before it
            seen.setdefault(self.doc.people.organisation(name), []).append(i)
        if not seen:
            return None
        # the organisation the story is about: named most often so far, then most lately
        return max(seen, key=lambda n: (len(seen[n]), max(seen[n])))

    def _name_after_head(self, head: int) -> Person | None:
        """The person named right after a title's head, past the rest of the title ("of
        Police", "to the United Nations", "of State for Trade": joins and capitalised words):
        at most six words on."""
        parse = self.doc.parse
        for j in range(head + 1, min(head + 7, len(parse))):
            if (p := self.doc.people.at(j)) is not None:
                return p
            t = parse.tokens[j]
            if not (t.lower in COMPLEMENT_JOINS or t.lower == "the" or t.text[:1].isupper()):
                return None
        return None

    def _national(self, name: str, head: int) -> str:
        """A national body named without its country takes the story's ("Interior Ministry"
        in a story about Turkey), see `national`."""
        parse = self.doc.parse
        if any(parse.tokens[i].ent in ("NORP", "GPE", "LOC") for i in _np_words(parse, head)):
            return name  # "the Catalan government": a place of its own
        if self._home is False:
            self._home = home_of(self.doc.parse, self.doc.in_quote)
        home = self._home if isinstance(self._home, Home) else None
        return qualified(name, self.doc.parse.tokens[head].lemma, home)

    def _institution_phrase(self, head: int) -> str:
        """A description as a name: "the Catalan government" -> "Catalan government"."""
        parse = self.doc.parse
        toks = [
            i
            for i in _np_words(self.doc.parse, head)
            if parse.tokens[i].pos not in ("DET",) and parse.tokens[i].lower not in HONORIFICS
        ]
        if not toks:
            return parse.tokens[head].text
        toks = without_descriptors(parse, toks)
        return self.doc.people.organisation(canonical_name(parse.span_text(toks[0], toks[-1] + 1)))

    def _voice_owner(self, head: int) -> str | None:
        """ "Putin's office" -> Kremlin; "a Downing Street spokesman" -> Downing Street."""
        parse = self.doc.parse
        for c in parse.children[head]:
            ct = parse.tokens[c]
            if ct.dep not in ("poss", "compound", "nmod", "amod", "prep"):
                continue
            target = c
            if ct.dep == "prep":
                if ct.lower not in ("of", "for"):
                    continue
                target = next((g for g in parse.children[c] if parse.tokens[g].dep == "pobj"), -1)
                if target < 0:
                    continue
            person = self.doc.people.at(target)
            if person is not None:
                seat = seat_of(person.canonical, self.doc.year)
                return seat or f"{person.canonical}'s office"
            name = self._institution(target)
            if name:
                return name
        return None

    def _last_document_owner(self, head: int) -> str | None:
        """The owner of the last document mentioned before, of the same kind if there is one
        ("the statement" -> "a White House statement")."""
        parse = self.doc.parse
        lemma = parse.tokens[head].lemma
        before = [(i, owner) for i, owner in self.doc.documents if i < head]
        same = [owner for i, owner in before if parse.tokens[i].lemma == lemma]
        if same:
            return same[-1]
        other = [o for i, o in before if parse.tokens[i].lemma not in AGREEMENT_NOUNS]
        return other[-1] if other else None

    # -- quotes ---------------------------------------------------------------------------

    def _name_after_quote(self, cue: int) -> int | None:
        """'“...,” Flynn, a top Trump surrogate, said': a person named between a quote's
        closing mark and the cue, with no verb between, when the parser gave the cue no
        subject outside the quote (it hung the name on a word of the quote)."""
        parse = self.doc.parse
        j = cue - 1
        sent = parse.tokens[cue].sent
        while j >= 0 and cue - j < 20 and parse.tokens[j].sent == sent:
            if self.doc.in_quote[j] >= 0:
                break
            if parse.tokens[j].pos in ("VERB", "AUX"):
                return None
            j -= 1
        else:
            return None
        if j < 0 or self.doc.in_quote[j] < 0:
            return None
        for k in range(j + 1, cue):
            if self.doc.people.at(k) is not None:
                return k
        return None

    def _subject_of(self, cue: int) -> int | None:
        """The cue's subject; failing that, a person's name just before it ("May wrote:",
        where the tagger took "May" for the modal verb)."""
        parse = self.doc.parse
        own = own_subject(parse, cue, self.doc.in_quote)
        if own is not None:
            return own
        named = self._name_after_quote(cue)
        if named is not None:
            return named
        i = cue - 1
        while i >= 0 and parse.tokens[i].pos == "ADV":
            i -= 1
        if i >= 0 and self.doc.people.at(i) is not None and self.doc.in_quote[i] < 0:
            return i
        # "a week that began with him promising to ...": the participle's subject before it
        if (
            i >= 0
            and parse.tokens[cue].tag == "VBG"
            and parse.tokens[i].lower in PRONOUN_GENDER
            and self.doc.in_quote[i] < 0
        ):
            return i
        # '"...," headlined El Pais': an inverted subject parsed as the object
        j = cue - 1
        while j >= 0 and parse.tokens[j].pos == "PUNCT" and self.doc.in_quote[j] < 0:
            j -= 1
        if j >= 0 and self.doc.in_quote[j] >= 0 and parse.tokens[cue].lemma not in ("tell", "ask"):
            for c in parse.children[cue]:
                if c > cue and parse.tokens[c].dep in ("dobj", "attr", "npadvmod"):
                    return c
        return _subject(parse, cue, self.doc.in_quote)

    def _frame(self, n: int) -> tuple[set[int], list[int]]:
        """Sentences that frame quote n, and the quote's own tokens."""
        parse = self.doc.parse
        span = self.spans[n]
        own = list(parse.tokens_in(span.start, span.end))
        sents: set[int] = set()
        if own:
            sents.add(parse.tokens[own[0]].sent)
            sents.add(parse.tokens[own[-1]].sent)
        after = parse.token_at(span.mark_end)
        if after is not None:
            sents.add(parse.tokens[after].sent)
        before = parse.token_at(span.mark_start)
        if before is not None and before > 0:
            prev = before - 1
            while prev > 0 and parse.tokens[prev].pos == "SPACE":
                prev -= 1
            if (
                parse.tokens[prev].text in (":", ",")
                and parse.tokens[prev].sent != parse.tokens[before].sent
            ):
                sents.add(parse.tokens[prev].sent)
        return sents, own

    def _paragraph(self, text: str, offset: int) -> tuple[int, int]:
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end < 0 else end

    def _colon_intro(self, n: int) -> int | None:
        """The sentence that ends in a colon in the paragraph just before quote n, when the
        quote opens its paragraph ("The New York Times reports:\n\n“...”")."""
        parse = self.doc.parse
        span = self.spans[n]
        text = parse.text
        para = self._paragraph(text, span.mark_start)
        if text[para[0] : span.mark_start].strip() or para[0] == 0:
            return None
        before = text[: para[0]].rstrip()
        if not before.endswith(":"):
            return None
        at = parse.token_at(len(before) - 1)
        if at is None or self.doc.in_quote[at] >= 0:
            return None
        return parse.tokens[at].sent

    def _outside(self, sents: set[int], n: int) -> list[int]:
        parse = self.doc.parse
        span = self.spans[n]
        para = self._paragraph(parse.text, span.mark_start)
        intro = self._colon_intro(n)
        if intro is not None:
            sents = sents | {intro}
            first = parse.tokens[parse.sents[intro][0]].start
            para = (min(para[0], self._paragraph(parse.text, first)[0]), para[1])
        para_end = self._paragraph(parse.text, max(span.mark_end - 1, span.mark_start))[1]
        out = []
        for s in sorted(sents):
            a, b = parse.sents[s]
            for i in range(a, b):
                t = parse.tokens[i]
                if self.doc.in_quote[i] < 0 and para[0] <= t.start < para_end:
                    out.append(i)
        return out

    def _governing_cues(self, own: list[int], outside: set[int]) -> tuple[list[int], int | None]:
        """The cue verbs above quote n, nearest first, and a document the path passes through.

        Walking up from the quote's words: "the deal's promise to contribute to “...”" passes
        through a document before it reaches "criticized": the words are the document's.
        """
        parse = self.doc.parse
        own_set = set(own)
        best: tuple[int, list[int], int | None] | None = None
        for i in own:
            h = parse.tokens[i].head
            if h in own_set or h == i or parse.tokens[i].pos in ("PUNCT", "SPACE"):
                continue
            steps = 0
            cues: list[int] = []
            document = None
            for a in [h, *parse.ancestors(h)]:
                steps += 1
                if a not in outside:
                    if a in own_set or self.doc.in_quote[a] >= 0:
                        continue
                    break
                if _is_cue(parse, a):
                    cues.append(a)
                elif not cues and document is None and self._is_document(a):
                    document = a
            if cues and (best is None or steps < best[0]):
                best = (steps, cues, document)
        if best is None:
            return [], None
        return best[1], best[2]

    def _is_document(self, i: int) -> bool:
        """A document noun, or a noun a document owns ("the deal's promise")."""
        parse = self.doc.parse
        t = parse.tokens[i]
        if t.pos != "NOUN":
            return False
        if t.lemma in DOCUMENT_NOUNS and t.lemma not in AGREEMENT_NOUNS:
            return True
        return any(
            parse.tokens[c].dep == "poss" and parse.tokens[c].lemma in DOCUMENT_NOUNS
            for c in parse.children[i]
        )

    def _hanging_cue(self, own: list[int], outside: set[int]) -> int | None:
        """ ", he said" attached to the quote's own verb (or one step below it)."""
        parse = self.doc.parse
        own_set = set(own)
        for i in sorted(outside, key=lambda j: abs(j - (own[-1] if own else 0))):
            if not _is_cue(parse, i):
                continue
            head = parse.tokens[i].head
            if head in own_set or (
                parse.tokens[head].head in own_set and parse.tokens[head].pos in ("VERB", "AUX")
            ):
                return i
        return None

    def _nearest_cue(self, n: int, own: list[int], outside: list[int]) -> int | None:
        """A cue verb in the quote's sentence right after it (", he said") or before a colon."""
        parse = self.doc.parse
        span = self.spans[n]
        after = [i for i in outside if parse.tokens[i].start >= span.mark_end]
        if after and own:
            same = [
                i
                for i in after
                if parse.tokens[i].sent in (parse.tokens[own[-1]].sent, parse.tokens[after[0]].sent)
            ]
            for i in same[:8]:
                if _is_cue(parse, i):
                    return i
        before = [
            i
            for i in outside
            if parse.tokens[i].end <= span.mark_start and parse.tokens[i].pos != "SPACE"
        ]
        if before:
            last = before[-1]
            if parse.tokens[last].text in (":", ",") or _is_cue(parse, last):
                for i in reversed(before[-12:]):
                    if _is_cue(parse, i):
                        return i
        return None

    def _according(self, outside: list[int]) -> int | None:
        """The source X of "according to X" in the frame, when X is no medium."""
        parse = self.doc.parse
        for i in outside:
            if parse.tokens[i].lower != "according":
                continue
            for j in [
                *parse.children[i],
                *(c for k in parse.children[i] for c in parse.children[k]),
            ]:
                if parse.tokens[j].dep == "pobj" and outlet_name(parse, j) is None:
                    return j
            if i + 2 < len(parse) and parse.tokens[i + 1].lower == "to":
                j = parse.tokens[i + 2].i
                while (
                    j < len(parse) - 1 and parse.tokens[j].head > j and parse.tokens[j].head - j < 4
                ):
                    j = parse.tokens[j].head
                if outlet_name(parse, j) is None:
                    return j
        return None

    def _from_cue(self, cue: int, last: Attribution | None) -> Attribution | None:
        """The attribution a cue verb gives, or None when its subject is a medium or absent."""
        parse = self.doc.parse
        tok = parse.tokens[cue]
        relay = relay_of(parse, cue, self.doc.in_quote)
        if relay is not None:
            result = self.resolve(relay.speaker, last)
            if relay.outlet is not None:
                result.via = self._outlet(relay.outlet)
            result.cue = tok.lemma if tok.pos in ("VERB", "AUX") else tok.lower
            result.cue_at, result.own_cue = cue, True
            return result
        if tok.lemma in REPORTING_LEMMAS:
            subj = _subject(parse, cue, self.doc.in_quote)
            if subj is not None and outlet_name(parse, subj, strong=True):
                return None
        lemma = tok.lemma if tok.pos in ("VERB", "AUX") else tok.lower
        if is_future(parse, cue, self.doc.in_quote):
            return Attribution(cue=lemma, cue_at=cue, own_cue=True)
        subj = self._subject_of(cue)
        if subj is None:
            return None
        result = self.resolve(subj, last)
        result.cue, result.cue_at, result.own_cue = lemma, cue, True
        return result

    def attribute_cue(self, cue: int, last: Attribution | None) -> Attribution | None:
        """The speaker a verb of saying gives outside any quote (for reported speech), or None
        when its subject is a medium or absent."""
        return self._from_cue(cue, last)

    def attribute(self, n: int, previous: list[Attribution]) -> Attribution:
        """The attribution of quote n, given the attributions of the quotes before it."""
        span = self.spans[n]
        sents, own = self._frame(n)
        outside_list = self._outside(sents, n)
        outside = set(outside_list)
        last = previous[-1] if previous else None
        result: Attribution | None = None
        cues, document = self._governing_cues(own, outside) if own else ([], None)
        if document is not None:
            owner = self._owner(document)
            mention = _mention_text(self.doc.parse, document) if owner else None
            result = Attribution(owner, mention, confidence=0.6 if owner else 0.0, own_cue=True)
        # the nearest cue, unless it names no one ("they're assured", "will say") and an
        # outer one does ("..., the document said")
        first: Attribution | None = None
        for cue in cues if result is None else []:
            found = self._from_cue(cue, last)
            if found is None:
                continue
            first = first or found
            if found.speaker is not None and found.confidence >= 0.6:
                result = found
                break
        if result is None and first is not None:
            result = first
        if result is None:
            source = self._according(outside_list)
            if source is not None:
                result = self.resolve(source, last)
                result.cue = "according to"
                result.own_cue = True
        if result is None and own:
            cue = self._hanging_cue(own, outside)
            if cue is None:
                cue = self._nearest_cue(n, own, outside_list)
            if cue is not None:
                result = self._from_cue(cue, last)
        if result is None:
            result = self._continuation(n, previous)
        if (
            result.speaker is None
            and not result.own_cue
            and quote_is_partial(self.doc.parse.text, span)
        ):
            result = self._clause_subject(own) or result
        result.via = result.via or self._via(n, result, sents, previous)
        return result

    def _outlet(self, head: int) -> str:
        """The name of a relaying party: a medium, else an institution, else the words."""
        parse = self.doc.parse
        return (
            outlet_name(parse, head, strong=True)
            or self._institution(head)
            or _mention_text(parse, head)
        )

    def _clause_subject(self, own: list[int]) -> Attribution | None:
        """A fragment quoted inside a sentence with no cue ("Trump decided to impose the
        “highest level of economic sanctions”"): the words of the sentence's subject, when a
        named person."""
        parse = self.doc.parse
        if not own:
            return None
        root = own[0]
        for a in parse.ancestors(own[0]):
            root = a
        subj = own_subject(parse, root, self.doc.in_quote)
        if subj is None or self.doc.in_quote[subj] >= 0:
            return None
        found = self.resolve(subj, None)
        if found.person is None:
            return None
        found.confidence = 0.4
        return found

    def _continuation(self, n: int, previous: list[Attribution]) -> Attribution:
        """A quote with no cue: the previous speaker's words go on, or the last speaking subject."""
        parse = self.doc.parse
        span = self.spans[n]
        text = parse.text
        para = self._paragraph(text, span.mark_start)
        if previous:
            prev_span = self.spans[n - 1]
            last = previous[-1]
            prev_para = self._paragraph(text, prev_span.mark_start)
            same = (
                prev_para[0] == para[0]
                or self._paragraph(text, prev_span.mark_end - 1)[0] == para[0]
            )
            adjacent = text[prev_para[1] : para[0]].strip() == "" and para[0] > prev_para[0]
            starts_para = text[para[0] : span.mark_start].strip() == ""
            if span.continues or same or (adjacent and starts_para):
                return Attribution(
                    last.speaker,
                    last.mention,
                    None,
                    None,
                    round(last.confidence * 0.9, 2),
                    -1,
                    False,
                    last.person,
                )
        # "She claimed Labour had opposed her. “The country is coming together ...”": the
        # person the sentence before introduces, in the same paragraph
        first = parse.token_at(span.mark_start)
        if first is None:
            return Attribution()
        sent = parse.tokens[first].sent
        if sent > 0 and text[para[0] : span.mark_start].strip():
            if not quote_is_partial(text, span):
                spoken = self._last_attributed(sent, para[0], previous)
                if spoken is not None:
                    return spoken
            a, b = parse.sents[sent - 1]
            if parse.tokens[a].start >= para[0]:
                for i in range(a, b):
                    if parse.tokens[i].dep != "ROOT" or self.doc.in_quote[i] >= 0:
                        continue
                    subj = self._subject_of(i)
                    if subj is None:
                        continue
                    res = self.resolve(subj, previous[-1] if previous else None)
                    if res.person is not None:
                        res.confidence = round(res.confidence * 0.6, 2)
                        return res
        return Attribution()

    def _last_attributed(
        self, sent: int, para_start: int, previous: list[Attribution]
    ) -> Attribution | None:
        """The speaker of the latest verb of saying before sentence `sent` in its paragraph
        ("Berg said the vote was close. Lindgren walked out. “...”" is Berg's)."""
        parse = self.doc.parse
        last = previous[-1] if previous else None
        for s in range(sent - 1, -1, -1):
            a, b = parse.sents[s]
            if parse.tokens[a].start < para_start:
                break
            for i in range(b - 1, a - 1, -1):
                t = parse.tokens[i]
                if self.doc.in_quote[i] >= 0 or t.pos not in ("VERB", "AUX"):
                    continue
                if not _is_cue(parse, i) or is_future(parse, i, self.doc.in_quote):
                    continue
                if any(parse.tokens[c].dep == "neg" for c in parse.children[i]):
                    continue
                found = self._from_cue(i, last)
                if found is None or found.speaker is None or found.confidence < 0.6:
                    continue
                return Attribution(
                    found.speaker, found.mention, None, None,
                    round(found.confidence * 0.6, 2), -1, False, found.person,
                )  # fmt: skip
        return None

    def _via(
        self, n: int, result: Attribution, sents: set[int], previous: list[Attribution]
    ) -> str | None:
        """The outlet credited for quote n.

        A credit in the quote's own sentence(s) counts. So does one in the sentence just
        before it in the paragraph, when it is an "according to X" or "X reported" credit, or
        when the quote has a cue of its own and the credit's sentence gives the same speaker's
        words to a medium ("... she told the BBC. She said “...”"); likewise the sentence just
        after ("“...?” asked X. “...,” he told Sahel Weekly."). A quote with no cue of its own
        takes only its own sentence's credit.
        """
        parse = self.doc.parse
        span = self.spans[n]
        skip = self._quoted
        para = self._paragraph(parse.text, span.mark_start)
        para_end = self._paragraph(parse.text, max(span.mark_end - 1, span.mark_start))[1]
        own_sents = set(sents)
        if result.cue_at >= 0:
            own_sents.add(parse.tokens[result.cue_at].sent)
        named = result.own_cue and result.cue != "according to" and result.speaker is not None
        credits: list[Credit] = []
        for s in sorted(own_sents):
            a, b = parse.sents[s]
            credits += credits_in(parse, a, b, skip, speaker_named=named)
        if credits:
            return credits[0].outlet
        neighbours = [min(own_sents) - 1, max(own_sents) + 1]
        for k, s in enumerate(neighbours):
            if not 0 <= s < len(parse.sents):
                continue
            a, b = parse.sents[s]
            if parse.tokens[a].start < para[0] or parse.tokens[a].start >= para_end:
                continue
            for credit in credits_in(parse, a, b, skip):
                if credit.kind in (ACCORDING, REPORTED) and k == 0:
                    return credit.outlet
                if credit.kind == TOLD and result.own_cue and result.speaker:
                    subj = self._subject_of(credit.at)
                    if subj is None:
                        continue
                    other = self.resolve(subj, previous[-1] if previous else None)
                    if other.speaker == result.speaker:
                        return credit.outlet
        return None
