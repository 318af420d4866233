"""Descriptions of a person the article names, as speakers, and common nouns that are not.

A definite possessor stands for "the" in a description ("the country's top diplomat", "the
agency's director"). Seen in ../shared/data, PolNeAR: dev huff-post_2016-09-27_hillary-clinton-
goes-after-donal ("the campaign’s press secretary"), train nyt_2016-04-23_campaign-for-trump-
says-he-ll-re ("the campaign's new political director"), wash-post_2016-06-14_we-are-in-shock-
horrified-a-mosq ("the bureau's director"), usa-today_2016-07-26_protesters-push-through-intense-
("the city's emergency operations director").

A common noun that names no one ("details", "the spot", "much of which") is no speaker, though
the parser made it the subject of a cue: PolNeAR dev breitbart_2016-10-03_the-... ("The spot
concludes with footage of Trump saying"), huff-post_2016-10-07_ava-duvernay-s-th-e ("much of
which can be credited to"), nyt_2016-10-04_in-avoiding-... ("allow companies to tell").
"""

from __future__ import annotations

import pytest

from newsloom.article import Quote

from .quoting import QuotesOf


def direct(quotes: tuple[Quote, ...]) -> Quote:
    return next(q for q in quotes if q.kind != "indirect")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Iranian Foreign Minister Javad Zarif met his Russian counterpart on Monday. \"We will "
         'not negotiate under pressure," the country\'s top diplomat said.', "Javad Zarif"),
        ("The agency's director, Rafael Grossi, visited the plant. \"The situation is stable "
         'but fragile," the agency\'s director told reporters.', "Rafael Grossi"),
        ('Hassan Rouhani spoke in Tehran on Monday. "Sanctions will not break this nation," the '
         "Iranian president said.", "Hassan Rouhani"),
        ("Campaign press secretary Brian Fallon spoke on Monday. \"We knew this debate would be "
         'hard," the campaign\'s press secretary said.', "Brian Fallon"),
        ("Finance Minister Anna Berg presented the budget. \"Every ministry will have to save "
         'money next year," the government\'s finance minister said.', "Anna Berg"),
        ("Police chief Tom Ode met the families. \"We will find whoever did this,\" the city's "
         "police chief said.", "Tom Ode"),
    ],
)  # fmt: skip
def test_a_description_is_the_person_named_before(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    assert direct(quotes_of(text)).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Details were scarce. "We will share the details with the public next week," details '
        "said.",
        '"We will share the details with the public next week," the spot said.',
        'The plan was vague. "Nobody knows what happens after that," much of it said.',
        '"We will fight this decision in every court of the land," the news said on Monday.',
        '"Prices will keep rising for the rest of the year," the crisis said.',
    ],
)
def test_a_noun_that_names_no_one_is_no_speaker(quotes_of: QuotesOf, text: str) -> None:
    assert direct(quotes_of(text)).speaker is None
