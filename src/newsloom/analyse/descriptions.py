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
from newsloom.analyse.entities import People
from newsloom.analyse.marks import find_quoted
from newsloom.analyse.parse import Parse
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
    out = []
    for head, person in sorted(resolver.descriptions().items()):
        tok = parse.tokens[head]
        first = tok.left
        while first < head and parse.tokens[first].pos == "PUNCT":
            first += 1
        start, end = parse.tokens[first].start, tok.end
        if any(s < end and start < e for s, e in named):
            continue
        name, code = settled.get(id(person), (person.canonical, None))
        out.append(Entity(parse.text[start:end], start, end, "PERSON", name, code))
    return out
