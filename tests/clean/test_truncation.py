"""Cut sentences inside the text and at its end, and the article-level flag."""

from __future__ import annotations

import pytest

from newsloom.clean.truncation import (
    article_truncated,
    cut_reason,
    end_cut_reason,
    is_running_prose,
    truncated_sentences,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The river rose overnight.", None),
        ('"We are ready," she said.”', None),
        ("The minister told reporters that the dam", "ends without final punctuation"),
        ("Officials said the talks would resume,", "ends without final punctuation"),
        ("He then turned to Mr.", "ends on a title abbreviation"),
        ("Earlier, the envoy said U.S.", "ends on an abbreviation that opens a clause"),
        ("Aid arrived from the U.S.", None),  # complete: the U.S. is the object
        ("The minister said:", None),  # a quote or list follows
        ("The plan was signed. – The River Post", None),  # a credit closes it
        ("The plan was signed. (AP)", None),
        ("We will rebuild the valley — Ama Boateng", None),  # a pull quote's signature
        ("Read the statement pic.twitter.com/abc123", None),
        ("— River Desk (@riverdesk) April 7, 2026", None),
    ],
)
def test_cut_reason(line: str, expected: str | None) -> None:
    assert cut_reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The river rose overnight and villages were cut off", True),
        ("Dam Operator Fined Over Late Flood Warning Again", False),
        ("- the first point of a list of steps", False),
        ("Too short here", False),
    ],
)
def test_is_running_prose(line: str, expected: bool) -> None:
    assert is_running_prose(line) is expected


def test_truncated_sentences() -> None:
    text = (
        "Dam operator fined\n\n"
        "The operator was fined on Tuesday for warning villages too late, officials said.\n\n"
        "The fine is the largest ever imposed. Last week, though, the minister said U.S.\n\n"
        "Counting the cost of the flood\n\n"
        "Farmers said the water destroyed the harvest. The regional office promised the\n\n"
        "Relief is slow, and many families are still waiting for the money they were"
    )
    spans = truncated_sentences(text)
    assert [s.text for s in spans] == [
        "Last week, though, the minister said U.S.",
        "The regional office promised the",
        "Relief is slow, and many families are still waiting for the money they were",
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert spans[-1].note.startswith("text ends mid-sentence")
    assert spans[0].note.startswith("paragraph")


def test_unpunctuated_summary_lines_are_not_cut() -> None:
    text = (
        "The operator was fined on Tuesday for warning villages too late, officials said.\n"
        "Farmers will be paid within a month of the flood\n"
        "The ministry will review the warning system next year\n"
        "The review starts in May."
    )
    assert truncated_sentences(text) == []


def test_broken_line_is_not_cut() -> None:
    text = (
        "The operator was fined on Tuesday for warning villages too late, officials said.\n"
        "The move upset farmers who had lost crops and\n"
        "livestock in the flood."
    )
    assert truncated_sentences(text) == []


@pytest.mark.parametrize(
    ("text", "tail", "expected"),
    [
        ("The gates opened. Villagers fled to the hi", [], True),
        ("The gates opened. Villagers fled.", [], None),
        ("The gates opened. Villagers fled.", [("© 2026 River Post", "copyright")], False),
        (
            "The gates opened and villagers called it “a disgrace”",
            [("Leave a Reply", "comment_form")],
            False,
        ),
        ("The gates opened. Villagers fled.", [("Read the full article in print", "promo")], False),
        ("The gates opened. – The River Post", [], False),
        ("The gates opened. (Reporting by Ama Boateng)", [], False),
        ("The steps are:", [], True),
        ("He went on to say Mr.", [], True),
        ("The gates opened. Villagers fled.", [("Hide Ad", "ad")], None),
        ("The gates opened. Villagers fled.\n(END)", [], False),
        ("The gates opened. Villagers fled.\nBrendan Mensah", [], None),  # a name, not a cut
        ("", [], None),
    ],
)
def test_article_truncated(text: str, tail: list[tuple[str, str]], expected: bool | None) -> None:
    assert article_truncated(text, tail) is expected


@pytest.mark.parametrize(
    ("line", "mid_line", "expected"),
    [
        ("Villagers fled to the hi", False, "ends without final punctuation"),  # prose
        ('"The head of the river auth', False, "ends without final punctuation"),  # open quote
        ("Tusk", False, None),  # a name or label: nothing says it was cut
        ("Tusk", True, "ends without final punctuation"),  # the source stopped mid-line
        ("Movie Review", False, None),
        ("The steps are:", False, "ends on a colon"),
        ("Then he turned to Mr.", False, "ends on a title abbreviation"),
        ("The gates opened.", True, None),
    ],
)
def test_end_cut_reason(line: str, mid_line: bool, expected: str | None) -> None:
    assert end_cut_reason(line, mid_line=mid_line) == expected
