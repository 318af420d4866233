"""Candidate attributions of reported speech, read off the dependency parse.

News reports what people said, thought, found or wanted in a handful of shapes; each gives a
cue (the word that attributes), a source (who) and a content (what), all from the one parse
the `nlp` stage made:

* ``clause``: a verb heading a clausal complement, with or without "that", "whether" or
  "if", before or after it ("Clinton argued that ...", "the poll shows Trump leading",
  "asked whether ...", "The stakes are high, Becerra said.");
* ``aside``: a verb of saying set inside or after the clause it reports, as a parenthesis
  ("Within marriages, they said, women now decide", "Backing will matter, analysts say.");
* ``infinitive``: a verb heading an infinitive or a clause of its own object ("vowed to
  repeal", "urged Congress to act", "wants to build a wall");
* ``object``: a verb and its direct object ("announced his candidacy", "denied the
  allegations", "endorsed Mr. Sanders");
* ``preposition``: a verb and the object of its preposition ("called for a ban", "spoke
  about the budget", "pointed to the polls");
* ``according``: "according to X" and the rest of its sentence;
* ``noun``: a noun heading a "that" clause or an infinitive ("his claim that ...", "the
  promise to ...", "requests to answer");
* ``colon``: a name or a short noun phrase, a colon, and the rest of the line ("Sanders:
  Endorsements prove ...", "Poll: Trump leads in Ohio"), as headlines and lists of reactions
  credit a statement.

Candidates are many and mostly wrong: `claim_model` decides which are attributions. The
source is the cue's subject (or the agent of a passive), the one whose words an outlet relays
("TASS quoted X as saying"), a noun's possessor, the object of "according to" or the name
before a colon; none when the text gives none ("Asked whether ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsloom.analyse.gazetteer import city_country
from newsloom.analyse.lexicon import CUE_LEMMAS, DOCUMENT_NOUNS, words
from newsloom.analyse.parse import Parse, head_of
from newsloom.analyse.places import is_country_name
from newsloom.analyse.relay import RELAY_LEMMAS, relay_of, relaying_verb
from newsloom.analyse.speakers import own_subject

__all__ = ["Claim", "claims", "passes_on", "subject_of", "tagged_claim"]

#: arcs along which a verb without a subject takes its head's ("..., saying", "vowed to")
_INHERIT = frozenset({"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl"})
_CLAUSE_ARCS = frozenset({"ccomp", "csubj"})
_OBJECT_ARCS = frozenset({"dobj"})
#: prepositions that carry what the object is said to be or done for ("criticized Sanders for
#: stealing", "dismissed Faso as a tool", "regards Jerusalem as its capital")
_PREDICATIVE = frozenset({"for", "as", "of", "over"})
#: arcs on which the parser hangs a closing ", X said" off the clause it reports
_TRAILING_ARCS = frozenset({"ccomp", "advcl", "conj"})
#: the marks that set a closing attribution off from the clause it reports
_SET_OFF = frozenset({",", "—", "–", "--", "-"})
#: prepositions after an adjective that name what a view is about ("critical of", "worried
#: about", "outspoken on", "angry at", "opposed to")
_ADJECTIVE_PREPOSITIONS = frozenset({"of", "about", "on", "over", "at", "with", "to", "toward"})
#: where words are said, besides documents ("in an interview", "at a news conference")
_SETTING_NOUNS = frozenset({"interview", "conference", "speech", "hearing", "appearance", "call"})
#: the fewest tokens of content worth reporting
MIN_TOKENS = 1
#: the most words before a colon that can name who spoke ("Sen. John McCain:", "Poll:")
_COLON_WORDS = 6
#: the most sentences after the first that a colon's content runs on, to the end of its line
_COLON_SENTENCES = 4


@dataclass(frozen=True, slots=True)
class Claim:
    """One candidate: cue token, source head token (or -1) and content tokens [first, last]."""

    shape: str
    cue: int
    source: int
    first: int
    last: int
    #: the preposition of a ``preposition`` claim, or the marker of a clause ("that", "to")
    link: str = ""
    #: the source is the one an outlet relays ("TASS quoted X as saying that ...")
    relayed: bool = False


def _subject(parse: Parse, verb: int) -> int:
    """The verb's subject, the agent of a passive, or the subject it inherits; else -1."""
    i = verb
    for _ in range(4):
        own = own_subject(parse, i)
        if own is not None:
            return own
        t = parse.tokens[i]
        if t.dep == "relcl" and t.head != i:
            return t.head
        if t.dep not in _INHERIT or t.head == i:
            return -1
        i = t.head
    return -1


