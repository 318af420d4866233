"""A paper named by a bare media word and "of" a place ("the Times of India", "The Times of
Israel", "Voice of America") is credited with the place, not as "Times" or "Voice".

The construction, seen in ../shared/data: htmldate_eval eval/Repubblica.it-Israele-Hamas
("citato dal Times of Israel"), eval/achgut.com-coronalage ("der Times of Israel"),
eval/timesofisrael.com.washington, test_set/1727473717 and 1571147129 (Times of India pages).
A paper with a name of its own keeps the place out ("The Star-Ledger of Newark",
test_via_hyphens; ECB+ 32_1ecb "The Standard-Times of New Bedford").
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "via"),
    [
        (
            "Railway Minister Suresh Pandey told the Times of India that fares would stay.",
            "Times of India",
        ),
        (
            '"We will not back down," Avi Rosen, a senior official, told The Times of Israel.',
            "Times of Israel",
        ),
        (
            "Opposition leader Nadia Karim told Voice of America that the vote had been rigged.",
            "Voice of America",
        ),
        (
            '"The budget is balanced," Finance Secretary Leon Abela told the Times of Malta.',
            "Times of Malta",
        ),
        ('"Prices will rise," Salim Harthy said, according to the Times of Oman.', "Times of Oman"),
        # a name of its own, a date, or "of" something else: no place added
        (
            "Police chief Mark Duarte told the Standard-Times of New Bedford the man had fled.",
            "Standard-Times",
        ),
        (
            "Mayor Ruth Coyle told the New York Times on Tuesday that the plan was dead.",
            "New York Times",
        ),
        ('"It is over," coach Dan Pyle told the Times of his decision to retire.', "Times"),
    ],
)
def test_a_paper_of_a_place(quotes_of: QuotesOf, text: str, via: str) -> None:
    quotes = quotes_of(text)
    assert quotes, text
    assert quotes[0].via == via
