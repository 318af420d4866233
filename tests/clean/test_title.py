"""Headline detection and the site furniture above it."""

from __future__ import annotations

import pytest

from newsloom.clean.title import (
    find_headline,
    looks_like_headline,
    page_furniture,
    same_title,
    undouble,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("River authority opens spillway after heavy rain", True),
        ("Dam Talks Collapse As Ministers Walk Out", True),
        ("Who pays when the gates open?", True),
        ("The river authority opened the spillway on Monday.", False),  # a sentence
        ("They said:", False),
        ("By Ama Boateng", False),
        ("Tue 7 Apr 2026 09.30 BST", False),
        ("ACCRA (AP) – The gates opened", False),
        ("- first point of the plan", False),
        ("lower-case start of a fragment", False),
        ("Solo", False),
        (" ".join(["word"] * 20), False),  # too long for sentence case
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dam opens at last Dam opens at last", "Dam opens at last"),
        ("Dam opens at last", "Dam opens at last"),
        ("Go Go", "Go Go"),  # too short to be a doubled headline
    ],
)
def test_undouble(line: str, expected: str) -> None:
    assert undouble(line) == expected


def test_same_title() -> None:
    assert same_title("  Dam  opens at last ", "dam opens at last")
    assert not same_title("Dam opens", "Dam opens at last")
    assert not same_title("", "")


PAGE = [
    "RIVER POST",
    "Valley",
    "Dam operator fined over late flood warning",
    "Tue 7 Apr 2026 09.30 BST",
    "ACCRA, April 7 (AP) – The operator of the Akosombo dam was fined on Tuesday for warning "
    "villages too late.",
    "More text follows.",
]


def test_find_headline_skips_masthead_and_section() -> None:
    assert find_headline(PAGE, None) == (2, PAGE[2])
    assert page_furniture(PAGE, 2) == [0, 1]


def test_find_headline_after_top_navigation() -> None:
    # what stands before the page's navigation bar is the site, not the story
    lines = [
        "Independent voices from the coast",
        "Dam operator fined over late warning",
        "The operator was fined on Tuesday for warning villages too late, officials said.",
    ]
    assert find_headline(lines, None, start=1) == (1, lines[1])
    assert find_headline(lines, None, start=0) == (0, lines[0])


def test_find_headline_confirmed_by_promo_image() -> None:
    lines = ["Dam Fined", "The operator was fined on Tuesday, officials said, after the flood."]
    assert find_headline(lines, None) == (None, None)  # a masthead-like line alone
    assert find_headline(lines, None, ["Dam Fined Promo Image"]) == (0, "Dam Fined")


def test_find_headline_with_a_given_title() -> None:
    assert find_headline(PAGE, "dam operator fined over late flood warning") == (
        2,
        "dam operator fined over late flood warning",
    )
    assert find_headline(PAGE, "Another title") == (None, "Another title")


def test_no_headline_when_the_text_starts_with_prose() -> None:
    lines = ["The operator of the dam was fined on Tuesday for warning villages too late.", "x"]
    assert find_headline(lines, None) == (None, None)
    assert find_headline(["Only a headline here"], None) == (None, None)


def test_furniture_keeps_dates_and_bylines() -> None:
    lines = ["RIVER POST", "By Ama Boateng", "Tue 7 Apr 2026", "Dam operator fined over warning"]
    assert page_furniture(lines, 3) == [0]
