"""The coarse date inferred from a text's own mentions, and its refusal to invent a year."""

from __future__ import annotations

import pytest

from newsloom.pubdate.inferred import infer_date, mentioned_years


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the latest full date gives the month
        ("The treaty of 12 March 2015 was amended on June 3, 2016, officials said.", "2016-06"),
        # a year-only text gives the year; "last year" moves it on by one
        ("The 2018 floods were the worst since 2011.", "2018"),
        ("The 2018 floods, last year's disaster, cost millions.", "2019"),
        # a year-less day and month then gives the month; "last month" moves it on by one
        ("After the 2018 vote, last year, the 3 March strike and last month's march", "2019-04"),
        ("After the 2018 vote, last year, the strike of 3 March.", "2019-03"),
        # a year-less day in December and "last month": January of the next year
        ("The 2018 vote, last year; on Dec. 2 and again last month.", "2020-01"),
    ],
)
def test_inferred_values(text: str, value: str) -> None:
    found = infer_date(text)
    assert (found.value, found.basis) == (value, "inferred")
    assert found.confidence <= 0.3


def test_no_year_no_value() -> None:
    found = infer_date("On Dec. 14 the envoy called; on Dec. 18 he repeated the offer.")
    assert found.value is None
    assert found.basis == "none"
    assert "year unknown" in (found.evidence or "")
    assert "Dec. 18" in (found.evidence or "")


def test_nothing_to_infer() -> None:
    assert infer_date("The council met and voted.").value is None


def test_media_lines_are_left_out() -> None:
    text = "The council voted.\nFILE - In this March 2, 2009 file photo, the hall is seen."
    assert infer_date(text).value is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("in 2016 and 2014", [2016, 2014]),
        ("no election until 2020; limits after 2030; the scheduled 2022 vote", []),
        ("$2019 and 2,019 people and 2019.5 and 20190", []),
    ],
)
def test_mentioned_years(text: str, years: list[int]) -> None:
    assert mentioned_years(text) == years