def subject_of(parse: Parse, cue: int) -> int:
    """Who a cue that no rule read credits: a verb's subject (`_subject`), a noun's possessor;
    else -1."""
    t = parse.tokens[cue]
    if t.pos in ("VERB", "AUX"):
        return _subject(parse, cue)
    if t.pos == "NOUN":
        return _possessor(parse, cue)
    return -1


def tagged_claim(parse: Parse, cue: int, source: int, first: int, last: int) -> Claim | None:
    """A candidate whose content a learned tagger marked: cut as the rules cut theirs (no
    leading "that", no punctuation at either end), with the marker of its clause ("whether")
    as its link; None when nothing is left."""
    span = _trim(parse, first, last)
    if span is None:
        return None
    link = _marker(parse, head_of(parse, span[0], span[1] + 1))
    if not link and first < span[0]:
        link = parse.tokens[first].lower if parse.tokens[first].dep == "mark" else ""
    return Claim("tagged", cue, source, *span, link=link)


def _last_word(parse: Parse, first: int, last: int) -> int:
    """`last`, moved back over punctuation and spaces, not before `first` - 1."""
    toks = parse.tokens
    while last >= first and toks[last].pos in ("PUNCT", "SPACE"):
        last -= 1
    return last


def _past_setting(parse: Parse, c: int, first: int) -> int:
    """Where a clause reported with no "that" starts, past the setting of its cue that the
    parser hung on the clause: "said in a statement it condemned the attack", "said in an
    interview Tuesday the plan was dead" (the statement is where it was said, not what)."""
    toks = parse.tokens
    subject = own_subject(parse, c)
    if subject is None or _marker(parse, c) == "that":
        return first
    while first < subject:
        t = toks[first]
        noun = next((g for g in parse.children[first] if toks[g].dep == "pobj"), None)
        if (
            t.dep == "prep"
            and t.head == c
            and noun is not None
            and (toks[noun].lemma in DOCUMENT_NOUNS or toks[noun].lemma in _SETTING_NOUNS)
        ):
            first = t.right + 1
        elif (t.head == c and t.ent in ("DATE", "TIME")) or t.text == ",":
            first = toks[first].right + 1 if t.head == c else first + 1
        else:
            break
    return first


def _trim(parse: Parse, first: int, last: int) -> tuple[int, int] | None:
    """A content range without a leading "that" or place dateline ("Chennai: ..."), nor
    punctuation at either end."""
    toks = parse.tokens
    colon = next(
        (k for k in range(first + 1, min(first + _COLON_WORDS, last)) if toks[k].text == ":"), None
    )
    if colon is not None and _place_dateline(parse, first, colon):
        first = colon + 1
    while first <= last and (
        toks[first].pos in ("PUNCT", "SPACE", "CCONJ")
        or (toks[first].dep == "mark" and toks[first].lower == "that")
    ):
        first += 1
    last = _last_word(parse, first, last)
    if last - first + 1 < MIN_TOKENS:
        return None
    return first, last


