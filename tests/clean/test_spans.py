"""The clean text is the source minus deleted spans, with an exact offset map."""

from __future__ import annotations

import pytest

from newsloom.clean.spans import compose, merge_spans, source_spans, text_offset, text_offsets


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(5, 8), (0, 2), (7, 10)], [(0, 2), (5, 10)]),
        ([(0, 2), (2, 4)], [(0, 4)]),
        ([(3, 3), (1, 2)], [(1, 2)]),
        ([], []),
    ],
)
def test_merge_spans(spans: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    assert merge_spans(spans) == expected


@pytest.mark.parametrize(
    ("source", "deletions", "expected"),
    [
        # a deleted line and its newline; the blank lines left behind collapse to one
        ("Head\n\nJunk\n\nBody", [(6, 11)], "Head\n\nBody"),
        # leading and trailing whitespace go
        ("\n\n  Body text  \n\n", [], "Body text"),
        # a run of blank lines with spaces becomes one empty line
        ("One\n \n\t\n \nTwo", [], "One\n\nTwo"),
        # single line breaks stay as they are
        ("One\nTwo\n\nThree", [], "One\nTwo\n\nThree"),
        ("Keep this. Drop this.", [(10, 21)], "Keep this."),
        ("", [], ""),
    ],
)
def test_compose(source: str, deletions: list[tuple[int, int]], expected: str) -> None:
    text, segments = compose(source, deletions)
    assert text == expected
    for t, s, n in segments:
        assert text[t : t + n] == source[s : s + n]
    assert sum(n for _, _, n in segments) == len(text)


def test_offsets_both_ways() -> None:
    source = "AAA\n\nJUNK\n\nBBB CCC"
    text, segments = compose(source, [(5, 10)])
    assert text == "AAA\n\nBBB CCC"
    at = text.index("CCC")
    assert source_spans(segments, at, at + 3) == [(source.index("CCC"), source.index("CCC") + 3)]
    assert text_offset(segments, source.index("CCC")) == at
    assert text_offset(segments, source.index("JUNK")) is None
    assert text_offsets(segments, [0, source.index("BBB")]) == [0, text.index("BBB")]
    # a text span across a deletion maps to two source spans
    assert len(source_spans(segments, 0, len(text))) == 2
