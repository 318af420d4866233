"""A verb of saying set in the middle of what it reports ("Rents, agent Tom Beale said, have
risen"): the parser takes the words before the aside for a second subject of "said", and the
speaker is the subject nearer the verb, set off from the other by a comma.

The construction, seen in ../shared/data: PolNeAR train huff-post_2016-02-12_the-democratic-
primary-is-a-figh ("Voters, Clinton suggested, don't have to worry"), dev nyt_2016-09-24_small-
steps-toward-college-savin ("THE BORROWING Back when he wrote his book, Mr. McKinley said"), ECB+
12_11ecb ("..., two countries surrounding the Gulf of Aden, Sinha said"), 19_8ecbplus ("One of
Gray's friends, Devonte Brown told"), 22_1ecbplus ("..., Dorsey said").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rents in the city, estate agent Tom Beale said, have risen by a third since 2021.",
         "Tom Beale"),
        ("The old terminal, airport manager Sven Olsen said, will be demolished next spring.",
         "Sven Olsen"),
        ("Three of the pumps, plant engineer Joyce Mbeki said, had failed within an hour.",
         "Joyce Mbeki"),
        ("The missing hikers, rescuer Tomas Varga said, were found in a shepherd's hut.",
         "Tomas Varga"),
        ("Holders Westbury, coach Ian Ferris said, would be the team to beat this season.",
         "Ian Ferris"),
        ("The bridge, engineer Lina Costa said, had been inspected only a month earlier.",
         "Lina Costa"),
    ],
)  # fmt: skip
def test_speaker_of_an_aside(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    assert [q.speaker for q in quotes_of(text) if q.kind == "indirect"] == [speaker]
