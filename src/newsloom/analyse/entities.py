"""Named entities of one article, corrected for news, with canonical names for people.

spaCy's small English model makes errors that matter for news, and we correct them:

* a bare surname tagged ORG, or left untagged ("Trump said" at the start of a sentence), is a
  person when the article names that person elsewhere;
* a surname that is also a month ("Theresa May", "May wrote:") is tagged as a date or a modal
  verb: outside a date context it is the person;
* a title or a country glued to a name ("U.S. Donald Trump", "Pres. Trump"), a possessive
  "'s", or a verb and a quotation mark swallowed from a title-case headline ("Trump Declares
  'Confidence") are cut from the person's span;
* a hashtag is no person ("#Brexit"); nor is a one-word "person" that is never the subject
  of anything and never carries a title (the model's guess on a common proper noun).
* an acronym is no surname ("UN" beside "Kim Jong Un"); a capitalised preposition opening a
  title-like name is cut ("Within the Trump administration").

Countries, their metonyms ("Moscow denied" -> Russia) and actor codes are resolved last, by
`actors.resolve_actors`, on the entity list only: the `People` index keeps names as written.

People are then grouped: each gets the fullest form of their name that the article uses
("Putin" -> "Vladimir Putin"). A short form links to a full one that shares its surname (or,
for "Kim" and "Kim Jong Un", its first word); when it comes first and its titles disagree
("President Trump" before "First Lady Melania Trump") it stays apart. Names in a title-case
headline only link to people the body names.

The `People` index records, for each person, the titles and descriptions the article gives
them ("Russian Deputy Foreign Minister Sergei Ryabkov", "Donald Tusk, the president of the
European Council") and their gender when the text says it ("Mrs May", "spokeswoman"):
attribution uses them to resolve "he", "the Russian diplomat" or "the PM".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsloom.analyse.actors import resolve_actors
from newsloom.analyse.gender import assign_likely_genders
from newsloom.analyse.learned_titles import learned_titles, person_titles
from newsloom.analyse.lexicon import (
    COMPLEMENT_JOINS,
    CUE_FORMS,
    GENDERED_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MEDIA_WORDS,
    POSSESSIVE_MARKS,
    ROLE_SYNONYMS,
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    words,
)
from newsloom.analyse.parse import Parse, Token, head_of
from newsloom.article import Entity

#: Labels a bare surname is wrongly given when the model does not see a person.
_SURNAME_MISLABELS = frozenset(
    {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "FAC", "DATE", "EVENT", "LAW"}
)
_DETERMINERS = frozenset({"the", "a", "an"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MONTHS = words(
    """
    january february march april may june july august september october november december
    """
)
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
#: words before a month name that make it a date ("in May", "late May", "8 May")
_DATE_BEFORE = (
    words(
        """
        in on by since until till from to of early late mid last next this before after during
        through between and or end beginning start
        """
    )
    | _WEEKDAYS
)
_QUOTE_CHARS = frozenset("\"“”‘’'«»„")


def title_words(words: Iterable[str]) -> list[str]:
    """Lower-case title words with abbreviations spelled out ("PM" -> prime, minister)."""
    out: list[str] = []
    for word in words:
        w = word.lower()
        out.extend(TITLE_ABBREVIATIONS.get(w, (w.rstrip("."),)))
    return out


def _is_title_token(parse: Parse, i: int) -> bool:
    """A token glued in front of a name that is not part of it: a title or a country."""
    t = parse.tokens[i]
    w = t.lower
    if w in HONORIFICS or w in TITLE_ABBREVIATIONS or w.rstrip(".") in ROLE_WORDS:
        return True
    return bool(t.ent in ("GPE", "NORP") or (t.text.isupper() and "." in t.text))


def _learned_title(parse: Parse, i: int) -> bool:
    """A capitalised title word the hand list lacks but news taught us ("Winger X", "Imam X").
    Callers cut it only with two name words left after it: a one-word name after a learned
    word may be a given name and surname ("Hunter Biden" if "hunter" were learned)."""
    t = parse.tokens[i]
    learned = learned_titles()
    return t.text[:1].isupper() and (t.lower.rstrip(".") in learned or t.lemma in learned)


def roles_compatible(a: set[str], b: set[str]) -> bool:
    """Two sets of role words can describe one person ("chairman" and "leader" can)."""
    if not a or not b or a & b:
        return True
    for x in a:
        if ROLE_SYNONYMS.get(x, frozenset()) & b:
            return True
    return any(ROLE_SYNONYMS.get(y, frozenset()) & a for y in b)


@dataclass
class Person:
    """One person of the article, with every mention of them."""

    canonical: str
    #: name tokens (lower-case, hyphens split) of the canonical form
    key: tuple[str, ...]
    #: token indices of the mention heads, in order
    mentions: list[int] = field(default_factory=list)
    #: title and description words, lower-case ("russian", "deputy", "minister")
    titles: set[str] = field(default_factory=set)
    #: "m", "f" or "" when the text does not say
    gender: str = ""
    #: what the article's pronouns or the given name suggest when the text does not say
    #: (`gender.assign_likely_genders`): for resolving pronouns and descriptions only
    gender_guess: str = ""
    #: country adjectives and names in titles ("russian", "us")
    nationality: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return self.mentions[0] if self.mentions else 0

    def roles(self) -> set[str]:
        return {w for w in self.titles if w in ROLE_WORDS}

    @property
    def likely_gender(self) -> str:
        """The gender the text states, else the guess: what "he" or "she" may stand for."""
        return self.gender or self.gender_guess


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(name.lower().replace("-", " ").replace(".", " ").replace("’", "'").split())


def _clean_person_span(parse: Parse, first: int, stop: int) -> tuple[int, int]:
    """Cut titles, a possessive, and headline words swallowed after the name."""
    for i in range(first + 1, stop):
        t = parse.tokens[i]
        if t.lower in CUE_FORMS or (
            any(c in _QUOTE_CHARS for c in t.text) and t.lower not in POSSESSIVE_MARKS
        ):
            stop = i
            break
    while stop > first and parse.tokens[stop - 1].lower in POSSESSIVE_MARKS:
        stop -= 1
    while stop - first > 1 and (
        _is_title_token(parse, first) or (stop - first > 2 and _learned_title(parse, first))
    ):
        first += 1
    named = name_after_title(parse, first, stop)
    if named == first and (after := name_after_complement(parse, first, stop)) is not None:
        named = after  # "Ambassador to Canberra Xu Jiamin" tagged whole as a person
    return named, stop


#: Words that join the parts of a title ("Superintendent of Police", "Minister for Health").
_TITLE_JOINS = frozenset({"of", "for", "-"})


def name_after_title(parse: Parse, first: int, stop: int) -> int:
    """Where the name starts in a run of capitalised words that opens with a title phrase:
    "Competition Commissioner Sofia Lindahl", "Police Constable X", "State Treasurer X",
    "Senior Superintendent of Police X". The title ends at its last title word (with the one
    capitalised word after an "of": "of Police"); the name is the one to three name-like words
    after it. `first` when the run has no such title."""
    end, learned = None, False
    for k in range(first, stop - 1):
        t = parse.tokens[k]
        if t.lower in _TITLE_JOINS and k > first:
            continue
        if not t.text[:1].isupper():
            break
        if _is_title_token(parse, k) and t.ent not in ("GPE", "NORP"):
            end, learned = k + 1, False
        elif _learned_title(parse, k) and t.ent not in ("GPE", "NORP"):
            end, learned = k + 1, True
    if end is None:
        return first
    if end + 1 < stop and parse.tokens[end].lower in ("of", "for"):
        end += 2
    if (2 if learned else 1) <= stop - end <= 3 and _name_like(parse, end, stop):
        return end
    return first


@dataclass(frozen=True, slots=True)
class _Span:
    first: int
    stop: int
    label: str


def _in_date(parse: Parse, i: int) -> bool:
    """A month name used as a date, not as the surname it also is ("Theresa May")."""
    prev = parse.tokens[i - 1] if i > 0 else None
    nxt = parse.tokens[i + 1] if i + 1 < len(parse.tokens) else None
    if prev is not None and (prev.lower in _DATE_BEFORE or prev.text[:1].isdigit()):
        return True
    return nxt is not None and nxt.text[:1].isdigit()


def _month_surname(parse: Parse, i: int) -> _Span | None:
    """ "Theresa May", "Mrs May": a month name after a given name or an honorific."""
    t = parse.tokens[i]
    if t.lower not in _MONTHS or not t.text[:1].isupper() or _in_date(parse, i) or i == 0:
        return None
    prev = parse.tokens[i - 1]
    if prev.lower in HONORIFICS:
        return _Span(i, i + 1, "PERSON")
    if (
        prev.pos == "PROPN"
        and prev.text.isalpha()
        and prev.text[:1].isupper()
        and prev.lower not in _MONTHS | _WEEKDAYS
        and prev.ent in ("", "PERSON", "DATE")
        and not _is_title_token(parse, prev.i)
    ):
        return _Span(i - 1, i + 1, "PERSON")
    return None


#: words that make a name an organisation's ("Whole Foods Market", "Jana Partners")
_ORG_WORDS = (
    INSTITUTION_NOUNS
    | MEDIA_WORDS
    | words(
        """
        inc corp ltd llc co plc group bank party university college school association
        foundation institute house street palace council union league club fc airlines airways
        motors energy oil gas holdings partners capital fund trust market markets foods
        systems technologies labs games nations states republic kingdom ministry department
        agency centre center hospital church army
        """
    )
)


def _name_like(parse: Parse, first: int, stop: int) -> bool:
    """Capitalised words (hyphens allowed between them), none an organisation's word."""
    toks = parse.tokens[first:stop]
    if not toks or toks[0].text == "-" or toks[-1].text == "-":
        return False
    for t in toks:
        if t.text == "-":
            continue
        if not (
            t.pos in ("PROPN", "NOUN", "ADJ")
            and t.text[:1].isupper()
            and t.text.replace("-", "").replace("'", "").isalpha()
            and t.lower not in _ORG_WORDS
            and not _is_title_token(parse, t.i)
            and t.lower not in _MONTHS | _WEEKDAYS
        ):
            return False
    return True


