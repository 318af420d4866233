"""The scraper's metadata prefix: a text that starts with `` date YYYY-MM-DD``.

Some crawlers write the date they believe a page has in front of the text, on the first line,
before the headline or whatever page furniture came first. It is not part of the page: the
cleaning stage removes it, and the publication-date stage reads its date as the weakest of its
evidence (after the page and the URL).
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_metadata_prefix", "prefix_span"]

# A leading space or two, the word "date", an ISO date, then the end of the word.
_PREFIX = re.compile(r"\A[ \t]{0,3}date[ \t]+(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_TRAILING_SPACE = re.compile(r"[ \t]*")


def parse_metadata_prefix(text: str) -> tuple[str | None, int]:
    """The prefix's date (ISO) and its length in characters, or ``(None, 0)``.

    The length covers `` date YYYY-MM-DD`` itself, not the spaces after it. A prefix whose
    date is not a calendar date is not a prefix.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_metadata_prefix() takes a str, got {type(text).__name__}")
    m = _PREFIX.match(text)
    if m is None:
        return None, 0
    year, month, day = (int(g) for g in m.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        return None, 0
    return value.isoformat(), m.end()


def prefix_span(text: str) -> int:
    """How many leading characters to delete for the prefix: the prefix and the spaces after it."""
    _, length = parse_metadata_prefix(text)
    if not length:
        return 0
    m = _TRAILING_SPACE.match(text, length)
    return m.end() if m else length
