"""Date candidates a page states about itself: meta tags, JSON-LD, microdata and <time> elements.

Each candidate keeps where it came from and what kind of date the page says it is, because the
kinds must not be mixed up: a publication date (`article:published_time`, JSON-LD
`datePublished`, `<time pubdate>`) is evidence, a modification stamp (`dateModified`,
`og:updated_time`, "lastmod") is not, and the dates of embedded media (a VideoObject's
`uploadDate`) or of things the article mentions (an Event, a Comment) are theirs, not the
article's (kind `media`). The `pubdate` stage weighs them.

The lookups only read the parsed tree; they never modify it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from newsloom.pubdate.parse import parse_machine_date

#: Kinds of candidate, from what the page says the date is.
PUBLISHED, MODIFIED, GENERIC, MEDIA = "published", "modified", "generic", "media"
#: source of a <time> element with no machine-readable datetime and no publication marker
TIME_TEXT = "time (text)"

#: Enough to see the article's own stamps; listing pages have hundreds of <time> elements.
MAX_TIME_ELEMENTS = 12
MAX_JSON_LD_CHARS = 400_000

_MODIFIED_NAME = re.compile(r"modif|update|lastmod|last-mod|revis|utime|moddate|changed", re.I)
_PUBLISHED_NAME = re.compile(
    r"publi(?!sher)|pubdate|pub-date|pub_date|created|issued|post_?date|posted|release|firstpub|"
    r"articledate|article_date|displaydate|ptime|pdate",
    re.I,
)
#: names that are a date without saying which one
_GENERIC_NAMES = frozenset(
    {"date", "dc.date", "dc:date", "dcterms.date", "sailthru.date", "citation_date",
     "timestamp", "doc_date", "meta_date", "article.date", "og:date", "gentime"}
)  # fmt: skip
#: JSON-LD objects whose dates are their own: embedded media, and things an article mentions
_EMBEDDED_TYPES = frozenset(
    {"videoobject", "imageobject", "audioobject", "mediaobject", "clip", "podcastepisode",
     "musicrecording", "photograph", "event", "product", "offer", "review", "comment"}
)  # fmt: skip
_JSON_KEYS = {
    "datePublished": PUBLISHED,
    "dateCreated": PUBLISHED,
    "dateModified": MODIFIED,
    "uploadDate": MEDIA,
}
_JSON_DATE = re.compile(
    r'"(datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*"([^"]{6,40})"'
)
_CLASS_PUBLISHED = re.compile(
    r"publi(?!sher)|pubdate|posted|created|entry-date|article-date|byline", re.I
)
_CLASS_MODIFIED = re.compile(r"modif|update|actuali|aktualis", re.I)


def classify_meta_name(name: str) -> str | None:
    """What a meta tag's name/property/itemprop says its date is, or None if it is no date."""
    key = name.strip().lower()
    if not key or key in {"og:url", "og:image", "og:title", "og:description"}:
        return None
    if key in _GENERIC_NAMES:
        return GENERIC
    if _MODIFIED_NAME.search(key):
        return MODIFIED
    if _PUBLISHED_NAME.search(key):
        return PUBLISHED
    return None


def date_candidates(tree: HtmlElement) -> list[dict[str, str]]:
    """All date statements of the page, in document order within each kind of source.

    Each candidate is `{"value": "YYYY-MM-DD", "kind", "source", "raw"}`; `source` names the
    tag and attribute (`meta property=article:published_time`, `json-ld NewsArticle
    datePublished`, `time[pubdate]`, ...) and `raw` is the stamp as written (cut to 40 chars).
    """
    found: list[dict[str, str]] = []
    found += _meta_candidates(tree)
    found += _json_ld_candidates(tree)
    found += _microdata_candidates(tree)
    found += _time_candidates(tree)
    return found


def _candidate(value: str | None, kind: str, source: str) -> dict[str, str] | None:
    day = parse_machine_date(value)
    if day is None or value is None:
        return None
    return {"value": day, "kind": kind, "source": source, "raw": value.strip()[:40]}


