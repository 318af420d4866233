"""Dates in URL paths."""

from __future__ import annotations

import pytest

from newsloom.pubdate.url import date_from_url


@pytest.mark.parametrize(
    ("url", "value", "shape"),
    [
        ("https://example.com/news/2019/11/05/council-votes/", "2019-11-05", "ymd"),
        ("https://example.com/2019/11/05", "2019-11-05", "ymd"),
        ("https://example.com/world/2019/nov/05/council-votes", "2019-11-05", "y-mon-d"),
        ("https://example.com/news/2019-11-05/council-votes/123", "2019-11-05", "ymd"),
        ("https://radio.example.com/content/2019-11-05-council-votes/", "2019-11-05", "ymd"),
        ("https://example.com/local/council-votes-20191105-story.html", "2019-11-05", "compact"),
        ("https://example.com/articles/view/20191105/local/council.123", "2019-11-05", "compact"),
        ("https://example.com/news/2019/nov/06/council-votes-20191106-1/", "2019-11-06", "y-mon-d"),
        ("https://example.com/world/asia/051119/council-votes.html", "2019-11-05", "ddmmyy"),
        ("https://someone.blogspot.com/2019/11/council-votes.html", "2019-11", "ym"),
        # article ids that start with the filing day, YYMMDD (and a one-digit prefix)
        ("https://example.com/news/council-votes-191105.html", "2019-11-05", "id"),
        ("https://example.com/a/1191105/council-votes", "2019-11-05", "id"),
        # a slug that starts with a number is no day: only the month is known
        ("https://blog.example.org/2019/11/5-things-to-know/", "2019-11", "ym"),
        # the original URL inside an archive URL; the archive's own timestamp is a crawl time
        (
            "https://web.archive.org/web/20200102030405/http://example.org/2019/11/post",
            "2019-11",
            "ym",
        ),
    ],
)
def test_date_from_url(url: str, value: str, shape: str) -> None:
    found = date_from_url(url)
    assert found is not None
    assert (found.value, found.shape) == (value, shape)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/news/council-votes-1234567.html",
        "https://example.com/weekly/2019/43/issue",  # week or issue number, not a month
        "https://example.com/story?date=2019-11-05",  # query strings are not read
        "https://example.com/a/1582045946_459487.html",
        "https://example.com/artikel/991399/slug",  # 99-13-99 is no date
        "https://example.com/p/1191105123",  # a longer id
        "",
        None,
    ],
)
def test_no_date_in_url(url: str | None) -> None:
    assert date_from_url(url) is None


def test_granularity() -> None:
    day = date_from_url("https://example.com/2019/11/05/x")
    month = date_from_url("https://example.com/2019/11/x")
    assert day is not None and day.granularity == "day"
    assert month is not None and month.granularity == "month"
