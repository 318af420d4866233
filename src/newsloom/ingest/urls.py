"""The outlet of an article, from its URL.

An outlet is the host a reader would name: lower-cased, without the port, and without the
prefixes sites put in front of their main name for a mobile, AMP, language or staging copy
(`www.`, `m.`, `amp.`, `en.`, ...). Other sub-domains are kept because they are often a
different publication on a shared platform (`sg.news.yahoo.com`, `someone.blogspot.com`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Leading host labels that name a copy of the same site, not a different outlet.
_COPY_PREFIX = re.compile(
    r"^(?:www\d*|m|mobile|amp|en|in|blog|stageorigin|digital-stage)\.", re.IGNORECASE
)
_HOST_OK = re.compile(r"^[\w.-]+$")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of `url`, or None when the URL has no usable host."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise TypeError(f"url must be a str or None, got {type(url).__name__}")
    url = url.strip()
    if not url:
        return None
    if "//" not in url.split("?", 1)[0]:
        # A bare host or host/path ("bbc.co.uk/news"): urlsplit needs the // to see a host.
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    if _is_ip(host):
        return host
    if "." not in host or not _HOST_OK.match(host):
        return None
    while True:
        shorter = _COPY_PREFIX.sub("", host, count=1)
        # Keep at least a name and a suffix: "m.com" or "blog.com" are outlets themselves.
        if shorter == host or "." not in shorter:
            return host
        host = shorter


def _is_ip(host: str) -> bool:
    parts = host.split(".")
    return (len(parts) == 4 and all(p.isdigit() for p in parts)) or ":" in host
