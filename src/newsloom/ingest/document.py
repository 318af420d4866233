"""Build a `Document` from decoded text and what the input declares about it.

Every reader ends here, so the rules live in one place: the id is the one the input gives (users
and evaluation join on it) or else derived from the content; the content hash makes a second
ingest of the same text detectable; run-wide overrides win over what a row or record says; the
outlet falls back to the URL's host.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from newsloom.article import Document, Format
from newsloom.errors import Reason, reject
from newsloom.hashing import content_hash, id_from_hash
from newsloom.ingest.decode import decode_bytes
from newsloom.ingest.files import looks_like_html
from newsloom.ingest.urls import outlet_from_url
from newsloom.settings import DEFAULT_SETTINGS, Settings, over_limit

#: JSONL fields that map onto Document fields; any other field goes to `declared`.
ROW_FIELDS = ("id", "url", "outlet", "title", "published", "text", "html")


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given for a whole run (``--published``, ``--outlet``, ``--url``); wins over rows."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


NO_OVERRIDES = Overrides()


def make_document(
    raw: str,
    source: str,
    fmt: Format,
    *,
    doc_id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
    declared: Mapping[str, Any] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """The one constructor every reader uses; raises a rejection for empty or oversized text."""
    raw = raw.removeprefix("\ufeff")
    _check_size(raw, settings)
    if not raw.strip():
        raise reject(Reason.EMPTY)
    info = dict(declared or {})
    if published is not None:
        info["published"] = published
    digest = content_hash(raw)
    return Document(
        id=doc_id or id_from_hash(digest),
        source=source,
        format=fmt,
        raw=raw,
        content_hash=digest,
        url=url,
        outlet=outlet or outlet_from_url(url),
        title=title,
        published=published,
        declared=info,
    )


def document_from_text(
    text: str,
    source: str,
    *,
    fmt: Literal["text", "html"] | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """A Document from a str; `fmt=None` sniffs HTML from the first characters."""
    if not isinstance(text, str):
        raise TypeError(f"document_from_text takes the text as str, got {type(text).__name__}")
    if fmt is None:
        fmt = "html" if looks_like_html(text[:4096]) else "text"
    elif fmt not in ("text", "html"):
        raise TypeError(f"fmt must be 'text', 'html' or None, got {fmt!r}")
    return make_document(
        text,
        source,
        fmt,
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        settings=settings,
    )


def document_from_bytes(
    data: bytes,
    source: str,
    fmt: Format | None,
    *,
    charset: str | None = None,
    url: str | None = None,
    declared: Mapping[str, Any] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Document:
    """Decode one document's bytes and build it, with the run's overrides applied."""
    if len(data) > settings.max_document_bytes:
        raise reject(Reason.TOO_LARGE, too_large_detail(len(data), settings))
    text = decode_bytes(data, charset=charset)
    if fmt is None:
        fmt = "html" if looks_like_html(text[:4096]) else "text"
    url = overrides.url or url
    return make_document(
        text,
        source,
        fmt,
        url=url,
        outlet=overrides.outlet,
        published=overrides.published,
        declared=declared,
        settings=settings,
    )


def document_from_row(
    row: Mapping[str, Any],
    source: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    overrides: Overrides = NO_OVERRIDES,
) -> Document:
    """A Document from one JSONL row (``{"id", "url", "outlet", "title", "published",
    "text" | "html"}``); other fields are kept in `declared`. When a row has both a non-empty
    `text` and `html`, `text` is used: the feed already extracted it."""
    if not isinstance(row, Mapping):
        raise TypeError(f"document_from_row takes a mapping, got {type(row).__name__}")
    if not isinstance(overrides, Overrides):
        raise TypeError(f"overrides must be an Overrides, got {type(overrides).__name__}")
    text, html = row.get("text"), row.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise reject(
                Reason.BAD_JSON, f"field {name!r} must be a string, not {_json_type(value)}"
            )
    if text is None and html is None:
        raise reject(Reason.NO_TEXT_FIELD)
    raw: str
    fmt: Format
    if html is not None and (text is None or not text.strip()):
        raw, fmt = html, "html"
    else:
        raw, fmt = text or "", "text"
    declared = {k: v for k, v in row.items() if k not in ROW_FIELDS}
    doc_id = _field(row, "id")
    if doc_id is not None and _CONTROL.search(doc_id):
        # an id is printed, typed back on the command line and stored as a key
        raise reject(Reason.BAD_JSON, f"field 'id' holds a control character: {doc_id!r}")
    url = overrides.url or _field(row, "url")
    return make_document(
        raw,
        source,
        fmt,
        doc_id=doc_id,
        url=url,
        outlet=overrides.outlet or _field(row, "outlet"),
        title=_field(row, "title"),
        published=overrides.published or _field(row, "published"),
        declared=declared,
        settings=settings,
    )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _field(row: Mapping[str, Any], name: str) -> str | None:
    """A metadata field as a non-empty str (numbers allowed: ids are often ints), else None."""
    value = row.get(name)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        raise reject(Reason.BAD_JSON, f"field {name!r} must be a string, not {_json_type(value)}")
    return value.strip() or None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean"}.get(type(value), "a number")


def _check_size(raw: str, settings: Settings) -> None:
    limit = settings.max_document_bytes
    # A character is 1 to 4 bytes in UTF-8: only encode when the answer is not already clear.
    if len(raw) > limit:
        raise reject(Reason.TOO_LARGE, too_large_detail(len(raw), settings, "at least "))
    if len(raw) * 4 > limit:
        size = len(raw.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise reject(Reason.TOO_LARGE, too_large_detail(size, settings))


def too_large_detail(size: int, settings: Settings, prefix: str = "") -> str:
    """The detail of a TOO_LARGE rejection: the size found and the limit it breaks."""
    return over_limit(f"{prefix}{size:,} bytes", "max_document_bytes", settings.max_document_bytes)
