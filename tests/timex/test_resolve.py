"""Dating expressions against the publication date: the rules of news time."""

from __future__ import annotations

import pytest

from newsloom.timex import find_dates


def values(text: str, published: str | None) -> list[str | None]:
    return [d.value for d in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a bare weekday: the most recent such day on or before publication ...
        ("Police arrested him on Thursday.", "2017-06-16", ["2017-06-15"]),
        ("Amazon said Friday it is buying Whole Foods.", "2017-06-16", ["2017-06-16"]),
        ("Mueller won indictments on Friday.", "2018-07-16", ["2018-07-13"]),
        ("He left last Friday.", "2017-06-16", ["2017-06-09"]),
        # ... the coming one when the clause speaks of the future
        ("The Senate will vote on Thursday.", "2017-06-16", ["2017-06-22"]),
        ("She is due to testify Monday.", "2017-06-16", ["2017-06-19"]),
        ("They meet next Monday.", "2018-07-16", ["2018-07-23"]),
        ("Trump on Thursday said he will withdraw.", "2017-06-02", ["2017-06-01"]),
        # a year-less date: the year that puts it nearest publication ...
        ("On Dec. 14, Trump spoke with Putin.", "2017-12-20", ["2017-12-14"]),
        ("Rajoy called a regional election on Dec. 21.", "2017-10-27", ["2017-12-21"]),
        ("May called for an early election on June 8.", "2017-04-18", ["2017-06-08"]),
        ("The attack on 4 April killed 80 people.", "2017-05", ["2017-04-04"]),
        # ... before it after "since" or a past-tense verb, after it after a future verb
        ("the biggest drop since June 27, days after the vote", "2017-04-18", ["2016-06-27"]),
        ("The Shuffle was introduced in January.", "2005-09-07", ["2005-01"]),
        ("The deal should be completed in October.", "2009-06-05", ["2009-10"]),
        ("The flight is scheduled for Oct. 3.", "2017-05-10", ["2017-10-03"]),
        ("plans for the talks by late May.", "2017-04-19", ["2017-05"]),
        ("after Britain called a snap election for June", "2017-04-19", ["2017-06"]),
        # a weekday printed with the date picks the year
        ("the announcement on Thursday, June 1.", "2017-08-30", ["2017-06-01"]),
        ("the announcement on Thursday, June 1.", "2018-01-02", ["2017-06-01"]),
        # units relative to publication
        ("last month", "2017-06-16", ["2017-05"]),
        ("last month", "2017-05", ["2017-04"]),
        ("earlier this month", "2017-10-27", ["2017-10"]),
        ("next month", "2011-08-08", ["2011-09"]),
        ("last year's election", "2017-05", ["2016"]),
        ("the end of this year", "2006-01-23", ["2006"]),
        ("the second half of the year", "2017-06-16", ["2017"]),
        ("the first half of next year", "2017-06-16", ["2018"]),
        ("this week", "2017-05-03", ["2017-W18"]),
        ("this week", "2017-05", ["2017-W18"]),
        ("last week", "2017-05-03", ["2017-W17"]),
        ("last quarter", "2007-01-18", ["2006-Q4"]),
        ("October of next year", "2009-05-15", ["2010-10"]),
        ("one year ago", "2018-06-12", ["2017"]),
        ("two weeks ago", "2007-12-20", ["2007-12-06"]),
        ("three months ago", "2017-02-10", ["2016-11"]),
        ("today", "2018-07-16", ["2018-07-16"]),
        ("Trump's interviews air tonight and tomorrow.", "2018-07-16",
         ["2018-07-16", "2018-07-17"]),
        ("He spoke yesterday morning.", "2010-06-08", ["2010-06-07"]),
        ("Protests went on last night.", "2010-06-08", ["2010-06-07"]),
        # holidays and quarters
        ("Before Easter I went walking.", "2017-04-18", ["2017-04-16"]),
        ("Shoppers came out for Thanksgiving.", "2017-11-24", ["2017-11-23"]),
        ("during the fourth quarter", "2006-08-19", ["2006-Q4"]),
        ("its fourth-quarter profit", "2010-01-28", ["2009-Q4"]),
        ("the first quarter of 2009", "2009-05-07", ["2009-Q1"]),
        # absolute values need no anchor
        ("Britain will leave on March 29, 2019.", None, ["2019-03-29"]),
        ("the 2015 accord", None, ["2015"]),
        ("June 2016", None, ["2016-06"]),
    ],
)  # fmt: skip
def test_normalises_against_the_publication_date(
    text: str, published: str | None, expected: list[str | None]
) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an unknown year is XXXX; what needs a day, month or year the anchor lacks is None
        ("On Dec. 14, Trump spoke.", None, ["XXXX-12-14"]),
        ("On Dec. 14, Trump spoke.", "2017", ["XXXX-12-14"]),
        ("the announcement on Thursday, June 1.", None, ["XXXX-06-01"]),
        ("a snap election in late May", None, ["XXXX-05"]),
        ("over Christmas", None, ["XXXX-12-25"]),
        ("Before Easter I went walking.", None, [None]),
        ("police descended on Sunday", "2017-10", [None]),
        ("the government said late Monday", "2017-10", [None]),
        ("today", "2017-10", [None]),
        ("today", None, [None]),
        ("last month", None, [None]),
        ("last month", "2017", [None]),
        ("last year", "2017", ["2016"]),
        ("last year", None, [None]),
        ("this week", None, [None]),
    ],
)
def test_what_the_anchor_cannot_give_stays_unknown(
    text: str, published: str | None, expected: list[str | None]
) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (None, ["XXXX-12-14", "XXXX-12-15", "XXXX-12-18"]),
        ("2017-12-20", ["2017-12-14", "2017-12-15", "2017-12-18"]),
    ],
)
def test_the_next_day_follows_the_date_before_it(
    published: str | None, expected: list[str]
) -> None:
    text = (
        "On Dec. 14, Trump called Putin. The next day, he spoke out. On Dec. 18, Ryabkov replied."
    )
    assert values(text, published) == expected