#: the model's labels for words that are no person's name (a place, a nationality, a building)
_NOT_NAMES = frozenset({"GPE", "LOC", "NORP", "FAC"})


def name_after_complement(parse: Parse, first: int, stop: int) -> int | None:
    """Where a person's name starts in a run of capitalised words that follows a title and
    its join ("Ambassador to | Belgrade Oleg Vartanyan", "Director of | Admissions Scott
    Pitcher", "Secretary of | the Interior Ken Salazar", "Ambassador to Azerbaijani | Bilal
    Hayee"): the model often tags the complement and the holder's name as one organisation.
    The name is the run's words after its last organisation word, else its last two; the
    complement keeps at least one word (in the run or before it); with no organisation word
    to end it, exactly one ("Competition Neelie Kroes", not "National Drug Control Policy").
    None when no title comes before, or no name fits."""
    toks = parse.tokens
    k = first
    while k < stop and toks[k].pos == "DET":
        k += 1
    j, before = first - 1, 0
    while j >= 0 and before < 3 and toks[j].pos == "PROPN" and toks[j].text[:1].isupper():
        j, before = j - 1, before + 1
    if j >= 0 and toks[j].lower == "the":
        j -= 1
    if (
        j < 1
        or toks[j].lower not in COMPLEMENT_JOINS
        or toks[j - 1].lower.rstrip(".") not in ROLE_WORDS
        or not toks[j - 1].text[:1].isupper()
    ):
        return None
    if before:
        start = k
    else:
        orgs = [m for m in range(k, stop) if toks[m].lower in _ORG_WORDS]
        start = orgs[-1] + 1 if orgs else stop - 2
        if start <= k or (not orgs and stop - k != 3):
            return None
    if not 2 <= stop - start <= 3 or not _name_like(parse, start, stop):
        return None
    if any(toks[m].ent in _NOT_NAMES for m in range(start, stop)):
        return None
    return start


