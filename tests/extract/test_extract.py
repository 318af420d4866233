"""The `extract` stage on plain text and on HTML."""

from __future__ import annotations

from types import MappingProxyType

from newsloom.article import Article
from newsloom.extract import extract
from newsloom.pipeline import Context


def text_article(raw: str, fmt: str = "text", declared: dict[str, str] | None = None) -> Article:
    return Article(
        id="a", source="a", format=fmt, content_hash="", raw=raw,  # type: ignore[arg-type]
        declared=MappingProxyType(declared or {}),
    )  # fmt: skip


def test_plain_text_passes_through() -> None:
    result = extract(text_article("Headline\n\nBody."), Context())
    assert result.source_text == "Headline\n\nBody."
    assert dict(result.page_meta) == {}


def test_scraper_prefix_is_recorded_and_kept() -> None:
    raw = " date 2019-04-01 Headline\n\nBody."
    result = extract(text_article(raw), Context())
    assert result.source_text == raw
    assert dict(result.page_meta) == {"date": "2019-04-01", "date_source": "scraper_prefix"}


def test_html_page() -> None:
    body = "<p>" + "The council voted to close the bridge after a long debate. " * 8 + "</p>"
    html = (
        "<html><head><title>Bridge closes</title>"
        '<meta name="date" content="2019-04-01"></head>'
        f"<body><article>{body}</article></body></html>"
    )
    result = extract(text_article(html, "html"), Context())
    assert "close the bridge" in result.source_text
    assert result.page_meta["htmldate"] == "2019-04-01"
    assert result.title == "Bridge closes"


def test_declared_crawl_date_bounds_htmldate() -> None:
    body = "<p>" + "The council voted to close the bridge after a long debate. " * 8 + "</p>"
    html = (
        '<html><head><meta name="date" content="2031-04-01"></head>'
        f"<body><article>{body}</article></body></html>"
    )
    free = extract(text_article(html, "html"), Context())
    bounded = extract(text_article(html, "html", {"crawled": "2020-01-01"}), Context())
    assert free.page_meta.get("htmldate") == "2031-04-01"
    assert bounded.page_meta.get("htmldate") != "2031-04-01"
