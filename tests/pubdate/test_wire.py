"""Wire-style datelines opening a paragraph, with and without their year."""

from __future__ import annotations

import pytest

from newsloom.pubdate.wire import WireDay, day_before, find_place_dateline, find_wire_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shapes seen at tasa.com, wustl.edu, lasermotive.com and noticias.uol.com.br
        # (../shared/data/boilerplate_pages and htmldate_eval); the wordings are ours
        ("MOMBASA, Kenya, March 9, 2016 — The port reopened on Wednesday.", "2016-03-09"),
        ("Port Louis, May 19, 2015 – Ministers met in the capital.", "2015-05-19"),
        ("DAVAO CITY, August 7, 2014—The city council voted to ban fireworks.", "2014-08-07"),
        ("Accra, 13 Mar 2020 (AFP) — Cocoa farmers were paid early.", "2020-03-13"),
        ("Headline\n\nCHENNAI, June 12, 2017: Rains lashed the city on Monday.", "2017-06-12"),
        ("KAMPALA, Uganda, Jan. 4, 2018 (Xinhua) -- Parliament resumed.", "2018-01-04"),
    ],
)
def test_place_datelines(text: str, expected: str) -> None:
    found = find_place_dateline(text)
    assert found is not None and (found.value, found.kind) == (expected, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on March 9, 2016 - in a statement - that talks would go on.",
        "From Daily.com, Saturday, Apr. 20, 2002:",  # a weekday: a stamp, not a place
        "LONDON, March 29 (Wire) - Body",  # no year: see find_wire_day
        "\n".join(f"Paragraph {n} of the story." for n in range(20)) + "\nLIMA, May 2, 2019 - x",
    ],
)
def test_not_place_datelines(text: str) -> None:
    assert find_place_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        # shapes seen at reuters.com and report.az (newsloom-dev), malaymail.com (htmldate_eval)
        ("LAGOS, March 3 (Wire) - Lawmakers passed the bill.", 3, 3),
        ("Harare. 29 March. NEWS.ZW/ The council met.", 3, 29),
        ("NAIROBI, April 8 — The shilling was steady.", 4, 8),
        ("Oct. 1 (UPI) -- The ministry said.", 10, 1),
        ("LUSAKA, April 7th — Copper rose.", 4, 7),
        ("KIGALI, Rwanda, Dec. 30 (Xinhua) -- The border post opened.", 12, 30),
        ("Headline\n\nMANILA, 14 February — Senators met.", 2, 14),
    ],
)
def test_wire_days(text: str, month: int, day: int) -> None:
    found = find_wire_day(text)
    assert found is not None and (found.month, found.day) == (month, day)


@pytest.mark.parametrize(
    "text",
    [
        "March 2 - Council meeting",  # a list item: no place, no agency
        "Sale ends, March 3 - hurry",  # no place
        "LONDON, March 29, 2017 (Wire) - Body",  # has its year
        "Dining deals and events, Nov. 12-18 »",
        "They met on April 7 (Tuesday) to talk.",
    ],
)
def test_not_wire_days(text: str) -> None:
    assert find_wire_day(text) is None


@pytest.mark.parametrize(
    ("month", "day", "bound", "expected"),
    [
        (4, 7, "2017-04-09", "2017-04-07"),  # fetched two days later
        (4, 7, "2017-04-07", "2017-04-07"),
        (12, 30, "2018-01-02", "2017-12-30"),  # across the new year
        (4, 7, "2019-08-21", None),  # fetched years later: the year is not known
        (4, 8, "2017-04-07", None),  # after the bound: last year's April 8 is too far back
        (2, 29, "2017-03-02", None),  # no such day that year
        (4, 7, "2017-04", None),  # a month is no bound
    ],
)
def test_day_before(month: int, day: int, bound: str, expected: str | None) -> None:
    assert day_before(WireDay(month, day, ""), bound) == expected
