"""Quotes whose own sentence attributes nothing.

A quote that opens the paragraph after one ending in a colon takes that colon's cue. Seen in
PolNeAR: breitbart_2016-09-21_only-percent-of-hillary-clinton- ("The New York Times reports:"),
west-journal_2016-09-26_p... ("Sanders made the following comment:"), and in HuffPost and
further Breitbart and Western Journalism articles of train/ (27 articles of three outlets).

A quote with no attribution in its sentence continues the paragraph's last attributed speaker,
not the last person named: PolNeAR dev nyt_2016-09-19_old-hands-help-, wash-post_2016-09-10_outr-
and politico_2016-09-08_flynn-says-trump-absolutely-righ have a named person between a speaker's
words and the quote that goes on with them.
"""

from __future__ import annotations

import pytest

from newsloom.article import Quote

from .quoting import QuotesOf


def direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind != "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Peter Lindgren told the crowd:\n\n"We will not give up on this town, whatever the '
         'government decides to do."', "Peter Lindgren"),
        ('In a statement, the Interior Ministry said:\n\n"The suspects were detained in three '
         'provinces after a long investigation."', "Interior Ministry"),
        ('Anna Berg wrote on Monday:\n\n“The budget leaves nothing for the schools of the north '
         'and we will fight it.”', "Anna Berg"),
        ('Jukka Lahti added:\n\n"Nobody should expect a quick deal from the other side this '
         'year."', "Jukka Lahti"),
        ('Maria Costa, the chief negotiator, warned reporters:\n\n"The talks could collapse at '
         'any moment if nothing changes."', "Maria Costa"),
    ],
)  # fmt: skip
def test_a_colon_at_the_end_of_the_paragraph_before(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    assert [q.speaker for q in direct(quotes_of(text))] == [speaker]


def test_a_paragraph_without_a_colon_lends_no_cue(quotes_of: QuotesOf) -> None:
    text = 'Peter Lindgren spoke to the crowd.\n\n"Nobody expected the vote to go this way."'
    assert direct(quotes_of(text))[0].speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Anna Berg said the council would vote next week. Her rival Peter Lindgren has opposed "
         'the plan for months. "We need more buses in this city, and we need them now."',
         "Anna Berg"),
        ("The mayor, Anna Berg, told reporters that the vote was close. Peter Lindgren and his "
         'allies walked out. "We will not give up on the new bus lines."', "Anna Berg"),
        ("Jukka Lahti warned that the talks could fail. Sergei Ryabkov arrived in Oslo on "
         'Monday. "Nobody should expect a quick deal from Moscow this year."', "Jukka Lahti"),
        ("Maria Costa insisted that the bank would not raise rates. Investors led by John Reyes "
         'sold their shares. "We see no reason to change course at this point."', "Maria Costa"),
        ("Tom Ode claimed the election had been fair. His opponent, Lee Park, filed a complaint. "
         '"Every vote was counted twice, in front of observers from both parties."', "Tom Ode"),
    ],
)  # fmt: skip
def test_a_quote_continues_the_last_attributed_speaker(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    q = direct(quotes_of(text))[0]
    assert q.speaker == speaker
    assert q.cue is None


def test_without_an_attribution_the_sentence_before_names_the_speaker(
    quotes_of: QuotesOf,
) -> None:
    text = 'Peter Lindgren walked out. "We will not give up on the new bus lines."'
    assert direct(quotes_of(text))[0].speaker == "Peter Lindgren"
