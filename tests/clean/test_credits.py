"""Credit lines: labelled blocks, wire credits, source credits, picture credits."""

from __future__ import annotations

import pytest

from newsloom.article import Credit
from newsloom.clean.credits import (
    find_credits,
    parse_agency_credits,
    parse_caption_credits,
    parse_labelled_credits,
    parse_leading_source,
    parse_source_tail,
    split_glued,
    vocabulary,
)

KNOWN = vocabulary("He told RiverPost and Delta, as Tide reported, and Valley Times said.")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("DeltaTide", ["Delta", "Tide"]),
        ("RiverPost", ["RiverPost"]),  # itself a word of the article
        ("DeltaTideValley", ["Delta", "Tide", "Valley"]),
        ("DeltaUnknown", ["DeltaUnknown"]),  # no split into known parts
        ("Delta", ["Delta"]),
    ],
)
def test_split_glued(token: str, expected: list[str]) -> None:
    assert split_glued(token, KNOWN) == expected


def test_parse_labelled_credits() -> None:
    line = (
        "Sources: Valley Times, DeltaTide / Featured Image: Ama Boateng/Flickr / "
        "Embedded Images: Ministry/Wikimedia Commons, Kofi Mensah/Flickr"
    )
    assert parse_labelled_credits(line, KNOWN) == [
        Credit("source", "Valley Times"),
        Credit("source", "Delta"),
        Credit("source", "Tide"),
        Credit("image", "Ama Boateng/Flickr"),
        Credit("image", "Ministry/Wikimedia Commons"),
        Credit("image", "Kofi Mensah/Flickr"),
    ]
    assert parse_labelled_credits("Weather: sunny / Mood: fine") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The plan passed. (Reporting by Ama Boateng, Kofi Mensah and Esi Owusu; "
            "Editing by Yaw Darko)",
            [
                Credit("reporting", "Ama Boateng"),
                Credit("reporting", "Kofi Mensah"),
                Credit("reporting", "Esi Owusu"),
                Credit("editing", "Yaw Darko"),
            ],
        ),
        (
            "(Additional reporting by Esi Owusu, writing by Yaw Darko)",
            [Credit("reporting", "Esi Owusu"), Credit("writing", "Yaw Darko")],
        ),
        ("Reporting continued by the river.", []),
    ],
)
def test_parse_agency_credits(line: str, expected: list[Credit]) -> None:
    assert parse_agency_credits(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The deal holds, officials said. – The River Post", [Credit("source", "The River Post")]),
        ("The deal holds. (AP)", [Credit("source", "AP")]),
        (
            "Full Article: Dam opens | World | The Valley Times.",
            [Credit("source", "The Valley Times")],
        ),
        ("We will rebuild — Ama Boateng", []),  # a pull quote's signature, not a source
        ("The deal holds.", []),
    ],
)
def test_parse_source_tail(line: str, expected: list[Credit]) -> None:
    assert parse_source_tail(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ACCRA (AP) – The gates opened.", [Credit("source", "AP")]),
        ("LOMÉ, April 7 (Reuters) - Talks ended.", [Credit("source", "Reuters")]),
        (
            "TAMALE (River Post/ANN)- Rain fell.",
            [Credit("source", "River Post"), Credit("source", "ANN")],
        ),
        ("AFP| Last Updated: April 7, 2026", [Credit("source", "AFP")]),
        (
            "The Ministry | April 07 2026 – Reuters | April 07 2026:",
            [Credit("source", "The Ministry"), Credit("source", "Reuters")],
        ),
        ("(ACCRA, Ghana) — The gates opened.", []),
    ],
)
def test_parse_leading_source(line: str, expected: list[Credit]) -> None:
    assert parse_leading_source(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Workers at the gate. (AP Photo/Kofi Mensah)", [Credit("image", "AP Photo/Kofi Mensah")]),
        (
            "Workers at the gate. (Kofi Mensah/Pool via AP)",
            [Credit("image", "Kofi Mensah/Pool via AP")],
        ),
        ("Workers at the gate. Photo by Ama Boateng/ UPI", [Credit("image", "Ama Boateng/ UPI")]),
        ("Workers at the gate.", []),
    ],
)
def test_parse_caption_credits(line: str, expected: list[Credit]) -> None:
    assert parse_caption_credits(line) == expected


def test_find_credits_by_line_kind() -> None:
    lines = [
        ("ACCRA (AP) – The gates opened.", None),
        ("Sources: Valley Times, DeltaTide", "credits"),
        ("Workers at the gate. (AP Photo/Kofi Mensah)", "caption"),
        ("Sources: these are not credits in a caption", "caption"),
        ("The talks ended. (Reporting by Ama Boateng)", None),
        ("ACCRA (AP) – printed twice", None),
    ]
    assert find_credits(lines, KNOWN) == (
        Credit("source", "AP"),
        Credit("source", "Valley Times"),
        Credit("source", "Delta"),
        Credit("source", "Tide"),
        Credit("image", "AP Photo/Kofi Mensah"),
        Credit("reporting", "Ama Boateng"),
    )
