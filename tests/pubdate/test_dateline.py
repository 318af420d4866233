"""Printed datelines and timestamps, and what is not one."""

from __future__ import annotations

import pytest

from newsloom.pubdate.dateline import find_datelines, find_partial_dates, is_media_line


def kinds(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.kind) for d in find_datelines(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPublished: February 3, 2020\n\nBody.", [("2020-02-03", "published")]),
        ("Posted on 12 May 2019 by the desk", [("2019-05-12", "published")]),
        ("Veröffentlicht am 03.02.2020", [("2020-02-03", "published")]),
        ("Updated April 2, 2019 10:15:02", [("2019-04-02", "updated")]),
        ("AAP| Last Updated: Monday, April 1, 2019 - 09:30", [("2019-04-01", "updated")]),
        (
            "Title\n Updated \nTue 2 Apr 2019 08.10 BSTFirst published on Mon 1 Apr 2019 21.00 BST",
            [("2019-04-02", "updated"), ("2019-04-01", "published")],
        ),
        ("Headline\nApril 1, 2019 / 9:05 PM / in 2 years\nBody", [("2019-04-01", "timestamp")]),
        ("Monday, April 1, 2019", [("2019-04-01", "timestamp")]),
        ("2019-04-01 21:05", [("2019-04-01", "timestamp")]),
        ("Montag, 01.04.2019", [("2019-04-01", "timestamp")]),
        ("Date: 1 April 2019", [("2019-04-01", "timestamp")]),
        ("By Jane Q. Reporter April 1, 2019\nPARIS — Body", [("2019-04-01", "byline")]),
        ("The Agency | April 01 2019:\nBody", [("2019-04-01", "credit")]),
    ],
)
def test_stamps(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # dates inside sentences are about events
        "The minister said on April 1, 2019 that the talks would resume within the month.",
        "Version 2, 1 April 2019",  # a version record
        "Deadline: Monday, 1 April 2019",  # a field of something else
        "Mercury 4.1 was released on April 1, 2019. It is a long sentence of prose.",
        # embedded material: tweet, caption, video credit
        "— A Person (@aperson) April 1, 2019",
        "FILE - In this April 1, 2009 file photo, shoppers wait outside a store.",
        "By THE DAILY on Publish Date April 1, 2019. Watch in Daily Video »",
        "A crowd gathers on Monday, April 1, 2019. (AP Photo/Some One)",
        # table rows: a header clock in a layout table, a results list
        "| Monday, April 1, 2019 09:41 AM English | Deutsch |",
        "Relay 4 x 100 m          01.04.2019          1. Heat",
        # year-less datelines give no year
        "Wednesday, April 3\nLONDON, April 3 (Wire) - Body",
        "Apr. 3 (Wire) — Body",
    ],
)
def test_not_stamps(text: str) -> None:
    assert kinds(text) == []


def test_unlabelled_stamps_only_in_the_head() -> None:
    body = "\n".join(f"Paragraph {n} of the story." for n in range(30))
    assert kinds(body + "\nApril 1, 2019") == []
    assert kinds(body + "\nPublished: April 1, 2019") == [("2019-04-01", "published")]


def test_offsets_point_at_the_date() -> None:
    text = "Headline\nPublished: February 3, 2020"
    [stamp] = find_datelines(text)
    assert text[stamp.start : stamp.end] == "February 3, 2020"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Dec. 14, the envoy spoke; on Dec. 18 he left.", [(12, 14), (12, 18)]),
        ("the attack on 4 April killed dozens", [(4, 4)]),
        ("Wednesday, March 29, was the day", [(3, 29)]),
        ("on March 29, 2017 the letter", []),  # a full date is not partial
        ("they may 8 times refuse", []),
    ],
)
def test_find_partial_dates(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(p.month, p.day) for p in find_partial_dates(text)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo by A. Person/Agency", True),
        ("pic.twitter.com/abc123", True),
        ("story.lead_photo.caption People wave flags", True),
        ("Published: April 1, 2019", False),
    ],
)
def test_is_media_line(line: str, expected: bool) -> None:
    assert is_media_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock between the label and the date, as dailymail.co.uk, thesun.co.uk,
        # mirror.co.uk, seattlepi.com and sfgate.com print it (htmldate_eval); our wordings
        ("Published: 21:40 BST, 3 May 2019", [("2019-05-03", "published")]),
        ("Published: 6:05, 12 Jan 2021", [("2021-01-12", "published")]),
        ("Updated14:07, 9 JUN 2018", [("2018-06-09", "updated")]),
        ("Updated 8:12 am EDT, Friday, October 4, 2019", [("2019-10-04", "updated")]),
        (
            "Last updated 10:05, 9 April 2017\nFirst published 18:40, 7 April 2017",
            [("2017-04-09", "updated"), ("2017-04-07", "published")],
        ),
        (
            "Posted: 07:15 GMT, 2 June 2020 | Updated: 11:30 GMT, 3 June 2020",
            [("2020-06-02", "published"), ("2020-06-03", "updated")],
        ),
    ],
)
def test_labels_with_a_clock_before_the_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected
