"""Dating temporal expressions against the publication date: the rules of news time.

The anchor is the article's publication date (`Anchor`), at whatever precision it is known;
the wall clock is never read. The rules:

* a full date is itself; a year-less date ("Dec. 14", "4 April", "late May", "Easter") takes
  the year that puts it nearest the anchor: news reports what happened and announces what is
  planned, and both lie close to the day of writing. "since" puts it before the anchor; "by",
  "until" or a future verb group in the clause ("will", "is due to", "to be held") after it;
  after a past-tense verb the later year must be `PAST_TENSE_BIAS` times nearer to win. A
  weekday printed with it ("Thursday, June 1") picks the year where that day fits;
* a bare weekday is the most recent such day on or before the anchor (a past report), or the
  coming one after a future verb group or "next";
* "today", "yesterday", "tonight", "this morning" count from the anchor day; "this week" is its
  ISO week, "last month" its month before, "last year" its year before, "two years ago" a year,
  "a week ago" a day;
* "the next day" follows the day of the nearest date before it in the text; "earlier in the
  day", "later that day" are that day, "earlier in the month" its month (without a date before
  them, the anchor's day or month);
* inside a quotation, words count from the day they were said: the day a date outside quotes in
  the same paragraph gives, else the day of the article's lead (its first dated day outside
  quotes, within the week before publication), else the anchor.

What the anchor cannot give stays unknown: a year-less date without an anchor year is
`XXXX-MM-DD`; a weekday or "today" without an anchor day has the value None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsloom.article import DateExpression
from newsloom.timex.calendar import (
    PLACEHOLDER_YEAR,
    UNKNOWN_YEAR,
    Anchor,
    coming_weekday,
    day_value,
    holiday,
    iso_week,
    most_recent_weekday,
    parse_day_value,
    quarter_of,
    shift_month,
    shift_quarter,
    valid_date,
)
from newsloom.timex.context import FUTURE, PAST, PAST_TENSE, QuotedSpans, paragraph_bounds, time_cue
from newsloom.timex.detect import Mention

#: after a past-tense verb, a date after publication is chosen only when it is this many times
#: nearer than the one before: "called on Tuesday for an election on June 8" (51 days after,
#: 314 before) is the coming June 8; "introduced in January" in September is the past January
PAST_TENSE_BIAS = 3
#: a quotation's speaking day is looked for within this many days before publication
SPEECH_WINDOW_DAYS = 7
#: kinds whose meaning depends on the day they are said
_DEICTIC_KINDS = frozenset({"weekday", "deictic", "relative", "ago"})
#: kinds that give a day another expression can count from
_DAY_KINDS = frozenset({"date", "weekday", "deictic", "holiday"})


@dataclass(frozen=True, slots=True)
class Dated:
    value: str | None
    granularity: str


UNKNOWN_DAY = Dated(None, "day")


def resolve_mentions(
    text: str, mentions: Sequence[Mention], anchor: Anchor
) -> tuple[DateExpression, ...]:
    """Date every mention of `text` against `anchor` (see the module doc for the rules)."""
    if not mentions:
        return ()
    quoted = QuotedSpans(text)
    in_quote = [m.start in quoted for m in mentions]
    cues = [time_cue(text, m.start) for m in mentions]
    plain = [
        None if m.kind == "chain" else resolve_one(m, anchor, cue)
        for m, cue in zip(mentions, cues, strict=True)
    ]
    day = anchor.date
    lead = _lead_day(mentions, plain, in_quote, day) if day is not None else None
    out: list[DateExpression] = []
    previous_day: str | None = None
    for i, m in enumerate(mentions):
        if m.kind == "chain":
            # with no date before it, "earlier in the day" is the anchor's day (its month)
            dated = _chain(m, previous_day or (_anchor_day(anchor) if m.shift == 0 else None))
        elif in_quote[i] and m.kind in _DEICTIC_KINDS and day is not None:
            said = _speech_day(text, i, mentions, plain, in_quote, day, lead)
            dated = resolve_one(m, Anchor(said.year, said.month, said.day), cues[i])
        else:
            dated = plain[i] or UNKNOWN_DAY
        if dated.granularity == "day" and dated.value is not None:
            previous_day = dated.value
        out.append(
            DateExpression(text[m.start : m.end], m.start, m.end, dated.value, dated.granularity)
        )
    return tuple(out)


def _within_speech_window(value: str | None, published: date) -> date | None:
    """The day `value` names, if it lies in the week before publication (the speaking days)."""
    parsed = parse_day_value(value)
    if parsed is None or not parsed[1]:
        return None
    day = parsed[0]
    if timedelta(0) <= published - day <= timedelta(days=SPEECH_WINDOW_DAYS):
        return day
    return None


def _lead_day(
    mentions: Sequence[Mention],
    plain: Sequence[Dated | None],
    in_quote: Sequence[bool],
    published: date,
) -> date | None:
    """The first day the article dates outside quotes, when it is a speaking day."""
    for m, dated, quoted in zip(mentions, plain, in_quote, strict=True):
        if quoted or m.kind not in _DAY_KINDS or dated is None:
            continue
        day = _within_speech_window(dated.value, published)
        if day is not None:
            return day
    return None


def _speech_day(
    text: str,
    index: int,
    mentions: Sequence[Mention],
    plain: Sequence[Dated | None],
    in_quote: Sequence[bool],
    published: date,
    lead: date | None,
) -> date:
    """The day the quoted words at `mentions[index]` were said (see the module doc)."""
    start, end = paragraph_bounds(text, mentions[index].start)
    here = mentions[index].start
    best: tuple[int, date] | None = None
    for m, dated, quoted in zip(mentions, plain, in_quote, strict=True):
        if quoted or m.kind not in _DAY_KINDS or dated is None or not start <= m.start < end:
            continue
        day = _within_speech_window(dated.value, published)
        if day is not None and (best is None or abs(m.start - here) < best[0]):
            best = (abs(m.start - here), day)
    if best is not None:
        return best[1]
    return lead or published


def _anchor_day(anchor: Anchor) -> str | None:
    return anchor.date.isoformat() if anchor.date is not None else None


def _chain(m: Mention, previous_day: str | None) -> Dated:
    parsed = parse_day_value(previous_day)
    if parsed is None:
        return UNKNOWN_DAY
    day, year_known = parsed
    value = day_value(day + timedelta(days=m.shift), year_known=year_known)
    if m.unit == "month":
        return Dated(value[:7], "month")  # "earlier in the month": the month of that day
    return Dated(value, "day")


def resolve_one(m: Mention, anchor: Anchor, cue: str | None = None) -> Dated:
    """The value of one mention that needs no other mention (everything but "the next day")."""
    kind = m.kind
    if kind == "date":
        return _date(m, anchor, cue)
    if kind == "month":
        return _month(m, anchor, cue)
    if kind == "year":
        return Dated(f"{m.year:04d}", "year")
    if kind == "quarter":
        return _quarter(m, anchor, cue)
    if kind == "weekday":
        return _weekday(m, anchor, cue)
    if kind == "deictic":
        day = anchor.date
        return Dated(day_value(day + timedelta(days=m.shift)) if day else None, "day")
    if kind == "relative":
        return _relative(m.unit or "", m.shift, anchor)
    if kind == "ago":
        return _ago(m, anchor)
    if kind == "holiday":
        return _holiday(m, anchor, cue)
    return Dated(None, "unknown")


def _pick(candidates: Sequence[date], reference: date, cue: str | None) -> date:
    """Of the same day in neighbouring years, the one nearest `reference`; the one before it
    after "since", after it after "by" or a future verb group; after a past-tense verb, the one
    after only when it is much nearer (`PAST_TENSE_BIAS`)."""
    before = [c for c in candidates if c <= reference]
    after = [c for c in candidates if c > reference]
    if not before or (cue == FUTURE and after):
        return min(after) if after else candidates[0]
    latest_before = max(before)
    if not after or cue == PAST:
        return latest_before
    first_after = min(after)
    weight = PAST_TENSE_BIAS if cue == PAST_TENSE else 1
    if (first_after - reference) * weight < reference - latest_before:
        return first_after
    return latest_before


def _year_less_day(
    month: int, day: int, anchor: Anchor, cue: str | None, weekday: int | None = None
) -> Dated:
    reference = anchor.reference
    if reference is None:
        if valid_date(PLACEHOLDER_YEAR, month, day) is None:
            return UNKNOWN_DAY
        return Dated(f"{UNKNOWN_YEAR}-{month:02d}-{day:02d}", "day")
    years = range(reference.year - 1, reference.year + 2)
    candidates = [d for y in years if (d := valid_date(y, month, day)) is not None]
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == weekday]
        if len(fitting) == 1:
            return Dated(fitting[0].isoformat(), "day")
    if not candidates:
        return UNKNOWN_DAY
    return Dated(_pick(candidates, reference, cue).isoformat(), "day")


def _date(m: Mention, anchor: Anchor, cue: str | None) -> Dated:
    assert m.month is not None and m.day is not None
    if m.year is not None:
        found = valid_date(m.year, m.month, m.day)
        return Dated(found.isoformat() if found else None, "day")
    return _year_less_day(m.month, m.day, anchor, cue, m.weekday)


def _month(m: Mention, anchor: Anchor, cue: str | None) -> Dated:
    assert m.month is not None
    if m.year is not None:
        return Dated(f"{m.year:04d}-{m.month:02d}", "month")
    if m.unit == "year":
        year = anchor.year + m.shift if anchor.year is not None else None
        return Dated(f"{year:04d}-{m.month:02d}" if year is not None else None, "month")
    reference = anchor.reference
    if reference is None:
        return Dated(f"{UNKNOWN_YEAR}-{m.month:02d}", "month")
    if m.relation == "this" or (m.relation is None and m.month == reference.month):
        return Dated(f"{reference.year:04d}-{m.month:02d}", "month")
    cue = {"last": PAST, "next": FUTURE}.get(m.relation or "", cue)
    month_start = date(reference.year, reference.month, 1)
    years = range(reference.year - 1, reference.year + 2)
    candidates = [d for y in years if (d := date(y, m.month, 1)) != month_start]
    chosen = _pick(candidates, month_start, cue)
    return Dated(f"{chosen.year:04d}-{chosen.month:02d}", "month")


def _quarter(m: Mention, anchor: Anchor, cue: str | None) -> Dated:
    assert m.quarter is not None
    if m.year is not None:
        return Dated(f"{m.year:04d}-Q{m.quarter}", "quarter")
    if m.unit == "year":
        if anchor.year is None:
            return Dated(None, "quarter")
        return Dated(f"{anchor.year + m.shift:04d}-Q{m.quarter}", "quarter")
    reference = anchor.reference
    if reference is None:
        if anchor.year is not None:
            return Dated(f"{anchor.year:04d}-Q{m.quarter}", "quarter")
        return Dated(f"{UNKNOWN_YEAR}-Q{m.quarter}", "quarter")
    years = range(reference.year - 1, reference.year + 2)
    starts = [date(y, 3 * m.quarter - 2, 1) for y in years]
    chosen = _pick(starts, reference, cue)
    return Dated(f"{chosen.year:04d}-Q{m.quarter}", "quarter")


def _weekday(m: Mention, anchor: Anchor, cue: str | None) -> Dated:
    assert m.weekday is not None
    day = anchor.date
    if day is None:
        return UNKNOWN_DAY
    if m.relation == "last":
        found = most_recent_weekday(day, m.weekday, strictly=True)
    elif m.relation == "next":
        found = coming_weekday(day, m.weekday, strictly=True)
    elif m.relation == "this" or cue == FUTURE:
        found = coming_weekday(day, m.weekday)
    else:
        found = most_recent_weekday(day, m.weekday)
    return Dated(found.isoformat(), "day")


def _relative(unit: str, shift: int, anchor: Anchor) -> Dated:
    if unit == "year":
        return Dated(f"{anchor.year + shift:04d}" if anchor.year else None, "year")
    reference = anchor.reference
    if unit == "month":
        if reference is None:
            return Dated(None, "month")
        year, month = shift_month(reference.year, reference.month, shift)
        return Dated(f"{year:04d}-{month:02d}", "month")
    if unit == "quarter":
        if reference is None:
            return Dated(None, "quarter")
        year, quarter = shift_quarter(reference.year, quarter_of(reference), shift)
        return Dated(f"{year:04d}-Q{quarter}", "quarter")
    if unit == "week":
        if reference is None:
            return Dated(None, "week")
        return Dated(iso_week(reference + timedelta(weeks=shift)), "week")
    if unit == "weekend":
        if anchor.date is None:
            return Dated(None, "week")
        return Dated(iso_week(anchor.date + timedelta(weeks=shift)), "week")
    return Dated(None, "unknown")


def _ago(m: Mention, anchor: Anchor) -> Dated:
    if m.unit in ("day", "week"):
        if anchor.date is None:
            return UNKNOWN_DAY
        days = -m.shift * (7 if m.unit == "week" else 1)
        return Dated((anchor.date - timedelta(days=days)).isoformat(), "day")
    return _relative(m.unit or "", m.shift, anchor)


def _holiday(m: Mention, anchor: Anchor, cue: str | None) -> Dated:
    assert m.name is not None
    if m.year is not None:
        found = holiday(m.name, m.year)
        return Dated(found.isoformat() if found else None, "day")
    reference = anchor.reference
    if reference is None:
        if m.month is not None and m.day is not None:
            return Dated(f"{UNKNOWN_YEAR}-{m.month:02d}-{m.day:02d}", "day")
        return UNKNOWN_DAY
    years = range(reference.year - 1, reference.year + 2)
    candidates = [d for y in years if (d := holiday(m.name, y)) is not None]
    if m.relation == "last":
        earlier = [d for d in candidates if d < reference]
        return Dated(max(earlier).isoformat(), "day") if earlier else UNKNOWN_DAY
    if m.relation == "next":
        later = [d for d in candidates if d > reference]
        return Dated(min(later).isoformat(), "day") if later else UNKNOWN_DAY
    if m.relation == "this":
        same_year = [d for d in candidates if d.year == reference.year]
        return Dated(same_year[0].isoformat(), "day") if same_year else UNKNOWN_DAY
    return Dated(_pick(candidates, reference, cue).isoformat(), "day")
