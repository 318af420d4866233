"""Finding temporal expressions: what is one, and its extent."""

from __future__ import annotations

import pytest

from newsloom.timex.detect import find_mentions


def expressions(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute dates, with and without a year
        ("It was signed on 15 December 2017 in Rome.", ["15 December 2017"]),
        ("On Dec. 14, Trump spoke with Putin.", ["Dec. 14"]),
        ("The attack on 4 April killed more than 80 people.", ["4 April"]),
        ("Britain will leave the EU on March 29, 2019.", ["March 29, 2019"]),
        ("She called on Tuesday, 18.04.2017, for an election.", ["Tuesday, 18.04.2017"]),
        ("in a rally in Barcelona, Friday, Oct. 27, 2017.", ["Friday, Oct. 27, 2017"]),
        ("the announcement on Thursday, June 1.", ["Thursday, June 1"]),
        ("Updated /Mon 2 Oct 2017 04.56 EDT", ["Mon 2 Oct 2017"]),
        ("Reuters | June 01 2017:", ["June 01 2017"]),
        ("in Catalonia vote\n2017-10-01 12:28\nSpanish police", ["2017-10-01"]),
        ("to be held on the 8th of June, May said", ["the 8th of June"]),
        ("the crash of 7/8/07 and of 18/04/2017", ["7/8/07", "18/04/2017"]),
        ("since the June 2016 vote, until late March 2019.", ["June 2016", "late March 2019"]),
        ("She took office in 2016.", ["2016"]),
        ("sanctions for seizing Crimea since 2014 and", ["2014"]),
        ("News Editor 2016-2017 and student", ["2016", "2017"]),
        ("It is expected to close in the second half of 2017.", ["the second half of 2017"]),
        ("The deal is targeted to close in the second half of the year.",
         ["the second half of the year"]),
        ("production should start in mid-2011.", ["mid-2011"]),
        # weekdays take their modifiers
        ("The government said late Monday that 90 percent voted.", ["late Monday"]),
        ("officials announced on Sunday night that", ["Sunday night"]),
        ("the announcement of secession earlier Friday.", ["earlier Friday"]),
        ("The parliament had earlier on Friday voted.", ["Friday"]),
        ("since Wednesday's close", ["Wednesday's"]),
        ("They meet again next Monday.", ["next Monday"]),
        # relative expressions
        ("a concept he has advocated since last year's campaign", ["last year's"]),
        ("a referendum earlier this month in which", ["earlier this month"]),
        ("Sir Tim arrived this morning with the letter.", ["this morning"]),
        ("The talks in Astana this week.", ["this week"]),
        ("The Syrian air base was attacked last month.", ["last month"]),
        ("It seemed impossible just one year ago.", ["one year ago"]),
        ("Trump will announce today that", ["today"]),
        ("We are here today, Kim said. Police came yesterday and return tomorrow.",
         ["today", "yesterday", "tomorrow"]),
        ("The next day, Trump signaled that", ["The next day"]),
        ("before the end of the month.", ["the end of the month"]),
        ("Operations will start in October of next year.", ["October of next year"]),
        # month names alone need a word that makes them a time
        ("a snap election for June, adding to", ["June"]),
        ("detailed plans for the talks by late May.", ["late May"]),
        ("the economy contracted between April and June.", ["April", "June"]),
        # holidays and quarters
        ("\u201cBefore Easter I spent a few days walking,\u201d she said.", ["Easter"]),
        ("stores are busy before Christmas Eve.", ["Christmas Eve"]),
        ("profits fell in the fourth quarter of 2005.", ["the fourth quarter of 2005"]),
        ("its third-quarter results", ["third-quarter"]),
        ("sales rose in Q3 2009.", ["Q3 2009"]),
    ],
)  # fmt: skip
def test_finds_dates(text: str, expected: list[str]) -> None:
    assert expressions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # durations, ages, clock times
        "The process will take two years.",
        "thousands would be killed within hours",
        "nine months after the vote",
        "Sterling rose to a four-month high.",
        "the biggest one-day drop",
        "a 48-year-old man",
        "Brussels was notified at 12.25pm.",
        "The interview airs at 9pm ET.",
        "over the past 40 years",
        # vague references and event-anchored relatives
        "Polls have narrowed recently.",
        "in the months ahead",
        "Hours later Merkel spoke.",
        "In a press conference a short time ago,",
        "the calls on the eve of the summit",
        "days after Britain voted to leave",
        "over the next year",
        # names and titles
        "Today's Paper Obits Best of Northwest Arkansas",
        "Today's Photos Crime Puzzles",
        "according to USA Today reporters",
        "as the Sunday Times reported",
        "an interview with the Mail on Sunday",
        "the anniversary of Bloody Sunday",
        "the Good Friday Agreement",
        "a trip to Easter Island",
        "the Russell 2000 Index fell",
        # Theresa May and the modal verb
        "Theresa May said she would go.",
        "Mrs May spoke to Tusk.",
        "The plan was backed by May.",
        "Britain may leave.",
        # numbers that are not years
        "More than 2000 people marched.",
        "The bill came to $2017.",
        "It cost 2,016 euros.",
        "Article 50 and the G20 Summit",
    ],
)
def test_finds_no_date(text: str) -> None:
    assert expressions(text) == []


def test_mentions_keep_what_they_state() -> None:
    (mention,) = find_mentions("On Thursday, June 1 he spoke.")
    assert (mention.kind, mention.month, mention.day, mention.weekday, mention.year) == (
        "date", 6, 1, 3, None
    )  # fmt: skip
    (ago,) = find_mentions("two years ago")
    assert (ago.kind, ago.unit, ago.shift) == ("ago", "year", -2)
    (chain,) = find_mentions("The day before, he left.")
    assert (chain.kind, chain.shift) == ("chain", -1)


def test_overlapping_patterns_keep_the_longest() -> None:
    text = "AFP| Last Updated: Friday, June 16, 2017 - 18:46"
    assert expressions(text) == ["Friday, June 16, 2017"]
