"""Descriptions as mentions of people: "the Russian president" is Vladimir Putin."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.cataphora import CATAPHORA_SENTENCES
from newsloom.analyse.descriptions import description_entities
from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse

Parsed = Callable[[str], Parse]

SUMMIT = "Russian President Vladimir Putin met US President Donald Trump in Helsinki on Monday. "
#: Sentences that name no one, to put between a lead's description and the name.
FILLERS = (
    "Britain will leave the EU in 2019. ",
    "Officials say talks will be hard. ",
    "Brussels is ready. ",
    "Markets were calm. ",
)


def described(parsed: Parsed, text: str) -> list[tuple[str, str | None, str]]:
    """(mention, canonical name, country) of each description entity of `text`."""
    parse = parsed(text)
    entities, people = analyse_entities(parse)
    out = []
    for e in description_entities(parse, people, entities):
        assert e.label == "PERSON"
        assert parse.text[e.start : e.end] == e.text
        out.append((e.text, e.canonical, (e.actor_code or "")[:3]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the description's nationality picks one of two presidents
        (SUMMIT + "The Russian president said the talks were useful.",
         [("The Russian president", "Vladimir Putin", "RUS")]),
        (SUMMIT + "The US president said the talks were useful.",
         [("The US president", "Donald Trump", "USA")]),
        (SUMMIT + "Trump said the Russian president was a good man.",
         [("the Russian president", "Vladimir Putin", "RUS")]),
        # a lead describes before it names: the person named in the next sentences
        ("The Prime Minister has triggered Article 50. Prime Minister Theresa May signed the "
         "letter on Tuesday.", [("The Prime Minister", "Theresa May", "GBR")]),
        ("The French president has called for calm. French President Emmanuel Macron spoke on "
         "Tuesday.", [("The French president", "Emmanuel Macron", "FRA")]),
        # no person fits: another title, another nationality, or no one named at all
        ("The Prime Minister has triggered Article 50. Foreign Secretary Boris Johnson signed "
         "the letter on Tuesday.", []),
        ("The French president has called for calm. US President Donald Trump spoke on "
         "Tuesday.", []),
        ("The president said the talks were useful. Officials agreed.", []),
        # a description inside a quote is the speaker's words, not a mention made by the text
        (SUMMIT + '"The Russian president is a good man," Trump said.', []),
        (SUMMIT + 'Trump said: "The Russian president is a good man."', []),
    ],
)  # fmt: skip
def test_description_entities(
    parsed: Parsed, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert described(parsed, text) == expected


@pytest.mark.parametrize(
    ("fillers", "found"),
    [(CATAPHORA_SENTENCES - 1, True), (CATAPHORA_SENTENCES, False)],
)
def test_a_lead_description_is_named_within_a_few_sentences(
    parsed: Parsed, fillers: int, found: bool
) -> None:
    assert fillers <= len(FILLERS)
    text = (
        "The Prime Minister has triggered Article 50. "
        + "".join(FILLERS[:fillers])
        + "Prime Minister Theresa May signed the letter on Tuesday."
    )
    expected = [("The Prime Minister", "Theresa May", "GBR")] if found else []
    assert described(parsed, text) == expected