def _titled(parse: Parse, first: int, stop: int, *, place: bool = False) -> bool:
    """The text gives the name a person's title: "Water Minister X", "Mr X", "the minister,
    X," or "X, Amazon founder"."""
    head = head_of(parse, first, stop)
    if first > 0:
        prev = parse.tokens[first - 1]
        if (
            prev.lower in HONORIFICS
            or prev.lower.rstrip(".") in ROLE_WORDS
            or _learned_title(parse, first - 1)
            or prev.lower in TITLE_ABBREVIATIONS
        ):
            return True
    t = parse.tokens[head]
    if t.dep == "appos" and _is_role_noun(parse.tokens[_role_of(parse, t.head)], loose=not place):
        return True
    # "Wahyu Prasetyo-Lubis, who represents workers ...": "who" is said of people
    for c in parse.children[head]:
        if parse.tokens[c].dep == "relcl" and any(
            parse.tokens[g].lower == "who" and parse.tokens[g].dep in _SUBJECT_DEPS
            for g in parse.children[c]
        ):
            return True
    return any(
        parse.tokens[c].dep == "appos" and _is_role_noun(parse.tokens[c], loose=not place)
        for c in parse.children[head]
    )


def _role_of(parse: Parse, head: int) -> int:
    """The noun an apposition describes: "The mayor of El Carmen, Luz Marina Quintero," hangs
    the name on the place, which the parser takes as the nearer noun, where it is the mayor's;
    so an "of"/"for" object stands for the role noun it completes (PolNeAR train politico_2016-
    08-17_ap-trump-chair-routed-ukrainian- "The head of Mercury, Vin Weber,", newsloom-dev
    "the president of the European Council, Donald Tusk,", ECB+ 41_3ecbplus "The governor of
    Unity State, Taban Deng,")."""
    t = parse.tokens[head]
    if t.dep != "pobj":
        return head
    prep = parse.tokens[t.head]
    if prep.lower not in ("of", "for") or prep.head == prep.i:
        return head
    return prep.head


