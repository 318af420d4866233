"""A publication's title after a capital "The" inside a sentence ("told The Hindu", "told The
News", "The Atlantic's Jeffrey Goldberg") names the outlet, however the model tagged the title
(a nationality, a place, a plain media word).

The construction, seen in ../shared/data: ECB+ 19_4ecbplus and 19_5ecbplus ("King told The
News that ..."), PolNeAR train west-journal_2016-03-10_obama-just-let-something-slip-th ("the
president told The Atlantic's Jeffrey Goldberg"), huff-post_2016-04-12_republicans-finally-
confirmed-a- ("told The Spokesman-Review"), and "told The X" across PolNeAR train (huff-post,
wash-post, nyt, politico) and ECB+ 36_3ecb ("The Canadian Press").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf

QUOTE = '"We are far closer to a deal than people realize,"'


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (f"{QUOTE} Kowalski told The Hindu.", "Hindu"),
        (f"{QUOTE} Kowalski told The Australian on Monday.", "Australian"),
        (f"{QUOTE} Kowalski told The News.", "News"),
        (f"{QUOTE} Kowalski told The Atlantic.", "Atlantic"),
        (f"{QUOTE} the president told The Atlantic's Jeffrey Goldberg.", "Atlantic"),
        (f"{QUOTE} Kowalski told The Spokesman-Review on Monday.", "Spokesman-Review"),
        # a lower-case "the", or "The" opening a sentence, says no title
        (f"{QUOTE} Kowalski told the Atlantic council.", None),
        (f"{QUOTE} Kowalski told reporters. The Australian government said nothing.", None),
    ],
)  # fmt: skip
def test_a_title_after_a_capital_the(quotes_of: QuotesOf, text: str, via: str | None) -> None:
    q = next(q for q in quotes_of(text) if q.kind != "indirect")
    assert q.via == via
