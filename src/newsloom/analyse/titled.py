"""A description that repeats the title the article gave a person: "the Taoiseach said".

An article names someone with a title once ("The Taoiseach, Ciaran Mulcahy,", "Kremlin
spokesman Dmitry Peskov", "District Attorney Steve Cooley") and later calls them by it alone
("the Taoiseach said", "the Kremlin spokesman said", "the District Attorney said"). The title
need not be a word the lexicon knows as a role, and a voice noun ("spokesman") would otherwise
stand for its institution: the article itself says whose title it is. Seen in ../shared/data:
"District Attorney Steve Cooley ... the District Attorney said" (ECB+ 16_1), "Mayor Bill de
Blasio ... the Mayor said" (Politico, PolNeAR train), "Mayor Nikitas Kaklamanis ... the mayor
said" (ECB+ 19_9).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.entities import People, Person
from newsloom.analyse.parse import TITLE_ABBREVIATIONS, Parse

#: tokens a description may carry besides its title words
_SKIP = frozenset({"the", "'s", "’s"})


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
    for m in range(head - 1, -1, -1):
        p = people.at(m)
        if p is None or in_quote[m] >= 0 or (m + 1 < head and people.at(m + 1) is p):
            continue  # the last token of each mention, outside quotes
        if _title_head(parse, people, m, p) == word and all(
            w in p.titles or w in p.nationality for w in mods
        ):
            return p
    return None


def _title_head(parse: Parse, people: People, last: int, p: Person) -> str | None:
    """The head word of the title a mention ending at `last` carries: the word glued before
    the name ("Kremlin spokesman Dmitry Peskov": "spokesman"), or the head of the phrase the
    name is in apposition with ("The Taoiseach, Ciaran Mulcahy": "taoiseach")."""
    toks = parse.tokens
    first = last
    while first > 0 and people.at(first - 1) is p:
        first -= 1
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