#: endings of nouns for what people do ("coordinator", "manager", "economist")
_AGENT_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "person")


def _is_role_noun(t: Token, *, loose: bool) -> bool:
    """A noun for a person's role: one of ours, or (loosely) an agent noun by its ending."""
    if t.pos not in ("NOUN", "PROPN"):
        return False
    titles = person_titles()
    if t.lemma in titles or t.lower in titles:
        return True
    return loose and t.pos == "NOUN" and len(t.lemma) > 5 and t.lemma.endswith(_AGENT_ENDINGS)


def _org_is_person(parse: Parse, s: _Span) -> bool:
    """A name tagged otherwise that the text treats as a person: name-like words, and a
    person's title beside it, or "he" or "she" as the next sentences' subject
    ("a defiant Mariano Rajoy blamed unrest ... He called the referendum ...")."""
    if s.label not in _SURNAME_MISLABELS or not 1 <= s.stop - s.first <= 4:
        return False
    if not _name_like(parse, s.first, s.stop):
        return False
    if _titled(parse, s.first, s.stop, place=s.label in ("GPE", "LOC", "FAC")):
        return True
    if not 2 <= s.stop - s.first <= 3 or s.label != "ORG":
        return False
    head = head_of(parse, s.first, s.stop)
    if parse.tokens[head].dep not in _SUBJECT_DEPS:
        return False
    sent = parse.tokens[head].sent
    for n in range(sent + 1, min(sent + 3, len(parse.sents))):
        a, b = parse.sents[n]
        for t in parse.tokens[a:b]:
            if t.ent == "PERSON":
                return False
            if t.lower in ("he", "she") and t.dep in _SUBJECT_DEPS:
                return True
    return False


def _titled_name_of(parse: Parse, s: _Span) -> _Span:
    """A person's name the model tagged with its title as something else: "Competition
    Commissioner Sofia Lindahl" as a work of art, "Police Commissioner X" as an organisation."""
    if s.label not in _SURNAME_MISLABELS:
        return s
    k = name_after_title(parse, s.first, s.stop)
    if k > s.first:
        return _Span(k, s.stop, "PERSON")
    after = name_after_complement(parse, s.first, s.stop)
    return s if after is None else _Span(after, s.stop, "PERSON")


def _untagged_titled_names(parse: Parse) -> list[_Span]:
    """Runs of capitalised words the model left untagged, after a person's title
    ("talkRADIO's Julia Hartley-Brewer" stays untagged; "Water Minister X" does not)."""
    found = []
    i = 0
    n = len(parse.tokens)
    while i < n:
        t = parse.tokens[i]
        if t.ent or not (t.pos == "PROPN" and t.text[:1].isupper()):
            i += 1
            continue
        j = i
        while (
            j < n
            and not parse.tokens[j].ent
            and (
                (parse.tokens[j].pos == "PROPN" and parse.tokens[j].text[:1].isupper())
                or (
                    parse.tokens[j].lower in _TITLE_JOINS
                    and j + 1 < n
                    and parse.tokens[j + 1].pos == "PROPN"
                    and not parse.tokens[j + 1].ent
                )
            )
        ):
            j += 1
        if j - i <= 4 and _name_like(parse, i, j) and _titled(parse, i, j):
            found.append(_Span(i, j, "PERSON"))
        elif j < n and parse.tokens[j].ent == "PERSON":
            pass  # the title's own words before the name ("Director of National Intelligence")
        elif (k := name_after_title(parse, i, j)) > i:
            found.append(_Span(k, j, "PERSON"))  # "Chief Constable Maria Lopez"
        elif (k := name_after_complement(parse, i, j)) is not None:
            found.append(_Span(k, j, "PERSON"))  # "Ambassador to Baku Imran Qadir"
        i = max(j, i + 1)
    return found


