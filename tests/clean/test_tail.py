"""The page's tail after the article's last sentence (`clean/tail.py`).

The phenomenon on boilerplate_pages (train and choose sites): between the article's last
paragraph and the page's last removed line, pages keep short furniture the line model lets
through, on nytimes.com (dragnet/128, "Follow The New York Times »"), wsj.com (dragnet/212,
"Enter your answer"), guardian.co.uk (cleaneval-final/130, "Special reports"), bbc.co.uk
(cleaneval-final/118, "^^ Back to top") and cbsnews.com (cleaneval-final/318, "... | E-Mail").
The pages below are invented.
"""

from __future__ import annotations

import pytest

from newsloom.clean import clean_text
from newsloom.clean.tail import page_tail, sentence_like

PROSE = [
    "The county council voted on Monday to close two of its four recycling centres next spring.",
    "Officials said the remaining sites would open longer hours to make up for the closures.",
    "Residents' groups said they would ask for the decision to be reviewed within a year.",
]

#: invented furniture of the kinds seen after an article's last line
FURNITURE = [
    "Recycling, County Council, Waste, Local Government",
    "Donate",
    "(With inputs from agencies)",
    "Have a tip? Message our newsroom on Signal or email desk@example.org",
    "Editor: Marta Quist",
    "Share this story",
    "Posted in Environment | Tagged recycling, council",
]


def _removed(lines: list[str], gone: set[int]) -> list[bool]:
    return [i in gone for i in range(len(lines))]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_between_the_last_sentence_and_the_last_removed_line(line: str) -> None:
    lines = ["Two recycling centres to close", *PROSE, line, "Related stories"]
    assert page_tail(lines, _removed(lines, {5})) == [4]


def test_every_kept_line_of_the_tail() -> None:
    lines = [*PROSE, *FURNITURE, "Most read", "Copyright 2026"]
    n = len(PROSE) + len(FURNITURE)
    assert page_tail(lines, _removed(lines, {n, n + 1})) == list(range(len(PROSE), n))


@pytest.mark.parametrize(
    "line",
    [
        # sentences that lost their full stop: the article's, and the tail starts after them
        "Talks with the haulage firm broke down last month and no date has been set",
        "Food waste will still be collected every week from every household",
        "Good value for small families, less so for anyone with a garden",
        "Councillors said they had heard the same promise two years ago",
        "The company, which has since changed hands, was fined in a separate case",
    ],
)
def test_a_sentence_without_its_full_stop_is_the_article(line: str) -> None:
    assert sentence_like(line)
    lines = [*PROSE, "What happens next", line, "Advertisement"]
    assert page_tail(lines, _removed(lines, {5})) == []


@pytest.mark.parametrize(
    "line",
    [
        "Donate",
        "Bushfires, Coastal towns, Weather",
        "Got a story? Email us",
        "Reporting by Ana Ruiz; editing by Tom Hale",
        "JANE DOE/STAFF PHOTOGRAPHER",
        "Listen · 4:12",
    ],
)
def test_furniture_is_not_sentence_like(line: str) -> None:
    assert not sentence_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sincerely,",  # a letter's sign-off: the signature follows
        "- two spoons of honey",  # a list item
        "3) Keep the receipt",
        "The ingredients:",
        "Yours;",
        "Thanks to everyone who came along.",  # ends a sentence
    ],
)
def test_kept_in_the_tail(line: str) -> None:
    lines = [*PROSE, line, "Advertisement"]
    assert page_tail(lines, _removed(lines, {4})) == []


def test_nothing_removed_after_it_no_tail() -> None:
    # the page ends on kept lines: a cut excerpt, or the article's own last lines
    lines = [*PROSE, "Recycling, Waste, Council"]
    assert page_tail(lines, _removed(lines, set())) == []


def test_too_little_prose_no_tail() -> None:
    lines = [PROSE[0], PROSE[1], "Recycling, Waste, Council", "Advertisement"]
    assert page_tail(lines, _removed(lines, {3})) == []


def test_lines_before_the_last_sentence_stay() -> None:
    lines = [*PROSE[:2], "Recycling, Waste", "Advertisement", PROSE[2], "Share", "Related"]
    assert page_tail(lines, _removed(lines, {3, 6})) == [5]


def test_clean_text_removes_the_tail_of_a_scraped_page() -> None:
    page = "\n\n".join(
        ["Two recycling centres to close", *PROSE, "Waste, Recycling, Council", "Related Stories"]
    )
    cleaned = clean_text(page + "\n", as_scraped=True, learned=True)
    for line in PROSE:
        assert line in cleaned.text
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Waste, Recycling, Council"] == "page_tail"
    # an extractor's output is not a page: its lines are left as the model judged them
    cleaned = clean_text(page + "\n", as_scraped=False, learned=True)
    assert "page_tail" not in {r.reason for r in cleaned.removed}


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("(AP)", "AP"),
        ("(AFP)", "AFP"),
        ("(Reporting by Ana Ruiz; Editing by Tom Hale)", "Ana Ruiz"),
    ],
)
def test_credits_are_read_from_the_tail(line: str, name: str) -> None:
    page = "\n\n".join(["Two recycling centres to close", *PROSE, line, "Related Stories"])
    cleaned = clean_text(page + "\n", as_scraped=True, learned=True)
    assert {r.text: r.reason for r in cleaned.removed}.get(line) == "page_tail"
    assert name in {c.name for c in cleaned.quality.credits}