def _clauses_end(parse: Parse, verb: int, clause: int) -> int:
    """Last token of a complement clause and of the clauses coordinated after it with a
    "that" of their own ("said that A, and that B") or after a semicolon ("said A; B"). A
    coordinated verb without one is the speaker's next act ("said A and left"), not content."""
    toks = parse.tokens
    end = toks[clause].right
    semicolon = False
    for c in parse.children[verb]:
        ct = toks[c]
        if c <= clause or ct.dep == "cc" or (ct.dep == "punct" and ct.lower in (",", ";")):
            semicolon = semicolon or ct.lower == ";"
            continue
        clausal = ct.dep in ("conj", "parataxis") and (semicolon or _marker(parse, c) == "that")
        if not clausal:
            break
        end = max(end, ct.right)
    return end


def _before_participle(parse: Parse, head: int, last: int) -> int:
    """The end of a content before a participle set off by a comma after it ("he cannot
    support Trump, throwing a wrench in the party's plans"): the reporter's narration of what
    the statement did, not its words."""
    toks = parse.tokens
    for d in parse.children[head]:
        t = toks[d]
        if d > head and t.dep == "advcl" and t.tag == "VBG" and toks[t.left - 1].lower == ",":
            return min(last, t.left - 2)
    return last


def _predicative_end(parse: Parse, verb: int, obj: int) -> int:
    """Last token of an object and of a predicative phrase right after it (see `_PREDICATIVE`)."""
    toks = parse.tokens
    end = toks[obj].right
    for c in parse.children[verb]:
        ct = toks[c]
        if c > obj and ct.left == end + 1 and (ct.lower in _PREDICATIVE or ct.dep == "oprd"):
            end = ct.right
    return end


def _marker(parse: Parse, head: int) -> str:
    for c in parse.children[head]:
        t = parse.tokens[c]
        if t.dep in ("mark", "aux") and t.lower in ("that", "whether", "if", "to"):
            return t.lower
    return ""


def _possessor(parse: Parse, noun: int) -> int:
    for c in parse.children[noun]:
        if parse.tokens[c].dep == "poss":
            return c
    t = parse.tokens[noun]
    if t.dep in ("dobj", "attr") and t.head != noun:
        return _subject(parse, t.head)
    return -1


#: what one says things "in" ("said in a statement that", "wrote in a letter that", "told
#: reporters in an interview that"): the parser often hangs the "that" clause on this noun
#: rather than on the verb, though it is what was said. Besides the documents, the two seen
#: so in three or more articles of different outlets in ../shared/data: "interview" (NYT,
#: Politico, PolNeAR train), "speech" (HuffPost, Western Journal, the Irish Times)
_MEDIA_OF_SPEECH = DOCUMENT_NOUNS | words("interview speech")


def _medium_clause(parse: Parse, prep: int, obj: int) -> int | None:
    """The "that" clause hung on the noun of "in a statement that ..." (see `_MEDIA_OF_SPEECH`),
    or None."""
    toks = parse.tokens
    if toks[prep].lower != "in" or toks[obj].lemma not in _MEDIA_OF_SPEECH:
        return None
    for c in parse.children[obj]:
        # a relative clause's "that" is its subject or object; a "that" marking the clause
        # says it is what was said, however the parser labelled the arc ("said in a press
        # release Wednesday that ..." comes as a relative clause of "release")
        if c > obj and toks[c].dep in ("acl", "ccomp", "relcl") and _marker(parse, c) == "that":
            return c
    return None


def _may_relay(parse: Parse, v: int) -> bool:
    """A verb with an "as" phrase, or inside one: the only ones `relay_of` can take."""
    t = parse.tokens
    return t[t[v].head].lower == "as" or any(t[c].lower == "as" for c in parse.children[v])


def passes_on(parse: Parse, v: int) -> bool:
    """A verb of quoting with an "as" phrase ("TASS quoted X as saying ...", "cited an aide as
    telling"): it reports no words of its own; they are the "saying"'s, X's."""
    return (
        parse.tokens[v].lemma in RELAY_LEMMAS
        and _may_relay(parse, v)
        and relay_of(parse, v) is not None
    )


