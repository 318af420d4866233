"""Spun-copy markers: bare formal state names and "USA" in prose."""

from __future__ import annotations

import pytest

from newsloom.clean.spun import spun_markers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks with Russian Federation resumed.", [("Russian Federation", "Russia")]),
        ("Russian Federation condemned the strike.", [("Russian Federation", "Russia")]),
        (
            "The envoy met Republic of Indonesia's minister.",
            [("Republic of Indonesia", "Indonesia")],
        ),
        (
            "Sanctions on People’s Republic of China grew.",
            [("People’s Republic of China", "China")],
        ),
        (
            "Democratic People's Republic of Korea fired a missile.",
            [("Democratic People's Republic of Korea", "North Korea")],
        ),
        ("the USA strike on the base was condemned.", [("USA", "U.S.")]),
        ("It hit last year's USA election.", [("USA", "U.S.")]),
        ("A USA official-backed lender paid.", [("USA", "U.S.")]),
        ("It was signed by USA Deputy Trade Secretary Mara Lind.", [("USA", "U.S.")]),
        # not markers
        ("The Russian Federation said it would reply.", []),
        ("the Republic of Korea delegation arrived.", []),
        ("She reads USA Today on the train.", []),
        ("USA TODAY reported the figures.", []),
        ("Team USA won the relay.", []),
        ("Ana Lopez (USA) won the final.", []),
        ("A USA-based fund bought it.", []),
        ("USA BEAT GHANA IN THE FINAL", []),
        ("Visit #USA this summer", []),
        ("The Czech Republic and the United Kingdom agreed.", []),
    ],
)
def test_spun_markers(text: str, expected: list[tuple[str, str]]) -> None:
    found = spun_markers(text)
    assert [(m.text, m.standard) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


def test_type_error() -> None:
    with pytest.raises(TypeError):
        spun_markers(None)  # type: ignore[arg-type]
