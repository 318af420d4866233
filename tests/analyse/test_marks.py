"""Pairing quotation marks: text -> quoted spans."""

from __future__ import annotations

import pytest

from newsloom.analyse.marks import MarkedSpan, find_quoted, quote_is_partial


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will go" today.', ["we will go"]),
        ("“Yes,” she said. “No.”", ["Yes,", "No."]),
        # mixed pairs: a straight mark opens, a curly one closes, and the other way round
        (
            '"[It’s] going great,” he said. “There has been progress."',
            ["[It’s] going great,", "There has been progress."],
        ),
        # a closing mark printed as an opening one at the end of the text
        (
            "Obama said it was “joining nations that reject the future“",
            ["joining nations that reject the future"],
        ),
        # a doubled opening mark opens once, after both marks
        (
            "Macron said in a statement “”France and the UK regret it.”",
            ["France and the UK regret it."],
        ),
        # apostrophes inside words are no marks
        ("Russia’s role and the chief of the Mossos'd 'Esquadra police.", []),
        ("It's the 'very special bond' they built.", ["very special bond"]),
        # single quotes inside a double quote are a quote within the quote
        ("\"He called it 'a farce' and left,\" she said.", ["He called it 'a farce' and left,"]),
        # a headline in single quotes
        ("Trump Declares 'Confidence in Both Parties' on Meddling", ["Confidence in Both Parties"]),
        # marks after a dash or a bracket
        (
            '"Votarem!" -- Catalan for "We will vote!" -- chanted the crowds',
            ["Votarem!", "We will vote!"],
        ),
        # a stray mark costs that quote, never the rest
        ("The crime of “rebellion is punishable.\n\nFrance rejected it.", []),
        ("A stray “ mark here. Then “a real quote” follows.", ["a real quote"]),
        # typewriter and tokenised-corpus quotes
        ("``We agree,'' she said. The threat '' stays.", ["We agree,"]),
        # contractions and possessives written apart from their word open nothing
        ("If you loved it, you 're hosting a party. Jackman 's film flopped, singin' and all.", []),
        ("The 's' sound and the 'm' key.", ["s", "m"]),
        # single marks around double-quoted spans: the text's own quotation marks decide
        (
            "‘He called it “a farce” and left,’ she said. ‘We go on.’",
            ["He called it “a farce” and left,", "We go on."],
        ),
        (
            'Fans of the \'80s loved "X-Men" and "Australia" and the goin\' was good.',
            ["X-Men", "Australia"],
        ),
        ("", []),
        ('""', []),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_paragraph_that_opens_without_closing_continues_in_the_next() -> None:
    text = '"So we need an election now.\n\n"Because we have a chance," she said.'
    spans = find_quoted(text)
    assert [text[s.start : s.end] for s in spans] == [
        "So we need an election now.",
        "Because we have a chance,",
    ]
    assert spans[0].open_ended and not spans[0].continues
    assert spans[1].continues and not spans[1].open_ended


def test_a_subheading_between_the_paragraphs_of_a_quote_is_skipped() -> None:
    text = "He said: “They agreed on calls.\n\nFair talks\n\n“They also agreed on trade.”"
    assert quoted(text) == ["They agreed on calls.", "They also agreed on trade."]


def test_a_quote_over_a_line_break_without_a_new_mark_is_one_span() -> None:
    text = "She said. “The country is together.\nLabour have threatened it.” May said."
    assert quoted(text) == ["The country is together.\nLabour have threatened it."]


def test_a_quote_cut_off_at_the_end_is_dropped() -> None:
    text = '"Since I became PM I said no.\n\n"But now I have concluded that i'
    assert quoted(text) == ["Since I became PM I said no."]


def test_offsets_point_into_the_text() -> None:
    text = "Mr Kim said the “world will see a major change” and left."
    (span,) = find_quoted(text)
    assert text[span.mark_start] == "“" and text[span.mark_end - 1] == "”"
    assert text[span.start : span.end] == "world will see a major change"


def test_rejects_a_non_string() -> None:
    with pytest.raises(TypeError):
        find_quoted(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ("She called the decision “extremely regrettable”.", True),
        ("He pledged to deliver “the will of the people”.", True),
        ("She said “police started to kick people.”", False),
        ("Trump said, “The deal is defective.”", False),
        ("Tusk told reporters: “We miss you.”", False),
        ("“We miss you,” he said.", False),
        # typewriter marks, as tokenised corpora print them
        ("Sugar said ``Everyone told us we were crazy.''", False),
        ("Meeting.\n``We agree,'' said Angers.", False),
        ("He was ``shocked'' by it.", True),
    ],
)
def test_partial_quotes_are_fragments_inside_the_reporters_sentence(
    text: str, partial: bool
) -> None:
    (span,) = find_quoted(text)
    assert quote_is_partial(text, span) is partial


def test_a_reopened_quote_is_never_partial() -> None:
    text = "x"
    assert not quote_is_partial(text, MarkedSpan(0, 1, 0, 1, continues=True))
