"""A description before the name it describes: a lead's "The Prime Minister has triggered
Article 50" before "Theresa May", "Japan's finance minister warned" before "Finance Minister X
was quoted". Used for entity mentions (`descriptions`) and for speakers (`speakers`) when no
one named before fits."""

from __future__ import annotations

from newsloom.analyse.actors import officeholder_country
from newsloom.analyse.entities import People, Person
from newsloom.analyse.lexicon import ROLE_SYNONYMS
from newsloom.analyse.parse import Parse
from newsloom.analyse.scene import country_of

#: How many sentences after a description its person may be named for the first time.
CATAPHORA_SENTENCES = 3


def named_later(
    parse: Parse, people: People, head: int, *, unknown_country: bool = False
) -> Person | None:
    """A lead's description before the name ("The Prime Minister has triggered Article 50 ...
    Theresa May"): the first person named within `CATAPHORA_SENTENCES` after it whose titles
    include the description's head word (with `unknown_country`, also one whose country the
    article does not say, where a description names one: "Japan's finance minister warned ...
    Finance Minister X was quoted as saying")."""
    word = parse.tokens[head].lower.rstrip(".")
    accepted = ROLE_SYNONYMS.get(word, frozenset({word}))
    tok = parse.tokens[head]
    described = country_of(None, parse.span_text(tok.left, head + 1))
    sent = tok.sent
    best: tuple[int, Person] | None = None
    for p in people.people:
        if not accepted & p.titles:
            continue
        countries = (
            country_of(None, " ".join(sorted(p.nationality))),
            officeholder_country(p.canonical),
        )
        unknown = unknown_country and countries == (None, None)
        if described and described not in countries and not unknown:
            continue
        after = [m for m in p.mentions if m > head]
        if not after or parse.tokens[after[0]].sent - sent > CATAPHORA_SENTENCES:
            continue
        if any(m < head for m in p.mentions):
            continue
        if best is None or after[0] < best[0]:
            best = (after[0], p)
    return best[1] if best else None
