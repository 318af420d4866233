"""Publication dates written into URL paths.

News CMSs put the date in the path in a handful of shapes: `/2017/04/18/slug`, `/2018/jul/16/`,
`/2017-03-29/`, `slug-20180717-story`, `/20170601/`, a `271017` (DDMMYY) path segment, an
article id that starts with the day (`story-170503`, `1170503`: YYMMDD), or only the month
(`/2017/10/slug`, which gives `2017-10`). Only the path is read: query strings carry ids and
session values, and numbers inside longer digit runs (ids, archive timestamps such as
web.archive.org's `20160218174457`) are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from newsloom.pubdate.parse import MONTH_RE, iso, month_date, month_number


@dataclass(frozen=True, slots=True)
class UrlDate:
    """A date found in a URL: `value` is `YYYY-MM-DD`, or `YYYY-MM` when only the month is there."""

    value: str
    matched: str
    #: which shape matched: "ymd", "y-mon-d", "compact", "ddmmyy", "id" or "ym"
    shape: str = "ymd"

    @property
    def granularity(self) -> str:
        return "day" if len(self.value) == 10 else "month"


#: /2017/04/18/ , /2017-04-18-slug , _2017_04_18. After a slashed day comes a segment end: in
#: /2023/10/3-fragen-an the "3" starts the slug, and the URL only gives the month.
_YMD = re.compile(
    r"(?<!\d)(\d{4})(?:/(\d{1,2})/(\d{1,2})(?=[/._]|$)|([_-])(\d{1,2})\4(\d{1,2})(?!\d))"
)
#: /2018/jul/16/
_Y_MON_D = re.compile(rf"/(\d{{4}})/({MONTH_RE})/(\d{{1,2}})(?=/|$|[-_.])", re.IGNORECASE)
#: 20180717 bounded by non-digits, inside a slug or as a segment
_COMPACT = re.compile(r"(?<![\d])(\d{4})(\d{2})(\d{2})(?![\d])")
#: /271017/ : a whole segment of six digits, day-month-year
_DDMMYY = re.compile(r"/(\d{2})(\d{2})(\d{2})(?=/)")
#: an article id that starts with the day it was filed: `story-170503.html`, `/a/1170503/`
#: (a one-digit prefix before YYMMDD). A bare six-digit segment is DDMMYY above; here the six
#: digits are glued to a slug, or seven digits start with 1. Years 2000-2039 only.
_ID_YYMMDD = re.compile(
    r"(?:(?<=[-_])|(?<=[a-z]))([0-3]\d)(\d{2})(\d{2})(?=[-_.]|$)"
    r"|(?<![\d])1([0-3]\d)(\d{2})(\d{2})(?![\d])"
)
#: /2017/10/ : year and month segments
_YM = re.compile(r"/(\d{4})/(\d{1,2})(?=/|$)")


def date_from_url(url: str | None) -> UrlDate | None:
    """The publication date a URL's path states, or None (see the module doc for the shapes)."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    if not path:
        return None
    for m in _YMD.finditer(path):
        month, day = (m[2], m[3]) if m[2] else (m[5], m[6])
        value = iso(int(m[1]), int(month), int(day))
        if value:
            return UrlDate(value, m[0], "ymd")
    for m in _Y_MON_D.finditer(path):
        number = month_number(m[2])
        value = iso(int(m[1]), number, int(m[3])) if number else None
        if value:
            return UrlDate(value, m[0], "y-mon-d")
    for m in _COMPACT.finditer(path):
        value = iso(int(m[1]), int(m[2]), int(m[3]))
        if value:
            return UrlDate(value, m[0], "compact")
    for m in _DDMMYY.finditer(path):
        value = iso(2000 + int(m[3]), int(m[2]), int(m[1]))
        if value:
            return UrlDate(value, m[0], "ddmmyy")
    for m in _ID_YYMMDD.finditer(path):
        yy, mm, dd = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        value = iso(2000 + int(yy), int(mm), int(dd))
        if value:
            return UrlDate(value, m[0], "id")
    for m in _YM.finditer(path):
        value = month_date(int(m[1]), int(m[2]))
        if value:
            return UrlDate(value, m[0], "ym")
    return None
