"""Age stamps ("3 hours ago") dated from the declared crawl time, never the wall clock."""

from __future__ import annotations

import pytest

from newsloom.pubdate.relative import crawl_moment, relative_stamp

CRAWLED = {"crawl_date": "2019-04-07T15:00:00Z"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shapes seen at phys.org, ktla.com, kxan.com (htmldate_eval), techcrunch.com,
        # beautylish.com, biologynews.net (boilerplate_pages); the wordings are ours
        ("Headline\n3 hours ago\nBody", "2019-04-07"),
        ("Headline\nPosted 2 days ago by Desk Reporter\nBody", "2019-04-05"),
        ("published 1 day ago", "2019-04-06"),
        ("( 12 minutes ago)", "2019-04-07"),
        ("an hour ago", "2019-04-07"),
        ("16 hours ago", "2019-04-06"),  # before midnight UTC
        ("Posted: 2 weeks ago", "2019-03-24"),
    ],
)
def test_age_stamps(text: str, expected: str) -> None:
    found = relative_stamp(text, CRAWLED)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        ("Headline\n3 hours ago\nBody", {}),  # no crawl time: no date
        ("Headline\n3 hours ago\nBody", {"crawl_date": "2019-04-07"}),  # hours, no clock
        ("The fire started 3 hours ago, officials said.", CRAWLED),  # in a sentence
        ("\n".join(f"Paragraph {n}." for n in range(20)) + "\n3 hours ago", CRAWLED),
    ],
)
def test_no_age_stamp(text: str, declared: dict[str, str]) -> None:
    assert relative_stamp(text, declared) is None


def test_days_need_only_the_crawl_day() -> None:
    found = relative_stamp("2 days ago", {"crawl_date": "2019-04-07"})
    assert found is not None and found[0] == "2019-04-05"


def test_crawl_moment_in_utc() -> None:
    moment = crawl_moment({"warc_date": "2019-04-07T01:00:00+05:30"})
    assert moment is not None and moment[0].isoformat() == "2019-04-06T19:30:00" and moment[1]
