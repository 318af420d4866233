"""Date strings: machine stamps from metadata and dates printed in text."""

from __future__ import annotations

import pytest

from newsloom.pubdate.parse import find_full_dates, iso, may_hold_full_date, parse_machine_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-02", "2019-04-02"),
        ("2019-04-02T23:10:00-04:00", "2019-04-02"),  # the day as written, in its own zone
        ("2019-04-02T03:10:00Z", "2019-04-02"),
        ("2019/4/2 10:00", "2019-04-02"),
        ("20190402", "2019-04-02"),
        ("20190402T101500Z", "2019-04-02"),
        ("02.04.2019 10:15", "2019-04-02"),
        ("Tue, 02 Apr 2019 10:15:00 GMT", "2019-04-02"),
        ("Tue Apr 02 10:15:00 UTC 2019", "2019-04-02"),
        ("April 2, 2019", "2019-04-02"),
        ("1554200100", None),  # an epoch needs a time zone the page does not give
        ("2019-02-30", None),
        ("1066-10-14", None),  # outside the plausible window
        ("yesterday", None),
        ("", None),
        (None, None),
        (20190402, None),
    ],
)
def test_parse_machine_date(value: object, expected: str | None) -> None:
    assert parse_machine_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filed on Sept. 3, 2016 by staff", ["2016-09-03"]),
        ("Wed 7 Feb 2018 11.02 GMT", ["2018-02-07"]),
        ("the 1st of March 2020 and 2020-03-05", ["2020-03-01", "2020-03-05"]),
        ("Stand: 05.11.2020", ["2020-11-05"]),
        ("Montag, 9. März 2020", ["2020-03-09"]),
        ("publié le 14 juillet 2019", ["2019-07-14"]),
        ("el 3 de mayo de 2021", ["2021-05-03"]),
        ("on 04/05/2017", []),  # day/month order unknown
        ("Oct. 1 (UPI)", []),  # no year
        ("the Mars 2020 rover", []),
        ("about 2,315 polling stations in 2017", []),
    ],
)
def test_find_full_dates(text: str, expected: list[str]) -> None:
    assert [value for _, _, value in find_full_dates(text)] == expected
    if expected:
        assert may_hold_full_date(text)


@pytest.mark.parametrize(
    "text", ["Oct. 1 (UPI)", "on 3 March 20", "Jan 20 09:49:32 UTC", "5.11.20", "", "Stand: heute"]
)
def test_no_four_digit_year_no_full_date(text: str) -> None:
    assert not may_hold_full_date(text)
    assert find_full_dates(text) == []


def test_find_full_dates_offsets_point_at_the_date() -> None:
    text = "Posted: March 9, 2021 at noon"
    [(start, end, _)] = find_full_dates(text)
    assert text[start:end] == "March 9, 2021"


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [(2020, 2, 29, "2020-02-29"), (2019, 2, 29, None), (1989, 1, 1, None), (2100, 1, 1, None)],
)
def test_iso(year: int, month: int, day: int, expected: str | None) -> None:
    assert iso(year, month, day) == expected