def test_the_day_before_and_a_chain_without_a_date() -> None:
    assert values("The talks began on March 3. The day before, they met.", "2017-03-10") == [
        "2017-03-03",
        "2017-03-02",
    ]
    assert values("The next day, he left.", "2017-03-10") == [None]


def test_today_in_a_quote_is_the_day_the_words_were_said() -> None:
    text = (
        "Trump met Putin in Helsinki on Monday.\n\n"
        'Trump said, "He was extremely strong in his denial today."'
    )
    assert values(text, "2018-07-17") == ["2018-07-16", "2018-07-16"]


def test_a_day_in_the_quote_paragraph_dates_the_words() -> None:
    text = "Talks began on Friday.\n\n\u201cI spoke to him yesterday,\u201d she said on Monday."
    assert values(text, "2017-05-10") == ["2017-05-05", "2017-05-07", "2017-05-08"]


def test_outside_quotes_today_is_the_publication_day() -> None:
    text = "Trump met Putin on Monday. Coats released a statement today."
    assert values(text, "2018-07-17") == ["2018-07-16", "2018-07-17"]


def test_a_quote_with_no_dated_context_is_said_on_the_publication_day() -> None:
    text = '"I am announcing today that we withdraw," Trump said.'
    assert values(text, "2018-05-08") == ["2018-05-08"]


def test_granularity() -> None:
    found = find_dates(
        "On Dec. 14, in June 2016, in 2014, this week, last quarter, Sunday.", "2017-12-20"
    )
    assert [d.granularity for d in found] == ["day", "month", "year", "week", "quarter", "day"]


def test_offsets_point_at_the_expression() -> None:
    text = "Theresa May called on Tuesday, 18.04.2017, for an election on June 8."
    for d in find_dates(text, "2017-04-18"):
        assert text[d.start : d.end] == d.text


def test_the_scraper_prefix_is_not_a_date() -> None:
    text = " date 2017-04-18 May called on Tuesday for an election."
    assert [d.text for d in find_dates(text, "2017-04-18")] == ["Tuesday"]


def test_find_dates_refuses_a_non_string() -> None:
    with pytest.raises(TypeError):
        find_dates(b"On Dec. 14", None)  # type: ignore[arg-type]
