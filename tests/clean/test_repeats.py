"""Repeated sentences: bare copies go, quotes and headlines stay."""

from __future__ import annotations

import pytest

from newsloom.clean.repeats import find_repeats, quoted_segments, sentence_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Gates, Opened!", "the gates opened"),
        ("  “We are ready,” he said. ", "we are ready he said"),
    ],
)
def test_sentence_key(text: str, expected: str) -> None:
    assert sentence_key(text) == expected


def test_quoted_segments() -> None:
    text = 'He said "the river will rise again" and left. “Soon,” she said.'
    segs = quoted_segments(text, 10)
    assert [q.text for q, _, _ in segs] == ["the river will rise again", "Soon,"]
    for q, outer_start, outer_end in segs:
        assert text[q.start - 10 : q.end - 10] == q.text
        assert outer_start < q.start and q.end < outer_end


def regions(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for part in text.split("\n"):
        if part.strip():
            out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def test_bare_copy_of_a_quoted_statement_is_a_repeat() -> None:
    text = (
        '"Finally, the ministers agreed to reopen the border crossing", the statement said.\n'
        "Trade resumed. Finally, the ministers agreed to reopen the border crossing."
    )
    (rep,) = find_repeats(text, regions(text))
    assert rep.first.text == "Finally, the ministers agreed to reopen the border crossing"
    assert [c.text for c in rep.copies] == [
        "Finally, the ministers agreed to reopen the border crossing."
    ]
    assert rep.count == 2


def test_quotes_are_never_removed() -> None:
    text = (
        "The ministers agreed to reopen the border crossing on Monday.\n"
        'He said: "The ministers agreed to reopen the border crossing on Monday."'
    )
    assert find_repeats(text, regions(text)) == []


def test_glued_double_sentence() -> None:
    text = "The vote was held after a long debate.The vote was held after a long debate."
    (rep,) = find_repeats(text, regions(text))
    assert rep.first.start == 0 and len(rep.copies) == 1 and rep.copies[0].start > 0


@pytest.mark.parametrize(
    "text",
    [
        # a headline printed twice has no final period
        "Dam operator fined over late flood warning\n\nDam operator fined over late flood warning",
        # short sentences may repeat on purpose
        "They are wrong.\nThey are wrong.",
        # list items repeat their labels
        "- Label: The Valley Records Company.\n- Label: The Valley Records Company.",
    ],
)
def test_not_repeats(text: str) -> None:
    assert find_repeats(text, regions(text)) == []


def test_three_printings() -> None:
    line = "The border crossing will reopen on Monday morning."
    text = "\n".join([line, "Other news.", line, line])
    (rep,) = find_repeats(text, regions(text))
    assert rep.count == 3 and len(rep.copies) == 2
