"""Who a mention names, for the speaker of a quote or a reported statement.

The subject of a cue (found by `attribution.Resolver`, or by `reported` for reported speech)
resolves to: a named person (to the fullest name in the article); a
pronoun (to the most recent fitting person, preferring subjects and the last speaker, by
gender when the text gives it); a description ("the Russian diplomat", "the PM": matched
against the titles, appositions and nationality of the people named before); an institution,
directly ("the White House said"), through its voice ("a Downing Street spokesman",
"Putin's office" -> Kremlin) or through a document ("the statement said": the institution
whose statement was mentioned); a group ("the crowd"). Unnamed sources ("one official", "a
person familiar with ...") leave the speaker unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsloom.analyse.affiliation import manlike, names_one_person
from newsloom.analyse.cataphora import named_later
from newsloom.analyse.entities import (
    TITLE_LIKE_LABELS,
    People,
    Person,
    canonical_name,
    title_words,
)
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
    ROLE_SYNONYMS,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    VOICE_NOUNS,
    words,
)
from newsloom.analyse.marks import MarkedSpan
from newsloom.analyse.national import Home, home_of, qualified
from newsloom.analyse.offices import seat_name, seat_of
from newsloom.analyse.parse import Parse, Token, without_descriptors
from newsloom.analyse.places import same_country
from newsloom.analyse.titled import titled_person
from newsloom.analyse.via import PRINT_KINDS, outlet_name, outlet_referred

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: arcs along which a verb without a subject takes its head's ("..., adding", "vowed to")
_INHERIT = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "prep", "pobj", "dep"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: how far back a pronoun may look for its person, in sentences
_PRONOUN_WINDOW = 6
#: how far back "it" may look for its institution, in sentences
_IT_WINDOW = 3
#: an age given as a description's modifier ("31-year-old", "55 - year - old" as tokenised)
_AGE = re.compile(r"\d{1,3} ?- ?years? ?- ?old\b")
#: small words inside a body's name ("Fire and Rescue Service", "Office for National Statistics")
_NAME_JOINS = frozenset({"and", "of", "for", "&"})
#: how far back "the Italian" or "the Republican" may look for its person, in sentences
_MEMBER_WINDOW = 2
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


def is_cue(parse: Parse, i: int) -> bool:
    t = parse.tokens[i]
    if t.pos in ("VERB", "AUX"):
        return t.lemma in CUE_LEMMAS or _document_reads(parse, i)
    if t.pos == "NOUN" and t.lower.endswith("ing") and t.lower[:-3] in CUE_LEMMAS:
        # "Kim forecasting "major change"": a participle the tagger took for a noun
        return any(parse.tokens[c].dep in ("dobj", "ccomp", "compound") for c in parse.children[i])
    # title-case headlines tag the verb as a proper noun: "Trump Declares '...'"
    return t.lower in CUE_FORMS and t.pos in ("PROPN", "NOUN") and t.dep not in ("compound",)


def _document_reads(parse: Parse, i: int) -> bool:
    """ "“...,” the statement read", "a letter reads": "read" with a document for its subject
    and no object gives the document's words, where "he read the letter" quotes no one (seen in
    ../shared/data: PolNeAR train west-journal_2016-04-13_megyn-kelly-was-just-spotted-wal, ECB+
    44_5ecb "the EDS statement read", 19_2ecbplus "the letter read", 22_11ecbplus "a statement
    reads")."""
    t = parse.tokens[i]
    if t.lemma != "read":
        return False
    kids = [parse.tokens[c] for c in parse.children[i]]
    if any(k.dep in ("dobj", "nsubjpass", "dative") for k in kids):
        return False
    return any(k.dep == "nsubj" and k.lemma in DOCUMENT_NOUNS and k.pos == "NOUN" for k in kids)


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


def verb_subject(parse: Parse, verb: int, in_quote: list[int] | None = None) -> int | None:
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
        if is_cue(parse, i):
            return subj
        fallback = fallback if fallback is not None else subj
        if parse.tokens[i].dep == "conj":
            break  # a coordinated clause has its own subject: go no higher
    return fallback