def _verb_claims(parse: Parse, v: int) -> list[Claim]:
    toks = parse.tokens
    out: list[Claim] = []
    relay = relay_of(parse, v) if _may_relay(parse, v) else None
    if relay is not None and toks[v].lemma in RELAY_LEMMAS:
        return out  # see `passes_on`
    source = -2  # computed once, when needed

    def src() -> int:
        nonlocal source
        if source == -2:
            source = relay.speaker if relay is not None else _subject(parse, v)
        return source

    for c in parse.children[v]:
        ct = toks[c]
        if ct.dep in _CLAUSE_ARCS and c < v:
            # "The stakes are high, Becerra said": the complement comes first
            span = _trim(parse, ct.left, min(ct.right, v - 1))
            if span:
                out.append(Claim("clause", v, src(), *span, link=_marker(parse, c)))
        elif ct.dep in _CLAUSE_ARCS:
            if ct.left < v:
                continue  # "which he said was caused by": a relative clause wraps the cue
            end = _before_participle(parse, c, _clauses_end(parse, v, c))
            span = _trim(parse, _past_setting(parse, c, max(ct.left, v + 1)), end)
            if span:
                out.append(Claim("clause", v, src(), *span, link=_marker(parse, c)))
        elif ct.dep == "xcomp" and c > v:
            first = ct.left
            for d in parse.children[v]:  # "urged Congress to act": the object is part of it
                if toks[d].dep == "dobj" and d < c:
                    first = min(first, toks[d].left)
            span = _trim(parse, first, ct.right)
            if span:
                out.append(Claim("infinitive", v, src(), *span, link=_marker(parse, c)))
        elif ct.dep in _OBJECT_ARCS and c > v:
            span = _trim(parse, ct.left, _predicative_end(parse, v, c))
            if span:
                out.append(Claim("object", v, src(), *span))
        elif ct.dep == "prep" and c > v:
            obj = next((g for g in parse.children[c] if toks[g].dep in ("pobj", "pcomp")), None)
            if obj is not None:
                span = _trim(parse, toks[obj].left, toks[obj].right)
                if span:
                    out.append(Claim("preposition", v, src(), *span, link=ct.lower))
                said = _medium_clause(parse, c, obj)
                if said is not None:
                    span = _trim(parse, toks[said].left, _clauses_end(parse, v, said))
                    if span:
                        out.append(Claim("clause", v, src(), *span, link="that"))
    if relay is not None:
        out += _fronted_relayed(parse, v, src())
        out = [replace(c, relayed=True) for c in out]
    t = toks[v]
    if _aside_arc(parse, v) and toks[t.head].pos in ("VERB", "AUX") and src() >= 0:
        # "Within marriages, they said, women now have ...", "..., analysts say.": the cue
        # hangs off the clause it reports; the content is that clause around it, or the
        # part before it when the cue and its subject close the clause
        h = toks[t.head]
        if v > h.i and src() > h.i and t.right >= _end(parse, h.i):
            span = _trim(parse, h.left, t.left - 1)
        else:
            span = _trim(parse, h.left, h.right)
        if span and not any(toks[c].dep in ("ccomp", "dobj") for c in parse.children[v]):
            out.append(Claim("aside", v, src(), *span))
    return out


def _fronted_relayed(parse: Parse, v: int, source: int) -> list[Claim]:
    """The words before "X quoted Y as saying" ("..., MENA quoted an official source as
    saying"): the parser hangs them on "quoted", which passes on what the "saying" (`v`)
    reports. Seen in ../shared/data: ECB+ 30_9ecb (MENA), 19_6ecbplus (New York Daily News),
    2_1ecb (People)."""
    verb = relaying_verb(parse, v)
    if verb is None or verb == v:
        return []
    out = []
    for c in parse.children[verb]:
        if parse.tokens[c].dep in _CLAUSE_ARCS and c < verb:
            span = _trim(parse, parse.tokens[c].left, min(parse.tokens[c].right, verb - 1))
            if span:
                out.append(Claim("clause", v, source, *span, link=_marker(parse, c)))
    return out


