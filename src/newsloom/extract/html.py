"""Body text and metadata of one HTML page, with trafilatura.

The page is parsed once. Our own date lookups read that tree first (they never modify it);
trafilatura then works on its own copy of the same tree (`bare_extraction` copies a tree it is
handed), so there is no second parse. trafilatura's metadata step runs htmldate on the tree: its
answer is kept in `page_meta["htmldate"]` as one more candidate, and htmldate is not run again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from newsloom.clean.linehtml import Block, flatten_blocks
from newsloom.clean.lineverdicts import page_peers
from newsloom.errors import Reason, reject
from newsloom.extract.metadata import date_candidates
from newsloom.pubdate.parse import LATEST_YEAR
from newsloom.settings import DEFAULT_SETTINGS, over_limit


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: the whole page flattened into lines, each with its markup and trafilatura's verdict on
    #: it, when asked for (`extract_html(..., lines=True)`): what the markup line model judges
    lines: tuple[Block, ...] | None = None


def htmldate_params(latest: str | None = None) -> dict[str, Any]:
    """Settings for the htmldate call inside trafilatura: publication (not update) date, and an
    upper bound that is never today's date (trafilatura's default reads the wall clock)."""
    return {
        "original_date": True,
        "extensive_search": True,
        "max_date": latest or f"{LATEST_YEAR}-12-31",
    }


def extract_html(
    html: str,
    *,
    url: str | None = None,
    latest: str | None = None,
    max_elements: int = DEFAULT_SETTINGS.max_html_elements,
    lines: bool = False,
) -> Page:
    """Extract the main text and metadata; reject the page when it holds no text at all.

    `latest` (`YYYY-MM-DD`) bounds the dates htmldate may return, for instance the crawl date
    a WARC record declares. A page of more than `max_elements` elements is refused before
    trafilatura sees it: its time grows with the square of the element count, inside native
    calls that no timer interrupts. With `lines`, the page is also flattened into lines (the
    same tree, read before trafilatura works on its copy), each told whether trafilatura kept
    it (`clean.lineverdicts`).
    """
    if not isinstance(html, str):
        raise TypeError(f"extract_html takes the page as str, got {type(html).__name__}")
    try:
        tree, fragment = _parse(html)
    except ValueError as exc:
        raise reject(Reason.NO_CONTENT, f"the HTML cannot be parsed ({exc})") from exc
    if tree is None:
        raise reject(Reason.NO_CONTENT, "the HTML cannot be parsed")
    elements = _count_elements(tree, max_elements)
    if elements > max_elements:
        found = f"the HTML has more than {max_elements:,} elements"
        raise reject(Reason.TOO_LARGE, over_limit(found, "max_html_elements", max_elements))
    dates = date_candidates(tree)
    blocks = None
    if lines:
        # a fragment's lines as the fragment alone reads (no shell around its top element):
        # the markup model learned pages so, and the shell's body in every line's tag path and
        # numbering changed its verdicts
        blocks = flatten_blocks(html if fragment else tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params=htmldate_params(latest),
    )
    if doc is None or not (doc.text or "").strip():
        raise reject(Reason.NO_CONTENT, "the HTML holds no extractable text")
    meta: dict[str, Any] = {
        "dates": tuple(dates),
        "htmldate": doc.date,
        "hostname": doc.hostname,
        "description": doc.description,
        "page_url": doc.url if doc.url and doc.url != url else None,
    }
    first = _first_published(dates)
    if first is not None:
        meta["date"], meta["date_source"] = first["value"], first["source"]
    elif doc.date:
        meta["date"], meta["date_source"] = doc.date, "htmldate"
    return Page(
        text=doc.text,
        title=doc.title,
        author=doc.author,
        sitename=doc.sitename,
        url=doc.url or url,
        meta=MappingProxyType({k: v for k, v in meta.items() if v}),
        lines=None if blocks is None else page_peers(blocks, doc.text),
    )


def _parse(html: str) -> tuple[Any, bool]:
    """The page's tree (or None), and whether the page is a fragment parsed in a shell.
    trafilatura's loader refuses a document that does not say "html" in its first characters
    and parses into fewer than two top elements: an HTML fragment (an article's one container,
    a CMS or archive export of a body) that lxml reads well. Such a fragment is parsed again
    inside a page's shell, so that it is read as the same elements would be inside any page
    rather than rejected as unparsable."""
    tree = load_html(html)
    if tree is None and "<" in html:
        return load_html(f"<html><body>{html}</body></html>"), True
    return tree, False


def _count_elements(tree: Any, stop_after: int) -> int:
    """Elements in `tree`, counting no further than one past `stop_after`."""
    count = 0
    for _ in tree.iter():
        count += 1
        if count > stop_after:
            break
    return count


def _first_published(dates: list[dict[str, str]]) -> dict[str, str] | None:
    return next((d for d in dates if d["kind"] == "published"), None)
