"""The `published` stage: the order of the sources, and the two seed articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from newsloom.article import Article, Document
from newsloom.errors import Rejection
from newsloom.hashing import content_hash
from newsloom.pipeline import Pipeline
from newsloom.pubdate import resolve_published


def article(
    text: str,
    url: str | None = None,
    declared: dict[str, Any] | None = None,
    page_meta: dict[str, Any] | None = None,
) -> Article:
    return Article(
        id="a",
        source="a",
        format="text",
        content_hash=content_hash(text),
        raw=text,
        url=url,
        declared=MappingProxyType(declared or {}),
        page_meta=MappingProxyType(page_meta or {}),
        source_text=text,
        text=text,
    )


PREFIX = {"date": "2019-03-30", "date_source": "scraper_prefix"}
PREFIX_LATER = {"date": "2019-04-09", "date_source": "scraper_prefix"}
DATED_URL = "https://example.com/2019/04/02/story/"
STAMPED = "Headline\nPublished: April 1, 2019 / 9:05 PM\nThe council voted on Monday."


@pytest.mark.parametrize(
    ("item", "value", "basis"),
    [
        (
            article(STAMPED, DATED_URL, {"published": "2019-01-01"}, PREFIX),
            "2019-01-01",
            "declared",
        ),
        (article(STAMPED, DATED_URL, None, PREFIX), "2019-04-01", "dateline"),
        (article("The council voted.", DATED_URL, None, PREFIX), "2019-04-02", "url"),
        (article("The council voted.", None, None, PREFIX), "2019-03-30", "metadata"),
        (article("The council voted in 2018.", None, None, None), "2018", "inferred"),
        (article("The council voted.", None, None, None), None, "none"),
        # an update stamp is no publication date: the URL wins, and alone it is only a bound
        (article("Updated April 5, 2019 10:00:01\nBody", DATED_URL), "2019-04-02", "url"),
        (article("Updated April 5, 2019 10:00:01\nBody"), "2019-04-05", "inferred"),
        # a month-only URL gives a month-level date
        (article("Body", "https://example.blogspot.com/2019/04/post.html"), "2019-04", "url"),
    ],
)
def test_source_order(item: Article, value: str | None, basis: str) -> None:
    found = resolve_published(item)
    assert (found.value, found.basis) == (value, basis)
    assert found.evidence


@pytest.mark.parametrize(
    "widget",
    [
        # a site's "today" in its header, disagreeing with the URL's day, as on lemonde.fr,
        # mercurynews.com, denverpost.com, inquirer.com, heartlandnewsfeed.com (htmldate_eval)
        "Thursday, November 9th 2023",
        "Sunday, July 19, 2020|Today's Paper",
        "November 9, 2023 6:22 am CST",
        "Tue 12 Mar 2019",
    ],
)
def test_a_date_widget_that_disagrees_with_the_url_is_passed_over(widget: str) -> None:
    found = resolve_published(article(f"{widget}\nHeadline\nThe council voted.", DATED_URL))
    assert (found.value, found.basis) == ("2019-04-02", "url")
    agrees = resolve_published(article("Tuesday, April 2, 2019\nBody", DATED_URL))
    assert (agrees.value, agrees.basis) == ("2019-04-02", "dateline")


@pytest.mark.parametrize(
    "stamp",
    ["By Ama Owusu | 7th April, 2019", "Posted: 07.04.2019 | 11:20", "Published 7 April 2019"],
)
def test_a_stamp_the_cleaning_took_out_still_dates_the_page(stamp: str) -> None:
    text = f"Headline\n{stamp}\nThe council voted on Friday."
    item = replace(article(text), text="Headline\nThe council voted on Friday.")
    found = resolve_published(item)
    assert (found.value, found.basis) == ("2019-04-07", "dateline")
    # a bare date line the cleaning removed is furniture (a widget), not evidence
    bare = replace(article("April 7, 2019\nBody"), text="Body")
    assert resolve_published(bare).value is None


@pytest.mark.parametrize(
    ("opening", "bound"),
    [
        ("LAGOS, April 7 (Wire) - Lawmakers voted.", {"page_meta": PREFIX_LATER}),
        ("KIGALI, April 7 (Wire) -- The post opened.", {"declared": {"crawl_date": "2019-04-09"}}),
        ("NAIROBI, April 7 — The shilling held.", {"text_tail": "Updated April 10, 2019 10:01"}),
    ],
)
def test_a_year_less_dateline_is_dated_by_a_later_bound(opening: str, bound: dict) -> None:
    text = f"Headline\n{opening}\n{bound.get('text_tail', '')}"
    item = article(text, None, bound.get("declared"), bound.get("page_meta"))
    found = resolve_published(item)
    assert (found.value, found.basis) == ("2019-04-07", "dateline")


def test_a_year_less_dateline_far_before_the_prefix_leaves_the_prefix() -> None:
    item = article("Headline\nLAGOS, January 7 (Wire) - Body", None, None, PREFIX_LATER)
    assert resolve_published(item).value == PREFIX_LATER["date"]


def test_an_age_stamp_is_dated_from_the_crawl_time_only() -> None:
    text = "Headline\n3 hours ago\nThe council voted."
    crawled = article(text, None, {"crawl_date": "2019-04-07T15:00:00Z"})
    found = resolve_published(crawled)
    assert (found.value, found.basis) == ("2019-04-07", "dateline")
    assert resolve_published(article(text)).value is None


def test_prefix_is_not_read_as_a_dateline() -> None:
    found = resolve_published(article(" date 2019-03-30 Headline\nBody", None, None, PREFIX))
    assert (found.value, found.basis) == ("2019-03-30", "metadata")


def test_ddmmyy_id_later_than_the_text_is_ignored() -> None:
    url = "https://example.com/artikel/310144/slug/"  # would be 2044-01-31
    found = resolve_published(article("The 2019 season opened in March 2019 here.", url))
    assert found.basis == "inferred"
    kept = resolve_published(article("The season opened.", "https://example.com/a/310119/slug/"))
    assert (kept.value, kept.basis) == ("2019-01-31", "url")


def test_printed_local_day_beats_utc_metadata_one_day_off() -> None:
    page = {
        "htmldate": "2019-04-02",
        "dates": ({"value": "2019-04-02", "kind": "published", "source": "meta", "raw": "x"},),
    }
    item = Article(
        id="h", source="h", format="html", content_hash="", raw="", page_meta=page,
        text="April 1, 2019 / 9:05 PM\nBody", source_text="",
    )  # fmt: skip
    found = resolve_published(item)
    assert (found.value, found.basis) == ("2019-04-01", "dateline")


def _run_seed(seeds: Path, name: str) -> Article:
    text = (seeds / name).read_text(encoding="utf-8")
    doc = Document(id=name, source=name, format="text", raw=text, content_hash=content_hash(text))
    result = Pipeline()(doc)
    assert not isinstance(result, Rejection)
    return result


def test_seed_000_is_inferred_from_its_content(seeds: Path) -> None:
    found = _run_seed(seeds, "000_62ac6955b0adf386.txt").published
    assert found.basis == "inferred"
    assert found.value is not None and found.value.startswith("2017")
    assert found.confidence <= 0.3


def test_seed_004_gets_no_invented_year(seeds: Path) -> None:
    found = _run_seed(seeds, "004_a730dfa3ffa7aa1c.txt").published
    assert found.value is None or (found.basis == "inferred" and not found.value[:1].isdigit())
    assert "year unknown" in (found.evidence or "")


def test_nothing_after_the_crawl_date() -> None:
    later_url = "https://example.com/2019/06/02/story/"
    item = article("The council voted.", later_url, {"crawl_date": "2019-05-01T10:00:00Z"}, PREFIX)
    found = resolve_published(item)
    assert (found.value, found.basis) == ("2019-03-30", "metadata")
    alone = article("Body", later_url, {"crawl_date": "2019-05-01"})
    assert resolve_published(alone).value is None
