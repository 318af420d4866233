"""A source's request not to be named ("who asked not to be identified", "asked to remain
anonymous") says how the source is quoted, not what it said: no reported statement.

Seen in ../shared/data: USA Today (ECB+ 30_2ecb, "He asked not to be identified pending an
official announcement"), the Daily Mail (ECB+ 8_3ecbplus, "One friend, who asked not to be
named, said"), MSN (htmldate_eval msn.com.university, "One, who asked not to be named,
said"), and PolNeAR train's "who requested anonymity to speak candidly" (Washington Post,
Politico, NYT), which PolNeAR marks as no attribution.
"""

from __future__ import annotations

import pytest

from .quoting import QuotesOf


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Telvane is in talks to buy the operator, according to a person familiar with the "
         "matter, who asked not to be identified because the talks are private.",
         "Telvane is in talks to buy the operator"),
        ("One neighbour, who asked not to be named, said the family had moved away in March.",
         "the family had moved away in March"),
        ("The official, who asked not to be named because he was not authorised to speak, said "
         "the talks had stalled.", "the talks had stalled"),
        ("A source, who asked to remain anonymous, said the deal was close.",
         "the deal was close"),
        ("Two officials, who asked for anonymity, said the deal was close.",
         "the deal was close"),
        ("A diplomat who asked not to be quoted by name said the vote would be delayed.",
         "the vote would be delayed"),
    ],
)  # fmt: skip
def test_a_request_not_to_be_named_reports_nothing(
    quotes_of: QuotesOf, text: str, said: str
) -> None:
    found = [q.text for q in quotes_of(text) if q.kind == "indirect"]
    assert found == [said]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a request about someone or something else is still what was asked
        ("The senator asked the committee to name a new chairman.",
         "the committee to name a new chairman"),
        ("The mayor asked residents to remain calm.", "residents to remain calm"),
    ],
)  # fmt: skip
def test_other_requests_stay(quotes_of: QuotesOf, text: str, asked: str) -> None:
    assert asked in [q.text for q in quotes_of(text) if q.kind == "indirect"]
