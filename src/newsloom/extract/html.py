"""Body text and metadata of one HTML page, with trafilatura."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import trafilatura

from newsloom.errors import Reason, reject


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def extract_html(html: str, *, url: str | None = None, source: str = "<html>") -> Page:
    """Extract the main text and metadata; reject the page when it holds no text at all."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if doc is None or not (doc.text or "").strip():
        raise reject(Reason.NO_CONTENT, "the HTML holds no extractable text")
    meta = {"date": doc.date, "hostname": doc.hostname, "description": doc.description}
    return Page(
        text=doc.text,
        title=doc.title,
        author=doc.author,
        sitename=doc.sitename,
        url=doc.url or url,
        meta=MappingProxyType({k: v for k, v in meta.items() if v}),
    )
