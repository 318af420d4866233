"""Dates that follow the verb's tense and dates that refer to the date just mentioned.

Our own sentences, many wordings each; the publication date is Tuesday 12 June 2018.
"""

from __future__ import annotations

import pytest

from newsloom.timex import find_dates

PUBLISHED = "2018-06-12"  # a Tuesday


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare weekday after a future verb group is the coming one ...
        ("The two leaders will meet on Wednesday in Geneva.", "2018-06-13"),
        ("The talks are due to resume on Friday.", "2018-06-15"),
        ("Parliament is set to vote on Monday.", "2018-06-18"),
        ("The minister will travel to Paris on Thursday.", "2018-06-14"),
        # ... after a past tense the last one
        ("The two leaders met on Wednesday in Geneva.", "2018-06-06"),
        ("The talks resumed on Friday.", "2018-06-08"),
        ("Parliament voted on Monday.", "2018-06-11"),
        ("The minister travelled to Paris on Thursday.", "2018-06-07"),
    ],
)
def test_a_bare_weekday_follows_the_tense(text: str, expected: str) -> None:
    assert [v for _, v in values(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said talks would resume in January.", "2019-01"),
        ("The new law will take effect in March.", "2019-03"),
        ("The deal was signed in January.", "2018-01"),
        ("The army withdrew in March.", "2018-03"),
    ],
)
def test_a_month_without_a_year_follows_the_tense(text: str, expected: str) -> None:
    assert [v for _, v in values(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit took place on June 5. Earlier in the day, the ministers met.", "2018-06-05"),
        ("The summit took place on June 5. Later that day, the two sides signed.", "2018-06-05"),
        ("Police arrested him on Monday. Later in the day, he was released.", "2018-06-11"),
        ("The vote was held on May 30. That same day, the president resigned.", "2018-05-30"),
        ("The attack happened on June 2. Later that evening, troops arrived.", "2018-06-02"),
    ],
)
def test_the_same_day_is_the_day_just_mentioned(text: str, expected: str) -> None:
    assert values(text)[-1][1] == expected


def test_earlier_in_the_day_without_a_date_is_the_publication_day() -> None:
    assert values("Earlier in the day, the ministers met.") == [("Earlier in the day", PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire began on April 3. Later that month, the talks collapsed.", "2018-04"),
        ("The strike began on May 2. Earlier in the month, the union had warned.", "2018-05"),
        ("Earlier in the month, the army withdrew.", "2018-06"),
    ],
)
def test_the_month_just_mentioned(text: str, expected: str) -> None:
    assert values(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The election was held last year.", ("last year", "2017")),
        ("The talks will resume this month.", ("this month", "2018-06")),
        ("Earlier this month, the army withdrew.", ("Earlier this month", "2018-06")),
        ("The vote was held earlier this year.", ("earlier this year", "2018")),
    ],
)
def test_relative_months_and_years_are_found(text: str, expected: tuple[str, str]) -> None:
    assert values(text) == [expected]


def test_the_same_day_that_names_its_own_day() -> None:
    """ "on the same day that Clinton gave an interview" is defined by its clause, not by the
    date before it: no value borrowed from the previous sentence."""
    text = "Trump called Putin on April 4. The call came on the same day that Clinton spoke."
    assert [t for t, _ in values(text)] == ["April 4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # market reports close "the day" of the session just mentioned (MEANTIME's stock
        # market stories write it again and again), else of publication
        ("The Dow fell on Monday, ending the day at 7,114.", ("the day", "2018-06-11")),
        ("For the day, the Nikkei closed down 6.4 percent.", ("the day", PUBLISHED)),
        ("The index rebounded late in the day.", ("late in the day", PUBLISHED)),
        ("Stocks fell sharply at the start of the day.", ("the start of the day", PUBLISHED)),
        (
            "The report came out on June 8. On the same day, markets fell.",
            ("the same day", "2018-06-08"),
        ),
    ],
)
def test_the_day_of_a_session(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[-1] == expected


def test_a_day_that_is_no_date() -> None:
    assert values("He spent the day in Paris.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next or following day counts from the day just mentioned, past or future
        ("The summit opened on June 5. The next day, the ministers met.", "2018-06-06"),
        ("Police arrested him on Monday. The following day he was released.", "2018-06-12"),
        ("The talks will begin on Thursday. The next day, the ministers will meet.", "2018-06-15"),
        ("Troops withdrew on May 3. The day before, rebels had attacked.", "2018-05-02"),
        # so do a number of days or weeks later or earlier
        ("Fighting resumed on June 3. Two days later, the rebels withdrew.", "2018-06-05"),
        ("The talks began on June 5. A week later, rebels attacked.", "2018-06-12"),
        ("The ceasefire began on June 5. Three weeks earlier, rebels attacked.", "2018-05-15"),
    ],
)
def test_a_day_counted_from_the_day_just_mentioned(text: str, expected: str) -> None:
    assert values(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the day after a date is that date's part: the day just mentioned
        ("The talks began on Thursday. In the afternoon, the delegations signed.", "2018-06-07"),
        ("The talks began on June 5. That afternoon, the delegations signed.", "2018-06-05"),
        ("The talks began on June 5. Later that afternoon, the two sides signed.", "2018-06-05"),
        ("Police arrested him on Monday. He was released that night.", "2018-06-11"),
        ("The vote was held on May 30. That evening, the president resigned.", "2018-05-30"),
    ],
)
def test_the_part_of_the_day_just_mentioned(text: str, expected: str) -> None:
    assert values(text)[-1][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that night raids would continue.",
        "The pilots trained in that night sky for weeks.",
        "He usually works in the afternoon.",
    ],
)
def test_a_part_of_the_day_that_is_no_date(text: str) -> None:
    assert values(text) == []


def test_days_later_without_a_date_before_has_no_value() -> None:
    assert values("The rebels attacked two days later.") == [("two days later", None)]
