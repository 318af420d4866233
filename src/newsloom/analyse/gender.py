"""Whether "he" or "she" can stand for a person of the article: their likely gender.

A pronoun speaker ("she added") goes to the person last spoken of unless the resolver knows who
is a woman and who a man. The text states it now and then (an honorific or a gendered noun:
`Person.gender`); otherwise, in order:

1. the article's own pronouns: in a sentence that names that person and nobody else, a "he",
   "his", "she" or "her" after the name and outside quotes, as a subject, a possessive or a
   reflexive (an object is mostly someone else: "Ruiz thanked him"), under the verb of the
   name's clause and not inside a clause the sentence reports ("Mukasey said she should be
   charged" is about someone else), is almost always them; the majority of such pronouns
   decides. A "She" opening the next sentence is not counted: after "Obi said the bill would
   help. She disagreed" it is the other person;
2. what news writes of their given name: `training/learn_name_gender.py` counts the same
   pronouns (`pronoun_votes`, on newsloom's own parse and people) over the news texts of
   ../shared/data and keeps the names that enough articles agree on
   (`resources/name_gender.json`, read on first use).

The guess, `Person.gender_guess` (read through `Person.likely_gender`), serves pronoun and
description resolution only; it is not part of the output.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from newsloom.analyse.learned_titles import person_titles
from newsloom.analyse.lexicon import HONORIFICS, PRONOUN_GENDER, TITLE_ABBREVIATIONS
from newsloom.analyse.marks import find_quoted
from newsloom.analyse.parse import Parse

if TYPE_CHECKING:  # entities calls this module
    from newsloom.analyse.entities import People, Person

__all__ = ["assign_likely_genders", "given_name", "name_genders", "pronoun_votes"]

RESOURCE = "name_gender.json"
#: the arcs of a pronoun that stands for the one person its sentence names ("she said", "his
#: plan"); an object is mostly someone else ("Ruiz thanked him")
_REFERS_BACK = frozenset({"nsubj", "nsubjpass", "poss"})
#: the arcs of a clause reported by its verb ("said she would ...", "he added, she ...")
_REPORTED = frozenset({"ccomp", "parataxis"})
_VERBS = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """Given name (lower-case) -> "m" or "f", as learned from news (read once per process)."""
    text = resources.files("newsloom.resources").joinpath(RESOURCE).read_text("utf-8")
    return dict(json.loads(text)["names"])


def given_name(person: Person) -> str:
    """The given name of a person named in full ("ana" of "Sen. Ana Ruiz"), or "" when the
    article gives only one name."""
    words = list(person.key)
    titles = person_titles()
    while words and (
        words[0] in HONORIFICS or words[0] in titles or f"{words[0]}." in TITLE_ABBREVIATIONS
    ):
        words = words[1:]
    if len(words) < 2 or len(words[0]) < 2 or not words[0].isalpha():
        return ""
    return words[0]


def _quoted(parse: Parse) -> list[bool]:
    """Which tokens stand inside quotation marks (the quotes stage's own reading of them)."""
    inside = [False] * len(parse.tokens)
    for span in find_quoted(parse.text):
        for i in parse.tokens_in(span.mark_start, span.mark_end):
            inside[i] = True
    return inside


def pronoun_votes(parse: Parse, people: People) -> dict[int, Counter[str]]:
    """id(person) -> the genders of the pronouns that can only be theirs (see the module; the
    training script learns the given-name table from the same reading)."""
    quoted = _quoted(parse)
    named: list[dict[int, tuple[Person, int]]] = [{} for _ in parse.sents]
    for i, t in enumerate(parse.tokens):
        p = people.at(i)
        if p is not None and not quoted[i]:
            named[t.sent][id(p)] = (p, i)
    votes: dict[int, Counter[str]] = {}
    for k, (_, stop) in enumerate(parse.sents):
        if len(named[k]) != 1:
            continue
        ((pid, (_, last)),) = named[k].items()
        after = [i for i in range(last + 1, stop) if not quoted[i] and people.at(i) is None]
        for i in after:
            t = parse.tokens[i]
            gender = PRONOUN_GENDER.get(t.text.lower(), "")
            refers_back = t.text.lower().endswith("self") or t.dep in _REFERS_BACK
            if (
                gender
                and refers_back
                and _governed_by(parse, i, _clause_of(parse, last))
                and not _reported_apart(parse, i, last)
            ):
                votes.setdefault(pid, Counter())[gender] += 1
    return votes


def _clause_of(parse: Parse, i: int) -> int:
    """The verb whose clause token i stands in (itself, or its nearest verb above)."""
    path = [i, *parse.ancestors(i)]
    return next((j for j in path if parse.tokens[j].pos in _VERBS), path[-1])


def _governed_by(parse: Parse, i: int, verb: int) -> bool:
    """Token i stands under `verb` (the clause that names the person): a possessive in
    another clause of the sentence ("Clinton leads by 2.4 million votes, and it would
    contradict progressives backing his bid") is about someone else."""
    return i == verb or verb in parse.ancestors(i)


def _reported_apart(parse: Parse, i: int, named: int) -> bool:
    """Token i stands in a clause reported by a verb ("Mukasey said she should be charged")
    that does not hold the person's mention: who "she" is there is what the report is about,
    often someone the sentence does not name."""
    clauses = (parse.tokens[j] for j in (i, *parse.ancestors(i)))
    return any(t.dep in _REPORTED and not t.left <= named <= t.right for t in clauses)


def assign_likely_genders(parse: Parse, people: People) -> None:
    """Fill `Person.gender_guess` of every person of the article (see the module)."""
    votes = pronoun_votes(parse, people)
    table = name_genders()
    for p in people.people:
        if p.gender:
            continue
        said = votes.get(id(p))
        if said:
            (top, n), *rest = said.most_common()
            if not rest or n > rest[0][1]:
                p.gender_guess = top
                continue
        p.gender_guess = table.get(given_name(p), "")
