"""Line helpers: sentence ends, datelines, timestamps, bylines, doubled lines, page facts."""

from __future__ import annotations

import pytest

from newsloom.clean.lines import (
    LineContext,
    Page,
    dateline_length,
    ends_sentence,
    is_byline,
    is_dateline_lead,
    is_glued_double,
    is_list_item,
    is_timestamp,
    split_lines,
    words,
)


def test_split_lines_offsets() -> None:
    text = "Head\n\n  Body line\nEnd"
    for line in split_lines(text):
        assert text[line.start : line.end] == line.text
    assert [line.blank for line in split_lines(text)] == [False, True, False, False]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The gates opened.", True),
        ('He said "no."', True),
        ("Why now?”", True),
        ("Flood barrier opens", False),
        ("They said:", False),
        ("", False),
    ],
)
def test_ends_sentence(line: str, expected: bool) -> None:
    assert ends_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ACCRA (AP) – The dam was opened.", True),
        ("GENEVA, March 3 (Reuters) - Talks ended.", True),
        ("ACCRA — Farmers waited.", True),
        ("TAMALE -- Rain fell.", True),
        ("(ACCRA, Ghana) — Water rose.", True),
        ("LAGOS–Officials met", True),
        ("Accra is a city — busy.", False),
        ("The UN said it would help.", False),
    ],
)
def test_is_dateline_lead(line: str, expected: bool) -> None:
    assert is_dateline_lead(line) is expected


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("NEW YORK (AP) – Amazon is buying Whole Foods.", "Amazon is buying Whole Foods."),
        ("LONDON, March 29 (Reuters) - Britain has left.", "Britain has left."),
        ("WASHINGTON -- The deficit will grow.", "The deficit will grow."),
        ("JERUSALEM — Talks resumed on Monday.", "Talks resumed on Monday."),
        ("The UN said it would help.", "The UN said it would help."),
        ("Police - and soldiers - arrived.", "Police - and soldiers - arrived."),
    ],
)
def test_dateline_length(line: str, words: str) -> None:
    assert line[dateline_length(line) :] == words


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The river rose overnight.The river rose overnight.", True),
        ("Short.Short.", False),  # too short to say
        ("The river rose overnight. The river fell.", False),
    ],
)
def test_is_glued_double(line: str, expected: bool) -> None:
    assert is_glued_double(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, April 7, 2026", True),
        ("Published: 07/04/2026 09:15", True),
        ("Updated Apr 8 2026 · 10:02 GMT", True),
        ("AFP | Last Updated: Wed, April 8, 2026", True),
        ("Channel 9 News", False),
        ("Dam opens on April 7 after talks stall", False),
        ("No digits or dates at all", False),
    ],
)
def test_is_timestamp(line: str, expected: bool) -> None:
    assert is_timestamp(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Ama Boateng", True),
        ("Posted by River Desk", True),
        ("Wire Staff", True),
        ("Byron Bay hosts the summit", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("- first item", True), ("• second", True), ("3. third", True), ("3.5 percent", False)],
)
def test_is_list_item(line: str, expected: bool) -> None:
    assert is_list_item(line) is expected


def test_words() -> None:
    assert words("  two  words ") == ("two", "words")


def test_page_facts() -> None:
    page = Page(("Head", "X is here.X is here. and more", "ACCRA (AP) – Body.", "Tail"))
    assert page.dateline_at == 2
    assert page.glued_doubles == 0
    ctx = LineContext(page, 0)
    assert ctx.is_first and not ctx.is_last and ctx.prev == "" and ctx.next == page.lines[1]
    assert LineContext.of(["a", "b"], 1).is_last
    assert LineContext.alone("solo").next == ""
