"""The date an input declares about itself."""

from __future__ import annotations

import pytest

from newsloom.pubdate.declared import crawl_date, declared_date, normalise_declared


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-01", "2019-04-01"),
        ("2019-04-01T21:05:00+02:00", "2019-04-01"),
        ("2019-04", "2019-04"),
        ("2019-4", "2019-04"),
        ("2019", "2019"),
        ("April 1, 2019", "2019-04-01"),
        ("2019-13", None),
        ("soon", None),
        (None, None),
    ],
)
def test_normalise_declared(value: object, expected: str | None) -> None:
    assert normalise_declared(value) == expected


def test_declared_date_is_trusted_most() -> None:
    found = declared_date({"published": "2019-04-01"})
    assert found is not None
    assert (found.value, found.basis, found.confidence) == ("2019-04-01", "declared", 1.0)


@pytest.mark.parametrize("declared", [{}, {"published": ""}, {"published": "n/a"}, {"title": "x"}])
def test_no_declared_date(declared: dict[str, str]) -> None:
    assert declared_date(declared) is None


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ({"crawl_date": "2019-05-01T10:00:00Z"}, "2019-05-01"),
        ({"crawled": "20190501"}, "2019-05-01"),
        ({"crawl_date": "unknown"}, None),
        ({}, None),
    ],
)
def test_crawl_date(declared: dict[str, str], expected: str | None) -> None:
    assert crawl_date(declared) == expected


@pytest.mark.parametrize("bad", ["9999-99-99", "2018-13-45", "yesterday-ish", "0000-00-00"])
def test_a_row_date_nobody_can_read_is_recorded_in_the_evidence(bad: str) -> None:
    # issue 15, item 13: a "published" that is not a date was dropped without a word
    from newsloom.ingest import document_from_row
    from newsloom.pipeline import TEXT_STAGES, Pipeline

    row = {"id": "r1", "published": bad,
           "text": "LISBON, March 29, 2017 - Talks resumed on Wednesday."}  # fmt: skip
    article = Pipeline(TEXT_STAGES)(document_from_row(row, "feed.jsonl:1"))
    assert article.published.value == "2017-03-29"  # type: ignore[union-attr]
    assert article.published.basis == "dateline"  # type: ignore[union-attr]
    assert f"the declared date {bad!r} is not a date" in article.published.evidence  # type: ignore[union-attr]


def test_a_readable_declared_date_leaves_no_note() -> None:
    from newsloom.pubdate.declared import unusable_declared

    assert unusable_declared({"published": "2017-03-29"}) is None
    assert unusable_declared({}) is None
    assert unusable_declared({"published": "9999-99-99"}) == "9999-99-99"
