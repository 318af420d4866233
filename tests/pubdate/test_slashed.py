"""Slashed numeric dates in stamp lines, read only when their order is known."""

from __future__ import annotations

import pytest

from newsloom.pubdate.dateline import find_datelines
from newsloom.pubdate.slashed import day_first_site, slashed_dates


@pytest.mark.parametrize(
    ("line", "day_first", "expected"),
    [
        ("29/03/2006", None, "2006-03-29"),  # a day above 12: day first anywhere
        ("10/18/2012", None, "2012-10-18"),  # month first anywhere
        ("07/04/2017", True, "2017-04-07"),
        ("07/04/2017", False, "2017-07-04"),
        ("07/04/2017", None, None),  # a .com site: not known
        ("31/02/2017", True, None),  # no such day
        ("1/4/17", True, None),  # a two-digit year is left out
        ("12/10/2017/34", True, None),  # part of a longer path
    ],
)
def test_slashed_dates(line: str, day_first: bool | None, expected: str | None) -> None:
    found = slashed_dates(line, day_first)
    assert [value for _, _, value in found] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.northshire.example.co.uk/news/a", True),
        ("https://deccan.example.in/city/b", True),
        ("http://paper.example.ng/x", True),
        ("https://news.example.com.au/y", True),
        ("https://city.example.gov/z", False),
        ("https://paper.example.us/z", False),
        ("https://www.example.com/z", None),
        ("https://www.example.ph/z", None),  # the Philippines write month first
        (None, None),
    ],
)
def test_day_first_site(url: str | None, expected: bool | None) -> None:
    assert day_first_site(url) is expected


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        # stamps of this shape at bris.ac.uk, london.ac.uk, technutty.co.uk (day first) and
        # mattlogelin.com, typepad.com, dailyherald.com (month first) in ../shared
        ("Published: 07/04/2017 14:32", True, [("2017-04-07", "published")]),
        ("Last Updated: 23/04/2017 | 09:05 PM IST", None, [("2017-04-23", "updated")]),
        ("Posted 10/18/2012 at 2:57 pm | Permalink", None, [("2012-10-18", "published")]),
        ("Headline\n05/06/2018\nBody", True, [("2018-06-05", "timestamp")]),
        ("Published: 07/04/2017 14:32", None, []),
    ],
)
def test_slashed_stamps(text: str, day_first: bool | None, expected: list[tuple[str, str]]) -> None:
    assert [(d.value, d.kind) for d in find_datelines(text, day_first)] == expected