def own_subject(parse: Parse, i: int, in_quote: list[int] | None = None) -> int | None:
    """Token `i`'s own subject, or the agent of a passive; words inside quotes (`in_quote`
    marks them) are never it. Of two subjects before a verb of saying, set off from each other
    by a comma, the nearer: the parser takes the words before such an aside for a second
    subject ("Rents, agent Tom Beale said, have risen": see `_set_off`)."""
    found = None
    for c in parse.children[i]:
        t = parse.tokens[c]
        if in_quote is not None and in_quote[c] >= 0:
            continue
        if t.dep in _SUBJECTS:
            if found is None or (c < i and _set_off(parse, found, c, i) and is_cue(parse, i)):
                found = c
            continue
        if t.dep == "agent" and found is None:
            for g in parse.children[c]:
                if parse.tokens[g].dep == "pobj":
                    return g
    return found


def _set_off(parse: Parse, earlier: int, later: int, verb: int) -> bool:
    """A comma that closes the phrase of subject `earlier` (hung on it or on the `verb`), then
    `later` right before the verb: the earlier is a phrase before an aside ("Voters, Clinton
    suggested, don't have to worry"), a lead-in ("Sentencing X at the Crown Court, Judge Y
    said") or the content's own words ("Pirates are from Somalia and Yemen, two countries
    ..., Sinha said"), not the verb's subject. Seen in ../shared/data: PolNeAR train
    huff-post_2016-02-12_the-democratic-primary-is-a-figh ("Voters, Clinton suggested"), dev
    nyt_2016-09-24_small-steps-toward-college-savin ("THE BORROWING Back when he wrote his
    book, Mr. McKinley said"), ECB+ 12_11ecb ("..., Sinha said"), 19_8ecbplus ("One of Gray's
    friends, Devonte Brown told"), 22_1ecbplus ("..., Dorsey said"). Only a verb of saying's
    subjects are weighed so: "Paul Ryan, R-Wis., despite admitting ..., the victims do need"
    has the parser's two subjects for "need", and the words admitted are Ryan's.
    With no such comma ("a message posted on the firm's Web site said") the parser split one
    phrase; with a comma after the later one ("Ban Ki-moon, the secretary general of the
    United Nations, vowed", "Paul Ryan, R-Wis., despite admitting") or a list ("The family,
    protesters and civic leaders have been demanding") both are one subject's words, and
    the earlier stands."""
    toks = parse.tokens
    if any(toks[c].dep in ("conj", "cc") for c in parse.children[later]):
        return False
    if any(toks[g].text == "," for g in range(later + 1, verb)):
        return False
    return any(
        toks[g].text == "," and toks[g].head in (earlier, verb)
        for g in range(earlier + 1, toks[later].left)
    )


def mention_text(parse: Parse, head: int) -> str:
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


def _name_like(name: str) -> bool:
    """Capitalised words joined by "and", "of" or "for" only: a name, not a clause the model
    took for a title ("Trump told The Associated Press of the prospects")."""
    return all(w[:1].isupper() or w.lower() in _NAME_JOINS for w in name.split())


def _verb_of(parse: Parse, i: int) -> int | None:
    for a in parse.ancestors(i):
        if parse.tokens[a].pos in ("VERB", "AUX"):
            return a
    return None