def _end(parse: Parse, i: int) -> int:
    """The last token of `i`'s subtree that is not punctuation."""
    return _last_word(parse, i + 1, parse.tokens[i].right)


def _aside_arc(parse: Parse, v: int) -> bool:
    """A cue set beside the clause it reports: a parenthesis, or a verb of saying that the
    parser hung at the end of that clause as its complement or adverbial ("Prices will rise,
    the bank warned.")."""
    t = parse.tokens[v]
    if t.dep == "parataxis":
        return True
    return (
        t.dep in _TRAILING_ARCS and t.head < v and t.lemma in CUE_LEMMAS
        and t.right >= _end(parse, t.head) and parse.tokens[t.left - 1].lower in _SET_OFF
        and not _marker(parse, v)
        and (own := own_subject(parse, v)) is not None and own > t.head
    )  # fmt: skip


def _according(parse: Parse, a: int) -> Claim | None:
    toks = parse.tokens
    to = next((c for c in parse.children[a] if toks[c].lower == "to"), None)
    holder = to if to is not None else a
    source = next((c for c in parse.children[holder] if toks[c].dep == "pobj"), -1)
    if source < 0:
        return None
    lo, hi = toks[a].left, toks[a].right
    if to is not None:
        hi = max(hi, toks[to].right)
    first, stop = parse.sents[toks[a].sent]
    sides = [
        s
        for s in (
            _trim(parse, first, lo - 1) if lo > first else None,
            _trim(parse, hi + 1, stop - 1) if hi + 1 < stop else None,
        )
        if s is not None
    ]
    if not sides:
        return None
    span = max(sides, key=lambda s: s[1] - s[0])
    return Claim("according", a, source, *span, link="to")


def _noun_claims(parse: Parse, n: int) -> list[Claim]:
    toks = parse.tokens
    out = []
    for c in parse.children[n]:
        ct = toks[c]
        if ct.dep not in ("acl", "ccomp") or c < n or ct.pos not in ("VERB", "AUX"):
            continue
        link = _marker(parse, c)
        if link not in ("that", "to", "whether"):
            continue
        span = _trim(parse, ct.left, ct.right)
        if span:
            out.append(Claim("noun", n, _possessor(parse, n), *span, link=link))
    return out


def _colon(parse: Parse, c: int) -> Claim | None:
    """ "Sanders: Endorsements prove Clinton the establishment's candidate", "Poll: Trump
    leads in Ohio": a short name or noun phrase, a colon, and what it said or showed. The
    colon is the cue; the content runs to the end of its line (from the next sentence when the
    parser ended one at the colon)."""
    toks = parse.tokens
    a, b = parse.sents[toks[c].sent]
    if not 0 < c - a <= _COLON_WORDS:
        return None
    nouns = [i for i in range(a, c) if toks[i].pos in ("PROPN", "NOUN")]
    if not nouns or any(toks[i].pos in ("VERB", "AUX", "PUNCT") for i in range(a, c)):
        return None
    if _place_dateline(parse, a, c):
        return None
    source = head_of(parse, a, c)
    if toks[source].pos not in ("PROPN", "NOUN"):
        source = nouns[-1]
    first, stop = c + 1, b
    sent = toks[c].sent
    if not any(toks[i].pos not in ("PUNCT", "SPACE") for i in range(first, stop)):
        if sent + 1 >= len(parse.sents):
            return None
        sent += 1
        first, stop = parse.sents[sent]
    # a transcript's "TAPPER: ... . Take a listen.": the speaker's turn is the whole line
    for _ in range(_COLON_SENTENCES):
        if sent + 1 >= len(parse.sents):
            break
        if "\n" in parse.text[toks[stop - 1].start : toks[stop].end]:  # a line break between
            break
        sent += 1
        stop = parse.sents[sent][1]
    span = _trim(parse, first, stop - 1)
    return Claim("colon", c, source, *span, link=":") if span else None


