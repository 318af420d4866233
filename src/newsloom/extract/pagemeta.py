"""A page's title, author, URL, site name, description and date, by trafilatura's own steps.

`trafilatura.bare_extraction(..., with_metadata=True)` also collects the page's categories, tags
and licence, fields no newsloom stage reads: their XPaths walk every link of the page, about a
third of the metadata time on the htmldate_eval pages (3 of 10 ms a page). `page_metadata`
takes the other steps, trafilatura's functions in trafilatura's order, so that every field
newsloom reads is the one `bare_extraction` gives (tests/extract/test_pagemeta.py holds the two
side by side). The steps only read the tree: htmldate and the author lookup work on copies.
"""

from __future__ import annotations

import contextlib
from typing import Any

from courlan import extract_domain
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

__all__ = ["page_metadata"]


def page_metadata(tree: HtmlElement, url: str | None, date_params: dict[str, Any]) -> Document:
    """Title, author, URL, host name, site name, description and date of the page in `tree`
    (trafilatura's `Document`, its categories, tags and licence left empty). `url` is the
    page's known address, `date_params` the settings of the htmldate call."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # one word is a handle, not a name
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader so
        meta = extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.author:
        meta.author = extract_author(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    meta.date = find_date(tree, **{**date_params, "url": meta.url})
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    if meta.sitename:
        name = meta.sitename.lstrip("@")  # a Twitter handle
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        meta.sitename = name
    elif meta.url:
        found = META_URL.match(meta.url)
        if found:
            meta.sitename = found[1]
    meta.filedate = date_params.get("max_date")
    meta.clean_and_trim()
    return meta
