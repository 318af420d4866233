"""Relative publication stamps ("3 hours ago", "Posted 2 days ago by Staff") dated against the
time the input says the page was fetched.

Sites print the age of a story instead of its date (phys.org, techcrunch.com, engadget.com,
kxan.com, ktla.com, beautylish.com in ../shared). The age is only a date when the moment it was
measured from is known: the crawl time the input declares (`declared["crawl_date"]`, a
WARC-Date). Never the wall clock. Without a crawl time, or with only its day and an age in
hours or minutes (which may cross midnight), the stamp says nothing. dateparser turns the phrase
into a moment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from newsloom.deadline import untimed
from newsloom.pubdate.dateline import HEAD_LINES
from newsloom.pubdate.declared import CRAWL_KEYS

#: a line that is nothing but an age, with an optional label before and a byline after
_AGE_LINE = re.compile(
    r"^\W*(?:(?:first\s+)?(?:posted|published)\s*:?\s*)?"
    r"((?:\d{1,2}|an?|one)\s+(minute|min|hour|hr|day|week)s?\s+ago)\b"
    r"(?:\s+(?:by|\|)\b.{0,60})?\W*$",
    re.IGNORECASE,
)
_HOURS = frozenset({"minute", "min", "hour", "hr"})


@untimed
def _parse(phrase: str, base: datetime) -> datetime | None:
    import dateparser

    return dateparser.parse(phrase, languages=["en"], settings={"RELATIVE_BASE": base})


def crawl_moment(declared: Mapping[str, Any]) -> tuple[datetime, bool] | None:
    """The declared crawl time in UTC (naive), and whether it holds a clock time."""
    for key in CRAWL_KEYS:
        raw = declared.get(key)
        if not isinstance(raw, str) or len(raw) < 10:
            continue
        try:
            moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment, len(raw.strip()) > 10
    return None


def relative_stamp(text: str, declared: Mapping[str, Any]) -> tuple[str, str] | None:
    """(`YYYY-MM-DD`, the stamp line) for the first age stamp in the head, dated from the crawl
    time; None without one or when the day cannot be known."""
    crawled = crawl_moment(declared)
    if crawled is None:
        return None
    moment, has_clock = crawled
    lines = [line for line in text.split("\n") if line.strip()][:HEAD_LINES]
    for line in lines:
        m = _AGE_LINE.match(line.strip())
        if m is None:
            continue
        if m[2].lower() in _HOURS and not has_clock:
            return None
        parsed = _parse(m[1], moment)
        return (parsed.date().isoformat(), line.strip()) if parsed is not None else None
    return None
