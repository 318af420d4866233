"""The scraper's metadata prefix."""

from __future__ import annotations

import pytest

from newsloom.clean.prefix import parse_metadata_prefix, prefix_span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2021-03-04 Flood barrier opens", ("2021-03-04", 16)),
        (" date 2021-03-04", ("2021-03-04", 16)),
        ("date 2021-03-04\n\nBody", ("2021-03-04", 15)),
        (" date 2021-02-30 Headline", (None, 0)),  # not a calendar date
        (" date 2021-13-01 Headline", (None, 0)),
        (" date 2021-03-045 Headline", (None, 0)),  # not the end of the date
        ("The date 2021-03-04 was chosen", (None, 0)),
        ("Headline\n date 2021-03-04", (None, 0)),
        ("", (None, 0)),
    ],
)
def test_parse_metadata_prefix(text: str, expected: tuple[str | None, int]) -> None:
    assert parse_metadata_prefix(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2021-03-04 Flood barrier opens", 17),
        (" date 2021-03-04   \nBody", 19),
        (" date 2021-03-04", 16),
        ("No prefix here", 0),
    ],
)
def test_prefix_span(text: str, expected: int) -> None:
    assert prefix_span(text) == expected


def test_type_error() -> None:
    with pytest.raises(TypeError):
        parse_metadata_prefix(None)  # type: ignore[arg-type]
