"""The scraper's metadata prefix."""

from __future__ import annotations

import pytest

from newsloom.pubdate.prefix import own_parse_metadata_prefix, parse_metadata_prefix

CASES = [
    (" date 2019-04-01 Headline", ("2019-04-01", 16)),
    (" date 2019-04-01", ("2019-04-01", 16)),
    ("date 2019-04-01\n\nBody", ("2019-04-01", 15)),
    (" date 2019-02-30 Headline", (None, 0)),
    ("The date 2019-04-01 was set", (None, 0)),
    ("Headline\n date 2019-04-01", (None, 0)),
    ("", (None, 0)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_metadata_prefix(text: str, expected: tuple[str | None, int]) -> None:
    assert parse_metadata_prefix(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_own_parser_agrees(text: str, expected: tuple[str | None, int]) -> None:
    assert own_parse_metadata_prefix(text) == expected


def test_type_error() -> None:
    with pytest.raises(TypeError):
        parse_metadata_prefix(b" date 2019-04-01")  # type: ignore[arg-type]