def _join_of_names(parse: Parse, spans: list[_Span]) -> list[_Span]:
    """One organisation split in two by the model: "Agency" + "for" + "Digital Defence"."""
    out: list[_Span] = []
    for s in spans:
        if (
            out
            and out[-1].label == "ORG"
            and s.label in ("ORG", "GPE", "NORP")
            and s.first == out[-1].stop + 1
            and parse.tokens[out[-1].stop].lower in ("of", "for", "on")
            and parse.tokens[s.first].text[:1].isupper()
        ):
            out[-1] = _Span(out[-1].first, s.stop, "ORG")
            continue
        out.append(s)
    return out


def _not_a_person(parse: Parse, s: _Span) -> _Span:
    """A "person" that is a country ("Burkina Faso") or an organisation ("Sahel Weekly")."""
    from newsloom.analyse.places import is_country_name

    text = parse.span_text(s.first, s.stop)
    if is_country_name(text) and (s.stop - s.first > 1 or not _titled(parse, s.first, s.stop)):
        return _Span(s.first, s.stop, "GPE")
    last = parse.tokens[s.stop - 1].lower
    if s.stop - s.first > 1 and last in _ORG_WORDS:
        return _Span(s.first, s.stop, "ORG")
    return s


def _is_tag(parse: Parse, s: _Span) -> bool:
    """A hashtag or a handle ("#Brexit", "@foreignoffice") is not a person."""
    start = parse.tokens[s.first].start
    return s.label == "PERSON" and start > 0 and parse.text[start - 1] in "#@"


def _extend_name(parse: Parse, s: _Span) -> _Span:
    """Take in the given name the model left out ("Theresa" of "Theresa May")."""
    if s.label != "PERSON" or s.stop - s.first != 1:
        return s
    first = s.first
    while first > 0:
        t = parse.tokens[first - 1]
        if (
            t.pos == "PROPN"
            and t.text.isalpha()
            and t.text[:1].isupper()
            and t.ent in ("", "PERSON")
            and s.first <= t.head < s.stop
            and t.dep == "compound"
            and not _is_title_token(parse, t.i)
        ):
            first -= 1
        else:
            break
    return _Span(first, s.stop, s.label) if first != s.first else s


#: Labels of names of works and things, which the model gives to capitalised phrases.
TITLE_LIKE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _acronym(word: str) -> bool:
    """ "UN", "EU": capitals only, so an acronym, never the surname it spells ("Kim Jong Un")."""
    return len(word) > 1 and word.isupper()


