"""Descriptions as mentions of people: "the Russian president" is Vladimir Putin.

News names a person once and then describes them ("the Prime Minister", "the US president",
"the French leader"). The quote resolver already decides whom such a description refers to,
from the titles, nationality and recency of the people named before it (`attribution`); this
module turns each resolved description outside quotes into an entity mention of that person,
with the person's canonical name and actor code, so that events, quotes and the store see
one person whatever the article calls them.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.analyse.attribution import Resolver
from newsloom.analyse.cataphora import named_later
from newsloom.analyse.entities import People, Person
from newsloom.analyse.marks import find_quoted
from newsloom.analyse.parse import Parse
from newsloom.analyse.scene import country_of
from newsloom.article import Entity

__all__ = ["description_entities"]


def description_entities(
    parse: Parse, people: People, entities: Sequence[Entity], year: int | None = None
) -> list[Entity]:
    """A PERSON entity for each description that refers to a person named in the article."""
    if not people.people:
        return []
    resolver = Resolver(parse, people, year, find_quoted(parse.text))
    # the name and code the entities stage settled for each person of the index
    settled: dict[int, tuple[str, str | None]] = {}
    for e in entities:
        k = parse.token_at(e.start) if e.label == "PERSON" else None
        person = people.at(k) if k is not None else None
        if person is not None and e.canonical:
            name, code = settled.get(id(person), (e.canonical, None))
            settled[id(person)] = (name, code or e.actor_code)
    named = [(e.start, e.end) for e in entities if e.label == "PERSON"]
    found = resolver.descriptions()
    for head in resolver.unresolved_descriptions():
        later = named_later(parse, people, head)
        if later is not None:
            found[head] = later
    out = []
    for head, person in sorted(found.items()):
        tok = parse.tokens[head]
        first = tok.left
        while first < head and parse.tokens[first].pos == "PUNCT":
            first += 1
        start, end = parse.tokens[first].start, tok.end
        if any(s < end and start < e for s, e in named):
            continue
        described = country_of(None, parse.text[start:end])
        name, code = settled.get(id(person), (person.canonical, None))
        if described and code and code[:3] != described:
            # "the Russian president" is not the American one the resolver preferred
            other = _of_country(parse, people, settled, described, head)
            if other is None:
                continue
            name, code = settled[id(other)]
        out.append(Entity(parse.text[start:end], start, end, "PERSON", name, code, "description"))
    return out


def _of_country(
    parse: Parse,
    people: People,
    settled: dict[int, tuple[str, str | None]],
    country: str,
    head: int,
) -> Person | None:
    """The person of `country` mentioned last before token `head`."""
    best: tuple[int, Person] | None = None
    for p in people.people:
        code = settled.get(id(p), ("", None))[1]
        before = [m for m in p.mentions if m < head]
        if code and code[:3] == country and before and (best is None or before[-1] > best[0]):
            best = (before[-1], p)
    return best[1] if best else None
