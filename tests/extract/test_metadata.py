"""Date statements of an HTML page: meta tags, JSON-LD, microdata and <time>."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, document_fromstring

from newsloom.extract.metadata import classify_meta_name, date_candidates


def tree(head: str = "", body: str = "<p>Text.</p>") -> HtmlElement:
    return document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def found(head: str = "", body: str = "<p>Text.</p>") -> list[tuple[str, str, str]]:
    return [(c["value"], c["kind"], c["source"]) for c in date_candidates(tree(head, body))]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("article:published_time", "published"),
        ("og:article:published_time", "published"),
        ("datePublished", "published"),
        ("DC.date.issued", "published"),
        ("parsely-pub-date", "published"),
        ("article:modified_time", "modified"),
        ("og:updated_time", "modified"),
        ("lastmod", "modified"),
        ("dateModified", "modified"),
        ("date", "generic"),
        ("DC.date", "generic"),
        ("sailthru.date", "generic"),
        ("article:publisher", None),
        ("og:url", None),
        ("viewport", None),
    ],
)
def test_classify_meta_name(name: str, kind: str | None) -> None:
    assert classify_meta_name(name) == kind


def test_meta_tags() -> None:
    head = (
        '<meta property="article:published_time" content="2019-04-01T21:05:00+02:00">'
        '<meta property="article:modified_time" content="2019-04-03T08:00:00+02:00">'
        '<meta name="date" content="2019-04-01">'
        '<meta name="viewport" content="width=device-width">'
    )
    assert found(head) == [
        ("2019-04-01", "published", "meta property=article:published_time"),
        ("2019-04-03", "modified", "meta property=article:modified_time"),
        ("2019-04-01", "generic", "meta name=date"),
    ]


def test_json_ld_kinds_and_embedded_media() -> None:
    head = """<script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "NewsArticle", "datePublished": "2019-04-01T10:00:00Z",
       "dateModified": "2019-04-02T10:00:00Z",
       "publisher": {"@type": "Organization", "datePublished": "2001-01-01"},
       "video": {"@type": "VideoObject", "uploadDate": "2018-12-24",
                 "datePublished": "2018-12-24"}}
    ]}</script>"""
    assert found(head) == [
        ("2019-04-01", "published", "json-ld NewsArticle datePublished"),
        ("2019-04-02", "modified", "json-ld NewsArticle dateModified"),
        ("2018-12-24", "media", "json-ld VideoObject datePublished"),
        ("2018-12-24", "media", "json-ld VideoObject uploadDate"),
    ]


def test_broken_json_ld_still_gives_its_dates() -> None:
    head = '<script type="application/ld+json">{"datePublished": "2019-04-01",}</script>'
    assert found(head) == [("2019-04-01", "published", "json-ld ? datePublished")]


def test_microdata_and_time_elements() -> None:
    body = (
        '<span itemprop="datePublished" content="2019-04-01">1 April</span>'
        '<time datetime="2019-04-01T10:00" pubdate>1 April 2019</time>'
        '<time class="entry-updated" datetime="2019-04-05">5 April</time>'
        "<time>6 April 2019</time>"
        '<abbr class="published" title="2019-04-01T10:00:00Z">1 April</abbr>'
    )
    assert found(body=body) == [
        ("2019-04-01", "published", "span[itemprop=datePublished]"),
        ("2019-04-01", "published", "time[pubdate]"),
        ("2019-04-05", "modified", "time.updated"),
        ("2019-04-06", "generic", "time (text)"),
        ("2019-04-01", "published", "abbr.published"),
    ]


def test_raw_stamp_is_kept() -> None:
    head = '<meta property="article:published_time" content="2019-04-01T21:05:00+02:00">'
    [candidate] = date_candidates(tree(head))
    assert candidate["raw"] == "2019-04-01T21:05:00+02:00"


def test_lookups_do_not_change_the_tree() -> None:
    from lxml.html import tostring

    page = tree('<meta name="date" content="2019-04-01">', "<time>1 April 2019</time>")
    before = tostring(page)
    date_candidates(page)
    assert tostring(page) == before


def test_microdata_dates_in_page_order_and_meta_tags_read_once() -> None:
    body = (
        '<div itemprop="dateModified">2019-04-05</div>'
        '<meta itemprop="datePublished" content="2019-04-02">'
        '<p itemprop="name">2019-04-03</p>'
        '<span itemprop="dateCreated" content="2019-04-01">1 April</span>'
    )
    assert found(body=body) == [
        ("2019-04-02", "published", "meta itemprop=datePublished"),
        ("2019-04-05", "modified", "div[itemprop=dateModified]"),
        ("2019-04-01", "published", "span[itemprop=dateCreated]"),
    ]
