"""Ranks and titles before a name ("Maj. Anna Berg", "Lt. Col. Mark Olsen") and the
"Name, a/the X spokesman" apposition between a quote and its cue.

The construction, seen in ../shared/data: PolNeAR dev politico_2016-09-08_flynn-says-trump-
absolutely-righ ("Retired Lt. Gen. Michael Flynn"; "“...,” Flynn, a top Trump surrogate, said"),
PolNeAR train wash-post_2016-07-20_beyond-plagiarism-a-bigger-issue and west-journal_2016-08-
05_benghazi-widow-dorothy-woods-def ("Lt. Col."), usa-today_2016-01-19_clinton-media-strategy-
follows-b ("Capt."), nyt_2016-01-20_in-prisoner-swap-compassion-vs-c ("Sgt."), ECB+ 37_6ecb
("Maj.") and 19_2ecbplus ("Sgt.").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsloom.analyse.parse import TITLE_ABBREVIATIONS, Parse

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The border is calm tonight and under full control," said Maj. Anna Berg, an army '
         "spokeswoman.", "Anna Berg"),
        ('Navy Capt. John Reyes told reporters: "We have no plans to send more ships there."',
         "John Reyes"),
        ('"We will not allow anyone to cross this line again," said Lt. Col. Mark Olsen, a '
         "battalion commander.", "Mark Olsen"),
        ('"The investigation is still going on in three provinces," Sgt. Maj. Tom Ode said.',
         "Tom Ode"),
        ('"The fire is now under control in most of the valley," Fire Capt. Lee Park said.',
         "Lee Park"),
        ('"We are ready for whatever comes next," Brig. Gen. Al Ray, the base commander, told '
         "reporters.", "Al Ray"),
        ('Adm. Jo Kurtz said on Monday: "The fleet will stay in the gulf for another month."',
         "Jo Kurtz"),
    ],
)  # fmt: skip
def test_a_rank_before_the_name(quotes_of: QuotesOf, text: str, speaker: str) -> None:
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Said Maj. Anna Berg, an army spokeswoman, on Monday.",
        "Retired Lt. Gen. Michael Flynn spoke to the crowd.",
        "Navy Capt. John Reyes and Cpl. Ty Ng arrived late.",
        "The order came from Brig. Gen. Al Ray himself.",
        "Det. Sgt. Al Bowen and Insp. Sue Wu led the inquiry.",
    ],
)
def test_a_rank_ends_no_sentence(parsed: Callable[[str], Parse], text: str) -> None:
    parse = parsed(text)
    assert len(parse.sents) == 1
    assert not any(t.text == "." for t in parse.tokens[:-1])


def test_a_rank_at_the_end_of_a_sentence_still_ends_it(parsed: Callable[[str], Parse]) -> None:
    parse = parsed("The unit was led by a young Maj. The next day it left the town.")
    assert len(parse.sents) == 2
    assert "Maj." in TITLE_ABBREVIATIONS


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"There is a severe disconnect between this government and the army," Flynn, a '
         'retired general, said on Fox News\'s "Fox and Friends."', "Flynn"),
        ('"The plant will stay open for at least another decade," Anna Berg, a company '
         "spokeswoman, said.", "Anna Berg"),
        ('"Nobody in this town wants the new road built," Peter Lindgren, the mayor, told '
         "reporters.", "Peter Lindgren"),
        ('"We expect the vote to pass with a large majority," Jukka Lahti, a senior party '
         "official, said on Monday.", "Jukka Lahti"),
        ('"The talks have been useful but very hard," Maria Costa, the chief negotiator, said in '
         "Geneva.", "Maria Costa"),
    ],
)  # fmt: skip
def test_name_and_apposition_between_quote_and_cue(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    assert quotes_of(text)[0].speaker == speaker
