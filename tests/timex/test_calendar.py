"""Calendar arithmetic: the anchor, ISO weeks, weekdays, movable holidays."""

from __future__ import annotations

from datetime import date

import pytest

from newsloom.timex.calendar import (
    Anchor,
    coming_weekday,
    day_value,
    easter_sunday,
    holiday,
    iso_week,
    most_recent_weekday,
    nth_weekday,
    parse_day_value,
    shift_month,
    shift_quarter,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-05-03", Anchor(2017, 5, 3)),
        ("2017-05", Anchor(2017, 5)),
        ("2017", Anchor(2017)),
        (None, Anchor()),
        ("", Anchor()),
        ("not a date", Anchor()),
        ("2017-13", Anchor(2017)),
        ("2017-02-30", Anchor(2017, 2)),
        ("2018-07-16T09:00:00Z", Anchor(2018, 7, 16)),
    ],
)
def test_anchor_parse(value: str | None, expected: Anchor) -> None:
    assert Anchor.parse(value) == expected


def test_anchor_parse_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        Anchor.parse(20170503)  # type: ignore[arg-type]


def test_anchor_reference_is_the_first_day_of_a_month_anchor() -> None:
    assert Anchor(2017, 5).reference == date(2017, 5, 1)
    assert Anchor(2017, 5).date is None
    assert Anchor(2017, 5, 3).reference == Anchor(2017, 5, 3).date == date(2017, 5, 3)
    assert Anchor(2017).reference is None


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2017, date(2017, 4, 16)),
        (2018, date(2018, 4, 1)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("good friday", 2017, date(2017, 4, 14)),
        ("easter monday", 2018, date(2018, 4, 2)),
        ("christmas", 2017, date(2017, 12, 25)),
        ("new year's eve", 2017, date(2017, 12, 31)),
        ("thanksgiving", 2017, date(2017, 11, 23)),
        ("labor day", 2017, date(2017, 9, 4)),
        ("memorial day", 2018, date(2018, 5, 28)),
        ("no such day", 2018, None),
    ],
)
def test_holiday(name: str, year: int, expected: date | None) -> None:
    assert holiday(name, year) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2017, 5, 3), "2017-W18"),
        (date(2017, 5, 1), "2017-W18"),
        (date(2018, 12, 31), "2019-W01"),
        (date(2021, 1, 1), "2020-W53"),
    ],
)
def test_iso_week(day: date, expected: str) -> None:
    assert iso_week(day) == expected


@pytest.mark.parametrize(
    ("reference", "weekday", "strictly", "expected"),
    [
        (date(2018, 7, 16), 4, False, date(2018, 7, 13)),  # Friday before a Monday
        (date(2017, 6, 16), 4, False, date(2017, 6, 16)),  # the same day
        (date(2017, 6, 16), 4, True, date(2017, 6, 9)),
        (date(2017, 6, 1), 2, False, date(2017, 5, 31)),
    ],
)
def test_most_recent_weekday(reference: date, weekday: int, strictly: bool, expected: date) -> None:
    assert most_recent_weekday(reference, weekday, strictly=strictly) == expected


@pytest.mark.parametrize(
    ("reference", "weekday", "strictly", "expected"),
    [
        (date(2017, 6, 16), 3, False, date(2017, 6, 22)),
        (date(2017, 6, 16), 4, False, date(2017, 6, 16)),
        (date(2018, 7, 16), 0, True, date(2018, 7, 23)),
    ],
)
def test_coming_weekday(reference: date, weekday: int, strictly: bool, expected: date) -> None:
    assert coming_weekday(reference, weekday, strictly=strictly) == expected


def test_nth_weekday_first_and_last() -> None:
    assert nth_weekday(2017, 11, 3, 4) == date(2017, 11, 23)
    assert nth_weekday(2018, 5, 0, -1) == date(2018, 5, 28)


@pytest.mark.parametrize(
    ("year", "month", "delta", "expected"),
    [(2017, 1, -1, (2016, 12)), (2017, 12, 1, (2018, 1)), (2017, 5, -17, (2015, 12))],
)
def test_shift_month(year: int, month: int, delta: int, expected: tuple[int, int]) -> None:
    assert shift_month(year, month, delta) == expected


def test_shift_quarter() -> None:
    assert shift_quarter(2007, 1, -1) == (2006, 4)
    assert shift_quarter(2006, 4, 1) == (2007, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-12-14", (date(2017, 12, 14), True)),
        ("XXXX-12-14", (date(2000, 12, 14), False)),
        ("XXXX-02-29", (date(2000, 2, 29), False)),
        ("2017-02-29", None),
        ("2017-12", None),
        (None, None),
    ],
)
def test_parse_day_value(value: str | None, expected: tuple[date, bool] | None) -> None:
    assert parse_day_value(value) == expected


def test_day_value_writes_an_unknown_year_as_xxxx() -> None:
    assert day_value(date(2000, 12, 15), year_known=False) == "XXXX-12-15"
    assert day_value(date(2017, 12, 15)) == "2017-12-15"
