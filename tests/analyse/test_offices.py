"""Seats of power: whose office speaks from where, in which year."""

from __future__ import annotations

import pytest

from newsloom.analyse.offices import OFFICEHOLDERS, OFFICES, seat_name, seat_of


@pytest.mark.parametrize(
    ("person", "year", "seat"),
    [
        ("Vladimir Putin", 2017, "Kremlin"),
        ("Putin", None, "Kremlin"),
        ("Macron", 2018, "Élysée Palace"),
        ("Theresa May", 2017, "Downing Street"),
        ("Barack Obama", 2018, None),  # no longer in office
        ("Dmitry Medvedev", 2010, "Kremlin"),
        ("Medvedev", 2015, None),
        ("Jukka Lahti", None, None),
        ("", None, None),
    ],
)
def test_seat_of(person: str, year: int | None, seat: str | None) -> None:
    assert seat_of(person, year) == seat


@pytest.mark.parametrize(
    ("text", "seat"),
    [("the Kremlin", "Kremlin"), ("No 10", "Downing Street"), ("Elysee", "Élysée Palace"),
     ("the White House's", "White House"), ("the Senate", None)],
)  # fmt: skip
def test_seat_name(text: str, seat: str | None) -> None:
    assert seat_name(text) == seat


def test_every_holder_sits_in_a_known_seat() -> None:
    assert {seat for _, seat, _, _ in OFFICEHOLDERS} <= set(OFFICES)
    for _, _, first, last in OFFICEHOLDERS:
        assert last is None or first <= last
