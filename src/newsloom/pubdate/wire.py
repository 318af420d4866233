"""Wire-style datelines at the start of a paragraph: "PALMDALE, Calif., August 7, 2012 —",
"Washington, 13 Mar 2020 (AFP) —", and their year-less form "LONDON, March 29 (Reuters) -",
"Baku. 29 March. REPORT.AZ/".

Agencies and press releases open the story with the place and the day it was filed. With a
year, the day is a publication stamp (`find_place_dateline`). Without one it names the day but
not the year (`find_wire_day`), and `day_before` dates it only against a later day that the input
gives (the scraper's prefix, a crawl date, a modification stamp): the dateline's day falling a
few days before that bound is the day the article was filed. A scraper's prefix or a crawl date
that disagrees with the article's own dateline is the day the page was fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsloom.pubdate.dateline import HEAD_LINES, Dateline, lines_with_offsets
from newsloom.pubdate.parse import ANY_WEEKDAY_RE, MONTH_RE, find_full_dates, month_number

DATELINE = "dateline"
#: a year-less dateline names a day at most this many days before the bound it is dated by
#: (fetching, prefixing or modifying a page comes soon after filing it; further apart, the
#: year is not known)
MAX_DAYS_BEFORE_BOUND = 7

#: a place: capitalised words, then up to two qualifiers ("N.Y.", "Kenya", "Philippines")
_WORD = r"[A-Z][\w.'’-]*"
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,3}}(?:,\s*{_WORD}(?:\s+{_WORD})?){{0,2}}"
_PLACE_BEFORE = re.compile(rf"^\W*{_PLACE}\s*[,.]\s*$")
_WEEKDAY = re.compile(ANY_WEEKDAY_RE, re.IGNORECASE)
#: what follows the date: an agency in brackets or "AGENCY/", then the separator
_AGENCY = r"(?:\(\s*[A-Za-z][\w .&-]{0,30}\)|[A-Z][A-Z.]{1,20}/)"
_DAY = (
    rf"(?:((?i:{MONTH_RE}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+((?i:{MONTH_RE})))"
)
#: year-less: a place or an agency must frame the day, and a separator must follow
_OPENER_END = rf"\.?\s*(?:{_AGENCY}\s*(?:[:–—-]|--)?|(?:[:–—-]|--|/))"
_WIRE_DAY = re.compile(
    rf"^\W*(?:{_PLACE}\s*[,.]\s+{_DAY}{_OPENER_END}|{_DAY}\.?\s*{_AGENCY})(?!\s*,?\s*\d{{4}})"
)


@dataclass(frozen=True, slots=True)
class WireDay:
    """The day and month of a year-less dateline, and the line it opens."""

    month: int
    day: int
    line: str


def _head(text: str) -> list[tuple[int, str]]:
    lines = [(offset, line) for offset, line in lines_with_offsets(text) if line.strip()]
    return lines[:HEAD_LINES]


def find_place_dateline(text: str) -> Dateline | None:
    """The first paragraph in the head that opens with a place and a full date."""
    for offset, line in _head(text):
        spans = find_full_dates(line)
        if not spans:
            continue
        start, end, value = spans[0]
        place = line[:start]
        opens = _PLACE_BEFORE.match(place) and not _WEEKDAY.search(place)
        if opens and re.match(_OPENER_END, line[end:]):
            return Dateline(value, offset + start, offset + end, DATELINE, line.strip())
    return None


def find_wire_day(text: str) -> WireDay | None:
    """The first paragraph in the head that opens with a place or agency and a year-less day."""
    for _, line in _head(text):
        m = _WIRE_DAY.match(line)
        if m is None:
            continue
        groups = [g for g in m.groups() if g is not None]
        month_name, day = (
            (groups[0], groups[1]) if not groups[0].isdigit() else (groups[1], groups[0])
        )
        month = month_number(month_name, english_only=True)
        if month is not None and 1 <= int(day) <= 31:
            return WireDay(month, int(day), line.strip())
    return None


def day_before(wire: WireDay, bound: str) -> str | None:
    """The dateline's day in the year that puts it on or shortly before `bound` (`YYYY-MM-DD`),
    or None when it lies further back (the year is then not known)."""
    if len(bound) != 10:
        return None
    last = date.fromisoformat(bound)
    for year in (last.year, last.year - 1):
        try:
            day = date(year, wire.month, wire.day)
        except ValueError:
            continue
        if day <= last:
            return day.isoformat() if last - day <= timedelta(MAX_DAYS_BEFORE_BOUND) else None
    return None