def _spans(parse: Parse) -> list[_Span]:
    """spaCy's entity spans with the corrections applied (token offsets)."""
    spans: list[_Span] = []
    month_names: dict[int, _Span] = {}
    for t in parse.tokens:
        found = _month_surname(parse, t.i)
        if found is not None:
            month_names[found.stop - 1] = found
    for e in parse.ents:
        first, stop, label = e.first, e.stop, e.label
        if label == "PERSON":
            first, stop = _clean_person_span(parse, first, stop)
        else:
            while stop > first and parse.tokens[stop - 1].lower in POSSESSIVE_MARKS:
                stop -= 1
            if label in TITLE_LIKE_LABELS and parse.tokens[first].pos == "ADP":
                # "Within the Trump administration": a capitalised preposition taken for the
                # start of a title
                first += 1
                while first < stop and parse.tokens[first].pos == "DET":
                    first += 1
                label = "ORG" if first < stop else label
        if first >= stop:
            continue
        if label == "DATE" and stop - first == 1 and first in month_names:
            continue
        spans.append(_Span(first, stop, label))
    covered = {i for s in spans for i in range(s.first, s.stop)}
    for span in month_names.values():
        if not any(i in covered for i in range(span.first, span.stop)) or (
            parse.tokens[span.first].ent in ("", "PERSON", "DATE")
            and parse.tokens[span.stop - 1].ent in ("", "DATE")
        ):
            spans = [s for s in spans if s.stop <= span.first or s.first >= span.stop]
            spans.append(span)
    spans.sort(key=lambda s: s.first)
    spans = _join_of_names(parse, spans)
    spans = [_titled_name_of(parse, s) for s in spans]
    spans = [_Span(s.first, s.stop, "PERSON") if _org_is_person(parse, s) else s for s in spans]
    spans = sorted(spans + _untagged_titled_names(parse), key=lambda s: s.first)
    # Surnames of people seen elsewhere in the article, wherever the model missed them.
    person_words = set()
    for s in spans:
        if s.label == "PERSON":
            key = _name_key(parse.span_text(s.first, s.stop))
            if len(key) > 1:
                person_words.update({key[0], key[-1]})
            elif key:
                person_words.add(key[0])
    person_keys = {
        _name_key(parse.span_text(s.first, s.stop)) for s in spans if s.label == "PERSON"
    }
    fixed: list[_Span] = []
    covered = set()
    for s in spans:
        if s.label == "PERSON":
            s = _not_a_person(parse, s)
        elif (
            s.label in _SURNAME_MISLABELS
            and s.stop - s.first == 1
            and parse.tokens[s.first].lower in person_words
            and parse.tokens[s.first].text[:1].isupper()
            and not _acronym(parse.tokens[s.first].text)
            and (s.label != "DATE" or not _in_date(parse, s.first))
        ):
            s = _Span(s.first, s.stop, "PERSON")
        elif (
            s.label in _SURNAME_MISLABELS
            and _name_like(parse, s.first, s.stop)
            and not _acronym(parse.span_text(s.first, s.stop))
        ):
            # "Kaboré-Sana" tagged WORK_OF_ART where "Dramane Kaboré-Sana" is a person
            key = _name_key(parse.span_text(s.first, s.stop))
            if any(key == k or _short_form_of(key, k) for k in person_keys):
                s = _Span(s.first, s.stop, "PERSON")
        fixed.append(s)
        covered.update(range(s.first, s.stop))
    for t in parse.tokens:
        if (
            t.i not in covered
            and t.pos in ("PROPN", "NOUN", "AUX")
            and t.text[:1].isupper()
            and not _acronym(t.text)
            and t.lower in person_words
            and (t.lower not in _MONTHS or not _in_date(parse, t.i))
            and t.dep
            in _SUBJECT_DEPS | {"poss", "compound", "pobj", "dobj", "appos", "conj", "aux"}
        ):
            fixed.append(_Span(t.i, t.i + 1, "PERSON"))
    fixed.sort(key=lambda s: s.first)
    return [_extend_name(parse, s) for s in fixed if not _is_tag(parse, s)]


def _posting(parse: Parse, j: int) -> bool:
    """A place after a preposition other than "of" says where someone serves or what they
    deal with, not whose they are ("the US ambassador to China", "talks with Russia")."""
    t = parse.tokens[j]
    if t.ent not in ("GPE", "NORP", "LOC"):
        return False
    i = j
    while parse.tokens[i].dep == "compound" and parse.tokens[i].head != i:
        i = parse.tokens[i].head
    top = parse.tokens[i]
    return top.dep == "pobj" and parse.tokens[top.head].lower != "of"


def _words_of(parse: Parse, lo: int, hi: int, words: list[str], nations: list[str]) -> None:
    """Collect the title-like words of tokens [lo, hi] (no names, articles or punctuation)."""
    for j in range(lo, hi + 1):
        t = parse.tokens[j]
        if t.ent == "PERSON" or t.pos in ("DET", "PUNCT", "ADP", "PART", "CCONJ", "PRON", "SPACE"):
            continue
        if not t.text.replace(".", "").replace("-", "").isalpha():
            continue
        if _posting(parse, j):
            continue
        if t.ent in ("GPE", "NORP"):
            nations.append(t.lower.replace(".", ""))
        words.append(t.text)


