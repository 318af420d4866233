"""A programme's title in quotation marks after its broadcaster's possessive ("told CNN's
"State of the Union"") is no quote, and no part of what was said after it.

Seen in ../shared/data in 48 articles, among them PolNeAR train's NYT, Washington Post,
Politico, HuffPost and Breitbart pieces: NBC's "Meet the Press", ABC's "This Week", CBS's "Face
the Nation", ABC's "Good Morning America", MSNBC's "Morning Joe", CNN's "State of the Union".
"""

from __future__ import annotations

import pytest

from newsloom.analyse.lexicon import title_cased

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Treasury Secretary Lorna Whitcombe told CNN\'s "State of the Union" on Sunday that a '
         'recession was "not our base case".', "State of the Union"),
        ('"We are not going to be rushed," Senator Anne Pellegrino said on NBC\'s "Meet the '
         'Press."', "Meet the Press"),
        ('Pellegrino said on MSNBC\'s "Morning Joe" that the bill was dead.', "Morning Joe"),
        ('Pellegrino told ABC\'s "Good Morning America" that the bill was dead.',
         "Good Morning America"),
        ("Pellegrino told NBC's ''Meet the Press'' that the bill was dead.", "Meet the Press"),
        ('Pellegrino told CBS’s “Face the Nation,” that the bill was dead.', "Face the Nation"),
        ('Pellegrino told Fox News\' "Sunday Morning Futures" that the bill was dead.',
         "Sunday Morning Futures"),
    ],
)  # fmt: skip
def test_a_programme_title_is_no_quote(quotes_of: QuotesOf, text: str, title: str) -> None:
    quotes = quotes_of(text)
    assert not [q for q in quotes if q.kind != "indirect" and title in q.text]
    assert not [q for q in quotes if q.kind == "indirect" and title.split()[-1] in q.text]


@pytest.mark.parametrize(
    "text",
    [
        'Pellegrino said on MSNBC\'s "Morning Joe" that the bill was dead.',
        'Pellegrino told ABC\'s "Good Morning America" that the bill was dead.',
        "Pellegrino told NBC's ''Meet the Press'' that the bill was dead.",
        'Pellegrino told CNN\'s "State of the Union" on Sunday that the bill was dead.',
        'Pellegrino told Fox News\' "Sunday Morning Futures" that the bill was dead.',
    ],
)
def test_what_was_said_after_the_programme(quotes_of: QuotesOf, text: str) -> None:
    assert "the bill was dead" in [q.text for q in quotes_of(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a quote after a person's possessive, or words that are no title, stay quotes
        ('The senator told CNN\'s Jake Tapper "we will win this fight" and left.',
         "we will win this fight"),
        ('The senator said CNN\'s "coverage has been a disgrace from the start."',
         "coverage has been a disgrace from the start."),
    ],
)  # fmt: skip
def test_other_quotes_stay(quotes_of: QuotesOf, text: str, quoted: str) -> None:
    assert quoted in [q.text for q in quotes_of(text) if q.kind != "indirect"]


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ('"Donald Trump is a fraud," Perez said Sunday on NBC\'s "Meet the Press."', "NBC"),
        ('Pellegrino told CBS\'s "Face the Nation," that the bill was dead.', "CBS"),
        ('"She just made it up," Trump said during a call to ABC’s “This Week.”', "ABC"),
        ("John Allen said on ABC's ''This Week'' on Sunday that the plan was dead.", "ABC"),
        ('Pellegrino said on MSNBC\'s "Morning Joe" that the bill was dead.', "MSNBC"),
        ('"We will not back down," Hale said in an interview with Fox News\' "Sunday Morning '
         'Futures."', "Fox News"),
    ],
)  # fmt: skip
def test_the_broadcaster_of_the_programme_relays(quotes_of: QuotesOf, text: str, via: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.speaker]
    assert q.via == via


def test_a_show_named_without_giving_words_on_it_credits_no_one(quotes_of: QuotesOf) -> None:
    text = 'Pellegrino, who once hosted CNN\'s "Late Edition," said the bill was dead.'
    (q,) = [q for q in quotes_of(text) if q.speaker]
    assert q.via is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Meet", "the", "Press"], True),
        (["Face", "the", "Nation."], True),
        (["60", "Minutes"], True),
        (["State", "of", "the", "Union"], True),
        (["the", "plan", "was", "dead"], False),
        (["Good", "morning", "America"], False),
        (["2020", "—"], False),
    ],
)
def test_title_cased(words: list[str], expected: bool) -> None:
    assert title_cased(words) is expected
