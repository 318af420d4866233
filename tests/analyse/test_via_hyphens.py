"""An outlet's name with a hyphen inside a word ("The Star-Ledger", "the Chicago Sun-Times",
"Al-Ahram") is credited whole, not from its last part.

The construction, seen in ../shared/data: PolNeAR train breitbart_2016-03-02_christie-s-shell-
shocked-look-st ("told The Star-Ledger"), usa-today_2016-06-27_orlando-shootings-temper-lgbt-pr
("the Chicago Sun-Times reported"), wash-post_2016-07-02_judge-blocks-mississippi-s-relig (the
Clarion-Ledger), huff-post_2016-04-27_why-does-israel-refuse-to-recogn ("al-Aqsa television");
ECB+ 3_4ecb and 3_5ecb ("The Atlanta Journal-Constitution reported"), 41_8ecb ("According to
the San Diego Union-Tribune").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

QUOTE = '"We are far closer to a deal than people realize,"'


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told The Star-Ledger of Newark last week.", "Star-Ledger"),
        (f"{QUOTE} Kowalski said, according to the San Diego Union-Tribune.",
         "San Diego Union-Tribune"),
        (f"{QUOTE} Kowalski told the Clarion-Ledger.", "Clarion-Ledger"),
        (f"{QUOTE} Kowalski told the Al-Ahram newspaper.", "Al-Ahram newspaper"),
        (f"{QUOTE} Kowalski told al-Arabiya television on Monday.", "al-Arabiya television"),
        (f"{QUOTE} Kowalski told the Post-Dispatch.", "Post-Dispatch"),
    ],
)  # fmt: skip
def test_a_hyphenated_outlet_told(quotes_of: QuotesOf, text: str, via: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert q.via == via


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("The parade began with a moment of silence, the Chicago Sun-Times reported.",
         "Chicago Sun-Times"),
        ("Two men were arrested on Friday, The Atlanta Journal-Constitution reported.",
         "Atlanta Journal-Constitution"),
        ("The mill will close in May, the Star-Tribune reported.", "Star-Tribune"),
        ("Two schools were closed, the Sun-Times reported.", "Sun-Times"),
        ("Three roads were closed, the Journal-Constitution reported.", "Journal-Constitution"),
    ],
)  # fmt: skip
def test_a_hyphenated_outlet_reported(quotes_of: QuotesOf, text: str, via: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert q.via == via and q.speaker != via
