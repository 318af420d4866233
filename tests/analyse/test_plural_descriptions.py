"""A plural description that speaks ("the lawyers said", "The organizers said", "the experts
said") is many people, not the one person of that kind named before it.

Seen in ../shared/data: "the lawyers said" after Sen. John McCain was named (PolNeAR train
huff-post_2016-02-02_ted-cruz-is-a-natural-born-citiz), "The organizers said" after Donald
Trump (wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee), "the experts said" after
Vincent Gigante (ECB+ 26_1ecbplus), "the experts say" (nyt_2016-04-23_even-signed-climate-deal-
won-t-e): each was given to that one person.
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("first", "plural", "one"),
    [
        ("Defence lawyer Mark Hale spoke briefly outside the court on Monday.", "the lawyers",
         "Mark Hale"),
        ("Co-author Ines Albrecht presented the findings in Graz.", "the researchers",
         "Ines Albrecht"),
        ("Festival director Anna Sykes opened the gates at noon.", "the organisers",
         "Anna Sykes"),
        ("Coach Rick Halloran praised his side after the match.", "the players",
         "Rick Halloran"),
        ("Chief Minister Harish Pattnayak toured the district by boat.", "the ministers",
         "Harish Pattnayak"),
        ("Dr. Kwame Adjei, a neurologist, reviewed the study for the journal.", "the doctors",
         "Kwame Adjei"),
    ],
)  # fmt: skip
def test_a_plural_description_is_not_one_person(
    quotes_of: QuotesOf, first: str, plural: str, one: str
) -> None:
    text = f'{first}\n\n"We will not stop until this is fixed," {plural} said.'
    (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker != one
    assert q.speaker_mention == plural


def test_a_singular_description_still_finds_its_person(quotes_of: QuotesOf) -> None:
    text = (
        "Defence lawyer Mark Hale spoke briefly outside the court on Monday.\n\n"
        '"We will not stop until this is fixed," the lawyer said.'
    )
    (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert q.speaker == "Mark Hale"