def _titles_of(parse: Parse, head: int, first: int) -> tuple[list[str], list[str], bool]:
    """Title words glued before a name and words of appositions beside it.

    Returns (title words, nationality words, whether a title is glued before the name).
    """
    words: list[str] = []
    nations: list[str] = []
    left_edge = parse.tokens[head].left
    i = first - 1
    while i >= left_edge:
        t = parse.tokens[i]
        if t.lower in POSSESSIVE_MARKS or t.pos not in ("PROPN", "NOUN", "ADJ"):
            break
        if not t.text.replace(".", "").replace("-", "").isalpha():
            break
        if t.ent in ("GPE", "NORP"):
            nations.append(t.lower.replace(".", ""))
        words.append(t.text)
        i -= 1
    glued = bool(words)
    # "Donald Tusk, the president of the European Council"
    for c in parse.children[head]:
        tok = parse.tokens[c]
        if tok.dep == "appos" and tok.ent != "PERSON":
            _words_of(parse, tok.left, tok.right, words, nations)
    # "the deputy speaker of Iran's parliament, Ali Motahari"
    if parse.tokens[head].dep == "appos":
        top = parse.tokens[head].head
        while parse.tokens[top].dep in ("pobj", "prep", "poss") and parse.tokens[top].head != top:
            top = parse.tokens[top].head
        if parse.tokens[top].ent != "PERSON" and parse.tokens[top].pos in ("NOUN", "PROPN"):
            _words_of(parse, parse.tokens[top].left, parse.tokens[head].left - 1, words, nations)
    # "President Vladimir V. Putin of Russia", "Moon Jae-in of South Korea"
    for c in parse.children[head]:
        if parse.tokens[c].dep == "prep" and parse.tokens[c].lower == "of":
            for g in parse.children[c]:
                if parse.tokens[g].ent == "GPE":
                    nations.append(parse.span_text(parse.tokens[g].left, g + 1).lower())
    return title_words(words), nations, glued


def _headline_sentences(parse: Parse) -> set[int]:
    """Sentences written in title case without a full stop (headlines), where the model's
    names are unreliable."""
    found = set()
    for n, (a, b) in enumerate(parse.sents):
        toks = [t for t in parse.tokens[a:b] if t.pos != "SPACE" and t.text.strip()]
        if not toks or toks[-1].text in (".", "!", "?", '."', ".”"):
            continue  # a headline has no full stop
        words = [t.text for t in toks if t.text.isalpha() and len(t.text) > 3]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            found.add(n)
    return found


class People:
    """The people of one article, with their canonical names and what the text says of them."""

    def __init__(
        self, people: list[Person], by_token: dict[int, Person], organisations: list[str] = ()
    ) -> None:
        self.people = people
        self._by_token = by_token
        #: full names of the article's organisations, in order of first mention
        self.organisations = list(organisations)
        #: (label, canonical name) of the other entities, by token
        self.names: dict[int, tuple[str, str]] = {}

    def organisation(self, name: str) -> str:
        """The fullest name the article gives an organisation named `name`: "the Ministry" ->
        "Ministry of Sanitation and Water Resources", "Solvento" -> "Solvento Air"."""
        words = _name_key(canonical_name(name))
        if not words:
            return name
        for full in self.organisations:
            fw = _name_key(full)
            if len(fw) <= len(words):
                continue
            if (
                fw[: len(words)] == words
                or fw[-len(words) :] == words
                or (len(words) == 1 and words[0] in fw[1:] and words[0][:1].isalpha())
            ):
                return full
        return name

    def at(self, i: int) -> Person | None:
        """The person a token belongs to (any token of a person mention)."""
        return self._by_token.get(i)

    def named(self, words: Iterable[str]) -> Person | None:
        """The person a bare name refers to ("May", "Kim Jong-un"), if any."""
        key = _name_key(" ".join(words))
        if not key:
            return None
        for p in self.people:
            if p.key == key or _short_form_of(key, p.key):
                return p
        return None


