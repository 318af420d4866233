"""Where things happen: the country a phrase names, a clause's place, an article's home."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.entities import analyse_entities
from newsloom.analyse.parse import Parse
from newsloom.analyse.scene import (
    country_of,
    dateline_country,
    home_country,
    place_code,
    place_of,
)
from newsloom.article import Entity

Parsed = Callable[[str], Parse]


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Russian Federation", "", "RUS"),
        ("the U.S.", "", "USA"),
        ("Britain's", "", "GBR"),
        (None, "the Trump administration's Washington", "USA"),
        (None, "Spanish riot police", "ESP"),
        (None, "Britain’s ambassador", "GBR"),
        # two words name one country before either alone does
        (None, "the North Korean leader", "PRK"),
        (None, "South Korean officials", "KOR"),
        # a seat of power names its country
        ("the White House", "", "USA"),
        (None, "a Kremlin spokesman", "RUS"),
        (None, "a Downing Street spokeswoman", "GBR"),
        (None, "the Elysee", "FRA"),
        # a region or a state names the country it lies in
        (None, "police in Catalonia", "ESP"),
        (None, "officials in Illinois", "USA"),
        # the name comes before the words around it
        ("Germany", "French officials", "DEU"),
        # a person's name or a company names no country
        ("Vladimir Putin", "", None),
        ("Amazon", "", None),
        (None, "the president", None),
        (None, "", None),
    ],
)
def test_country_of(name: str | None, context: str, expected: str | None) -> None:
    assert country_of(name, context) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France", "FRA"),  # a country
        ("Catalonia", "ESP"),  # a region
        ("Illinois", "USA"),  # a state
        ("Moscow", "RUS"),  # a capital
        # towns the country tables do not know, from the GeoNames cities
        ("Barcelona", "ESP"),
        ("Helsinki", "FIN"),
        ("Khan Sheikhoun", "SYR"),
        ("Khān Shaykhūn", "SYR"),
        ("Qarnabad", None),
    ],
)
def test_place_code(text: str, expected: str | None) -> None:
    assert place_code(text) == expected


def _home(parsed: Parsed, text: str) -> str | None:
    parse = parsed(text)
    entities, _ = analyse_entities(parse)
    return home_country(parse, entities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline outweighs a passing foreign mention
        ("Barcelona (Reuters) - Police fired rubber bullets at voters on Sunday, injuring a "
         "German tourist.", "ESP"),
        ("PARIS (Reuters) - Police fired rubber bullets at voters on Sunday, injuring a German "
         "tourist.", "FRA"),
        # the same place in the body counts once: one mention each is no home
        ("Police fired rubber bullets at voters in Barcelona on Sunday, injuring a German "
         "tourist.", None),
        # a story's own mentions
        ("BARCELONA (Reuters) - Thousands of Catalans rallied in Barcelona on Sunday. Police "
         "fired rubber bullets at the crowd.", "ESP"),
        # a story evenly split between two countries is set in neither (HOME_DOMINANCE)
        ("Spanish and French ministers met on Monday. Spain wants more money. France wants "
         "less.", None),
        # no country at all
        ("Police fired rubber bullets at voters on Sunday.", None),
        ("", None),
    ],
)  # fmt: skip
def test_home_country(parsed: Parsed, text: str, expected: str | None) -> None:
    assert _home(parsed, text) == expected


def _entity(text: str, mention: str, label: str) -> Entity:
    start = text.index(mention)
    return Entity(mention, start, start + len(mention), label, mention, None)


@pytest.mark.parametrize(
    ("text", "mention", "label", "expected"),
    [
        # "the town of X": a place whatever label the tagger gave the name
        ("Government forces shelled the town of Khan Sheikhoun on Tuesday.", "Khan Sheikhoun",
         "PERSON", "SYR"),
        ("Rebels entered the village of Khān Shaykhūn at dawn.", "Khān Shaykhūn", "PERSON",
         "SYR"),
        # a place entity needs no place noun
        ("Rebels entered Khan Sheikhoun at dawn.", "Khan Sheikhoun", "GPE", "SYR"),
        ("Protesters marched in Catalonia on Sunday.", "Catalonia", "GPE", "ESP"),
        # a person is not a place
        ("Rebels met Khan Sheikhoun at dawn.", "Khan Sheikhoun", "PERSON", None),
        # a town no table knows
        ("Government forces shelled the town of Qarnabad on Tuesday.", "Qarnabad", "PERSON",
         None),
    ],
)  # fmt: skip
def test_place_of(
    parsed: Parsed, text: str, mention: str, label: str, expected: str | None
) -> None:
    parse = parsed(text)
    entities = [_entity(text, mention, label)]
    assert place_of(parse, entities, range(len(parse.tokens))) == expected


def test_place_of_reads_only_the_given_tokens(parsed: Parsed) -> None:
    text = "Protesters from Paris marched in Barcelona on Sunday."
    parse = parsed(text)
    entities = [_entity(text, "Paris", "GPE"), _entity(text, "Barcelona", "GPE")]
    marched = next(t.i for t in parse.tokens if t.text == "marched")
    assert place_of(parse, entities, range(len(parse.tokens))) == "FRA"  # the first place
    assert place_of(parse, entities, range(marched, len(parse.tokens))) == "ESP"
    assert place_of(parse, entities, range(0, 2)) is None
    assert place_of(parse, entities, []) is None


def test_place_of_with_the_article_entities(parsed: Parsed) -> None:
    text = "Government forces shelled the town of Khan Sheikhoun on Tuesday."
    parse = parsed(text)
    entities, _ = analyse_entities(parse)
    assert place_of(parse, entities, range(len(parse.tokens))) == "SYR"


def test_home_country_reads_an_upper_case_dateline(parsed: Parsed) -> None:
    text = (
        "BARCELONA (Reuters) - Police fired rubber bullets at voters on Sunday, injuring a "
        "German tourist."
    )
    assert _home(parsed, text) == "ESP"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BARCELONA (Reuters) - Police fired rubber bullets.", "ESP"),
        ("Madrid/Barcelona: Spain's Senate voted on Friday.", "ESP"),
        ("WASHINGTON — Amazon is acquiring Whole Foods.", "USA"),
        ("NEW YORK (AP) – Online juggernaut Amazon is buying Whole Foods.", "USA"),
        # a capitalised person followed by a comma is not a dateline, even if a town has the name
        ("Obama, who left office in 2017, spoke.", None),
        ("Police fired rubber bullets.", None),
        ("The Prime Minister has triggered Article 50.", None),
    ],
)
def test_dateline_country(text: str, code: str | None) -> None:
    assert dateline_country(text) == code
