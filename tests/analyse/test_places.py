"""Which country a word names."""

from __future__ import annotations

import pytest

from newsloom.analyse.places import country_codes, is_country_name, same_country


@pytest.mark.parametrize(
    ("word", "codes"),
    [
        ("Russian", {"RU"}), ("Russia", {"RU"}), ("U.S.", {"US"}), ("American", {"US"}),
        ("French", {"FR"}), ("Korean", {"KP", "KR"}), ("Polish", {"PL"}), ("Turkish", {"TR"}),
        ("Conservative", set()), ("Democratic", set()), ("president", set()), ("EU", set()),
    ],
)  # fmt: skip
def test_country_codes(word: str, codes: set[str]) -> None:
    assert set(country_codes(word)) == codes


def test_same_country() -> None:
    assert same_country({"US"}, {"american"}) is True
    assert same_country({"US"}, {"french"}) is False
    assert same_country({"Conservative"}, {"british"}) is None
    assert same_country(set(), {"british"}) is None


def test_is_country_name() -> None:
    assert is_country_name("Burkina Faso") and is_country_name("the United States")
    assert not is_country_name("Theresa May")
