"""The date the input itself declares (a JSONL `published` field, `--published`): trusted most."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsloom.pubdate.candidate import Candidate
from newsloom.pubdate.parse import month_date, parse_machine_date

_YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def normalise_declared(value: Any) -> str | None:
    """A declared date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None when it states no date."""
    if value is None:
        return None
    text = str(value).strip()
    m = _YEAR_MONTH.match(text)
    if m:
        return month_date(int(m[1]), int(m[2]))
    m = _YEAR.match(text)
    if m and month_date(int(m[1]), 1):
        return m[1]
    return parse_machine_date(text)


def unusable_declared(declared: Mapping[str, Any]) -> str | None:
    """`declared["published"]` when it is given but is not a date ("9999-99-99"), else None."""
    raw = declared.get("published")
    if raw in (None, "") or normalise_declared(raw) is not None:
        return None
    return f"{raw!s:.40}"


def declared_date(declared: Mapping[str, Any]) -> Candidate | None:
    """`declared["published"]` when it is a date; an unusable value is not trusted (the
    publication date's evidence records it: `unusable_declared`)."""
    raw = declared.get("published")
    if raw in (None, ""):
        return None
    value = normalise_declared(raw)
    if value is None:
        return None
    return Candidate(value, "declared", 1.0, f"declared by the input: {raw!s:.40}")


#: `declared` keys that state when a page was fetched (a WARC-Date, a feed's crawl time).
CRAWL_KEYS = ("crawl_date", "crawled", "fetched", "warc_date")


def crawl_date(declared: Mapping[str, Any]) -> str | None:
    """The day the page was fetched, if the input says so: nothing is published after it."""
    for key in CRAWL_KEYS:
        value = parse_machine_date(declared.get(key))
        if value:
            return value
    return None
