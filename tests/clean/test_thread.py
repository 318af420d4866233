"""The reader-comment thread after an article (`clean/thread.py`).

The phenomenon on boilerplate_pages (train and choose sites): a count heading after the
article opens a thread that runs to the end of the page on getelastic.com (dragnet/R1000,
"4 Responses to “…”"), everywhereist.com (dragnet/141, "Comments (18)"), cnet.com
(dragnet/140, "309 comments"), randfishkin.com (dragnet/102, "15 comments") and columbia.edu
(cleaneval-final/563, "35 Responses to “…”"). The pages and comments below are invented.
"""

from __future__ import annotations

import pytest

from newsloom.clean import clean_text
from newsloom.clean.thread import thread_heading, thread_start

PROSE = [
    "The harbour board approved a new ferry timetable on Tuesday after two years of talks.",
    "Sailings to the outer islands will rise from two a day to five during the summer months.",
    "The board said the extra crossings would be paid for by a small rise in car fares.",
]


@pytest.mark.parametrize(
    "line",
    [
        "14 Comments",
        "1 comment",
        "No comments:",
        "Comments (9)",
        "comment (1)",
        "Show 230 comments",
        "View all 8 comments",
        "See 3 comments",
        "5 thoughts on “A week on the night ferry”",
        '2 Responses to "Ferry fares rise again"',
        "12 replies",
        "31 Comments »",
        "4 comments +",
    ],
)
def test_count_headings(line: str) -> None:
    assert thread_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Comments",  # a share-bar button as often as a heading: no count
        "Leave a reply",
        "3 comments in last week's post asked about the fares. Here are my answers:",
        "The minister made 12 comments to reporters.",
        "Comments are closed.",
        "Twelve islanders gave comments at the hearing",
    ],
)
def test_not_count_headings(line: str) -> None:
    assert not thread_heading(line)


def test_thread_starts_after_the_article() -> None:
    lines = [
        "Ferry timetable doubles island sailings",
        *PROSE,
        "6 Comments",
        "harbourwatcher",
        "3 hours ago",
        "About time. The old timetable made it impossible to commute.",
        "Reply",
    ]
    assert thread_start(lines) == 4


def test_a_count_above_the_article_opens_no_thread() -> None:
    # a byline bar's count comes before the prose: the article follows it
    lines = ["Ferry timetable doubles island sailings", "By Ana Ruiz | 6 Comments", *PROSE]
    assert thread_start(lines) is None
    lines = ["Ferry timetable doubles island sailings", "6 Comments", *PROSE, "More text."]
    assert thread_start(lines) is None


def test_no_heading_no_thread() -> None:
    assert thread_start([*PROSE, "Reply", "Post comment"]) is None
    assert thread_start([]) is None


def test_clean_text_removes_the_thread() -> None:
    comments = [
        "Comments (2)",
        "Marguerite T",
        "12/05/2026 - 09:14",
        "Will the cafe on the upper deck stay open on the late sailings as well?",
        "Like (4) Reply",
        "dockside_dave",
        "12/05/2026 - 10:02",
        "Five a day is still not enough in August when the campers arrive",
    ]
    page = "\n\n".join(["Ferry timetable doubles island sailings", *PROSE, *comments]) + "\n"
    cleaned = clean_text(page, learned=True)
    for line in PROSE:
        assert line in cleaned.text
    for line in comments:
        assert line not in cleaned.text
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Marguerite T"] == "comments"
    assert reasons["Five a day is still not enough in August when the campers arrive"] == "comments"