def _short_form_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` names the same person as `full`: a surname, a first name, or a name suffix."""
    if len(short) >= len(full):
        return False
    if full[-len(short) :] == short:
        return True
    return len(short) == 1 and full[0] == short[0]


@dataclass
class _Mention:
    span: _Span
    head: int
    key: tuple[str, ...]
    titles: list[str]
    nations: list[str]
    gender: str
    glued: bool
    headline: bool


def _mention(parse: Parse, s: _Span, headlines: set[int]) -> _Mention:
    head = head_of(parse, s.first, s.stop)
    titles, nations, glued = _titles_of(parse, head, s.first)
    gender = ""
    for w in titles:
        gender = gender or HONORIFICS.get(w, "") or GENDERED_NOUNS.get(w, "")
    if s.first > 0:
        gender = gender or HONORIFICS.get(parse.tokens[s.first - 1].lower, "")
    key = _name_key(parse.span_text(s.first, s.stop))
    return _Mention(s, head, key, titles, nations, gender, glued,
                    parse.tokens[head].sent in headlines)  # fmt: skip


def _conflict(p: Person, m: _Mention) -> bool:
    if p.gender and m.gender and p.gender != m.gender:
        return True
    # a short form before the full name, with other titles, is probably someone else
    if m.head < p.first:
        return not roles_compatible(p.roles(), {w for w in m.titles if w in ROLE_WORDS})
    return False


def analyse_entities(parse: Parse, year: int | None = None) -> tuple[list[Entity], People]:
    """The article's entities (corrected) and its people index (`year`: the publication
    year, when known, places leaders named by surname alone)."""
    spans = _spans(parse)
    headlines = _headline_sentences(parse)
    mentions = [_mention(parse, s, headlines) for s in spans if s.label == "PERSON"]
    mentions = [m for m in mentions if m.key]
    # body names first, longest first, so that short forms attach to a full one
    order = sorted(mentions, key=lambda m: (m.headline, -len(m.key), m.span.first))
    people: list[Person] = []
    assigned: dict[int, Person] = {}
    for m in order:
        candidates = [p for p in people if p.key == m.key or _short_form_of(m.key, p.key)]
        candidates = [p for p in candidates if not _conflict(p, m)]
        if candidates:
            # the person introduced first, as news introduces a full name before a short one
            person = min(candidates, key=lambda p: p.first)
        elif m.headline:
            continue
        else:
            person = Person(canonical=parse.span_text(m.span.first, m.span.stop), key=m.key)
            people.append(person)
        person.mentions.append(m.head)
        person.mentions.sort()
        person.titles.update(m.titles)
        person.nationality.update(m.nations)
        person.gender = person.gender or m.gender
        assigned[m.span.first] = person
    # a one-word "person" that never acts, owns nothing and bears no title is a tagging
    # accident ("after Brexit")
    by_mention = {m.span.first: m for m in mentions}
    keep = []
    for person in people:
        own = [by_mention[f] for f, p in assigned.items() if p is person]
        if len(person.key) > 1 or any(
            m.glued or m.titles or m.gender or parse.tokens[m.head].dep in _SUBJECT_DEPS | {"poss"}
            for m in own
        ):
            keep.append(person)
    kept_ids = {id(p) for p in keep}
    assigned = {f: p for f, p in assigned.items() if id(p) in kept_ids}
    by_token = {}
    for m in mentions:
        person = assigned.get(m.span.first)
        if person is not None:
            for i in range(m.span.first, m.span.stop):
                by_token[i] = person
    entities = []
    for s in spans:
        start, end = parse.tokens[s.first].start, parse.tokens[s.stop - 1].end
        text = parse.text[start:end]
        person = assigned.get(s.first) if s.label == "PERSON" else None
        canonical = person.canonical if person is not None else canonical_name(text)
        entities.append(Entity(text, start, end, s.label, canonical, None))
    keep.sort(key=lambda p: p.first)
    organisations: list[str] = []
    for e in entities:
        if (
            e.label in ("ORG", "FAC")
            and len(e.canonical.split()) > 1
            and e.canonical not in organisations
        ):
            organisations.append(e.canonical)
    people = People(keep, by_token, organisations)
    for e, sp in zip(entities, spans, strict=True):
        if e.label != "PERSON":
            for i in range(sp.first, sp.stop):
                people.names[i] = (e.label, e.canonical)
    entities = [
        Entity(e.text, e.start, e.end, e.label, people.organisation(e.canonical), None)
        if e.label in ("ORG", "FAC")
        else e
        for e in entities
    ]
    # countries and their metonyms, actor codes (the people index above keeps the names as
    # written: quote attribution relies on them)
    entities = resolve_actors(parse, entities, people, year)
    assign_likely_genders(parse, people)
    return entities, people


def canonical_name(text: str) -> str:
    """An entity's name without a leading article or a trailing possessive ("the Kremlin's")."""
    words = text.split()
    if words and words[0].lower() in _DETERMINERS and len(words) > 1:
        words = words[1:]
    name = " ".join(words)
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.rstrip("'’ ")
