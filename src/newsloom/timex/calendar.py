"""Calendar arithmetic for news time: the anchor, ISO weeks, quarters, movable holidays.

Everything is computed from the anchor (the article's publication date); nothing here reads the
wall clock. The anchor may be a day, a month or a year, or unknown, and each rule of
`timex.resolve` asks it only for what it needs: a weekday needs a day, "last month" a month,
"last year" a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

#: the year a date with an unknown year is computed in: a leap year, so "Feb. 29" stays valid
PLACEHOLDER_YEAR = 2000
UNKNOWN_YEAR = "XXXX"

_ANCHOR = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date at whatever precision it is known (`None` parts are unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor:
        """`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or None (an unusable value is an unknown anchor)."""
        if value is None:
            return cls()
        if not isinstance(value, str):
            raise TypeError(f"a publication date is a str or None, got {type(value).__name__}")
        m = _ANCHOR.match(value)
        if not m:
            return cls()
        year = int(m[1])
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
        if month is not None and not 1 <= month <= 12:
            return cls(year)
        if day is not None and valid_date(year, month or 1, day) is None:
            return cls(year, month)
        return cls(year, month, day)

    @property
    def date(self) -> date | None:
        """The anchor day, when the day is known."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def reference(self) -> date | None:
        """The day a month-level anchor stands for: its first day, the earliest it allows.

        An inferred month is a lower bound ("the article is from then or later"), so the
        earliest day is the estimate that stays consistent with it.
        """
        if self.year is None or self.month is None:
            return None
        return date(self.year, self.month, self.day or 1)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def iso_week(day: date) -> str:
    """`YYYY-Www`, the ISO year and week (Dec. 31 may belong to week 1 of the next year)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def day_value(day: date, *, year_known: bool = True) -> str:
    """`YYYY-MM-DD`, or `XXXX-MM-DD` when the year is a placeholder."""
    if year_known:
        return day.isoformat()
    return f"{UNKNOWN_YEAR}-{day.month:02d}-{day.day:02d}"


def parse_day_value(value: str | None) -> tuple[date, bool] | None:
    """A day value (`YYYY-MM-DD` or `XXXX-MM-DD`) as (date, year_known); None for other values."""
    if value is None or len(value) != 10:
        return None
    year_text, month, day = value[:4], value[5:7], value[8:10]
    if not (month.isdigit() and day.isdigit()):
        return None
    if year_text == UNKNOWN_YEAR:
        found = valid_date(PLACEHOLDER_YEAR, int(month), int(day))
        return (found, False) if found else None
    if not year_text.isdigit():
        return None
    found = valid_date(int(year_text), int(month), int(day))
    return (found, True) if found else None


def most_recent_weekday(reference: date, weekday: int, *, strictly: bool = False) -> date:
    """The latest day with that weekday (Monday 0) on or before `reference` (or before it)."""
    back = (reference.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return reference - timedelta(days=back)


def coming_weekday(reference: date, weekday: int, *, strictly: bool = False) -> date:
    """The first day with that weekday on or after `reference` (after, if strictly)."""
    ahead = (weekday - reference.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return reference + timedelta(days=ahead)


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    late = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * late + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return coming_weekday(first, weekday) + timedelta(weeks=n - 1)
    next_year, next_month = shift_month(year, month, 1)
    last = date(next_year, next_month, 1) - timedelta(days=1)
    return most_recent_weekday(last, weekday)


def holiday(name: str, year: int) -> date | None:
    """The day of a holiday (a key of the tables below, lower case) in a given year."""
    fixed = FIXED_HOLIDAYS.get(name)
    if fixed is not None:
        return valid_date(year, *fixed)
    if name in EASTER_OFFSETS:
        return easter_sunday(year) + timedelta(days=EASTER_OFFSETS[name])
    rule = WEEKDAY_HOLIDAYS.get(name)
    if rule is not None:
        return nth_weekday(year, *rule)
    return None


#: holidays on a fixed day: (month, day)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}
#: holidays a number of days from Easter Sunday
EASTER_OFFSETS: dict[str, int] = {
    "easter": 0,
    "easter sunday": 0,
    "easter monday": 1,
    "good friday": -2,
    "ash wednesday": -46,
}
#: holidays on the n-th weekday of a month (US federal calendar): (month, weekday, n)
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
}
