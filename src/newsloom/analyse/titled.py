"""A description that repeats the title the article gave a person: "the Taoiseach said".

An article names someone with a title once ("The Taoiseach, Ciaran Mulcahy,", "Kremlin
spokesman Dmitry Peskov", "District Attorney Steve Cooley") and later calls them by it alone
("the Taoiseach said", "the Kremlin spokesman said", "the District Attorney said"). The title
need not be a word the lexicon knows as a role, and a voice noun ("spokesman") would otherwise
stand for its institution: the article itself says whose title it is. Seen in ../shared/data:
"District Attorney Steve Cooley ... the District Attorney said" (ECB+ 16_1), "Mayor Bill de
Blasio ... the Mayor said" (Politico, PolNeAR train), "Mayor Nikitas Kaklamanis ... the mayor
said" (ECB+ 19_9).

The description may also spell the title by its initials ("Queens District Attorney Richard
Brown ... the DA said", ECB+ 21_12; "the PM said" after the Prime Minister named, PolNeAR train
huff-post 2016-05-16, newsloom-dev sg.news.yahoo d002 and bridlingtonfreepress d010): the
initials of the title's last words, read from the article, not from a list of acronyms.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.entities import People, Person
from newsloom.analyse.parse import TITLE_ABBREVIATIONS, Parse, Token

#: tokens a description may carry besides its title words
_SKIP = frozenset({"the", "'s", "’s"})

#: words that join the parts of a title, not spelled in its initials ("Superintendent of Police")
_JOINS = frozenset({"of", "for", "and", "&"})


def titled_person(
    parse: Parse, people: People, in_quote: Sequence[int], head: int
) -> Person | None:
    """The person named before `head` with the title "the ..." at `head` repeats, or None.

    The description's head word must be the head of a title glued before the person's name
    or of the phrase the name stands in apposition with, and its other words must all be
    among that person's titles ("the White House spokesman" is not "Kremlin spokesman X")."""
    toks = parse.tokens
    t = toks[head]
    if t.pos not in ("NOUN", "PROPN") or people.at(head) is not None:
        return None
    dets = [toks[c].lower for c in parse.children[head] if toks[c].dep == "det"]
    if dets != ["the"]:
        return None
    mods = [
        toks[i].lower
        for i in range(t.left, head)
        if toks[i].pos != "PUNCT" and toks[i].lower not in _SKIP
    ]
    if any(people.at(i) is not None for i in range(t.left, head)):
        return None
    word = t.lower
    acronym = t.text if _is_acronym(t.text) and not mods else None
    for m in range(head - 1, -1, -1):
        p = people.at(m)
        if p is None or in_quote[m] >= 0 or (m + 1 < head and people.at(m + 1) is p):
            continue  # the last token of each mention, outside quotes
        if _title_head(parse, people, m, p) == word and all(
            w in p.titles or w in p.nationality for w in mods
        ):
            return p
        if acronym and _spells(acronym, _title_words(parse, people, m, p)):
            return p
    return None


def _is_acronym(text: str) -> bool:
    """ "DA", "CM", "DCP": two to five capitals, the way news shortens a title."""
    return 2 <= len(text) <= 5 and text.isalpha() and text.isupper()


def _spells(acronym: str, title: list[str]) -> bool:
    """The acronym is the initials of the title's last words ("DA": "Queens District
    Attorney"; "SP": "Superintendent of Police"; "DG": "Director-General")."""
    parts = [p for w in title if w.lower() not in _JOINS for p in w.split("-") if p]
    n = len(acronym)
    return len(parts) >= n and "".join(p[0] for p in parts[-n:]).upper() == acronym


def _title_word(tok: Token) -> bool:
    """A word a title is made of ("managing" is tagged a verb)."""
    return tok.pos in ("NOUN", "PROPN", "ADJ") or tok.dep in ("amod", "compound")


def _title_words(parse: Parse, people: People, last: int, p: Person) -> list[str]:
    """The words of the title a mention ending at `last` carries, in order: the capitalised
    run glued before the name (across "of" and "for": "Deputy Commissioner of Police"), or
    the words up to the head of the phrase the name is in apposition with ("The managing
    director, Anil Rao"; "Anil Rao, the managing director")."""
    toks = parse.tokens
    first = _mention_start(people, last, p)
    words: list[str] = []
    i = first - 1
    while i >= 0:
        tok = toks[i]
        if tok.lower in _JOINS and words and i > 0 and toks[i - 1].text[:1].isupper():
            i -= 1
            continue
        if not _title_word(tok) or tok.ent == "PERSON":
            break
        if not tok.text.replace("-", "").isalpha():
            break
        words.insert(0, tok.text)
        i -= 1
    if words:
        return words
    heads = [toks[i].head for i in range(first, last + 1) if toks[i].dep == "appos"]
    heads += [c for c in parse.children[last] if toks[c].dep == "appos"]
    for h in heads:
        if people.at(h) is None and toks[h].pos in ("NOUN", "PROPN"):
            return [
                toks[j].text
                for j in range(toks[h].left, h + 1)
                if _title_word(toks[j]) and toks[j].text[:1].isalpha()
            ]
    return []


def _mention_start(people: People, last: int, p: Person) -> int:
    """The first token of the mention of `p` that ends at `last`."""
    first = last
    while first > 0 and people.at(first - 1) is p:
        first -= 1
    return first


def _title_head(parse: Parse, people: People, last: int, p: Person) -> str | None:
    """The head word of the title a mention ending at `last` carries: the word glued before
    the name ("Kremlin spokesman Dmitry Peskov": "spokesman"), or the head of the phrase the
    name is in apposition with ("The Taoiseach, Ciaran Mulcahy": "taoiseach")."""
    toks = parse.tokens
    first = _mention_start(people, last, p)
    while first > 1 and toks[first - 1].text in TITLE_ABBREVIATIONS:
        first -= 1  # "Army spokeswoman Maj. Anna Berg": the rank is no part of the title
    before = toks[first - 1] if first > 0 else None
    if (
        before is not None
        and before.pos in ("NOUN", "PROPN")
        and before.ent != "PERSON"
        and before.end + 1 >= toks[first].start
        and before.text[:1].isalpha()
    ):
        return before.lower
    for i in range(first, last + 1):
        tok = toks[i]
        if tok.dep == "appos" and people.at(tok.head) is None:
            return toks[tok.head].lower
    return None