class SpeakerResolver:
    """Who the mentions of one article name: people, pronouns, descriptions, institutions
    and documents, read once per article (`attribution.Resolver` adds the quotes)."""

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
            if is_cue(parse, prep.head):
                verb = prep.head
        if verb is not None:
            subj = own_subject(parse, verb, self.doc.in_quote)
            if subj is not None:
                # "the police spokesperson, SP X, disclosed this in a statement": the person
                # the subject names, else the body ("the health ministry released a report")
                if parse.tokens[subj].pos == "PRON":
                    return self._body(subj)
                found = self.resolve(subj, None)
                if found.person is not None:
                    return found.person.canonical
                return self._body(subj) if found.speaker else None  # "a group of parents"
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
        whole = self._whole_name(i) if t.text[:1].isupper() else None
        if whole is not None:
            return seat_name(whole) or self.doc.people.organisation(whole)
        named = self.doc.people.names.get(i)
        if named is not None and (
            named[0] in _INSTITUTION_LABELS
            or (named[0] in TITLE_LIKE_LABELS and t.pos == "PROPN" and _name_like(named[1]))
        ):
            # a body the model took for a title ("Surrey Fire and Rescue Service" tagged as a
            # work of art) keeps its whole name, not the words before its subject's head
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

    def _whole_name(self, i: int) -> str | None:
        """A body's name that joins capitalised words with "and", "of" or "for" ("West
        Yorkshire Fire and Rescue Service", "Bureau of Alcohol, Tobacco, Firearms and
        Explosives"), read from the phrase of token `i` when the model tagged only a part of
        it; None when the phrase is anything else, or two names coordinated ("Russia and
        China": the head's own conjunct is a name of its own)."""
        parse = self.doc.parse
        phrase = mention_text(parse, i)
        ws = phrase.split()
        if ws and ws[0].lower() == "the":
            ws = ws[1:]
        if len(ws) < 3 or not any(w.lower() in _NAME_JOINS for w in ws[1:-1]):
            return None
        if not _name_like(" ".join(ws)):
            return None
        t = parse.tokens[i]
        if any(self.doc.people.at(j) is not None for j in range(t.left, t.right + 1)):
            return None
        own = self.doc.people.names.get(i)
        for c in parse.children[i]:
            ct = parse.tokens[c]
            if ct.dep == "conj" and ct.ent and self.doc.people.names.get(c) != own:
                return None
        return canonical_name(" ".join(ws).rstrip(","))

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

    def _lead_description(self, head: int) -> bool:
        """ "the head of the regulator", "Japan's finance minister", "the club's chairman": a
        role noun, definite by "the" or a possessor, naming no one, that no one named before
        fits."""
        parse = self.doc.parse
        t = parse.tokens[head]
        if self._is_description(head):
            return self._description(head) is None
        if t.pos != "NOUN" or t.lower not in ROLE_WORDS or self.doc.people.at(head) is not None:
            return False
        if _definite_possessor(parse, head) != "the":
            return False
        if any(self.doc.people.at(j) is not None for j in range(t.left, t.right + 1)):
            return False
        return self._description(head) is None

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
            if p.likely_gender and gender and p.likely_gender != gender:
                continue
            if distance == 0 and parse.tokens[m].head == parse.tokens[i].head:
                continue  # a co-argument of the same verb is someone else
            score = -float(distance)
            if self._acts(m):
                score += 1.0
            if p.gender and p.gender == gender:
                score += 1.5  # stated; a guess only rules out (others may be unguessed)
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
            if gender and p.likely_gender and gender != p.likely_gender:
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
        mention = mention_text(parse, head)
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
        # "the lawyers said", "The organizers said", "the experts said": many, not one person
        # named before (PolNeAR train huff-post_2016-02-02_ted-cruz-is-a-natural-born-citiz,
        # wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee, nyt_2016-04-23_even-signed-
        # climate-deal-won-t-e; ECB+ 26_1ecbplus); "His comments" still stand for their owner
        possessed = any(parse.tokens[c].dep == "poss" for c in parse.children[head])
        role = t.lemma in ROLE_WORDS or t.lemma in ANONYMOUS_NOUNS
        one = not (t.pos == "NOUN" and t.tag == "NNS" and (role or not possessed))
        if one and self._aged(head):
            # "the 31-year-old said", "the 61-year-old scientist says": the person just spoken of
            person = self._recent_person(head)
            if person is None:
                return Attribution(mention=mention)
            self.doc.resolved[head] = person
            return Attribution(person.canonical, mention, confidence=0.6, person=person)
        # "the deputy speaker of Iran's parliament, Ali Motahari"
        for c in range(t.left, t.right + 1):
            if parse.tokens[c].dep == "appos" and (p := self.doc.people.at(c)) is not None:
                return Attribution(p.canonical, mention, confidence=0.85, person=p)
        titled = titled_person(parse, self.doc.people, self.doc.in_quote, head) if one else None
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
        if one and not is_role and self._is_member(head):
            # "the Italian told reporters", "the Republican said": the person just spoken of
            person = self._recent_person(head)
            if person is None:
                return Attribution(mention=mention)
            self.doc.resolved[head] = person
            return Attribution(person.canonical, mention, confidence=0.6, person=person)
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
        if t.lower in PRINT_KINDS and (outlet := outlet_referred(parse, head)):
            # "..., The Anchorage Daily News reported. The newspaper said ...": the paper
            # credited before speaks, as "Xinhua news agency said" does (ECB+ 13_3ecb,
            # 38_7ecbplus, 8_8ecbplus "the paper said"); "the network said" after "The New
            # York Times reported" is the network the story is about (PolNeAR dev nyt_2016-09-19)
            return Attribution(outlet, mention, confidence=0.6)
        if determiner == "the" and t.pos == "NOUN" and (named := self._same_head_before(head)):
            return Attribution(named, mention, confidence=0.7)
        if determiner == "the" and t.lemma in ORGANISATION_KINDS and t.pos == "NOUN":
            named = self._named_before(head)
            if named:
                return Attribution(named, mention, confidence=0.6)
        if t.lemma in INSTITUTION_NOUNS and t.lemma not in ROLE_WORDS:
            name = self._national(self._institution_phrase(head), head)
            return Attribution(name, mention, confidence=0.6)
        person = self._description(head) if one and _names_a_person(t) else None
        if person is not None:
            self.doc.resolved[head] = person
            return Attribution(person.canonical, mention, confidence=0.6, person=person)
        if one and self._lead_description(head):
            # "Japan's finance minister warned ... Finance Minister X was quoted": no one named
            # before fits, and the one it describes is named within a few sentences
            person = named_later(parse, self.doc.people, head, unknown_country=True)
            if person is not None:
                return Attribution(person.canonical, mention, confidence=0.5, person=person)
        if t.lower in ANONYMOUS_NOUNS or t.lemma in ANONYMOUS_NOUNS:
            return Attribution(mention=mention)
        if not _can_speak(parse, head):
            # "details", "the spot", "much": a word of the sentence the parser made the
            # subject, not someone who speaks
            return Attribution(mention=mention)
        return Attribution(self._institution_phrase(head), mention, confidence=0.3)

    def _is_member(self, head: int) -> bool:
        """ "the Italian", "the Texas Republican": one person named by country, place or party
        (`affiliation`), a singular noun ("the Portuguese" is tagged plural) with "the" alone
        that the model does not take for a place or a body, with no person's name in it."""
        parse = self.doc.parse
        t = parse.tokens[head]
        if t.pos not in ("NOUN", "PROPN", "ADJ") or t.lower.endswith("s"):
            return False
        if t.ent in ("GPE", "FAC", "LOC") or not names_one_person(t.text):
            return False
        if t.ent == "ORG" and not manlike(t.text):  # the model takes "Dutchman" for a body
            return False
        dets = [parse.tokens[c].lower for c in parse.children[head] if parse.tokens[c].dep == "det"]
        if dets != ["the"] or any(parse.tokens[c].dep == "poss" for c in parse.children[head]):
            return False
        return not any(self.doc.people.at(j) is not None for j in range(t.left, t.right + 1))

    def _aged(self, head: int) -> bool:
        """A definite phrase that gives an age before its head ("the 31-year-old", "the
        42-year-old mother of two"), with no person's name in it: a description of someone
        named ("a 40-year-old man" is someone new)."""
        parse = self.doc.parse
        t = parse.tokens[head]
        if any(self.doc.people.at(j) is not None for j in range(t.left, t.right + 1)):
            return False
        for j in range(max(t.left, 1), head + 1):
            if (
                parse.tokens[j].pos == "NUM"
                and parse.tokens[j - 1].lower == "the"
                and _AGE.match(parse.span_text(j, min(j + 5, len(parse))))
            ):
                return True
        return False

    def _leads(self, m: int) -> bool:
        """The mention is the subject of its sentence's main verb or of a verb of saying
        ("Paul Ryan says no matter what Obama takes ...": Ryan, not Obama)."""
        parse = self.doc.parse
        t = parse.tokens[m]
        if t.dep not in _SUBJECTS:
            return False
        return parse.tokens[t.head].dep == "ROOT" or is_cue(parse, t.head)

    def _recent_person(self, head: int) -> Person | None:
        """The person "the Italian" or "the 31-year-old" recalls: of the people named or
        resolved within `_MEMBER_WINDOW` sentences before it, those of the latest sentence,
        the subject of its main verb or of a verb of saying first, then any subject; never a
        co-argument of its verb, nor one of another country or gender."""
        parse = self.doc.parse
        t = parse.tokens[head]
        verb = _verb_of(parse, head)
        gender = GENDERED_NOUNS.get(t.lower, "")
        best: tuple[int, bool, bool, int] | None = None
        chosen = None
        for m, p in self._mentions_before(head):
            if t.sent - parse.tokens[m].sent > _MEMBER_WINDOW:
                break
            if parse.tokens[m].head == t.head and _verb_of(parse, m) == verb:
                continue
            if same_country({t.text}, p.nationality) is False:
                continue
            if gender and p.likely_gender and p.likely_gender != gender:
                continue  # "the 42-year-old mother" is no man
            key = (parse.tokens[m].sent, self._leads(m), self._acts(m), m)
            if best is None or key > best:
                best, chosen = key, p
        return chosen

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

    def _same_head_before(self, head: int) -> str | None:
        """ "the fund", "the court", "the agency" alone: the nearest organisation named before
        it whose name ends in that noun ("the International Monetary Fund ... the fund said"),
        as a definite noun takes up the name it heads; None when none does or the phrase says
        more ("the oil company"). Seen in PolNeAR train: wash-post_2016-01-31_state-calls-
        emails-of-clinton-to ("the State Department" ... "the department said"), nyt_2016-06-
        29_the-perfect-term-for-conservativ ("the Supreme Court" ... "the court announced"),
        wash-post_2016-05-25_fundraisers-scorned-by-trump-on- and huff-post_2016-07-18_so-long-
        grand-old-party-hello-wh ("the party announced", "the party warned")."""
        parse = self.doc.parse
        t = parse.tokens[head]
        mods = ("prep", "compound", "amod", "poss")
        if len(_np_words(parse, head)) != 2 or any(
            parse.tokens[c].dep in mods for c in parse.children[head]
        ):
            return None
        nouns = {t.lower, t.lemma}
        best: tuple[int, str] | None = None
        for i, (label, name) in self.doc.people.names.items():
            if label not in ("ORG", "NORP") or i >= head or self.doc.in_quote[i] >= 0:
                continue
            words = name.lower().split()
            if len(words) < 2 or words[-1] not in nouns or outlet_name(parse, i):
                continue
            if best is None or i > best[0]:
                best = (i, self.doc.people.organisation(name))
        return best[1] if best else None

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

    def _points_back(self, noun: int) -> bool:
        """A noun with "the", "this" or "that" alone: a mention of something named before."""
        parse = self.doc.parse
        dets = [parse.tokens[c].lower for c in parse.children[noun] if parse.tokens[c].dep == "det"]
        return dets in (["the"], ["this"], ["that"]) and not any(
            parse.tokens[c].dep in ("poss", "compound", "amod") for c in parse.children[noun]
        )

    def _last_document_owner(self, head: int) -> str | None:
        """The owner of the last document mentioned before, of the same kind if there is one
        ("the statement" -> "a White House statement")."""
        parse = self.doc.parse
        lemma = parse.tokens[head].lemma
        before = [(i, owner) for i, owner in self.doc.documents if i < head]
        same = [(i, owner) for i, owner in before if parse.tokens[i].lemma == lemma]
        # the nearest document of its kind brought in before, even one whose owner the text
        # does not name ("a group of parents sent a letter ... “...,” the letter read": not an
        # earlier body's); "the document" only points back to one
        nearest = next(
            (
                j
                for j in range(head - 1, -1, -1)
                if parse.tokens[j].lemma == lemma
                and parse.tokens[j].pos == "NOUN"
                and self.doc.in_quote[j] < 0
                and not self._points_back(j)
            ),
            None,
        )
        if nearest is not None and (not same or same[-1][0] < nearest):
            return None
        if same:
            return same[-1][1]
        other = [o for i, o in before if parse.tokens[i].lemma not in AGREEMENT_NOUNS]
        return other[-1] if other else None