def _meta_candidates(tree: HtmlElement) -> Iterator[dict[str, str]]:
    for elem in tree.iter("meta"):
        attrib = elem.attrib
        content = attrib.get("content") or attrib.get("datetime")
        if not content or not any(ch.isdigit() for ch in content):
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            name = attrib.get(attr)
            if not name:
                continue
            kind = classify_meta_name(name)
            if attr == "http-equiv" and kind is None and name.lower() == "date":
                kind = GENERIC
            if kind is not None:
                cand = _candidate(content, kind, f"meta {attr}={name}")
                if cand:
                    yield cand
            break


def _json_ld_candidates(tree: HtmlElement) -> Iterator[dict[str, str]]:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        text = (script.text or "").strip()
        if not text or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            # Broken JSON is common (trailing commas, raw newlines): fall back to the keys.
            for m in _JSON_DATE.finditer(text):
                cand = _candidate(m[2], _JSON_KEYS[m[1]], f"json-ld ? {m[1]}")
                if cand:
                    yield cand
            continue
        yield from _walk_json(data, "", depth=0)


def _json_type(obj: dict[str, Any]) -> str:
    kind = obj.get("@type", "")
    if isinstance(kind, list):
        kind = next((k for k in kind if isinstance(k, str)), "")
    return kind if isinstance(kind, str) else ""


def _walk_json(data: Any, parent_type: str, depth: int) -> Iterator[dict[str, str]]:
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _walk_json(item, parent_type, depth + 1)
        return
    if not isinstance(data, dict):
        return
    own_type = _json_type(data) or parent_type
    is_media = own_type.lower() in _EMBEDDED_TYPES
    for key, kind in _JSON_KEYS.items():
        value = data.get(key)
        if isinstance(value, str):
            source = f"json-ld {own_type or '?'} {key}"
            cand = _candidate(value, MEDIA if is_media else kind, source)
            if cand:
                yield cand
    for key, value in data.items():
        if isinstance(value, (dict, list)) and key not in {"publisher", "author", "creator"}:
            yield from _walk_json(value, own_type if key == "@graph" else "", depth + 1)


#: Elements other than <meta> whose itemprop names a date, in document order: found from the
#: attributes (a third of the time of testing every element of the page for them)
_MICRODATA_DATES = etree.XPath(
    "//@itemprop[.='datePublished' or .='dateCreated' or .='dateModified']"
    "/parent::*[not(self::meta)]"
)


def _microdata_candidates(tree: HtmlElement) -> Iterator[dict[str, str]]:
    for elem in _MICRODATA_DATES(tree)[:MAX_TIME_ELEMENTS]:
        prop = elem.get("itemprop")
        kind = MODIFIED if prop == "dateModified" else PUBLISHED
        value = elem.get("datetime") or elem.get("content") or elem.text_content()
        cand = _candidate(value, kind, f"{elem.tag}[itemprop={prop}]")
        if cand:
            yield cand


def _time_candidates(tree: HtmlElement) -> Iterator[dict[str, str]]:
    for n, elem in enumerate(tree.iter("time")):
        if n >= MAX_TIME_ELEMENTS:
            break
        if elem.get("itemprop"):
            continue  # already read as microdata
        value = elem.get("datetime") or elem.text_content()
        parent = elem.getparent()
        cls = f"{elem.get('class', '')} {parent.get('class', '') if parent is not None else ''}"
        if "pubdate" in elem.attrib:
            kind, label = PUBLISHED, "time[pubdate]"
        elif _CLASS_PUBLISHED.search(cls):
            kind, label = PUBLISHED, "time.published"
        elif _CLASS_MODIFIED.search(cls):
            kind, label = MODIFIED, "time.updated"
        else:
            # a bare <time> that only prints a date may be the site's "today" widget
            kind, label = GENERIC, "time[datetime]" if elem.get("datetime") else TIME_TEXT
        cand = _candidate(value, kind, label)
        if cand:
            yield cand
    for elem in tree.xpath("//abbr[@title][contains(@class, 'published')]")[:2]:
        cand = _candidate(elem.get("title"), PUBLISHED, "abbr.published")
        if cand:
            yield cand
