import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsloom.alternation import alternation


def _longest_first(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_shares_prefixes():
    assert alternation(["Mar", "March", "May"]) == "Ma(?:r(?:ch)?|y)"
    assert alternation(["a", "ab"]) == "ab?"


@pytest.mark.parametrize("text", ["Marching in March, May 5", "mar. MAR Marz", "nothing here"])
def test_month_names_match_as_the_longest_first_list(text):
    words = ["Mar", "March", "Marz", "May", "Mai", "Maerz"]
    for flags in (0, re.IGNORECASE):
        tree = re.compile(rf"\b(?:{alternation(words)})\b", flags)
        flat = re.compile(rf"\b(?:{_longest_first(words)})\b", flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab.c ", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="ab.c x", max_size=40),
)
def test_same_matches_as_longest_first(words, text):
    for tail in ("", r"\b", "x", r"\s"):
        tree = re.compile(f"(?:{alternation(words)}){tail}")
        flat = re.compile(f"(?:{_longest_first(words)}){tail}")
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_rejects_empty_input():
    with pytest.raises(ValueError):
        alternation([])
    with pytest.raises(ValueError):
        alternation(["May", ""])
    with pytest.raises(TypeError):
        alternation(["May", 5])  # type: ignore[list-item]
