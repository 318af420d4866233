"""A speaker described before the text names them: a lead's "the head of the regulator" or
"Kestria's finance minister" when no one named before fits, and the person with that title is
named within a few sentences.

The construction, seen in ../shared/data: newsloom-dev ("The Prime Minister has triggered
Article 50 ..." before "Theresa May"), ECB+ 8_9ecbplus ("The Greek prime minister has denounced
..."), 1_3ecb ("The American Pie actress ... has checked into ..., according to her publicist")
and 36_9ecb ("The leader of a polygamous community ... who has admitted ...").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Rail fares will rise by a tenth in March, the head of the rail regulator said on "
         "Monday.\n\nRegulator chief executive Duncan Fairlie said the rise was unavoidable.",
         "Rail fares will rise", "Duncan Fairlie"),
        ("Kestria's finance minister warned on Friday that the currency was overvalued.\n\n"
         '"We will act if we have to," Finance Minister Jana Horvatova told reporters.',
         "the currency was overvalued", "Jana Horvatova"),
        ("The country's foreign minister said on Tuesday that the embassy would reopen soon.\n\n"
         "Foreign Minister Aliyu Garba told reporters the staff were already on their way.",
         "the embassy would reopen soon", "Aliyu Garba"),
        ("Talks with the union have broken down, the mayor said late on Sunday.\n\n"
         "Mayor Teresa Quintanilla said the city would hire temporary drivers.",
         "Talks with the union have broken down", "Teresa Quintanilla"),
        ("The club's chairman said the stadium would be sold to pay its debts.\n\n"
         "Chairman Ronan Keogh told supporters that there was no other way.",
         "the stadium would be sold", "Ronan Keogh"),
    ],
)  # fmt: skip
def test_a_lead_description_is_the_person_named_next(
    quotes_of: QuotesOf, text: str, content: str, speaker: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect" and content in q.text]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # named before: the description is theirs, not the later one's
        ("Finance Minister Jana Horvatova met bankers on Monday. The minister said the "
         "currency was overvalued.\n\nTrade Minister Petr Novak said exports were strong.",
         "the currency was overvalued", "Jana Horvatova"),
        ("Mayor Teresa Quintanilla met the union. The mayor said talks had broken down.\n\n"
         "Deputy Mayor Luis Ortega said buses would run on Monday.", "talks had broken down",
         "Teresa Quintanilla"),
        ("Coach Ana Ruiz spoke after the game. The coach said the team had played well.\n\n"
         "Assistant coach Marta Gil said the players were tired.", "the team had played well",
         "Ana Ruiz"),
        ("Chairman Ronan Keogh met supporters. The chairman said the stadium would be sold.\n\n"
         "Vice chairman Sean Doyle said there was no other way.", "the stadium would be sold",
         "Ronan Keogh"),
        ("Governor Amal Haddad toured the dam. The governor said the dam would hold.\n\n"
         "Lieutenant Governor Omar Saleh said repairs would start soon.", "the dam would hold",
         "Amal Haddad"),
    ],
)  # fmt: skip
def test_a_description_of_someone_named_before_stays_theirs(
    quotes_of: QuotesOf, text: str, content: str, speaker: str
) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect" and content in q.text]
    assert q.speaker == speaker
