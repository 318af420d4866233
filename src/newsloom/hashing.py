"""Seeded, stable hashing for ids and content hashes (never Python's salted `hash()`)."""

from __future__ import annotations

import hashlib
import unicodedata

_PERSON = b"newsloom-v1"


def stable_hash(data: str | bytes, *, size: int = 16) -> str:
    """Hex digest of `data` with a fixed personalisation, identical in every process."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=size, person=_PERSON).hexdigest()


def content_hash(raw: str) -> str:
    """Hash of a document's content, insensitive to line-ending style and outer whitespace.

    Two files that differ only in CRLF versus LF or trailing blank lines are the same document.
    """
    if "\r" in raw:  # a search in C: most texts have no carriage return to replace
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", raw).strip()
    return stable_hash(text)


def content_id(raw: str) -> str:
    """A short content-derived article id, used when the input gives none."""
    return id_from_hash(content_hash(raw))


def id_from_hash(digest: str) -> str:
    """The `content_id` of a text whose `content_hash` is `digest` (hashing it once serves
    both: normalising and hashing a page costs as much as reading it)."""
    return "n" + digest[:16]
