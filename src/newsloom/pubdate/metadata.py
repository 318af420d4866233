"""Dates the page's metadata states (HTML), and the scraper's metadata prefix (plain text).

For HTML, `extract` records every date statement of the page (`page_meta["dates"]`, each with
its kind and source) and htmldate's answer (`page_meta["htmldate"]`, computed inside
trafilatura's metadata step). htmldate is a strong generalist, so its answer is kept whenever
the page backs it with a publication, generic or media stamp or the URL. What newsloom adds:

* an answer backed only by a modification stamp is an update date, and is replaced by the
  page's own publication stamp;
* an answer backed by nothing (htmldate's free-text guess) gives way to an explicit
  publication stamp, a printed dateline or the URL; when it is January 1 it is a year
  (htmldate reads "© 2020" as 2020-01-01: five such guesses in htmldate_eval, at
  bettycrocker.com, dlg.org, ttblogs.com, aryanews.com and 96fm.ie, and none right), which
  only the inference from the text's own dates may use;
* a "Published: ..." line printed on the page beats an answer no publication stamp backs;
* a publication stamp written in UTC that the page also prints in its own time zone takes the
  local day, the day the reader sees (an article posted at 21:11 in Boston is dated the 8th,
  not the 9th as `02:11+00:00` would say).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from newsloom.pubdate.candidate import Candidate
from newsloom.pubdate.dateline import Dateline
from newsloom.pubdate.url import UrlDate

PUBLISHED, MODIFIED, GENERIC, MEDIA = "published", "modified", "generic", "media"
TIME_TEXT = "time (text)"  # as `extract.metadata` names a bare <time>

_STAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def prefix_date(page_meta: Mapping[str, Any]) -> Candidate | None:
    """The scraper's metadata prefix, recorded by `extract` for plain text."""
    if page_meta.get("date_source") != "scraper_prefix" or not page_meta.get("date"):
        return None
    return Candidate(str(page_meta["date"]), "metadata", 0.7, "the scraper's metadata prefix")


def _offset(raw: str) -> tuple[datetime, timedelta] | None:
    """(UTC instant, UTC offset) of an ISO stamp with an explicit offset, else None."""
    m = _STAMP.match(raw.strip())
    if not m or not m[7]:
        return None
    if m[7] == "Z":
        delta = timedelta(0)
    else:
        sign = -1 if m[7][0] == "-" else 1
        digits = m[7][1:].replace(":", "")
        delta = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        local = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError:
        return None
    return (local - delta).replace(tzinfo=UTC), delta


def local_days(dates: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Map a UTC-written day to the local day when the page states the same instant both ways."""
    utc_days: dict[datetime, str] = {}
    local: dict[datetime, str] = {}
    for cand in dates:
        parsed = _offset(cand.get("raw", ""))
        if parsed is None:
            continue
        instant, delta = parsed
        if delta == timedelta(0):
            utc_days.setdefault(instant, cand["value"])
        else:
            local.setdefault(instant, cand["value"])
    return {
        day: local[instant]
        for instant, day in utc_days.items()
        if instant in local and local[instant] != day
    }


def _support(value: str, dates: Sequence[Mapping[str, str]], url: UrlDate | None) -> set[str]:
    """The kinds of statement that back a date. A bare <time> that only prints a date does not
    count: sites print today's date in their header ("Mittwoch, 8. Juli 2020")."""
    kinds = {c["kind"] for c in dates if c["value"] == value and c["source"] != TIME_TEXT}
    if url is not None and url.value == value:
        kinds.add("url")
    return kinds


def _consensus(dates: Sequence[Mapping[str, str]]) -> Mapping[str, str] | None:
    """The publication stamp most of the page's publication stamps agree on.

    A tie means the stamps are not the article's own (a listing of other articles, each with
    its <time>), so there is no consensus.
    """
    published = [c for c in dates if c["kind"] == PUBLISHED]
    if not published:
        return None
    ranking = Counter(c["value"] for c in published).most_common(2)
    if len(ranking) == 2 and ranking[0][1] == ranking[1][1]:
        return None
    return next(c for c in published if c["value"] == ranking[0][0])


def modified_bound(page_meta: Mapping[str, Any]) -> Candidate | None:
    """When the page states only when it was last modified, that day bounds the publication
    from above: an inferred, low-confidence date, never a stated one."""
    dates: Sequence[Mapping[str, str]] = page_meta.get("dates", ())
    if any(c["kind"] in (PUBLISHED, GENERIC) for c in dates):
        return None
    modified = [c for c in dates if c["kind"] == MODIFIED]
    if not modified:
        return None
    guess = page_meta.get("htmldate")
    stamp = next((c for c in modified if c["value"] == guess), modified[0])
    return Candidate(
        stamp["value"],
        "inferred",
        0.3,
        f"no publication stamp; last modified {stamp['raw']} ({stamp['source']})",
    )


def html_date(
    page_meta: Mapping[str, Any], url: UrlDate | None, dateline: Dateline | None
) -> Candidate | None:
    """The publication date an HTML page's metadata gives (see the module doc), or None."""
    dates: Sequence[Mapping[str, str]] = page_meta.get("dates", ())
    fixes = local_days(dates)
    dates = [{**c, "value": fixes.get(c["value"], c["value"])} for c in dates]
    guess = page_meta.get("htmldate")
    if guess:
        guess = fixes.get(guess, guess)
        support = _support(guess, dates, url)
        labelled = dateline is not None and dateline.kind == "published"
        if labelled and PUBLISHED not in support and dateline.value != guess:
            return None  # "Published: ..." printed on the page beats a weaker stamp
        if support & {PUBLISHED, GENERIC, MEDIA}:
            kind = next(k for k in (PUBLISHED, GENERIC, MEDIA) if k in support)
            backing = next(
                c for c in dates if c["value"] == guess and c["kind"] == kind
                and c["source"] != TIME_TEXT
            )  # fmt: skip
            confidence = 0.9 if kind == PUBLISHED else 0.8
            evidence = f"{backing['source']} {backing['raw']} (agrees with htmldate)"
            return Candidate(guess, "metadata", confidence, evidence)
        if "url" in support and url is not None:
            return Candidate(guess, "url", 0.85, f"URL path {url.matched} (agrees with htmldate)")
        if support == {MODIFIED}:
            guess = None  # an update stamp, not the publication date
    stamp = _consensus(dates)
    if stamp is not None:
        return Candidate(stamp["value"], "metadata", 0.85, f"{stamp['source']} {stamp['raw']}")
    if dateline is not None:
        return None  # the printed dateline decides
    if url is not None and url.granularity == "day":
        return None  # the URL decides
    if guess and (url is None or guess.startswith(url.value)) and not guess.endswith("-01-01"):
        return Candidate(guess, "metadata", 0.5, "htmldate (free-text guess)")
    generic = next((c for c in dates if c["kind"] == GENERIC), None)
    if generic is not None and (url is None or generic["value"].startswith(url.value)):
        return Candidate(generic["value"], "metadata", 0.5, f"{generic['source']} {generic['raw']}")
    return None
