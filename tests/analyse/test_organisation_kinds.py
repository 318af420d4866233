""" "The company said", "the airline said", "the agency said": an organisation named before, then
called by its kind, is the speaker (the one the story has named most, no medium, and no public
body for a business's kind).

The construction, seen in ../shared/data: PolNeAR train wash-post_2016-05-29_verizon-striking-
un, nyt_2015-12-03_columbia-defends-exxon-ar, politico_2015-12-31_more-than-clinton-em ("the
agency" after the State Department); ECB+ 27_4ecbplus (Microsoft), 40_1ecb (Apple), 43_7ecb
(TSMC), 22_2ecbplus (Kraft Foods), 30_5ecb (France Telecom), 28_4ecb (the FBI).
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Halvorsen Motors cut 1,200 jobs on Thursday. The company said the cuts would save "
         "about $300 million a year.", "Halvorsen Motors"),
        ("Kestrel Airways cancelled 200 flights. The airline said the strike had cost it 20 "
         "million pounds.", "Kestrel Airways"),
        ("The World Health Organization warned of a new wave on Friday. The agency said the "
         "outbreak was not yet under control.", "World Health Organization"),
        ("Dunmore Rovers sacked their manager on Sunday. The team said a successor would be "
         "named within a week.", "Dunmore Rovers"),
        ("Orrin Foods will close two plants. Union leaders met Orrin Foods managers on Monday. "
         "The Labor Department opened an inquiry. The company said no decision had been made "
         "on the third plant.", "Orrin Foods"),
        ("Bellweather Bank raised its rates for the second time this year. The lender said "
         "mortgage demand had fallen sharply.", "Bellweather Bank"),
        ("Reuters first reported the talks. Corvane Systems has hired advisers. The firm said "
         "it was considering all options.", "Corvane Systems"),
    ],
)  # fmt: skip
def test_the_kind_of_organisation_named_before(
    quotes_of: QuotesOf, text: str, speaker: str
) -> None:
    assert [q.speaker for q in quotes_of(text) if q.kind == "indirect"][-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The company said the cuts would save about $300 million a year.",
        "Hale met the board on Monday. The oil company said the cuts would save money.",
    ],
)
def test_no_organisation_named_before(quotes_of: QuotesOf, text: str) -> None:
    speaker = [q.speaker for q in quotes_of(text) if q.kind == "indirect"][-1]
    assert speaker is None or speaker.lower().endswith("company")