def _place_dateline(parse: Parse, a: int, c: int) -> bool:
    """ "Chennai: Three people were killed ..., police said.": a place and a colon opening the
    lead, a line of prose, is where the story was filed (the dateline of Indian outlets), not who
    said it, where a headline's "Iran: ..." has no closing full stop. Seen in ../shared/data:
    newsloom-dev zeenews.india.com ("Barcelona: Spanish police fired ..."), deccanchronicle.com
    ("Madrid/Barcelona: Spain's Senate on Friday voted ..."), jkglobalnews.in ("Singapore: US
    President Donald Trump and ...")."""
    toks = parse.tokens
    while a > 0 and "/" in (toks[a].text, toks[a - 1].text) and toks[a - 1].end == toks[a].start:
        a -= 1  # "Madrid/Barcelona:", where the parser may start a sentence at the slash
    if a > 0 and "\n" not in parse.text[toks[a - 1].start : toks[a].start]:
        return False
    if "\n" in parse.text[: toks[a].start].strip():
        return False  # a dateline opens the lead: the text's first line or the one after the title
    if any(toks[i].ent in ("PERSON", "ORG", "NORP") for i in range(a, c)):
        return False  # "Graham: Trump's ... Destroying GOP's Chance.": a senator, not Graham, Texas
    line = parse.text[toks[c].end :].split("\n", 1)[0].strip()
    if not line.endswith((".", "!")) or len(line.split()) <= _COLON_WORDS:
        return False
    names = parse.text[toks[a].start : toks[c].start].split("/")
    return all(city_country(n) or is_country_name(n.strip()) for n in names)


def _adjective_claims(parse: Parse, a: int) -> list[Claim]:
    """ "Trump was critical of Obama's leadership", "donors remain confident that he will
    win", "voters are worried about the economy": a predicative adjective and what its
    holder thinks or says about something; the source is the subject of its verb."""
    toks = parse.tokens
    t = toks[a]
    if t.dep != "acomp" or toks[t.head].pos not in ("VERB", "AUX"):
        return []
    out = []
    for c in parse.children[a]:
        ct = toks[c]
        if c < a:
            continue
        if ct.dep == "prep" and ct.lower in _ADJECTIVE_PREPOSITIONS:
            obj = next((g for g in parse.children[c] if toks[g].dep in ("pobj", "pcomp")), None)
            span = _trim(parse, toks[obj].left, toks[obj].right) if obj is not None else None
            link = ct.lower
        elif ct.dep in ("ccomp", "xcomp") and ct.pos in ("VERB", "AUX"):
            span = _trim(parse, ct.left, ct.right)
            link = _marker(parse, c)
        else:
            continue
        if span:
            out.append(Claim("adjective", a, _subject(parse, t.head), *span, link=link))
    return out


def claims(parse: Parse) -> list[Claim]:
    """Every candidate attribution of the parse, in cue order; one per content range."""
    out: list[Claim] = []
    for t in parse.tokens:
        if t.lower == "according":  # tagged a verb, but no verb of its own
            found = _according(parse, t.i)
            if found:
                out.append(found)
        elif t.lower == ":":
            found = _colon(parse, t.i)
            if found:
                out.append(found)
        elif t.pos in ("VERB", "AUX"):
            out += _verb_claims(parse, t.i)
        elif t.pos == "NOUN":
            out += _noun_claims(parse, t.i)
        elif t.pos == "ADJ":
            out += _adjective_claims(parse, t.i)
    seen: set[tuple[int, int]] = set()
    unique: list[Claim] = []
    for c in out:
        if c.first <= c.cue <= c.last and c.shape != "aside":
            continue  # "who officials say is tied to ...": the cue sits inside its own content
        if (c.first, c.last) not in seen:
            seen.add((c.first, c.last))
            unique.append(c)
    return unique
