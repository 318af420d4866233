"""A rough publication date inferred from the dates a text mentions, when nothing states one.

An article is written after the events it reports, so the dates it mentions bound its date from
below. The inference is deliberately coarse and low in confidence:

* the latest full date mentioned gives its month (`YYYY-MM`): the article is from then or later;
* without full dates, the latest year mentioned gives the year, one later when the text speaks
  of that time as "last year" ("Trump's 2016 campaign foe", "last year's election" -> 2017);
  a year-less day and month ("4 April") then gives the month, one later when the text says
  "last month" about it;
* a text that prints days and months but no year at all ("On Dec. 14") has no knowable year:
  the value stays None and the evidence says so. The wall clock is never used to fill it in.
"""

from __future__ import annotations

import re

from newsloom.pubdate.candidate import Candidate
from newsloom.pubdate.dateline import find_partial_dates, is_media_line
from newsloom.pubdate.parse import EARLIEST_YEAR, LATEST_YEAR, find_full_dates

FULL_DATE_CONFIDENCE = 0.3
YEAR_CONFIDENCE = 0.2

#: a year used as a year: not part of a longer number, an amount, a range of counts or an id
_YEAR = re.compile(r"(?<![\d$£€.,/-])(1[9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)")
_LAST_YEAR = re.compile(r"\blast\s+year(?:'s|’s)?\b", re.IGNORECASE)
_LAST_MONTH = re.compile(r"\blast\s+month(?:'s|’s)?\b", re.IGNORECASE)
#: years announced as targets or deadlines say nothing about when the text was written
_FUTURE_CUE = re.compile(
    r"\b(?:by|until|till|before|through|after|beyond|ahead\s+of|in\s+the\s+year|scheduled|"
    r"planned|due\s+in|expected\s+in|target)\s+$",
    re.IGNORECASE,
)


def mentioned_years(text: str) -> list[int]:
    years = []
    for m in _YEAR.finditer(text):
        year = int(m[1])
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            continue
        if _FUTURE_CUE.search(text[max(0, m.start() - 24) : m.start()]):
            continue
        years.append(year)
    return years


def infer_date(text: str) -> Candidate:
    """The coarse date the text's own mentions allow; `value` is None when no year is known.

    Captions, tweet signatures and embedded-video credits are left out: their dates belong to
    the photo, the tweet or the video.
    """
    text = "\n".join(line for line in text.split("\n") if not is_media_line(line))
    full = find_full_dates(text)
    if full:
        latest = max(value for _, _, value in full)
        return Candidate(
            latest[:7],
            "inferred",
            FULL_DATE_CONFIDENCE,
            f"no printed publication date; the latest full date mentioned is {latest}",
        )
    partial = find_partial_dates(text)
    years = mentioned_years(text)
    if not years:
        if partial:
            latest_partial = max(partial, key=lambda p: (p.month, p.day))
            note = f"the text names {latest_partial.text.strip()} without a year"
            return Candidate(None, "none", 0.0, f"no printed date; year unknown ({note})")
        return Candidate(None, "none", 0.0, "no printed date and no date mentioned in the text")
    year = max(years)
    evidence = [f"latest year mentioned {year}"]
    if _LAST_YEAR.search(text):
        year += 1
        evidence.append("spoken of as 'last year'")
    if not partial:
        return Candidate(
            str(year), "inferred", YEAR_CONFIDENCE, "no printed date; " + ", ".join(evidence)
        )
    latest_partial = max(partial, key=lambda p: (p.month, p.day))
    month = latest_partial.month
    evidence.append(f"latest day mentioned {latest_partial.text.strip()}")
    if _LAST_MONTH.search(text):
        month += 1
        evidence.append("and 'last month'")
        if month > 12:
            year, month = year + 1, 1
    return Candidate(
        f"{year:04d}-{month:02d}",
        "inferred",
        YEAR_CONFIDENCE,
        "no printed date; " + ", ".join(evidence),
    )
