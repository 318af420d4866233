"""A definite description by age ("the 31-year-old said", "the 61-year-old scientist says") is
the person just spoken of, even when the parser hangs "the" and "old" on the verb and gives it
no subject; an indefinite one ("a 40-year-old man said") is someone new.

Seen in ../shared/data: 'In a statement, the 55 - year - old said : "..."' (ECB+ 39_10ecbplus),
'The 51 - year - old showrunner also insisted that ...' (ECB+ 39_2ecbplus), 'the 34-year-old
mother of three replied, "..."' and 'The 57-year-old scientist says ...' (Washington Post,
PolNeAR train wash-post_2016-09-21_mixed-messages-on-trump-, wash-post_2016-03-22_presidential-
candidates-).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Tamsin Okoro won her third national title on Sunday. "I did not expect to feel this '
         'emotional," the 31-year-old said.', "Tamsin Okoro"),
        ('Peter Hale will play the lead. In a statement, the 55-year-old said: "It is a dream '
         'role."', "Peter Hale"),
        ('Dana Whitlock runs a bakery in Ohio. "We are barely getting by," the 42-year-old '
         "mother of two said.", "Dana Whitlock"),
        ("Martin Rusk has studied glaciers for decades. The 61-year-old scientist says the ice "
         "is melting faster than expected.", "Martin Rusk"),
        ('Owen Pike has led the firm since 2010. "We will not sell," the 58-year-old added.',
         "Owen Pike"),
        ('Helen Ward met the board on Friday. "The plan is sound," the 47-year-old '
         "chairwoman insisted.", "Helen Ward"),
    ],
)  # fmt: skip
def test_an_age_recalls_the_person_just_named(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    (q,) = quotes_of(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Police found Ian Croft's car on Tuesday. A 40-year-old man said he saw the crash.",
        # a woman described is not the man named before
        'Mr. Paul Dane ran the shop. "We lost everything," the 52-year-old mother of three said.',
    ],
)
def test_an_age_that_recalls_no_one(quotes_of: QuotesOf, text: str) -> None:
    (q,) = quotes_of(text)
    assert q.speaker is None
