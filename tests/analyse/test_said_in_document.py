"""A "that" clause after "said in a <document> [when]" is what was said, whatever arc the
parser gave it: after a date it often comes as a relative clause of the document noun ("said
in a press release on Wednesday that ..."), though a relative clause's "that" is its subject
or object, never a marker.

The construction, seen in ../shared/data: "said in a press release Wednesday that" (ECB+
36_10ecbplus), "said in a statement Monday that" (Washington Post and Politico, PolNeAR train),
"said in a statement ... that" (Breitbart, PolNeAR train; htmldate_eval 1725250200).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Keldor Energy said in a press release on Wednesday that production at its Alberta "
         "site had resumed.", "Keldor Energy", "production at its Alberta site had resumed"),
        ("Marlow Foods said in a press release on Tuesday that it would close two plants.",
         "Marlow Foods", "it would close two plants"),
        ("The airline said in a statement on Friday that all flights would resume by noon.",
         "airline", "all flights would resume by noon"),
        ("Vantor Bank said in a filing on Monday that its chief executive would retire.",
         "Vantor Bank", "its chief executive would retire"),
        ("The ministry said in a letter on Thursday that the border would stay closed.",
         "ministry", "the border would stay closed"),
    ],
)  # fmt: skip
def test_said_in_a_document_on_a_day_that(
    quotes_of: QuotesOf, text: str, speaker: str, content: str
) -> None:
    found = [(q.speaker, q.text) for q in quotes_of(text) if q.kind == "indirect"]
    assert any(s and speaker in s and t.startswith(content) for s, t in found), found


def test_a_relative_clause_of_the_document_is_not_what_was_said(quotes_of: QuotesOf) -> None:
    text = "The company said in a statement that was released on Monday that it would appeal."
    said = [q.text for q in quotes_of(text) if q.kind == "indirect"]
    assert not any(t.startswith("was released") for t in said)
