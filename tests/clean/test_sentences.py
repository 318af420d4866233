"""The light sentence splitter: abbreviations, initials, glued paragraphs, offsets."""

from __future__ import annotations

import pytest

from newsloom.clean.sentences import is_abbreviation, split_lines_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam held. Villagers went home.", ["The dam held.", "Villagers went home."]),
        # a newline always ends a sentence, also after an abbreviation
        (
            "Later, the minister said U.S.\n\nOfficials disagreed.",
            ["Later, the minister said U.S.", "Officials disagreed."],
        ),
        # titles never end a sentence
        (
            "Mr. Osei spoke first. Sen. Hale replied.",
            ["Mr. Osei spoke first.", "Sen. Hale replied."],
        ),
        # a month abbreviation before a day number
        (
            "On Jan. 9, the gates opened. Water rose.",
            ["On Jan. 9, the gates opened.", "Water rose."],
        ),
        # U.S. before a capitalised noun stays inside the sentence
        (
            "U.S. Trade Secretary Mara Lind arrived. She left.",
            ["U.S. Trade Secretary Mara Lind arrived.", "She left."],
        ),
        # U.S. before a sentence opener ends the sentence
        (
            "The pact was signed in the U.S. The talks start soon.",
            ["The pact was signed in the U.S.", "The talks start soon."],
        ),
        # initials
        ("Paul K. Asante and J.R. Mensah signed.", ["Paul K. Asante and J.R. Mensah signed."]),
        # company suffixes may end a sentence
        (
            "It buys Volta Mills Inc. The price is high.",
            ["It buys Volta Mills Inc.", "The price is high."],
        ),
        # paragraphs glued by a scraper
        ("the ministry said.It will appeal", ["the ministry said.", "It will appeal"]),
        (
            'called it "a failure".Officials refused',
            ['called it "a failure".', "Officials refused"],
        ),
        # no split inside numbers, domains, or hyphenated abbreviations
        (
            "Shares rose 4.5 percent on Volta.com today.",
            ["Shares rose 4.5 percent on Volta.com today."],
        ),
        ("The U.S.-Ghana deal holds.", ["The U.S.-Ghana deal holds."]),
        # quotes: the closing mark stays with its sentence
        (
            'He said: "We are ready." She nodded! Why? Nobody knows.',
            ['He said: "We are ready."', "She nodded!", "Why?", "Nobody knows."],
        ),
        # a lower-case word after a period is not a new sentence
        ("a.m. flights resume. p.m. ones do not", ["a.m. flights resume. p.m. ones do not"]),
        ("No. 10 said no. Then it said yes.", ["No. 10 said no.", "Then it said yes."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text() -> None:
    text = "  First one.  Second one.\nThird"
    for s in split_sentences(text, offset=100):
        assert text[s.start - 100 : s.end - 100] == s.text


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Mr", "title"),
        ("Gen", "title"),
        ("U.S", "may_end"),
        ("Inc", "may_end"),
        ("J", "may_end"),
        ("dam", None),
        ("Accra", None),
    ],
)
def test_is_abbreviation(token: str, expected: str | None) -> None:
    assert is_abbreviation(token) == expected


def test_split_lines_spans() -> None:
    assert split_lines_spans("ab\n\ncd") == [(0, 2), (3, 3), (4, 6)]


def test_type_error() -> None:
    with pytest.raises(TypeError):
        split_sentences(42)  # type: ignore[arg-type]
