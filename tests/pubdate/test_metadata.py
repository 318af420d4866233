"""Weighing an HTML page's date statements against htmldate's answer."""

from __future__ import annotations

from typing import Any

import pytest

from newsloom.pubdate.dateline import Dateline
from newsloom.pubdate.metadata import html_date, local_days, modified_bound, prefix_date
from newsloom.pubdate.url import date_from_url


def stamp(value: str, kind: str, source: str = "meta", raw: str | None = None) -> dict[str, str]:
    return {"value": value, "kind": kind, "source": source, "raw": raw or value}


def meta(htmldate: str | None, *dates: dict[str, str]) -> dict[str, Any]:
    return {"htmldate": htmldate, "dates": dates}


@pytest.mark.parametrize(
    ("page", "expected", "basis"),
    [
        # htmldate backed by a publication stamp: kept
        (meta("2019-04-01", stamp("2019-04-01", "published")), "2019-04-01", "metadata"),
        # backed by a generic date stamp: kept
        (meta("2019-04-01", stamp("2019-04-01", "generic")), "2019-04-01", "metadata"),
        # backed only by a modification stamp: an update date, the publication stamp wins
        (
            meta("2019-05-20", stamp("2019-04-01", "published"), stamp("2019-05-20", "modified")),
            "2019-04-01",
            "metadata",
        ),
        # a free-text guess gives way to explicit publication stamps that agree
        (
            meta(
                "2019-07-01",
                stamp("2019-04-01", "published"),
                stamp("2019-04-01", "published", "json-ld NewsArticle datePublished"),
                stamp("2019-04-02", "published", "time"),
            ),
            "2019-04-01",
            "metadata",
        ),
        # a free-text guess with nothing else is kept, with a low confidence
        (meta("2019-07-01"), "2019-07-01", "metadata"),
    ],
)
def test_html_date(page: dict[str, Any], expected: str, basis: str) -> None:
    found = html_date(page, None, None)
    assert found is not None
    assert (found.value, found.basis) == (expected, basis)


def test_free_text_guess_is_weak() -> None:
    guess = html_date(meta("2019-07-01"), None, None)
    backed = html_date(meta("2019-07-01", stamp("2019-07-01", "published")), None, None)
    assert guess is not None and backed is not None
    assert guess.confidence < backed.confidence


@pytest.mark.parametrize("year", ["2004", "2016", "2020", "2023"])
def test_an_unbacked_january_first_guess_is_a_copyright_year(year: str) -> None:
    # htmldate reads "© 2020" as 2020-01-01 (bettycrocker.com, dlg.org, ttblogs.com,
    # aryanews.com and 96fm.ie in htmldate_eval): no day; the text's own dates decide
    assert html_date(meta(f"{year}-01-01"), None, None) is None
    backed = html_date(meta(f"{year}-01-01", stamp(f"{year}-01-01", "published")), None, None)
    assert backed is not None and backed.value == f"{year}-01-01"


def test_tied_stamps_are_no_consensus() -> None:
    # a listing page: each teaser has its own <time>; htmldate's guess stays
    page = meta(
        "2019-07-01",
        stamp("2019-01-03", "published", "time.published"),
        stamp("2018-05-06", "published", "time.published"),
    )
    found = html_date(page, None, None)
    assert found is not None and found.value == "2019-07-01"


def test_url_backing_gives_url_basis() -> None:
    url = date_from_url("https://example.com/2019/04/01/story/")
    found = html_date(meta("2019-04-01"), url, None)
    assert found is not None
    assert (found.value, found.basis) == ("2019-04-01", "url")


def test_unbacked_guess_leaves_the_decision_to_url_or_dateline() -> None:
    url = date_from_url("https://example.com/2019/04/01/story/")
    assert html_date(meta("2018-12-31"), url, None) is None
    line = Dateline("2019-04-01", 0, 10, "timestamp", "April 1, 2019")
    assert html_date(meta("2018-12-31"), None, line) is None


def test_guess_outside_the_url_month_is_dropped() -> None:
    url = date_from_url("https://example.com/2019/04/story/")
    assert html_date(meta("2018-12-31"), url, None) is None


def test_labelled_dateline_beats_a_generic_stamp() -> None:
    line = Dateline("2019-04-01", 0, 10, "published", "Published: April 1, 2019")
    assert html_date(meta("2019-04-09", stamp("2019-04-09", "generic")), None, line) is None
    found = html_date(meta("2019-04-09", stamp("2019-04-09", "published")), None, line)
    assert found is not None and found.value == "2019-04-09"


def test_local_day_of_a_utc_stamp() -> None:
    dates = (
        stamp("2019-04-02", "published", "meta", "2019-04-02T02:30:00+00:00"),
        stamp("2019-04-01", "published", "time", "2019-04-01T22:30:00-04:00"),
    )
    assert local_days(dates) == {"2019-04-02": "2019-04-01"}
    found = html_date(meta("2019-04-02", *dates), None, None)
    assert found is not None and found.value == "2019-04-01"


def test_local_days_needs_the_same_instant() -> None:
    dates = (
        stamp("2019-04-02", "published", "meta", "2019-04-02T02:30:00Z"),
        stamp("2019-04-01", "published", "time", "2019-04-01T20:00:00-04:00"),
    )
    assert local_days(dates) == {}


def test_modified_bound() -> None:
    only_modified = meta("2019-05-20", stamp("2019-05-20", "modified", raw="2019-05-20T10:00Z"))
    found = modified_bound(only_modified)
    assert found is not None
    assert (found.value, found.basis) == ("2019-05-20", "inferred")
    assert "last modified" in (found.evidence or "")
    with_published = meta(None, stamp("2019-05-20", "modified"), stamp("2019-05-01", "published"))
    assert modified_bound(with_published) is None


def test_prefix_date() -> None:
    found = prefix_date({"date": "2019-04-01", "date_source": "scraper_prefix"})
    assert found is not None
    assert (found.value, found.basis) == ("2019-04-01", "metadata")
    assert prefix_date({"date": "2019-04-01", "date_source": "meta"}) is None
    assert prefix_date({}) is None
